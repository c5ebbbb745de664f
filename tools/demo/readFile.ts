/**
 * A user's own customer file for `npm run demo -- --customers FILE`: CSV in
 * the encodings spreadsheets and CRMs really write, or XLSX with its sheets.
 *
 * Encodings: a byte-order mark says UTF-8, UTF-16LE or UTF-16BE outright.
 * Without one, UTF-16 is recognised by its zero bytes (every other byte of
 * ASCII text), then the file is decoded as UTF-8 if it is valid UTF-8, and as
 * GB18030 (the superset of GBK that Chinese Excel writes) otherwise. Valid
 * UTF-8 first because the test is nearly exact: multi-byte UTF-8 follows
 * strict byte patterns that GBK text breaks within a few characters, while
 * every byte string is "valid" GB18030, so GB18030 can only be the fallback.
 * A statistical detector (chardet, jschardet) guesses from letter frequencies
 * and is wrong on short files of names and numbers, which is what customer
 * lists are.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { findSheet } from '../../src/core/headers';
import { SHEETS, type SheetKey } from '../../src/core/schema';
import { wallClockInZone } from '../sample/load';

export interface DecodedText {
  text: string;
  /** 'UTF-8', 'UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE', 'GB18030'. */
  encoding: string;
}

/** Sheets of a user's file by what they are (Customers always; the others when the file has them). */
export type BookRole = 'customers' | 'purchases' | 'contactLog' | 'holidays';

export interface BookSheet {
  /** The sheet's name in the file (a CSV file's base name). */
  name: string;
  rows: unknown[][];
}

export interface Book {
  file: string;
  format: 'csv' | 'xlsx';
  /** CSV only: how the bytes were decoded, and the delimiter found. */
  encoding: string | null;
  delimiter: string | null;
  /** CSV cells are text as typed; XLSX cells keep their types (numbers, Dates). */
  typed: boolean;
  sheets: Partial<Record<BookRole, BookSheet>> & { customers: BookSheet };
}

function utf16Without(buf: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  // Text in UTF-16 has a zero in every other byte while it is ASCII (digits, commas, Latin names).
  const n = Math.min(buf.length - (buf.length % 2), 4000);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'UTF-16LE';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'UTF-16BE';
  return null;
}

/** The text of a CSV file's bytes (see the file comment for how the encoding is found). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8 with BOM' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  const wide = utf16Without(buf);
  if (wide) return { text: iconv.decode(buf, wide === 'UTF-16LE' ? 'utf16le' : 'utf16be'), encoding: wide };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'GB18030' };
  }
}

/** CSV text -> rows of strings, one width; blank lines are kept (they are rows of the sheet), blank ones at the end are not. */
export function parseCsvText(text: string): { rows: string[][]; delimiter: string } {
  // The delimiter is guessed without the blank lines (they look like one-field rows to the guess),
  // then the text is read with them: a blank line is a row of the sheet.
  const delimiter = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: 50 }).meta.delimiter;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`CSV row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const rows = parsed.data.map((r) => (r.length === 1 && r[0] === '' ? [] : r));
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v.trim() === '')) rows.pop();
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    rows: rows.map((r) => (r.length === width ? r : [...r, ...Array<string>(width - r.length).fill('')])),
    delimiter,
  };
}

export interface ReadBookOptions {
  /** The spreadsheet's time zone: an XLSX date is a wall-clock time, read there (as Sheets does on import). */
  timeZone?: string;
}

/** A CSV or XLSX file as the sheets a workbook would get from it. */
export async function readBook(file: string, options: ReadBookOptions = {}): Promise<Book> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const decoded = decodeText(fs.readFileSync(file));
    const { rows, delimiter } = parseCsvText(decoded.text);
    return {
      file,
      format: 'csv',
      encoding: decoded.encoding,
      delimiter,
      typed: false,
      sheets: { customers: { name: path.basename(file, path.extname(file)), rows } },
    };
  }
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsxBook(file, options);
  throw new Error(`${path.basename(file)}: use a .csv or .xlsx file (for .xls or .numbers, save as .xlsx first)`);
}

const ROLES: ReadonlyArray<[BookRole, SheetKey]> = [
  ['purchases', 'purchases'],
  ['contactLog', 'contactLog'],
  ['holidays', 'holidays'],
];

async function readXlsxBook(file: string, options: ReadBookOptions): Promise<Book> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets = book.worksheets;
  if (sheets.length === 0) throw new Error(`${path.basename(file)} has no worksheet`);
  const names = sheets.map((s) => s.name);
  const date1904 = !!(book.properties as { date1904?: boolean }).date1904;
  const read = (name: string) =>
    worksheetRows(
      sheets.find((s) => s.name === name)!,
      date1904,
      options.timeZone,
    );
  const customersName = findSheet(names, SHEETS.customers) ?? names[0];
  const out: Book['sheets'] = { customers: { name: customersName, rows: read(customersName) } };
  for (const [role, key] of ROLES) {
    const name = findSheet(names, SHEETS[key]);
    if (name && name !== customersName) out[role] = { name, rows: read(name) };
  }
  return { file, format: 'xlsx', encoding: null, delimiter: null, typed: true, sheets: out };
}

function worksheetRows(sheet: ExcelJS.Worksheet, date1904: boolean, timeZone: string | undefined): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cellValue(cell.value, cell.numFmt, date1904, timeZone));
    }
    rows.push(cells);
  }
  // Formatting alone makes exceljs count a row or column: drop the blank ones at the end and right.
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === '')) rows.pop();
  let width = 0;
  for (const row of rows) for (let c = row.length - 1; c >= width; c--) if (row[c] !== '') width = c + 1;
  return rows.map((row) => row.slice(0, width));
}

// A number format that shows a date has a day or year code outside quoted text, escapes and [tags]
// (a time alone, 'h:mm', has neither; 'General', currency and number formats have neither).
const DATE_FORMAT = /[dy]/i;

/** True for number formats such as 'yyyy-mm-dd', 'd/m/yyyy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月d日'. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return DATE_FORMAT.test(bare);
}

const DAY_MS = 86400000;

/** A date serial of the file (days since 1899-12-30, or 1904-01-01) as the Date exceljs would give: wall clock in UTC fields. */
export function serialToUtcFields(serial: number, date1904 = false): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * DAY_MS));
}

/** One exceljs cell value as Sheets would hold it after importing the file. */
function cellValue(
  v: ExcelJS.CellValue,
  numFmt: string | undefined,
  date1904: boolean,
  tz: string | undefined,
): unknown {
  if (v === null || v === undefined) return '';
  const zoned = (d: Date) => (tz ? wallClockInZone(d, tz) : d);
  if (v instanceof Date) return zoned(v);
  // exceljs turns a date cell into a Date only for the formats it knows; a custom date format leaves the serial.
  if (typeof v === 'number') return isDateFormat(numFmt) ? zoned(serialToUtcFields(v, date1904)) : v;
  if (typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v)
    return typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue, numFmt, date1904, tz);
  if ('formula' in v || 'sharedFormula' in v)
    return v.result === undefined ? '' : cellValue(v.result as ExcelJS.CellValue, numFmt, date1904, tz);
  if ('error' in v) return v.error;
  return String(v);
}
