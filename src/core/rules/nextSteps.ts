/**
 * Next steps: the user's own follow-up, written in the contact log (`Next
 * step`, `Next step date`). Keeping records of what a customer asked for and
 * coming back to them is the playbook's advice; "promises not kept" is its
 * first churn cause (docs/rules.md, Which item is shown).
 */
import type { CalDate } from '../dates';
import type { CustomerFacts } from '../customerFacts';
import type { Contact, Customer } from '../model';
import type { DueItem, RuleContext } from './dueItem';

/**
 * Was there a contact after this log row? Dated after it, or the same day but
 * further down the log (the sidebar appends, so further down = logged later),
 * or a `Last contact` cell dated after it. Such a contact either did the step
 * or recorded what comes next (its own next step), so the older step is done.
 */
function contactedAfter(c: Customer, f: CustomerFacts, row: Contact): boolean {
  const date = row.date as CalDate;
  if (c.lastContact !== null && c.lastContact > date) return true;
  for (let i = f.contacts.length - 1; i >= 0; i--) {
    const k = f.contacts[i];
    if (k.date === null || k.date < date) return false;
    if (k.date > date || k.row > row.row) return true;
  }
  return false;
}

/**
 * One 'next-step' call per log row with a `Next step date` (the words alone,
 * without a date, give nothing to schedule), due on that date, until a later
 * contact completes it.
 */
export function nextStepItems(c: Customer, f: CustomerFacts, _ctx?: RuleContext): DueItem[] {
  const items: DueItem[] = [];
  // Indexed: f.contacts comes in several array element kinds, where for-of may fall back to iterator objects.
  for (let i = 0; i < f.contacts.length; i++) {
    const k = f.contacts[i];
    if (k.nextStepDate === null || k.date === null) continue;
    if (contactedAfter(c, f, k)) continue;
    const detail: DueItem['detail'] = { loggedOn: k.date };
    const words = k.nextStep.trim();
    if (words !== '') detail.nextStep = words;
    items.push({
      customerId: c.id,
      kind: 'next-step',
      due: k.nextStepDate,
      baseDue: k.nextStepDate,
      channel: 'call',
      who: 'rep',
      detail,
      spreadable: false,
    });
  }
  return items;
}
