/**
 * The spreadsheet fake against documented SpreadsheetApp behaviour
 * (developers.google.com/apps-script/reference/spreadsheet) and the custom
 * function guide (guides/sheets/functions).
 */
import { Emulator } from '../../tools/emulator';

function emulator(code: string, opts: ConstructorParameters<typeof Emulator>[0] = {}): Emulator {
  const emu = new Emulator({ now: '2026-11-02T10:00:00Z', timeZone: 'America/New_York', ...opts });
  emu.load(code);
  return emu;
}

const S = `function sh_(){ return SpreadsheetApp.getActive().getSheetByName('S'); }`;

describe('Range values', () => {
  test('blank cells read as empty strings, ranges keep their shape', () => {
    const emu = emulator(`${S} function read(){ return sh_().getRange(1, 1, 3, 3).getValues(); }`);
    emu.setSheet('S', [
      ['a', '', 1],
      [null, 2],
    ]);
    expect(emu.invoke('read')).toEqual([
      ['a', '', 1],
      ['', 2, ''],
      ['', '', ''],
    ]);
  });

  test('setValues shape mismatch throws the Apps Script message', () => {
    const emu = emulator(`${S}
      function rows(){ sh_().getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4]]); }
      function cols(){ sh_().getRange(1, 1, 2, 2).setValues([[1, 2], [3]]); }
      function flat(){ sh_().getRange(1, 1, 1, 2).setValues([1, 2]); }
      function caught(){ try { rows(); } catch (e) { return [e instanceof Error, e.name, e.message]; } }`);
    emu.setSheet('S', [['x']]);
    expect(() => emu.invoke('rows')).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => emu.invoke('cols')).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => emu.invoke('flat')).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    // Inside the bundle the error is an Error of its own realm, named like Apps Script's.
    expect(emu.invoke('caught')).toEqual([
      true,
      'Exception',
      expect.stringContaining('The data has 2 but the range has 3.'),
    ]);
  });

  test('a date cell reads back as a Date of the bundle realm, same instant', () => {
    const emu = emulator(`${S}
      function probe(){ var v = sh_().getRange('A1').getValue(); return v instanceof Date; }
      function probeAll(){ var v = sh_().getDataRange().getValues(); return v[0][0] instanceof Date && Array.isArray(v) && v instanceof Array; }
      function roundTrip(){ var d = new Date(Date.UTC(2026, 10, 2, 15, 30)); sh_().getRange('B1').setValue(d); d.setFullYear(1999);
        var back = sh_().getRange('B1').getValue(); return [back instanceof Date, back.getTime()]; }`);
    emu.setSheet('S', [[new Date('2026-11-02T05:00:00Z')]]);
    expect(emu.invoke('probe')).toBe(true);
    expect(emu.invoke('probeAll')).toBe(true);
    expect(emu.invoke('roundTrip')).toEqual([true, Date.UTC(2026, 10, 2, 15, 30)]);
  });

  test('strings are parsed like typed input: numbers, percents, dates, booleans', () => {
    const emu = emulator(`${S}
      function write(row, vals){ sh_().getRange(row, 1, 1, vals.length).setValues([vals]);
        return sh_().getRange(row, 1, 1, vals.length).getValues()[0].map(function (v) {
          return v instanceof Date ? 'D:' + Utilities.formatDate(v, 'America/New_York', 'yyyy-MM-dd HH:mm') : v; }); }`);
    emu.setSheet('S', [['x']]);
    expect(emu.invoke('write', 1, ['12', '1,200', '-3.5', '50%', '00123', 'TRUE', 'false', 'Bob', '1,20'])).toEqual([
      12,
      1200,
      -3.5,
      0.5,
      123,
      true,
      false,
      'Bob',
      '1,20',
    ]);
    expect(emu.invoke('write', 2, ['2026-11-02', '2026/11/2', '11/2/2026', '2026-11-02 14:30'])).toEqual([
      'D:2026-11-02 00:00',
      'D:2026-11-02 00:00',
      'D:2026-11-02 00:00',
      'D:2026-11-02 14:30',
    ]);
  });

  test("an apostrophe keeps text as text; '@' format keeps everything as typed", () => {
    const emu = emulator(`${S}
      function write(){ var r = sh_().getRange('A1:C1'); r.setValues([["'007", "'=1+1", "'2026-11-02"]]); return r.getValues()[0]; }
      function plain(){ var r = sh_().getRange('A2:D2'); r.setNumberFormat('@'); r.setValues([['007', '=1+1', '2026-11-02', '-5']]);
        return [r.getValues()[0], r.getFormulas()[0]]; }`);
    emu.setSheet('S', [['x']]);
    expect(emu.invoke('write')).toEqual(['007', '=1+1', '2026-11-02']);
    expect(emu.invoke('plain')).toEqual([
      ['007', '=1+1', '2026-11-02', '-5'],
      ['', '', '', ''],
    ]);
  });

  test("'+' or '-' followed by text becomes a formula that errors", () => {
    const emu = emulator(`${S}
      function write(){ var r = sh_().getRange('A1:C1'); r.setValues([['- call back', '+1 555 0100', '-']]); return [r.getValues()[0], r.getFormulas()[0]]; }`);
    emu.setSheet('S', [['x']]);
    expect(emu.invoke('write')).toEqual([
      ['#ERROR!', '#ERROR!', '-'],
      ['=- call back', '=+1 555 0100', ''],
    ]);
  });

  test('a number written into a date-formatted cell reads back as a date (the cell format sticks)', () => {
    const emu = emulator(
      `${S}
      function f(){ var r = sh_().getRange('A1'); r.setValue(new Date(2026, 10, 2)); r.setValue(5);
        var v = r.getValue(); return [v instanceof Date, r.getNumberFormat()]; }
      function g(){ var r = sh_().getRange('B1'); r.setNumberFormat('0.00'); r.setValue(new Date(Date.UTC(1900, 0, 1, 12)));
        return [r.getValue(), r.getDisplayValue()]; }`,
      { timeZone: 'UTC' },
    );
    emu.setSheet('S', [['x']]);
    expect(emu.invoke('f')).toEqual([true, 'M/d/yyyy']);
    expect(emu.invoke('g')).toEqual([2.5, '2.50']);
  });

  test('display values follow number formats and the spreadsheet time zone', () => {
    const emu = emulator(`${S}
      function show(){ var r = sh_().getRange('A1:F1');
        r.setNumberFormats([['0', '0.00', '#,##0', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm', '0%']]);
        r.setValues([[2.5, 3.14159, 1234567, new Date(Date.UTC(2026, 2, 8, 7, 30)), new Date(Date.UTC(2026, 2, 8, 7, 30)), 0.25]]);
        return r.getDisplayValues()[0]; }`);
    emu.setSheet('S', [['x']]);
    expect(emu.invoke('show')).toEqual(['3', '3.14', '1,234,567', '2026-03-08', '2026-03-08 03:30', '25%']);
  });
});

