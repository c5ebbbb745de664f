/**
 * The nightly plan (SPEC section 4 step 3; DESIGN.md "a pure core"): from the
 * rows read, the settings and today, everything Retain decides: each
 * customer's tier and due items, the managed column values, the thank-you
 * drafts and visit entries to make, and what was skipped and why. Nothing is
 * read or written here; the same input always gives the same plan.
 *
 * Cost: about linear in the number of rows (100,000 customers in well under
 * a second in Node, tools/benchPlan.ts). Customer IDs are numbered once and
 * the Purchases and Contact log rows grouped by that number in one pass each;
 * the tiers' revenue is added up in sheet order; then each customer is planned
 * from its own rows and its facts dropped as soon as its items are made
 * (short-lived objects cost the garbage collector next to nothing, 100,000
 * customers' facts kept alive cost it dearly); load spreading sorts by
 * counting. Each phase is a function of its own, which the engine optimises
 * on its own rather than as one huge function.
 */
import { isValidEmail } from './cells';
import { addDays, daysBetween, type CalDate } from './dates';
import {
  customerFacts,
  factsRevenue,
  groupRows,
  inRevenue,
  revenueWindowStart,
  rowsOfGroup,
  qualifiesForFollowUp,
  SHEET_CONTACTS,
  SHEET_CUSTOMERS,
  SHEET_PURCHASES,
  type CustomerFacts,
  type FactOptions,
  type GroupedRows,
  type IgnoredRow,
} from './customerFacts';
import { tr, type Msg } from './i18n';
import {
  TIERS,
  type Contact,
  type Customer,
  type Holiday,
  type Lang,
  type Purchase,
  type RowProblem,
  type Settings,
  type Tier,
} from './model';
import { complaintItems } from './rules/complaints';
import { compareItems, describeDue, DUE_KINDS, type DueItem, type DueKind, type RuleContext } from './rules/dueItem';
import { spreadMoves } from './rules/loadSpreading';
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
} satisfies Record<string, Msg>;

/** The sheet's name as the user's workbook calls it (SPEC section 1), for notes. */
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

function sameOwner(owner: string, wanted: string): boolean {
  return owner.trim().toLowerCase() === wanted;
}

/** What one customer contributes before load spreading. */
interface Work {
  c: Customer;
  tier: Tier | null;
  excluded?: string;
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

/** The customers sorted by row, stable; the input itself when it already is (the usual case). */
function byRow(customers: readonly Customer[]): readonly Customer[] {
  for (let i = 1; i < customers.length; i++) {
    if (!(customers[i - 1].row <= customers[i].row)) return customers.slice().sort((a, b) => a.row - b.row);
  }
  return customers;
}

/**
 * Customer IDs numbered once (a group per distinct ID), so Purchases and
 * Contact log rows are grouped by number rather than looked up by ID per
 * customer. `usable[g]`: a customer with that ID has no problems.
 */
interface CustomerGroups {
  groupOf: Map<string, number>;
  /** 1 when a customer with the group's ID has no problems (bytes: looked up once per row, at random). */
  usable: Uint8Array;
  /** Each customer's group, -1 for a blank ID. */
  groupAt: Int32Array;
}

function customerGroups(customers: readonly Customer[]): CustomerGroups {
  const groupOf = new Map<string, number>();
  const usable = new Uint8Array(customers.length);
  const groupAt = new Int32Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (c.id === '') {
      groupAt[i] = -1;
      continue;
    }
    let g = groupOf.get(c.id);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(c.id, g);
    }
    if (c.problems.length === 0) usable[g] = 1;
    groupAt[i] = g;
  }
  return { groupOf, usable: usable.subarray(0, groupOf.size), groupAt };
}

/**
 * Every customer group's revenue (CustomerFacts.revenue) in one pass over the
 * Purchases rows in sheet order, which is kind to the memory cache, rather
 * than customer by customer, which jumps all over it. Only when the rows come
 * sorted by row (as read from the sheet), so each group's amounts are added in
 * the same order as customerFacts adds them; else null.
 */
function revenueByGroup(
  purchases: readonly Purchase[] | null,
  groups: Int32Array | null,
  count: number,
  o: FactOptions,
): Float64Array | null {
  if (purchases === null || groups === null) return null;
  for (let i = 1; i < purchases.length; i++) if (!(purchases[i - 1].row <= purchases[i].row)) return null;
  const windowStart = revenueWindowStart(o);
  const revenue = new Float64Array(count);
  for (let i = 0; i < purchases.length; i++) {
    const g = groups[i];
    if (g >= 0 && inRevenue(purchases[i], windowStart)) revenue[g] += purchases[i].amount as number;
  }
  return revenue;
}

