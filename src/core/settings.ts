/**
 * Settings (SPEC section 6): defaults, validation and storage in document
 * properties.
 *
 * Values arrive from the sidebar's form (strings: '20', 'true', '1, 3, 7'),
 * from JSON, or from document properties a person may have edited by hand, so
 * every validator accepts the plain forms and returns the canonical value.
 * A bad value is never saved: the message names the setting and what is
 * allowed, in the user's language.
 */
import { parseNumber } from './cells';
import { tr, type Msg } from './i18n';
import type { Lang, Settings, Tier, TimeWindow } from './model';

export type SettingKey = keyof Settings;

/** In the order of SPEC section 6 (and of the sidebar's Settings tab). */
export const SETTING_KEYS: readonly SettingKey[] = [
  'tierMethod',
  'tierCutoffs',
  'revenueWindowDays',
  'minFollowUpAmount',
  'postSaleSteps',
  'postSaleWindowDays',
  'contactEveryDays',
  'visitEveryDays',
  'thankYouWindowDays',
  'maxFollowUpsPerDay',
  'workingDays',
  'visitWindows',
  'visitMinutes',
  'visitLookaheadDays',
  'maxVisitsPerDay',
  'calendarId',
  'nightlyHour',
  'runBudgetSeconds',
  'teamMode',
  'senderName',
];

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * The defaults, frozen so no caller can change them for everyone by accident;
 * use defaultSettings() for a copy to modify.
 */
