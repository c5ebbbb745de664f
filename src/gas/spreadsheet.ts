/**
 * The spreadsheet itself: which one (the active one, or by ID for a
 * trigger), what it says of itself (ID, URL, zone, locale, the user's
 * selection), and the workbook-level calls (new sheet, flush). Every call
 * goes through the retry policy; the types are named here so no other layer
 * names GoogleAppsScript.
 */
import { retrySheets, withRetry } from './retry';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The spreadsheet the user has open; null in a trigger without one. */
export function activeSpreadsheet_(): Spreadsheet | null {
  return retrySheets(() => SpreadsheetApp.getActiveSpreadsheet());
}

export function openSpreadsheet_(id: string): Spreadsheet {
  return retrySheets(() => SpreadsheetApp.openById(id));
}

/** Applies every pending change now: before the lock is released, so the next writer sees them. */
export function flush_(): void {
  retrySheets(() => SpreadsheetApp.flush());
}

export function spreadsheetId_(ss: Spreadsheet): string {
  return retrySheets(() => ss.getId());
}

export function spreadsheetUrl_(ss: Spreadsheet): string {
  return retrySheets(() => ss.getUrl());
}

/** The spreadsheet's time zone: the zone every date in it is read in (docs/platform.md, Locks, properties and time zones). */
export function timeZone_(ss: Spreadsheet): string {
  return retrySheets(() => ss.getSpreadsheetTimeZone());
}

export function spreadsheetLocale_(ss: Spreadsheet): string {
  return retrySheets(() => ss.getSpreadsheetLocale());
}

export function sheetName_(sheet: Sheet): string {
  return retrySheets(() => sheet.getName());
}

export function sheetId_(sheet: Sheet): number {
  return retrySheets(() => sheet.getSheetId());
}

/** A new sheet at the end. After a lost answer the sheet may exist already: then it is the one made. */
export function insertSheet_(ss: Spreadsheet, name: string): Sheet {
  return withRetry(() => ss.insertSheet(name), {
    service: 'Spreadsheet',
    recover: () => ss.getSheetByName(name),
  });
}

/** The user's selection on one sheet: the active cell's row, and every selected block of rows. */
export interface Selection {
  activeRow: number | null;
  ranges: Array<{ row: number; rows: number }>;
}

/** null when the active sheet is not `sheetName` (then nothing else is asked). */
export function selectionOn_(ss: Spreadsheet, sheetName: string): Selection | null {
  const sheet = retrySheets(() => ss.getActiveSheet());
  if (sheetName_(sheet) !== sheetName) return null;
  const active = retrySheets(() => ss.getActiveRange());
  const activeRow = active ? retrySheets(() => active.getRow()) : null;
  const list = retrySheets(() => ss.getActiveRangeList());
  const ranges = (list ? retrySheets(() => list.getRanges()) : []).map((r) => ({
    row: retrySheets(() => r.getRow()),
    rows: retrySheets(() => r.getNumRows()),
  }));
  return { activeRow, ranges };
}

/** Selects row `row` (columns 1..width) of the sheet, which becomes the active sheet. */
export function selectRow_(sheet: Sheet, row: number, width: number): void {
  retrySheets(() => sheet.getRange(row, 1, 1, Math.max(width, 1)).activate());
}
