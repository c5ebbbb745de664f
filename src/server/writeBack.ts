/**
 * Writing the plan's managed values back (docs/architecture.md, A nightly
 * run: the write step).
 *
 * The run may take minutes; meanwhile the user can sort, insert or delete
 * rows and even move columns. So the sheet is read again under the lock just
 * before writing, headers are matched again, and each row gets the values of
 * the customer whose ID it holds now. Rows Retain has nothing for keep what
 * their managed cells hold; columns holding a formula are never written; user
 * columns are never part of a write.
 */
import { cellText, type ToCalDate } from '../core/cells';
import type { FieldMap } from '../core/columnMap';
import { customerIdText } from '../core/customerId';
import type { HeaderMatch } from '../core/headers';
import { locateTable } from '../core/headerRow';
import { tr, type Msg } from '../core/i18n';
import type { ManagedValues } from '../core/plan';
import type { Lang } from '../core/model';
import { fieldOf, headerLabel, SHEETS } from '../core/schema';
import { asText, capNotes, columnHasFormula } from '../core/textCells';
import { ensureColumns_, setValue_ } from '../gas/ranges';
import { readGrid_, writeColumns_, type FailedRow } from '../gas/sheets';
import type { Sheet } from '../gas/spreadsheet';

const MORE_PROBLEMS: Msg = {
  en: '... and {n} more problems: see Retain log',
  zh: '……另有 {n} 个问题：见 Retain 运行记录',
};

/** How cells are read and written: dates in the spreadsheet's zone (the Customer ID as the plan read it), texts in the user's language. */
export interface WriteOptions {
  toCalDate: ToCalDate;
  lang: Lang;
  /** The column map (docs/data.md, Column map). */
  map?: FieldMap;
}

/** What Retain has for one customer row: the plan's values plus what the actions recorded. */
export interface RowValues extends ManagedValues {
  thankYouDraft?: string;
  nextVisit?: string;
}

/** `Retain notes` within MAX_NOTES characters (core/textCells.ts, capNotes). */
export function notesCell(notes: string, lang: Lang): { text: string; left: number } {
  return capNotes(notes, (n) => tr(lang, MORE_PROBLEMS, { n }));
}

function cellFor(key: string, v: RowValues, lang: Lang): unknown {
  switch (key) {
    case 'tier':
      return v.tier;
    case 'nextFollowUp':
      // 'YYYY-MM-DD' typed into a cell is a date in the spreadsheet's own zone: no offset arithmetic here.
      return v.nextFollowUp;
    case 'followUp':
      return asText(v.followUp);
    case 'daysToDue':
      return v.daysToDue;
    case 'retainNotes':
      return asText(notesCell(v.notes, lang).text);
    case 'thankYouDraft':
      return v.thankYouDraft === undefined ? undefined : asText(v.thankYouDraft);
    case 'nextVisit':
      return v.nextVisit;
    default:
      return undefined;
  }
}

/** A value read from the sheet, written back unchanged: strings stay strings. */
function keep(v: unknown): unknown {
  return typeof v === 'string' ? asText(v) : v;
}

/** The sheet as it is now, under the lock, just before writing. */
function reread(sheet: Sheet): { values: unknown[][]; formulas: string[][] } {
  const g = readGrid_(sheet, true);
  return { values: g.values, formulas: g.formulas as string[][] };
}

export interface WriteResult {
  rowsWritten: number;
  /** Customer IDs whose row was written. */
  written: Set<string>;
  /** Field keys of the managed columns that were written (absent or formula columns are not). */
  columns: Set<string>;
  /** IDs in `values` that were not found in the sheet any more (the row was deleted meanwhile). */
  missing: string[];
  formulaColumns: string[];
  /** Sheet rows the write could not take, even alone, and why. */
  failedRows: Array<{ row: number; error: string }>;
}

function sheetRows(failed: FailedRow[], firstRow: number): Array<{ row: number; error: string }> {
  return failed.map((f) => ({ row: f.row + firstRow, error: f.error }));
}

/**
 * Writes `values` (by Customer ID) into the managed columns of Customers,
 * below its header row (docs/data.md, Headers: rows above it are a title,
 * never written), its columns found with the column map `map`. Rows whose ID
 * appears several times get the entries in order of the plan (their notes
 * say so).
 */
