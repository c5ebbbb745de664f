/**
 * What a customer's `Status` and `Snooze until` allow (docs/rules.md, Status,
 * snooze and prospects).
 *
 * - `Do not contact` and `Lost`: nothing at all (no items, drafts or visits).
 * - `Prospect`: the recurring contact, plus what the user logged themselves
 *   for that prospect (an open complaint, a next step with a date): those are
 *   the user's own words and promises, and dropping them silently would break
 *   them. No post-sale steps, greetings, visits or drafts.
 * - `Snooze until` (while it is today or later) holds back everything except
 *   complaints, see applySnooze.
 */
import { nextWorkingDay, type CalDate, type WorkCalendar } from '../dates';
import { tr, type Msg } from '../i18n';
import type { Customer, Lang } from '../model';
import { withDue, type DueItem, type DueKind } from './dueItem';

const MSG = {
  doNotContact: { en: 'Status is Do not contact: no follow-ups', zh: '状态为"请勿联系"：不安排跟进' },
  lost: { en: 'Status is Lost: no follow-ups', zh: '状态为"已流失"：不安排跟进' },
} satisfies Record<string, Msg>;

/** Why this customer gets no actions at all, or null. */
export function statusExclusion(c: Customer, lang: Lang): string | null {
  if (c.status === 'Do not contact') return tr(lang, MSG.doNotContact);
  if (c.status === 'Lost') return tr(lang, MSG.lost);
  return null;
}

const prospectKinds: ReadonlySet<DueKind> = new Set<DueKind>([
  'recurring',
  'complaint',
  'complaint-feedback',
  'next-step',
]);

/** May a customer with this status have an item of this kind? */
export function statusAllows(c: Customer, kind: DueKind): boolean {
  if (c.status === 'Do not contact' || c.status === 'Lost') return false;
  if (c.status === 'Prospect') return prospectKinds.has(kind);
  return true;
}

/** Drafts go to active customers only: never to prospects, Do not contact or Lost (docs/rules.md, Drafts). */
export function statusAllowsDraft(c: Customer): boolean {
  return c.status === 'Active';
}

/** Visits: not for prospects nor excluded customers (docs/rules.md, Status, snooze and prospects). */
export function statusAllowsVisit(c: Customer): boolean {
  return c.status === 'Active';
}

export function isComplaintKind(kind: DueKind): boolean {
  return kind === 'complaint' || kind === 'complaint-feedback';
}

/** Cadences and the user's own next steps are pushed to the end of the snooze rather than lost. */
const PUSHED: ReadonlySet<DueKind> = new Set<DueKind>(['recurring', 'visit', 'next-step']);

/**
 * Snooze ("nothing but complaints is due before it"), active while
 * `Snooze until` is today or later. Applied after the working-day moves, on
 * the dates the user would see:
 * - complaints are untouched;
 * - the recurring contact, the visit and next steps due before the snooze
 *   date become due on it (on the next working day when it is not one): they
 *   are still wanted, just not now;
 * - post-sale steps and greetings due before the snooze date are dropped:
 *   their moment passes during the snooze (post-sale steps lapse into the
 *   recurring cadence, an occasion is not greeted late).
 * So the customer's next follow-up is the first item on or after the snooze
 * date, or a complaint.
 */
export function applySnooze(
  items: readonly DueItem[],
  snoozeUntil: CalDate | null,
  today: CalDate,
  cal: WorkCalendar,
): DueItem[] {
  if (snoozeUntil === null || snoozeUntil < today) return items.slice();
  const out: DueItem[] = [];
  for (const it of items) {
    if (isComplaintKind(it.kind) || it.due >= snoozeUntil) out.push(it);
    else if (PUSHED.has(it.kind)) out.push(withDue(it, nextWorkingDay(snoozeUntil, cal)));
  }
  return out;
}
