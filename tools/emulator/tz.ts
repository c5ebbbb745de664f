/**
 * Time-zone arithmetic on IANA zone names, built on Intl only.
 *
 * Apps Script works in several time zones at once (the spreadsheet's, the
 * script's, a Calendar event's), and none of them is the machine's. Every
 * conversion the emulator makes between an instant and a wall-clock time goes
 * through here, so DST rules come from the same tz database as the host's ICU.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True if `tz` is an IANA zone name the host knows. */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz === '') return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

function exactOffset(tz: string, t: number): number {
  const seconds = Math.floor(t / 1000) * 1000;
  const parts = formatterFor(tz).formatToParts(new Date(seconds));
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0,
    bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = /^B/i.test(p.value);
        break;
    }
  }
  if (bc) y = 1 - y;
  const asUtc = Date.UTC(2000, mo - 1, d, h, mi, s);
  const wall = new Date(asUtc);
  wall.setUTCFullYear(y); // keeps years 0..99 from being mapped to 19xx
  return wall.getTime() - seconds;
}

// Offsets only change at transitions, so cache them per hour bucket and fall
// back to an exact lookup for the (rare) bucket that contains a transition.
const HOUR = 3600000;
const offsetCache = new Map<string, Map<number, number>>();

/** Offset of `tz` from UTC at instant `t` (ms), e.g. +3600000 for BST. */
export function tzOffset(tz: string, t: number): number {
  if (tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT') return 0;
  let cache = offsetCache.get(tz);
  if (!cache) {
    cache = new Map();
    offsetCache.set(tz, cache);
  }
  const bucket = Math.floor(t / HOUR);
  let start = cache.get(bucket);
  if (start === undefined) {
    start = exactOffset(tz, bucket * HOUR);
    const end = exactOffset(tz, bucket * HOUR + HOUR - 1);
    // NaN marks "a transition happens inside this hour".
    cache.set(bucket, start === end ? start : NaN);
    if (cache.size > 50000) cache.clear();
    if (start !== end) return exactOffset(tz, t);
    return start;
  }
  return Number.isNaN(start) ? exactOffset(tz, t) : start;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offset: number; // ms east of UTC
}

/** The wall-clock fields of instant `t` in zone `tz`. */
export function wallTime(tz: string, t: number): WallTime {
  const offset = tzOffset(tz, t);
  const d = new Date(t + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offset,
  };
}

/** Date.UTC that also accepts years 0..99 literally. */
export function utcFields(y: number, mo0: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = Date.UTC(2000, mo0, d, h, mi, s, ms);
  if (y >= 0 && y < 100) {
    const x = new Date(t);
    x.setUTCFullYear(y + (x.getUTCFullYear() - 2000));
    return x.getTime();
  }
  return Date.UTC(y, mo0, d, h, mi, s, ms);
}

/**
 * The instant at which the wall clock in `tz` shows the given fields
 * (month 0-based, fields may overflow like Date.UTC's). Resolves DST the way
 * JavaScript's Date (and java.util.Calendar, lenient) do: a time inside a
 * spring-forward gap moves forward by the gap; an ambiguous time in a
 * fall-back overlap takes the earlier instant.
 */
export function zonedToUtc(tz: string, y: number, mo0: number, d = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  const local = utcFields(y, mo0, d, h, mi, s, ms);
  if (Number.isNaN(local)) return NaN;
  const before = tzOffset(tz, local - 86400000);
  const after = tzOffset(tz, local + 86400000);
  const candidates: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    const t = local - o;
    if (tzOffset(tz, t) === o) candidates.push(t);
  }
  if (candidates.length) return Math.min(...candidates);
  // In a gap: interpret with the offset in force before the transition.
  return local - before;
}

/** '+01:00' style offset text (colon = true) or '+0100'. */
export function offsetText(offsetMs: number, colon: boolean): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMs / 60000));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** Short zone name as ICU gives it ('EST', 'GMT+1', 'GMT+8'). */
export function zoneShortName(tz: string, t: number, long = false): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      timeZoneName: long ? 'long' : 'short',
    }).formatToParts(new Date(t));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
  } catch {
    return tz;
  }
}

/** RFC 3339 text of instant `t` as seen in `tz`: 2026-11-02T09:00:00-05:00. */
export function rfc3339InZone(t: number, tz: string): string {
  const w = wallTime(tz, t);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const base = `${String(w.year).padStart(4, '0')}-${p2(w.month)}-${p2(w.day)}T${p2(w.hour)}:${p2(w.minute)}:${p2(w.second)}`;
  return base + (w.offset === 0 && (tz === 'UTC' || tz === 'Etc/UTC') ? 'Z' : offsetText(w.offset, true));
}
