/**
 * Spilled array results (docs/platform.md, "Custom functions"): only the
 * anchor holds the formula, the values below/right are spilled; a value in
 * the spill area blocks the spill (#REF!) until it is cleared.
 */
import { Emulator } from '../../tools/emulator';

const CODE = `
  function sh_() { return SpreadsheetApp.getActive().getSheetByName('S'); }
  function RETAIN_TIER(col) { return col.map(function (r) { return [r[0] === '' ? '' : r[0] > 10 ? 'A' : 'C']; }); }
  function PAIRS(col) { return col.map(function (r) { return [r[0], r[0] === '' ? '' : r[0] * 2]; }); }
  function read(a1) { return sh_().getRange(a1).getValues(); }
  function formulas(a1) { return sh_().getRange(a1).getFormulas(); }
  function write(a1, v) { sh_().getRange(a1).setValue(v); }
  function writeAll(a1, rows) { sh_().getRange(a1).setValues(rows); }
  function clear(a1) { sh_().getRange(a1).clearContent(); }`;

function emulator(rows: unknown[][]): Emulator {
  const emu = new Emulator({ now: '2026-11-02T10:00:00Z' });
  emu.load(CODE);
  emu.setSheet('S', rows);
  return emu;
}

describe('spilled array results', () => {
  const rows = [['Rev', 'Tier'], [20, '=RETAIN_TIER(A2:A4)'], [5], [30]];

  test('getFormulas has the formula in the anchor only; getValues has every spilled value', () => {
    const emu = emulator(rows);
    expect(emu.invoke('formulas', 'B2:B4')).toEqual([['=RETAIN_TIER(A2:A4)'], [''], ['']]);
    expect(emu.invoke('read', 'B2:B4')).toEqual([['A'], ['C'], ['A']]);
  });

  test('a value typed into the spill area later: the anchor shows #REF! and nothing is spilled; clearing it spills again', () => {
    const emu = emulator(rows);
    emu.invoke('write', 'B4', 'mine');
    expect(emu.invoke('read', 'B2:B4')).toEqual([['#REF!'], [''], ['mine']]);
    expect(emu.formulaErrors()).toEqual([
      {
        sheet: 'S',
        a1: 'B2',
        value: '#REF!',
        message: 'Array result was not expanded because it would overwrite data in B4.',
      },
    ]);
    emu.invoke('clear', 'B4');
    expect(emu.invoke('read', 'B2:B4')).toEqual([['A'], ['C'], ['A']]);
    expect(emu.formulaErrors()).toEqual([]);
  });

  test('a script writing the spilled values back as values (what Retain must never do) blocks the spill', () => {
    const emu = emulator(rows);
    // Reads B2:B4 and writes the same values over B3:B4: they become typed values, not spilled ones.
    emu.invoke('writeAll', 'B3:B4', [['C'], ['A']]);
    expect(emu.invoke('read', 'B2:B4')).toEqual([['#REF!'], ['C'], ['A']]);
    expect(emu.invoke('formulas', 'B2:B4')).toEqual([['=RETAIN_TIER(A2:A4)'], [''], ['']]);
  });

  test('the result is recalculated when its argument range changes', () => {
    const emu = emulator(rows);
    emu.invoke('write', 'A3', 50);
    expect(emu.invoke('read', 'B2:B4')).toEqual([['A'], ['A'], ['A']]);
  });

  test('a two-column result spills right as well; a value anywhere in the rectangle blocks it', () => {
    const emu = emulator([['n', 'n', 'x2'], [1, '=PAIRS(A2:A3)'], [2]]);
    expect(emu.invoke('read', 'B2:C3')).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(emu.invoke('formulas', 'B2:C3')).toEqual([
      ['=PAIRS(A2:A3)', ''],
      ['', ''],
    ]);
    emu.invoke('write', 'C3', 'x');
    expect(emu.invoke('read', 'B2:C3')).toEqual([
      ['#REF!', ''],
      ['', 'x'],
    ]);
  });

  test('a built-in array formula (ARRAYFORMULA) spills the same way', () => {
    const emu = emulator([['Rev', 'x2'], [20, '=ARRAYFORMULA(IF(A2:A4="","",A2:A4*2))'], [5], ['']]);
    expect(emu.invoke('read', 'B2:B5')).toEqual([[40], [10], [''], ['']]);
    expect(emu.invoke('formulas', 'B2:B3')).toEqual([['=ARRAYFORMULA(IF(A2:A4="","",A2:A4*2))'], ['']]);
    // An aggregate inside it still reads the whole range.
    emu.setSheet('S', [['Rev', 'share'], [20, '=ARRAYFORMULA(A2:A3/SUM(A2:A3))'], [5]]);
    expect(emu.invoke('read', 'B2:B3')).toEqual([[0.8], [0.2]]);
    emu.invoke('write', 'B3', 1);
    expect(emu.invoke('read', 'B2')).toEqual([['#REF!']]);
  });
});
