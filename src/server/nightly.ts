/**
 * One run (SPEC section 4): lock, read, plan, act, write, log.
 *
 * The same function serves the nightly trigger, "Run follow-ups now", the
 * follow-up run after a time-budget stop, and "Preview tonight's run" (which
 * reads and plans but makes and writes nothing). Every step after the lock is
 * inside try/finally so the lock is released and a `Retain log` row is written
 * even when something fails.
 */
import type { CalDate } from '../core/dates';
import { workCalendar } from '../core/dates';
import { tr, type Msg } from '../core/i18n';
import type { Customer, Lang, Settings } from '../core/model';
import { planNightly, type Plan } from '../core/plan';
import { purchaseRowKeys } from '../core/purchaseKey';
import { parsePurchases } from '../core/rows';
import { SHEETS } from '../core/schema';
import { matchHeaders } from '../core/headers';
import { openJournal_ } from '../gas/journal';
import { errorMessage, retrySheets } from '../gas/retry';
import { loadSettings_ } from '../gas/settingsStore';
import { scheduleFollowUp_ } from '../gas/triggers';
import { currentUserEmail_ } from '../gas/user';
import { draftCellText, makeDrafts_, type DraftsResult } from './drafts';
import { appendRunLog_ } from './runLog';
import { makeVisits_, type VisitsResult } from './visits';
import { readWorkbook_, type Workbook } from './workbook';
import { writeCustomers_, writePurchaseDrafts_, type RowValues } from './writeBack';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type RunMode = 'nightly' | 'manual' | 'preview' | 'followup';

/** A run's outcome, plain data: shown by the menu, the demo and the tests. */
export interface RunSummary {
  mode: RunMode;
  today: CalDate | '';
  started: string;
  finished: string;
  /** Another run held the lock: nothing was done. */
  locked: boolean;
  /** Why the run could not start (missing sheet or column), or ''. */
  fatal: string;
  customersRead: number;
  rowsWithProblems: number;
  tiersChanged: number;
  draftsMade: number;
  eventsMade: number;
  skipped: Array<{ what: string; customerId: string; row: number; reason: string }>;
  errors: string[];
  mustContinue: boolean;
  due: Record<string, number>;
  dueByTier: Record<string, number>;
  overdue: number;
  dueToday: number;
  /** What a preview would make (also filled by real runs: what was made). */
  drafts: Array<{
    customerId: string;
    name: string;
    email: string;
    purchaseDate: string;
    subject: string;
    status: string;
  }>;
  visits: Array<{ customerId: string; name: string; tier: string; due: string; start: string; status: string }>;
  problems: Array<{ sheet: string; row: number; column: string; message: string }>;
}

/** How long a journal entry the sheet could not record is kept (far longer than any thank-you window). */
const JOURNAL_DAYS = 45;

const HELD_BACK: Msg = {
  en: 'a Purchases or Contact log row of this customer has a problem (see Retain notes): no draft or visit until it is fixed',
  zh: '此客户的购买记录或联系记录有问题（见“提示”列）：修正前不创建草稿或拜访',
};

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
const NOT_WRITTEN: Msg = {
  en: 'Customer {id} was not found when writing (row deleted or its ID changed during the run).',
  zh: '写入时找不到客户 {id}（运行期间该行被删除或编号被修改）。',
};
const FORMULA_COLUMN: Msg = {
  en: 'Column "{header}" holds formulas: Retain read it and did not write it.',
  zh: '“{header}”列含有公式：Retain 只读取，不写入。',
};

function emptySummary(mode: RunMode, started: Date): RunSummary {
  return {
    mode,
    today: '',
    started: started.toISOString(),
    finished: '',
    locked: false,
    fatal: '',
    customersRead: 0,
    rowsWithProblems: 0,
    tiersChanged: 0,
    draftsMade: 0,
    eventsMade: 0,
    skipped: [],
    errors: [],
    mustContinue: false,
    due: {},
    dueByTier: {},
    overdue: 0,
    dueToday: 0,
    drafts: [],
    visits: [],
    problems: [],
  };
}

export interface RunOptions {
  lang: Lang;
}

