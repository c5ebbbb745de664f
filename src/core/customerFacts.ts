/**
 * Per-customer facts the rules read: revenue, purchases, last purchase, last
 * contact, last visit, complaints. The one derivation of them: the plan, the
 * drafts, the visit's description and the sidebar's customer card all read
 * these (docs/architecture.md, Layers). Derived once per customer from the
 * rows grouped by customer once (customerRows.ts), so planning stays linear
 * in the number of rows. When a `Purchases` sheet exists, revenue and last
 * purchase come from it, else from the Customers columns (docs/rules.md,
 * Tiers).
 */
import { addDays, type CalDate } from './dates';
import type { Contact, Customer, Purchase, Settings } from './model';
import { rowProblem } from './customerRows';
import { purchaseKey, withOrdinal } from './purchaseKey';

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
  /**
   * When set, purchases dated before it get an empty `key`. planNightly reads
   * the keys of only the purchases a thank-you draft may still be made for
   * (from today - thankYouWindowDays), and building every purchase's key
   * string, about 190,000 a night, was a good part of the facts' cost.
   */
  keysFrom?: CalDate;
}

/**
 * A purchase deserves the post-sale sequence when it reaches the minimum
 * (docs/rules.md, Post-sale steps: nobody follows up a 0.9-yuan pen). A blank amount is
 * only good enough when there is no minimum: the value is unknown.
 */
export function qualifiesForFollowUp(amount: number | null, min: number): boolean {
  return amount === null ? min <= 0 : amount >= min;
}

function byDateThenRow(
  a: { date: CalDate | null; row: number | null },
  b: { date: CalDate | null; row: number | null },
): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? -1 : 1;
  return (a.row ?? 0) - (b.row ?? 0);
}

const NONE: readonly ComplaintFact[] = Object.freeze([]);

/** Up to this many purchases, duplicates are found by scanning the earlier ones; beyond it, by a map. */
const SCAN_LIMIT = 16;

/** Sorted by row (stable); the input itself when it already is: rows come indexed in sheet order. */
function rowOrder(purchases: readonly Purchase[]): readonly Purchase[] {
  for (let i = 1; i < purchases.length; i++) {
    if (!(purchases[i - 1].row <= purchases[i].row)) return purchases.slice().sort((a, b) => a.row - b.row);
  }
  return purchases;
}

/**
 * CustomerFacts.revenue on its own, for planNightly's tiers pass (the facts
 * themselves are made later, one customer at a time, and dropped once its
 * items are made: nothing big outlives a customer). With a Purchases sheet:
 * revenue over the last revenueWindowDays days, today included (with 365,
 * today and the 364 days before it), added up in row order.
 */
export function factsRevenue(c: Customer, purchases: readonly Purchase[] | null, o: FactOptions): number | null {
  return purchases === null ? c.revenue : revenueOf(rowOrder(purchases), revenueWindowStart(o));
}

/** The first day of the revenue window. */
export function revenueWindowStart(o: FactOptions): CalDate {
  return todayPlus(o.today, -(o.revenueWindowDays - 1));
}

// addDays(today, n) for the few (today, n) of a run, asked once per customer:
// the last answers are kept (pure, so a plan stays deterministic).
const todayPlusMemo: Array<{ today: CalDate; n: number; day: CalDate }> = [];

function todayPlus(today: CalDate, n: number): CalDate {
  for (let i = 0; i < todayPlusMemo.length; i++) {
    const m = todayPlusMemo[i];
    if (m.today === today && m.n === n) return m.day;
  }
  const day = addDays(today, n);
  if (todayPlusMemo.length >= 4) todayPlusMemo.shift();
  todayPlusMemo.push({ today, n, day });
  return day;
}

/** Whether a purchase row counts towards the revenue from `windowStart` (the one test, for every way revenue is added up). */
export function inRevenue(p: Purchase, windowStart: CalDate): boolean {
  return p.date !== null && p.amount !== null && p.date >= windowStart;
}

/** Purchases already in row order. */
function revenueOf(byRow: readonly Purchase[], windowStart: CalDate): number {
  let revenue = 0;
  for (let i = 0; i < byRow.length; i++) if (inRevenue(byRow[i], windowStart)) revenue += byRow[i].amount as number;
  return revenue;
}

/** Already in the order a stable sort by `cmp` would give: the sort can be skipped. */
function sortedBy<T>(xs: readonly T[], cmp: (a: T, b: T) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (!(cmp(xs[i - 1], xs[i]) <= 0)) return false;
  return true;
}

