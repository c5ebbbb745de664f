/**
 * The post-sale sequence (docs/rules.md, Post-sale steps):
 * counted from the purchase date, step 1 (day 1) the salesperson's thank-you
 * call (the thank-you email is the draft, plan.ts), step 2 (day 3) the sales
 * manager's call, step 3 (day 7) the salesperson's check-in call. The days are
 * the `postSaleSteps` setting; any further steps are check-ins by the rep.
 */
import { addDays, type CalDate } from '../dates';
import { contactedOnOrAfter, maxOf, type CustomerFacts, type PurchaseFact } from '../customerFacts';
import type { Customer } from '../model';
import type { DueItem, RuleContext } from './dueItem';

/**
 * Purchases made the same day are one sale to follow up (nobody calls twice to
 * thank for two lines of one order): their products are listed together and
 * their amounts added up.
 */
function sameDaySales(
  purchases: readonly PurchaseFact[],
): Array<{ date: CalDate; product: string; amount: number | null }> {
  const out: Array<{ date: CalDate; products: string[]; amount: number | null }> = [];
  for (const p of purchases) {
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last && last.date === p.date) {
      if (p.product !== '' && last.products.indexOf(p.product) < 0) last.products.push(p.product);
      last.amount = last.amount === null || p.amount === null ? null : last.amount + p.amount;
    } else {
      out.push({ date: p.date, products: p.product === '' ? [] : [p.product], amount: p.amount });
    }
  }
  return out.map((s) => ({ date: s.date, product: s.products.join(', '), amount: s.amount }));
}

/**
 * Open and upcoming post-sale steps. A step is done once any contact is
 * logged on or after its due date; a step due more than `postSaleWindowDays`
 * before today has lapsed (the recurring cadence covers the customer). Steps
 * still in the future are returned too: they are scheduled, not yet due.
 */
export function postSaleItems(c: Customer, f: CustomerFacts, ctx: RuleContext): DueItem[] {
  const steps = ctx.settings.postSaleSteps;
  const oldest = addDays(ctx.today, -ctx.settings.postSaleWindowDays);
  const items: DueItem[] = [];
  if (f.postSalePurchases.length === 0) return items;
  // f.postSalePurchases is sorted by date: same-day purchases are adjacent.
  for (const sale of sameDaySales(f.postSalePurchases)) {
    for (let i = 0; i < steps.length; i++) {
      const day = steps[i];
      const step = i + 1;
      const baseDue = addDays(sale.date, day);
      if (baseDue < oldest) continue; // lapsed
      if (contactedOnOrAfter(c, f, baseDue)) continue; // done
      const detail: DueItem['detail'] = { step, day, purchaseDate: sale.date };
      if (sale.product !== '') detail.product = sale.product;
      if (sale.amount !== null) detail.amount = sale.amount;
      items.push({
        customerId: c.id,
        kind: step === 1 ? 'thank-you' : 'post-sale-call',
        due: baseDue,
        baseDue,
        channel: 'call',
        // The playbook: the day-3 call is the sales manager's (docs/rules.md, Post-sale steps).
        who: step === 2 ? 'manager' : 'rep',
        detail,
        spreadable: false,
      });
    }
  }
  return items;
}

/**
 * End of the post-sale sequence of the latest purchase that qualifies for it:
 * the recurring cadence starts counting from there (docs/rules.md, Keeping
 * in touch).
 */
export function postSaleEnd(
  f: CustomerFacts,
  ctx: RuleContext,
  qualifies: (p: PurchaseFact) => boolean,
): CalDate | null {
  const steps = ctx.settings.postSaleSteps;
  if (steps.length === 0) return null;
  for (let i = f.purchases.length - 1; i >= 0; i--) {
    const p = f.purchases[i];
    if (qualifies(p)) return addDays(p.date, maxOf(steps));
  }
  return null;
}
