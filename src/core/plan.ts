/**
 * The nightly plan (SPEC section 4 step 3; DESIGN.md "a pure core"): from the
 * rows read, the settings and today, everything Retain decides: each
 * customer's tier and due items, the managed column values, the thank-you
 * drafts and visit entries to make, and what was skipped and why. Nothing is
 * read or written here; the same input always gives the same plan.
 *
 * Cost: purchases and contacts are indexed by customer ID once, every
 * customer is then planned from its own rows, and load spreading works on one
 * heap, so the plan is about linear in the number of rows (100,000 customers
 * in about a second in Node).
 */
import { isValidEmail } from './cells';
import type { CalDate } from './dates';
import { diffDays as daysBetween, plusDays as addDays } from './rules/days';
import {
  customerFacts,
  indexRows,
  qualifiesForFollowUp,
  SHEET_CONTACTS,
  SHEET_CUSTOMERS,
  SHEET_PURCHASES,
  type CustomerFacts,
  type FactOptions,
  type IgnoredRow,
} from './customerFacts';
import { tr, type Msg } from './i18n';
import { TIERS, type Contact, type Customer, type Holiday, type Lang, type Purchase, type RowProblem, type Settings, type Tier } from './model';
import { complaintItems } from './rules/complaints';
import { compareItems, describeDue, DUE_KINDS, type DueItem, type DueKind, type RuleContext } from './rules/dueItem';
import { spreadLoad } from './rules/loadSpreading';
import { calendarOf, moveItem } from './rules/moves';
import { nextStepItems } from './rules/nextSteps';
import { activeHolidays, anniversaryItem, birthdayItem, holidayItems, type ActiveHoliday } from './rules/occasions';
import { postSaleItems } from './rules/postSale';
import { recurringItem } from './rules/recurring';
import { applySnooze, statusAllows, statusAllowsDraft, statusAllowsVisit, statusExclusion } from './rules/status';
import { visitItem } from './rules/visits';
import { assignTiers } from './tiers';

export type { DueItem, DueKind } from './rules/dueItem';
export { describeDue } from './rules/dueItem';

export interface PlanInput {
  today: CalDate;
  settings: Settings;
  /** Language of the Follow-up / notes texts (the user's). */
  lang: Lang;
  /** Every row read, including rows with problems (Customer.problems non-empty). */
  customers: Customer[];
  /** null when there is no Purchases sheet. */
  purchases: Purchase[] | null;
  contacts: Contact[];
  holidays: Holiday[];
  /** Team mode: plan only rows whose Owner equals this (case-insensitive email); tiers are still computed over all customers. */
  onlyOwner?: string;
}

export interface ManagedValues {
  tier: Tier | '';
  nextFollowUp: CalDate | '';
  followUp: string;
  daysToDue: number | '';
  notes: string;
}

export interface CustomerPlan {
  customerId: string;
  row: number;
  tier: Tier | null;
  previousTier: Tier | null;
  /** All open items, sorted by due then priority. */
  items: DueItem[];
  next: DueItem | null;
  managed: ManagedValues;
  /** Why no actions: problems, Do not contact, Lost. */
  excluded?: string;
}

export interface DraftNeed {
  /** Stable idempotency key of the purchase, e.g. 'C0001|2026-11-20|1200|Widget' ('#2' for an identical second purchase). */
  key: string;
  customerId: string;
  /** Row in Purchases, or null when the purchase is the Customers row's Last purchase. */
  purchaseRow: number | null;
  customerRow: number;
  purchaseDate: CalDate;
  amount: number | null;
  product: string;
  email: string;
  language: Lang;
}

export interface VisitNeed {
  /** customerId + '|' + the visit's due date as the rule computed it (before snooze and moves). */
  key: string;
  customerId: string;
  customerRow: number;
  tier: Tier;
  /** The day the visit is due (after snooze and the working-day move); the calendar step picks the slot. */
  due: CalDate;
  overdue: boolean;
}

export interface Skip {
  sheet: string;
  row: number;
  customerId?: string;
  what: 'draft' | 'visit' | 'follow-up' | 'row';
  /** In input.lang. */
  reason: string;
}

export interface PlanSummary {
  /** Customers planned (in team mode: the user's). */
  customers: number;
  withProblems: number;
  tiersChanged: number;
  /** Items due today or overdue, by kind. */
  due: Record<DueKind, number>;
  /** Items due today or overdue, by the customer's tier (customers without a tier are not counted here). */
  dueByTier: Record<Tier, number>;
  /** Items due before today. */
  overdue: number;
  /** Items due today. */
  dueToday: number;
}