/** Math.max(...xs) without the spread (the same answer, NaN and -0 included): asked once per customer. */
export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, x);
  return m;
}

/**
 * Would q's key base equal the base of (date, amount, product)? The same as
 * comparing the two purchaseKey strings (same customer), without flattening
 * them: a date and an amount never contain '|', so equal keys mean equal
 * fields; a date with a '|' (not a real date) compares the strings.
 */
function sameBase(
  q: PurchaseFact,
  date: CalDate,
  amount: number | null,
  product: string,
  base: string,
  customerId: string,
): boolean {
  if (date.indexOf('|') >= 0 || q.date.indexOf('|') >= 0)
    return purchaseKey(customerId, q.date, q.amount, q.product) === base;
  return (
    q.date === date &&
    q.product === product &&
    (q.amount === amount || (q.amount !== null && amount !== null && q.amount !== q.amount && amount !== amount))
  );
}

interface PurchaseFacts {
  facts: PurchaseFact[];
  revenue: number | null;
  firstPurchase: CalDate | null;
}

/** No Purchases sheet: the Customers row's own Revenue and Last purchase columns. */
function customerRowPurchase(c: Customer, o: FactOptions): PurchaseFacts {
  const facts: PurchaseFact[] = [];
  if (c.lastPurchase !== null && c.lastPurchase <= o.today) {
    facts.push({
      key:
        o.keysFrom !== undefined && c.lastPurchase < o.keysFrom
          ? ''
          : purchaseKey(c.id, c.lastPurchase, c.lastPurchaseAmount, ''),
      row: null,
      date: c.lastPurchase,
      amount: c.lastPurchaseAmount,
      product: '',
      // The thank-you cell records the purchase date the draft was made for,
      // so a new Last purchase gets its own draft.
      draftRecorded: c.thankYouDraft !== '' && c.thankYouDraft.indexOf(c.lastPurchase) >= 0,
    });
  }
  return { facts, revenue: factsRevenue(c, null, o), firstPurchase: null };
}

/** The customer's Purchases rows as facts, oldest first, identical ones numbered (purchaseKey.ts). */
function purchaseRows(c: Customer, purchases: readonly Purchase[], o: FactOptions): PurchaseFacts {
  const byRow = rowOrder(purchases);
  const revenue = revenueOf(byRow, revenueWindowStart(o));
  // Identical purchases are numbered '#2', '#3', ...: a map only for long
  // histories, a scan of the few earlier ones otherwise (100,000 customers a night).
  const seen = byRow.length > SCAN_LIMIT ? new Map<string, number>() : null;
  // Sized up front (trimmed below if some rows have no date): a pushed-to
  // array reserves 16 slots, for the one or two purchases most customers have.
  const facts = new Array<PurchaseFact>(byRow.length);
  let count = 0;
  // Indexed loops here and below: the arrays come in several element kinds
  // (packed, holey, frozen), where for-of may fall back to iterator objects.
  for (let i = 0; i < byRow.length; i++) {
    const p = byRow[i];
    if (p.date === null) continue;
    // Identical purchases share the date, so all of them are keyed or none.
    const keyed = o.keysFrom === undefined || p.date >= o.keysFrom;
    const base = keyed ? purchaseKey(c.id, p.date, p.amount, p.product) : '';
    let n = 1;
    if (keyed && seen !== null) {
      n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
    } else if (keyed) {
      for (let j = 0; j < count; j++) if (sameBase(facts[j], p.date, p.amount, p.product, base, c.id)) n++;
    }
    facts[count++] = {
      key: withOrdinal(base, n),
      row: p.row,
      date: p.date,
      amount: p.amount,
      product: p.product,
      draftRecorded: p.thankYouDraft.trim() !== '',
    };
  }
  if (count < facts.length) facts.length = count;
  if (facts.length > 1 && !sortedBy(facts, byDateThenRow)) facts.sort(byDateThenRow);
  return { facts, revenue, firstPurchase: facts.length > 0 ? facts[0].date : null };
}

interface ContactFacts {
  sorted: readonly Contact[];
  lastLogged: CalDate | null;
  lastVisit: CalDate | null;
  open: readonly ComplaintFact[];
  resolved: readonly ComplaintFact[];
}

