/**
 * Reading and writing sheets by header, in as few Spreadsheet calls as the
 * platform allows: a sheet is read with one getDataRange + getValues (and
 * getFormulas where Retain must know which cells hold formulas), and written
 * with one setValues per contiguous block of managed columns.
 */
import { findSheet, matchHeaders } from '../core/headers';
import type { RawTable } from '../core/rows';
import type { SheetKey, SheetSpec } from '../core/schema';
import { SHEETS } from '../core/schema';
import { retrySheets } from './retry';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetTable extends RawTable {
  sheet: Sheet;
}

/** Every sheet of the workbook by name: one getSheets and a getName each (a handful, whatever the rows). */
export function sheetsByName_(ss: Spreadsheet): Map<string, Sheet> {
  const out = new Map<string, Sheet>();
  for (const sheet of retrySheets(() => ss.getSheets()))
    out.set(
      retrySheets(() => sheet.getName()),
      sheet,
    );
  return out;
}

export function findSheet_(sheets: Map<string, Sheet>, spec: SheetSpec): Sheet | null {
  const name = findSheet(Array.from(sheets.keys()), spec);
  return name === null ? null : (sheets.get(name) as Sheet);
}

/** The whole sheet as a table. An empty sheet gives a table with an empty header row. */
const retried = retrySheets;

/** Values (and formulas) of the whole data range: two or three calls, whatever the size. */
export function readGrid_(sheet: Sheet, withFormulas: boolean): { values: unknown[][]; formulas: string[][] | null } {
  const range = retried(() => sheet.getDataRange());
  const values = retried(() => range.getValues()) as unknown[][];
  const formulas = withFormulas ? (retried(() => range.getFormulas()) as string[][]) : null;
  return { values, formulas };
}

export function readTable_(sheet: Sheet, sheetName: string, spec: SheetSpec, withFormulas: boolean): SheetTable {
  const { values, formulas } = readGrid_(sheet, withFormulas);
  const header = values[0] ?? [];
  return { sheet, sheetName, spec, values, formulas, match: matchHeaders(header, spec) };
}

export function readSheetByKey_(sheets: Map<string, Sheet>, key: SheetKey, withFormulas: boolean): SheetTable | null {
  const name = findSheet(Array.from(sheets.keys()), SHEETS[key]);
  return name === null ? null : readTable_(sheets.get(name) as Sheet, name, SHEETS[key], withFormulas);
}

/**
 * Text Sheets must keep as typed. setValues parses strings like a person
 * typing: '=1+1' becomes a formula, '001' a number, '2026-11-02' a date. A
 * leading apostrophe tells Sheets "this is text" and is not shown. Used for
 * every string Retain writes that came from a user or could look like data.
 */
export function protectText(s: string): string {
  if (s === '') return s;
  if (/^[=+\-@']/.test(s)) return "'" + s;
  if (/^[\s\d.,:/$¥€£%()]+$/.test(s) || /^\s*(true|false)\s*$/i.test(s)) return "'" + s;
  if (/^\d{1,4}[-/.年]\d{1,2}/.test(s)) return "'" + s;
  return s;
}

/** Column indexes (0-based) grouped into runs of neighbours: [3,4,5,9] → [[3,4,5],[9]]. */
export function contiguousRuns(cols: number[]): number[][] {
  const sorted = Array.from(new Set(cols)).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** A string that must stay text in the cell, whatever it looks like. */
export interface TextCell {
  text: string;
}

export function asText(text: string): TextCell {
  return { text };
}

function isTextCell(v: unknown): v is TextCell {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Date) &&
    typeof (v as TextCell).text === 'string' &&
    Object.keys(v as object).length === 1
  );
}

/**
 * The value to hand to setValues. A TextCell in a cell formatted as plain
 * text ('@') is written as it is (Sheets keeps text there, apostrophe and
 * all); elsewhere it is protected with a leading apostrophe. Anything else
 * is written as given: 'YYYY-MM-DD' strings on purpose become dates.
 */
export function cellValue(v: unknown, numberFormat: string): unknown {
  if (isTextCell(v)) return numberFormat === '@' ? v.text : protectText(v.text);
  return v;
}

/**
 * Writes `cell(row, col)` for rows 2..lastRow in each run of columns: one
 * getRange, one getNumberFormats (to know which cells are plain text) and one
 * setValues per run (managed columns sit side by side after Set up, so
 * normally one run). `cell` returns the value for a 0-based data row index.
 */
export function writeColumns_(
  sheet: Sheet,
  cols: number[],
  rowCount: number,
  cell: (rowIndex: number, col: number) => unknown,
): number {
  if (rowCount <= 0) return 0;
  let runs = 0;
  for (const run of contiguousRuns(cols)) {
    const range = retried(() => sheet.getRange(2, run[0] + 1, rowCount, run.length));
    const formats = retried(() => range.getNumberFormats()) as string[][];
    const block: unknown[][] = new Array(rowCount);
    for (let i = 0; i < rowCount; i++) {
      const line = new Array(run.length);
      for (let j = 0; j < run.length; j++) line[j] = cellValue(cell(i, run[j]), formats[i]?.[j] ?? '');
      block[i] = line;
    }
    retried(() => range.setValues(block));
    runs++;
  }
  return runs;
}

/** A managed column that holds a formula anywhere below the header is the user's: read it, never write it. */
export function columnHasFormula(formulas: string[][] | null, col: number): boolean {
  if (!formulas) return false;
  for (let i = 1; i < formulas.length; i++) if (formulas[i][col]) return true;
  return false;
}
