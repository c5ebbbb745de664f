/**
 * The demo's workbook: the committed sample, or a user's own file
 * (`--customers FILE`, CSV or XLSX, with the Purchases, Contact log and
 * Holidays sheets an XLSX may hold, or `--purchases`, `--contacts`,
 * `--holidays` files), with "How Retain read your file".
 *
 * Until the product itself finds a header row below row 1, skips totals rows
 * and joins First/Last name columns (issue 11, next step), the demo does
 * those three things to the sheets before loading them, and says so in the
 * printout; `--as-is` loads the file untouched instead. What the printout
 * says about columns and rows comes from the product's own functions.
 */
import * as path from 'path';
import { findSheet } from '../../src/core/headers';
import { nameOf } from '../../src/core/nameColumns';
import { SHEETS, type SheetKey } from '../../src/core/schema';
import { readWorkbookDir } from '../sample/load';
import { readBook, type Book, type BookRole } from './readFile';
import { describeReading, guessLocale, localeRules, readSheet, type SheetReading } from './report';

export interface WorkbookSources {
  customers?: string;
  purchases?: string;
  contacts?: string;
  holidays?: string;
  /** The spreadsheet locale to use; guessed from the file when not given. */
  locale?: string;
  /** Load the file as it is, without the demo's preparation. */
  asIs?: boolean;
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

/** What this version of Retain cannot read yet, done by the demo; the lines say what was done. */
export function prepareForProduct(rows: unknown[][], reading: SheetReading): { rows: unknown[][]; changes: string[] } {
  const found = reading.found;
  if (!found) return { rows, changes: [] };
  const changes: string[] = [];
  const left = new Set(reading.ignored.filter((r) => r.why === 'totals').map((r) => r.row - 1));
  let out = rows.filter((_, i) => i >= found.row && !left.has(i));
  if (found.row > 0) changes.push(`loaded the table from its header row ${found.row + 1}, without the rows above it`);
  if (left.size) changes.push(`left out the totals rows (${[...left].map((i) => i + 1).join(', ')})`);
  const parts = found.nameParts;
  if (reading.spec.key === 'customers' && parts && found.match.columns.name === undefined) {
    out = out.map((row, i) => [...row, i === 0 ? 'Name' : nameOf(row, undefined, parts)]);
    changes.push('added a Name column joining the first and last names');
  }
  return { rows: out, changes };
}

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
  const changes: string[] = [];
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
    const prepared = sources.asIs ? { rows: sheet.rows, changes: [] } : prepareForProduct(sheet.rows, read);
    for (const c of prepared.changes) changes.push(`${target}: ${c}`);
    sheets[target] = prepared.rows;
    if (sheet.typed) typed.add(target);
  }
  reading.push(`  Read as: ${localeRules(locale!)}`);
  if (changes.length) {
    reading.push('  For this version of Retain, which reads a table only from row 1, the demo');
    for (const c of changes) reading.push(`    ${c}`);
  }
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
