/**
 * Sheet rows → the model. Every cell is validated here, once; a row with a
 * problem keeps all its data (nothing is written back from here) and carries
 * the reasons, phrased with the user's own column header so they can find it.
 */
import {
  cellLocale,
  cellText,
  guessLanguage,
  isValidEmail,
  parseComplaintSize,
  parseContactType,
  parseDate,
  parseLanguage,
  parseMonthDay,
  parseNumber,
  parseStatus,
  type CellLocale,
  type Parsed,
  type ToCalDate,
} from './cells';
import type { CalDate } from './dates';
import type { HeaderMatch } from './headers';
import { tr, type Msg } from './i18n';
import type { Contact, Customer, Holiday, Lang, Purchase, RowProblem, Tier } from './model';
import type { SheetSpec } from './schema';
import { anchorHasFormula } from './textCells';

/** One sheet as read: row 0 is the header row; `formulas` parallel to `values` when read. */
export interface RawTable {
  sheetName: string;
  spec: SheetSpec;
  values: unknown[][];
  formulas: string[][] | null;
  match: HeaderMatch;
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

const BLANK_ID: Msg = {
  en: 'no Customer ID: run Retain > Set up sheets to fill it',
  zh: '缺少客户编号：请运行 Retain > 设置表格 自动填写',
};
const BLANK_NAME: Msg = { en: 'Name is blank', zh: '姓名为空' };
const BAD_EMAIL: Msg = { en: 'Email "{value}" is not valid', zh: '邮箱“{value}”无效' };
const DUPLICATE_ID: Msg = {
  en: 'Customer ID {id} is used by rows {rows}',
  zh: '客户编号 {id} 被多行使用：第 {rows} 行',
};
const FORMULA_ERROR: Msg = {
  en: '{column}: {value} (the cell holds a formula error)',
  zh: '{column}：{value}（单元格公式出错）',
};
const SHEET_ERROR = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;
const REQUIRED_BLANK: Msg = { en: '{column} is blank', zh: '{column}为空' };

function isBlankRow(row: unknown[]): boolean {
  for (const v of row)
    if (!(v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) return false;
  return true;
}

/** Reads cells of one row by field key and collects the problems with their column header. */
class RowReader {
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
    const c = this.t.match.columns[key];
    const h = c === undefined ? key : this.t.values[0]?.[c];
    return typeof h === 'string' && h.trim() ? h.trim() : key;
  }

  text(key: string): string {
    return cellText(this.raw(key), this.ctx.toCalDate).trim();
  }

  /**
   * A text field. A spreadsheet error in it (#REF!, #N/A … from a broken
   * formula) is a problem of the row: "Dear #REF!" must never reach a draft.
   */
  field(key: string): string {
    const v = this.text(key);
    // The '#' test first: the regex runs on every text cell otherwise.
    if (v.charCodeAt(0) === 35 && SHEET_ERROR.test(v))
      this.problem(key, tr(this.ctx.lang, FORMULA_ERROR, { column: this.header(key), value: v }));
    return v;
  }

  problem(key: string | undefined, message: string): void {
    this.problems.push(message);
    const p: RowProblem = {
      sheet: this.t.sheetName,
      row: this.rowNumber,
      column: key ? this.header(key) : undefined,
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

/** Each non-blank data row through `build`, with the row problems collected. */
function eachRow<T>(
  t: RawTable,
  ctx: ParseContext,
  build: (r: RowReader) => T | null,
): { items: T[]; problems: RowProblem[] } {
  const items: T[] = [];
  const problems: RowProblem[] = [];
  const cells = cellLocale(ctx.locale);
  for (let i = 1; i < t.values.length; i++) {
    const row = t.values[i];
    if (isBlankRow(row)) continue;
    const r = new RowReader(t, row, i + 1, ctx, cells);
    const item = build(r);
    if (item !== null) items.push(item);
    if (r.rowProblems !== null) for (const p of r.rowProblems) problems.push(p);
  }
  return { items, problems };
}

/** A required date: parsed, or "is blank" when empty (a bad one already has its own problem). */
function requiredDate(r: RowReader, key: string): CalDate | null {
  const date = r.date(key);
  if (date === null && r.text(key) === '') r.required(key);
  return date;
}

function tierOf(v: unknown): Tier | null {
  const s = typeof v === 'string' ? v.trim().toUpperCase() : '';
  return s === 'A' || s === 'B' || s === 'C' ? s : null;
}

export function parseCustomers(t: RawTable, ctx: ParseContext): { customers: Customer[]; problems: RowProblem[] } {
  const customers: Customer[] = [];
  const problems: RowProblem[] = [];
  const tierCol = t.match.columns.tier;
  // A formula in the Tier column's first data row (a spilled =RETAIN_TIER(I2:I)) owns the whole column:
  // every row's tier is the value shown, formula or not (docs/platform.md, Custom functions).
  const tierColumnIsFormula = anchorHasFormula(t.formulas, tierCol);
  const cells = cellLocale(ctx.locale);
  for (let i = 1; i < t.values.length; i++) {
    const row = t.values[i];
    if (isBlankRow(row)) continue;
    const r = new RowReader(t, row, i + 1, ctx, cells);
    const id = r.field('id');
    if (!id) r.problem('id', tr(ctx.lang, BLANK_ID));
    const name = r.field('name');
    if (!name) r.problem('name', tr(ctx.lang, BLANK_NAME));
    const email = r.field('email');
    if (email && !isValidEmail(email))
      r.problem('email', tr(ctx.lang, BAD_EMAIL, { value: email.length > 60 ? email.slice(0, 59) + '…' : email }));
    const tierFormula = tierColumnIsFormula || (tierCol !== undefined && !!t.formulas && !!t.formulas[i]?.[tierCol]);
    customers.push({
      row: i + 1,
      id,
      name,
      company: r.field('company'),
      email,
      phone: r.field('phone'),
      address: r.field('address'),
      owner: r.field('owner'),
      language: r.parsed('language', parseLanguage(r.raw('language'))) ?? languageGuess(name, ctx.locale),
      revenue: r.number('revenue'),
      lastPurchase: r.date('lastPurchase'),
      lastPurchaseAmount: r.number('lastPurchaseAmount'),
      customerSince: r.date('customerSince'),
      birthday: r.parsed('birthday', parseMonthDay(r.raw('birthday'), ctx.toCalDate, cells)),
      lastContact: r.date('lastContact'),
      snoozeUntil: r.date('snoozeUntil'),
      status: r.parsed('status', parseStatus(r.raw('status'))) ?? 'Active',
      referredBy: r.field('referredBy'),
      tierFromSheet: tierOf(r.raw('tier')),
      tierIsFormula: tierFormula,
      thankYouDraft: r.text('thankYouDraft'),
      nextVisit: r.text('nextVisit'),
      problems: r.problems,
    });
    if (r.rowProblems !== null) for (const p of r.rowProblems) problems.push(p);
  }
  markDuplicateIds(customers, t.sheetName, ctx.lang, problems);
  return { customers, problems };
}

/**
 * A blank (or unreadable) Language: Chinese for a name in Han characters,
 * else the spreadsheet locale's language; null (the user's language) when
 * the locale is not known and the name says nothing.
 */
function languageGuess(name: string, locale: string | undefined): Lang | null {
  const guess = guessLanguage(name, locale);
  return guess === 'zh' || locale ? guess : null;
}

/** Two rows with one ID: neither can be trusted to be "the" customer, so both are held back. */
function markDuplicateIds(customers: Customer[], sheet: string, lang: Lang, problems: RowProblem[]): void {
  // Each ID's first row; a list of rows only for the (few) IDs seen again.
  const firstRow = new Map<string, number>();
  const rowsById = new Map<string, number[]>();
  // Indexed loops: this runs once over 100,000 rows, mostly before it is optimised, where for-of makes an object per step.
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (!c.id) continue;
    const first = firstRow.get(c.id);
    if (first === undefined) firstRow.set(c.id, c.row);
    else {
      const rows = rowsById.get(c.id);
      if (rows) rows.push(c.row);
      else rowsById.set(c.id, [first, c.row]);
    }
  }
  if (rowsById.size === 0) return;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    const rows = c.id ? rowsById.get(c.id) : undefined;
    if (rows && rows.length > 1) {
      const message = tr(lang, DUPLICATE_ID, { id: c.id, rows: rows.join(', ') });
      c.problems.push(message);
      problems.push({ sheet, row: c.row, message });
    }
  }
}

export function parsePurchases(t: RawTable, ctx: ParseContext): { purchases: Purchase[]; problems: RowProblem[] } {
  const { items, problems } = eachRow(t, ctx, (r) => {
    r.required('customerId');
    const date = requiredDate(r, 'date');
    return {
      row: r.rowNumber,
      customerId: r.text('customerId'),
      date,
      amount: r.number('amount'),
      product: r.field('product'),
      thankYouDraft: r.text('thankYouDraft'),
      problems: r.problems,
    };
  });
  return { purchases: items, problems };
}

export function parseContacts(t: RawTable, ctx: ParseContext): { contacts: Contact[]; problems: RowProblem[] } {
  const { items, problems } = eachRow(t, ctx, (r) => {
    r.required('customerId');
    const date = requiredDate(r, 'date');
    return {
      row: r.rowNumber,
      loggedAt: r.text('loggedAt'),
      customerId: r.text('customerId'),
      customerName: r.field('customerName'),
      date,
      type: r.parsed('type', parseContactType(r.raw('type'))),
      by: r.field('by'),
      outcome: r.field('outcome'),
      notes: r.field('notes'),
      nextStep: r.field('nextStep'),
      nextStepDate: r.date('nextStepDate'),
      complaintSize: r.parsed('complaintSize', parseComplaintSize(r.raw('complaintSize'))),
      resolvedOn: r.date('resolvedOn'),
      problems: r.problems,
    };
  });
  return { contacts: items, problems };
}

export function parseHolidays(t: RawTable, ctx: ParseContext): { holidays: Holiday[]; problems: RowProblem[] } {
  const { items, problems } = eachRow(t, ctx, (r) => {
    const date = requiredDate(r, 'date');
    return date ? { date, name: r.field('name') } : null;
  });
  return { holidays: items, problems };
}

export interface TemplateRow {
  row: number;
  key: string;
  language: Lang | null;
  subject: string;
  body: string;
}

export function parseTemplates(t: RawTable, ctx: ParseContext): { templates: TemplateRow[]; problems: RowProblem[] } {
  const { items, problems } = eachRow(t, ctx, (r) => ({
    row: r.rowNumber,
    key: r.text('key').toLowerCase(),
    language: r.parsed('language', parseLanguage(r.raw('language'))),
    subject: r.field('subject'),
    // Keep the body's own line breaks and spacing: they are the letter's layout.
    body: cellText(r.raw('body'), ctx.toCalDate),
  }));
  return { templates: items, problems };
}

/** The template for a key and language: that language's row, else one without a language, else any. */
export function pickTemplate(templates: TemplateRow[], key: string, lang: Lang): TemplateRow | null {
  const rows = templates.filter((t) => t.key === key);
  return rows.find((t) => t.language === lang) ?? rows.find((t) => t.language === null) ?? rows[0] ?? null;
}
