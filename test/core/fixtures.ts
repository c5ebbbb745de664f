/**
 * Builders for the core's plain data, with defaults, so a test states only
 * what it is about: customer({ id: 'C1', lastContact: '2026-11-01' }).
 */
import type { CalDate } from '../../src/core/dates';
import type { Contact, Customer, Holiday, Purchase, Settings } from '../../src/core/model';
import { planNightly, type Plan, type PlanInput } from '../../src/core/plan';
import { calendarOf } from '../../src/core/rules/moves';
import { customerFacts } from '../../src/core/customerFacts';
import { withDue, type DueItem, type RuleContext } from '../../src/core/rules/dueItem';
import { spreadMoves } from '../../src/core/rules/loadSpreading';
import type { WorkCalendar } from '../../src/core/dates';

/** The default settings (kept here so the rule tests do not depend on settings.ts). */
export function settings(over: Partial<Settings> = {}): Settings {
  return {
    tierMethod: 'revenue',
    tierCutoffs: [0.8, 0.95],
    revenueWindowDays: 365,
    minFollowUpAmount: 0,
    postSaleSteps: [1, 3, 7],
    postSaleWindowDays: 14,
    contactEveryDays: { A: 14, B: 30, C: 60 },
    visitEveryDays: { A: 30, B: 90, C: null },
    thankYouWindowDays: 2,
    maxFollowUpsPerDay: 20,
    workingDays: [1, 2, 3, 4, 5],
    visitWindows: {
      A: { start: '09:00', end: '12:00' },
      B: { start: '14:00', end: '17:30' },
      C: { start: '14:00', end: '17:30' },
    },
    visitMinutes: 60,
    visitLookaheadDays: 7,
    maxVisitsPerDay: 3,
    calendarId: 'primary',
    nightlyHour: 6,
    runBudgetSeconds: 300,
    teamMode: false,
    senderName: '',
    ...over,
  };
}

let nextRow = 2;

export function customer(over: Partial<Customer> = {}): Customer {
  const row = over.row ?? nextRow++;
  return {
    row,
    id: 'C1',
    name: 'Ann Lee',
    company: 'Acme',
    email: 'ann@example.com',
    phone: '',
    address: '',
    owner: '',
    language: null,
    revenue: null,
    lastPurchase: null,
    lastPurchaseAmount: null,
    customerSince: null,
    birthday: null,
    lastContact: null,
    snoozeUntil: null,
    status: 'Active',
    referredBy: '',
    tierFromSheet: null,
    tierIsFormula: false,
    thankYouDraft: '',
    nextVisit: '',
    problems: [],
    ...over,
  };
}

/**
 * The customer with a problem in one cell, as parseCustomers makes it: the
 * field's value blank (read as blank), the message in problems and the cell
 * in cellProblems.
 */
export function withProblem(c: Customer, field: string, message: string, column = field): Customer {
  const p = { sheet: 'Customers', row: c.row, column, field, message };
  const blankValue: Partial<Customer> =
    field in c && typeof (c as unknown as Record<string, unknown>)[field] === 'string'
      ? { [field]: '' }
      : field in c && field !== 'status'
        ? { [field]: null }
        : {};
  return {
    ...c,
    ...blankValue,
    problems: [...c.problems, message],
    cellProblems: [...(c.cellProblems ?? []), p],
  };
}

export function purchase(over: Partial<Purchase> = {}): Purchase {
  return {
    row: over.row ?? nextRow++,
    customerId: 'C1',
    date: '2026-11-20',
    amount: 1200,
    product: 'Widget',
    thankYouDraft: '',
    problems: [],
    ...over,
  };
}

export function contact(over: Partial<Contact> = {}): Contact {
  return {
    row: over.row ?? nextRow++,
    loggedAt: '',
    customerId: 'C1',
    customerName: '',
    date: '2026-11-20',
    type: 'Call',
    by: 'rep@example.com',
    outcome: '',
    notes: '',
    nextStep: '',
    nextStepDate: null,
    complaintSize: null,
    resolvedOn: null,
    problems: [],
    ...over,
  };
}

export function holiday(date: CalDate, name: string): Holiday {
  return { date, name };
}

export function ctx(today: CalDate, over: Partial<Settings> = {}, holidays: Holiday[] = []): RuleContext {
  const s = settings(over);
  return { today, settings: s, cal: calendarOf(s, holidays) };
}

/** A plan with defaults: one day, English, no Purchases sheet unless given. */
export function plan(over: Partial<PlanInput> & { today: CalDate }): Plan {
  return planNightly({
    settings: settings(),
    lang: 'en',
    customers: [],
    purchases: null,
    contacts: [],
    holidays: [],
    ...over,
  });
}

/** The plan of one customer (throws when it is not in the plan). */
export function planOf(p: Plan, id: string) {
  const c = p.customers.find((x) => x.customerId === id);
  if (!c) throw new Error(`no plan for ${id}`);
  return c;
}

/** Facts of one customer, as plan.ts derives them (purchases null = no Purchases sheet). */
export function factsFor(c: Customer, purchases: Purchase[] | null, contacts: Contact[], rc: RuleContext) {
  return customerFacts(c, purchases, contacts, {
    today: rc.today,
    revenueWindowDays: rc.settings.revenueWindowDays,
    minFollowUpAmount: rc.settings.minFollowUpAmount,
    postSaleSteps: rc.settings.postSaleSteps,
    postSaleWindowDays: rc.settings.postSaleWindowDays,
  });
}

/** A customer whose tier is fixed by a Tier formula: the easiest way to pick a tier in a test. */
export function tiered(tier: 'A' | 'B' | 'C', over: Partial<Customer> = {}): Customer {
  return customer({ tierIsFormula: true, tierFromSheet: tier, ...over });
}

/** The items with the spreadable ones moved as load spreading decides (same length and order; unchanged items are the same objects). */
export function spreadLoad(items: readonly DueItem[], maxPerDay: number, today: CalDate, cal: WorkCalendar): DueItem[] {
  const out = items.slice();
  const moves = spreadMoves(items, maxPerDay, today, cal);
  for (let m = 0; m < moves.count; m++) out[moves.index[m]] = withDue(items[moves.index[m]], moves.due[m]);
  return out;
}
