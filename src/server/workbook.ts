/**
 * The workbook as one value: every Retain sheet read once (from its header
 * row, with the column map), parsed into the model by the spreadsheet's
 * locale and each column's date serials (docs/data.md), with what stops a run
 * (a missing required sheet or column) said in the user's language, naming
 * the sheet and the header.
 */
import { dateSerialFields } from '../core/cells';
import { mappedColumnGone, type ColumnMap } from '../core/columnMap';
import { tr, type Msg } from '../core/i18n';
import type { Contact, Customer, Holiday, Lang, Purchase, RowProblem } from '../core/model';
import {
  parseContacts,
  parseCustomers,
  parseHolidays,
  parsePurchases,
  parseTemplates,
  type ParseContext,
  type TemplateRow,
} from '../core/rows';
import type { SheetKey } from '../core/schema';
import { readSheetByKey_, sheetsByName_, type SheetTable } from '../gas/sheets';
import { spreadsheetLocale_, timeZone_, type Sheet, type Spreadsheet } from '../gas/spreadsheet';
import { zoneClock, type ZoneClock } from '../gas/time';
import { loadColumnMap_ } from './settingsStore';
import { missingStructure } from './workbookChecks';

export interface Workbook {
  ss: Spreadsheet;
  clock: ZoneClock;
  lang: Lang;
  /** The spreadsheet's locale (Spreadsheet.getSpreadsheetLocale()): how typed numbers and d/m dates read. */
  locale: string;
  columnMap: ColumnMap;
  sheets: Map<string, Sheet>;
  tables: Partial<Record<SheetKey, SheetTable>>;
  customers: Customer[];
  purchases: Purchase[] | null;
  contacts: Contact[];
  holidays: Holiday[];
  templates: TemplateRow[];
  problems: RowProblem[];
  /** What the run says once rather than per row: the totals rows left out (sheet, first row, column). */
  notices: RowProblem[];
  /** Columns of the column map no longer in their sheet (renamed or deleted): reported, never guessed. */
  gone: RowProblem[];
  /** Why nothing can be done (missing sheet or column), or null. */
  fatal: string | null;
}

/** Which sheets need formulas read: the ones with managed columns Retain writes. */
const WITH_FORMULAS: Partial<Record<SheetKey, boolean>> = { customers: true, purchases: true };

/** The date fields of each sheet: a column of them may hold date serials among its dates (cells/dateColumns.ts). */
const DATE_FIELDS: Partial<Record<SheetKey, readonly string[]>> = {
  customers: ['lastPurchase', 'customerSince', 'birthday', 'lastContact', 'snoozeUntil'],
  purchases: ['date'],
  contactLog: ['date', 'nextStepDate', 'resolvedOn'],
  holidays: ['date'],
};

const TOTALS: Msg = {
  en: 'Row(s) {rows} are totals rows ("{label}"), not customers: not read',
  zh: '第 {rows} 行是合计行（“{label}”），不是客户：未读取',
};

export function readWorkbook_(
  ss: Spreadsheet,
  lang: Lang,
  keys: SheetKey[] = ['customers', 'purchases', 'contactLog', 'holidays', 'templates'],
  columnMap: ColumnMap = loadColumnMap_(),
): Workbook {
  const clock = zoneClock(timeZone_(ss));
  const sheets = sheetsByName_(ss);
  const wb: Workbook = {
    ss,
    clock,
    lang,
    locale: spreadsheetLocale_(ss) || '',
    columnMap,
    sheets,
    tables: {},
    customers: [],
    purchases: null,
    contacts: [],
    holidays: [],
    templates: [],
    problems: [],
    notices: [],
    gone: [],
    fatal: null,
  };
  for (const key of keys) {
    const t = readSheetByKey_(sheets, key, !!WITH_FORMULAS[key], columnMap[key]);
    if (t) wb.tables[key] = t;
  }
  noteUnmapped(wb);
  wb.fatal = missingStructure(wb, keys);
  if (wb.fatal && wb.gone.length > 0) wb.fatal += ' ' + wb.gone.map((g) => g.message).join(' ');
  if (wb.fatal) return wb;
  parseAll(wb);
  return wb;
}

/** The parse context of one sheet: the zone, the language, the locale, and its columns of date serials. */
export function parseContext_(
  wb: Pick<Workbook, 'clock' | 'lang' | 'locale'>,
  t: SheetTable | undefined,
): ParseContext {
  const ctx: ParseContext = { toCalDate: (d: Date) => wb.clock.toCalDate(d), lang: wb.lang, locale: wb.locale };
  const keys = t ? DATE_FIELDS[t.spec.key] : undefined;
  if (t && keys) {
    const serials = dateSerialFields(t.values, t.headerRow, t.match.columns, keys);
    if (serials.size > 0) ctx.dateSerials = serials;
  }
  return ctx;
}

function parseAll(wb: Workbook): void {
  const { tables } = wb;
  const customers = tables.customers as SheetTable;
  const c = parseCustomers(customers, parseContext_(wb, customers));
  wb.customers = c.customers;
  wb.problems.push(...c.problems);
  if (c.totals.length > 0) wb.notices.push(totalsNotice(wb, customers, c.totals));
  const p = tables.purchases ? parsePurchases(tables.purchases, parseContext_(wb, tables.purchases)) : null;
  wb.purchases = p ? p.purchases : null;
  const k = tables.contactLog ? parseContacts(tables.contactLog, parseContext_(wb, tables.contactLog)) : null;
  wb.contacts = k ? k.contacts : [];
  const h = tables.holidays ? parseHolidays(tables.holidays, parseContext_(wb, tables.holidays)) : null;
  wb.holidays = h ? h.holidays : [];
  const t = tables.templates ? parseTemplates(tables.templates, parseContext_(wb, tables.templates)) : null;
  wb.templates = t ? t.templates : [];
  for (const part of [p, k, h, t]) if (part) wb.problems.push(...part.problems);
}

/** The totals rows, said once: their rows and the label of the first. */
function totalsNotice(wb: Workbook, t: SheetTable, rows: number[]): RowProblem {
  const nameCol = t.match.columns.name;
  const first = t.values[rows[0] - 1] ?? [];
  const label = String((nameCol !== undefined && first[nameCol]) || first.find((v) => v !== '' && v !== null) || '');
  const header = nameCol === undefined ? undefined : String(t.values[t.headerRow]?.[nameCol] ?? '');
  const shown = rows.length > 10 ? `${rows.slice(0, 10).join(', ')} …` : rows.join(', ');
  const p: RowProblem = {
    sheet: t.sheetName,
    row: rows[0],
    field: 'name',
    message: tr(wb.lang, TOTALS, { rows: shown, label: label.slice(0, 40) }),
  };
  if (header) p.column = header;
  return p;
}

/** A mapped column that is gone is reported, never guessed (docs/data.md, Column map). */
function noteUnmapped(wb: Workbook): void {
  for (const [key, t] of Object.entries(wb.tables) as Array<[SheetKey, SheetTable]>) {
    for (const field of t.unmapped) {
      const header = wb.columnMap[key]?.[field] ?? field;
      wb.gone.push({
        sheet: t.sheetName,
        row: t.headerRow + 1,
        column: header,
        field,
        message: mappedColumnGone(key, t.sheetName, field, header, wb.lang),
      });
    }
  }
}