/** What every customer's planning step shares (the phases are separate functions: each is compiled on its own, not one huge function). */
interface Run {
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
  draftFrom: CalDate;
  works: Work[];
  drafts: DraftNeed[];
  skipped: Skip[];
  problems: RowProblem[];
  /** Every customer's items one after the other: load spreading takes them all at once. */
  flat: DueItem[];
  /** In team mode, which customer IDs are planned (by group). */
  inScope: Uint8Array;
}

function purchasesOf(run: Run, i: number): readonly Purchase[] | null {
  return run.index.purchases === null ? null : rowsOfGroup(run.index.purchases, run.groups.groupAt[i]);
}

function contactsOf(run: Run, i: number): readonly Contact[] {
  return rowsOfGroup(run.index.contacts, run.groups.groupAt[i]);
}

/**
 * Tiers over all customers without problems, even in team mode (SPEC section
 * 4: tiers are over the whole list). A Tier cell holding a formula is the
 * user's decision: its value is kept (SPEC section 1).
 */
function tiersOf(run: Run, customers: readonly Customer[]): Array<Tier | null> {
  const { groupAt, usable } = run.groups;
  const byGroup = revenueByGroup(run.input.purchases, run.index.purchaseGroups, usable.length, run.factOptions);
  const tiered: number[] = [];
  const revenues: Array<number | null> = [];
  for (let i = 0; i < customers.length; i++) {
    if (customers[i].problems.length > 0) continue;
    tiered.push(i);
    revenues.push(
      byGroup === null
        ? factsRevenue(customers[i], purchasesOf(run, i), run.factOptions)
        : groupAt[i] < 0
          ? 0
          : byGroup[groupAt[i]],
    );
  }
  const assigned = assignTiers(revenues, run.settings.tierCutoffs, run.settings.tierMethod);
  const tierOf: Array<Tier | null> = new Array(customers.length).fill(null);
  for (let k = 0; k < tiered.length; k++) {
    const ci = tiered[k];
    tierOf[ci] = customers[ci].tierIsFormula ? customers[ci].tierFromSheet : assigned[k];
  }
  return tierOf;
}

/** One customer (customers[i]) planned: its Work, items, drafts, skips and notes. */
function planCustomer(run: Run, i: number, c: Customer, tier: Tier | null): void {
  const { lang, today, flat } = run;
  const g = run.groups.groupAt[i];
  if (g >= 0) run.inScope[g] = 1;
  const w: Work = { c, tier, notes: null, from: flat.length, to: flat.length };
  run.works.push(w);
  if (c.problems.length > 0) {
    const reason = c.problems.join('; ');
    w.excluded = reason;
    w.notes = c.problems.slice();
    const skip: Skip = { sheet: SHEET_CUSTOMERS, row: c.row, what: 'row', reason };
    if (c.id !== '') skip.customerId = c.id;
    run.skipped.push(skip);
    for (const message of c.problems) run.problems.push({ sheet: SHEET_CUSTOMERS, row: c.row, message });
    return;
  }
  const ignoredRows = run.ignoredByCustomer.size > 0 ? run.ignoredByCustomer.get(c.id) : undefined;
  if (ignoredRows !== undefined) {
    for (const r of ignoredRows) {
      note(
        w,
        tr(lang, MSG.ignoredRow, {
          sheet: sheetLabel(r.problem.sheet, lang),
          row: r.problem.row,
          message: r.problem.message,
        }),
      );
    }
  }
  if (run.input.purchases === null && c.lastPurchase !== null && c.lastPurchase > today) {
    note(w, tr(lang, MSG.futureLastPurchase, { date: c.lastPurchase }));
  }
  const exclusion = statusExclusion(c, lang);
  if (exclusion !== null) {
    w.excluded = exclusion;
    return;
  }
  // The facts live only while this customer is planned: short-lived garbage
  // costs the collector nothing, 100,000 customers' facts kept alive did.
  const f = customerFacts(c, purchasesOf(run, i), contactsOf(run, i), run.factOptions);
  appendCustomerItems(flat, c, f, tier, run.holidaysShown, run.ctx);
  w.to = flat.length;
  if (statusAllowsDraft(c)) draftsFor(c, f, run.settings, run.draftFrom, today, lang, run.drafts, run.skipped, w);
}

