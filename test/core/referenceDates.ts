/**
 * The plain versions of src/core/dates.ts's fast operations: each step with a
 * regex and a Date, as the module did before it was made fast for the
 * 100,000-customer plan. The property tests check that the fast module gives
 * exactly these answers (docs/testing.md, Kinds of tests).
 */
import { isWorkingDay, parts, ymd, type CalDate, type WorkCalendar } from '../../src/core/dates';

const MS_PER_DAY = 86400000;

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

export function daysBetween(a: CalDate, b: CalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

const MAX_SCAN_DAYS = 366 * 2;

export function nextWorkingDay(d: CalDate, cal: WorkCalendar): CalDate {
  let n = toDayNumber(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n++) {
    const c = fromDayNumber(n);
    if (isWorkingDay(c, cal)) return c;
  }
  throw new Error('No working day within two years');
}

export function previousWorkingDay(d: CalDate, cal: WorkCalendar): CalDate {
  let n = toDayNumber(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n--) {
    const c = fromDayNumber(n);
    if (isWorkingDay(c, cal)) return c;
  }
  throw new Error('No working day within two years');
}

export function addWorkingDays(d: CalDate, n: number, cal: WorkCalendar): CalDate {
  let c = d;
  for (let i = 0; i < n; i++) c = nextWorkingDay(addDays(c, 1), cal);
  return c;
}
