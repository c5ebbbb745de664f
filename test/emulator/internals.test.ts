/**
 * Building blocks of the emulator: time-zone arithmetic, A1 notation, typed
 * input by spreadsheet locale, Sheets number formats.
 */
import { parseA1, toA1, columnLetter, columnNumber } from '../../tools/emulator/a1';
import { formatNumber, formatSheetsDate, parseEntry, dateToSerial, serialToDate } from '../../tools/emulator/cells';
import { zonedToUtc, tzOffset, rfc3339InZone } from '../../tools/emulator/tz';

describe('tz', () => {
  test('offsets and DST in New York, London, Shanghai', () => {
    expect(tzOffset('America/New_York', Date.parse('2026-03-08T06:59:00Z'))).toBe(-5 * 3600000);
    expect(tzOffset('America/New_York', Date.parse('2026-03-08T07:00:00Z'))).toBe(-4 * 3600000);
    expect(tzOffset('Europe/London', Date.parse('2026-07-01T00:00:00Z'))).toBe(3600000);
    expect(tzOffset('Asia/Shanghai', Date.parse('2026-07-01T00:00:00Z'))).toBe(8 * 3600000);
  });

  test('wall time to instant: gaps move forward, overlaps take the earlier instant', () => {
    expect(new Date(zonedToUtc('America/New_York', 2026, 2, 8, 2, 30)).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(new Date(zonedToUtc('America/New_York', 2026, 10, 1, 1, 30)).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(new Date(zonedToUtc('Asia/Shanghai', 2026, 10, 16, 9, 0)).toISOString()).toBe('2026-11-16T01:00:00.000Z');
  });

  test('RFC 3339 text in a zone', () => {
    expect(rfc3339InZone(Date.parse('2026-11-16T01:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-16T09:00:00+08:00');
    expect(rfc3339InZone(Date.parse('2026-11-16T01:00:00Z'), 'UTC')).toBe('2026-11-16T01:00:00Z');
  });
});

describe('A1 notation', () => {
  test('cells, rectangles, open-ended and whole-column ranges, quoted sheet names', () => {
    expect(parseA1('B2')).toEqual({ sheet: undefined, row: 2, col: 2, endRow: 2, endCol: 2 });
    expect(parseA1('$A$1:C3')).toEqual({ sheet: undefined, row: 1, col: 1, endRow: 3, endCol: 3 });
    expect(parseA1('F2:F')).toEqual({ sheet: undefined, row: 2, col: 6, endRow: undefined, endCol: 6 });
    expect(parseA1("'Contact log'!A:B")).toEqual({
      sheet: 'Contact log',
      row: 1,
      col: 1,
      endRow: undefined,
      endCol: 2,
    });
    expect(parseA1('2:4')).toEqual({ sheet: undefined, row: 2, col: 1, endRow: 4, endCol: undefined });
    expect(parseA1('hello world')).toBeUndefined();
    expect(toA1(2, 3, 4, 5)).toBe('C2:G5');
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(703)]).toEqual(['A', 'Z', 'AA', 'AAA']);
    expect(columnNumber('AB')).toBe(28);
  });
});

describe('typed input by spreadsheet locale', () => {
  const info = (locale: string) => ({ locale, timeZone: 'Europe/London', now: Date.parse('2026-11-02T10:00:00Z') });
  const iso = (e: ReturnType<typeof parseEntry>) => (e && e.value instanceof Date ? e.value.toISOString() : e);

  test('day/month order follows the locale; month/day without a year is this year', () => {
    expect(iso(parseEntry('3/4/2026', info('en_US')))).toBe('2026-03-04T00:00:00.000Z');
    expect(iso(parseEntry('3/4/2026', info('en_GB')))).toBe('2026-04-02T23:00:00.000Z');
    expect(iso(parseEntry('3/14', info('en_US')))).toBe('2026-03-14T00:00:00.000Z');
    expect(parseEntry('13/14/2026', info('en_US'))).toBeUndefined();
    expect(iso(parseEntry('Nov 2, 2026', info('en_US')))).toBe('2026-11-02T00:00:00.000Z');
  });

  test('decimal comma locales', () => {
    expect(parseEntry('1,5', info('de_DE'))).toEqual({ value: 1.5 });
    expect(parseEntry('1.200', info('de_DE'))).toEqual({ value: 1200, format: '#,##0' });
    expect(parseEntry('1,5', info('en_US'))).toBeUndefined();
  });

  test('currency, exponent, plain text', () => {
    expect(parseEntry('$1,200.50', info('en_US'))).toEqual({ value: 1200.5, format: '"$"#,##0.00' });
    expect(parseEntry('1e3', info('en_US'))).toEqual({ value: 1000, format: '0.00E+00' });
    expect(parseEntry('Alice', info('en_US'))).toBeUndefined();
    expect(parseEntry('王小明', info('zh_CN'))).toBeUndefined();
  });
});

describe('number and date formats', () => {
  test('Sheets number formats', () => {
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(-1234.5, '#,##0')).toBe('-1,235');
    expect(formatNumber(0.256, '0.0%')).toBe('25.6%');
    expect(formatNumber(1200, '"$"#,##0.00')).toBe('$1,200.00');
    expect(formatNumber(-5, '0;(0)')).toBe('(5)');
    expect(formatNumber(0.5, '#.##')).toBe('.5');
  });

  test('Sheets date formats and serial numbers', () => {
    const d = new Date('2026-11-02T14:05:09Z');
    expect(formatSheetsDate(d, 'yyyy-mm-dd hh:mm:ss', 'UTC')).toBe('2026-11-02 14:05:09');
    expect(formatSheetsDate(d, 'dddd, mmmm d', 'UTC')).toBe('Monday, November 2');
    expect(formatSheetsDate(d, 'h:mm am/pm', 'Asia/Shanghai')).toBe('10:05 pm');
    expect(dateToSerial(new Date('1900-01-01T00:00:00Z'), 'UTC')).toBe(2);
    expect(serialToDate(46328, 'Asia/Shanghai').toISOString()).toBe('2026-11-01T16:00:00.000Z');
  });
});
