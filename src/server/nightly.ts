/**
 * One run (docs/architecture.md, A nightly run), in this order: lock, read,
 * plan, act, write, log.
 *
 * The same function serves the nightly trigger, "Run follow-ups now", the
 * follow-up run after a time-budget stop, and "Preview tonight's run" (which
 * reads, plans and says what it would do, but takes no lock and makes and
 * writes nothing). A run never ends without its `Retain log` row unless the
 * spreadsheet itself cannot be used: every step after the lock is inside
 * try/finally, and what fails before (the lock, the document properties) is
 * logged too. The 6-minute kill runs no finally: the run-in-progress marker
 * (runMarker.ts) lets the next run's log row say so. A new step goes into
 * runSteps, in its place in that order.
 */
import type { ColumnMap } from '../core/columnMap';
import { tr, type Msg } from '../core/i18n';
import type { Lang, Settings } from '../core/model';
import { planNightly } from '../core/plan';
import { documentLock_, type DocumentLock } from '../gas/lock';
import { documentProperties_ } from '../gas/properties';
import { classifyError, errorMessage } from '../gas/retry';
import { flush_, spreadsheetId_, type Spreadsheet } from '../gas/spreadsheet';
import { prepareNightDashboard_, type NightDashboard } from './dashboard';
import { openJournal_, readOnlyJournal, type Journal } from './journal';
import { act } from './runAct';
import { appendRunLog_ } from './runLog';
import { cutOffMessage, leftMarker, markerWriter, type RunMarker, type RunStep } from './runMarker';
import { emptySummary, fillFromPlan, type RunMode, type RunSummary } from './runSummary';
import { writeRun_ } from './runWrite';
import { scheduleFollowUp_ } from './schedule';
import { loadColumnMap_, loadSettings_ } from './settingsStore';
import { safeUserEmail_ } from './user';
import { readWorkbook_, type Workbook } from './workbook';

/** How long a journal entry the sheet could not record is kept (far longer than any thank-you window). */
const JOURNAL_DAYS = 45;
/** How long a run waits for another one to finish: another rep's run on the same sheet may take minutes. */
const LOCK_WAIT_MS = 60 * 1000;
/** When a trigger run found the lock held: try again this much later instead of skipping the night. */
const LOCKED_RETRY_MS = 5 * 60 * 1000;
/** A follow-up after the time budget ran out: at once, nearly. */
const CONTINUE_MS = 60 * 1000;

const NO_TEAM_USER: Msg = {
  en: "Team mode is on, but Retain could not read your email address (Gmail profile), so it cannot tell your rows from your colleagues': nothing was done.",
  zh: '已开启团队模式，但 Retain 无法读取您的邮箱地址（Gmail 资料），无法区分您和同事的客户：未执行任何操作。',
};
const LOCKED: Msg = {
  en: 'Another Retain run is in progress: this one did nothing.',
  zh: '另一个 Retain 运行正在进行：本次未执行任何操作。',
};
const LOCK_FAILED: Msg = {
  en: 'The document lock could not be taken ({error}): this run did nothing.',
  zh: '无法获取文档锁（{error}）：本次未执行任何操作。',
};
const RETRY_SET: Msg = {
  en: 'A follow-up run is scheduled in {minutes} minutes.',
  zh: '已安排 {minutes} 分钟后再运行一次。',
};
const NO_PROPERTIES: Msg = {
  en: "Retain's settings (document properties) could not be read ({error}): nothing was done. The next run tries again.",
  zh: '无法读取 Retain 的设置（文档属性）（{error}）：未执行任何操作。下次运行会重试。',
};
const NO_FOLLOW_UP: Msg = {
  en: 'Could not schedule the follow-up run ({error}): the rest is done by the next run.',
  zh: '无法安排后续运行（{error}）：其余操作由下次运行完成。',
};
const ADD_ON: Msg = {
  en: 'As an add-on Retain may hold only its nightly trigger: the rest is done by the next night.',
  zh: '作为插件，Retain 只能保留每晚的触发器：其余由下一晚完成。',
};
const AFTER_WRITE: Msg = {
  en: "Retain's journal could not be tidied ({error}): nothing is lost, the next run tidies it.",
  zh: '无法整理 Retain 的记录（{error}）：没有丢失任何内容，下次运行会整理。',
};