export function runRetain_(ss: Spreadsheet, mode: RunMode, opts: RunOptions): RunSummary {
  const started = new Date();
  const summary = emptySummary(mode, started);
  const { settings } = loadSettings_();
  const deadline = started.getTime() + settings.runBudgetSeconds * 1000;
  const preview = mode === 'preview';
  // A preview makes and writes nothing, so it needs no lock and never waits for a run.
  const lock = preview ? null : (LockService.getDocumentLock() ?? LockService.getScriptLock());
  if (lock && !lock.tryLock(10000)) {
    summary.locked = true;
    summary.errors.push(tr(opts.lang, LOCKED));
    finish(ss, summary, opts.lang, {});
    return summary;
  }
  const known: Known = {};
  try {
    runLocked(ss, mode, settings, deadline, summary, opts.lang, known);
  } catch (e) {
    summary.errors.push(errorMessage(e));
    if (/Exceeded maximum execution time/i.test(errorMessage(e))) throw e;
  } finally {
    if (!preview) finish(ss, summary, opts.lang, known);
    if (lock) {
      try {
        retrySheets(() => SpreadsheetApp.flush());
      } catch (e) {
        // Everything was written already; a failed flush must not turn a good night into a failed run.
        summary.errors.push(errorMessage(e));
      }
      lock.releaseLock();
    }
  }
  if (preview) summary.finished = new Date().toISOString();
  return summary;
}

/** What the run already knows about the workbook, for the log row. */
interface Known {
  sheets?: Workbook['sheets'];
  clock?: Workbook['clock'];
}

function finish(ss: Spreadsheet, summary: RunSummary, lang: Lang, known: Known): void {
  summary.finished = new Date().toISOString();
  try {
    appendRunLog_(ss, summary, lang, known);
  } catch (e) {
    // The log is a courtesy; failing to write it must not hide what the run did.
    summary.errors.push(errorMessage(e));
  }
}

function runLocked(
  ss: Spreadsheet,
  mode: RunMode,
  settings: Settings,
  deadline: number,
  summary: RunSummary,
  lang: Lang,
  known: Known,
): void {
  const preview = mode === 'preview';
  const wb = readWorkbook_(ss, lang);
  known.sheets = wb.sheets;
  known.clock = wb.clock;
  if (wb.fatal) {
    summary.fatal = wb.fatal;
    summary.errors.push(wb.fatal);
    return;
  }
  const today = wb.clock.today();
  summary.today = today;

  // Team mode needs the user's address before planning; drafts need it for the sender line and signature.
  let userEmail = settings.teamMode ? safeUserEmail() : '';
  if (settings.teamMode && !userEmail) {
    // Without it every rep's rows would be handled, in this user's Gmail and Calendar.
    summary.fatal = tr(lang, NO_TEAM_USER);
    summary.errors.push(summary.fatal);
    return;
  }
  const plan = planNightly({
    today,
    settings,
    lang,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    holidays: wb.holidays,
    onlyOwner: settings.teamMode && userEmail ? userEmail : undefined,
  });
  if (!userEmail && plan.drafts.length > 0) userEmail = safeUserEmail();
  fillFromPlan(summary, plan);
  // The plan reports the rows it reads; Holidays and Templates are read here only.
  for (const p of wb.problems) {
    if (p.sheet === wb.tables.holidays?.sheetName || p.sheet === wb.tables.templates?.sheetName)
      summary.problems.push({ sheet: p.sheet, row: p.row, column: p.column ?? '', message: p.message });
  }

  const haveTime = () => Date.now() < deadline;
  const spreadsheetId = retrySheets(() => ss.getId());
  const customersById = new Map<string, Customer>();
  for (const c of wb.customers) if (c.id && !customersById.has(c.id)) customersById.set(c.id, c);
  const journal = preview ? readOnlyJournal() : openJournal_();

  // A customer with a bad Purchases or Contact log row may have bought or been
  // visited in a way Retain cannot read: no draft or event for them until the row is fixed.
  const held = customersWithBadRows(wb);
  const heldReason = tr(lang, HELD_BACK);
  const draftNeeds = plan.drafts.filter((n) => !held.has(n.customerId));
  const visitNeeds = plan.visits.filter((n) => !held.has(n.customerId));
  for (const n of [...plan.drafts, ...plan.visits]) {
    if (held.has(n.customerId))
      summary.skipped.push({
        what: 'purchaseDate' in n ? 'draft' : 'visit',
        customerId: n.customerId,
        row: n.customerRow,
        reason: heldReason,
      });
  }
  const drafts = makeDrafts_(draftNeeds, {
    lang,
    today,
    templates: wb.templates,
    customersById,
    senderName: settings.senderName,
    userEmail,
    journal,
    haveTime,
    make: !preview,
  });
  const visits = makeVisits_(visitNeeds, {
    lang,
    today,
    settings,
    cal: workCalendar(
      settings.workingDays,
      wb.holidays.map((h) => h.date),
    ),
    clock: wb.clock,
    spreadsheetId,
    customersById,
    purchases: wb.purchases,
    contacts: wb.contacts,
    rowUrl: rowUrlMaker(wb),
    haveTime,
    make: !preview,
  });
  recordActions(summary, drafts, visits, customersById);
  if (drafts.stopped) summary.errors.push(drafts.stopped);
  if (visits.stopped) summary.errors.push(visits.stopped);
  const left = drafts.deferred.length + visits.deferred.length;
  if (left > 0) {
    summary.mustContinue = true;
    summary.errors.push(tr(lang, CONTINUES, { n: left }));
  }
  if (preview) return;

  const recorded = writeAll(wb, plan, drafts, visits, today, summary, lang);
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
}

