/**
 * What each menu item and trigger does. Thin: every decision is in the core or
 * in nightly.ts; this file picks the spreadsheet and language, calls, and
 * tells the user the outcome.
 */
import { escapeHtml } from '../core/html';
import { tr, type Msg } from '../core/i18n';
import type { Lang } from '../core/model';
import { classifyError } from '../gas/retry';
import { spreadsheetId_, timeZone_ } from '../gas/spreadsheet';
import { alert_, showDialog_, toast_ } from '../gas/ui';
import { runRetain_ } from './nightly';
import type { RunMode, RunSummary } from './runSummary';
import { clearFollowUps_, nightlyScheduled_, scheduleNightly_, stopNightly_ } from './schedule';
import { loadSettings_ } from './settingsStore';
import { setupSheets_, type SetupResult } from './setup';
import { openSpreadsheetOrThrow_, triggerSpreadsheet_ } from './spreadsheet';
import { schedulingUser_, userLang_ } from './user';

export function runNightlyTrigger_(e?: { triggerUid?: string }): RunSummary {
  const ss = triggerSpreadsheet_(e);
  return runRetain_(ss, 'nightly', { lang: userLang_(ss) });
}

export function runFollowUpTrigger_(e?: { triggerUid?: string }): RunSummary {
  const ss = triggerSpreadsheet_(e);
  try {
    clearFollowUps_(spreadsheetId_(ss));
  } catch (err) {
    // A spent one-off trigger left listed costs nothing tonight; the run and its log row matter more.
    if (classifyError(err) === 'killed') throw err;
  }
  return runRetain_(ss, 'followup', { lang: userLang_(ss) });
}

const RUN_DONE: Msg = {
  en: '{customers} customers: {drafts} draft(s) and {events} visit(s) made, {due} follow-up(s) due today or overdue, {problems} row(s) with problems.',
  zh: '{customers} 位客户：创建 {drafts} 封草稿和 {events} 个拜访，今日及逾期待跟进 {due} 项，问题行 {problems} 行。',
};

export function summaryLine(s: RunSummary, lang: Lang): string {
  if (s.fatal) return s.fatal;
  if (s.locked) return s.errors.join(' ');
  const line = tr(lang, RUN_DONE, {
    customers: s.customersRead,
    drafts: s.draftsMade,
    events: s.eventsMade,
    due: s.overdue + s.dueToday,
    problems: s.rowsWithProblems,
  });
  return s.errors.length ? `${line}\n\n${s.errors.join('\n')}` : line;
}

export function runNow_(mode: RunMode): RunSummary {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const s = runRetain_(ss, mode, { lang });
  if (mode === 'preview') showPreview_(s, lang);
  else alert_('Retain', summaryLine(s, lang));
  return s;
}

const PREVIEW: Record<string, Msg> = {
  title: { en: "Tonight's run (preview: nothing was made or written)", zh: '今晚的运行（预览：未创建或写入任何内容）' },
  due: { en: 'Due today or overdue', zh: '今日及逾期待跟进' },
  drafts: { en: 'Thank-you drafts it would make', zh: '将创建的感谢信草稿' },
  visits: { en: 'Visits it would schedule', zh: '将安排的拜访' },
  skipped: { en: 'Skipped', zh: '跳过' },
  none: { en: 'none', zh: '无' },
};