export interface RunOptions {
  lang: Lang;
}

/** What every step of one run shares. */
interface Run {
  ss: Spreadsheet;
  mode: RunMode;
  preview: boolean;
  started: number;
  settings: Settings | null;
  /** Read with the settings, in the same one look at the document properties. */
  columnMap: ColumnMap | null;
  deadline: number;
  summary: RunSummary;
  lang: Lang;
  known: {
    sheets?: Workbook['sheets'];
    clock?: Workbook['clock'];
    /** The Retain log's header and last row, read by the dashboard (server/dashboard.ts). */
    log?: { header: unknown[]; rows: number };
    dashboard?: NightDashboard | null;
  };
  journal: Journal | null;
  journalError: string;
  /** The marker the previous run left: it was cut off. */
  previous: RunMarker | null;
  mark: (step: RunStep | null) => void;
}

export function runRetain_(ss: Spreadsheet, mode: RunMode, opts: RunOptions): RunSummary {
  const started = new Date();
  const preview = mode === 'preview';
  const run: Run = {
    ss,
    mode,
    preview,
    started: started.getTime(),
    settings: null,
    columnMap: null,
    deadline: started.getTime(),
    summary: emptySummary(mode, started),
    lang: opts.lang,
    known: {},
    journal: null,
    journalError: '',
    previous: null,
    mark: () => undefined,
  };
  // 1. Lock. A preview makes and writes nothing, so it needs no lock and never waits for a run.
  const lock = preview ? null : takeLock(run);
  if (!preview && !lock) return run.summary;
  try {
    if (startRun(run)) runSteps(run);
  } catch (e) {
    run.summary.errors.push(errorMessage(e));
    if (classifyError(e) === 'killed') throw e;
  } finally {
    // 6. Log; then everything is applied before the lock goes.
    if (!preview) {
      run.mark('log');
      logRun(run);
      run.mark(null);
    }
    // The dashboard last: it can cost the night neither its writes nor its log row.
    run.known.dashboard?.write(run.summary);
    if (lock) release(run, lock);
  }
  if (preview) run.summary.finished = new Date().toISOString();
  return run.summary;
}

/** The lock, or null once the run has logged why it could not have it (and, from a trigger, set a later try). */
function takeLock(run: Run): DocumentLock | null {
  try {
    const lock = documentLock_();
    if (lock.tryLock(LOCK_WAIT_MS)) return lock;
    run.summary.locked = true;
    run.summary.errors.push(tr(run.lang, LOCKED));
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
    run.summary.errors.push(tr(run.lang, LOCK_FAILED, { error: errorMessage(e) }));
  }
  // A night is never skipped: the trigger's run comes back when the other one is done.
  if (run.mode === 'nightly' || run.mode === 'followup') followUp(run, LOCKED_RETRY_MS, true);
  logRun(run);
  return null;
}

function release(run: Run, lock: DocumentLock): void {
  try {
    flush_();
  } catch (e) {
    // Everything was written already; a failed flush must not turn a good night into a failed run.
    run.summary.errors.push(errorMessage(e));
  }
  try {
    lock.release();
  } catch (e) {
    // The platform releases it when the execution ends anyway.
    if (classifyError(e) === 'killed') throw e;
  }
}