function contactRows(contacts: readonly Contact[]): ContactFacts {
  const sorted =
    contacts.length > 1 && !sortedBy(contacts, byDateThenRow) ? contacts.slice().sort(byDateThenRow) : contacts;
  let lastLogged: CalDate | null = null;
  let lastVisit: CalDate | null = null;
  // Allocated only for the few customers with complaints (100,000 customers a night).
  let open: ComplaintFact[] | null = null;
  let resolved: ComplaintFact[] | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i];
    if (k.date === null) continue;
    if (lastLogged === null || k.date > lastLogged) lastLogged = k.date;
    if (k.type === 'Visit' && (lastVisit === null || k.date > lastVisit)) lastVisit = k.date;
    if (k.type === 'Complaint') {
      const f: ComplaintFact = {
        row: k.row,
        date: k.date,
        size: k.complaintSize === 'Big' ? 'Big' : 'Small',
        resolvedOn: k.resolvedOn,
      };
      if (k.resolvedOn === null) (open = open ?? []).push(f);
      else (resolved = resolved ?? []).push(f);
    }
  }
  return { sorted, lastLogged, lastVisit, open: open ?? NONE, resolved: resolved ?? NONE };
}

/**
 * Only purchases whose last step is still inside the window can have open
 * steps; older ones have lapsed into the recurring cadence (docs/rules.md,
 * Post-sale steps).
 */
function postSaleOf(facts: readonly PurchaseFact[], o: FactOptions): PurchaseFact[] {
  const out: PurchaseFact[] = [];
  if (o.postSaleSteps.length === 0 || facts.length === 0) return out;
  // A purchase on or after this day still has a step inside the window.
  const firstUseful = todayPlus(o.today, -o.postSaleWindowDays - maxOf(o.postSaleSteps));
  for (let i = 0; i < facts.length; i++) {
    const p = facts[i];
    if (p.date >= firstUseful && qualifiesForFollowUp(p.amount, o.minFollowUpAmount)) out.push(p);
  }
  return out;
}

/** One customer's facts from its own usable rows (`purchases` null: no Purchases sheet). */
export function customerFacts(
  c: Customer,
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  o: FactOptions,
): CustomerFacts {
  const p = purchases === null ? customerRowPurchase(c, o) : purchaseRows(c, purchases, o);
  const last = p.facts.length > 0 ? p.facts[p.facts.length - 1] : null;
  const k = contactRows(contacts);
  const lastContact =
    c.lastContact !== null && (k.lastLogged === null || c.lastContact > k.lastLogged) ? c.lastContact : k.lastLogged;
  return {
    revenue: p.revenue,
    purchases: p.facts,
    lastPurchase: last ? last.date : null,
    lastPurchaseAmount: last ? last.amount : null,
    firstPurchase: p.firstPurchase,
    lastContact,
    lastVisit: k.lastVisit,
    contacts: k.sorted,
    openComplaints: k.open,
    resolvedComplaints: k.resolved,
    postSalePurchases: postSaleOf(p.facts, o),
  };
}

/** The options the facts are derived with, from the settings (`keysFrom`: see FactOptions). */
export function factOptions(settings: Settings, today: CalDate, keysFrom?: CalDate): FactOptions {
  const o: FactOptions = {
    today,
    revenueWindowDays: settings.revenueWindowDays,
    minFollowUpAmount: settings.minFollowUpAmount,
    postSaleSteps: settings.postSaleSteps,
    postSaleWindowDays: settings.postSaleWindowDays,
  };
  if (keysFrom !== undefined) o.keysFrom = keysFrom;
  return o;
}

/**
 * One customer's facts from the whole workbook's rows, for the sidebar's
 * card: the rows the plan would group for this customer (customerRows.ts),
 * whatever the customer's own status or problems.
 */
export function factsOfCustomer(
  c: Customer,
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  o: FactOptions,
): CustomerFacts {
  const mine = <T extends { row: number; customerId: string; date: CalDate | null; problems: string[] }>(
    rows: readonly T[],
  ): T[] => rows.filter((r) => r.customerId.trim() === c.id && rowProblem(r, c.id, true, o.today, 'en') === null);
  return customerFacts(c, purchases === null ? null : mine(purchases), mine(contacts), o);
}

/**
 * Was the customer contacted on or after `date`? Any logged contact counts, by
 * anyone, of any type (docs/rules.md, Keeping in touch), and so does the `Last contact` cell: it is
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
