/**
 * Reading one setting's value as people give it (docs/rules.md, each rule's
 * settings): from the sidebar's form (strings: '20', 'true', '1, 3, 7'), from
 * JSON, or from a document property a person edited by hand. Each check
 * returns the canonical value, or undefined when the value is not allowed.
 */
import { parseNumber } from './cells';
import type { Settings, Tier, TimeWindow } from './model';

type SettingKey = keyof Settings;

const TIER_KEYS: readonly Tier[] = ['A', 'B', 'C'];

/** The allowed range of each whole-number setting (per tier for the cadences); the form's number inputs use it too. */
export const SETTING_RANGES: Readonly<Partial<Record<SettingKey, { min: number; max: number }>>> = {
  revenueWindowDays: { min: 1, max: 3650 },
  postSaleWindowDays: { min: 1, max: 3650 },
  contactEveryDays: { min: 1, max: 3650 },
  visitEveryDays: { min: 1, max: 3650 },
  thankYouWindowDays: { min: 0, max: 30 },
  maxFollowUpsPerDay: { min: 1, max: 500 },
  visitMinutes: { min: 15, max: 480 },
  visitLookaheadDays: { min: 1, max: 60 },
  maxVisitsPerDay: { min: 1, max: 20 },
  nightlyHour: { min: 0, max: 23 },
  runBudgetSeconds: { min: 30, max: 330 },
};

function range(key: SettingKey): [number, number] {
  const r = SETTING_RANGES[key] as { min: number; max: number };
  return [r.min, r.max];
}

/** A number from a number or from text ('20', ' 20 ', '２０'); NaN otherwise. */
function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return NaN;
  const s = v.normalize('NFKC').trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN;
}

