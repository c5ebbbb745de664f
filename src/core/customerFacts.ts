/**
 * Per-customer facts the rules read: revenue, purchases, last purchase, last
 * contact, last visit, complaints. Derived once per customer from rows that
 * were indexed by customer ID once (SPEC section 1: when a `Purchases` sheet
 * exists, revenue and last purchase come from it, else from the Customers
 * columns), so planning stays linear in the number of rows.
 */
import type { CalDate } from './dates';
import { plusDays as addDays } from './rules/days';
import { tr, type Msg } from './i18n';
import type { Contact, Customer, Lang, Purchase, RowProblem } from './model';

/** One purchase as the rules see it (from Purchases, or the Customers row's Last purchase). */
export interface PurchaseFact {
  /** Stable idempotency key: 'C0001|2026-11-20|1200|Widget', '#2' appended for an identical second purchase. */
  key: string;
  /** Row in Purchases, or null when the purchase is the Customers row's Last purchase. */
  row: number | null;
  date: CalDate;
  amount: number | null;
  product: string;
  /** A thank-you draft was already made for this purchase. */
  draftRecorded: boolean;
}

export interface ComplaintFact {
  row: number;
  date: CalDate;
  /** Blank size counts as Small (the same-day deadline is the safe side). */
  size: 'Small' | 'Big';
  resolvedOn: CalDate | null;
}

export interface CustomerFacts {
  /** Revenue over the last `revenueWindowDays` (Purchases), or the `Revenue` cell; null = blank. */
  revenue: number | null;
  /** Every usable purchase, oldest first (date, then row). */
  purchases: PurchaseFact[];
  lastPurchase: CalDate | null;
  lastPurchaseAmount: number | null;
  /** The first purchase in Purchases (anniversary when `Customer since` is blank); null without a Purchases sheet. */
  firstPurchase: CalDate | null;
  /** max(`Last contact` cell, latest logged contact). */
  lastContact: CalDate | null;
  /** Latest logged contact of type Visit. */
  lastVisit: CalDate | null;
  /** Usable logged contacts, oldest first (date, then row). */
  contacts: readonly Contact[];
  openComplaints: readonly ComplaintFact[];
  resolvedComplaints: readonly ComplaintFact[];
  /** Purchases of at least `minFollowUpAmount` whose post-sale steps may still be open (not all lapsed). */
  postSalePurchases: PurchaseFact[];
}

export interface FactOptions {
  today: CalDate;
  revenueWindowDays: number;
  minFollowUpAmount: number;
  postSaleSteps: readonly number[];
  postSaleWindowDays: number;
}

/**
 * A purchase deserves the post-sale sequence when it reaches the minimum
 * (DOMAIN.md section 2: nobody follows up a 0.9-yuan pen). A blank amount is
 * only good enough when there is no minimum: the value is unknown.
 */
export function qualifiesForFollowUp(amount: number | null, min: number): boolean {
  return amount === null ? min <= 0 : amount >= min;
}

function byDateThenRow(a: { date: CalDate | null; row: number | null }, b: { date: CalDate | null; row: number | null }): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return (a.row ?? 0) - (b.row ?? 0);
}

/**
 * Idempotency key of a purchase. It only uses what the user typed, so it
 * survives sorting and inserted rows; identical purchases (same customer, day,
 * amount and product, e.g. two of the same item on two lines) are told apart
 * by their order: '#2', '#3', ...
 */
export function purchaseKey(customerId: string, date: CalDate, amount: number | null, product: string): string {
  return `${customerId}|${date}|${amount === null ? '' : amount}|${product}`;
}

const NONE: readonly ComplaintFact[] = Object.freeze([]);