function customersWithBadRows(wb: Workbook): Set<string> {
  const ids = new Set<string>();
  for (const p of wb.purchases ?? []) if (p.problems.length > 0 && p.customerId) ids.add(p.customerId);
  for (const c of wb.contacts) if (c.problems.length > 0 && c.customerId) ids.add(c.customerId);
  return ids;
}

function safeUserEmail(): string {
  try {
    return currentUserEmail_();
  } catch (e) {
    return '';
  }
}

/** A preview must not write even the journal. */
function readOnlyJournal() {
  return {
    get: () => null,
    pending: () => undefined,
    made: () => undefined,
    forget: () => undefined,
    prune: () => undefined,
    keys: () => [] as string[],
  };
}

function rowUrlMaker(wb: Workbook): (row: number) => string {
  let base: string | null = null;
  return (row) => {
    if (base === null) {
      const sheet = wb.tables.customers?.sheet;
      base = `${retrySheets(() => wb.ss.getUrl())}#gid=${sheet ? retrySheets(() => sheet.getSheetId()) : 0}`;
    }
    return `${base}&range=A${row}`;
  };
}

function fillFromPlan(summary: RunSummary, plan: Plan): void {
  summary.customersRead = plan.summary.customers;
  summary.rowsWithProblems = plan.summary.withProblems;
  summary.tiersChanged = plan.summary.tiersChanged;
  summary.due = { ...plan.summary.due };
  summary.dueByTier = { ...plan.summary.dueByTier };
  summary.overdue = plan.summary.overdue;
  summary.dueToday = plan.summary.dueToday;
  for (const s of plan.skipped)
    summary.skipped.push({ what: s.what, customerId: s.customerId ?? '', row: s.row, reason: s.reason });
  for (const p of plan.problems)
    summary.problems.push({ sheet: p.sheet, row: p.row, column: p.column ?? '', message: p.message });
}

function recordActions(
  summary: RunSummary,
  drafts: DraftsResult,
  visits: VisitsResult,
  byId: Map<string, Customer>,
): void {
  for (const o of drafts.outcomes) {
    const c = byId.get(o.need.customerId);
    if (o.status === 'made') summary.draftsMade++;
    if (o.status === 'skipped' || o.status === 'failed')
      summary.skipped.push({
        what: 'draft',
        customerId: o.need.customerId,
        row: o.need.customerRow,
        reason: o.reason ?? '',
      });
    summary.drafts.push({
      customerId: o.need.customerId,
      name: c ? c.name : '',
      email: o.need.email,
      purchaseDate: o.need.purchaseDate,
      subject: o.subject ?? '',
      status: o.status,
    });
  }
  for (const o of visits.outcomes) {
    const c = byId.get(o.need.customerId);
    if (o.status === 'made') summary.eventsMade++;
    if (o.status === 'skipped' || o.status === 'failed')
      summary.skipped.push({
        what: 'visit',
        customerId: o.need.customerId,
        row: o.need.customerRow,
        reason: o.reason ?? '',
      });
    summary.visits.push({
      customerId: o.need.customerId,
      name: c ? c.name : '',
      tier: o.need.tier,
      due: o.need.due,
      start: o.start ?? '',
      status: o.status,
    });
  }
  // In a preview, "made" means "would be made": the counts say so too.
}

