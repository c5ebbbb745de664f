/**
 * The nightly plan (docs/architecture.md, A nightly run): from the rows
 * read, the settings and today, everything Retain decides: each customer's
 * tier and due items, the managed column values, the thank-you drafts and
 * visit entries to make, and what was skipped and why. Nothing is read or
 * written here; the same input always gives the same plan.
 *
 * Cost: about linear in the number of rows (100,000 customers in about a
 * second in Node, docs/testing.md, Bench). Customer IDs are numbered once and
 * the Purchases and Contact log rows grouped by that number in one pass each;
 * the tiers' revenue is added up in sheet order; then each customer is
 * planned from its own rows and its facts dropped as soon as its items are
 * made; load spreading sorts by counting. Each phase is a function of its own
 * (planGroups.ts, planCustomer.ts, planOutcome.ts), which the engine
 * optimises on its own rather than as one huge function.
 */
import { factOptions } from './customerFacts';
import { groupRows, type IgnoredRow } from './customerRows';
import { addDays } from './dates';
import { TIERS, type Tier } from './model';
import { planCustomer, type PlanRun } from './planCustomer';
import { byRow, customerGroups, tiersOf } from './planGroups';
import { customerPlan, orderPlan, type Totals } from './planOutcome';
import type { CustomerPlan, Plan, PlanInput } from './planTypes';
import { DUE_KINDS, type DueKind } from './rules/dueItem';
import { spreadMoves } from './rules/loadSpreading';
import { calendarOf } from './rules/moves';
import { activeHolidays } from './rules/occasions';

export type { CustomerPlan, DraftNeed, ManagedValues, Plan, PlanInput, VisitNeed } from './planTypes';
export { describeDue } from './rules/dueItem';

function sameOwner(owner: string, wanted: string): boolean {
  return owner.trim().toLowerCase() === wanted;
}

/** Steps 1 and 2: the rows grouped by customer, the rows set aside attached to their customer. */
function startRun(input: PlanInput): { run: PlanRun; customers: ReturnType<typeof byRow> } {
  const { today, settings, lang } = input;
  // Only draftsFor reads a purchase's key, and only from this day on.
  const draftFrom = addDays(today, -settings.thankYouWindowDays);
  const options = factOptions(settings, today, draftFrom);
  // Sorted by row: the plan's order never depends on the order rows came in
  // (they usually come sorted: then no copy and no sort).
  const customers = byRow(input.customers);
  const groups = customerGroups(customers);
  const index = groupRows(input.purchases, input.contacts, groups.groupOf, groups.usable, today, lang);
  const ignoredByCustomer = new Map<string, IgnoredRow[]>();
  for (const g of index.ignored) {
    if (g.customerId === undefined) continue;
    const list = ignoredByCustomer.get(g.customerId);
    if (list) list.push(g);
    else ignoredByCustomer.set(g.customerId, [g]);
  }
  const run: PlanRun = {
    input,
    today,
    lang,
    settings,
    ctx: { today, settings, cal: calendarOf(settings, input.holidays) },
    factOptions: options,
    groups,
    index,
    holidaysShown: activeHolidays(input.holidays, today),
    ignoredByCustomer,
    draftFrom,
    visitsUntil: addDays(today, settings.visitLookaheadDays),
    works: [],
    drafts: [],
    skipped: [],
    problems: [],
    flat: [],
    inScope: new Uint8Array(groups.usable.length),
    facts: new Map(),
  };
  return { run, customers };
}

/** Bad Purchases / Contact log rows: reported when they belong to a planned customer, or to no customer at all (a mistyped ID is everyone's business). */
function reportIgnoredRows(run: PlanRun): void {
  for (const g of run.index.ignored) {
    if (g.customerId !== undefined && run.inScope[run.groups.groupOf.get(g.customerId) as number] !== 1) continue;
    run.problems.push(g.problem);
    const s: PlanRun['skipped'][number] = {
      sheet: g.problem.sheet,
      row: g.problem.row,
      what: 'row',
      reason: g.problem.message,
    };
    if (g.customerId !== undefined) s.customerId = g.customerId;
    run.skipped.push(s);
  }
}

function emptyTotals(run: PlanRun): Totals {
  return {
    visits: [],
    lookahead: run.visitsUntil,
    due: Object.fromEntries(DUE_KINDS.map((k) => [k, 0])) as Record<DueKind, number>,
    dueByTier: Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>,
    overdue: 0,
    dueToday: 0,
    withProblems: 0,
    tiersChanged: 0,
    skipped: run.skipped,
  };
}

export function planNightly(input: PlanInput): Plan {
  const { today, settings } = input;
  const owner = input.onlyOwner === undefined ? null : input.onlyOwner.trim().toLowerCase();
  // 1-2. Purchases and contacts by customer, bad rows set aside.
  const { run, customers } = startRun(input);
  // 3. Tiers, over the whole list.
  const tierOf = tiersOf(customers, input.purchases, run.index, run.groups, settings, run.factOptions);
  // 4. Each customer's facts, items and drafts.
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (owner !== null && !sameOwner(c.owner, owner)) continue;
    planCustomer(run, i, c, tierOf[i]);
  }
  // 5. Load spreading over every planned recurring item at once (docs/rules.md,
  //    Merging and load spreading). The items were all made by this run and
  //    nothing else holds them, so they are moved in place.
  const spread = run.flat;
  const moves = spreadMoves(spread, settings.maxFollowUpsPerDay, today, run.ctx.cal);
  for (let m = 0; m < moves.count; m++) spread[moves.index[m]].due = moves.due[m];
  // 6. Visits, managed values, summary.
  const totals = emptyTotals(run);
  const plans: CustomerPlan[] = new Array(run.works.length);
  for (let k = 0; k < run.works.length; k++) {
    const w = run.works[k];
    // One exactly sized array per customer (the plan keeps them all).
    plans[k] = customerPlan(w, w.from === w.to ? [] : spread.slice(w.from, w.to), today, run.lang, totals);
  }
  reportIgnoredRows(run);
  const { visits, due, dueByTier, overdue, dueToday, withProblems, tiersChanged } = totals;
  orderPlan(run.skipped, run.problems, run.drafts, visits);
  return {
    today,
    customers: plans,
    drafts: run.drafts,
    visits,
    skipped: run.skipped,
    problems: run.problems,
    summary: { customers: plans.length, withProblems, tiersChanged, due, dueByTier, overdue, dueToday },
    facts: run.facts,
  };
}
