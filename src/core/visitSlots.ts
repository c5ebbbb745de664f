/**
 * Where each due visit goes (docs/rules.md, Visits: visits go on the
 * calendar in working hours, A customers in the morning).
 *
 * Every time here is a local wall-clock time of the spreadsheet's zone: a
 * calendar date plus minutes since local midnight. The adapter reads the
 * calendar's events for `searchWindow` in that zone, splits any event that
 * crosses midnight into one piece per day, and passes them as `Busy`; this
 * module never touches a Date or a zone, so a DST change cannot shift a slot.
 *
 * Rules, as implemented:
 * - A visit may go on the first working day (weekday in
 *   `settings.workingDays`, not a holiday of `cal`) on or after the later of
 *   its due day and tomorrow: never today, since a visit made at 06:00 for
 *   the same day would surprise the person whose day is already planned.
 * - Inside its tier's `visitWindows` entry, `visitMinutes` long, overlapping
 *   no busy interval and no visit placed earlier in the same call. Visits may
 *   sit back to back (10:00-11:00 then 11:00-12:00): intervals are end
 *   exclusive, and travel time is the person's to judge.
 * - At most `maxVisitsPerDay` Retain visits a day, counting the ones already
 *   on the calendar (`retainVisitsPerDay`).
 * - Start times lie on a 15-minute grid anchored at the window start (09:00,
 *   09:15, ...): people expect tidy times, and after a meeting that ends at
 *   10:20 the visit starts at 10:30, not 10:20. The first free grid point is
 *   found by jumping past each blocking interval, not by trying every step.
 * - Order: earliest due first (the most overdue first), then tier A, B, C,
 *   then key, so the best customers get the earliest slots and the result
 *   does not depend on the order of the input.
 * - The search covers the earliest allowed day through `horizonDays` (30)
 *   days after it; a visit with no room in that span is returned as unplaced
 *   with a reason in both languages, never silently dropped.
 */
import { addDays, isCalDate, isWorkingDay, type CalDate, type WorkCalendar } from './dates';
import { fill, type Msg } from './i18n';
import type { Settings, Tier } from './model';

/** A time that is taken: minutes since local midnight, end exclusive. An event across midnight is split by the caller. */
export interface Busy {
  date: CalDate;
  start: number;
  end: number;
}

/**
 * The busy time of one event given its local start and end ('YYYY-MM-DD
 * HH:mm' in the calendar's zone, the zone the visit windows are in): one
 * piece per day it covers (a multi-day block fills the days between).
 */
export function busyOfLocal(start: string, end: string): Busy[] {
  const [ad, at] = start.split(' ');
  const [bd, bt] = end.split(' ');
  const mins = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  if (ad === bd) return [{ date: ad, start: mins(at), end: mins(bt) }];
  const out: Busy[] = [{ date: ad, start: mins(at), end: DAY_MINUTES }];
  for (let d = addDays(ad, 1); d < bd; d = addDays(d, 1)) out.push({ date: d, start: 0, end: DAY_MINUTES });
  out.push({ date: bd, start: 0, end: mins(bt) });
  return out;
}

export interface VisitRequest {
  /** Idempotency key (customer + due date); unique per request. */
  key: string;
  customerId: string;
  tier: Tier;
  due: CalDate;
}

export interface PlacedVisit {
  key: string;
  customerId: string;
  tier: Tier;
  date: CalDate;
  startMin: number;
  endMin: number;
  /** 'HH:MM'; an end of 24:00 is written '24:00'. */
  start: string;
  end: string;
}

export interface UnplacedVisit {
  key: string;
  customerId: string;
  reason: Msg;
}

export interface PlaceOptions {
  today: CalDate;
  settings: Settings;
  cal: WorkCalendar;
  /** How many days past the earliest allowed day to search (that day + horizonDays, inclusive); default 30. */
  horizonDays?: number;
  /** Retain visits already on the calendar per day: they count toward maxVisitsPerDay. */
  retainVisitsPerDay?: Record<CalDate, number>;
}

export interface PlaceResult {
  placed: PlacedVisit[];
  unplaced: UnplacedVisit[];
}