export function customerFacts(
  c: Customer,
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  o: FactOptions,
): CustomerFacts {
  const facts: PurchaseFact[] = [];
  let revenue: number | null;
  let firstPurchase: CalDate | null = null;

  if (purchases === null) {
    // No Purchases sheet: the Customers row's own columns (SPEC section 1).
    revenue = c.revenue;
    if (c.lastPurchase !== null && c.lastPurchase <= o.today) {
      facts.push({
        key: purchaseKey(c.id, c.lastPurchase, c.lastPurchaseAmount, ''),
        row: null,
        date: c.lastPurchase,
        amount: c.lastPurchaseAmount,
        product: '',
        // The thank-you cell records the purchase date the draft was made for,
        // so a new Last purchase gets its own draft.
        draftRecorded: c.thankYouDraft !== '' && c.thankYouDraft.indexOf(c.lastPurchase) >= 0,
      });
    }
  } else {
    // Revenue over the last revenueWindowDays days, today included: with 365
    // that is today and the 364 days before it.
    const windowStart = addDays(o.today, -(o.revenueWindowDays - 1));
    revenue = 0;
    // Most customers have one or two purchases: no map, no sort for them.
    const seen = purchases.length > 1 ? new Map<string, number>() : null;
    const byRow = purchases.length > 1 ? purchases.slice().sort((a, b) => a.row - b.row) : purchases;
    for (const p of byRow) {
      if (p.date === null) continue;
      const base = purchaseKey(c.id, p.date, p.amount, p.product);
      const n = seen === null ? 1 : (seen.get(base) ?? 0) + 1;
      if (seen !== null) seen.set(base, n);
      facts.push({
        key: n === 1 ? base : `${base}#${n}`,
        row: p.row,
        date: p.date,
        amount: p.amount,
        product: p.product,
        draftRecorded: p.thankYouDraft.trim() !== '',
      });
      if (p.amount !== null && p.date >= windowStart) revenue += p.amount;
    }
    if (facts.length > 1) facts.sort(byDateThenRow);
    if (facts.length > 0) firstPurchase = facts[0].date;
  }

  const last = facts.length > 0 ? facts[facts.length - 1] : null;

  const sortedContacts = contacts.length > 1 ? contacts.slice().sort(byDateThenRow) : contacts;
  let lastLogged: CalDate | null = null;
  let lastVisit: CalDate | null = null;
  // Allocated only for the few customers with complaints (100,000 customers a night).
  let openComplaints: ComplaintFact[] | null = null;
  let resolvedComplaints: ComplaintFact[] | null = null;
  for (const k of sortedContacts) {
    if (k.date === null) continue;
    if (lastLogged === null || k.date > lastLogged) lastLogged = k.date;
    if (k.type === 'Visit' && (lastVisit === null || k.date > lastVisit)) lastVisit = k.date;
    if (k.type === 'Complaint') {
      const f: ComplaintFact = { row: k.row, date: k.date, size: k.complaintSize === 'Big' ? 'Big' : 'Small', resolvedOn: k.resolvedOn };
      if (k.resolvedOn === null) (openComplaints = openComplaints ?? []).push(f);
      else (resolvedComplaints = resolvedComplaints ?? []).push(f);
    }
  }
  const lastContact = c.lastContact !== null && (lastLogged === null || c.lastContact > lastLogged) ? c.lastContact : lastLogged;

  // Only purchases whose last step is still inside the window can have open
  // steps; older ones have lapsed into the recurring cadence (SPEC 3.1).
  const postSalePurchases: PurchaseFact[] = [];
  if (o.postSaleSteps.length > 0 && facts.length > 0) {
    // A purchase on or after this day still has a step inside the window.
    const firstUseful = addDays(o.today, -o.postSaleWindowDays - Math.max(...o.postSaleSteps));
    for (const p of facts) if (p.date >= firstUseful && qualifiesForFollowUp(p.amount, o.minFollowUpAmount)) postSalePurchases.push(p);
  }

  return {
    revenue,
    purchases: facts,
    lastPurchase: last ? last.date : null,
    lastPurchaseAmount: last ? last.amount : null,
    firstPurchase,
    lastContact,
    lastVisit,
    contacts: sortedContacts,
    openComplaints: openComplaints ?? NONE,
    resolvedComplaints: resolvedComplaints ?? NONE,
    postSalePurchases,
  };
}

