/**
 * Per-customer facts the rules read: revenue, purchases, last purchase, last
 * contact, last visit, complaints. Derived once per customer from rows that
 * were indexed by customer ID once (SPEC section 1: when a `Purchases` sheet
 * exists, revenue and last purchase come from it, else from the Customers
 * columns), so planning stays linear in the number of rows.
 */
import { addDays, type CalDate } from './dates';
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
 * (DOMAIN.md section 2: nobody follows up a 0.9-yuan pen). A blank amount is
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

export function customerFacts(
  c: Customer,
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  o: FactOptions,
): CustomerFacts {
  let facts: PurchaseFact[] = [];
  let revenue: number | null;
  let firstPurchase: CalDate | null = null;

  if (purchases === null) {
    // No Purchases sheet: the Customers row's own columns (SPEC section 1).
    revenue = factsRevenue(c, null, o);
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
  } else {
    const byRow = rowOrder(purchases);
    revenue = revenueOf(byRow, revenueWindowStart(o));
    // Identical purchases are numbered '#2', '#3', ...: a map only for long
    // histories, a scan of the few earlier ones otherwise (100,000 customers a night).
    const seen = byRow.length > SCAN_LIMIT ? new Map<string, number>() : null;
    // Sized up front (trimmed below if some rows have no date): a pushed-to
    // array reserves 16 slots, for the one or two purchases most customers have.
    facts = new Array<PurchaseFact>(byRow.length);
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
        key: n === 1 ? base : `${base}#${n}`,
        row: p.row,
        date: p.date,
        amount: p.amount,
        product: p.product,
        draftRecorded: p.thankYouDraft.trim() !== '',
      };
    }
    if (count < facts.length) facts.length = count;
    if (facts.length > 1 && !sortedBy(facts, byDateThenRow)) facts.sort(byDateThenRow);
    if (facts.length > 0) firstPurchase = facts[0].date;
  }

  const last = facts.length > 0 ? facts[facts.length - 1] : null;

  const sortedContacts =
    contacts.length > 1 && !sortedBy(contacts, byDateThenRow) ? contacts.slice().sort(byDateThenRow) : contacts;
  let lastLogged: CalDate | null = null;
  let lastVisit: CalDate | null = null;
  // Allocated only for the few customers with complaints (100,000 customers a night).
  let openComplaints: ComplaintFact[] | null = null;
  let resolvedComplaints: ComplaintFact[] | null = null;
  for (let i = 0; i < sortedContacts.length; i++) {
    const k = sortedContacts[i];
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
      if (k.resolvedOn === null) (openComplaints = openComplaints ?? []).push(f);
      else (resolvedComplaints = resolvedComplaints ?? []).push(f);
    }
  }
  const lastContact =
    c.lastContact !== null && (lastLogged === null || c.lastContact > lastLogged) ? c.lastContact : lastLogged;

  // Only purchases whose last step is still inside the window can have open
  // steps; older ones have lapsed into the recurring cadence (SPEC 3.1).
  const postSalePurchases: PurchaseFact[] = [];
  if (o.postSaleSteps.length > 0 && facts.length > 0) {
    // A purchase on or after this day still has a step inside the window.
    const firstUseful = todayPlus(o.today, -o.postSaleWindowDays - maxOf(o.postSaleSteps));
    for (let i = 0; i < facts.length; i++) {
      const p = facts[i];
      if (p.date >= firstUseful && qualifiesForFollowUp(p.amount, o.minFollowUpAmount)) postSalePurchases.push(p);
    }
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

/** Why a Purchases or Contact log row is left out, or null when it is usable; `known`: its trimmed ID is in Customers. */
function rowProblem(
  r: { customerId: string; date: CalDate | null; problems: string[] },
  id: string,
  known: boolean,
  today: CalDate,
  lang: Lang,
): string | null {
  if (r.problems.length > 0) return r.problems.join('; ');
  if (id === '') return tr(lang, MSG.blankCustomer);
  if (!known) return tr(lang, MSG.unknownCustomer, { id });
  if (r.date === null) return tr(lang, MSG.noDate);
  if (r.date > today) return tr(lang, MSG.future, { date: r.date });
  return null;
}

function ignoredRow(sheet: string, row: number, message: string, customerId: string | undefined): IgnoredRow {
  return customerId === undefined
    ? { problem: { sheet, row, message } }
    : { problem: { sheet, row, message }, customerId };
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
    const isKnown = known.has(id);
    const message = rowProblem(r, id, isKnown, today, lang);
    if (message !== null) {
      ignored.push(ignoredRow(sheet, r.row, message, isKnown ? id : undefined));
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

/** The kept rows of one sheet by customer group: group g's are rows[start[g] .. start[g + 1]), in input order. */
export interface RowGroups<T> {
  rows: readonly T[];
  start: Int32Array;
}

/** indexRows by customer group number rather than by ID (planNightly's form). */
export interface GroupedRows {
  /** null when there is no Purchases sheet. */
  purchases: RowGroups<Purchase> | null;
  /** Each Purchases row's group, or -1 when it is left out (or its customer is); null when there is no Purchases sheet. */
  purchaseGroups: Int32Array | null;
  contacts: RowGroups<Contact>;
  ignored: IgnoredRow[];
}

const NO_ROWS: readonly never[] = Object.freeze([]);

/** Group g's rows as an array of their own, made when asked for (so it is short-lived garbage, not 100,000 arrays kept for the whole plan). */
export function rowsOfGroup<T>(groups: RowGroups<T>, g: number): readonly T[] {
  const from = g < 0 ? 0 : groups.start[g];
  const to = g < 0 ? 0 : groups.start[g + 1];
  return from === to ? NO_ROWS : groups.rows.slice(from, to);
}

/**
 * The same rows, problems and order as indexRows, for planNightly: customer
 * IDs numbered 0..groups-1 once (`groupOf`; `usable[g]` when a customer with
 * that ID has no problems), so each row costs one map lookup instead of four,
 * and the rows are grouped by a counting sort (no map of growing arrays:
 * 100,000 customers a night, and the garbage collector pays for every spare
 * slot).
 */
export function groupRows(
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  groupOf: ReadonlyMap<string, number>,
  usable: ArrayLike<boolean | number>,
  today: CalDate,
  lang: Lang,
): GroupedRows {
  const ignored: IgnoredRow[] = [];
  const groups = usable.length;
  const group = <T extends { row: number; customerId: string; date: CalDate | null; problems: string[] }>(
    sheet: string,
    rows: readonly T[],
    of: Int32Array,
  ): RowGroups<T> => {
    // Pass 1: each row's group (-1: left out) and how many rows each group gets.
    const start = new Int32Array(groups + 1);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const id = r.customerId.trim();
      const g = groupOf.get(id);
      const message = rowProblem(r, id, g !== undefined, today, lang);
      if (message !== null) ignored.push(ignoredRow(sheet, r.row, message, g !== undefined ? id : undefined));
      const kept = message === null && g !== undefined && usable[g] ? g : -1;
      of[i] = kept;
      if (kept >= 0) start[kept + 1]++;
    }
    for (let g = 0; g < groups; g++) start[g + 1] += start[g];
    // Pass 2: a counting sort by group, stable (input order within a group).
    const sorted: T[] = new Array(start[groups]);
    const next = start.slice(0, groups);
    for (let i = 0; i < rows.length; i++) if (of[i] >= 0) sorted[next[of[i]]++] = rows[i];
    return { rows: sorted, start };
  };
  const purchaseGroups = purchases === null ? null : new Int32Array(purchases.length);
  const byPurchases =
    purchases === null || purchaseGroups === null ? null : group(SHEET_PURCHASES, purchases, purchaseGroups);
  const byContacts = group(SHEET_CONTACTS, contacts, new Int32Array(contacts.length));
  return { purchases: byPurchases, purchaseGroups, contacts: byContacts, ignored };
}