/** The managed values of every planned row, plus what tonight's actions recorded. Returns the draft keys the sheet records. */
function writeAll(
  wb: Workbook,
  plan: Plan,
  drafts: DraftsResult,
  visits: VisitsResult,
  today: CalDate,
  summary: RunSummary,
  lang: Lang,
): Set<string> {
  const recorded = new Set<string>();
  const notesById = new Map<string, string[]>();
  const addNote = (id: string, note: string) => {
    const list = notesById.get(id) ?? [];
    if (!list.includes(note)) list.push(note);
    notesById.set(id, list);
  };
  const draftCellById = new Map<string, string>();
  const purchaseCells = new Map<string, string>();
  for (const o of drafts.outcomes) {
    if ((o.status === 'made' || o.status === 'found') && o.draftId) {
      if (o.need.purchaseRow === null)
        draftCellById.set(o.need.customerId, draftCellText(today, o.draftId, o.need.purchaseDate));
      else {
        purchaseCells.set(o.need.key, draftCellText(today, o.draftId, null));
        draftCellById.set(o.need.customerId, draftCellText(today, o.draftId, o.need.purchaseDate));
      }
    } else if (o.reason && (o.status === 'skipped' || o.status === 'failed') && !drafts.stopped)
      addNote(o.need.customerId, o.reason);
  }
  const visitById = new Map<string, string>(visits.upcoming);
  for (const o of visits.outcomes) {
    if (o.start && (o.status === 'made' || o.status === 'found' || o.status === 'skipped'))
      visitById.set(o.need.customerId, o.start);
    if (o.status === 'skipped' && !o.start && o.reason) addNote(o.need.customerId, o.reason);
    if (o.status === 'failed' && o.reason) addNote(o.need.customerId, o.reason);
  }
  const values = new Map<string, RowValues[]>();
  for (const cp of plan.customers) {
    if (!cp.customerId) continue;
    const extra = notesById.get(cp.customerId) ?? [];
    const notes = [cp.managed.notes, ...extra].filter(Boolean).join('; ');
    const v: RowValues = { ...cp.managed, notes };
    const draft = draftCellById.get(cp.customerId);
    if (draft !== undefined) v.thankYouDraft = draft;
    const visit = visitById.get(cp.customerId);
    if (visit !== undefined) v.nextVisit = visit;
    const list = values.get(cp.customerId) ?? [];
    list.push(v);
    values.set(cp.customerId, list);
  }
  const customersSheet = wb.tables.customers?.sheet;
  if (customersSheet) {
    const w = writeCustomers_(customersSheet, values);
    for (const id of w.missing) summary.errors.push(tr(lang, NOT_WRITTEN, { id }));
    for (const header of w.formulaColumns)
      if (header !== 'Tier' && header !== '等级') summary.errors.push(tr(lang, FORMULA_COLUMN, { header }));
    // Drafts for a Customers row's Last purchase are recorded in that row.
    if (w.columns.has('thankYouDraft')) {
      for (const o of drafts.outcomes)
        if (o.need.purchaseRow === null && w.written.has(o.need.customerId)) recorded.add(o.need.key);
    }
  }
  const purchases = wb.tables.purchases;
  if (purchases && purchaseCells.size > 0) {
    const keys = writePurchaseDrafts_(
      purchases.sheet,
      purchaseCells,
      (rows) => {
        const match = matchHeaders(rows[0] ?? [], SHEETS.purchases);
        const parsed = parsePurchases(
          { sheetName: purchases.sheetName, spec: SHEETS.purchases, values: rows, formulas: null, match },
          { toCalDate: (d) => wb.clock.toCalDate(d), lang },
        );
        const byRow = purchaseRowKeys(parsed.purchases);
        return rows.map((_, i) => byRow.get(i + 1) ?? null);
      },
      lang,
    );
    for (const k of keys) recorded.add(k);
  }
  return recorded;
}
