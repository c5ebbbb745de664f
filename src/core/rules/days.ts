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

export function dayNum(d: CalDate): number {
  let n = numOf.get(d);
  if (n === undefined) {
    n = toDayNumber(d);
    if (numOf.size >= LIMIT) numOf.clear();
    numOf.set(d, n);
  }
  return n;
}

export function dayStr(n: number): CalDate {
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