export const DEFAULT_SETTINGS: Settings = deepFreeze<Settings>({
  tierMethod: 'revenue',
  tierCutoffs: [0.8, 0.95],
  revenueWindowDays: 365,
  minFollowUpAmount: 0,
  postSaleSteps: [1, 3, 7],
  postSaleWindowDays: 14,
  contactEveryDays: { A: 14, B: 30, C: 60 },
  visitEveryDays: { A: 30, B: 90, C: null },
  thankYouWindowDays: 2,
  maxFollowUpsPerDay: 20,
  workingDays: [1, 2, 3, 4, 5],
  visitWindows: {
    A: { start: '09:00', end: '12:00' },
    B: { start: '14:00', end: '17:30' },
    C: { start: '14:00', end: '17:30' },
  },
  visitMinutes: 60,
  visitLookaheadDays: 7,
  maxVisitsPerDay: 3,
  calendarId: 'primary',
  nightlyHour: 6,
  runBudgetSeconds: 300,
  teamMode: false,
  senderName: '',
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

// ------------------------------------------------------------------ rules

const TIER_KEYS: readonly Tier[] = ['A', 'B', 'C'];

/** What a setting allows, as the end of "X must be ..." (also the help text in the sidebar). */
function whole(min: number, max: number): Msg {
  return { en: `a whole number from ${min} to ${max}`, zh: `${min} 到 ${max} 之间的整数` };
}

const DAYS = whole(1, 3650);

export const SETTING_RULES: Readonly<Record<SettingKey, Msg>> = {
  tierMethod: { en: '"revenue" or "count"', zh: '"revenue"（按销售额）或 "count"（按客户数）' },
  tierCutoffs: {
    en: 'two fractions a and b with 0 < a < b <= 1, e.g. 0.8, 0.95',
    zh: '两个小数 a 和 b，且 0 < a < b ≤ 1，例如 0.8, 0.95',
  },
  revenueWindowDays: DAYS,
  minFollowUpAmount: { en: 'a number of at least 0', zh: '不小于 0 的数字' },
  postSaleSteps: {
    en: '1 to 10 whole days from 1 to 3650, each later than the one before, e.g. 1, 3, 7',
    zh: '1 到 10 个 1 到 3650 之间的整数天数，依次递增，例如 1, 3, 7',
  },
  postSaleWindowDays: DAYS,
  contactEveryDays: {
    en: 'a whole number of days from 1 to 3650 for each of A, B and C',
    zh: 'A、B、C 各一个 1 到 3650 之间的整数天数',
  },
  visitEveryDays: {
    en: 'a whole number of days from 1 to 3650, or none, for each of A, B and C',
    zh: 'A、B、C 各一个 1 到 3650 之间的整数天数，或留空（不拜访）',
  },
  thankYouWindowDays: whole(0, 30),
  maxFollowUpsPerDay: whole(1, 500),
  workingDays: {
    en: 'one or more weekdays from 0 (Sunday) to 6 (Saturday), e.g. 1, 2, 3, 4, 5',
    zh: '一个或多个 0（周日）到 6（周六）之间的星期数，例如 1, 2, 3, 4, 5',
  },
  visitWindows: {
    en: 'a time window HH:MM-HH:MM for each of A, B and C, the start before the end',
    zh: 'A、B、C 各一个 HH:MM-HH:MM 的时间段，开始早于结束',
  },
  visitMinutes: whole(15, 480),
  visitLookaheadDays: whole(1, 60),
  maxVisitsPerDay: whole(1, 20),
  calendarId: {
    en: 'a calendar ID of 1 to 200 characters without spaces, e.g. primary',
    zh: '1 到 200 个字符且不含空格的日历 ID，例如 primary',
  },
  nightlyHour: whole(0, 23),
  // Apps Script kills a run at 360 s; 30 s are kept for the final sheet write and log row.
  runBudgetSeconds: whole(30, 330),
  teamMode: { en: 'on or off (true or false)', zh: '开或关（true 或 false）' },
  senderName: { en: 'at most 100 characters on one line', zh: '不超过 100 个字符的单行文字' },
};

const MUST: Msg = { en: '{key} must be {rule}', zh: '{key} 必须是{rule}' };

function mustBe(key: SettingKey, lang: Lang): string {
  return tr(lang, MUST, { key, rule: SETTING_RULES[key][lang] });
}

// ------------------------------------------------------------------ coercion

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

function windowMinutes(w: TimeWindow): number {
  return (minutesOfDay(w.end) as number) - (minutesOfDay(w.start) as number);
}

const TRUE_WORDS = new Set(['true', 'on', 'yes', '1', '开', '是']);
const FALSE_WORDS = new Set(['false', 'off', 'no', '0', '关', '否', '']);
const NONE_WORDS = new Set(['', 'none', 'never', 'null', '-', '无', '不拜访']);

// ------------------------------------------------------------------ per key

type Check = (v: unknown) => unknown | undefined; // undefined = invalid

function wholeCheck(min: number, max: number): Check {
  return (v) => wholeIn(v, min, max) ?? undefined;
}

const CHECKS: Record<SettingKey, Check> = {
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
  revenueWindowDays: wholeCheck(1, 3650),
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
  postSaleWindowDays: wholeCheck(1, 3650),
  contactEveryDays: (v) => {
    const t = perTier(v);
    if (!t) return undefined;
    const out = { A: wholeIn(t.A, 1, 3650), B: wholeIn(t.B, 1, 3650), C: wholeIn(t.C, 1, 3650) };
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
      const n = wholeIn(raw, 1, 3650);
      if (n === null) return undefined;
      out[k] = n;
    }
    return out;
  },
  thankYouWindowDays: wholeCheck(0, 30),
  maxFollowUpsPerDay: wholeCheck(1, 500),
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
  visitMinutes: wholeCheck(15, 480),
  visitLookaheadDays: wholeCheck(1, 60),
  maxVisitsPerDay: wholeCheck(1, 20),
  calendarId: (v) => {
    if (typeof v !== 'string') return undefined;
    const s = v.trim();
    return s.length >= 1 && s.length <= 200 && !/[\s\u0000-\u001f\u007f]/.test(s) ? s : undefined;
  },
  nightlyHour: wholeCheck(0, 23),
  runBudgetSeconds: wholeCheck(30, 330),
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

// ------------------------------------------------------------------ cross-field

const STEPS_AFTER_WINDOW: Msg = {
  en: 'postSaleSteps must all be at most postSaleWindowDays ({window}), e.g. 1, 3, 7',
  zh: 'postSaleSteps 的每一步都不能超过 postSaleWindowDays（{window}），例如 1, 3, 7',
};
const WINDOW_BEFORE_STEPS: Msg = {
  en: 'postSaleWindowDays must be at least the last of postSaleSteps ({last})',
  zh: 'postSaleWindowDays 不能小于 postSaleSteps 的最后一步（{last}）',
};
const WINDOWS_TOO_SHORT: Msg = {
  en: 'visitWindows must each be at least visitMinutes ({minutes} minutes) long; {tier} is {length} minutes',
  zh: 'visitWindows 的每个时间段都不能短于 visitMinutes（{minutes} 分钟）；{tier} 只有 {length} 分钟',
};
const MINUTES_TOO_LONG: Msg = {
  en: 'visitMinutes must fit in every visit window: at most {length} minutes (the {tier} window)',
  zh: 'visitMinutes 必须能放进每个拜访时间段：不超过 {length} 分钟（{tier} 时间段）',
};

interface CrossProblem {
  keys: [SettingKey, SettingKey];
  /** Message for each of the two keys, whichever the user changed. */
  message: Record<string, string>;
}

/** Rules between settings: steps inside the post-sale window, a visit fits its window. */
function crossProblems(s: Settings, lang: Lang): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const last = s.postSaleSteps[s.postSaleSteps.length - 1];
  if (last > s.postSaleWindowDays) {
    problems.push({
      keys: ['postSaleSteps', 'postSaleWindowDays'],
      message: {
        postSaleSteps: tr(lang, STEPS_AFTER_WINDOW, { window: s.postSaleWindowDays }),
        postSaleWindowDays: tr(lang, WINDOW_BEFORE_STEPS, { last }),
      },
    });
  }
  let shortest: { tier: Tier; length: number } | null = null;
  for (const t of TIER_KEYS) {
    const length = windowMinutes(s.visitWindows[t]);
    if (!shortest || length < shortest.length) shortest = { tier: t, length };
  }
  if (shortest && shortest.length < s.visitMinutes) {
    const vars = { minutes: s.visitMinutes, tier: shortest.tier, length: shortest.length };
    problems.push({
      keys: ['visitWindows', 'visitMinutes'],
      message: { visitWindows: tr(lang, WINDOWS_TOO_SHORT, vars), visitMinutes: tr(lang, MINUTES_TOO_LONG, vars) },
    });
  }
  return problems;
}

// ------------------------------------------------------------------ API

const UNKNOWN_SETTING: Msg = { en: 'Unknown setting "{key}"', zh: '未知设置“{key}”' };

function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/**
 * One setting, as it comes from a form or JSON, checked and made canonical
 * ('20' -> 20, '1, 3, 7' -> [1, 3, 7], '9:00-12:00' -> {start: '09:00', end: '12:00'}).
 * With `context` (the other settings), the rules between settings are
 * checked too (post-sale steps inside the window, visits fit their windows).
 */
export function validateSetting<K extends SettingKey>(
  key: K,
  value: unknown,
  lang?: Lang,
  context?: Settings,
): Checked<Settings[K]>;
export function validateSetting(key: string, value: unknown, lang?: Lang, context?: Settings): Checked<unknown>;
export function validateSetting(key: string, value: unknown, lang: Lang = 'en', context?: Settings): Checked<unknown> {
  if (!isSettingKey(key)) return { ok: false, message: tr(lang, UNKNOWN_SETTING, { key }) };
  const checked = CHECKS[key](value);
  if (checked === undefined) return { ok: false, message: mustBe(key, lang) };
  if (context) {
    const merged = { ...context, [key]: checked } as Settings;
    for (const p of crossProblems(merged, lang))
      if (p.keys.includes(key)) return { ok: false, message: p.message[key] };
  }
  return { ok: true, value: checked };
}

/**
 * Several settings at once (the sidebar's Save), applied over `base` (the
 * stored settings; the defaults when not given). Returns the complete new
 * settings only when there is no error; errors are keyed by setting. A rule
 * between two settings is reported on the one the user changed.
 */
export function validateSettings(
  partial: Record<string, unknown>,
  lang: Lang = 'en',
  base: Settings = DEFAULT_SETTINGS,
): { settings?: Settings; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(partial)) {
    const r = validateSetting(key, value, lang);
    if (r.ok) merged[key] = r.value;
    else errors[key] = r.message;
  }
  for (const p of crossProblems(merged as unknown as Settings, lang)) {
    if (p.keys.some((k) => k in errors)) continue; // already reported on its own
    const key = p.keys.find((k) => k in partial) ?? p.keys[0];
    errors[key] = p.message[key];
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { settings: JSON.parse(JSON.stringify(merged)) as Settings, errors };
}

/** One document property per setting, its value as JSON (a few dozen bytes; the limit is 9 KB). */
export function settingsToProperties(s: Settings): Record<string, string> {
  const props: Record<string, string> = {};
  for (const key of SETTING_KEYS) props[key] = JSON.stringify(s[key]);
  return props;
}

const STORED_IGNORED: Msg = {
  en: '{message} (the stored value is ignored, the default is used)',
  zh: '{message}（已忽略保存的值，改用默认值）',
};

/**
 * Settings from document properties. Other properties (run state, the
 * spreadsheet ID) are ignored; a missing setting is its default; a stored
 * value that is no longer valid (edited by hand, or an older version's) falls
 * back to the default and is reported, so one bad value never stops a run.
 * A value that is not JSON is read as typed ('20', 'primary').
 */
export function settingsFromProperties(
  props: Record<string, string>,
  lang: Lang = 'en',
): { settings: Settings; errors: Record<string, string> } {
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const key of SETTING_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(props, key)) continue;
    const raw = props[key];
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // kept as text
    }
    const r = validateSetting(key, value, lang);
    if (r.ok) settings[key] = r.value;
    else errors[key] = tr(lang, STORED_IGNORED, { message: r.message });
  }
  const defaults = defaultSettings() as unknown as Record<string, unknown>;
  for (const p of crossProblems(settings as unknown as Settings, lang)) {
    // Both sides of the rule go back to their defaults, which agree with each other.
    for (const k of p.keys) settings[k] = defaults[k];
    errors[p.keys[0]] = tr(lang, STORED_IGNORED, { message: p.message[p.keys[0]] });
  }
  return { settings: settings as unknown as Settings, errors };
}
