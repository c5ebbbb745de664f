/**
 * What the user sees of Retain inside Sheets (docs/platform.md, Sidebar and
 * web app): the Retain menu, the sidebar, a dialog, an alert, a toast. The
 * pages come from HtmlService: the sidebar from its built file (never a
 * template: nothing in the bundle is run as a scriptlet), a dialog from HTML
 * the caller has escaped.
 */
import { retrySheets, retryService } from './retry';
import type { Spreadsheet } from './spreadsheet';

function ui(): GoogleAppsScript.Base.Ui {
  return retrySheets(() => SpreadsheetApp.getUi());
}

/**
 * The menu; null entries are separators. A bound script gets a top-level
 * menu titled `title`; a published add-on must use the add-on menu under
 * Extensions, which Sheets titles with the add-on's name (in a bound script
 * it would carry the project's name, "Untitled project" until renamed:
 * docs/platform.md, Entry points and the bundle).
 */
export function menu_(
  title: string,
  addOn: boolean,
  items: ReadonlyArray<{ caption: string; fn: string } | null>,
): void {
  const menu = retrySheets(() => (addOn ? ui().createAddonMenu() : ui().createMenu(title)));
  for (const item of items) {
    if (item === null) retrySheets(() => menu.addSeparator());
    else retrySheets(() => menu.addItem(item.caption, item.fn));
  }
  retrySheets(() => menu.addToUi());
}

/** Opens the sidebar page `file` (dist/<file>.html) with this title. */
export function showSidebar_(file: string, title: string): void {
  const html = retryService('Html', () => HtmlService.createHtmlOutputFromFile(file).setTitle(title));
  retrySheets(() => ui().showSidebar(html));
}

/** A modal dialog of escaped HTML. */
export function showDialog_(html: string, title: string, width: number, height: number): void {
  const out = retryService('Html', () => HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height));
  retrySheets(() => ui().showModalDialog(out, title));
}

/** An alert with an OK button; waits for the user. */
export function alert_(title: string, message: string): void {
  const u = ui();
  retrySheets(() => u.alert(title, message, u.ButtonSet.OK));
}

/** A small note at the bottom right, for `seconds`. */
export function toast_(ss: Spreadsheet, message: string, title: string, seconds: number): void {
  retrySheets(() => ss.toast(message, title, seconds));
}
