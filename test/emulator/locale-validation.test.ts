/**
 * Typed text parsed by the spreadsheet's locale, drop-downs (data
 * validation), and the CacheService limits (docs/platform.md, "Locks,
 * properties and time zones").
 */
import { Emulator, type EmulatorOptions } from '../../tools/emulator';

const CODE = `
  function sh_() { return SpreadsheetApp.getActive().getSheetByName('S'); }
  function typed(text) { var r = sh_().getRange('A1'); r.setValue(text); var v = r.getValue();
    return v instanceof Date ? ['date', Utilities.formatDate(v, SpreadsheetApp.getActive().getSpreadsheetTimeZone(), 'yyyy-MM-dd')] : [typeof v, v]; }
  function dropDowns() {
    var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Active', 'Prospect', 'Lost']).setAllowInvalid(true).build();
    sh_().getRange('B2:B4').setDataValidation(rule);
    return sh_().getRange('B1:B3').getDataValidations().map(function (row) {
      var v = row[0];
      return v === null ? null : [String(v.getCriteriaType()), v.getCriteriaValues()[0], v.getAllowInvalid()];
    });
  }
  function cacheFill(n) { var c = CacheService.getScriptCache(); for (var i = 0; i < n; i++) c.put('k' + i, 'v' + i, 60 + i); }
  function cacheCount(n) { var c = CacheService.getScriptCache(); var k = 0; for (var i = 0; i < n; i++) if (c.get('k' + i) !== null) k++; return [k, c.get('k0'), c.get('k' + (n - 1))]; }
  function cacheBig() { CacheService.getScriptCache().put('big', new Array(100 * 1024 + 2).join('x')); }`;

function emulator(opts: EmulatorOptions = {}): Emulator {
  const emu = new Emulator({ now: '2026-11-16T06:30:00+08:00', timeZone: 'Asia/Shanghai', ...opts });
  emu.load(CODE);
  emu.setSheet('S', [['a', 'Status']]);
  return emu;
}

describe('typed text by spreadsheet locale', () => {
  test('en_US reads 3/11/2026 month first; en_GB and de_DE day first; de_DE has a decimal comma; zh_CN year first', () => {
    expect(emulator({ spreadsheetLocale: 'en_US' }).invoke('typed', '3/11/2026')).toEqual(['date', '2026-03-11']);
    expect(emulator({ spreadsheetLocale: 'en_GB' }).invoke('typed', '3/11/2026')).toEqual(['date', '2026-11-03']);
    expect(emulator({ spreadsheetLocale: 'de_DE' }).invoke('typed', '3.11.2026')).toEqual(['date', '2026-11-03']);
    expect(emulator({ spreadsheetLocale: 'de_DE' }).invoke('typed', '1.234,50')).toEqual(['number', 1234.5]);
    expect(emulator({ spreadsheetLocale: 'en_US' }).invoke('typed', '1,234.50')).toEqual(['number', 1234.5]);
    expect(emulator({ spreadsheetLocale: 'zh_CN' }).invoke('typed', '2026/11/3')).toEqual(['date', '2026-11-03']);
  });

  test('03-14 typed as text: kept as text, or (the other reading) 14 March of this year, in en_US and zh_CN', () => {
    for (const locale of ['en_US', 'zh_CN']) {
      expect(emulator({ spreadsheetLocale: locale }).invoke('typed', '03-14')).toEqual(['string', '03-14']);
      expect(emulator({ spreadsheetLocale: locale, dashMonthDay: 'date' }).invoke('typed', '03-14')).toEqual([
        'date',
        '2026-03-14',
      ]);
    }
    // Day first where the locale is.
    expect(emulator({ spreadsheetLocale: 'en_GB', dashMonthDay: 'date' }).invoke('typed', '14-03')).toEqual([
      'date',
      '2026-03-14',
    ]);
  });
});

describe('data validation', () => {
  test('a drop-down list from requireValueInList, with invalid values allowed, read back per cell', () => {
    const emu = emulator();
    expect(emu.invoke('dropDowns')).toEqual([
      null,
      ['VALUE_IN_LIST', ['Active', 'Prospect', 'Lost'], true],
      ['VALUE_IN_LIST', ['Active', 'Prospect', 'Lost'], true],
    ]);
    expect(emu.calls.byMethod()).toMatchObject({
      'SpreadsheetApp.newDataValidation': 1,
      'SpreadsheetApp.DataValidationBuilder.requireValueInList': 1,
      'SpreadsheetApp.Range.setDataValidation': 1,
      'SpreadsheetApp.Range.getDataValidations': 1,
    });
  });
});

describe('CacheService limits', () => {
  test('past 1,000 items the cache keeps the 900 farthest from expiration; values over 100 KB are refused', () => {
    const emu = emulator();
    emu.invoke('cacheFill', 1001);
    // k0..k100 expire first: they are the ones dropped.
    expect(emu.invoke('cacheCount', 1001)).toEqual([900, null, 'v1000']);
    expect(() => emu.invoke('cacheBig')).toThrow('Argument too large: value');
  });
});
