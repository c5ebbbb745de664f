/**
 * One customer planned (docs/architecture.md, A nightly run): the notes about
 * its rows, its facts, every due item its status allows (after the
 * working-day moves and the snooze, before load spreading), and the
 * thank-you drafts it needs. The facts live only while the customer is
 * planned, unless it gets a draft or a visit: short-lived garbage costs the
 * collector nothing, 100,000 customers' facts kept alive did.
 */
import { isValidEmail } from './cells';
import { draftBlockedBy, eventBlockedBy, problemNote, withoutFutureDates } from './cellProblems';
import { customerFacts, qualifiesForFollowUp, type CustomerFacts, type FactOptions } from './customerFacts';
import { SHEET_CONTACTS, SHEET_CUSTOMERS, SHEET_PURCHASES, type GroupedRows, type IgnoredRow } from './customerRows';
import type { CalDate } from './dates';
import { tr, type Msg } from './i18n';
import type { Customer, Lang, RowProblem, Settings, Tier } from './model';
import { contactsOf, purchasesOf, type CustomerGroups } from './planGroups';
import { fieldOf, headerLabel, SHEETS } from './schema';
import type { DraftNeed, PlanInput, Skip } from './planTypes';
import { complaintItems } from './rules/complaints';
import type { DueItem, RuleContext } from './rules/dueItem';
import { moveItem } from './rules/moves';
import { nextStepItems } from './rules/nextSteps';
import { anniversaryItem, birthdayItem, holidayItems, type ActiveHoliday } from './rules/occasions';
import { postSaleItems } from './rules/postSale';
import { recurringItem } from './rules/recurring';
import { applySnooze, statusAllows, statusAllowsDraft, statusAllowsVisit, statusExclusion } from './rules/status';
import { visitItem } from './rules/visits';

const MSG = {
  ignoredRow: { en: '{sheet} row {row}: {message}', zh: '{sheet}第{row}行：{message}' },
  noEmail: {
    en: 'No email: no thank-you draft for the purchase of {date}',
    zh: '没有邮箱：{date}的购买无法生成感谢信草稿',
  },
  badEmail: {
    en: 'Email "{email}" is not valid: no thank-you draft for the purchase of {date}',
    zh: '邮箱“{email}”无效：{date}的购买无法生成感谢信草稿',
  },
  futureLastPurchase: {
    en: 'Last purchase {date} is in the future: ignored',
    zh: '最近购买日期{date}晚于今天：已忽略',
  },
  visitRowHeld: {
    en: 'no visit event until it is fixed (it may be a visit)',
    zh: '修正前不创建拜访日程（可能是一次拜访）',
  },
  noDraftFor: {
    en: '{why}: no thank-you draft for the purchase of {date}',
    zh: '{why}：{date}的购买不创建感谢信草稿',
  },
  noEventFor: { en: '{why}: no visit event', zh: '{why}：不创建拜访日程' },
} satisfies Record<string, Msg>;

/** What every customer's planning step shares (the phases are separate functions: each is compiled on its own, not one huge function). */
export interface PlanRun {
  input: PlanInput;
  today: CalDate;
  lang: Lang;
  settings: Settings;
  ctx: RuleContext;
  factOptions: FactOptions;
  groups: CustomerGroups;
  index: GroupedRows;
  holidaysShown: readonly ActiveHoliday[];
  ignoredByCustomer: Map<string, IgnoredRow[]>;
  /** Drafts are made for purchases from this day through today. */
  draftFrom: CalDate;
  /** Visits due up to this day are made (today + visitLookaheadDays). */
  visitsUntil: CalDate;
  works: Work[];
  drafts: DraftNeed[];
  skipped: Skip[];
  problems: RowProblem[];
  /** Every customer's items one after the other: load spreading takes them all at once. */
  flat: DueItem[];
  /** In team mode, which customer IDs are planned (by group). */
  inScope: Uint8Array;
  /** The kept facts (Plan.facts). */
  facts: Map<number, CustomerFacts>;
}

/** What one customer contributes before load spreading. */
export interface Work {
  c: Customer;
  tier: Tier | null;
  excluded?: string;
  /** Why no calendar event may be made for this customer (a cell of its own, or a Contact log row that may be a visit), if so. */
  noEvent?: string;
  /** null until there is a note (most customers have none). */
  notes: string[] | null;
  /** The customer's items are flat[from .. to) before spreading, spread[from .. to) after. */
  from: number;
  to: number;
}

