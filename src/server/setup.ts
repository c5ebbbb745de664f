/**
 * Set up sheets (docs/data.md, Column map): creates the sheets and managed
 * columns that are missing, fills blank Customer IDs and writes the default
 * templates.
 * It only ever adds: no user column, row or value is moved, renamed or
 * deleted, and running it twice changes nothing the second time. It never
 * writes into a sheet it cannot read (setupCustomers.ts): without a Name
 * column in Customers it changes nothing at all and says why.
 */
import type { FieldMap } from '../core/columnMap';
import { columnLetter, matchHeaders } from '../core/headers';
import { tr, type Msg } from '../core/i18n';
import type { Lang } from '../core/model';
import { headerLabel, SHEETS, sheetLabel, type FieldSpec, type SheetKey } from '../core/schema';
import { DEFAULT_TEMPLATES } from '../core/templates';
import {
  addColumnRules_,
  columnHasRules_,
  ensureColumns_,
  formatColumns_,
  freezeHeader_,
  lastRow_,
  setTextBlock_,
  writeHeader_,
} from '../gas/ranges';
import { findHeaderRow_, findSheet_, readGrid_, sheetsByName_ } from '../gas/sheets';
import { insertSheet_, sheetName_, type Sheet, type Spreadsheet } from '../gas/spreadsheet';
import { setupDashboard_ } from './dashboard';
import { cannotRead_, fillCustomerIds_ } from './setupCustomers';
import { loadColumnMap_ } from './settingsStore';

export interface SetupResult {
  sheetsCreated: string[];
  columnsAdded: string[];
  idsFilled: number;
  templatesAdded: number;
  message: string;
}

/** Sheets Set up creates when missing. Purchases and Holidays are optional: an empty Purchases sheet is treated as absent. */
const CREATE: SheetKey[] = ['customers', 'purchases', 'contactLog', 'templates', 'holidays', 'runLog'];

/** Which columns Set up adds to an existing sheet: Retain's own columns only. */
function columnsToAdd(key: SheetKey, missing: FieldSpec[]): FieldSpec[] {
  if (key === 'customers') return missing.filter((f) => f.managed || f.key === 'id');
  if (key === 'purchases') return missing.filter((f) => f.managed);
  // Contact log, Templates, Holidays and Retain log are Retain's sheets: every column of them is needed.
  return missing;
}

const DONE: Msg = {
  en: 'Set up: {sheets} sheet(s) created, {columns} column(s) added, {ids} Customer ID(s) filled, {templates} template(s) added.',
  zh: '设置完成：新建 {sheets} 个工作表，新增 {columns} 列，填写 {ids} 个客户编号，新增 {templates} 个模板。',
};

export function setupSheets_(ss: Spreadsheet, lang: Lang): SetupResult {
  const result: SetupResult = { sheetsCreated: [], columnsAdded: [], idsFilled: 0, templatesAdded: 0, message: '' };
  const sheets = sheetsByName_(ss);
  const map = loadColumnMap_();
  const existing = findSheet_(sheets, SHEETS.customers);
  const refusal = existing ? cannotRead_(existing, 'customers', lang, map.customers, true) : null;
  if (refusal) {
    result.message = refusal;
    return result;
  }
  const notes: string[] = [];
  for (const key of CREATE) {
    const spec = SHEETS[key];
    let sheet = findSheet_(sheets, spec);
    if (!sheet) {
      sheet = createSheet(ss, key, lang);
      const name = sheetName_(sheet);
      sheets.set(name, sheet);
      result.sheetsCreated.push(name);
      if (key === 'templates') result.templatesAdded += writeDefaultTemplates(sheet, lang, []);
      continue;
    }
    // A user's Purchases sheet without its required columns is left alone; the run says what is missing.
    const skip = key === 'purchases' ? cannotRead_(sheet, key, lang, map.purchases, false) : null;
    if (skip) {
      notes.push(skip);
      continue;
    }
    result.columnsAdded.push(...addMissingColumns(sheet, key, lang, map[key]));
    if (key === 'customers') result.idsFilled = fillCustomerIds_(sheet, map.customers);
    if (key === 'templates') result.templatesAdded += addMissingTemplates(sheet, lang);
  }
  addDaysToDueFormatting(findSheet_(sheets, SHEETS.customers) as Sheet, map.customers);
  const dashboardNote = setupDashboard_(ss, lang, sheets, result.sheetsCreated);
  result.message =
    [
      tr(lang, DONE, {
        sheets: result.sheetsCreated.length,
        columns: result.columnsAdded.length,
        ids: result.idsFilled,
        templates: result.templatesAdded,
      }),
      ...notes,
    ].join(' ') + dashboardNote;
  return result;
}