export function writeCustomers_(sheet: Sheet, values: Map<string, RowValues[]>, opts: WriteOptions): WriteResult {
  const { values: current, formulas } = reread(sheet);
  const found = locateTable(current, SHEETS.customers, opts.map);
  const top = found.row;
  const match = found.match;
  const idCol = match.columns.id;
  const result: WriteResult = {
    rowsWritten: 0,
    written: new Set(),
    columns: new Set(),
    missing: [],
    formulaColumns: [],
    failedRows: [],
  };
  if (idCol === undefined || current.length < top + 2) {
    result.missing = Array.from(values.keys());
    return result;
  }
  const managed = SHEETS.customers.fields.filter((f) => f.managed && match.columns[f.key] !== undefined);
  const writable: number[] = [];
  const keyOfCol = new Map<number, string>();
  for (const f of managed) {
    const col = match.columns[f.key];
    if (columnHasFormula(formulas.slice(top), col)) {
      result.formulaColumns.push(String(current[top][col]));
      continue;
    }
    writable.push(col);
    keyOfCol.set(col, f.key);
    result.columns.add(f.key);
  }
  // Row → the values it gets now, matched by the ID it holds now.
  const used = new Map<string, number>();
  const rowValues: Array<RowValues | null> = new Array(current.length - top - 1).fill(null);
  for (let i = top + 1; i < current.length; i++) {
    const id = customerIdText(current[i][idCol], opts.toCalDate);
    const list = id ? values.get(id) : undefined;
    if (!list) continue;
    const n = used.get(id) ?? 0;
    used.set(id, n + 1);
    rowValues[i - top - 1] = list[Math.min(n, list.length - 1)];
    result.written.add(id);
  }
  for (const id of values.keys()) if (!used.has(id)) result.missing.push(id);
  if (writable.length === 0) return result;
  const below = top + 1;
  const failed = writeColumns_(
    sheet,
    writable,
    current.length - below,
    (r, col) => {
      const v = rowValues[r];
      if (v) {
        const out = cellFor(keyOfCol.get(col) as string, v, opts.lang);
        if (out !== undefined) return out;
      }
      return keep(current[r + below][col]);
    },
    below + 1,
  );
  result.failedRows = sheetRows(failed, below + 1);
  for (const f of failed) {
    const id = customerIdText(current[f.row + below][idCol], opts.toCalDate);
    if (id) result.written.delete(id);
  }
  result.rowsWritten = rowValues.filter(Boolean).length - failed.length;
  return result;
}

/**
 * Adds a Retain column at the right of the sheet's last column (as Set up
 * would: no user cell moves), its header in the header row `top` (0-based),
 * and returns its index; `current` gets the header.
 */
function addColumn(sheet: Sheet, current: unknown[][], top: number, header: string): number {
  const col = current[top].length;
  ensureColumns_(sheet, col + 1);
  setValue_(sheet, top + 1, col + 1, header);
  for (const row of current) row[col] = '';
  current[top][col] = header;
  return col;
}

/**
 * Writes `Thank-you draft` cells of Purchases by purchase key (see
 * purchaseRowKeys in core), after the same re-read, below the header row.
 * `keysOf` gives each row's key (the whole grid, its header row and match).
 * Returns the keys the sheet now records: written now, or recorded before.
 */
export function writePurchaseDrafts_(
  sheet: Sheet,
  byKey: Map<string, string>,
  keysOf: (rows: unknown[][], headerRow: number, match: HeaderMatch) => Array<string | null>,
  lang: Lang,
  map?: FieldMap,
): { recorded: Set<string>; failedRows: Array<{ row: number; error: string }> } {
  const recorded = new Set<string>();
  const none = { recorded, failedRows: [] };
  if (byKey.size === 0) return none;
  const { values: current, formulas } = reread(sheet);
  const found = locateTable(current, SHEETS.purchases, map);
  const top = found.row;
  let col = found.match.columns.thankYouDraft;
  if (current.length < top + 2) return none;
  if (col === undefined)
    col = addColumn(sheet, current, top, headerLabel(fieldOf(SHEETS.purchases, 'thankYouDraft'), lang));
  if (columnHasFormula(formulas.slice(top), col)) return none;
  const keys = keysOf(current, top, found.match);
  const below = top + 1;
  const failed = writeColumns_(
    sheet,
    [col],
    current.length - below,
    (r) => {
      const key = keys[r + below];
      const text = key ? byKey.get(key) : undefined;
      if (key && text !== undefined) recorded.add(key);
      if (text !== undefined && cellText(current[r + below][col]).trim() === '') return asText(text);
      return keep(current[r + below][col]);
    },
    below + 1,
  );
  for (const f of failed) {
    const key = keys[f.row + below];
    if (key) recorded.delete(key);
  }
  return { recorded, failedRows: sheetRows(failed, below + 1) };
}