function wholeIn(v: unknown, min: number, max: number): number | null {
  const n = toNumber(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** JSON text from a form or a hand-edited property ('[1,3,7]', '{"A":14}'); other values as they are. */
function structured(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s.startsWith('[') || s.startsWith('{')) {
    try {
      return JSON.parse(s);
    } catch {
      return v;
    }
  }
  return v;
}

/** A list from an array or from text '1, 3, 7' / '1 3 7' / '1，3，7'. */
function listOf(v: unknown): unknown[] | null {
  const x = structured(v);
  if (Array.isArray(x)) return x;
  if (typeof x === 'string') {
    const s = x.normalize('NFKC').trim();
    return s === '' ? [] : s.split(/[\s,;、]+/).filter((p) => p !== '');
  }
  if (typeof x === 'number') return [x];
  return null;
}

/** {A, B, C} from an object (keys in any case) or JSON text. */
function perTier(v: unknown): Record<Tier, unknown> | null {
  const x = structured(v);
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  const out: Partial<Record<Tier, unknown>> = {};
  for (const [k, val] of Object.entries(x as Record<string, unknown>)) {
    const t = k.trim().toUpperCase();
    if (t === 'A' || t === 'B' || t === 'C') out[t] = val;
  }
  return TIER_KEYS.every((t) => t in out) ? (out as Record<Tier, unknown>) : null;
}

function fractionIn01(v: unknown): number {
  if (typeof v === 'string') {
    const pct = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(v.normalize('NFKC').trim());
    if (pct) return Number(pct[1]) / 100;
  }
  return toNumber(v);
}

const DAY_NAMES: Record<string, number> = {
  sun: 0,
  sunday: 0,
  周日: 0,
  星期日: 0,
  星期天: 0,
  周天: 0,
  mon: 1,
  monday: 1,
  周一: 1,
  星期一: 1,
  tue: 2,
  tuesday: 2,
  周二: 2,
  星期二: 2,
  wed: 3,
  wednesday: 3,
  周三: 3,
  星期三: 3,
  thu: 4,
  thursday: 4,
  周四: 4,
  星期四: 4,
  fri: 5,
  friday: 5,
  周五: 5,
  星期五: 5,
  sat: 6,
  saturday: 6,
  周六: 6,
  星期六: 6,
};

const HHMM = /^(\d{1,2}):(\d{2})$/;

/** 'H:MM' or 'HH:MM' -> minutes since midnight, or null. */
export function minutesOfDay(s: string): number | null {
  const m = HHMM.exec(s.normalize('NFKC').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function timeWindow(v: unknown): TimeWindow | null {
  let start: unknown;
  let end: unknown;
  if (typeof v === 'string') {
    const parts = v.normalize('NFKC').split(/\s*[-–~至到]\s*/);
    if (parts.length !== 2) return null;
    [start, end] = parts;
  } else if (v && typeof v === 'object' && !Array.isArray(v)) {
    ({ start, end } = v as { start?: unknown; end?: unknown });
  } else return null;
  if (typeof start !== 'string' || typeof end !== 'string') return null;
  const s = minutesOfDay(start);
  const e = minutesOfDay(end);
  return s !== null && e !== null && s < e ? { start: hhmm(s), end: hhmm(e) } : null;
}

export function windowMinutes(w: TimeWindow): number {
  return (minutesOfDay(w.end) as number) - (minutesOfDay(w.start) as number);
}

const TRUE_WORDS = new Set(['true', 'on', 'yes', '1', '开', '是']);
const FALSE_WORDS = new Set(['false', 'off', 'no', '0', '关', '否', '']);
const NONE_WORDS = new Set(['', 'none', 'never', 'null', '-', '无', '不拜访']);

// ------------------------------------------------------------------ per key

type Check = (v: unknown) => unknown | undefined; // undefined = invalid

function wholeCheck(key: SettingKey): Check {
  const [min, max] = range(key);
  return (v) => wholeIn(v, min, max) ?? undefined;
}

export const CHECKS: Record<SettingKey, Check> = {
  tierMethod: (v) => {
    const m = typeof v === 'string' ? v.trim().toLowerCase() : '';
    return m === 'revenue' || m === 'count' ? m : undefined;
  },
  tierCutoffs: (v) => {
    const x = structured(v);
    const list =
      x && typeof x === 'object' && !Array.isArray(x)
        ? [(x as Record<string, unknown>).a, (x as Record<string, unknown>).b]
        : listOf(x);
    if (!list || list.length !== 2) return undefined;
    const [a, b] = list.map(fractionIn01);
    return a > 0 && a < b && b <= 1 ? [a, b] : undefined;
  },
  revenueWindowDays: wholeCheck('revenueWindowDays'),
  minFollowUpAmount: (v) => {
    const p = parseNumber(v);
    return p && p.ok && p.value >= 0 ? p.value : undefined;
  },
  postSaleSteps: (v) => {
    const list = listOf(v);
    if (!list || list.length < 1 || list.length > 10) return undefined;
    const days = list.map((d) => wholeIn(d, 1, 3650));
    for (let i = 0; i < days.length; i++) {
      const d = days[i];
      if (d === null || (i > 0 && d <= (days[i - 1] as number))) return undefined;
    }
    return days;
  },
  postSaleWindowDays: wholeCheck('postSaleWindowDays'),
  contactEveryDays: (v) => {
    const t = perTier(v);
    if (!t) return undefined;
    const [min, max] = range('contactEveryDays');
    const out = { A: wholeIn(t.A, min, max), B: wholeIn(t.B, min, max), C: wholeIn(t.C, min, max) };
    return out.A !== null && out.B !== null && out.C !== null ? out : undefined;
  },
  visitEveryDays: (v) => {
    const t = perTier(v);
    if (!t) return undefined;
    const out: Record<Tier, number | null> = { A: null, B: null, C: null };
    for (const k of TIER_KEYS) {
      const raw = t[k];
      if (raw === null || raw === undefined || (typeof raw === 'string' && NONE_WORDS.has(raw.trim().toLowerCase())))
        continue;
      const n = wholeIn(raw, ...range('visitEveryDays'));
      if (n === null) return undefined;
      out[k] = n;
    }
    return out;
  },
  thankYouWindowDays: wholeCheck('thankYouWindowDays'),
  maxFollowUpsPerDay: wholeCheck('maxFollowUpsPerDay'),
  workingDays: (v) => {
    const list = listOf(v);
    if (!list || list.length === 0) return undefined;
    const days = new Set<number>();
    for (const d of list) {
      const named = typeof d === 'string' ? DAY_NAMES[d.trim().toLowerCase()] : undefined;
      const n = named ?? wholeIn(d, 0, 6);
      if (n === null) return undefined;
      days.add(n);
    }
    return [...days].sort((a, b) => a - b);
  },
  visitWindows: (v) => {
    const t = perTier(v);
    if (!t) return undefined;
    const out = { A: timeWindow(t.A), B: timeWindow(t.B), C: timeWindow(t.C) };
    return out.A && out.B && out.C ? out : undefined;
  },
  visitMinutes: wholeCheck('visitMinutes'),
  visitLookaheadDays: wholeCheck('visitLookaheadDays'),
  maxVisitsPerDay: wholeCheck('maxVisitsPerDay'),
  calendarId: (v) => {
    if (typeof v !== 'string') return undefined;
    const s = v.trim();
    return s.length >= 1 && s.length <= 200 && !/[\s\u0000-\u001f\u007f]/.test(s) ? s : undefined;
  },
  nightlyHour: wholeCheck('nightlyHour'),
  runBudgetSeconds: wholeCheck('runBudgetSeconds'),
  teamMode: (v) => {
    if (typeof v === 'boolean') return v;
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().toLowerCase() : null;
    if (s === null) return undefined;
    return TRUE_WORDS.has(s) ? true : FALSE_WORDS.has(s) ? false : undefined;
  },
  senderName: (v) => {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'string') return undefined;
    const s = v.trim();
    // It goes into the From header of every draft: one line, no control characters.
    return s.length <= 100 && !/[\u0000-\u001f\u007f\u2028\u2029]/.test(s) ? s : undefined;
  },
};