export interface Plan {
  today: CalDate;
  customers: CustomerPlan[];
  drafts: DraftNeed[];
  visits: VisitNeed[];
  skipped: Skip[];
  problems: RowProblem[];
  summary: PlanSummary;
}

const MSG = {
  more: { en: ' (+{n} more)', zh: '（另有{n}项）' },
  ignoredRow: { en: '{sheet} row {row}: {message}', zh: '{sheet}第{row}行：{message}' },
  noEmail: { en: 'No email: no thank-you draft for the purchase of {date}', zh: '没有邮箱：{date}的购买无法生成感谢信草稿' },
  badEmail: { en: 'Email "{email}" is not valid: no thank-you draft for the purchase of {date}', zh: '邮箱“{email}”无效：{date}的购买无法生成感谢信草稿' },
  futureLastPurchase: { en: 'Last purchase {date} is in the future: ignored', zh: '最近购买日期{date}晚于今天：已忽略' },
} satisfies Record<string, Msg>;

/** The sheet's name as the user's workbook calls it (SPEC section 1), for notes. */
function sheetLabel(sheet: string, lang: Lang): string {
  if (lang !== 'zh') return sheet;
  return sheet === SHEET_PURCHASES ? '购买记录' : sheet === SHEET_CONTACTS ? '联系记录' : sheet === SHEET_CUSTOMERS ? '客户' : sheet;
}

function sameOwner(owner: string, wanted: string): boolean {
  return owner.trim().toLowerCase() === wanted;
}

/** What one customer contributes before load spreading. */
interface Work {
  c: Customer;
  facts: CustomerFacts | null;
  tier: Tier | null;
  excluded?: string;
  notes: string[];
  items: DueItem[];
}

