/**
 * The demo's workbook: the committed sample, or a user's own file
 * (`--customers FILE`, CSV or XLSX, with the Purchases, Contact log and
 * Holidays sheets an XLSX may hold, or `--purchases`, `--contacts`,
 * `--holidays` files), with "How Retain read your file".
 *
 * The file is loaded as it is: the product finds the header row below a
 * title, leaves totals rows out and joins First/Last name columns itself
 * (docs/data.md, Headers). What the printout says about columns and rows
 * comes from the product's own functions.
 */
import * as path from 'path';
import { findSheet } from '../../src/core/headers';
import { SHEETS, type SheetKey } from '../../src/core/schema';
import { readWorkbookDir } from '../sample/load';
import { readBook, type Book, type BookRole } from './readFile';
import { describeReading, guessLocale, localeRules, readSheet } from './report';

export interface WorkbookSources {
  customers?: string;
  purchases?: string;
  contacts?: string;
  holidays?: string;
  /** The spreadsheet locale to use; guessed from the file when not given. */
  locale?: string;
}

export interface GatheredWorkbook {
  sheets: Record<string, unknown[][]>;
  /** Sheets read from XLSX: their cells already have types and are not parsed again. */
  typed: Set<string>;
  source: string;
  /** "How Retain read your file", ready to print; empty for the sample. */
  reading: string[];
  /** The spreadsheet locale for the emulator; null for the sample (en_US). */
  locale: string | null;
}

const SHEET_OF: Record<BookRole, { key: SheetKey; name: string }> = {
  customers: { key: 'customers', name: 'Customers' },
  purchases: { key: 'purchases', name: 'Purchases' },
  contactLog: { key: 'contactLog', name: 'Contact log' },
  holidays: { key: 'holidays', name: 'Holidays' },
};

async function gatherUserFile(sources: WorkbookSources, timeZone: string): Promise<GatheredWorkbook> {
  const book = await readBook(sources.customers!, { timeZone });
  const extra: Array<[BookRole, string | undefined]> = [
    ['purchases', sources.purchases],
    ['contactLog', sources.contacts],
    ['holidays', sources.holidays],
  ];
  const given: Partial<Record<BookRole, { rows: unknown[][]; typed: boolean; name: string }>> = {};
  for (const [role, sheet] of Object.entries(book.sheets) as Array<[BookRole, Book['sheets']['customers']]>)
    given[role] = { rows: sheet.rows, typed: book.typed, name: sheet.name };
  for (const [role, file] of extra) {
    if (!file) continue;
    const other = await readBook(file, { timeZone });
    given[role] = { rows: other.sheets.customers.rows, typed: other.typed, name: path.basename(file) };
  }
  const how = book.format === 'csv' ? `${book.encoding}, ${delimiterName(book.delimiter)}` : 'XLSX';
  const reading: string[] = [`How Retain read your file (${path.basename(book.file)}: ${how})`];
  const sheets: Record<string, unknown[][]> = {};
  const typed = new Set<string>();
  let locale: string | null = sources.locale ?? null;
  for (const [role, sheet] of Object.entries(given) as Array<[BookRole, NonNullable<(typeof given)[BookRole]>]>) {
    const { key, name } = SHEET_OF[role];
    const read = readSheet(sheet.rows, SHEETS[key]);
    reading.push(...describeReading(read, `${sheet.name} (${name})`));
    if (role === 'customers' && locale === null) {
      const guess = guessLocale(sheet.rows, read);
      locale = guess.locale;
      reading.push(`  Spreadsheet locale: ${locale} (${guess.why}; --locale to change)`);
    } else if (role === 'customers') reading.push(`  Spreadsheet locale: ${locale} (--locale)`);
    // In an XLSX, a sheet already named Customers or 客户 keeps its name.
    const target = findSheet([sheet.name], SHEETS[key]) ?? name;
    sheets[target] = sheet.rows;
    if (sheet.typed) typed.add(target);
  }
  reading.push(`  Read as: ${localeRules(locale!)}`);
  if (!given.holidays) reading.push('  No holidays: give --holidays FILE, or a Holidays sheet in the XLSX');
  const files = [sources.customers, sources.purchases, sources.contacts, sources.holidays].filter(Boolean);
  return { sheets, typed, source: files.map((f) => path.basename(f!)).join(', '), reading, locale };
}

function delimiterName(d: string | null): string {
  return d === ','
    ? 'comma-separated'
    : d === ';'
      ? 'semicolon-separated'
      : d === '\t'
        ? 'tab-separated'
        : `separated by "${d}"`;
}

/**
 * Without --customers: the sample, with any sheet you give instead of its own
 * (as typed CSV). With it: only what you give, the file's own sheets
 * included; no holidays unless given.
 */
export async function gatherWorkbook(
  sources: WorkbookSources,
  samplesDir: string,
  timeZone: string,
  shortPath: (p: string) => string,
): Promise<GatheredWorkbook> {
  if (sources.customers) return gatherUserFile(sources, timeZone);
  const sheets: Record<string, unknown[][]> = { ...readWorkbookDir(samplesDir) };
  const typed = new Set<string>();
  const given: string[] = [];
  for (const [name, file] of [
    ['Purchases', sources.purchases],
    ['Contact log', sources.contacts],
    ['Holidays', sources.holidays],
  ] as const) {
    if (!file) continue;
    const book = await readBook(file, { timeZone });
    sheets[name] = book.sheets.customers.rows;
    if (book.typed) typed.add(name);
    given.push(path.basename(file));
  }
  const sampleName = `${shortPath(samplesDir)}${path.sep}`;
  const source = given.length ? `${sampleName} with ${given.join(', ')}` : `${sampleName} (the sample)`;
  return { sheets, typed, source, reading: [], locale: sources.locale ?? null };
}
