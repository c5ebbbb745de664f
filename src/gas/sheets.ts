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

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetTable extends RawTable {
  sheet: Sheet;
}

/** Every sheet of the workbook by name: one getSheets and a getName each (a handful, whatever the rows). */
export function sheetsByName_(ss: Spreadsheet): Map<string, Sheet> {
  const out = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) out.set(sheet.getName(), sheet);
  return out;
}

export function findSheet_(sheets: Map<string, Sheet>, spec: SheetSpec): Sheet | null {
  const name = findSheet(Array.from(sheets.keys()), spec);
  return name === null ? null : (sheets.get(name) as Sheet);
}

/** The whole sheet as a table. An empty sheet gives a table with an empty header row. */
export function readTable_(sheet: Sheet, spec: SheetSpec, withFormulas: boolean): SheetTable {
  const range = sheet.getDataRange();
  const values = range.getValues() as unknown[][];
  const formulas = withFormulas ? (range.getFormulas() as string[][]) : null;
  const header = values[0] ?? [];
  return { sheet, sheetName: sheet.getName(), spec, values, formulas, match: matchHeaders(header, spec) };
}

export function readSheetByKey_(sheets: Map<string, Sheet>, key: SheetKey, withFormulas: boolean): SheetTable | null {
  const sheet = findSheet_(sheets, SHEETS[key]);
  return sheet ? readTable_(sheet, SHEETS[key], withFormulas) : null;
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

/**
 * Writes `cell(row, col)` for rows 2..lastRow in each run of columns: one
 * getRange + setValues per run (managed columns sit side by side after Set up,
 * so normally one). `cell` returns the value for a 0-based data row index.
 */
export function writeColumns_(sheet: Sheet, cols: number[], rowCount: number, cell: (rowIndex: number, col: number) => unknown): number {
  if (rowCount <= 0) return 0;
  let calls = 0;
  for (const run of contiguousRuns(cols)) {
    const block: unknown[][] = new Array(rowCount);
    for (let i = 0; i < rowCount; i++) {
      const line = new Array(run.length);
      for (let j = 0; j < run.length; j++) line[j] = cell(i, run[j]);
      block[i] = line;
    }
    sheet.getRange(2, run[0] + 1, rowCount, run.length).setValues(block);
    calls++;
  }
  return calls;
}

/** A managed column that holds a formula anywhere below the header is the user's: read it, never write it. */
export function columnHasFormula(formulas: string[][] | null, col: number): boolean {
  if (!formulas) return false;
  for (let i = 1; i < formulas.length; i++) if (formulas[i][col]) return true;
  return false;
}