export function planNightly(input: PlanInput): Plan {
  const { today, settings, lang } = input;
  const cal = calendarOf(settings, input.holidays);
  const ctx: RuleContext = { today, settings, cal };
  const factOptions: FactOptions = {
    today,
    revenueWindowDays: settings.revenueWindowDays,
    minFollowUpAmount: settings.minFollowUpAmount,
    postSaleSteps: settings.postSaleSteps,
    postSaleWindowDays: settings.postSaleWindowDays,
  };
  const owner = input.onlyOwner === undefined ? null : input.onlyOwner.trim().toLowerCase();

  // Sorted by row: the plan's order never depends on the order rows came in.
  const customers = input.customers.slice().sort((a, b) => a.row - b.row);
  const known = new Set<string>();
  const usable = new Set<string>();
  for (const c of customers) {
    if (c.id === '') continue;
    known.add(c.id);
    if (c.problems.length === 0) usable.add(c.id);
  }

  // 1. Purchases and contacts by customer, bad rows set aside (reported below).
  const index = indexRows(input.purchases, input.contacts, known, usable, today, lang);

  // 2. Facts for every customer without problems: tiers need all of them,
  //    even in team mode (SPEC section 4: tiers are over the whole list).
  const facts: Array<CustomerFacts | null> = customers.map((c) =>
    c.problems.length > 0
      ? null
      : customerFacts(c, index.purchases === null ? null : index.purchases.get(c.id) ?? [], index.contacts.get(c.id) ?? [], factOptions),
  );

  // 3. Tiers over all customers without problems. A Tier cell holding a
  //    formula is the user's decision: its value is kept (SPEC section 1).
  const tiered: number[] = [];
  const revenues: Array<number | null> = [];
  facts.forEach((f, i) => {
    if (f !== null) {
      tiered.push(i);
      revenues.push(f.revenue);
    }
  });
  const assigned = assignTiers(revenues, settings.tierCutoffs, settings.tierMethod);
  const tierOf: Array<Tier | null> = customers.map(() => null);
  tiered.forEach((ci, k) => {
    tierOf[ci] = customers[ci].tierIsFormula ? customers[ci].tierFromSheet : assigned[k];
  });

  // 4. Rows set aside, attached to their customer's notes.
  const ignoredByCustomer = new Map<string, IgnoredRow[]>();
  for (const g of index.ignored) {
    if (g.customerId === undefined) continue;
    const list = ignoredByCustomer.get(g.customerId);
    if (list) list.push(g);
    else ignoredByCustomer.set(g.customerId, [g]);
  }

  const holidaysShown: ActiveHoliday[] = activeHolidays(input.holidays, today);
  const works: Work[] = [];
  const drafts: DraftNeed[] = [];
  const skipped: Skip[] = [];
  const inScope = new Set<string>();
  const problems: RowProblem[] = [];

  customers.forEach((c, i) => {
    if (owner !== null && !sameOwner(c.owner, owner)) return;
    if (c.id !== '') inScope.add(c.id);
    const f = facts[i];
    const w: Work = { c, facts: f, tier: tierOf[i], notes: [], items: [] };
    works.push(w);
    if (f === null) {
      const reason = c.problems.join('; ');
      w.excluded = reason;
      w.notes.push(...c.problems);
      const skip: Skip = { sheet: SHEET_CUSTOMERS, row: c.row, what: 'row', reason };
      if (c.id !== '') skip.customerId = c.id;
      skipped.push(skip);
      for (const message of c.problems) problems.push({ sheet: SHEET_CUSTOMERS, row: c.row, message });
      return;
    }
    for (const g of ignoredByCustomer.get(c.id) ?? []) {
      w.notes.push(tr(lang, MSG.ignoredRow, { sheet: sheetLabel(g.problem.sheet, lang), row: g.problem.row, message: g.problem.message }));
    }
    if (input.purchases === null && c.lastPurchase !== null && c.lastPurchase > today) {
      w.notes.push(tr(lang, MSG.futureLastPurchase, { date: c.lastPurchase }));
    }
    const exclusion = statusExclusion(c, lang);
    if (exclusion !== null) {
      w.excluded = exclusion;
      return;
    }
    w.items = customerItems(c, f, w.tier, holidaysShown, ctx);
    if (statusAllowsDraft(c)) {
      for (const d of draftsFor(c, f, settings, today, lang)) {
        if ('need' in d) drafts.push(d.need);
        else {
          skipped.push(d.skip);
          w.notes.push(d.skip.reason);
        }
      }
    }
  });

  // 5. Load spreading over every planned recurring item at once (SPEC 3.8).
  const flat: DueItem[] = [];
  const ownerOf: Work[] = [];
  for (const w of works) {
    for (const it of w.items) {
      flat.push(it);
      ownerOf.push(w);
    }
    w.items = [];
  }
  const spread = spreadLoad(flat, settings.maxFollowUpsPerDay, today, cal);
  spread.forEach((it, k) => ownerOf[k].items.push(it));

  // 6. Visits, managed values, summary.
  const visits: VisitNeed[] = [];
  const lookahead = addDays(today, settings.visitLookaheadDays);
  const due = Object.fromEntries(DUE_KINDS.map((k) => [k, 0])) as Record<DueKind, number>;
  const dueByTier = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  let overdue = 0;
  let dueToday = 0;
  let withProblems = 0;
  let tiersChanged = 0;

  const plans: CustomerPlan[] = works.map((w) => {
    const c = w.c;
    w.items.sort(compareItems);
    const next = w.items.length > 0 ? w.items[0] : null;
    if (c.problems.length > 0) withProblems++;
    else if (!c.tierIsFormula && w.tier !== c.tierFromSheet) tiersChanged++;

    for (const it of w.items) {
      if (it.due <= today) {
        due[it.kind]++;
        if (w.tier !== null) dueByTier[w.tier]++;
        if (it.due < today) overdue++;
        else dueToday++;
      }
      if (it.kind === 'visit' && w.tier !== null && statusAllowsVisit(c) && it.due <= lookahead) {
        visits.push({ key: `${c.id}|${it.baseDue}`, customerId: c.id, customerRow: c.row, tier: w.tier, due: it.due, overdue: it.due < today });
      }
    }

    let followUp = '';
    if (next !== null) {
      let more = 0;
      for (const it of w.items) if (it !== next && it.due <= today) more++;
      followUp = describeDue(next, lang) + (more > 0 ? tr(lang, MSG.more, { n: more }) : '');
    }
    const managed: ManagedValues =
      c.problems.length > 0
        ? { tier: '', nextFollowUp: '', followUp: '', daysToDue: '', notes: w.notes.join('; ') }
        : {
            tier: w.tier ?? '',
            nextFollowUp: next ? next.due : '',
            followUp,
            daysToDue: next ? daysBetween(today, next.due) : '',
            notes: w.notes.join('; '),
          };
    const plan: CustomerPlan = {
      customerId: c.id,
      row: c.row,
      tier: w.tier,
      previousTier: c.tierFromSheet,
      items: w.items,
      next,
      managed,
    };
    if (w.excluded !== undefined) plan.excluded = w.excluded;
    return plan;
  });

  // Bad Purchases / Contact log rows: reported when they belong to a planned
  // customer, or to no customer at all (a mistyped ID is everyone's business).
  for (const g of index.ignored) {
    if (g.customerId !== undefined && !inScope.has(g.customerId)) continue;
    problems.push(g.problem);
    const s: Skip = { sheet: g.problem.sheet, row: g.problem.row, what: 'row', reason: g.problem.message };
    if (g.customerId !== undefined) s.customerId = g.customerId;
    skipped.push(s);
  }

  const sheetOrder = (s: string): number => (s === SHEET_CUSTOMERS ? 0 : s === SHEET_PURCHASES ? 1 : 2);
  skipped.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row || (a.what < b.what ? -1 : a.what > b.what ? 1 : 0));
  problems.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  drafts.sort((a, b) => a.customerRow - b.customerRow || (a.purchaseDate < b.purchaseDate ? -1 : a.purchaseDate > b.purchaseDate ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  visits.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || a.customerRow - b.customerRow);

  return {
    today,
    customers: plans,
    drafts,
    visits,
    skipped,
    problems,
    summary: { customers: plans.length, withProblems, tiersChanged, due, dueByTier, overdue, dueToday },
  };
}

