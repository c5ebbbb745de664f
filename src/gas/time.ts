/**
 * Instants and calendar dates in the spreadsheet's time zone.
 *
 * Sheets hands date cells over as instants (midnight in the spreadsheet's
 * zone); the core wants 'YYYY-MM-DD'. The zone is the spreadsheet's, never the
 * script's or the machine's (docs/platform.md, Locks, properties and time
 * zones). Utilities.formatDate is the only zone-aware tool Apps Script
 * guarantees, and it is a service call, so the zone offset is cached per UTC
 * month or day: a sheet with 100k dates costs a few hundred calls, not 100k.
 */
import type { CalDate } from '../core/dates';
import { retryService } from './retry';

const DAY_MS = 86400000;

export interface ZoneClock {
  timeZone: string;
  /** The calendar date of an instant in the zone. */
  toCalDate(d: Date): CalDate;
  /** 'YYYY-MM-DD HH:mm' of an instant in the zone. */
  toLocalDateTime(d: Date): string;
  /** Today in the zone. */
  today(): CalDate;
}

/** '+0800' / '-0500' → minutes east of UTC. */
function offsetMinutes(z: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) throw new Error(`Unexpected zone offset from Utilities.formatDate: ${z}`);
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

export function zoneClock(timeZone: string): ZoneClock {
  // Offsets change at most a few times a year, so they are cached per UTC
  // month when the month starts and ends on the same offset (every month, in
  // zones without daylight saving), else per UTC day, else per instant.
  const monthCache = new Map<number, number | null>();
  const dayCache = new Map<number, number | null>();

  const formatOffset = (t: number) =>
    offsetMinutes(retryService('Utilities', () => Utilities.formatDate(new Date(t), timeZone, 'Z')));

  function stableOffset(cache: Map<number, number | null>, key: number, start: number, end: number): number | null {
    let off = cache.get(key);
    if (off === undefined) {
      const a = formatOffset(start);
      off = a === formatOffset(end) ? a : null;
      cache.set(key, off);
    }
    return off;
  }

  function offsetAt(t: number): number {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const monthStart = Date.UTC(y, m, 1);
    const monthEnd = Date.UTC(y, m + 1, 1) - 1;
    const month = stableOffset(monthCache, y * 12 + m, monthStart, monthEnd);
    if (month !== null) return month;
    const day = Math.floor(t / DAY_MS);
    const daily = stableOffset(dayCache, day, day * DAY_MS, (day + 1) * DAY_MS - 1);
    return daily !== null ? daily : formatOffset(t);
  }

  function shifted(d: Date): Date {
    return new Date(d.getTime() + offsetAt(d.getTime()) * 60000);
  }

  const pad = (n: number) => String(n).padStart(2, '0');

  return {
    timeZone,
    toCalDate(d: Date): CalDate {
      const s = shifted(d);
      return `${String(s.getUTCFullYear()).padStart(4, '0')}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
    },
    toLocalDateTime(d: Date): string {
      const s = shifted(d);
      return `${String(s.getUTCFullYear()).padStart(4, '0')}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
    },
    today(): CalDate {
      return this.toCalDate(new Date());
    },
  };
}

/**
 * The instant of a local wall-clock time in the zone, as RFC 3339 with offset
 * (what Calendar.Events.list wants for timeMin/timeMax).
 */
export function localToRfc3339(clock: ZoneClock, date: CalDate, hhmm: string): string {
  const guessUtc = Date.parse(`${date}T${hhmm}:00Z`);
  // Two rounds settle the offset except inside a DST gap, where any answer within the hour will do.
  let t = guessUtc;
  for (let i = 0; i < 2; i++) {
    const local = clock.toLocalDateTime(new Date(t));
    const localMs = Date.parse(local.replace(' ', 'T') + ':00Z');
    t += guessUtc - localMs;
  }
  return new Date(t).toISOString();
}
