/**
 * Reading and writing sheets by header, in as few Spreadsheet calls as the
 * platform allows (docs/platform.md, Speed): a sheet is read with one
 * getDataRange + getValues (and getFormulas where Retain must know which
 * cells hold formulas), and written with one setValues per contiguous block
 * of managed columns. Every call goes through the retry policy; what a value
 * becomes in the cell is core/textCells.ts's decision.
 */
import type { FieldMap } from '../core/columnMap';
import { findSheet, matchHeaders } from '../core/headers';
import { HEADER_ROW_SCAN, locateTable, type HeaderRowFound } from '../core/headerRow';
import type { RawTable } from '../core/rows';
import type { SheetKey, SheetSpec } from '../core/schema';
import { SHEETS } from '../core/schema';
import { cellValue, contiguousRuns } from '../core/textCells';
import { classifyError, errorMessage, retrySheets, stopsKind } from './retry';
import type { Sheet, Spreadsheet } from './spreadsheet';

export interface SheetTable extends RawTable {
  sheet: Sheet;
  /** 0-based row of the headers in `values` (rows above it are a title: never read, never written). */
  headerRow: number;
  /** Fields of the column map whose header is not in the header row (reported, not guessed). */
  unmapped: string[];
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

/** Values (and formulas) of the whole data range: two or three calls, whatever the size. */
export function readGrid_(sheet: Sheet, withFormulas: boolean): { values: unknown[][]; formulas: string[][] | null } {
  const range = retrySheets(() => sheet.getDataRange());
  const values = retrySheets(() => range.getValues()) as unknown[][];
  const formulas = withFormulas ? (retrySheets(() => range.getFormulas()) as string[][]) : null;
  return { values, formulas };
}

/** The whole sheet as a table, its header row found and matched against the spec (and the column map). */
export function readTable_(
  sheet: Sheet,
  sheetName: string,
  spec: SheetSpec,
  withFormulas: boolean,
  map?: FieldMap,
): SheetTable {
  const { values, formulas } = readGrid_(sheet, withFormulas);
  const found = locateTable(values, spec, map);
  return {
    sheet,
    sheetName,
    spec,
    values,
    formulas,
    match: found.match,
    headerRow: found.row,
    nameParts: found.nameParts,
    unmapped: found.unmapped ?? [],
  };
}

export function readSheetByKey_(
  sheets: Map<string, Sheet>,
  key: SheetKey,
  withFormulas: boolean,
  map?: FieldMap,
): SheetTable | null {
  const name = findSheet(Array.from(sheets.keys()), SHEETS[key]);
  return name === null ? null : readTable_(sheets.get(name) as Sheet, name, SHEETS[key], withFormulas, map);
}

/** Row 1 as far as the sheet's last column; [] for a sheet without columns. */
export function headerRow_(sheet: Sheet): unknown[] {
  const lastCol = retrySheets(() => sheet.getLastColumn());
  if (lastCol === 0) return [];
  return retrySheets(() => sheet.getRange(1, 1, 1, lastCol).getValues()[0]) as unknown[];
}

/** A row a write could not take, even alone (0-based data row index), and why. */
export interface FailedRow {
  row: number;
  error: string;
}

/**
 * setValues of `block` at data row `first` (0-based) of the run's columns.
 * When the batch fails for a reason that is not the service being down (one
 * cell Sheets refuses, an error it does not explain), the block is written
 * in halves, down to single rows, so a bad row costs only itself
 * (docs/platform.md, Limits and errors); a quota, a dead service or the kill
 * is thrown as it is.
 */
function writeBlock(
  sheet: Sheet,
  cols: number[],
  first: number,
  block: unknown[][],
  failed: FailedRow[],
  firstRow: number,
  range?: GoogleAppsScript.Spreadsheet.Range,
): void {
  try {
    const target = range ?? retrySheets(() => sheet.getRange(firstRow + first, cols[0] + 1, block.length, cols.length));
    retrySheets(() => target.setValues(block));
  } catch (e) {
    if (stopsKind(e) || classifyError(e) === 'killed') throw e;
    if (block.length === 1) {
      failed.push({ row: first, error: errorMessage(e) });
      return;
    }
    const half = Math.ceil(block.length / 2);
    writeBlock(sheet, cols, first, block.slice(0, half), failed, firstRow);
    writeBlock(sheet, cols, first + half, block.slice(half), failed, firstRow);
  }
}

/**
 * The header row of a user's sheet (one read of its first ten rows): its
 * 1-based row, its cells as far as the last column, and its match. Row 1
 * when none qualifies, and for a sheet without columns.
 */
export function findHeaderRow_(
  sheet: Sheet,
  spec: SheetSpec,
  map?: FieldMap,
): { row: number; header: unknown[]; found: HeaderRowFound } {
  const lastCol = retrySheets(() => sheet.getLastColumn());
  const lastRow = retrySheets(() => sheet.getLastRow());
  if (lastCol === 0 || lastRow === 0)
    return { row: 1, header: [], found: { row: 0, match: matchHeaders([], spec), nameParts: null } };
  const rows = Math.min(lastRow, HEADER_ROW_SCAN);
  const top = retrySheets(() => sheet.getRange(1, 1, rows, lastCol).getValues()) as unknown[][];
  const found = locateTable(top, spec, map);
  return { row: found.row + 1, header: top[found.row] ?? [], found };
}

/**
 * Writes `cell(row, col)` for rows firstRow..firstRow+rowCount-1 (firstRow:
 * the row under the header row, 2 by default) in each run of columns: one
 * getRange, one getNumberFormats (to know which cells are plain text) and one
 * setValues per run (managed columns sit side by side after Set up, so
 * normally one run). `cell` returns the value for a 0-based data row index.
 * Returns the rows that could not be written.
 */
export function writeColumns_(
  sheet: Sheet,
  cols: number[],
  rowCount: number,
  cell: (rowIndex: number, col: number) => unknown,
  firstRow = 2,
): FailedRow[] {
  const failed: FailedRow[] = [];
  if (rowCount <= 0) return failed;
  for (const run of contiguousRuns(cols)) {
    const range = retrySheets(() => sheet.getRange(firstRow, run[0] + 1, rowCount, run.length));
    const formats = retrySheets(() => range.getNumberFormats()) as string[][];
    const block: unknown[][] = new Array(rowCount);
    for (let i = 0; i < rowCount; i++) {
      const line = new Array(run.length);
      for (let j = 0; j < run.length; j++) line[j] = cellValue(cell(i, run[j]), formats[i]?.[j] ?? '');
      block[i] = line;
    }
    writeBlock(sheet, run, 0, block, failed, firstRow, range);
  }
  return failed;
}

/** Writes whole rows from row `startRow`, column 1, each value as cellValue makes it for the cell's format. */
export function writeRows_(sheet: Sheet, startRow: number, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const width = rows[0].length;
  const range = retrySheets(() => sheet.getRange(startRow, 1, rows.length, width));
  const formats = retrySheets(() => range.getNumberFormats()) as string[][];
  const block = rows.map((row, i) => row.map((v, j) => cellValue(v, formats[i]?.[j] ?? '')));
  retrySheets(() => range.setValues(block));
}