export const DEFAULT_HORIZON_DAYS = 30;
/** Candidate start times step by this many minutes from the window start. */
export const SLOT_STEP_MINUTES = 15;
const DAY_MINUTES = 24 * 60;

const HHMM = /^(\d{1,2}):(\d{2})$/;

/** Minutes since midnight of 'HH:MM' ('9:30' is accepted too); '24:00' is the end of the day (1440). Throws on anything else. */
export function hhmmToMinutes(s: string): number {
  const n = parseHhmm(s);
  if (n === null) throw new Error(`Not a time of day (HH:MM): ${String(s)}`);
  return n;
}

function parseHhmm(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = HHMM.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return DAY_MINUTES;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** 'HH:MM' of a whole number of minutes 0..1440 (1440 -> '24:00', the end of the day). Throws outside that range. */
export function minutesToHhmm(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > DAY_MINUTES) throw new Error(`Not a minute of the day (0-1440): ${n}`);
  return `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
}

function horizonOf(opts: PlaceOptions): number {
  const h = opts.horizonDays ?? DEFAULT_HORIZON_DAYS;
  // A programming error, not a user's setting: fail loudly rather than search nothing or forever.
  if (!Number.isInteger(h) || h < 0) throw new Error(`horizonDays must be a whole number >= 0: ${h}`);
  return h;
}

/** The first day a visit may go on: the later of its due day and tomorrow. */
function earliestDay(due: CalDate, tomorrow: CalDate): CalDate {
  return due > tomorrow ? due : tomorrow;
}

/**
 * The days whose events must be read before `placeVisits` (from = tomorrow at
 * the earliest, to = the last day any request may search); null when there is
 * nothing to place. Requests with an unreadable due date are left out: they
 * are reported as unplaced without a search.
 */
export function searchWindow(reqs: readonly VisitRequest[], opts: PlaceOptions): { from: CalDate; to: CalDate } | null {
  const horizon = horizonOf(opts);
  const tomorrow = addDays(opts.today, 1);
  let from: CalDate | null = null;
  let last: CalDate | null = null;
  for (const r of reqs) {
    if (!isCalDate(r.due)) continue;
    const e = earliestDay(r.due, tomorrow);
    if (from === null || e < from) from = e;
    if (last === null || e > last) last = e;
  }
  if (from === null || last === null) return null;
  return { from, to: addDays(last, horizon) };
}

function tierRank(t: Tier): number {
  return t === 'A' ? 0 : t === 'B' ? 1 : t === 'C' ? 2 : 3;
}

/** Earliest due first, then A before B before C, then key; plain < comparisons so no locale can change the order. */
function compareRequests(a: VisitRequest, b: VisitRequest): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  const ta = tierRank(a.tier);
  const tb = tierRank(b.tier);
  if (ta !== tb) return ta - tb;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.customerId !== b.customerId) return a.customerId < b.customerId ? -1 : 1;
  return 0;
}

/** What one day already holds: taken intervals (sorted, disjoint, touching ones merged) and the Retain visits counted. */
interface DayState {
  taken: Array<[number, number]>;
  visits: number;
  /** Windows + lengths already found full that day: taking more time can never free them, so later requests skip the scan. */
  full: Set<string>;
}

/** Sorted, merged union of intervals; empty or inverted ones take no time and are dropped. */
function mergeIntervals(list: Array<[number, number]>): Array<[number, number]> {
  const xs = list
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(DAY_MINUTES, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of xs) {
    const lastIv = out[out.length - 1];
    if (lastIv && s <= lastIv[1]) lastIv[1] = Math.max(lastIv[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The first start on the 15-minute grid from `ws` such that [t, t + len)
 * lies inside [ws, we) and touches no taken interval; null when none. One
 * pass: the intervals are disjoint and sorted, so after jumping past one the
 * earlier ones can no longer conflict.
 */
function firstFit(taken: ReadonlyArray<[number, number]>, ws: number, we: number, len: number): number | null {
  let t = ws;
  for (const [s, e] of taken) {
    if (t + len > we) return null;
    if (e <= t) continue;
    if (s >= t + len) break;
    t = ws + Math.ceil((e - ws) / SLOT_STEP_MINUTES) * SLOT_STEP_MINUTES;
  }
  return t + len <= we ? t : null;
}

const MSG_BAD_DUE: Msg = {
  en: 'The visit due date "{due}" is not a date',
  zh: '拜访到期日“{due}”不是有效日期',
};
const MSG_BAD_TIER: Msg = {
  en: 'The tier "{tier}" has no visit window',
  zh: '客户等级“{tier}”没有拜访时段',
};
const MSG_BAD_WINDOW: Msg = {
  en: 'The {tier} visit window "{start}-{end}" is not a valid time range (HH:MM-HH:MM, start before end): fix visitWindows in Settings',
  zh: '{tier} 类客户的拜访时段“{start}-{end}”不是有效的时间范围（HH:MM-HH:MM，开始早于结束）：请在设置中修改 visitWindows',
};
const MSG_BAD_MINUTES: Msg = {
  en: 'visitMinutes ({minutes}) must be a whole number of minutes above 0',
  zh: 'visitMinutes（{minutes}）必须是大于 0 的整数分钟',
};
const MSG_NO_VISITS: Msg = {
  en: 'maxVisitsPerDay is {max}: no visits can be placed',
  zh: 'maxVisitsPerDay 为 {max}：无法安排任何拜访',
};
const MSG_TOO_SHORT: Msg = {
  en: 'The {tier} visit window {start}-{end} is shorter than a {minutes}-minute visit: widen the window or shorten visitMinutes',
  zh: '{tier} 类客户的拜访时段 {start}-{end} 短于一次 {minutes} 分钟的拜访：请放宽时段或缩短 visitMinutes',
};
const MSG_NO_SLOT: Msg = {
  en: 'No free {minutes}-minute slot in the {tier} window {start}-{end} within {days} days of {from} (working days only, at most {max} visits a day)',
  zh: '自 {from} 起 {days} 天内，{tier} 类客户的拜访时段 {start}-{end} 没有空闲的 {minutes} 分钟（仅工作日，每天最多 {max} 次拜访）',
};
const MSG_DUPLICATE: Msg = {
  en: 'Another visit with the same key ({key}) was already handled in this run',
  zh: '本次运行已处理过相同标识（{key}）的拜访',
};

/** Each day's state, made when a request first looks at the day. */
function dayStates(busy: readonly Busy[], already: Record<CalDate, number>): (d: CalDate) => DayState {
  // Index busy by date once: a request only ever looks at its own days.
  const busyByDate = new Map<CalDate, Array<[number, number]>>();
  for (const b of busy) {
    if (!isCalDate(b.date) || !Number.isFinite(b.start) || !Number.isFinite(b.end)) continue;
    let list = busyByDate.get(b.date);
    if (!list) busyByDate.set(b.date, (list = []));
    list.push([b.start, b.end]);
  }
  const days = new Map<CalDate, DayState>();
  return (d) => {
    let st = days.get(d);
    if (!st) {
      const n = Object.prototype.hasOwnProperty.call(already, d) ? Number(already[d]) : 0;
      st = {
        taken: mergeIntervals(busyByDate.get(d) ?? []),
        visits: Number.isFinite(n) && n > 0 ? n : 0,
        full: new Set(),
      };
      days.set(d, st);
    }
    return st;
  };
}

/** A request's window in minutes, or why it cannot be placed whatever the calendar holds. */
function windowOf(r: VisitRequest, settings: Settings): { ws: number; we: number } | Msg {
  if (!isCalDate(r.due)) return fill(MSG_BAD_DUE, { due: String(r.due) });
  const win = Object.prototype.hasOwnProperty.call(settings.visitWindows, r.tier)
    ? settings.visitWindows[r.tier]
    : undefined;
  if (!win) return fill(MSG_BAD_TIER, { tier: String(r.tier) });
  const ws = parseHhmm(win.start);
  const we = parseHhmm(win.end);
  if (ws === null || we === null || ws >= we)
    return fill(MSG_BAD_WINDOW, { tier: r.tier, start: String(win.start), end: String(win.end) });
  const len = settings.visitMinutes;
  const vars = { tier: r.tier, start: minutesToHhmm(ws), end: minutesToHhmm(we), minutes: String(len) };
  if (!(Number.isInteger(len) && len > 0)) return fill(MSG_BAD_MINUTES, { minutes: String(len) });
  if (we - ws < len) return fill(MSG_TOO_SHORT, vars);
  if (!(settings.maxVisitsPerDay >= 1)) return fill(MSG_NO_VISITS, { max: String(settings.maxVisitsPerDay) });
  return { ws, we };
}

/** What placing one request needs: the days, the working-day test, the search span. */
interface Search {
  tomorrow: CalDate;
  horizon: number;
  len: number;
  maxPerDay: number;
  dayState: (d: CalDate) => DayState;
  isWorking: (d: CalDate) => boolean;
}

/** The first slot for r in its window, from its earliest day through the horizon; null when there is none. */
function placeOne(r: VisitRequest, ws: number, we: number, s: Search): PlacedVisit | null {
  const from = earliestDay(r.due, s.tomorrow);
  const fullKey = `${ws}-${we}-${s.len}`;
  for (let k = 0; k <= s.horizon; k++) {
    const d = addDays(from, k);
    if (!s.isWorking(d)) continue;
    const st = s.dayState(d);
    if (st.visits >= s.maxPerDay || st.full.has(fullKey)) continue;
    const t = firstFit(st.taken, ws, we, s.len);
    if (t === null) {
      st.full.add(fullKey);
      continue;
    }
    st.taken = mergeIntervals([...st.taken, [t, t + s.len]]);
    st.visits++;
    return {
      key: r.key,
      customerId: r.customerId,
      tier: r.tier,
      date: d,
      startMin: t,
      endMin: t + s.len,
      start: minutesToHhmm(t),
      end: minutesToHhmm(t + s.len),
    };
  }
  return null;
}

/**
 * Places each request (see the module comment for the rules). Every request
 * comes back exactly once, in `placed` or in `unplaced`, both in placement
 * order. Busy intervals on days outside the search are ignored.
 */
export function placeVisits(reqs: readonly VisitRequest[], busy: readonly Busy[], opts: PlaceOptions): PlaceResult {
  const { settings } = opts;
  // Working weekdays are a setting, holidays come from the Holidays sheet (the caller's `cal`).
  const cal: WorkCalendar = { workingDays: settings.workingDays, holidays: opts.cal.holidays };
  // Working-day answers are cached: 1,000 requests mostly scan the same 30 days.
  const working = new Map<CalDate, boolean>();
  const search: Search = {
    tomorrow: addDays(opts.today, 1),
    horizon: horizonOf(opts),
    len: settings.visitMinutes,
    maxPerDay: settings.maxVisitsPerDay,
    dayState: dayStates(busy, opts.retainVisitsPerDay ?? {}),
    isWorking: (d) => {
      let w = working.get(d);
      if (w === undefined) working.set(d, (w = isWorkingDay(d, cal)));
      return w;
    },
  };
  const order = reqs.map((r, i) => ({ r, i }));
  order.sort((a, b) => compareRequests(a.r, b.r) || a.i - b.i);
  const placed: PlacedVisit[] = [];
  const unplaced: UnplacedVisit[] = [];
  const seenKeys = new Set<string>();
  for (const { r } of order) {
    const no = (reason: Msg): void => {
      unplaced.push({ key: r.key, customerId: r.customerId, reason });
    };
    // The key is the event's idempotency key: two events with one key would defeat it.
    if (seenKeys.has(r.key)) {
      no(fill(MSG_DUPLICATE, { key: r.key }));
      continue;
    }
    seenKeys.add(r.key);
    const win = windowOf(r, settings);
    if (!('ws' in win)) {
      no(win);
      continue;
    }
    const slot = placeOne(r, win.ws, win.we, search);
    if (slot !== null) placed.push(slot);
    else {
      const vars = {
        tier: r.tier,
        start: minutesToHhmm(win.ws),
        end: minutesToHhmm(win.we),
        minutes: String(search.len),
      };
      const from = earliestDay(r.due, search.tomorrow);
      no(fill(MSG_NO_SLOT, { ...vars, days: String(search.horizon), from, max: String(search.maxPerDay) }));
    }
  }
  return { placed, unplaced };
}
