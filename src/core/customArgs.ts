/**
 * What RETAIN_RISK and RETAIN_RFM share (docs/platform.md, Custom functions):
 * Sheets passes a range as a 2-D array and a single cell as its value; the
 * functions work on whole columns (or rows) and answer in the same shape, one
 * call for the whole column. A single value where a column is expected, a
 * block of several rows and columns, or columns of different lengths is a
 * mistake in the formula: thrown, so Sheets shows #ERROR! with the message.
 * A bad cell is only that row's problem: its result cell says so.
 */
import { parseDate, type ToCalDate } from './cells';
import type { CalDate } from './dates';
import type { Lang } from './model';

/** What a custom function gets from the spreadsheet (src/gas adapts it). */
export interface CellContext {
  /** The spreadsheet's language: a formula's result is the same for everyone who opens the sheet. */
  lang: Lang;
  /** Today in the spreadsheet's time zone (asked only when needed). */
  today(): CalDate;
  /** A date cell as a calendar date in the spreadsheet's time zone. */
  toCalDate: ToCalDate;
}

export interface Column {
  cells: unknown[];
  /** The range was one row: answer in one row too. */
  horizontal: boolean;
}

function example(fn: string): string {
  return fn === 'RETAIN_RISK' ? '=RETAIN_RISK(A2:A, Purchases!A2:A, Purchases!B2:B)' : '=RETAIN_RFM(H2:H, I2:I, J2:J)';
}

/** A one-column (or one-row) range as a list of cells; throws for anything else. */
export function columnArg(fn: string, name: string, v: unknown): Column {
  if (!Array.isArray(v)) {
    throw new Error(`${fn}: ${name} must be the whole column, e.g. ${example(fn)} — got a single value`);
  }
  if (v.length === 0 || !v.every((row) => Array.isArray(row))) throw new Error(`${fn}: ${name} must be a range`);
  const grid = v as unknown[][];
  const cols = grid[0].length;
  if (cols === 0 || grid.some((row) => row.length !== cols)) throw new Error(`${fn}: ${name} must be a range`);
  if (grid.length > 1 && cols > 1) {
    throw new Error(`${fn}: ${name} must be one column or one row — got ${grid.length} rows × ${cols} columns`);
  }
  return cols === 1 ? { cells: grid.map((row) => row[0]), horizontal: false } : { cells: grid[0], horizontal: true };
}

/** Columns that must line up row by row. */
export function sameLength(fn: string, columns: Array<[string, Column]>): void {
  const [firstName, first] = columns[0];
  for (const [name, c] of columns.slice(1)) {
    if (c.cells.length !== first.cells.length || c.horizontal !== first.horizontal) {
      throw new Error(
        `${fn}: ${name} (${c.cells.length} cells) must line up with ${firstName} (${first.cells.length} cells)`,
      );
    }
  }
}

/** One result per row: n rows of `width` cells, or `width` rows of n cells for a row input. */
export function shaped(rows: unknown[][], horizontal: boolean): unknown[][] {
  if (!horizontal) return rows;
  const width = rows.length === 0 ? 0 : rows[0].length;
  const out: unknown[][] = [];
  for (let j = 0; j < width; j++) out.push(rows.map((r) => r[j]));
  return out;
}

export function isBlankCell(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A value as the error text quotes it. */
export function shownValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Object.prototype.toString.call(v) === '[object Date]') return 'a date';
  return String(v);
}

/** An optional single number argument: blank -> fallback; a range or text that is not a number -> thrown. */
export function numberArg(fn: string, name: string, v: unknown, fallback: number): number {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return numberArg(fn, name, v[0][0], fallback);
    throw new Error(`${fn}: ${name} must be a single number, got a range`);
  }
  if (isBlankCell(v)) return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new Error(`${fn}: ${name} must be a number, got ${shownValue(v)}`);
  return n;
}

/** The optional `today` argument: a date cell or a typed date; blank -> the spreadsheet's today. */
export function todayArg(fn: string, v: unknown, ctx: CellContext): CalDate {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return todayArg(fn, v[0][0], ctx);
    throw new Error(`${fn}: today must be a single date, got a range`);
  }
  const parsed = parseDate(v, ctx.toCalDate);
  if (parsed === null) return ctx.today();
  if (!parsed.ok) throw new Error(`${fn}: today: ${parsed.message.en}`);
  return parsed.value;
}

/** A cell's value as the text of an ID: numbers as typed (1001, not 1001.0), trimmed. */
export function idText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (v === null || v === undefined || typeof v === 'boolean') return '';
  return String(v).trim();
}
