/**
 * The core's reading of a corpus file (test/fixtures/real/), for the corpus
 * tests: the demo's file reader (tools/demo/readFile.ts), then the product's
 * pure functions as the server wires them (src/server/workbook.ts): the
 * table from findHeaderRow (rows above it are not read), its name parts, the
 * spreadsheet locale and the date serial fields in the parse context;
 * parseCustomers leaves totals rows out and joins First/Last name itself.
 *
 * `planWith` then fills blank Customer IDs as Set up would (C0001 ...) and plans.
 */
import * as path from 'path';
import { dateSerialFields } from '../../src/core/cells';
import { findHeaderRow, type HeaderRowFound } from '../../src/core/headerRow';
import type { Customer } from '../../src/core/model';
import { planNightly, type Plan } from '../../src/core/plan';
import {
  parseContacts,
  parseCustomers,
  parseHolidays,
  parsePurchases,
  type ParseContext,
  type RawTable,
} from '../../src/core/rows';
import { SHEETS, type SheetKey } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import type { RowProblem } from '../../src/core/model';
import { EXPORT_DAY, REAL_DIR } from '../../tools/fixtures/make-real';
import { readBook, type Book } from '../../tools/demo/readFile';

export const DATE_FIELDS = ['lastPurchase', 'customerSince', 'birthday', 'lastContact', 'snoozeUntil'];
/** The files' dates are read in UTC here: a Date cell's calendar day is its UTC day. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export interface CoreReading {
  book: Book;
  found: HeaderRowFound;
  /** The whole sheet, its header row found. */
  table: RawTable;
  customers: Customer[];
  problems: RowProblem[];
  /** 1-based sheet rows of the totals rows left out. */
  totals: number[];
  /** 1-based sheet row of a customer. */
  sheetRow: (c: Customer) => number;
  ctx: ParseContext;
}

function tableOf(key: SheetKey, name: string, rows: unknown[][], found: HeaderRowFound): RawTable {
  return {
    sheetName: name,
    spec: SHEETS[key],
    values: rows,
    formulas: null,
    match: found.match,
    headerRow: found.row,
    nameParts: found.nameParts,
  };
}

export async function readWithCore(file: string, locale: string): Promise<CoreReading> {
  const book = await readBook(path.join(REAL_DIR, file), { timeZone: 'UTC' });
  const sheet = book.sheets.customers;
  const found = findHeaderRow(sheet.rows, SHEETS.customers);
  if (!found) throw new Error(`${file}: no header row`);
  const table = tableOf('customers', sheet.name, sheet.rows, found);
  const ctx: ParseContext = {
    toCalDate: utcDay,
    lang: 'en',
    locale,
    dateSerials: dateSerialFields(table.values, found.row, table.match.columns, DATE_FIELDS),
  };
  const { customers, problems, totals } = parseCustomers(table, ctx);
  return { book, found, table, customers, problems, totals, sheetRow: (c) => c.row, ctx };
}

/** Blank IDs filled as Set up fills them, then the night's plan on the export day. */
export function planWith(reading: CoreReading): Plan {
  let n = 0;
  const customers = reading.customers.map((c) => {
    if (c.id) return c;
    const id = `C${String(++n).padStart(4, '0')}`;
    const cellProblems = c.cellProblems?.filter((p) => !/^no Customer ID/.test(p.message));
    const rest: Customer = { ...c, id, problems: c.problems.filter((p) => !/^no Customer ID/.test(p)) };
    if (cellProblems && cellProblems.length) rest.cellProblems = cellProblems;
    else delete rest.cellProblems;
    return rest;
  });
  const other = (role: 'purchases' | 'contactLog' | 'holidays') => {
    const sheet = reading.book.sheets[role];
    if (!sheet) return null;
    const found = findHeaderRow(sheet.rows, SHEETS[role]);
    return found ? tableOf(role, sheet.name, sheet.rows, found) : null;
  };
  const p = other('purchases');
  const k = other('contactLog');
  const h = other('holidays');
  return planNightly({
    today: EXPORT_DAY,
    settings: defaultSettings(),
    lang: 'en',
    customers,
    purchases: p ? parsePurchases(p, reading.ctx).purchases : null,
    contacts: k ? parseContacts(k, reading.ctx).contacts : [],
    holidays: h ? parseHolidays(h, reading.ctx).holidays : [],
  });
}