/**
 * Was the customer contacted on or after `date`? Any logged contact counts, by
 * anyone, of any type (SPEC 3.1), and so does the `Last contact` cell: it is
 * where a user who does not use the log records a contact by hand. `exceptRow`
 * leaves one log row out (a complaint is not its own feedback call).
 */
export function contactedOnOrAfter(c: Customer, f: CustomerFacts, date: CalDate, exceptRow?: number): boolean {
  if (c.lastContact !== null && c.lastContact >= date) return true;
  if (exceptRow === undefined) return f.lastContact !== null && f.lastContact >= date;
  for (let i = f.contacts.length - 1; i >= 0; i--) {
    const k = f.contacts[i];
    if (k.date === null || k.date < date) return false;
    if (k.row !== exceptRow) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Indexing the Purchases and Contact log rows by customer, once.

export const SHEET_CUSTOMERS = 'Customers';
export const SHEET_PURCHASES = 'Purchases';
export const SHEET_CONTACTS = 'Contact log';

const MSG = {
  unknownCustomer: { en: 'Customer ID "{id}" is not in Customers', zh: '客户编号"{id}"不在客户表中' },
  blankCustomer: { en: 'No Customer ID', zh: '缺少客户编号' },
  noDate: { en: 'No date', zh: '缺少日期' },
  future: { en: 'Date {date} is in the future', zh: '日期{date}晚于今天' },
} satisfies Record<string, Msg>;

/** A row left out, with why; `customerId` set when it belongs to a known customer. */
export interface IgnoredRow {
  problem: RowProblem;
  customerId?: string;
}

export interface RowIndex {
  /** null when there is no Purchases sheet. */
  purchases: Map<string, Purchase[]> | null;
  contacts: Map<string, Contact[]>;
  ignored: IgnoredRow[];
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Purchases and contacts by customer ID. Rows with problems, without a known
 * customer, without a date or dated after today are left out and reported (one
 * bad row never stops the rest, SPEC section 4). `known` holds every customer
 * ID in Customers; rows of customers that are known but have problems of their
 * own are dropped silently (the customer is left out anyway).
 */
export function indexRows(
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  known: ReadonlySet<string>,
  usable: ReadonlySet<string>,
  today: CalDate,
  lang: Lang,
): RowIndex {
  const ignored: IgnoredRow[] = [];
  const check = (
    sheet: string,
    r: { row: number; customerId: string; date: CalDate | null; problems: string[] },
  ): boolean => {
    const id = r.customerId.trim();
    const customerId = known.has(id) ? id : undefined;
    let message: string | null = null;
    if (r.problems.length > 0) message = r.problems.join('; ');
    else if (id === '') message = tr(lang, MSG.blankCustomer);
    else if (!known.has(id)) message = tr(lang, MSG.unknownCustomer, { id });
    else if (r.date === null) message = tr(lang, MSG.noDate);
    else if (r.date > today) message = tr(lang, MSG.future, { date: r.date });
    if (message !== null) {
      ignored.push(customerId === undefined ? { problem: { sheet, row: r.row, message } } : { problem: { sheet, row: r.row, message }, customerId });
      return false;
    }
    return usable.has(id);
  };

  let byCustomer: Map<string, Purchase[]> | null = null;
  if (purchases !== null) {
    byCustomer = new Map();
    for (const p of purchases) if (check(SHEET_PURCHASES, p)) push(byCustomer, p.customerId.trim(), p);
  }
  const contactMap = new Map<string, Contact[]>();
  for (const k of contacts) if (check(SHEET_CONTACTS, k)) push(contactMap, k.customerId.trim(), k);
  return { purchases: byCustomer, contacts: contactMap, ignored };
}
