/**
 * The `Retain log` sheet (docs/architecture.md, A nightly run): one row a
 * run, failed runs included, so the user can see what happened at night
 * without opening the Apps Script console. The sheet is Retain's own: it is
 * made when missing.
 */
import { matchHeaders } from '../core/headers';
import type { Lang } from '../core/model';
import { headerLabel, SHEETS, sheetLabel } from '../core/schema';
import { protectText } from '../core/textCells';
import { appendRow_, freezeHeader_ } from '../gas/ranges';
import { findSheet_, headerRow_, sheetsByName_ } from '../gas/sheets';
import { insertSheet_, timeZone_, type Sheet, type Spreadsheet } from '../gas/spreadsheet';
import { zoneClock, type ZoneClock } from '../gas/time';
import type { RunSummary } from './runSummary';

/** Errors can be long (a stack of skipped drafts); a cell holds 50,000 characters, a log row should hold far less. */
const MAX_TEXT = 2000;

function clip(s: string): string {
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT - 1) + '…' : s;
}

/** `known`: the sheets, zone and log (its header and last row, read by the dashboard: server/dashboard.ts) the run already has, so the log costs no second look-up. */
export function appendRunLog_(
  ss: Spreadsheet,
  s: RunSummary,
  lang: Lang,
  known: { sheets?: Map<string, Sheet>; clock?: ZoneClock; log?: { header: unknown[]; rows: number } } = {},
): void {
  const spec = SHEETS.runLog;
  let sheet = findSheet_(known.sheets ?? sheetsByName_(ss), spec);
  let header: unknown[];
  if (!sheet) {
    sheet = insertSheet_(ss, sheetLabel(spec, lang));
    header = spec.fields.map((f) => headerLabel(f, lang));
    appendRow_(sheet, header);
    freezeHeader_(sheet);
  } else {
    header = known.log?.header ?? headerRow_(sheet);
  }
  const match = matchHeaders(header, spec);
  const clock = known.clock ?? zoneClock(timeZone_(ss));
  const local = (iso: string) => (iso ? clock.toLocalDateTime(new Date(iso)) : '');
  const byKey: Record<string, unknown> = {
    started: local(s.started),
    finished: local(s.finished),
    mode: s.mode,
    customersRead: s.customersRead,
    rowsWithProblems: s.rowsWithProblems,
    tiersChanged: s.tiersChanged,
    draftsMade: s.draftsMade,
    eventsMade: s.eventsMade,
    skipped: s.skipped.length,
    errors: protectText(clip(s.errors.join(' | '))),
    mustContinue: s.mustContinue ? 'yes' : 'no',
    // Items due before today, for the dashboard's 8 weeks; blank when the run planned nothing.
    overdue: s.today && !s.fatal ? s.overdue : '',
  };
  const width = Math.max(header.length, 1);
  const row = new Array(width).fill('');
  for (const key of Object.keys(byKey)) {
    const col = match.columns[key];
    if (col !== undefined) row[col] = byKey[key];
  }
  appendRow_(sheet, row, known.log?.rows);
}
