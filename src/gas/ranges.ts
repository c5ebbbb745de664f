/**
 * Cells and the shape of a sheet: a block or a cell written, the last row and
 * column, columns added at the right, the header made bold and frozen,
 * number formats, conditional colours. What Set up, the contact log and the
 * run log need beyond whole-table reads and writes (sheets.ts). Every call
 * goes through the retry policy; the few that are not safe to repeat blindly
 * (append a row, insert columns) look first whether the lost call did its work.
 */
import { retrySheets, withRetry } from './retry';
import type { Sheet } from './spreadsheet';

export function lastRow_(sheet: Sheet): number {
  return retrySheets(() => sheet.getLastRow());
}

export function maxRows_(sheet: Sheet): number {
  return retrySheets(() => sheet.getMaxRows());
}

/** Writes a block at (row, col), 1-based. */
export function setValues_(sheet: Sheet, row: number, col: number, values: unknown[][]): void {
  if (values.length === 0) return;
  retrySheets(() => sheet.getRange(row, col, values.length, values[0].length).setValues(values));
}

export function setValue_(sheet: Sheet, row: number, col: number, value: unknown): void {
  retrySheets(() => sheet.getRange(row, col).setValue(value));
}

/** A block of text at (row, col): the cells formatted as plain text first, so nothing in it is parsed as a formula or a number. */
export function setTextBlock_(sheet: Sheet, row: number, col: number, values: string[][]): void {
  if (values.length === 0) return;
  const range = retrySheets(() => sheet.getRange(row, col, values.length, values[0].length));
  retrySheets(() => range.setNumberFormat('@'));
  retrySheets(() => range.setValues(values));
}

/** Header labels in row `row` (1 unless the sheet's header row is lower) from column `col`, bold. */
export function writeHeader_(sheet: Sheet, col: number, labels: string[], row = 1): void {
  const range = retrySheets(() => sheet.getRange(row, col, 1, labels.length));
  retrySheets(() => range.setValues([labels]));
  retrySheets(() => range.setFontWeight('bold'));
}

export function freezeHeader_(sheet: Sheet): void {
  retrySheets(() => sheet.setFrozenRows(1));
}

/** Makes the sheet at least `columns` wide, adding columns after the last one (no cell of the user's moves). */
export function ensureColumns_(sheet: Sheet, columns: number): void {
  const max = retrySheets(() => sheet.getMaxColumns());
  if (max >= columns) return;
  withRetry(
    () => {
      sheet.insertColumnsAfter(Math.max(max, 1), columns - max);
      return true;
    },
    { service: 'Spreadsheet', recover: () => (sheet.getMaxColumns() >= columns ? true : null) },
  );
}

/**
 * Appends one row after the last. After a lost answer, a sheet longer than
 * before means the append was done (the writers of Retain's own sheets hold
 * the document lock). `before`: the last row, when the caller just read it.
 */
export function appendRow_(sheet: Sheet, row: unknown[], before = lastRow_(sheet)): void {
  withRetry(
    () => {
      sheet.appendRow(row);
      return true;
    },
    { service: 'Spreadsheet', recover: () => (sheet.getLastRow() > before ? true : null) },
  );
}

/** Number formats for whole columns below the header (1-based columns), e.g. 'yyyy-mm-dd' or '@'. */
export function formatColumns_(sheet: Sheet, formats: Array<{ col: number; format: string }>): void {
  if (formats.length === 0) return;
  const rows = Math.max(maxRows_(sheet) - 1, 1);
  for (const f of formats) retrySheets(() => sheet.getRange(2, f.col, rows, 1).setNumberFormat(f.format));
}

/** A conditional colour on a number column. */
export interface NumberRule {
  when: 'lessThan' | 'between' | 'greaterThan';
  values: number[];
  background: string;
  fontColor?: string;
}

/** Whether any conditional format rule of the sheet already covers column `col` (1-based). */
export function columnHasRules_(sheet: Sheet, col: number): boolean {
  const rules = retrySheets(() => sheet.getConditionalFormatRules());
  return rules.some((r) =>
    retrySheets(() => r.getRanges()).some(
      (rg) => retrySheets(() => rg.getColumn()) <= col && retrySheets(() => rg.getLastColumn()) >= col,
    ),
  );
}

/** Adds the rules on column `col` (1-based, rows 2 to the end), beside the rules the sheet has. */
export function addColumnRules_(sheet: Sheet, col: number, rules: NumberRule[]): void {
  const existing = retrySheets(() => sheet.getConditionalFormatRules());
  const range = retrySheets(() => sheet.getRange(2, col, Math.max(maxRows_(sheet) - 1, 1), 1));
  const built = rules.map((r) =>
    retrySheets(() => {
      let b = SpreadsheetApp.newConditionalFormatRule();
      if (r.when === 'lessThan') b = b.whenNumberLessThan(r.values[0]);
      else if (r.when === 'between') b = b.whenNumberBetween(r.values[0], r.values[1]);
      else b = b.whenNumberGreaterThan(r.values[0]);
      b = b.setBackground(r.background);
      if (r.fontColor) b = b.setFontColor(r.fontColor);
      return b.setRanges([range]).build();
    }),
  );
  retrySheets(() => sheet.setConditionalFormatRules(existing.concat(built)));
}
