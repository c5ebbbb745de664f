/**
 * Step 4 of a run (docs/architecture.md, A nightly run): the drafts and the
 * visits the plan asks for, while the time budget lasts. Each kind stops on
 * its own (a spent quota, a service that stopped answering, a journal that
 * cannot be read) and says so; neither can stop the other, nor the write
 * that follows.
 */
import { workCalendar } from '../core/dates';
import { tr, type Msg } from '../core/i18n';
import type { Customer, Lang, Settings } from '../core/model';
import type { Plan } from '../core/plan';
import { classifyError, errorMessage } from '../gas/retry';
import { sheetId_, spreadsheetUrl_ } from '../gas/spreadsheet';
import { makeDrafts_, type DraftsResult } from './drafts';
import type { Journal } from './journal';
import type { RunStep } from './runMarker';
import { recordActions, type RunSummary } from './runSummary';
import { makeVisits_, type VisitsResult } from './visits';
import type { Workbook } from './workbook';

const CONTINUES: Msg = {
  en: 'Time budget reached: {n} action(s) left for a follow-up run.',
  zh: '已到时间上限：剩余 {n} 项操作由后续运行完成。',
};
const NO_JOURNAL: Msg = {
  en: "Retain's journal (document properties) could not be read ({error}): no thank-you drafts this run, so none is made twice; {n} wait for the next run.",
  zh: '无法读取 Retain 的记录（文档属性）（{error}）：本次不创建感谢信草稿，以免重复；{n} 封等下次运行。',
};
const DRAFTS_FAILED: Msg = {
  en: 'Thank-you drafts stopped ({error}): the rest wait for the next run.',
  zh: '感谢信草稿已停止（{error}）：其余等下次运行。',
};

export interface ActContext {
  wb: Workbook;
  plan: Plan;
  summary: RunSummary;
  lang: Lang;
  settings: Settings;
  deadline: number;
  preview: boolean;
  spreadsheetId: string;
  /** null when the journal could not be read (journalError says why): then no draft is made. */
  journal: Journal | null;
  journalError: string;
  /** The read-only stand-in for the journal (a preview, or a journal that could not be read). */
  noJournal: Journal;
  userEmail: string;
  mark: (step: RunStep) => void;
}

export function act(c: ActContext): { drafts: DraftsResult; visits: VisitsResult } {
  const { summary, lang, settings, plan, wb } = c;
  const haveTime = () => Date.now() < c.deadline;
  const customersById = new Map<string, Customer>();
  for (const x of wb.customers) if (x.id && !customersById.has(x.id)) customersById.set(x.id, x);
  // What a bad cell holds back is the plan's decision (core/cellProblems.ts): a bad Purchases row has no draft
  // in it, a bad Contact log row that may be a visit holds back only that customer's visits.
  c.mark('drafts');
  const journal = c.journal ?? c.noJournal;
  const drafts = draftsStep(c, plan.drafts, customersById, haveTime);
  c.mark('visits');
  const visits = makeVisits_(plan.visits, {
    lang,
    today: plan.today,
    settings,
    cal: workCalendar(
      settings.workingDays,
      wb.holidays.map((h) => h.date),
    ),
    clock: wb.clock,
    spreadsheetId: c.spreadsheetId,
    customersById,
    facts: plan.facts,
    rowUrl: rowUrlMaker(wb),
    haveTime,
    make: !c.preview,
    journal,
  });
  recordActions(summary, drafts, visits, customersById);
  if (drafts.stopped) summary.errors.push(drafts.stopped);
  if (visits.stopped) summary.errors.push(visits.stopped);
  summary.errors.push(...visits.notes);
  // Only what the time budget left waits for a follow-up run; what a quota or a failing service stopped waits for the next night.
  const left = (drafts.stopped ? 0 : drafts.deferred.length) + (visits.stopped ? 0 : visits.deferred.length);
  if (left > 0) {
    summary.mustContinue = true;
    summary.errors.push(tr(lang, CONTINUES, { n: left }));
  }
  return { drafts, visits };
}

/** The drafts, unless the journal that keeps them from being made twice is out of reach. */
function draftsStep(
  c: ActContext,
  needs: Plan['drafts'],
  customersById: Map<string, Customer>,
  haveTime: () => boolean,
): DraftsResult {
  if (!c.preview && !c.journal && needs.length > 0)
    return {
      outcomes: [],
      stopped: tr(c.lang, NO_JOURNAL, { error: c.journalError, n: needs.length }),
      deferred: needs,
    };
  try {
    return makeDrafts_(needs, {
      lang: c.lang,
      today: c.plan.today,
      templates: c.wb.templates,
      customersById,
      senderName: c.settings.senderName,
      userEmail: c.userEmail,
      journal: c.journal ?? c.noJournal,
      haveTime,
      make: !c.preview,
    });
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
    return { outcomes: [], stopped: tr(c.lang, DRAFTS_FAILED, { error: errorMessage(e) }), deferred: needs };
  }
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