function createSheet(ss: Spreadsheet, key: SheetKey, lang: Lang): Sheet {
  const spec = SHEETS[key];
  const sheet = insertSheet_(ss, sheetLabel(spec, lang));
  writeHeader_(
    sheet,
    1,
    spec.fields.map((f) => headerLabel(f, lang)),
  );
  freezeHeader_(sheet);
  formatNewColumns(sheet, spec.fields, 0);
  return sheet;
}

/** Number formats for the columns Retain just made, so the dates it writes show as dates. Existing columns keep the user's formats. */
function formatNewColumns(sheet: Sheet, fields: FieldSpec[], firstCol0: number): void {
  const formats: Array<{ col: number; format: string }> = [];
  fields.forEach((f, i) => {
    const format = COLUMN_FORMATS[f.key];
    if (format) formats.push({ col: firstCol0 + i + 1, format });
  });
  formatColumns_(sheet, formats);
}

const COLUMN_FORMATS: Record<string, string> = {
  nextFollowUp: 'yyyy-mm-dd',
  nextVisit: 'yyyy-mm-dd hh:mm',
  daysToDue: '0',
  // Text columns Retain writes: plain text, so nothing it writes is ever parsed as a number or formula.
  followUp: '@',
  retainNotes: '@',
  thankYouDraft: '@',
};

/** The missing columns, their headers in the sheet's header row (a title above it stays as it is). */
function addMissingColumns(sheet: Sheet, key: SheetKey, lang: Lang, map?: FieldMap): string[] {
  const spec = SHEETS[key];
  const { row, header, found } = findHeaderRow_(sheet, spec, map);
  const lastCol = header.length;
  const match = found.match;
  const parts = found.nameParts;
  const missing = spec.fields.filter((f) => match.columns[f.key] === undefined && !(f.key === 'name' && parts));
  const add = columnsToAdd(key, missing);
  if (add.length === 0) return [];
  const labels = add.map((f) => headerLabel(f, lang));
  // New columns go to the right of the user's last column: nothing of theirs moves.
  ensureColumns_(sheet, lastCol + add.length);
  writeHeader_(sheet, lastCol + 1, labels, row);
  formatNewColumns(sheet, add, lastCol);
  const name = sheetName_(sheet);
  return labels.map((l) => `${name}!${columnLetter(lastCol)}…: ${l}`.replace('…', ''));
}

function addMissingTemplates(sheet: Sheet, lang: Lang): number {
  const values = readGrid_(sheet, false).values;
  const match = matchHeaders(values[0] ?? [], SHEETS.templates);
  const have: string[] = [];
  const keyCol = match.columns.key;
  const langCol = match.columns.language;
  for (let i = 1; i < values.length; i++) {
    if (keyCol === undefined) break;
    const k = String(values[i][keyCol] ?? '')
      .trim()
      .toLowerCase();
    const l =
      langCol === undefined
        ? ''
        : String(values[i][langCol] ?? '')
            .trim()
            .toLowerCase()
            .slice(0, 2);
    have.push(`${k}|${l}`);
  }
  return writeDefaultTemplates(sheet, lang, have, match.columns, values[0]?.length ?? 0);
}

function writeDefaultTemplates(
  sheet: Sheet,
  lang: Lang,
  have: string[],
  columns?: Record<string, number>,
  width?: number,
): number {
  const spec = SHEETS.templates;
  const cols = columns ?? Object.fromEntries(spec.fields.map((f, i) => [f.key, i]));
  const w = Math.max(width ?? spec.fields.length, ...Object.values(cols).map((c) => c + 1));
  const rows: string[][] = [];
  // The user's language first, so their template is the one they see at the top.
  const ordered = DEFAULT_TEMPLATES.slice().sort((a, b) => (a.language === lang ? -1 : b.language === lang ? 1 : 0));
  for (const t of ordered) {
    if (have.includes(`${t.key}|${t.language}`)) continue;
    const row = new Array(w).fill('');
    row[cols.key] = t.key;
    if (cols.language !== undefined) row[cols.language] = t.language;
    row[cols.subject] = t.subject;
    row[cols.body] = t.body;
    rows.push(row);
  }
  if (rows.length === 0) return 0;
  // Plain text: a template body starting with '=' or '-' stays a template.
  setTextBlock_(sheet, Math.max(lastRow_(sheet), 1) + 1, 1, rows);
  return rows.length;
}

/** Red when overdue, yellow today or tomorrow, green later; added once, beside any rules of the user's. */
function addDaysToDueFormatting(sheet: Sheet, map?: FieldMap): void {
  const { header, found } = findHeaderRow_(sheet, SHEETS.customers, map);
  if (header.length === 0) return;
  const col = found.match.columns.daysToDue;
  if (col === undefined || columnHasRules_(sheet, col + 1)) return;
  addColumnRules_(sheet, col + 1, [
    { when: 'lessThan', values: [0], background: '#f4c7c3', fontColor: '#a50e0e' },
    { when: 'between', values: [0, 1], background: '#fce8b2' },
    { when: 'greaterThan', values: [1], background: '#b7e1cd' },
  ]);
}
