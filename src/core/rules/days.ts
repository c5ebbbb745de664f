/**
 * Memoised day arithmetic for the planning hot path. A nightly plan over
 * 100,000 customers does a few million date steps, yet on only a few thousand
 * distinct dates; dates.ts computes each step with a regex and a Date object,
 * which made the plan several times slower than the ~1 s budget. These give
 * exactly dates.ts's answers (they call it once per distinct date) and cache
 * the day numbers both ways. The caches are bounded and hold only pure
 * results, so a plan stays deterministic.
 */
import { fromDayNumber, toDayNumber, type CalDate, type WorkCalendar } from '../dates';

const LIMIT = 200000;
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

export function dayNum(d: CalDate): number {
  // Fast path for the usual 'YYYY-MM-DD' with month 1-12 and day 1-31 (a day
  // past the month's end rolls over exactly as Date.UTC does); anything else
  // takes dates.ts's own path, cached.
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
    n = toDayNumber(d);
    if (numOf.size >= LIMIT) numOf.clear();
    numOf.set(d, n);
  }
  return n;
}

// Day numbers of 1900-01-01 .. 2102-12-31 (every date a sheet may hold, with
// room for the rules' steps) index an array: cheaper than a Map on the hot path.
const FIRST_DAY = -25567;
const DAYS = 74144;
let strAt: Array<CalDate | undefined> | null = null;

export function dayStr(n: number): CalDate {
  const i = n - FIRST_DAY;
  if (i >= 0 && i < DAYS && Number.isInteger(i)) {
    if (strAt === null) strAt = new Array<CalDate | undefined>(DAYS);
    let d = strAt[i];
    if (d === undefined) strAt[i] = d = fromDayNumber(n);
    return d;
  }
  let d = strOf.get(n);
  if (d === undefined) {
    d = fromDayNumber(n);
    if (strOf.size >= LIMIT) strOf.clear();
    strOf.set(n, d);
  }
  return d;
}

/** dates.addDays */
export function plusDays(d: CalDate, n: number): CalDate {
  return n === 0 ? d : dayStr(dayNum(d) + n);
}

/** dates.daysBetween: b - a in days. */
export function diffDays(a: CalDate, b: CalDate): number {
  return dayNum(b) - dayNum(a);
}

function working(n: number, cal: WorkCalendar): boolean {
  // 1970-01-01 (day 0) was a Thursday (4).
  const wd = (((n + 4) % 7) + 7) % 7;
  return cal.workingDays.indexOf(wd) >= 0 && !cal.holidays.has(dayStr(n));
}

// Same bound as dates.ts: a calendar without working days fails loudly.
const MAX_SCAN_DAYS = 366 * 2;

/** dates.nextWorkingDay: d itself when it is a working day, else the next one. */
export function nextWorking(d: CalDate, cal: WorkCalendar): CalDate {
  let n = dayNum(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n++) if (working(n, cal)) return i === 0 ? d : dayStr(n);
  throw new Error('No working day within two years: check the workingDays setting and Holidays sheet');
}

/** dates.previousWorkingDay: d itself when it is a working day, else the last one before it. */
export function previousWorking(d: CalDate, cal: WorkCalendar): CalDate {
  let n = dayNum(d);
  for (let i = 0; i < MAX_SCAN_DAYS; i++, n--) if (working(n, cal)) return i === 0 ? d : dayStr(n);
  throw new Error('No working day within two years: check the workingDays setting and Holidays sheet');
}

/** dates.addWorkingDays: the n-th working day after d (n >= 1), not counting d itself. */
export function plusWorkingDays(d: CalDate, n: number, cal: WorkCalendar): CalDate {
  let c = d;
  for (let i = 0; i < n; i++) c = nextWorking(plusDays(c, 1), cal);
  return c;
}
