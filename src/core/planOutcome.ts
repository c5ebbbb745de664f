/**
 * The plan's last step (docs/architecture.md, A nightly run): each
 * customer's spread items become its managed values (docs/rules.md, Which
 * item is shown), its visit entries and the run's counts; then everything
 * the plan lists is put in a stable order, so the same input always gives the
 * same plan.
 */
import { SHEET_CUSTOMERS, SHEET_PURCHASES } from './customerRows';
import { daysBetween, type CalDate } from './dates';
import { tr, type Msg } from './i18n';
import type { Lang, RowProblem, Tier } from './model';
import type { Work } from './planCustomer';
import type { CustomerPlan, DraftNeed, ManagedValues, Skip, VisitNeed } from './planTypes';
import { compareItems, describeDue, type DueItem, type DueKind } from './rules/dueItem';
import { statusAllowsVisit } from './rules/status';

const MORE: Msg = { en: ' (+{n} more)', zh: '（另有{n}项）' };

/** The running totals of the last step. */
export interface Totals {
  visits: VisitNeed[];
  /** Visits due up to this day are made. */
  lookahead: CalDate;
  due: Record<DueKind, number>;
  dueByTier: Record<Tier, number>;
  overdue: number;
  dueToday: number;
  withProblems: number;
  tiersChanged: number;
  /** The plan's skips: a visit held back (Work.noEvent) is added here. */
  skipped: Skip[];
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

/** Counts what is due today or overdue, and adds the visits to make. */
function countItems(w: Work, items: readonly DueItem[], today: CalDate, t: Totals): void {
  const c = w.c;
  for (const it of items) {
    if (it.due <= today) {
      t.due[it.kind]++;
      if (w.tier !== null) t.dueByTier[w.tier]++;
      if (it.due < today) t.overdue++;
      else t.dueToday++;
    }
    if (it.kind === 'visit' && w.tier !== null && statusAllowsVisit(c) && it.due <= t.lookahead) {
      if (w.noEvent !== undefined) {
        t.skipped.push({ sheet: SHEET_CUSTOMERS, row: c.row, customerId: c.id, what: 'visit', reason: w.noEvent });
        continue;
      }
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
}

/** The managed columns: the first item shown, with how many more are due; the notes say what could not be read. */
function managedValues(w: Work, items: readonly DueItem[], today: CalDate, lang: Lang): ManagedValues {
  const next = items.length > 0 ? items[0] : null;
  let followUp = '';
  if (next !== null) {
    let more = 0;
    for (const it of items) if (it !== next && it.due <= today) more++;
    followUp = describeDue(next, lang) + (more > 0 ? tr(lang, MORE, { n: more }) : '');
  }
  const notes = w.notes === null ? '' : w.notes.join('; ');
  return {
    tier: w.tier ?? '',
    nextFollowUp: next ? next.due : '',
    followUp,
    daysToDue: next ? daysBetween(today, next.due) : '',
    notes,
  };
}

/** One customer's plan from its spread items: next item, managed values, visits and counts. */
export function customerPlan(w: Work, items: DueItem[], today: CalDate, lang: Lang, t: Totals): CustomerPlan {
  const c = w.c;
  sortItems(items);
  if (c.problems.length > 0) t.withProblems++;
  if (!c.tierIsFormula && w.tier !== c.tierFromSheet) t.tiersChanged++;
  countItems(w, items, today, t);
  const plan: CustomerPlan = {
    customerId: c.id,
    row: c.row,
    tier: w.tier,
    previousTier: c.tierFromSheet,
    items,
    next: items.length > 0 ? items[0] : null,
    managed: managedValues(w, items, today, lang),
  };
  if (w.excluded !== undefined) plan.excluded = w.excluded;
  return plan;
}

const sheetOrder = (s: string): number => (s === SHEET_CUSTOMERS ? 0 : s === SHEET_PURCHASES ? 1 : 2);

/** Skips and problems by sheet and row, drafts by customer row and purchase, visits by due date: a deterministic plan. */
export function orderPlan(skipped: Skip[], problems: RowProblem[], drafts: DraftNeed[], visits: VisitNeed[]): void {
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
}
