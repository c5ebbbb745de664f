/**
 * What a custom function needs from the spreadsheet (docs/platform.md,
 * Custom functions): its language and its time zone. A custom function may
 * call read-only Spreadsheet methods and Utilities (the custom-function guide,
 * "Using Apps Script services").
 *
 * The language is the spreadsheet's locale, not the user's
 * (Session.getActiveUserLocale): a formula's value is stored in the sheet and
 * shown to everyone who opens it, so it must not depend on who happened to
 * make Sheets recalculate it. The zone is asked only when a date is read or
 * today is needed; date cells repeat (100,000 purchases fall on a few
 * thousand days), so each instant is converted once.
 */
import type { CellContext } from '../core/customArgs';
import type { CalDate } from '../core/dates';
import { langOfLocale } from '../core/i18n';
import { zoneClock, type ZoneClock } from './time';

export function cellContext_(): CellContext {
  const ss = SpreadsheetApp.getActive();
  let clock: ZoneClock | null = null;
  const zone = (): ZoneClock => {
    if (clock === null) clock = zoneClock(ss.getSpreadsheetTimeZone());
    return clock;
  };
  const seen = new Map<number, CalDate>();
  return {
    lang: langOfLocale(ss.getSpreadsheetLocale()),
    today: () => zone().today(),
    toCalDate: (d: Date) => {
      const t = d.getTime();
      let day = seen.get(t);
      if (day === undefined) {
        day = zone().toCalDate(d);
        seen.set(t, day);
      }
      return day;
    },
  };
}
