/**
 * The emulated workbook, read back after the demo's nightly run into the
 * core's model, the way the bundle reads it (src/server/workbook.ts): header
 * row matched by name, every row parsed by src/core/rows.ts, dates in the
 * spreadsheet's zone; and the `Retain dashboard` sheet the bundle wrote, read
 * back by its layout (src/core/dashboardLayout.ts).
 */
import type { Dashboard, RunLogRow } from '../../src/core/dashboard';
import { runLogRows } from '../../src/core/dashboardInput';
import { dashboardFromBlock, dashboardSheetName } from '../../src/core/dashboardLayout';
import { matchHeaders, findSheet } from '../../src/core/headers';
import type { CalDate } from '../../src/core/dates';
import type { Contact, Customer, Holiday, Lang, Purchase } from '../../src/core/model';
import { parseContacts, parseCustomers, parseHolidays, parsePurchases, type RawTable } from '../../src/core/rows';
import { SHEETS, type SheetKey } from '../../src/core/schema';
import { settingsFromProperties } from '../../src/core/settings';
import type { Settings } from '../../src/core/model';
import { wallTime, type Emulator } from '../emulator';

export interface ReadBack {
  customers: Customer[];
  purchases: Purchase[] | null;
  contacts: Contact[];
  holidays: Holiday[];
  settings: Settings;
  /** `Retain log` rows as the bundle reads them (src/core/dashboardInput.ts runLogRows). */
  runLog: RunLogRow[];
}

function p2(n: number): string {
  return String(n).padStart(2, '0');
}

export function calDateIn(timeZone: string): (d: Date) => CalDate {
  return (d: Date) => {
    const w = wallTime(timeZone, d.getTime());
    return `${String(w.year).padStart(4, '0')}-${p2(w.month)}-${p2(w.day)}`;
  };
}

function table(emu: Emulator, key: SheetKey): RawTable | null {
  const spec = SHEETS[key];
  const name = findSheet(emu.sheetNames(), spec);
  if (name === null) return null;
  const values = emu.sheetValues(name);
  if (values.length <= 1 && !spec.required) return null;
  return { sheetName: name, spec, values, formulas: null, match: matchHeaders(values[0] ?? [], spec) };
}

/** The workbook as the core sees it, with the settings the run used. */
export function readBack(emu: Emulator, timeZone: string, lang: Lang): ReadBack {
  const toCalDate = calDateIn(timeZone);
  const ctx = { toCalDate, lang };
  const customersTable = table(emu, 'customers');
  if (customersTable === null) throw new Error('The workbook has no Customers sheet');
  const purchasesTable = table(emu, 'purchases');
  const contactsTable = table(emu, 'contactLog');
  const holidaysTable = table(emu, 'holidays');
  const runLog = table(emu, 'runLog');
  const props = emu.properties.document();
  const mine: Record<string, string> = {};
  for (const k of Object.keys(props)) if (k.startsWith('setting.')) mine[k.slice('setting.'.length)] = props[k];
  return {
    customers: parseCustomers(customersTable, ctx).customers,
    purchases: purchasesTable === null ? null : parsePurchases(purchasesTable, ctx).purchases,
    contacts: contactsTable === null ? [] : parseContacts(contactsTable, ctx).contacts,
    holidays: holidaysTable === null ? [] : parseHolidays(holidaysTable, ctx).holidays,
    settings: settingsFromProperties(mine, lang).settings,
    runLog: runLog === null ? [] : runLogRows(runLog.values, toCalDate),
  };
}

/** The dashboard as the bundle wrote it on its sheet, or null without the sheet; `template` gives what cells do not hold (keys, chart kinds). */
export function readDashboardSheet(emu: Emulator, template: Dashboard): Dashboard | null {
  const name = dashboardSheetName(emu.sheetNames());
  return name === null ? null : dashboardFromBlock(emu.sheetValues(name), template);
}
