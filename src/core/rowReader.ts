/**
 * Reading one sheet's rows by field key (docs/data.md, Headers): the table as
 * read (its header row, its columns), the parse context (zone, language,
 * locale, date serial columns), and the reader of one row, which validates
 * every cell once and collects its problems with the user's own header and
 * the field key.
 */
import { cellText, parseDate, parseNumber, type CellLocale, type Parsed, type ToCalDate } from './cells';
import { cellLocale } from './cells';
import type { CalDate } from './dates';
import type { HeaderMatch } from './headers';
import { tr, type Msg } from './i18n';
import type { Lang, RowProblem } from './model';
import type { NameParts } from './nameColumns';
import type { SheetSpec } from './schema';

/**
 * One sheet as read: `values` is the whole grid (values[i] is sheet row i + 1),
 * `headerRow` the 0-based row of its headers (findHeaderRow, headerRow.ts;
 * absent: 0); the rows above it are not data. `formulas` parallel to
 * `values` when read.
 */
export interface RawTable {
  sheetName: string;
  spec: SheetSpec;
  values: unknown[][];
  formulas: string[][] | null;
  match: HeaderMatch;
  headerRow?: number;
  /** Customers without a Name column: the First/Last name columns that make the name (nameColumns.ts). */
  nameParts?: NameParts | null;
}

export interface ParseContext {
  toCalDate: ToCalDate;
  lang: Lang;
  /**
   * The spreadsheet's locale (Spreadsheet.getSpreadsheetLocale(): 'en_US',
   * 'en_GB', 'de_DE', 'zh_CN' ...): how typed amounts and d/m dates read
   * (cells/locale.ts), and the language of a customer whose Language is blank
   * and whose name has no Han characters. Absent: decimal point, ambiguous
   * d/m dates refused, and no language guess beyond Han names.
   */
  locale?: string;
  /** Fields whose plain numbers are date serials in this sheet (cells/dateColumns.ts, dateSerialFields). */
  dateSerials?: ReadonlySet<string>;
}

const FORMULA_ERROR: Msg = {
  en: '{column}: {value} (the cell holds a formula error)',
  zh: '{column}：{value}（单元格公式出错）',
};
const SHEET_ERROR = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;
const REQUIRED_BLANK: Msg = { en: '{column} is blank', zh: '{column}为空' };

export function isBlankRow(row: unknown[]): boolean {
  for (const v of row)
    if (!(v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) return false;
  return true;
}

/** Reads cells of one row by field key and collects the problems with their column header. */
export class RowReader {
  readonly problems: string[] = [];
  /** null until the row has a problem (most rows have none: one array fewer per row). */
  rowProblems: RowProblem[] | null = null;
  constructor(
    private readonly t: RawTable,
    private readonly row: unknown[],
    readonly rowNumber: number,
    private readonly ctx: ParseContext,
    readonly cells: CellLocale,
  ) {}

  has(key: string): boolean {
    return this.t.match.columns[key] !== undefined;
  }

  raw(key: string): unknown {
    const c = this.t.match.columns[key];
    return c === undefined ? '' : this.row[c];
  }

  header(key: string): string {
    return headerOf(this.t, key);
  }

  text(key: string): string {
    return cellText(this.raw(key), this.ctx.toCalDate).trim();
  }

  /**
   * A text field. A spreadsheet error in it (#REF!, #N/A … from a broken
   * formula) is a problem of that cell, read as blank: "Dear #REF!" must
   * never reach a draft.
   */
  field(key: string): string {
    const v = this.text(key);
    // The '#' test first: the regex runs on every text cell otherwise.
    if (v.charCodeAt(0) === 35 && SHEET_ERROR.test(v)) {
      this.problem(key, tr(this.ctx.lang, FORMULA_ERROR, { column: this.header(key), value: v }));
      return '';
    }
    return v;
  }

  problem(key: string, message: string): void {
    this.problems.push(message);
    const p: RowProblem = {
      sheet: this.t.sheetName,
      row: this.rowNumber,
      column: this.header(key),
      field: key,
      message,
    };
    if (this.rowProblems === null) this.rowProblems = [p];
    else this.rowProblems.push(p);
  }

  /** The value of a parser, or null with a problem that names the column. */
  parsed<T>(key: string, p: Parsed<T> | null): T | null {
    if (p === null) return null;
    if (p.ok) return p.value;
    const msg = tr(this.ctx.lang, p.message);
    const header = this.header(key);
    this.problem(key, msg.toLowerCase().startsWith(header.toLowerCase()) ? msg : `${header}: ${msg}`);
    return null;
  }

  number(key: string): number | null {
    return this.parsed(key, parseNumber(this.raw(key), this.cells));
  }

  date(key: string): CalDate | null {
    const serials = this.ctx.dateSerials !== undefined && this.ctx.dateSerials.has(key);
    return this.parsed(key, parseDate(this.raw(key), this.ctx.toCalDate, this.cells, serials));
  }

  required(key: string): void {
    if (this.text(key) === '') this.problem(key, tr(this.ctx.lang, REQUIRED_BLANK, { column: this.header(key) }));
  }
}

/** The user's header of a field's column ('First Name + Last Name' for a name made of parts); the key when there is none. */
export function headerOf(t: RawTable, key: string): string {
  const c = t.match.columns[key];
  const header = t.values[t.headerRow ?? 0];
  if (c === undefined && key === 'name' && t.nameParts) {
    const { first, middle, last } = t.nameParts;
    const parts = [first, middle, last].filter((x): x is number => x !== null).map((x) => String(header?.[x] ?? ''));
    return parts.join(' + ');
  }
  const h = c === undefined ? key : header?.[c];
  return typeof h === 'string' && h.trim() ? h.trim() : key;
}

/** Each non-blank data row (below the header row) through `build`, with the row problems collected. */
export function eachRow<T>(
  t: RawTable,
  ctx: ParseContext,
  build: (r: RowReader) => T | null,
): { items: T[]; problems: RowProblem[] } {
  const items: T[] = [];
  const problems: RowProblem[] = [];
  const cells = cellLocale(ctx.locale);
  for (let i = (t.headerRow ?? 0) + 1; i < t.values.length; i++) {
    const row = t.values[i];
    if (isBlankRow(row)) continue;
    const r = new RowReader(t, row, i + 1, ctx, cells);
    const item = build(r);
    if (item !== null) items.push(item);
    if (r.rowProblems !== null) for (const p of r.rowProblems) problems.push(p);
  }
  return { items, problems };
}
