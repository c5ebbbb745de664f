/**
 * The Chinese lunar calendar (农历): a lunar month-day to its Gregorian date in
 * a given year, and the next Gregorian date a lunar birthday falls on
 * (docs/rules.md, Occasions; docs/data.md, Numbers and dates).
 *
 * The conversion is the npm package solarlunar (ISC): a month-length table for
 * 1900-2100 and UTC-only arithmetic, so the machine's time zone never shifts a
 * day. Its table agrees month by month with an astronomical computation
 * (lunar-javascript) for every year 1901-2099 except 1933 and 2097.
 *
 * A lunar date that does not exist in a year falls on the nearest earlier day
 * that does:
 *  - the 30th of a month that has 29 days that year falls on its 29th;
 *  - a day of a leap month (闰四月初八) in a year without that leap month falls
 *    on the same day of the ordinary month of that number (四月初八), the day
 *    people born in a leap month keep in the other years.
 * A year that has the leap month keeps the ordinary-month date for an
 * ordinary-month birthday: one occurrence a year, never two.
 */
import solarLunar from 'solarlunar';
import { addDays, fromDayNumber, parts, toDayNumber, ymd, type CalDate } from '../dates';

/** A lunar month and day (and the lunar year when one was written). */
export interface LunarMonthDay {
  month: number;
  day: number;
  leap: boolean;
  year?: number;
}

/** Lunar years (each starting in the Gregorian year of that number) Retain converts. */
export const MIN_LUNAR_YEAR = 1901;
export const MAX_LUNAR_YEAR = 2099;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR)
    throw new RangeError(`Lunar year ${year} is outside ${MIN_LUNAR_YEAR}-${MAX_LUNAR_YEAR}`);
}

function checkMonthDay(month: number, day: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Lunar month ${month} is not 1-12`);
  if (!Number.isInteger(day) || day < 1 || day > 30) throw new RangeError(`Lunar day ${day} is not 1-30`);
}

/** The leap month of the lunar year (1-12), or 0 when it has none. 2023: 2 (闰二月), 2025: 6 (闰六月). */
export function leapMonthOf(year: number): number {
  checkYear(year);
  return solarLunar.leapMonth(year);
}

/** Days in that lunar month (29 or 30); for a leap month the year lacks, the ordinary month's. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  checkYear(year);
  checkMonthDay(month, 1);
  return leap && solarLunar.leapMonth(year) === month ? solarLunar.leapDays(year) : solarLunar.monthDays(year, month);
}

// The day number of each lunar month's first day, by year, month and leap:
// a night's run converts every customer's lunar birthday, often the same
// few months; the map only ever holds pure results.
const firstDayCache = new Map<number, number>();

function firstDayNumber(year: number, month: number, leap: boolean): number {
  const key = year * 32 + month * 2 + (leap ? 1 : 0);
  const known = firstDayCache.get(key);
  if (known !== undefined) return known;
  // Day 1 always exists: solarlunar checks a leap month's day against the
  // ordinary month's length, so later days are counted from here instead.
  const r = solarLunar.lunar2solar(year, month, 1, leap);
  if (r === -1) throw new RangeError(`No lunar month ${month} in ${year}`);
  const n = toDayNumber(ymd(r.cYear, r.cMonth, r.cDay));
  firstDayCache.set(key, n);
  return n;
}

/**
 * The Gregorian date of a lunar month-day in the lunar year that starts in
 * Gregorian `year` (its 正月初一 is in January or February of `year`, so its
 * 腊月 may fall in the next Gregorian year). A date that year lacks falls on
 * the nearest earlier one (see above). RangeError outside 1901-2099 or for a
 * month outside 1-12 or a day outside 1-30.
 */
export function lunarToGregorian(year: number, month: number, day: number, leap = false): CalDate {
  checkYear(year);
  checkMonthDay(month, day);
  const useLeap = leap && solarLunar.leapMonth(year) === month;
  const length = useLeap ? solarLunar.leapDays(year) : solarLunar.monthDays(year, month);
  return fromDayNumber(firstDayNumber(year, month, useLeap) + Math.min(day, length) - 1);
}

/**
 * The first Gregorian date on or after `from` on which the lunar month-day
 * falls. A date in 腊月 (the 12th month) falls in January or February of the
 * next Gregorian year, so the lunar years starting in the year before `from`,
 * in its year and in the next are tried in turn.
 */
export function nextLunarOccurrence(md: LunarMonthDay, from: CalDate): CalDate {
  checkMonthDay(md.month, md.day);
  const y = parts(from).year;
  for (const year of [y - 1, y, y + 1]) {
    if (year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) continue;
    const d = lunarToGregorian(year, md.month, md.day, md.leap);
    if (d >= from) return d;
  }
  // Only a `from` past the end of lunar year 2099 (or before 1900) gets here.
  throw new RangeError(
    `No lunar dates around ${from}: Retain converts lunar years ${MIN_LUNAR_YEAR}-${MAX_LUNAR_YEAR}`,
  );
}

/** The lunar date of a Gregorian date: year (the lunar year), month, day, leap. */
export function lunarOf(d: CalDate): Required<LunarMonthDay> {
  const p = parts(d);
  checkYear(p.year);
  const r = solarLunar.solar2lunar(p.year, p.month, p.day);
  if (r === -1) throw new RangeError(`No lunar date for ${d}`);
  return { year: r.lYear, month: r.lMonth, day: r.lDay, leap: r.isLeap };
}

/** 春节 (正月初一) of the lunar year starting in Gregorian `year`. */
export function springFestival(year: number): CalDate {
  return lunarToGregorian(year, 1, 1);
}

/** 除夕: the last day of the lunar year that ends in Gregorian `year`, the eve of 春节. */
export function lunarNewYearsEve(year: number): CalDate {
  return addDays(springFestival(year), -1);
}

/** The Gregorian date of the n-th of the 24 solar terms in `year` (1 = 小寒, 7 = 清明). */
export function solarTerm(year: number, n: number): CalDate {
  checkYear(year);
  if (!Number.isInteger(n) || n < 1 || n > 24) throw new RangeError(`Solar term ${n} is not 1-24`);
  // Two terms a month, from 小寒 in January.
  return ymd(year, Math.ceil(n / 2), solarLunar.getTerm(year, n));
}
