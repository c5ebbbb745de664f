/**
 * The Settings tab (docs/architecture.md, A sidebar save): every setting with
 * its label, its rule and its value; saving checks all of them and saves all
 * or none (server/settingsStore.ts); the nightly trigger's state, scheduled
 * and stopped from here as from the menu.
 */
import { tr, type Msg } from '../../core/i18n';
import type { Lang } from '../../core/model';
import { SETTING_KEYS } from '../../core/settings';
import { settingFields } from '../../core/settingsView';
import type { SaveSettingsResult, SettingsView, TriggerState } from '../../shared/api';
import { nightlyState_, scheduleNightlyRun_, stopNightlyRun_ } from '../menuActions';
import { loadSettings_, saveSettings_ } from '../settingsStore';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { userLang_ } from '../user';

function settingsView(lang: Lang): SettingsView {
  return { fields: settingFields(loadSettings_().settings, lang), trigger: triggerState(lang) };
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
