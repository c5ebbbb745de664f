/**
 * When time-driven triggers fire (docs/platform.md, "Triggers"):
 *  - atHour(h) with everyDays(n) / everyWeeks(n): at hour h, at the minute
 *    Apps Script picked when the trigger was made (near nearMinute(m), else at
 *    random), the same minute every day, in the trigger's time zone;
 *  - everyHours(n): every n hours at the picked minute; everyMinutes(n): every
 *    n minutes from its creation;
 *  - after(ms) / at(date): once ("the actual duration may vary, but it won't be
 *    shorter than your specified minimum"); it then stays listed, spent.
 *
 * runUntil() moves the fake clock forward and fires what is due, in order.
 * Executions overlap as on the platform: a trigger falling due while another
 * execution runs starts between two of that execution's service calls.
 */
import type { TriggerRecord } from './script';
import { wallTime, zonedToUtc } from './tz';

const DAY = 86400000;
const HOUR = 3600000;
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** The first time after `after` (exclusive) at which the trigger fires, or undefined (spent, or not a time trigger). */
export function nextFire(t: TriggerRecord, after: number): number | undefined {
  if (t.type !== 'CLOCK' || t.spent) return undefined;
  if (t.after !== undefined) {
    const at = t.created + t.after;
    return at > after ? at : undefined;
  }
  if (t.at !== undefined) {
    const at = Date.parse(t.at);
    return at > after ? at : undefined;
  }
  if (t.everyMinutes !== undefined) {
    const step = t.everyMinutes * 60000;
    const k = Math.floor((after - t.created) / step) + 1;
    return t.created + Math.max(1, k) * step;
  }
  const tz = t.timezone ?? 'UTC';
  const minute = t.minute ?? 0;
  if (t.everyHours !== undefined) {
    const w = wallTime(tz, t.created);
    let at = zonedToUtc(tz, w.year, w.month - 1, w.day, w.hour, minute);
    if (at <= t.created) at += HOUR;
    const step = t.everyHours * HOUR;
    if (at > after) return at;
    return at + (Math.floor((after - at) / step) + 1) * step;
  }
  const hour = t.atHour ?? wallTime(tz, t.created).hour;
  const everyDays = t.everyWeeks !== undefined ? 7 * t.everyWeeks : (t.everyDays ?? 1);
  // Walk the days from the trigger's creation day; the first run is the first such time after its creation.
  const c = wallTime(tz, t.created);
  let day = 0;
  let first: number | undefined;
  for (let i = 0; i < 14 && first === undefined; i++) {
    const at = zonedToUtc(tz, c.year, c.month - 1, c.day + i, hour, minute);
    const weekdayOk = t.onWeekDay === undefined || DAYS[wallTime(tz, at).weekday] === t.onWeekDay;
    if (at > t.created && weekdayOk) {
      first = at;
      day = i;
    }
  }
  if (first === undefined) return undefined;
  if (first > after) return first;
  const periods = Math.floor((after - first) / (everyDays * DAY)) + 1;
  // Whole days in the zone (a DST change keeps the wall time, not the interval).
  for (let p = Math.max(0, periods - 1); p <= periods + 1; p++) {
    const at = zonedToUtc(tz, c.year, c.month - 1, c.day + day + p * everyDays, hour, minute);
    if (at > after) return at;
  }
  return undefined;
}

export interface FiredRun {
  triggerId: string;
  handler: string;
  user: string;
  /** When the trigger was due, and when the execution started and ended (fake clock). */
  due: number;
  start: number;
  end: number;
  /** It started while another execution was still running. */
  overlapped: boolean;
  result?: unknown;
  error?: string;
}
