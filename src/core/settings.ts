/**
 * Settings (docs/rules.md names each rule's settings): defaults, validation
 * and storage in document properties.
 *
 * Values arrive from the sidebar's form (strings: '20', 'true', '1, 3, 7'),
 * from JSON, or from document properties a person may have edited by hand;
 * settingsChecks.ts reads each of those forms into the canonical value. A bad
 * value is never saved: the message names the setting by its label and says
 * what is allowed, in the user's language (settingsText.ts).
 */
import { tr, type Msg } from './i18n';
import type { Lang, Settings, Tier } from './model';
import { CHECKS, windowMinutes } from './settingsChecks';
import { CROSS, mustBe, settingLabel } from './settingsText';

export type SettingKey = keyof Settings;

/** In the order the sidebar's Settings tab shows them. */
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

const TIER_KEYS: readonly Tier[] = ['A', 'B', 'C'];

// ------------------------------------------------------------------ cross-field

interface CrossProblem {
  keys: [SettingKey, SettingKey];
  /** Message for each of the two keys, whichever the user changed. */
  message: Record<string, string>;
}

/** Rules between settings: steps inside the post-sale window, a visit fits its window. */
function crossProblems(s: Settings, lang: Lang): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const steps = { a: settingLabel('postSaleSteps', lang), b: settingLabel('postSaleWindowDays', lang) };
  const visits = { a: settingLabel('visitWindows', lang), b: settingLabel('visitMinutes', lang) };
  const last = s.postSaleSteps[s.postSaleSteps.length - 1];
  if (last > s.postSaleWindowDays) {
    problems.push({
      keys: ['postSaleSteps', 'postSaleWindowDays'],
      message: {
        postSaleSteps: tr(lang, CROSS.stepsAfterWindow, { ...steps, window: s.postSaleWindowDays }),
        postSaleWindowDays: tr(lang, CROSS.windowBeforeSteps, { a: steps.b, b: steps.a, last }),
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
      message: {
        visitWindows: tr(lang, CROSS.windowsTooShort, { ...visits, ...vars }),
        visitMinutes: tr(lang, CROSS.minutesTooLong, { a: visits.b, ...vars }),
      },
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