/** The preview as a dialog. Every value is escaped: customer text is data, never markup. */
export function previewHtml(s: RunSummary, lang: Lang): string {
  const t = (k: string) => escapeHtml(tr(lang, PREVIEW[k]));
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : `<p>${t('none')}</p>`;
  const due = Object.keys(s.due)
    .filter((k) => s.due[k] > 0)
    .map((k) => `${k}: ${s.due[k]}`);
  const drafts = s.drafts
    .filter((d) => d.status === 'made')
    .map((d) => `${d.name} <${d.email}> · ${d.purchaseDate}${d.subject ? ' · ' + d.subject : ''}`);
  const visits = s.visits.filter((v) => v.status === 'made').map((v) => `${v.name} (${v.tier}) · ${v.start}`);
  const skipped = s.skipped.slice(0, 50).map((k) => `${k.what} · ${k.customerId || '#' + k.row}: ${k.reason}`);
  return [
    '<div style="font-family:Arial,sans-serif;font-size:13px">',
    `<h3>${t('title')}</h3>`,
    s.fatal ? `<p>${escapeHtml(s.fatal)}</p>` : '',
    `<h4>${t('due')}</h4>`,
    list(due),
    `<h4>${t('drafts')} (${drafts.length})</h4>`,
    list(drafts),
    `<h4>${t('visits')} (${visits.length})</h4>`,
    list(visits),
    `<h4>${t('skipped')} (${s.skipped.length})</h4>`,
    list(skipped),
    s.errors.length ? list(s.errors) : '',
    '</div>',
  ].join('');
}

function showPreview_(s: RunSummary, lang: Lang): void {
  showDialog_(previewHtml(s, lang), 'Retain', 560, 520);
}

const SCHEDULED: Msg = {
  en: 'Retain will run every night at {hour}:00 ({tz}).',
  zh: 'Retain 将在每晚 {hour}:00（{tz}）运行。',
};
const STOPPED: Msg = { en: 'The nightly run is stopped.', zh: '每晚运行已停止。' };
const NOT_SCHEDULED: Msg = { en: 'No nightly run was scheduled.', zh: '尚未安排每晚运行。' };

export function scheduleNightlyRun_(): { scheduled: boolean; hour: number; timeZone: string; message: string } {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const hour = loadSettings_().settings.nightlyHour;
  const tz = timeZone_(ss);
  scheduleNightly_(spreadsheetId_(ss), hour, tz, schedulingUser_());
  const message = tr(lang, SCHEDULED, { hour: String(hour).padStart(2, '0'), tz });
  return { scheduled: true, hour, timeZone: tz, message };
}

export function stopNightlyRun_(): { scheduled: boolean; message: string } {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const n = stopNightly_(spreadsheetId_(ss));
  return { scheduled: false, message: tr(lang, n > 0 ? STOPPED : NOT_SCHEDULED) };
}

export function nightlyState_(): { scheduled: boolean; hour: number; timeZone: string } {
  const ss = openSpreadsheetOrThrow_();
  return {
    scheduled: nightlyScheduled_(spreadsheetId_(ss)),
    hour: loadSettings_().settings.nightlyHour,
    timeZone: timeZone_(ss),
  };
}

export function toastRetain_(message: string): void {
  toast_(openSpreadsheetOrThrow_(), message, 'Retain', 8);
}

export function setupSheetsNow_(): SetupResult {
  const ss = openSpreadsheetOrThrow_();
  const result = setupSheets_(ss, userLang_(ss));
  toast_(ss, result.message, 'Retain', 8);
  return result;
}

const HELP: Msg = {
  en: 'Retain keeps the customers you already have. Set up sheets adds the columns it needs to your Customers sheet; the nightly run fills Tier, Next follow-up, Follow-up and Days to due, makes Gmail thank-you drafts (never sends them) and puts visits on your calendar. Log a contact opens the sidebar. Edit the thank-you text in the Templates sheet. Retain never overwrites your own columns or deletes rows.',
  zh: 'Retain 帮您维护老客户。“设置表格”为客户表添加所需的列；每晚运行会填写等级、下次跟进、跟进事项和剩余天数，创建 Gmail 感谢信草稿（从不发送）并把拜访排进日历。“记录联系”打开侧边栏。感谢信内容在“模板”表中编辑。Retain 从不覆盖您自己的列，也从不删除行。',
};

export function showHelp_(): void {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  showDialog_(
    `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5"><p>${escapeHtml(tr(lang, HELP))}</p></div>`,
    'Retain',
    420,
    260,
  );
}