/** The document properties, read once: settings, journal, and the marker of a run that was cut off. False: nothing can be done. */
function startRun(run: Run): boolean {
  let all: Record<string, string>;
  try {
    all = documentProperties_().all();
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
    run.summary.fatal = tr(run.lang, NO_PROPERTIES, { error: errorMessage(e) });
    run.summary.errors.push(run.summary.fatal);
    return false;
  }
  run.settings = loadSettings_(all).settings;
  run.columnMap = loadColumnMap_(all);
  run.deadline = run.started + run.settings.runBudgetSeconds * 1000;
  if (run.preview) return true;
  try {
    run.journal = openJournal_(all);
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
    run.journalError = errorMessage(e);
  }
  run.previous = leftMarker(all);
  const write = markerWriter((e) => run.summary.errors.push(errorMessage(e)));
  run.mark = (step) => write(step ? { started: run.started, mode: run.mode, step } : null);
  run.mark('read');
  return true;
}

/** Steps 2 to 5: read, plan, act, write. */
function runSteps(run: Run): void {
  const { summary, lang } = run;
  const settings = run.settings as Settings;
  // 2. Read.
  const wb = readWorkbook_(run.ss, lang, undefined, run.columnMap ?? undefined);
  run.known.sheets = wb.sheets;
  run.known.clock = wb.clock;
  if (run.previous) summary.errors.push(cutOffMessage(run.previous, run.journal ?? readOnlyJournal(), wb.clock, lang));
  if (wb.fatal) {
    summary.fatal = wb.fatal;
    summary.errors.push(wb.fatal);
    return;
  }
  summary.today = wb.clock.today();
  // Team mode needs the user's address before planning (kept since the trigger was scheduled); drafts need it for the signature.
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
  const noJournal = readOnlyJournal();
  const journal = run.preview ? noJournal : run.journal;
  const { drafts, visits } = act({
    wb,
    plan,
    summary,
    lang,
    settings,
    deadline: run.deadline,
    preview: run.preview,
    spreadsheetId,
    journal,
    journalError: run.journalError,
    noJournal,
    userEmail,
    mark: (step) => run.mark(step),
  });
  if (run.preview) return;
  // 5. Write.
  run.mark('write');
  const recorded = writeRun_(wb, plan, drafts, visits, summary, lang);
  tidyJournal(run, drafts.outcomes, recorded);
  if (summary.mustContinue) followUp(run, CONTINUE_MS, false);
  // The dashboard's reads; it is written after the log row (runRetain_).
  run.known.dashboard = prepareNightDashboard_(wb, plan, summary, settings);
  run.known.log = run.known.dashboard?.log;
}

/**
 * A draft the sheet now records needs its journal entry no more; one the sheet
 * could not record (no writable Thank-you draft column) keeps it, so it is
 * never made again. Entries older than a month are past any thank-you window.
 */
function tidyJournal(run: Run, outcomes: Array<{ draftId?: string; need: { key: string } }>, recorded: Set<string>) {
  const journal = run.journal;
  if (!journal) return;
  try {
    for (const o of outcomes) if (o.draftId && recorded.has(o.need.key)) journal.forget(o.need.key);
    journal.prune(Date.now() - JOURNAL_DAYS * 86400000);
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
    run.summary.errors.push(tr(run.lang, AFTER_WRITE, { error: errorMessage(e) }));
  }
}

/** A one-off run `ms` from now; as an add-on there is none, and the log says the next night does the rest. */
function followUp(run: Run, ms: number, sayWhen: boolean): void {
  try {
    if (scheduleFollowUp_(spreadsheetId_(run.ss), ms)) {
      if (sayWhen) run.summary.errors.push(tr(run.lang, RETRY_SET, { minutes: Math.round(ms / 60000) }));
    } else run.summary.errors.push(tr(run.lang, ADD_ON));
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
    run.summary.errors.push(tr(run.lang, NO_FOLLOW_UP, { error: errorMessage(e) }));
  }
}

/** Step 6. Tried twice (a new look for the log sheet the second time): the log is how the user learns what happened at night. */
function logRun(run: Run): void {
  run.summary.finished = new Date().toISOString();
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      appendRunLog_(run.ss, run.summary, run.lang, attempt === 1 ? run.known : {});
      return;
    } catch (e) {
      if (classifyError(e) === 'killed') throw e;
      if (attempt === 2) run.summary.errors.push(errorMessage(e));
    }
  }
}
