/**
 * Which spreadsheet an execution works on: the one the user has open (menu,
 * sidebar), or, for a trigger, the one stored when the trigger was made (a
 * time trigger may run without an active spreadsheet: docs/platform.md,
 * Triggers).
 */
import { activeSpreadsheet_, openSpreadsheet_, type Spreadsheet } from '../gas/spreadsheet';
import { spreadsheetIdForTrigger_ } from './schedule';

export function openSpreadsheetOrThrow_(): Spreadsheet {
  const ss = activeSpreadsheet_();
  if (!ss) throw new Error('Retain needs an open spreadsheet.');
  return ss;
}

export function triggerSpreadsheet_(e: { triggerUid?: string } | undefined): Spreadsheet {
  const id = spreadsheetIdForTrigger_(e);
  if (id) return openSpreadsheet_(id);
  return openSpreadsheetOrThrow_();
}
