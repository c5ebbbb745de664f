/**
 * A fixed block of cells from A1, read (values and formulas) and written back
 * through the one Range: three calls for the read, one for the write
 * (docs/platform.md, Speed). What the dashboard sheet needs; its look is set
 * once, when Set up makes the sheet. Every call goes through the retry policy.
 */
import { retrySheets } from './retry';
import type { Sheet } from './spreadsheet';

export interface Block {
  range: GoogleAppsScript.Spreadsheet.Range;
  values: unknown[][];
  formulas: string[][];
}

export function readBlock_(sheet: Sheet, rows: number, cols: number): Block {
  const range = retrySheets(() => sheet.getRange(1, 1, rows, cols));
  const values = retrySheets(() => range.getValues()) as unknown[][];
  const formulas = retrySheets(() => range.getFormulas());
  return { range, values, formulas };
}

/** The whole block at once; writing the same values again is safe to retry. */
export function writeBlock_(block: Block, values: unknown[][]): void {
  retrySheets(() => block.range.setValues(values));
}

/** Bold titles and headers, a larger title, whole numbers for money (cells by A1 notation). */
export function styleBlock_(sheet: Sheet, style: { title: string; bold: string[]; money: string[] }): void {
  retrySheets(() => sheet.getRangeList(style.bold).setFontWeight('bold'));
  retrySheets(() => sheet.getRangeList(style.money).setNumberFormat('#,##0'));
  retrySheets(() => sheet.getRange(style.title).setFontSize(16).setFontWeight('bold'));
}
