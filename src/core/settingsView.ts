/**
 * The Settings form's description of each setting: its label, hint, value and
 * the kind of control that shows it (src/shared/api.ts, SettingKind), in the
 * user's language. The rules themselves are the core's (settings.ts); this
 * file only says how a form presents them.
 */
import { tr, type Msg } from './i18n';
import type { Lang, Settings } from './model';
import { SETTING_KEYS, type SettingKey } from './settings';
import { SETTING_RANGES } from './settingsChecks';
import { mustBe, SETTING_LABELS, SETTING_RULES } from './settingsText';
import type { SettingField, SettingKind } from '../shared/api';

const KINDS: Readonly<Record<SettingKey, SettingKind>> = {
  tierMethod: 'select',
  tierCutoffs: 'list',
  revenueWindowDays: 'number',
  minFollowUpAmount: 'number',
  postSaleSteps: 'list',
  postSaleWindowDays: 'number',
  contactEveryDays: 'perTier',
  visitEveryDays: 'perTier',
  thankYouWindowDays: 'number',
  maxFollowUpsPerDay: 'number',
  workingDays: 'days',
  visitWindows: 'windows',
  visitMinutes: 'number',
  visitLookaheadDays: 'number',
  maxVisitsPerDay: 'number',
  calendarId: 'text',
  nightlyHour: 'hour',
  runBudgetSeconds: 'number',
  teamMode: 'boolean',
  senderName: 'text',
};

const DAYS: Msg = { en: 'days', zh: '天' };
const UNITS: Readonly<Partial<Record<SettingKey, Msg>>> = {
  revenueWindowDays: DAYS,
  postSaleWindowDays: DAYS,
  contactEveryDays: DAYS,
  visitEveryDays: DAYS,
  thankYouWindowDays: DAYS,
  visitLookaheadDays: DAYS,
  visitMinutes: { en: 'minutes', zh: '分钟' },
  runBudgetSeconds: { en: 'seconds', zh: '秒' },
  nightlyHour: { en: ':00', zh: ':00' },
};

const TIER_METHODS: ReadonlyArray<[string, Msg]> = [
  ['revenue', { en: 'Revenue share', zh: '销售额占比' }],
  ['count', { en: 'Number of customers', zh: '客户人数' }],
];

const NO_VISITS: Msg = { en: 'No visits', zh: '不拜访' };

/** A checkbox or a list of choices explains itself: its rule would only repeat the options. */
const NO_HINT: ReadonlySet<SettingKind> = new Set<SettingKind>(['boolean', 'select', 'days']);

function fieldOf(key: SettingKey, settings: Settings, lang: Lang): SettingField {
  const kind = KINDS[key];
  const field: SettingField = {
    key,
    label: tr(lang, SETTING_LABELS[key]),
    help: NO_HINT.has(kind) ? '' : tr(lang, SETTING_RULES[key]),
    value: settings[key] as unknown,
    kind,
    invalid: mustBe(key, lang),
  };
  const range = SETTING_RANGES[key];
  if (range) Object.assign(field, { min: range.min, max: range.max, step: 1 });
  if (key === 'minFollowUpAmount') Object.assign(field, { min: 0, step: 'any' });
  const unit = UNITS[key];
  if (unit) field.unit = tr(lang, unit);
  if (kind === 'perTier' || kind === 'windows') field.tiers = ['A', 'B', 'C'];
  if (key === 'visitEveryDays') field.noneLabel = tr(lang, NO_VISITS);
  if (key === 'tierMethod') {
    field.options = TIER_METHODS.map(([v]) => v);
    field.optionLabels = TIER_METHODS.map(([, m]) => tr(lang, m));
  }
  return field;
}

/** Every setting, in the order of the Settings tab. */
export function settingFields(settings: Settings, lang: Lang): SettingField[] {
  return SETTING_KEYS.map((key) => fieldOf(key, settings, lang));
}
