/**
 * Sheet rows → the model. Every cell is validated here, once (rowReader.ts);
 * a row with a problem keeps all its data (nothing is written back from
 * here) and carries the reasons, phrased with the user's own column header
 * and tied to the field, so a bad cell costs only what needs it
 * (cellProblems.ts). Rows above the header row are not read; totals rows are
 * not customers.
 */
import {
  cellLocale,
  cellText,
  guessLanguage,
  isValidEmail,
  parseComplaintSize,
  parseContactType,
  parseLanguage,
  parseMonthDay,
  parseStatus,
} from './cells';
import type { CalDate } from './dates';
import { isTotalsRow } from './headerRow';
import { tr, type Msg } from './i18n';
import type { Contact, Customer, Holiday, Lang, Purchase, RowProblem, Tier } from './model';
import { nameOf } from './nameColumns';
import { eachRow, headerOf, isBlankRow, RowReader, type ParseContext, type RawTable } from './rowReader';
import { anchorHasFormula } from './textCells';

export type { ParseContext, RawTable } from './rowReader';

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

/** The Customers rows read: every customer row (with its problems), and the totals rows left out. */
export interface CustomersRead {
  customers: Customer[];
  problems: RowProblem[];
  /** 1-based sheet rows that are totals rows ("Total", "合计" ... with no email and no ID): not customers. */
  totals: number[];
}

/** A totals row? Only asked of a row with a blank name or a blank ID (a totals row has no ID): one look at two cells for most rows. */
function totalsRow(t: RawTable, row: unknown[], idText: string, nameText: string): boolean {
  if (idText !== '' && nameText !== '') return false;
  return isTotalsRow(row, t.match, t.nameParts ?? null);
}

export function parseCustomers(t: RawTable, ctx: ParseContext): CustomersRead {
  const customers: Customer[] = [];
  const problems: RowProblem[] = [];
  const totals: number[] = [];
  const tierCol = t.match.columns.tier;
  const nameCol = t.match.columns.name;
  const parts = nameCol === undefined ? (t.nameParts ?? null) : null;
  // A formula in the Tier column's first data row (a spilled =RETAIN_TIER(I2:I)) owns the whole column:
  // every row's tier is the value shown, formula or not (docs/platform.md, Custom functions).
  const tierColumnIsFormula = anchorHasFormula(t.formulas, tierCol, t.headerRow ?? 0);
  const cells = cellLocale(ctx.locale);
  for (let i = (t.headerRow ?? 0) + 1; i < t.values.length; i++) {
    const row = t.values[i];
    if (isBlankRow(row)) continue;
    const r = new RowReader(t, row, i + 1, ctx, cells);
    const rawName = parts === null ? r.text('name') : nameOf(row, undefined, parts);
    if (totalsRow(t, row, r.text('id'), rawName)) {
      totals.push(i + 1);
      continue;
    }
    const id = r.field('id');
    if (!id && r.text('id') === '') r.problem('id', tr(ctx.lang, BLANK_ID));
    const name = parts === null ? r.field('name') : rawName;
    if (!name && rawName === '') r.problem('name', tr(ctx.lang, BLANK_NAME));
    const email = r.field('email');
    if (email && !isValidEmail(email))
      r.problem('email', tr(ctx.lang, BAD_EMAIL, { value: email.length > 60 ? email.slice(0, 59) + '…' : email }));
    const tierFormula = tierColumnIsFormula || (tierCol !== undefined && !!t.formulas && !!t.formulas[i]?.[tierCol]);
    const c: Customer = {
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
    };
    if (r.rowProblems !== null) {
      c.cellProblems = r.rowProblems;
      for (const p of r.rowProblems) problems.push(p);
    }
    customers.push(c);
  }
  markDuplicateIds(customers, t, ctx.lang, problems);
  return { customers, problems, totals };
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

/**
 * Two rows with one ID: neither can be trusted to be "the" customer, so
 * neither gets a draft or an event (a problem of the `id` field); both keep
 * their tier and follow-up.
 */
function markDuplicateIds(customers: Customer[], t: RawTable, lang: Lang, problems: RowProblem[]): void {
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
      const p: RowProblem = { sheet: t.sheetName, row: c.row, column: headerOf(t, 'id'), field: 'id', message };
      c.problems.push(message);
      if (c.cellProblems) c.cellProblems.push(p);
      else c.cellProblems = [p];
      problems.push(p);
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
