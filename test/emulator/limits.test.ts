/**
 * Limits a run meets on a real account (docs/platform.md, "Limits and
 * errors"): 50,000 characters a cell (the whole write fails), opening a
 * spreadsheet that is not there, the script's own time zone.
 */
import { Emulator } from '../../tools/emulator';

const CODE = `
  function sh_() { return SpreadsheetApp.getActive().getSheetByName('S'); }
  function writeRows(n) { var rows = []; for (var i = 0; i < 3; i++) rows.push(['r' + i, i === 1 ? new Array(n + 1).join('x') : 'ok']);
    sh_().getRange(2, 1, 3, 2).setValues(rows); }
  function append(n) { sh_().appendRow(['a', new Array(n + 1).join('y')]); }
  function open(id) { return SpreadsheetApp.openById(id).getName(); }
  function zones() { return [Session.getScriptTimeZone(), SpreadsheetApp.getActive().getSpreadsheetTimeZone()]; }`;

function emulator(): Emulator {
  const emu = new Emulator({ now: '2026-11-16T06:30:00+08:00', timeZone: 'Asia/Shanghai', scriptTimeZone: 'Etc/UTC' });
  emu.load(CODE);
  emu.setSheet('S', [['id', 'notes']]);
  return emu;
}

describe('limits', () => {
  test('a cell takes 50,000 characters; one longer string fails the whole batched write, nothing is written', () => {
    const emu = emulator();
    emu.invoke('writeRows', 50000);
    expect(emu.sheetValues('S')).toHaveLength(4);
    const fresh = emulator();
    expect(() => fresh.invoke('writeRows', 50001)).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(fresh.sheetValues('S')).toEqual([['id', 'notes']]);
    expect(() => fresh.invoke('append', 50001)).toThrow(/maximum of 50000 characters/);
  });

  test('openById of a spreadsheet that is not there; the script and spreadsheet time zones differ', () => {
    const emu = emulator();
    expect(emu.invoke('open', 'ss-1')).toBe('Retain customers');
    expect(() => emu.invoke('open', 'nope')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
    expect(emu.invoke('zones')).toEqual(['Etc/UTC', 'Asia/Shanghai']);
  });
});