/** Stable insertion sort by compareItems: a customer has a handful of items, too few for Array.prototype.sort's set-up. */
function sortItems(items: DueItem[]): void {
  if (items.length > 16) {
    items.sort(compareItems);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const x = items[i];
    let j = i - 1;
    while (j >= 0 && compareItems(items[j], x) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = x;
  }
}

/** Step 6's running totals. */
interface Totals {
  visits: VisitNeed[];
  lookahead: CalDate;
  due: Record<DueKind, number>;
  dueByTier: Record<Tier, number>;
  overdue: number;
  dueToday: number;
  withProblems: number;
  tiersChanged: number;
}

/** One customer's plan from its spread items: next item, managed values, visits and counts. */
function customerPlan(run: Run, w: Work, items: DueItem[], t: Totals): CustomerPlan {
  const { today, lang } = run;
  const c = w.c;
  sortItems(items);
  const next = items.length > 0 ? items[0] : null;
  if (c.problems.length > 0) t.withProblems++;
  else if (!c.tierIsFormula && w.tier !== c.tierFromSheet) t.tiersChanged++;

  for (const it of items) {
    if (it.due <= today) {
      t.due[it.kind]++;
      if (w.tier !== null) t.dueByTier[w.tier]++;
      if (it.due < today) t.overdue++;
      else t.dueToday++;
    }
    if (it.kind === 'visit' && w.tier !== null && statusAllowsVisit(c) && it.due <= t.lookahead) {
      t.visits.push({
        key: `${c.id}|${it.baseDue}`,
        customerId: c.id,
        customerRow: c.row,
        tier: w.tier,
        due: it.due,
        overdue: it.due < today,
      });
    }
  }

  let followUp = '';
  if (next !== null) {
    let more = 0;
    for (const it of items) if (it !== next && it.due <= today) more++;
    followUp = describeDue(next, lang) + (more > 0 ? tr(lang, MSG.more, { n: more }) : '');
  }
  const notes = w.notes === null ? '' : w.notes.join('; ');
  const managed: ManagedValues =
    c.problems.length > 0
      ? { tier: '', nextFollowUp: '', followUp: '', daysToDue: '', notes }
      : {
          tier: w.tier ?? '',
          nextFollowUp: next ? next.due : '',
          followUp,
          daysToDue: next ? daysBetween(today, next.due) : '',
          notes,
        };
  const plan: CustomerPlan = {
    customerId: c.id,
    row: c.row,
    tier: w.tier,
    previousTier: c.tierFromSheet,
    items,
    next,
    managed,
  };
  if (w.excluded !== undefined) plan.excluded = w.excluded;
  return plan;
}

export function planNightly(input: PlanInput): Plan {
  const { today, settings, lang } = input;
  const cal = calendarOf(settings, input.holidays);
  const factOptions: FactOptions = {
    today,
    revenueWindowDays: settings.revenueWindowDays,
    minFollowUpAmount: settings.minFollowUpAmount,
    postSaleSteps: settings.postSaleSteps,
    postSaleWindowDays: settings.postSaleWindowDays,
    // Only draftsFor reads a purchase's key, and only from this day on.
    keysFrom: addDays(today, -settings.thankYouWindowDays),
  };
  const owner = input.onlyOwner === undefined ? null : input.onlyOwner.trim().toLowerCase();

  // Sorted by row: the plan's order never depends on the order rows came in
  // (they usually come sorted: then no copy and no sort).
  const customers = byRow(input.customers);
  const groups = customerGroups(customers);

  // 1. Purchases and contacts by customer, bad rows set aside (reported below).
  const index = groupRows(input.purchases, input.contacts, groups.groupOf, groups.usable, today, lang);

  // 2. Rows set aside, attached to their customer's notes.
  const ignoredByCustomer = new Map<string, IgnoredRow[]>();
  for (const g of index.ignored) {
    if (g.customerId === undefined) continue;
    const list = ignoredByCustomer.get(g.customerId);
    if (list) list.push(g);
    else ignoredByCustomer.set(g.customerId, [g]);
  }

  const run: Run = {
    input,
    today,
    lang,
    settings,
    ctx: { today, settings, cal },
    factOptions,
    groups,
    index,
    holidaysShown: [],
    ignoredByCustomer,
    draftFrom: factOptions.keysFrom as CalDate,
    works: [],
    drafts: [],
    skipped: [],
    problems: [],
    flat: [],
    inScope: new Uint8Array(groups.usable.length),
  };

  // 3. Tiers.
  const tierOf = tiersOf(run, customers);
  run.holidaysShown = activeHolidays(input.holidays, today);

  // 4. Each customer's facts, items and drafts.
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (owner !== null && !sameOwner(c.owner, owner)) continue;
    planCustomer(run, i, c, tierOf[i]);
  }
  const { works, drafts, skipped, problems } = run;

  // 5. Load spreading over every planned recurring item at once (SPEC 3.8).
  //    The items were all made by this run and nothing else holds them, so
  //    they are moved in place (spreadLoad would copy each moved one).
  const spread = run.flat;
  const moves = spreadMoves(spread, settings.maxFollowUpsPerDay, today, cal);
  for (let m = 0; m < moves.count; m++) spread[moves.index[m]].due = moves.due[m];

  // 6. Visits, managed values, summary.
  const totals: Totals = {
    visits: [],
    lookahead: addDays(today, settings.visitLookaheadDays),
    due: Object.fromEntries(DUE_KINDS.map((k) => [k, 0])) as Record<DueKind, number>,
    dueByTier: Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>,
    overdue: 0,
    dueToday: 0,
    withProblems: 0,
    tiersChanged: 0,
  };
  const plans: CustomerPlan[] = new Array(works.length);
  for (let k = 0; k < works.length; k++) {
    const w = works[k];
    // One exactly sized array per customer (the plan keeps them all).
    plans[k] = customerPlan(run, w, w.from === w.to ? [] : spread.slice(w.from, w.to), totals);
  }
  const { visits, due, dueByTier, overdue, dueToday, withProblems, tiersChanged } = totals;

  // Bad Purchases / Contact log rows: reported when they belong to a planned
  // customer, or to no customer at all (a mistyped ID is everyone's business).
  for (const g of index.ignored) {
    if (g.customerId !== undefined && run.inScope[groups.groupOf.get(g.customerId) as number] !== 1) continue;
    problems.push(g.problem);
    const s: Skip = { sheet: g.problem.sheet, row: g.problem.row, what: 'row', reason: g.problem.message };
    if (g.customerId !== undefined) s.customerId = g.customerId;
    skipped.push(s);
  }

  const sheetOrder = (s: string): number => (s === SHEET_CUSTOMERS ? 0 : s === SHEET_PURCHASES ? 1 : 2);
  skipped.sort(
    (a, b) =>
      sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row || (a.what < b.what ? -1 : a.what > b.what ? 1 : 0),
  );
  problems.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  drafts.sort(
    (a, b) =>
      a.customerRow - b.customerRow ||
      (a.purchaseDate < b.purchaseDate ? -1 : a.purchaseDate > b.purchaseDate ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
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
export function customerItems(
  c: Customer,
  f: CustomerFacts,
  tier: Tier | null,
  holidays: readonly ActiveHoliday[],
  ctx: RuleContext,
): DueItem[] {
  const items: DueItem[] = [];
  appendCustomerItems(items, c, f, tier, holidays, ctx);
  return items;
}

/** customerItems, appended to `out` (planNightly appends every customer's to one array, rather than making one per customer). */
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
 * Thank-you drafts (SPEC section 4; DOMAIN.md section 2: "within one or two
 * days after the deal"): purchases dated from today - thankYouWindowDays
 * (`from`) through today, of at least minFollowUpAmount, with no draft made
 * yet, to a valid email. Snooze does not stop a draft: it is only a draft, the
 * user reviews it and decides whether to send. Needs go to `drafts`; a
 * purchase without a usable email is skipped, with a note.
 */
function draftsFor(
  c: Customer,
  f: CustomerFacts,
  settings: Settings,
  from: CalDate,
  today: CalDate,
  lang: Lang,
  drafts: DraftNeed[],
  skipped: Skip[],
  w: Work,
): void {
  for (const p of f.purchases) {
    if (p.date < from || p.date > today) continue;
    if (!qualifiesForFollowUp(p.amount, settings.minFollowUpAmount) || p.draftRecorded) continue;
    const email = c.email.trim();
    if (email === '' || !isValidEmail(email)) {
      const reason =
        email === '' ? tr(lang, MSG.noEmail, { date: p.date }) : tr(lang, MSG.badEmail, { email, date: p.date });
      skipped.push({ sheet: SHEET_CUSTOMERS, row: c.row, customerId: c.id, what: 'draft', reason });
      note(w, reason);
      continue;
    }
    drafts.push({
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