describe('Formulas', () => {
  const CODE = `${S}
    function RETAIN_TIER(col) { if (!Array.isArray(col)) throw new Error('Pass the whole column, e.g. F2:F'); return col.map(function (r) { return [r[0] === '' ? '' : r[0] > 10 ? 'A' : 'C']; }); }
    function DOUBLE(x) { return x * 2; }
    function SEEDATE(x) { return x instanceof Date ? 'date' : typeof x; }
    function read(a1) { return sh_().getRange(a1).getValues(); }
    function write(a1, v) { sh_().getRange(a1).setValue(v); }
    function formulas(a1) { return sh_().getRange(a1).getFormulas(); }`;

  test('getFormulas gives formula text, getValues the computed value', () => {
    const emu = emulator(CODE);
    emu.setSheet('S', [
      ['Rev', 'x2'],
      [7, '=DOUBLE(A2)'],
    ]);
    expect(emu.invoke('read', 'A2:B2')).toEqual([[7, 14]]);
    expect(emu.invoke('formulas', 'A2:B2')).toEqual([['', '=DOUBLE(A2)']]);
  });

  test('a custom function over a range spills its 2-D result; open-ended ranges reach the last row', () => {
    const emu = emulator(CODE);
    emu.setSheet('S', [['Rev', 'Tier'], [20, '=RETAIN_TIER(A2:A4)'], [5], ['']]);
    // The data range ends at the last non-empty row (a spilled '' is not content).
    expect(emu.sheetValues('S')).toEqual([
      ['Rev', 'Tier'],
      [20, 'A'],
      [5, 'C'],
    ]);
    expect(emu.sheetFormulas('S').map((r) => r[1])).toEqual(['', '=RETAIN_TIER(A2:A4)', '']);
    // Writing an input recomputes on the next read.
    emu.invoke('write', 'A3', 50);
    expect(emu.invoke('read', 'B3')).toEqual([['A']]);
    // F2:F style: every row to the end of the sheet (1000 rows), blanks included.
    emu.setSheet('S', [['Rev', 'Tier'], [20, '=RETAIN_TIER(A2:A)'], [5]]);
    expect(emu.invoke('read', 'B2:B4')).toEqual([['A'], ['C'], ['']]);
  });

  test('replacing the formula with a value clears what it spilled', () => {
    const emu = emulator(CODE);
    emu.setSheet('S', [['Rev', 'Tier'], [20, '=RETAIN_TIER(A2:A3)'], [5]]);
    expect(emu.sheetValues('S')).toEqual([
      ['Rev', 'Tier'],
      [20, 'A'],
      [5, 'C'],
    ]);
    emu.invoke('write', 'B2', 'mine');
    expect(emu.sheetValues('S')).toEqual([
      ['Rev', 'Tier'],
      [20, 'mine'],
      [5, ''],
    ]);
  });

  test('#REF! when the spill area is not empty; #ERROR! when the function throws', () => {
    const emu = emulator(CODE);
    emu.setSheet('S', [
      ['Rev', 'Tier'],
      [20, '=RETAIN_TIER(A2:A3)'],
      [5, 'mine'],
      [7, '=RETAIN_TIER(A4)'],
    ]);
    expect(emu.invoke('read', 'B2:B4')).toEqual([['#REF!'], ['mine'], ['#ERROR!']]);
    expect(emu.formulaErrors().map((e) => [e.a1, e.value])).toEqual([
      ['B2', '#REF!'],
      ['B4', '#ERROR!'],
    ]);
    expect(emu.formulaErrors()[1].message).toBe('Pass the whole column, e.g. F2:F');
  });

  test('single-cell references arrive as values, date cells as Dates', () => {
    const emu = emulator(CODE);
    emu.setSheet('S', [
      [new Date('2026-01-01T05:00:00Z'), '=SEEDATE(A1)', '=SEEDATE(A1:A2)', '=SEEDATE("x")', '=SEEDATE(3)'],
    ]);
    expect(emu.invoke('read', 'B1:E1')).toEqual([['date', 'object', 'string', 'number']]);
  });

  test('custom functions run in CUSTOM_FUNCTION mode: no writes, no Gmail', () => {
    const emu = emulator(`${S}
      function WRITER() { SpreadsheetApp.getActive().getSheetByName('S').getRange('Z1').setValue(1); return 'wrote'; }
      function MAILER() { return Gmail.Users.Drafts.list('me'); }`);
    emu.setSheet('S', [['=WRITER()', '=MAILER()']]);
    expect(emu.sheetValues('S')).toEqual([['#ERROR!', '#ERROR!']]);
    expect(emu.formulaErrors()[0].message).toMatch(/You do not have permission to call Range.setValue/);
    expect(emu.formulaErrors()[1].message).toMatch(/You do not have permission to call Gmail.Users.Drafts.list/);
  });

  test('plain formulas: a few built-ins evaluate, others are #NAME?', () => {
    const emu = emulator(CODE);
    emu.setSheet('S', [
      [
        2,
        3,
        '=A1+B1*2',
        '=IF(A1>1,"big","small")',
        '=SUM(A1:B1)',
        '=VLOOKUP(1,A1:B1,2)',
        '=HYPERLINK("http://x","Open")',
      ],
    ]);
    expect(emu.sheetValues('S')[0].slice(2)).toEqual([8, 'big', 5, '#NAME?', 'Open']);
    emu.setFormulaValue('S', 'F1', 42);
    expect(emu.sheetValues('S')[0][5]).toBe(42);
  });

  test('inserting a row above a formula moves it and rewrites its references', () => {
    const emu = emulator(`${CODE} function ins(){ sh_().insertRowBefore(2); }`);
    emu.setSheet('S', [['Rev', 'Tier'], [20, '=RETAIN_TIER(A2:A)'], [5]]);
    emu.invoke('ins');
    expect(emu.sheetFormulas('S')[2][1]).toBe('=RETAIN_TIER(A3:A)');
    expect(emu.sheetValues('S')).toEqual([
      ['Rev', 'Tier'],
      ['', ''],
      [20, 'A'],
      [5, 'C'],
    ]);
  });
});

