/**
 * The Settings tab (docs/architecture.md, A sidebar save): every setting with
 * its label, its rule and its value; saving checks all of them and saves all
 * or none (server/settingsStore.ts); the nightly trigger's state, scheduled
 * and stopped from here as from the menu.
 */
import { tr, type Msg } from '../../core/i18n';
import type { Lang } from '../../core/model';
import { SETTING_KEYS, SETTING_RULES } from '../../core/settings';
import type { SaveSettingsResult, SettingField, SettingsView, TriggerState } from '../../shared/api';
import { nightlyState_, scheduleNightlyRun_, stopNightlyRun_ } from '../menuActions';
import { loadSettings_, saveSettings_ } from '../settingsStore';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { userLang_ } from '../user';

const SETTING_LABELS: Record<string, Msg> = {
  tierMethod: { en: 'Tier method', zh: '分级方法' },
  tierCutoffs: { en: 'Tier cut-offs (A, B)', zh: '分级界限（A, B）' },
  revenueWindowDays: { en: 'Revenue window (days)', zh: '销售额统计天数' },
  minFollowUpAmount: { en: 'Minimum purchase for follow-up', zh: '跟进的最低购买金额' },
  postSaleSteps: { en: 'Post-sale call days', zh: '售后回访天数' },
  postSaleWindowDays: { en: 'Post-sale window (days)', zh: '售后跟进期限（天）' },
  contactEveryDays: { en: 'Keep in touch every (days) by tier', zh: '各等级联系间隔（天）' },
  visitEveryDays: { en: 'Visit every (days) by tier', zh: '各等级拜访间隔（天）' },
  thankYouWindowDays: { en: 'Thank-you draft window (days)', zh: '感谢信期限（天）' },
  maxFollowUpsPerDay: { en: 'Most follow-ups a day', zh: '每天最多跟进数' },
  workingDays: { en: 'Working days (0 = Sunday)', zh: '工作日（0 = 周日）' },
  visitWindows: { en: 'Visit time windows by tier', zh: '各等级拜访时段' },
  visitMinutes: { en: 'Visit length (minutes)', zh: '拜访时长（分钟）' },
  visitLookaheadDays: { en: 'Schedule visits due within (days)', zh: '提前安排拜访（天）' },
  maxVisitsPerDay: { en: 'Most visits a day', zh: '每天最多拜访数' },
  calendarId: { en: 'Calendar ID', zh: '日历 ID' },
  nightlyHour: { en: 'Nightly run hour (0-23)', zh: '每晚运行时间（0-23 时）' },
  runBudgetSeconds: { en: 'Run time budget (seconds)', zh: '单次运行时限（秒）' },
  teamMode: { en: 'Team mode (only my customers)', zh: '团队模式（只处理我的客户）' },
  senderName: { en: 'Sender name (signature)', zh: '发件人姓名（署名）' },
};

function kindOf(key: string, value: unknown): SettingField['kind'] {
  if (key === 'tierMethod') return 'select';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'text';
  return 'json';
}

function settingsView(lang: Lang): SettingsView {
  const { settings } = loadSettings_();
  const fields: SettingField[] = SETTING_KEYS.map((key) => {
    const value = settings[key] as unknown;
    const field: SettingField = {
      key,
      label: tr(lang, SETTING_LABELS[key]),
      help: tr(lang, SETTING_RULES[key]),
      value,
      kind: kindOf(key, value),
    };
    if (key === 'tierMethod') field.options = ['revenue', 'count'];
    return field;
  });
  return { fields, trigger: triggerState(lang) };
}

const TRIGGER_ON: Msg = { en: 'Runs every night at {hour}:00 ({tz}).', zh: '每晚 {hour}:00（{tz}）运行。' };
const TRIGGER_OFF: Msg = { en: 'The nightly run is not scheduled.', zh: '尚未安排每晚运行。' };

function triggerState(lang: Lang): TriggerState {
  const s = nightlyState_();
  return {
    scheduled: s.scheduled,
    hour: s.scheduled ? s.hour : null,
    timeZone: s.timeZone,
    message: tr(lang, s.scheduled ? TRIGGER_ON : TRIGGER_OFF, {
      hour: String(s.hour).padStart(2, '0'),
      tz: s.timeZone,
    }),
  };
}

export function getSettings(_req: Record<string, never>): SettingsView {
  return settingsView(userLang_(openSpreadsheetOrThrow_()));
}

export function saveSettings(req: { values: Record<string, unknown> }): SaveSettingsResult {
  const lang = userLang_(openSpreadsheetOrThrow_());
  const values =
    req &&
    typeof req === 'object' &&
    typeof req.values === 'object' &&
    req.values !== null &&
    !Array.isArray(req.values)
      ? req.values
      : null;
  if (!values) return { ok: false, errors: { form: tr(lang, { en: 'Nothing to save.', zh: '没有要保存的内容。' }) } };
  const changes: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const k of Object.keys(values)) {
    if ((SETTING_KEYS as readonly string[]).includes(k) && Object.prototype.hasOwnProperty.call(values, k))
      changes[k] = values[k];
    else errors[k] = tr(lang, { en: 'Unknown setting "{key}".', zh: '未知设置“{key}”。' }, { key: k.slice(0, 50) });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const r = saveSettings_(changes, lang);
  if (!r.ok) return r;
  // A changed hour must move the trigger too, or the setting would say one thing and the trigger do another.
  if ('nightlyHour' in changes && nightlyState_().scheduled) scheduleNightlyRun_();
  return { ok: true, settings: settingsView(lang) };
}

export function scheduleNightly(_req: Record<string, never>): TriggerState {
  const lang = userLang_(openSpreadsheetOrThrow_());
  scheduleNightlyRun_();
  return triggerState(lang);
}

export function stopNightly(_req: Record<string, never>): TriggerState {
  const lang = userLang_(openSpreadsheetOrThrow_());
  stopNightlyRun_();
  return triggerState(lang);
}
