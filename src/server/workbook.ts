/**
 * The workbook as one value: every Retain sheet read once, parsed into the
 * model, with what stops a run (a missing required sheet or column) said in
 * the user's language, naming the sheet and the header.
 */
import { tr, type Msg } from '../core/i18n';
import type { Contact, Customer, Holiday, Lang, Purchase, RowProblem } from '../core/model';
import {
  parseContacts,
  parseCustomers,
  parseHolidays,
  parsePurchases,
  parseTemplates,
  type TemplateRow,
} from '../core/rows';
import { headerLabel, SHEETS, sheetLabel, type SheetKey } from '../core/schema';
import { readSheetByKey_, sheetsByName_, type SheetTable } from '../gas/sheets';
import { timeZone_, type Sheet, type Spreadsheet } from '../gas/spreadsheet';
import { zoneClock, type ZoneClock } from '../gas/time';

export interface Workbook {
  ss: Spreadsheet;
  clock: ZoneClock;
  lang: Lang;
  sheets: Map<string, Sheet>;
  tables: Partial<Record<SheetKey, SheetTable>>;
  customers: Customer[];
  purchases: Purchase[] | null;
  contacts: Contact[];
  holidays: Holiday[];
  templates: TemplateRow[];
  problems: RowProblem[];
  /** Why nothing can be done (missing sheet or column), or null. */
  fatal: string | null;
}

const NO_SHEET: Msg = {
  en: 'There is no "{sheet}" sheet: run Retain > Set up sheets, or rename your customer sheet to "{sheet}".',
  zh: '找不到“{sheet}”工作表：请运行 Retain > 设置表格，或将客户表重命名为“{sheet}”。',
};
const NO_COLUMN: Msg = {
  en: 'Sheet "{sheet}" has no "{header}" column in row 1: add it (Retain finds columns by their header).',
  zh: '工作表“{sheet}”的第 1 行没有“{header}”列：请添加（Retain 按表头查找列）。',
};

const NO_ID_COLUMN: Msg = {
  en: 'Sheet "{sheet}" has no "Customer ID" column in row 1: run Retain > Set up sheets to add it and fill the IDs.',
  zh: '工作表“{sheet}”的第 1 行没有“客户编号”列：请运行 Retain > 设置表格 添加并填写编号。',
};

/** Which sheets need formulas read: the ones with managed columns Retain writes. */
const WITH_FORMULAS: Partial<Record<SheetKey, boolean>> = { customers: true, purchases: true };

export function readWorkbook_(
  ss: Spreadsheet,
  lang: Lang,
  keys: SheetKey[] = ['customers', 'purchases', 'contactLog', 'holidays', 'templates'],
): Workbook {
  const clock = zoneClock(timeZone_(ss));
  const sheets = sheetsByName_(ss);
  const wb: Workbook = {
    ss,
    clock,
    lang,
    sheets,
    tables: {},
    customers: [],
    purchases: null,
    contacts: [],
    holidays: [],
    templates: [],
    problems: [],
    fatal: null,
  };
  for (const key of keys) {
    const t = readSheetByKey_(sheets, key, !!WITH_FORMULAS[key]);
    if (t) wb.tables[key] = t;
  }
  wb.fatal = missingStructure(wb, keys);
  if (wb.fatal) return wb;
  const ctx = { toCalDate: (d: Date) => clock.toCalDate(d), lang };
  const c = parseCustomers(wb.tables.customers as SheetTable, ctx);
  wb.customers = c.customers;
  wb.problems.push(...c.problems);
  const p = wb.tables.purchases ? parsePurchases(wb.tables.purchases, ctx) : null;
  wb.purchases = p ? p.purchases : null;
  const k = wb.tables.contactLog ? parseContacts(wb.tables.contactLog, ctx) : null;
  wb.contacts = k ? k.contacts : [];
  const h = wb.tables.holidays ? parseHolidays(wb.tables.holidays, ctx) : null;
  wb.holidays = h ? h.holidays : [];
  const t = wb.tables.templates ? parseTemplates(wb.tables.templates, ctx) : null;
  wb.templates = t ? t.templates : [];
  for (const part of [p, k, h, t]) if (part) wb.problems.push(...part.problems);
  return wb;
}

/** The first thing that makes the workbook unusable, in the user's language. */
function missingStructure(wb: Workbook, keys: SheetKey[]): string | null {
  for (const key of keys) {
    const spec = SHEETS[key];
    const t = wb.tables[key];
    if (!t) {
      if (spec.required) return tr(wb.lang, NO_SHEET, { sheet: sheetLabel(spec, wb.lang) });
      continue;
    }
    // An optional sheet with no rows yet (Set up makes Purchases with headers only) is not used:
    // an empty Purchases sheet must not turn everyone's revenue into 0.
    if (!spec.required && t.values.length <= 1) {
      delete wb.tables[key];
      continue;
    }
    // Rows are matched by Customer ID when the run writes back: without the column nothing can be written safely.
    if (key === 'customers' && t.match.columns.id === undefined)
      return tr(wb.lang, NO_ID_COLUMN, { sheet: t.sheetName });
    for (const fieldKey of t.match.missingRequired) {
      const field = spec.fields.find((f) => f.key === fieldKey);
      return tr(wb.lang, NO_COLUMN, { sheet: t.sheetName, header: field ? headerLabel(field, wb.lang) : fieldKey });
    }
  }
  return null;
}