function note(w: Work, text: string): void {
  if (w.notes === null) w.notes = [text];
  else w.notes.push(text);
}

/** The sheet's name as the user's workbook calls it, for notes. */
function sheetLabel(sheet: string, lang: Lang): string {
  if (lang !== 'zh') return sheet;
  return sheet === SHEET_PURCHASES
    ? '购买记录'
    : sheet === SHEET_CONTACTS
      ? '联系记录'
      : sheet === SHEET_CUSTOMERS
        ? '客户'
        : sheet;
}

/**
 * The customer's own unreadable cells: each noted with what it costs and
 * reported by cell; nothing else is left out here (core/cellProblems.ts).
 */
function noteOwnProblems(run: PlanRun, w: Work, c: Customer): void {
  const hasPurchases = run.input.purchases !== null;
  if (c.cellProblems !== undefined) {
    for (const p of c.cellProblems) {
      note(w, problemNote(p.message, p.field, run.lang, hasPurchases));
      run.problems.push(p);
    }
  } else {
    // Rows made without their cells (older callers, tests): the messages alone.
    for (const message of c.problems) {
      note(w, message);
      run.problems.push({ sheet: SHEET_CUSTOMERS, row: c.row, message });
    }
  }
}

/** Dates that cannot be true yet (after today) read as blank, with a note and a problem naming the column. */
function withoutFuture(run: PlanRun, w: Work, c: Customer): Customer {
  const header = (field: string) => headerLabel(fieldOf(SHEETS.customers, field), run.lang);
  const { customer, notes } = withoutFutureDates(c, run.today, run.lang, header);
  if (notes !== null)
    for (const message of notes) {
      note(w, message);
      run.problems.push({ sheet: SHEET_CUSTOMERS, row: c.row, message });
    }
  return customer;
}

/** Notes about this customer's rows that were left out, and a Last purchase in the future. */
function noteRows(run: PlanRun, w: Work, c: Customer): void {
  const { lang } = run;
  const ignoredRows = run.ignoredByCustomer.size > 0 ? run.ignoredByCustomer.get(c.id) : undefined;
  if (ignoredRows !== undefined) {
    for (const r of ignoredRows) {
      const text = tr(lang, MSG.ignoredRow, {
        sheet: sheetLabel(r.problem.sheet, lang),
        row: r.problem.row,
        message: r.problem.message,
      });
      // A Contact log row that cannot be read and may be a visit: the next visit cannot be placed without it.
      if (r.maybeVisit) {
        const held = `${text}${lang === 'zh' ? '：' : ': '}${tr(lang, MSG.visitRowHeld)}`;
        note(w, held);
        if (w.noEvent === undefined) w.noEvent = held;
      } else note(w, text);
    }
  }
  if (run.input.purchases === null && c.lastPurchase !== null && c.lastPurchase > run.today) {
    note(w, tr(lang, MSG.futureLastPurchase, { date: c.lastPurchase }));
  }
}

/**
 * One customer (the i-th in row order) planned: its Work, items, drafts,
 * skips and notes. A cell with a problem costs only what needs it
 * (core/cellProblems.ts): the customer is planned like any other.
 */
export function planCustomer(run: PlanRun, i: number, c0: Customer, tier: Tier | null): void {
  const { flat } = run;
  const g = run.groups.groupAt[i];
  if (g >= 0) run.inScope[g] = 1;
  const w: Work = { c: c0, tier, notes: null, from: flat.length, to: flat.length };
  run.works.push(w);
  if (c0.problems.length > 0) noteOwnProblems(run, w, c0);
  const c = withoutFuture(run, w, c0);
  w.c = c;
  noteRows(run, w, c);
  const exclusion = statusExclusion(c, run.lang);
  if (exclusion !== null) {
    w.excluded = exclusion;
    return;
  }
  const blocked = eventBlockedBy(c);
  if (blocked !== null) w.noEvent = tr(run.lang, MSG.noEventFor, { why: blocked.message });
  const f = customerFacts(
    c,
    purchasesOf(run.index, run.groups, i),
    contactsOf(run.index, run.groups, i),
    run.factOptions,
  );
  appendCustomerItems(flat, c, f, tier, run.holidaysShown, run.ctx);
  w.to = flat.length;
  const drafts = run.drafts.length;
  if (statusAllowsDraft(c)) draftsFor(run, c, f, w);
  if (run.drafts.length > drafts || makesVisit(run, w)) run.facts.set(c.row, f);
}

