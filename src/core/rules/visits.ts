/**
 * Visits (docs/rules.md, Visits: "visits are the most effective contact", A
 * customers visited more often): tiers with a visit
 * cadence are due that many days after the last logged visit; with no visit
 * logged, that many days after `Customer since`, or today when that is blank.
 */
import { addDays } from '../dates';
import type { CustomerFacts } from '../customerFacts';
import type { Customer, Tier } from '../model';
import type { DueItem, RuleContext } from './dueItem';

export function visitItem(c: Customer, f: CustomerFacts, tier: Tier | null, ctx: RuleContext): DueItem | null {
  if (tier === null) return null;
  const every = ctx.settings.visitEveryDays[tier];
  if (every === null || every === undefined) return null;
  const from = f.lastVisit ?? c.customerSince;
  const baseDue = from !== null ? addDays(from, every) : ctx.today;
  return {
    customerId: c.id,
    kind: 'visit',
    due: baseDue,
    baseDue,
    channel: 'visit',
    who: 'rep',
    detail: { tier, everyDays: every },
    spreadable: false,
  };
}
