/**
 * The `Retain dashboard` sheet (总览): made by Set up, refreshed by each run
 * (docs/architecture.md, A nightly run). The figures come from the core
 * (core/dashboardInput.ts) and what the run already read; the only new reads
 * are the `Retain log`, whose header row then serves the log row, and the
 * dashboard block itself. A night whose dashboard fails loses nothing else:
 * it is read after the managed columns are written and written after the log
 * row, and every failure is caught and reported.
 *
 * A workbook without the sheet gets none at night: deleting the sheet turns
 * the dashboard off, and Set up makes it again.
 */
import type { RunLogRow } from '../core/dashboard';
import { bookDashboard, runLogRows } from '../core/dashboardInput';
import { dashboardCharts, dashboardSheetLabel, dashboardSheetName, dashboardStyle } from '../core/dashboardLayout';
import { tr, type Msg } from '../core/i18n';
import type { Lang, Settings } from '../core/model';
import { planNightly, type Plan } from '../core/plan';
import { SHEETS } from '../core/schema';
import { styleBlock_ } from '../gas/block';
import { chartRanges_, hasChartOn_, insertChart_ } from '../gas/charts';
import { classifyError, errorMessage } from '../gas/retry';
import { findSheet_, readGrid_ } from '../gas/sheets';
import { insertSheet_, type Sheet, type Spreadsheet } from '../gas/spreadsheet';
import type { ZoneClock } from '../gas/time';
import { readDashboardBlock_, type PendingBlock } from './dashboardSheet';
import type { RunSummary } from './runSummary';
import { loadSettings_ } from './settingsStore';
import { safeUserEmail_ } from './user';
import { readWorkbook_, type Workbook } from './workbook';

const KEPT: Msg = {
  en: '{sheet}: {n} cell(s) Retain did not write were left as they are ({cells}); clear a cell to let Retain fill it again.',
  zh: '{sheet}：{n} 个并非 Retain 写入的单元格保持原样（{cells}）；清空单元格后 Retain 会重新填写。',
};
const FAILED: Msg = {
  en: '{sheet} was not refreshed: {error}',
  zh: '{sheet}未更新：{error}',
};
/** Cells named in a note; the rest are counted. */
const NAMED = 12;

function keptNote(lang: Lang, sheet: string, cells: string[]): string {
  const named = cells.length > NAMED ? `${cells.slice(0, NAMED).join(', ')}, …` : cells.join(', ');
  return tr(lang, KEPT, { sheet, n: cells.length, cells: named });
}

/** The 6-minute kill cannot be handled: it goes on up; anything else becomes a message. */
function failure(lang: Lang, sheet: string, e: unknown): string {
  if (classifyError(e) === 'killed') throw e;
  return tr(lang, FAILED, { sheet, error: errorMessage(e) });
}

interface LogRead {
  /** The header row and the last row's number, for the log row (absent without a Retain log sheet). */
  log?: { header: unknown[]; rows: number };
  runs: RunLogRow[];
}

/** The `Retain log`'s header and runs, one read. */
function readLog_(sheets: Map<string, Sheet>, clock: ZoneClock): LogRead {
  const sheet = findSheet_(sheets, SHEETS.runLog);
  if (!sheet) return { runs: [] };
  const { values } = readGrid_(sheet, false);
  // An empty sheet's data range is A1: no row yet.
  const empty = values.length === 1 && values[0].every((v) => v === '');
  return {
    log: { header: values[0] ?? [], rows: empty ? 0 : values.length },
    runs: runLogRows(values, (d) => clock.toCalDate(d)),
  };
}

export interface NightDashboard {
  /** The log's header and last row, read with its runs: the log row needs no read of its own. */
  log?: LogRead['log'];
  /** Writes the dashboard; a failure is added to the summary's errors. */
  write(summary: RunSummary): void;
}

/**
 * After the night's write: reads the log and the block and reports the
 * user's cells (so the log row names them); null when there is no dashboard
 * (a failed read is said in the summary's errors, hence in the log row).
 */
export function prepareNightDashboard_(
  wb: Workbook,
  plan: Plan,
  summary: RunSummary,
  settings: Settings,
): NightDashboard | null {
  const name = dashboardSheetName(Array.from(wb.sheets.keys()));
  if (name === null || summary.today === '') return null;
  const lang = wb.lang;
  let log: LogRead = { runs: [] };
  try {
    log = readLog_(wb.sheets, wb.clock);
    const thisRun = {
      date: summary.today,
      overdue: summary.overdue,
      draftsMade: summary.draftsMade,
      eventsMade: summary.eventsMade,
    };
    const d = bookDashboard({
      today: summary.today,
      lang,
      settings,
      plan,
      customers: wb.customers,
      purchases: wb.purchases,
      contacts: wb.contacts,
      runLog: [...log.runs, thisRun],
    });
    const pending = readDashboardBlock_(wb.sheets.get(name) as Sheet, d);
    if (pending.userCells.length > 0) summary.errors.push(keptNote(lang, name, pending.userCells));
    return { log: log.log, write: (s) => writeOrSay(pending, s, lang, name) };
  } catch (e) {
    summary.errors.push(failure(lang, name, e));
    // What was read of the log still serves the log row.
    return { log: log.log, write: () => undefined };
  }
}

function writeOrSay(pending: PendingBlock, summary: RunSummary, lang: Lang, name: string): void {
  try {
    pending.write();
  } catch (e) {
    summary.errors.push(failure(lang, name, e));
  }
}

/** Tonight's figures as far as Set up can tell: the workbook read and planned as a run would, the log's runs. */
function setupFigures(ss: Spreadsheet, lang: Lang) {
  const { settings } = loadSettings_();
  const wb = readWorkbook_(ss, lang);
  const today = wb.clock.today();
  const log = readLog_(wb.sheets, wb.clock);
  const book = { today, lang, settings, runLog: log.runs };
  if (wb.fatal)
    return bookDashboard({ ...book, plan: { customers: [] }, customers: [], purchases: null, contacts: [] });
  // Team mode: the user's own customers, as their nightly run shows them.
  const owner = settings.teamMode ? safeUserEmail_() : '';
  const plan = planNightly({
    today,
    settings,
    lang,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    holidays: wb.holidays,
    onlyOwner: owner || undefined,
  });
  return bookDashboard({ ...book, plan, customers: wb.customers, purchases: wb.purchases, contacts: wb.contacts });
}

/**
 * Set up's part: makes the sheet when missing (its name pushed to `created`),
 * writes the figures and makes each chart not on the sheet yet. Returns a note
 * for Set up's message ('' when all went well); it never throws but for the
 * 6-minute kill.
 */
export function setupDashboard_(ss: Spreadsheet, lang: Lang, sheets: Map<string, Sheet>, created: string[]): string {
  const found = dashboardSheetName(Array.from(sheets.keys()));
  const name = found ?? dashboardSheetLabel(lang);
  try {
    let sheet = found === null ? null : (sheets.get(found) as Sheet);
    if (sheet === null) {
      sheet = insertSheet_(ss, name);
      sheets.set(name, sheet);
      created.push(name);
      styleBlock_(sheet, dashboardStyle());
    }
    const d = setupFigures(ss, lang);
    const pending = readDashboardBlock_(sheet, d);
    pending.write();
    const have = chartRanges_(sheet);
    for (const c of dashboardCharts(lang, d)) if (!hasChartOn_(have, c.key)) insertChart_(sheet, c);
    return pending.userCells.length > 0 ? ` ${keptNote(lang, name, pending.userCells)}` : '';
  } catch (e) {
    return ` ${failure(lang, name, e)}`;
  }
}
