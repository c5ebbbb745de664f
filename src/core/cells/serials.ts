/**
 * Date serial numbers: a date cell whose number format was lost (pasted as
 * values, exported as General) shows the number underneath, the days since
 * Sheets' day zero, 1899-12-30 (the same as Excel's for dates after
 * 1900-03-01). docs/data.md, Numbers and dates.
 */
import type { CalDate } from '../dates';
import { toDayNumber as dayNum, fromDayNumber as dayStr } from '../dates';

const DAY_ZERO = dayNum('1899-12-30');
// From 1910: a bare year typed in a date column (2026) is never taken for a
// serial (2026 would be 1905-07-18); up to 2100, the last year Retain reads.
const FIRST = dayNum('1910-01-01') - DAY_ZERO;
const LAST = dayNum('2100-12-31') - DAY_ZERO;

/** True for a number that can be a date serial of 1910-2100 (a time of day in its fraction is allowed). */
export function isPlausibleSerial(n: number): boolean {
  return Number.isFinite(n) && n >= FIRST && n < LAST + 1;
}

/** The calendar date of a plausible serial (its time of day dropped), else null. */
export function serialDate(n: number): CalDate | null {
  return isPlausibleSerial(n) ? dayStr(DAY_ZERO + Math.floor(n)) : null;
}