/**
 * Will this customer get a visit entry (the visit item passes planNightly's
 * test for VisitNeed)? Visits are not spread, so their dates are final here.
 */
function makesVisit(run: PlanRun, w: Work): boolean {
  if (w.tier === null || !statusAllowsVisit(w.c) || w.noEvent !== undefined) return false;
  for (let i = w.from; i < w.to; i++) {
    const it = run.flat[i];
    if (it.kind === 'visit' && it.due <= run.visitsUntil) return true;
  }
  return false;
}

/** Every open item of one customer that may be contacted, appended to `out` (one array for all customers). */
function appendCustomerItems(
  out: DueItem[],
  c: Customer,
  f: CustomerFacts,
  tier: Tier | null,
  holidays: readonly ActiveHoliday[],
  ctx: RuleContext,
): void {
  const from = out.length;
  // Rules that can only give nothing are not called (no post-sale purchases,
  // no complaints, no holiday shown): most customers, 100,000 a night.
  if (f.postSalePurchases.length > 0 && statusAllows(c, 'thank-you')) addAll(out, c, postSaleItems(c, f, ctx));
  add(out, c, recurringItem(c, f, tier, ctx));
  if (statusAllowsVisit(c)) add(out, c, visitItem(c, f, tier, ctx));
  if (statusAllows(c, 'birthday')) {
    add(out, c, birthdayItem(c, f, ctx));
    add(out, c, anniversaryItem(c, f, ctx));
    if (holidays.length > 0) addAll(out, c, holidayItems(c, f, tier, holidays, ctx));
  }
  if (f.openComplaints.length > 0 || f.resolvedComplaints.length > 0) addAll(out, c, complaintItems(c, f, ctx));
  addAll(out, c, nextStepItems(c, f, ctx));
  for (let i = from; i < out.length; i++) out[i] = moveItem(out[i], ctx.cal);
  if (c.snoozeUntil !== null) {
    const snoozed = applySnooze(out.slice(from), c.snoozeUntil, ctx.today, ctx.cal);
    out.length = from;
    for (let i = 0; i < snoozed.length; i++) out.push(snoozed[i]);
  }
}

/** The item, when there is one and the customer's status allows its kind. */
function add(raw: DueItem[], c: Customer, it: DueItem | null): void {
  if (it !== null && statusAllows(c, it.kind)) raw.push(it);
}

function addAll(raw: DueItem[], c: Customer, items: readonly DueItem[]): void {
  for (let i = 0; i < items.length; i++) add(raw, c, items[i]);
}

/**
 * Thank-you drafts (docs/rules.md, Drafts: "within one or two days after the
 * deal"): purchases dated from run.draftFrom through today, of at least
 * minFollowUpAmount, with no draft made yet, to a valid email. Snooze does
 * not stop a draft: it is only a draft, the user reviews it and decides
 * whether to send. A purchase without a usable email is skipped, with a note.
 */
function draftsFor(run: PlanRun, c: Customer, f: CustomerFacts, w: Work): void {
  const { lang, today } = run;
  const blocked = draftBlockedBy(c);
  for (const p of f.purchases) {
    if (p.date < run.draftFrom || p.date > today) continue;
    if (!qualifiesForFollowUp(p.amount, run.settings.minFollowUpAmount) || p.draftRecorded) continue;
    if (blocked !== null) {
      // The row's notes already say why (noteOwnProblems); the skip names the purchase.
      const reason = tr(lang, MSG.noDraftFor, { why: blocked.message, date: p.date });
      run.skipped.push({ sheet: SHEET_CUSTOMERS, row: c.row, customerId: c.id, what: 'draft', reason });
      continue;
    }
    const email = c.email.trim();
    if (email === '' || !isValidEmail(email)) {
      const reason =
        email === '' ? tr(lang, MSG.noEmail, { date: p.date }) : tr(lang, MSG.badEmail, { email, date: p.date });
      run.skipped.push({ sheet: SHEET_CUSTOMERS, row: c.row, customerId: c.id, what: 'draft', reason });
      note(w, reason);
      continue;
    }
    run.drafts.push({
      key: p.key,
      customerId: c.id,
      purchaseRow: p.row,
      customerRow: c.row,
      purchaseDate: p.date,
      amount: p.amount,
      product: p.product,
      email,
      language: c.language ?? lang,
    });
  }
}