/**
 * Every open item of one customer that may be contacted, after the status
 * filter, the working-day moves and the snooze; before load spreading.
 */
export function customerItems(c: Customer, f: CustomerFacts, tier: Tier | null, holidays: readonly ActiveHoliday[], ctx: RuleContext): DueItem[] {
  const raw: DueItem[] = [];
  const add = (it: DueItem | null): void => {
    if (it !== null && statusAllows(c, it.kind)) raw.push(it);
  };
  if (statusAllows(c, 'thank-you')) postSaleItems(c, f, ctx).forEach(add);
  add(recurringItem(c, f, tier, ctx));
  if (statusAllowsVisit(c)) add(visitItem(c, f, tier, ctx));
  if (statusAllows(c, 'birthday')) {
    add(birthdayItem(c, f, ctx));
    add(anniversaryItem(c, f, ctx));
    holidayItems(c, f, tier, holidays, ctx).forEach(add);
  }
  complaintItems(c, f, ctx).forEach(add);
  nextStepItems(c, f, ctx).forEach(add);
  for (let i = 0; i < raw.length; i++) raw[i] = moveItem(raw[i], ctx.cal);
  return c.snoozeUntil === null ? raw : applySnooze(raw, c.snoozeUntil, ctx.today, ctx.cal);
}

type DraftOrSkip = { need: DraftNeed } | { skip: Skip };

/**
 * Thank-you drafts (SPEC section 4; DOMAIN.md section 2: "within one or two
 * days after the deal"): purchases dated from today - thankYouWindowDays
 * through today, of at least minFollowUpAmount, with no draft made yet, to a
 * valid email. Snooze does not stop a draft: it is only a draft, the user
 * reviews it and decides whether to send.
 */
function draftsFor(c: Customer, f: CustomerFacts, settings: Settings, today: CalDate, lang: Lang): DraftOrSkip[] {
  const from = addDays(today, -settings.thankYouWindowDays);
  const out: DraftOrSkip[] = [];
  for (const p of f.purchases) {
    if (p.date < from || p.date > today) continue;
    if (!qualifiesForFollowUp(p.amount, settings.minFollowUpAmount) || p.draftRecorded) continue;
    const email = c.email.trim();
    if (email === '' || !isValidEmail(email)) {
      const reason = email === '' ? tr(lang, MSG.noEmail, { date: p.date }) : tr(lang, MSG.badEmail, { email, date: p.date });
      out.push({ skip: { sheet: SHEET_CUSTOMERS, row: c.row, customerId: c.id, what: 'draft', reason } });
      continue;
    }
    out.push({
      need: {
        key: p.key,
        customerId: c.id,
        purchaseRow: p.row,
        customerRow: c.row,
        purchaseDate: p.date,
        amount: p.amount,
        product: p.product,
        email,
        language: c.language ?? lang,
      },
    });
  }
  return out;
}
