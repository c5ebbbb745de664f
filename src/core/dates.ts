/**
 * Calendar dates and working days.
 *
 * A calendar date is an ISO string 'YYYY-MM-DD' with no time and no zone: the
 * rules speak of days ("call on day 3"), and a day is only a day once it has
 * been read in the spreadsheet's time zone (done by the adapters, never here).
 * Arithmetic goes through a day number (days since 1970-01-01 in the proleptic
 * Gregorian calendar), computed with Date.UTC so the machine's zone never leaks in.
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

export function toDayNumber(d: CalDate): number {
  const p = parts(d);
  const t = new Date(0);
  t.setUTCFullYear(p.year, p.month - 1, p.day);
  t.setUTCHours(0, 0, 0, 0);
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): CalDate {
  const t = new Date(n * MS_PER_DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(d: CalDate, n: number): CalDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** b - a in days. */
export function daysBetween(a: CalDate, b: CalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday ... 6 = Saturday, like Date.getDay(). */
export function weekday(d: CalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

export function maxDate(...ds: Array<CalDate | null | undefined>): CalDate | null {
  let best: CalDate | null = null;
  for (const d of ds) if (d && (best === null || d > best)) best = d;
  return best;
}

export function minDate(...ds: Array<CalDate | null | undefined>): CalDate | null {
  let best: CalDate | null = null;
  for (const d of ds) if (d && (best === null || d < best)) best = d;
  return best;
}

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
  return cal.workingDays.includes(weekday(d)) && !cal.holidays.has(d);
}

// A calendar with no working days at all would loop forever; settings
// validation forbids it, and this bound makes the failure loud instead.
const MAX_SCAN_DAYS = 366 * 2;

/** d itself when it is a working day, else the next one after it. */
export function nextWorkingDay(d: CalDate, cal: WorkCalendar): CalDate {
  let n = toDayNumber(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n++) {
    const c = fromDayNumber(n);
    if (isWorkingDay(c, cal)) return c;
  }
  throw new Error('No working day within two years: check the workingDays setting and Holidays sheet');
}

/** d itself when it is a working day, else the last one before it. */
export function previousWorkingDay(d: CalDate, cal: WorkCalendar): CalDate {
  let n = toDayNumber(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n--) {
    const c = fromDayNumber(n);
    if (isWorkingDay(c, cal)) return c;
  }
  throw new Error('No working day within two years: check the workingDays setting and Holidays sheet');
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
