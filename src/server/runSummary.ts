/**
 * A run's outcome as plain data (docs/architecture.md, A nightly run): what
 * the menu shows, the `Retain log` row records, the sidebar's preview lists,
 * and the demo and the tests read. Filled step by step: from the plan, then
 * from what the drafts and visits steps did.
 */
import type { CalDate } from '../core/dates';
import type { Customer } from '../core/model';
import type { Plan } from '../core/plan';
import type { DraftsResult } from './drafts';
import type { VisitsResult } from './visits';

export type RunMode = 'nightly' | 'manual' | 'preview' | 'followup';

export interface RunSummary {
  mode: RunMode;
  today: CalDate | '';
  started: string;
  finished: string;
  /** Another run held the lock: nothing was done. */
  locked: boolean;
  /** Why the run could not start (missing sheet or column), or ''. */
  fatal: string;
  customersRead: number;
  rowsWithProblems: number;
  tiersChanged: number;
  draftsMade: number;
  eventsMade: number;
  skipped: Array<{ what: string; customerId: string; row: number; reason: string }>;
  errors: string[];
  mustContinue: boolean;
  due: Record<string, number>;
  dueByTier: Record<string, number>;
  overdue: number;
  dueToday: number;
  /** What a preview would make (also filled by real runs: what was made). */
  drafts: Array<{
    customerId: string;
    name: string;
    email: string;
    purchaseDate: string;
    subject: string;
    status: string;
  }>;
  visits: Array<{ customerId: string; name: string; tier: string; due: string; start: string; status: string }>;
  problems: Array<{ sheet: string; row: number; column: string; message: string }>;
}

export function emptySummary(mode: RunMode, started: Date): RunSummary {
  return {
    mode,
    today: '',
    started: started.toISOString(),
    finished: '',
    locked: false,
    fatal: '',
    customersRead: 0,
    rowsWithProblems: 0,
    tiersChanged: 0,
    draftsMade: 0,
    eventsMade: 0,
    skipped: [],
    errors: [],
    mustContinue: false,
    due: {},
    dueByTier: {},
    overdue: 0,
    dueToday: 0,
    drafts: [],
    visits: [],
    problems: [],
  };
}

export function fillFromPlan(summary: RunSummary, plan: Plan): void {
  summary.customersRead = plan.summary.customers;
  summary.rowsWithProblems = plan.summary.withProblems;
  summary.tiersChanged = plan.summary.tiersChanged;
  summary.due = { ...plan.summary.due };
  summary.dueByTier = { ...plan.summary.dueByTier };
  summary.overdue = plan.summary.overdue;
  summary.dueToday = plan.summary.dueToday;
  for (const s of plan.skipped)
    summary.skipped.push({ what: s.what, customerId: s.customerId ?? '', row: s.row, reason: s.reason });
  for (const p of plan.problems)
    summary.problems.push({ sheet: p.sheet, row: p.row, column: p.column ?? '', message: p.message });
}

/** What the drafts and visits steps did. In a preview, "made" means "would be made": the counts say so too. */
export function recordActions(
  summary: RunSummary,
  drafts: DraftsResult,
  visits: VisitsResult,
  byId: Map<string, Customer>,
): void {
  for (const o of drafts.outcomes) {
    const c = byId.get(o.need.customerId);
    if (o.status === 'made') summary.draftsMade++;
    if (o.status === 'skipped' || o.status === 'failed')
      summary.skipped.push({
        what: 'draft',
        customerId: o.need.customerId,
        row: o.need.customerRow,
        reason: o.reason ?? '',
      });
    summary.drafts.push({
      customerId: o.need.customerId,
      name: c ? c.name : '',
      email: o.need.email,
      purchaseDate: o.need.purchaseDate,
      subject: o.subject ?? '',
      status: o.status,
    });
  }
  for (const o of visits.outcomes) {
    const c = byId.get(o.need.customerId);
    if (o.status === 'made') summary.eventsMade++;
    if (o.status === 'skipped' || o.status === 'failed')
      summary.skipped.push({
        what: 'visit',
        customerId: o.need.customerId,
        row: o.need.customerRow,
        reason: o.reason ?? '',
      });
    summary.visits.push({
      customerId: o.need.customerId,
      name: c ? c.name : '',
      tier: o.need.tier,
      due: o.need.due,
      start: o.start ?? '',
      status: o.status,
    });
  }
}
