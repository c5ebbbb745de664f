/**
 * Getting a workbook into the emulator: the committed sample (a folder of CSV
 * files, one per sheet) or a user's own customer list (`--customers FILE`,
 * CSV or XLSX).
 *
 * CSV cells are handed over as the text a user would type: the emulator turns
 * '1200' into a number and '2026-11-02' into a date the way Sheets does on
 * typing, so the demo exercises the same conversions a real sheet has. An XLSX
 * file already has types (numbers, dates), and those are kept, as Sheets keeps
 * them when importing one.
 */
import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { findSheet } from '../../src/core/headers';
import { SHEETS } from '../../src/core/schema';
import { SAMPLE_SHEETS, SAMPLES_DIR } from './generate';
// The emulator's zone arithmetic: one implementation of instants vs wall clocks for every tool.
import { rfc3339InZone, wallTime, zonedToUtc } from '../emulator/tz';

/** The one thing the loaders need from the emulator. */
export interface SheetSink {
  /** `parse: true`: strings are read as if typed into the cell ('1200' -> 1200, '2026-11-02' -> a date). */
  setSheet(name: string, rows: unknown[][], opts?: { parse?: boolean }): unknown;
}

/** CSV text -> rows of strings, padded to one width (a sheet is a rectangle). */
export function parseCsv(text: string): string[][] {
  // Excel writes a BOM in "CSV UTF-8"; it must not end up in the first header.
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`CSV row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  return rectangle(parsed.data);
}

function rectangle<T>(rows: T[][], blank: T = '' as T): T[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length === width ? r : [...r, ...Array<T>(width - r.length).fill(blank)]));
}

/**
 * Every `*.csv` in `dir` as a sheet named after the file: the sample's sheets
 * first in their usual order, then any others alphabetically.
 */
export function readWorkbookDir(dir: string): Record<string, unknown[][]> {
  if (!fs.existsSync(dir)) throw new Error(`No such folder: ${dir}`);
  const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv'));
  const order = (name: string) => {
    const i = (SAMPLE_SHEETS as readonly string[]).indexOf(name);
    return i < 0 ? SAMPLE_SHEETS.length : i;
  };
  const names = files.map((f) => f.slice(0, -4)).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const out: Record<string, unknown[][]> = {};
  for (const name of names) out[name] = parseCsv(fs.readFileSync(path.join(dir, `${name}.csv`), 'utf8'));
  return out;
}

/**
 * Puts every sheet of the folder into the emulator; returns the sheet names.
 * @public Loaded with require() by tools/preview/server.ts, which knip cannot follow.
 */
export function loadSampleInto(emu: SheetSink, dir: string = SAMPLES_DIR): string[] {
  const wb = readWorkbookDir(dir);
  for (const [name, rows] of Object.entries(wb)) emu.setSheet(name, rows, { parse: true });
  return Object.keys(wb);
}

// ---------------------------------------------------------------- --customers FILE

export interface ReadCustomersOptions {
  /**
   * The spreadsheet's time zone. An XLSX date is a wall-clock time with no
   * zone; Sheets reads it in the spreadsheet's zone, so the Date handed over is
   * that wall-clock time there. Without it, the wall-clock time is read as UTC.
   */
  timeZone?: string;
}

/**
 * A user's customer list, headers in row 1: CSV (cells as typed text) or XLSX
 * (the worksheet named Customers / 客户, else the first; numbers stay numbers,
 * dates become Dates, rich text and links become their text, formulas their
 * last computed value).
 */
export async function readCustomersFile(file: string, options: ReadCustomersOptions = {}): Promise<unknown[][]> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return parseCsv(fs.readFileSync(file, 'utf8'));
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(file, options);
  throw new Error(`${path.basename(file)}: use a .csv or .xlsx file (for .xls or .numbers, save as .xlsx first)`);
}

async function readXlsx(file: string, options: ReadCustomersOptions): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets = book.worksheets;
  if (sheets.length === 0) throw new Error(`${path.basename(file)} has no worksheet`);
  const wanted = findSheet(
    sheets.map((s) => s.name),
    SHEETS.customers,
  );
  const sheet = sheets.find((s) => s.name === wanted) ?? sheets[0];

  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(plainValue(row.getCell(c).value, options.timeZone));
    rows.push(cells);
  }
  // Formatting alone makes exceljs count a row or column: drop the blank ones at the end and right.
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === '')) rows.pop();
  let width = 0;
  for (const row of rows) for (let c = row.length - 1; c >= width; c--) if (row[c] !== '') width = c + 1;
  return rows.map((row) => row.slice(0, width));
}

/** One exceljs cell value as Sheets would hold it. */
function plainValue(v: ExcelJS.CellValue, timeZone: string | undefined): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return timeZone ? wallClockInZone(v, timeZone) : v;
  if (typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : plainValue(v.text as ExcelJS.CellValue, timeZone);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? '' : plainValue(v.result, timeZone);
  if ('error' in v) return v.error;
  return String(v);
}

// ---------------------------------------------------------------- time zones

/**
 * exceljs gives a date cell as a Date whose UTC fields are the wall clock
 * typed in the file. Returns the instant at which a clock in `timeZone` shows
 * that wall-clock time, which is what a Sheets date cell in that zone holds.
 */
export function wallClockInZone(utcFields: Date, timeZone: string): Date {
  const u = utcFields;
  return new Date(
    zonedToUtc(
      timeZone,
      u.getUTCFullYear(),
      u.getUTCMonth(),
      u.getUTCDate(),
      u.getUTCHours(),
      u.getUTCMinutes(),
      u.getUTCSeconds(),
      u.getUTCMilliseconds(),
    ),
  );
}

/** '2026-11-16T06:30:00+08:00': a wall-clock time in a zone as an ISO instant with its offset. */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) throw new Error(`Not a date and time: ${date} ${time}`);
  return rfc3339InZone(
    zonedToUtc(timeZone, Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2])),
    timeZone,
  );
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** A date cell as text: 'YYYY-MM-DD' at midnight in the zone, else 'YYYY-MM-DD HH:mm'. */
export function formatCellDate(d: Date, timeZone: string): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return 'Invalid Date';
  const w = wallTime(timeZone, t);
  const date = `${String(w.year).padStart(4, '0')}-${p2(w.month)}-${p2(w.day)}`;
  return w.hour === 0 && w.minute === 0 ? date : `${date} ${p2(w.hour)}:${p2(w.minute)}`;
}