describe('Sheet structure', () => {
  test('appendRow writes after the last row and grows the grid', () => {
    const emu = emulator(`${S}
      function add(){ var sh = sh_(); sh.appendRow(['Bob', '1,200', '2026-11-02']); return [sh.getLastRow(), sh.getMaxRows()]; }
      function fill(){ var sh = sh_(); sh.getRange(sh.getMaxRows(), 1).setValue('last'); sh.appendRow(['beyond']); return [sh.getLastRow(), sh.getMaxRows()]; }`);
    emu.setSheet('S', [
      ['Name', 'Rev', 'Date'],
      ['Al', 5, ''],
    ]);
    expect(emu.invoke('add')).toEqual([3, 1000]);
    const row = emu.sheetValues('S')[2];
    expect(row[0]).toBe('Bob');
    expect(row[1]).toBe(1200);
    expect(row[2]).toBeInstanceOf(Date);
    expect(emu.invoke('fill')).toEqual([1001, 1001]);
  });

  test('insert and delete rows and columns shift the data', () => {
    const emu = emulator(`${S}
      function go(){ var sh = sh_(); sh.insertRowAfter(1); sh.getRange('A2').setValue('new');
        sh.deleteRow(3); sh.insertColumnBefore(1); sh.insertRowsAfter(3, 2); sh.deleteColumn(3); return sh.getMaxRows(); }`);
    emu.setSheet('S', [
      ['h1', 'h2'],
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(emu.invoke('go')).toBe(1002);
    expect(emu.sheetValues('S')).toEqual([
      ['', 'h1'],
      ['', 'new'],
      ['', 'b'],
      ['', ''],
      ['', ''],
      ['', 'c'],
    ]);
  });

  test('getRange checks its arguments like Apps Script', () => {
    const emu = emulator(
      `${S} function r(a, b, c, d){ return sh_().getRange.apply(sh_(), Array.prototype.slice.call(arguments)).getA1Notation(); }`,
    );
    emu.setSheet('S', [['x']]);
    expect(emu.invoke('r', 2, 3, 4, 5)).toBe('C2:G5');
    expect(emu.invoke('r', 'B2:B')).toBe('B2:B1000');
    expect(() => emu.invoke('r', 0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => emu.invoke('r', 1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => emu.invoke('r', 2, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => emu.invoke('r', 2, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => emu.invoke('r', 1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => emu.invoke('r', 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => emu.invoke('r', 'nonsense!!')).toThrow('Range not found');
  });

  test('getDataRange and getLastRow/Column, insertSheet rules, A1 ranges on the spreadsheet', () => {
    const emu = emulator(`${S}
      function info(){ var ss = SpreadsheetApp.getActive(); var sh = sh_();
        var out = [sh.getDataRange().getA1Notation(), sh.getLastRow(), sh.getLastColumn(), ss.getRange("'S'!B2").getValue(), ss.getUrl(), ss.getSheetByName('s') !== null];
        ss.insertSheet('Log'); try { ss.insertSheet('LOG'); } catch (e) { out.push(e.message); }
        return out; }`);
    emu.setSheet('S', [
      ['a', 'b'],
      ['c', 'd', ''],
      ['', '', ''],
    ]);
    expect(emu.invoke('info')).toEqual([
      'A1:B2',
      2,
      2,
      'd',
      'https://docs.google.com/spreadsheets/d/ss-1/edit',
      true,
      'A sheet with the name "LOG" already exists. Please enter another name.',
    ]);
    expect(emu.sheetNames()).toEqual(['S', 'Log']);
  });

  test('the active sheet and range come from invokeAs and persist like a user selection', () => {
    const emu =
      emulator(`function sel(){ var r = SpreadsheetApp.getActiveRange(); return [r.getSheet().getName(), r.getA1Notation(), SpreadsheetApp.getActiveSheet().getName()]; }
      function pick(){ SpreadsheetApp.getActive().getSheetByName('B').getRange('C3').activate(); }`);
    emu.setSheet('A', [['x']]);
    emu.setSheet('B', [['y']]);
    expect(emu.invoke('sel')).toEqual(['A', 'A1', 'A']);
    expect(emu.invokeAs({ activeRange: 'B!A2:B4' }, 'sel')).toEqual(['B', 'A2:B4', 'B']);
    emu.invoke('pick');
    expect(emu.invoke('sel')).toEqual(['B', 'C3', 'B']);
  });

  test('conditional format rules are stored and returned', () => {
    const emu = emulator(`${S}
      function rules(){ var sh = sh_(); var r = SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setBackground('#f4cccc').setRanges([sh.getRange('D2:D')]).build();
        sh.setConditionalFormatRules(sh.getConditionalFormatRules().concat([r]));
        var got = sh.getConditionalFormatRules(); var c = got[0].getBooleanCondition();
        return [got.length, got[0].getRanges()[0].getA1Notation(), c.getCriteriaType(), c.getCriteriaValues(), c.getBackground()]; }`);
    emu.setSheet('S', [['x']]);
    expect(emu.invoke('rules')).toEqual([1, 'D2:D1000', 'NUMBER_LESS_THAN', [0], '#f4cccc']);
  });

  test('a time-trigger execution has no active spreadsheet and no UI; openById works', () => {
    const emu =
      emulator(`function nightly(){ var out = [SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp.getActive()];
        try { SpreadsheetApp.getUi(); } catch (e) { out.push(e.message); }
        out.push(SpreadsheetApp.openById('ss-1').getName());
        try { SpreadsheetApp.openById('nope'); } catch (e) { out.push(e.message); }
        return out; }`);
    expect(emu.invokeAs({ trigger: true }, 'nightly')).toEqual([
      null,
      null,
      'Cannot call SpreadsheetApp.getUi() from this context.',
      'Retain customers',
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    ]);
  });

  test('sorting rows with Range.sort keeps rows together', () => {
    const emu = emulator(`${S} function s(){ sh_().getRange('A2:B4').sort({ column: 2, ascending: false }); }`);
    emu.setSheet('S', [
      ['n', 'v'],
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ]);
    emu.invoke('s');
    expect(emu.sheetValues('S')).toEqual([
      ['n', 'v'],
      ['b', 3],
      ['c', 2],
      ['a', 1],
    ]);
  });
});

describe('speed', () => {
  test("100,000 x 25 cells go in with one setValues and come back with one getValues (timing is the bench's job)", () => {
    const emu = emulator(`
      function build(){ var rows = []; for (var i = 0; i < 100000; i++) { var r = []; for (var j = 0; j < 25; j++) r.push(j % 3 === 0 ? 'Name ' + i : j % 3 === 1 ? i * j : (i % 2 === 0)); rows.push(r); } return rows; }
      function big(now){ var rows = build(); var sh = SpreadsheetApp.getActive().getSheets()[0]; sh.insertRowsAfter(1000, 99000);
        var t0 = now(); var rng = sh.getRange(1, 1, 100000, 25); rng.setValues(rows); var v = rng.getValues(); return [v.length, v[99999][24], now() - t0]; }`);
    const [n, last] = emu.invoke('big', () => 0) as [number, unknown, number];
    expect([n, last]).toEqual([100000, 'Name 99999']);
    expect(emu.calls.byMethod()['SpreadsheetApp.Range.setValues']).toBe(1);
  });
});
