/**
 * What the nightly plan takes and gives (docs/architecture.md, A nightly
 * run): plain data, so the server, the sidebar and the tests read it alike.
 */
import type { CustomerFacts } from './customerFacts';
import type { CalDate } from './dates';
import type { Contact, Customer, Holiday, Lang, Purchase, RowProblem, Settings, Tier } from './model';
import type { DueItem, DueKind } from './rules/dueItem';

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
  /**
   * The facts of the customers with a draft or a visit to make, by customer
   * row: what the visit's description says. Only theirs: 100,000 customers'
   * facts kept for the whole run would cost the memory the plan saves by
   * dropping each customer's as soon as it is planned.
   */
  facts: Map<number, CustomerFacts>;
}
