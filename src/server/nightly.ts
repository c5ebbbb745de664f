/**
 * One run (docs/architecture.md, A nightly run), in this order: lock, read,
 * plan, act, write, log.
 *
 * The same function serves the nightly trigger, "Run follow-ups now", the
 * follow-up run after a time-budget stop, and "Preview tonight's run" (which
 * reads, plans and says what it would do, but takes no lock and makes and
 * writes nothing). Every step after the lock is inside try/finally, so the
 * lock is released and a `Retain log` row is written even when something
 * fails. A new step goes into runSteps, in its place in that order.
 */
import { workCalendar } from '../core/dates';
import { tr, type Msg } from '../core/i18n';
import type { Customer, Lang, Settings } from '../core/model';
import { planNightly, type Plan } from '../core/plan';
import { documentLock_ } from '../gas/lock';
import { errorMessage } from '../gas/retry';
import { flush_, sheetId_, spreadsheetId_, spreadsheetUrl_, type Spreadsheet } from '../gas/spreadsheet';
import { prepareNightDashboard_, type NightDashboard } from './dashboard';
import { makeDrafts_, type DraftsResult } from './drafts';
import { openJournal_, readOnlyJournal, type Journal } from './journal';
import { appendRunLog_ } from './runLog';
import { emptySummary, fillFromPlan, recordActions, type RunMode, type RunSummary } from './runSummary';
import { writeRun_ } from './runWrite';
import { scheduleFollowUp_ } from './schedule';
import { loadSettings_ } from './settingsStore';
import { safeUserEmail_ } from './user';
import { makeVisits_, type VisitsResult } from './visits';
import { readWorkbook_, type Workbook } from './workbook';

/** How long a journal entry the sheet could not record is kept (far longer than any thank-you window). */
const JOURNAL_DAYS = 45;

const NO_TEAM_USER: Msg = {
  en: "Team mode is on, but Retain could not read your email address (Gmail profile), so it cannot tell your rows from your colleagues': nothing was done.",
  zh: '已开启团队模式，但 Retain 无法读取您的邮箱地址（Gmail 资料），无法区分您和同事的客户：未执行任何操作。',
};
const LOCKED: Msg = {
  en: 'Another Retain run is in progress: this one did nothing.',
  zh: '另一个 Retain 运行正在进行：本次未执行任何操作。',
};
const CONTINUES: Msg = {
  en: 'Time budget reached: {n} action(s) left for a follow-up run.',
  zh: '已到时间上限：剩余 {n} 项操作由后续运行完成。',
};
const NO_FOLLOW_UP: Msg = {
  en: 'Could not schedule the follow-up run ({error}): the rest is done by the next run.',
  zh: '无法安排后续运行（{error}）：其余操作由下次运行完成。',
};

export interface RunOptions {
  lang: Lang;
}

/** What the run already knows about the workbook, for the log row. */
interface Known {
  sheets?: Workbook['sheets'];
  clock?: Workbook['clock'];
  /** The Retain log's header and last row, read by the dashboard (server/dashboard.ts). */
  log?: { header: unknown[]; rows: number };
  dashboard?: NightDashboard | null;
}

/** What every step of one run shares. */
interface Run {
  ss: Spreadsheet;
  mode: RunMode;
  preview: boolean;
  settings: Settings;
  deadline: number;
  summary: RunSummary;
  lang: Lang;
  known: Known;
}

export function runRetain_(ss: Spreadsheet, mode: RunMode, opts: RunOptions): RunSummary {
  const started = new Date();
  const { settings } = loadSettings_();
  const preview = mode === 'preview';
  const run: Run = {
    ss,
    mode,
    preview,
    settings,
    deadline: started.getTime() + settings.runBudgetSeconds * 1000,
    summary: emptySummary(mode, started),
    lang: opts.lang,
    known: {},
  };
  // 1. Lock. A preview makes and writes nothing, so it needs no lock and never waits for a run.
  const lock = preview ? null : documentLock_();
  if (lock && !lock.tryLock(10000)) {
    run.summary.locked = true;
    run.summary.errors.push(tr(run.lang, LOCKED));
    logRun(run);
    return run.summary;
  }
  try {
    runSteps(run);
  } catch (e) {
    run.summary.errors.push(errorMessage(e));
    if (/Exceeded maximum execution time/i.test(errorMessage(e))) throw e;
  } finally {
    // 6. Log; then everything is applied before the lock goes.
    if (!preview) logRun(run);
    // The dashboard last: it can cost the night neither its writes nor its log row.
    run.known.dashboard?.write(run.summary);
    if (lock) {
      try {
        flush_();
      } catch (e) {
        // Everything was written already; a failed flush must not turn a good night into a failed run.
        run.summary.errors.push(errorMessage(e));
      }
      lock.release();
    }
  }
  if (preview) run.summary.finished = new Date().toISOString();
  return run.summary;
}

