/**
 * The recurring contact (docs/rules.md, Keeping in touch: "the salesperson
 * stops calling" is a churn cause): the latest of last contact, last
 * purchase and the end of the post-sale sequence, plus the tier's days.
 */
import { addDays, type CalDate } from '../dates';
import { qualifiesForFollowUp, type CustomerFacts } from '../customerFacts';
import type { Customer, Tier } from '../model';
import type { DueItem, RuleContext } from './dueItem';
import { postSaleEnd } from './postSale';

/**
 * A customer without a tier (blank revenue, e.g. a prospect) is kept in touch
 * at the C cadence, the least frequent: the playbook asks not to pester.
 */
export function contactCadence(tier: Tier | null, ctx: RuleContext): number {
  return ctx.settings.contactEveryDays[tier ?? 'C'];
}

/** The later of two dates, either of which may be missing: d when it is set and later than best. */
function later(best: CalDate | null, d: CalDate | null): CalDate | null {
  return d && (best === null || d > best) ? d : best;
}

export function recurringItem(c: Customer, f: CustomerFacts, tier: Tier | null, ctx: RuleContext): DueItem {
  const every = contactCadence(tier, ctx);
  const end = postSaleEnd(f, ctx, (p) => qualifiesForFollowUp(p.amount, ctx.settings.minFollowUpAmount));
  // The latest of f.lastContact, f.lastPurchase and end, without an array (every customer, every night).
  const base = later(later(later(null, f.lastContact), f.lastPurchase), end);
  // Nothing to count from: `Customer since` + days, or due today (a customer
  // nobody ever contacted is overdue for a first call).
  const baseDue =
    base !== null ? addDays(base, every) : c.customerSince !== null ? addDays(c.customerSince, every) : ctx.today;
  const detail: DueItem['detail'] = { everyDays: every };
  if (tier !== null) detail.tier = tier;
  return {
    customerId: c.id,
    kind: 'recurring',
    due: baseDue,
    baseDue,
    channel: 'call',
    who: 'rep',
    detail,
    spreadable: true,
  };
}
