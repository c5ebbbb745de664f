/**
 * Lunar dates. Expected dates are from an independent astronomical
 * computation (lunar-javascript, not a dependency of Retain) and the published
 * calendars: 春节 2023-01-22, 2024-02-10, 2025-01-29, 2026-02-17, 2027-02-06;
 * 2023 has 闰二月 (29 days), 2025 has 闰六月 (29 days).
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import {
  leapMonthOf,
  lunarMonthLength,
  lunarNewYearsEve,
  lunarOf,
  lunarToGregorian,
  nextLunarOccurrence,
  solarTerm,
  springFestival,
  type LunarMonthDay,
} from '../../../src/core/calendar/lunar';

const ROOT = path.resolve(__dirname, '../../..');
const md = (month: number, day: number, leap = false): LunarMonthDay => ({ month, day, leap });

describe('lunarToGregorian', () => {
  test('正月初一 of five years', () => {
    expect([2023, 2024, 2025, 2026, 2027].map(springFestival)).toEqual([
      '2023-01-22',
      '2024-02-10',
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
    ]);
  });

  test('a 腊月 date falls in the next Gregorian year', () => {
    expect(lunarToGregorian(2025, 12, 20)).toBe('2026-02-07');
    expect(lunarToGregorian(2026, 12, 8)).toBe('2027-01-15');
    expect(lunarNewYearsEve(2026)).toBe('2026-02-16');
  });

  test('leap months: the leap month and the ordinary month of the same number', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBe(0);
    expect(lunarToGregorian(2023, 2, 1)).toBe('2023-02-20');
    expect(lunarToGregorian(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToGregorian(2025, 6, 10)).toBe('2025-07-04');
    expect(lunarToGregorian(2025, 6, 10, true)).toBe('2025-08-03');
  });

  test('a leap month the year lacks falls in the ordinary month of that number', () => {
    expect(lunarToGregorian(2026, 6, 10, true)).toBe(lunarToGregorian(2026, 6, 10));
    expect(lunarToGregorian(2026, 6, 10, true)).toBe('2026-07-23');
  });

  test('the 30th of a 29-day month falls on its 29th', () => {
    // 2025's 腊月 has 29 days: 除夕 is 腊月廿九.
    expect(lunarMonthLength(2025, 12)).toBe(29);
    expect(lunarToGregorian(2025, 12, 30)).toBe('2026-02-16');
    expect(lunarToGregorian(2025, 12, 29)).toBe('2026-02-16');
    // 2023's 腊月 has 30.
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarToGregorian(2023, 12, 30)).toBe('2024-02-09');
    // The leap month's own length counts: 2023 闰二月 has 29 days, 二月 has 30.
    expect(lunarMonthLength(2023, 2, true)).toBe(29);
    expect(lunarMonthLength(2023, 2)).toBe(30);
    expect(lunarToGregorian(2023, 2, 30, true)).toBe('2023-04-19');
    expect(lunarToGregorian(2023, 2, 30)).toBe('2023-03-21');
  });

  test('refuses what is no lunar date or outside the table', () => {
    expect(() => lunarToGregorian(2026, 13, 1)).toThrow(RangeError);
    expect(() => lunarToGregorian(2026, 0, 1)).toThrow(RangeError);
    expect(() => lunarToGregorian(2026, 1, 31)).toThrow(RangeError);
    expect(() => lunarToGregorian(2026, 1, 0)).toThrow(RangeError);
    expect(() => lunarToGregorian(2026, 1.5, 1)).toThrow(RangeError);
    expect(() => lunarToGregorian(1900, 1, 1)).toThrow(RangeError);
    expect(() => lunarToGregorian(2100, 1, 1)).toThrow(RangeError);
    expect(lunarToGregorian(1901, 1, 1)).toBe('1901-02-19');
    expect(lunarToGregorian(2099, 1, 1)).toBe('2099-01-21');
  });
});

describe('nextLunarOccurrence: lunar birthdays', () => {
  test('农历八月十五 in three years', () => {
    expect(nextLunarOccurrence(md(8, 15), '2025-01-01')).toBe('2025-10-06');
    expect(nextLunarOccurrence(md(8, 15), '2026-01-01')).toBe('2026-09-25');
    expect(nextLunarOccurrence(md(8, 15), '2027-01-01')).toBe('2027-09-15');
  });

  test('on the day itself, and the day after', () => {
    expect(nextLunarOccurrence(md(8, 15), '2026-09-25')).toBe('2026-09-25');
    expect(nextLunarOccurrence(md(8, 15), '2026-09-26')).toBe('2027-09-15');
  });

  test('a leap-month birthday: the leap month in 2025, the ordinary month in 2026 and 2027', () => {
    const leap610 = md(6, 10, true);
    expect(nextLunarOccurrence(leap610, '2025-01-01')).toBe('2025-08-03');
    expect(nextLunarOccurrence(leap610, '2026-01-01')).toBe('2026-07-23');
    expect(nextLunarOccurrence(leap610, '2027-01-01')).toBe('2027-07-13');
    // An ordinary 六月初十 birthday is kept once in 2025, not in the leap month too.
    expect(nextLunarOccurrence(md(6, 10), '2025-01-01')).toBe('2025-07-04');
    expect(nextLunarOccurrence(md(6, 10), '2025-07-05')).toBe('2026-07-23');
  });

  test('across the Spring Festival: a 腊月 birthday in January or February', () => {
    const la20 = md(12, 20);
    expect(nextLunarOccurrence(la20, '2025-12-31')).toBe('2026-02-07');
    expect(nextLunarOccurrence(la20, '2026-02-07')).toBe('2026-02-07');
    expect(nextLunarOccurrence(la20, '2026-02-08')).toBe('2027-01-27');
    // 正月初一 right after: the new lunar year's.
    expect(nextLunarOccurrence(md(1, 1), '2026-02-16')).toBe('2026-02-17');
    expect(nextLunarOccurrence(md(1, 1), '2026-02-18')).toBe('2027-02-06');
  });

  test('农历八月三十: the 30th in 2024, the 29th in 2025 and 2026 (29-day 八月)', () => {
    expect(lunarMonthLength(2024, 8)).toBe(30);
    expect(lunarMonthLength(2025, 8)).toBe(29);
    expect(lunarMonthLength(2026, 8)).toBe(29);
    expect(nextLunarOccurrence(md(8, 30), '2024-01-01')).toBe('2024-10-02');
    expect(nextLunarOccurrence(md(8, 30), '2025-01-01')).toBe('2025-10-20');
    expect(nextLunarOccurrence(md(8, 30), '2026-01-01')).toBe('2026-10-09');
  });

  test('bad month-days and dates past the table are refused', () => {
    expect(() => nextLunarOccurrence(md(0, 1), '2026-01-01')).toThrow(RangeError);
    expect(() => nextLunarOccurrence(md(1, 31), '2026-01-01')).toThrow(RangeError);
    expect(() => nextLunarOccurrence(md(8, 15), '2099-12-31')).toThrow(/1901-2099/);
  });
});

describe('lunarOf, solarTerm', () => {
  test('the lunar date of a Gregorian date', () => {
    expect(lunarOf('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(lunarOf('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, leap: false });
    expect(lunarOf('2025-08-03')).toEqual({ year: 2025, month: 6, day: 10, leap: true });
  });

  test('round trip over two years of days', () => {
    for (let n = 0; n < 730; n += 1) {
      const d = new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
      const l = lunarOf(d);
      expect(lunarToGregorian(l.year, l.month, l.day, l.leap)).toBe(d);
    }
  });

  test('清明 is the 7th solar term', () => {
    expect(solarTerm(2026, 7)).toBe('2026-04-05');
    expect(solarTerm(2027, 7)).toBe('2027-04-05');
    expect(solarTerm(2028, 7)).toBe('2028-04-04');
    expect(solarTerm(2026, 1)).toBe('2026-01-05');
    expect(() => solarTerm(2026, 25)).toThrow(RangeError);
  });
});

describe('the machine time zone never shifts a day', () => {
  // Jest's process.env is a copy: the zone is set on a child Node process.
  const script = `
    const l = require('./src/core/calendar/lunar.ts');
    console.log(JSON.stringify([
      new Date(2026, 0, 1).getTimezoneOffset(),
      l.springFestival(2026),
      l.lunarToGregorian(2025, 6, 10, true),
      l.lunarOf('2026-02-17'),
      l.nextLunarOccurrence({ month: 12, day: 20, leap: false }, '2026-01-01'),
    ]));`;
  // Minutes behind UTC on 1 January 2026, as Date.getTimezoneOffset gives them.
  test.each([
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Asia/Shanghai', -480],
  ])('%s', (zone, offset) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([
      offset,
      '2026-02-17',
      '2025-08-03',
      { year: 2026, month: 1, day: 1, leap: false },
      '2026-02-07',
    ]);
  });
});