/** Steps 2 to 5: read, plan, act, write. */
function runSteps(run: Run): void {
  const { summary, lang, settings } = run;
  // 2. Read.
  const wb = readWorkbook_(run.ss, lang);
  run.known.sheets = wb.sheets;
  run.known.clock = wb.clock;
  if (wb.fatal) {
    summary.fatal = wb.fatal;
    summary.errors.push(wb.fatal);
    return;
  }
  summary.today = wb.clock.today();
  // Team mode needs the user's address before planning; drafts need it for the sender line and signature.
  let userEmail = settings.teamMode ? safeUserEmail_() : '';
  if (settings.teamMode && !userEmail) {
    // Without it every rep's rows would be handled, in this user's Gmail and Calendar.
    summary.fatal = tr(lang, NO_TEAM_USER);
    summary.errors.push(summary.fatal);
    return;
  }
  // 3. Plan.
  const plan = planNightly({
    today: summary.today,
    settings,
    lang,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    holidays: wb.holidays,
    onlyOwner: settings.teamMode && userEmail ? userEmail : undefined,
  });
  if (!userEmail && plan.drafts.length > 0) userEmail = safeUserEmail_();
  fillFromPlan(summary, plan);
  // The plan reports the rows it reads; Holidays and Templates are read here only.
  for (const p of wb.problems) {
    if (p.sheet === wb.tables.holidays?.sheetName || p.sheet === wb.tables.templates?.sheetName)
      summary.problems.push({ sheet: p.sheet, row: p.row, column: p.column ?? '', message: p.message });
  }
  // Said once: totals rows left out; a mapped column that is gone (in the log too: docs/data.md, Column map).
  for (const p of [...wb.notices, ...wb.gone])
    summary.problems.push({ sheet: p.sheet, row: p.row, column: p.column ?? '', message: p.message });
  for (const p of wb.gone) summary.errors.push(p.message);
  // 4. Act.
  const spreadsheetId = spreadsheetId_(run.ss);
  const journal = run.preview ? readOnlyJournal() : openJournal_();
  const { drafts, visits } = act(run, wb, plan, { spreadsheetId, journal, userEmail });
  if (run.preview) return;
  // 5. Write.
  const recorded = writeRun_(wb, plan, drafts, visits, summary, lang);
  // A draft the sheet now records needs its journal entry no more; one the sheet
  // could not record (no writable Thank-you draft column) keeps it, so it is
  // never made again. Entries older than a month are past any thank-you window.
  for (const o of drafts.outcomes) if (o.draftId && recorded.has(o.need.key)) journal.forget(o.need.key);
  journal.prune(Date.now() - JOURNAL_DAYS * 86400000);
  if (summary.mustContinue) {
    try {
      scheduleFollowUp_(spreadsheetId);
    } catch (e) {
      summary.errors.push(tr(lang, NO_FOLLOW_UP, { error: errorMessage(e) }));
    }
  }
  // The dashboard's reads; it is written after the log row (runRetain_).
  run.known.dashboard = prepareNightDashboard_(wb, plan, summary, settings);
  run.known.log = run.known.dashboard?.log;
}

/** Step 4: the drafts and the visits the plan asks for, while the time budget lasts. */
function act(
  run: Run,
  wb: Workbook,
  plan: Plan,
  use: { spreadsheetId: string; journal: Journal; userEmail: string },
): { drafts: DraftsResult; visits: VisitsResult } {
  const { summary, lang, settings } = run;
  const today = plan.today;
  const haveTime = () => Date.now() < run.deadline;
  const customersById = new Map<string, Customer>();
  for (const c of wb.customers) if (c.id && !customersById.has(c.id)) customersById.set(c.id, c);
  // What a bad cell holds back is the plan's decision (core/cellProblems.ts): a bad Purchases row has no draft
  // in it, a bad Contact log row that may be a visit holds back only that customer's visits.
  const drafts = makeDrafts_(plan.drafts, {
    lang,
    today,
    templates: wb.templates,
    customersById,
    senderName: settings.senderName,
    userEmail: use.userEmail,
    journal: use.journal,
    haveTime,
    make: !run.preview,
  });
  const visits = makeVisits_(plan.visits, {
    lang,
    today,
    settings,
    cal: workCalendar(
      settings.workingDays,
      wb.holidays.map((h) => h.date),
    ),
    clock: wb.clock,
    spreadsheetId: use.spreadsheetId,
    customersById,
    facts: plan.facts,
    rowUrl: rowUrlMaker(wb),
    haveTime,
    make: !run.preview,
  });
  recordActions(summary, drafts, visits, customersById);
  if (drafts.stopped) summary.errors.push(drafts.stopped);
  if (visits.stopped) summary.errors.push(visits.stopped);
  const left = drafts.deferred.length + visits.deferred.length;
  if (left > 0) {
    summary.mustContinue = true;
    summary.errors.push(tr(lang, CONTINUES, { n: left }));
  }
  return { drafts, visits };
}

/** The link to a customer's row, for the visit's description; the URL is asked for once, when the first visit needs it. */
function rowUrlMaker(wb: Workbook): (row: number) => string {
  let base: string | null = null;
  return (row) => {
    if (base === null) {
      const sheet = wb.tables.customers?.sheet;
      base = `${spreadsheetUrl_(wb.ss)}#gid=${sheet ? sheetId_(sheet) : 0}`;
    }
    return `${base}&range=A${row}`;
  };
}

/** Step 6. The log is a courtesy: failing to write it must not hide what the run did. */
function logRun(run: Run): void {
  run.summary.finished = new Date().toISOString();
  try {
    appendRunLog_(run.ss, run.summary, run.lang, run.known);
  } catch (e) {
    run.summary.errors.push(errorMessage(e));
  }
}
