/**
 * Set up sheets (docs/data.md, Column map): creates the sheets and managed
 * columns that are missing, fills blank Customer IDs and writes the default
 * templates.
 * It only ever adds: no user column, row or value is moved, renamed or
 * deleted, and running it twice changes nothing the second time.
 */
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
  setValues_,
  writeHeader_,
} from '../gas/ranges';
import { findSheet_, headerRow_, readGrid_, sheetsByName_ } from '../gas/sheets';
import { insertSheet_, sheetName_, type Sheet, type Spreadsheet } from '../gas/spreadsheet';
import { setupDashboard_ } from './dashboard';

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
    result.columnsAdded.push(...addMissingColumns(sheet, key, lang));
    if (key === 'customers') result.idsFilled = fillCustomerIds(sheet);
    if (key === 'templates') result.templatesAdded += addMissingTemplates(sheet, lang);
  }
  addDaysToDueFormatting(findSheet_(sheets, SHEETS.customers) as Sheet);
  const dashboardNote = setupDashboard_(ss, lang, sheets, result.sheetsCreated);
  result.message = tr(lang, DONE, {
    sheets: result.sheetsCreated.length,
    columns: result.columnsAdded.length,
    ids: result.idsFilled,
    templates: result.templatesAdded,
  });
  result.message += dashboardNote;
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

function addMissingColumns(sheet: Sheet, key: SheetKey, lang: Lang): string[] {
  const spec = SHEETS[key];
  const header = headerRow_(sheet);
  const lastCol = header.length;
  const match = matchHeaders(header, spec);
  const missing = spec.fields.filter((f) => match.columns[f.key] === undefined);
  const add = columnsToAdd(key, missing);
  if (add.length === 0) return [];
  const labels = add.map((f) => headerLabel(f, lang));
  // New columns go to the right of the user's last column: nothing of theirs moves.
  ensureColumns_(sheet, lastCol + add.length);
  writeHeader_(sheet, lastCol + 1, labels);
  formatNewColumns(sheet, add, lastCol);
  const name = sheetName_(sheet);
  return labels.map((l) => `${name}!${columnLetter(lastCol)}…: ${l}`.replace('…', ''));
}

/** C0001, C0002 …: continues after the highest ID of that shape, so existing IDs never clash. */
function fillCustomerIds(sheet: Sheet): number {
  const values = readGrid_(sheet, false).values;
  const match = matchHeaders(values[0] ?? [], SHEETS.customers);
  const idCol = match.columns.id;
  if (idCol === undefined || values.length < 2) return 0;
  let max = 0;
  for (let i = 1; i < values.length; i++) {
    const m = /^C(\d+)$/i.exec(String(values[i][idCol]).trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  // Only rows that hold something: a blank line between data stays blank.
  const blanks: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    const id = String(row[idCol] ?? '').trim();
    if (id === '' && row.some((v, c) => c !== idCol && String(v ?? '').trim() !== '')) blanks.push(i);
  }
  // Contiguous blank IDs are written together; each run is one call.
  let k = 0;
  while (k < blanks.length) {
    let end = k;
    while (end + 1 < blanks.length && blanks[end + 1] === blanks[end] + 1) end++;
    const block: string[][] = [];
    for (let j = k; j <= end; j++) block.push(['C' + String(++max).padStart(4, '0')]);
    setValues_(sheet, blanks[k] + 1, idCol + 1, block);
    k = end + 1;
  }
  return blanks.length;
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
function addDaysToDueFormatting(sheet: Sheet): void {
  const header = headerRow_(sheet);
  if (header.length === 0) return;
  const col = matchHeaders(header, SHEETS.customers).columns.daysToDue;
  if (col === undefined || columnHasRules_(sheet, col + 1)) return;
  addColumnRules_(sheet, col + 1, [
    { when: 'lessThan', values: [0], background: '#f4c7c3', fontColor: '#a50e0e' },
    { when: 'between', values: [0, 1], background: '#fce8b2' },
    { when: 'greaterThan', values: [1], background: '#b7e1cd' },
  ]);
}
