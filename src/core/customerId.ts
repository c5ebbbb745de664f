/**
 * The Customer ID as text, read one way everywhere (docs/data.md, Column
 * map): when the rows are parsed for the plan, when the run writes back and
 * matches rows by ID, when the sidebar finds the selected row. A number
 * typed in the ID column reads as Sheets shows it ('1001', not '1001.0'), a
 * date as its calendar day in the spreadsheet's zone (not an instant that
 * depends on the script's zone).
 */
import { cellText, type ToCalDate } from './cells';

export function customerIdText(v: unknown, toCalDate: ToCalDate): string {
  return cellText(v, toCalDate).trim();
}
