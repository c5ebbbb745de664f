/**
 * Calendar dates and working days: the one date module (docs/rules.md,
 * Working days).
 *
 * A calendar date is an ISO string 'YYYY-MM-DD' with no time and no zone: the
 * rules speak of days ("call on day 3"), and a day is only a day once it has
 * been read in the spreadsheet's time zone (done by the adapters, never here).
 * Arithmetic goes through a day number (days since 1970-01-01 in the proleptic
 * Gregorian calendar).
 *
 * Speed: a nightly plan over 100,000 customers does a few million date steps
 * on a few thousand distinct dates (docs/testing.md, Bench). So the usual
 * 'YYYY-MM-DD' is turned into a day number by arithmetic on its digits (no
 * regex, no Date), day numbers of 1900-2102 are turned back through an array
 * filled on demand, and anything unusual takes the slow Date.UTC path, whose
 * answers are cached. The caches hold only pure results, so a plan stays
 * deterministic; test/core/referenceDates.ts holds the plain versions every
 * operation here is checked against.
 */

export type CalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86400000;

/** True when s is a real date 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isCalDate(s: unknown): s is CalDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function ymd(y: number, m: number, d: number): CalDate {
  const yyyy = y < 0 ? '-' + String(-y).padStart(6, '0') : String(y).padStart(4, '0');
  return `${yyyy}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parts(d: CalDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(d);
  if (!m) throw new Error(`Not a calendar date: ${d}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

// ---------------------------------------------------------------------------
// Day numbers.

const CACHE_LIMIT = 200000;
const numOf = new Map<CalDate, number>();
const strOf = new Map<number, CalDate>();

/**
 * Days from 1970-01-01 of a valid proleptic Gregorian y-m-d (Hinnant's
 * days_from_civil): the same number as Date.UTC, without a Date.
 */
function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** A digit's value, or -1: charCodeAt is much cheaper than a regex or a Map lookup per date. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The slow path: Date.UTC, for what the digit arithmetic does not cover (month 13, day 0 ...: they roll over). */
function dayNumberByDate(d: CalDate): number {
  const p = parts(d);
  const t = new Date(0);
  t.setUTCFullYear(p.year, p.month - 1, p.day);
  t.setUTCHours(0, 0, 0, 0);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function dateOfDayNumber(n: number): CalDate {
  const t = new Date(n * MS_PER_DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Days since 1970-01-01; a day past the month's end rolls over as Date.UTC does. Throws on anything not 'YYYY-MM-DD'. */
export function toDayNumber(d: CalDate): number {
  if (d.length === 10 && d.charCodeAt(4) === 45 && d.charCodeAt(7) === 45) {
    const y0 = digit(d, 0);
    const y1 = digit(d, 1);
    const y2 = digit(d, 2);
    const y3 = digit(d, 3);
    const m0 = digit(d, 5);
    const m1 = digit(d, 6);
    const d0 = digit(d, 8);
    const d1 = digit(d, 9);
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >= 0) {
      const m = m0 * 10 + m1;
      const day = d0 * 10 + d1;
      if (m >= 1 && m <= 12 && day >= 1 && day <= 31) return civilDays(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m, day);
    }
  }
  let n = numOf.get(d);
  if (n === undefined) {
    n = dayNumberByDate(d);
    if (numOf.size >= CACHE_LIMIT) numOf.clear();
    numOf.set(d, n);
  }
  return n;
}

// Day numbers of 1900-01-01 .. 2102-12-31 (every date a sheet may hold, with
// room for the rules' steps) index an array: cheaper than a Map on the hot path.
const FIRST_DAY = -25567;
const DAYS = 74144;
let strAt: Array<CalDate | undefined> | null = null;

export function fromDayNumber(n: number): CalDate {
  const i = n - FIRST_DAY;
  if (i >= 0 && i < DAYS && Number.isInteger(i)) {
    if (strAt === null) strAt = new Array<CalDate | undefined>(DAYS);
    let d = strAt[i];
    if (d === undefined) strAt[i] = d = dateOfDayNumber(n);
    return d;
  }
  let d = strOf.get(n);
  if (d === undefined) {
    d = dateOfDayNumber(n);
    if (strOf.size >= CACHE_LIMIT) strOf.clear();
    strOf.set(n, d);
  }
  return d;
}

export function addDays(d: CalDate, n: number): CalDate {
  return n === 0 ? d : fromDayNumber(toDayNumber(d) + n);
}

/** b - a in days. */
export function daysBetween(a: CalDate, b: CalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday ... 6 = Saturday, like Date.getDay(). */
export function weekday(d: CalDate): number {
  return weekdayOf(toDayNumber(d));
}

function weekdayOf(n: number): number {
  // 1970-01-01 (day 0) was a Thursday (4).
  return (((n + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------
// Working days.

/** Which days are worked: weekdays (0-6) and the dates of holidays. */
export interface WorkCalendar {
  workingDays: readonly number[];
  holidays: ReadonlySet<CalDate>;
}

export const MON_TO_FRI: readonly number[] = [1, 2, 3, 4, 5];

export function workCalendar(
  workingDays: readonly number[] = MON_TO_FRI,
  holidays: Iterable<CalDate> = [],
): WorkCalendar {
  return { workingDays, holidays: new Set(holidays) };
}

export function isWorkingDay(d: CalDate, cal: WorkCalendar): boolean {
  return cal.workingDays.indexOf(weekday(d)) >= 0 && !cal.holidays.has(d);
}

function isWorkingDayNumber(n: number, cal: WorkCalendar): boolean {
  return cal.workingDays.indexOf(weekdayOf(n)) >= 0 && !cal.holidays.has(fromDayNumber(n));
}

// A calendar with no working days at all would loop forever; settings
// validation forbids it, and this bound makes the failure loud instead.
const MAX_SCAN_DAYS = 366 * 2;
const NO_WORKING_DAY = 'No working day within two years: check the workingDays setting and Holidays sheet';

/** d itself when it is a working day, else the next one after it. */
export function nextWorkingDay(d: CalDate, cal: WorkCalendar): CalDate {
  let n = toDayNumber(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n++) if (isWorkingDayNumber(n, cal)) return i === 0 ? d : fromDayNumber(n);
  throw new Error(NO_WORKING_DAY);
}

/** d itself when it is a working day, else the last one before it. */
export function previousWorkingDay(d: CalDate, cal: WorkCalendar): CalDate {
  let n = toDayNumber(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n--) if (isWorkingDayNumber(n, cal)) return i === 0 ? d : fromDayNumber(n);
  throw new Error(NO_WORKING_DAY);
}

/**
 * The n-th working day after d (n >= 1), not counting d itself:
 * "within 3 working days" of a complaint logged on Friday is the next Wednesday.
 */
export function addWorkingDays(d: CalDate, n: number, cal: WorkCalendar): CalDate {
  let c = d;
  for (let i = 0; i < n; i++) c = nextWorkingDay(addDays(c, 1), cal);
  return c;
}

/**
 * The yearly recurrence of (month, day) on or after `from`. 29 February falls
 * on 28 February in common years, the day people with that birthday celebrate
 * most often and the one that keeps the greeting before the real day.
 */
export function nextAnnual(month: number, day: number, from: CalDate): CalDate {
  const y = parts(from).year;
  for (const year of [y, y + 1]) {
    const d = day === 29 && month === 2 && !isLeapYear(year) ? 28 : day;
    const c = ymd(year, month, d);
    if (c >= from) return c;
  }
  throw new Error('unreachable');
}
