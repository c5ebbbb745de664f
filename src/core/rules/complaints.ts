/**
 * Complaints (docs/rules.md, Complaints): small issues are solved the same
 * day, big ones within 3 working days; once resolved, call for the
 * customer's feedback (a complaint solved well brings 70 % back).
 * Complaints ignore snooze and load spreading (status.ts, loadSpreading.ts).
 */
import { addWorkingDays } from '../dates';
import { contactedOnOrAfter, type CustomerFacts } from '../customerFacts';
import type { Customer } from '../model';
import type { DueItem, RuleContext } from './dueItem';

export function complaintItems(c: Customer, f: CustomerFacts, ctx: RuleContext): DueItem[] {
  const items: DueItem[] = [];
  // Open: due the day logged (Small; blank size counts as Small) or the 3rd
  // working day after it (Big); it stays due, overdue, until `Resolved on` is filled.
  for (const k of f.openComplaints) {
    const baseDue = k.size === 'Big' ? addWorkingDays(k.date, 3, ctx.cal) : k.date;
    items.push({
      customerId: c.id,
      kind: 'complaint',
      due: baseDue,
      baseDue,
      channel: 'call',
      // The playbook: record and escalate complaints; a big one is the manager's (docs/rules.md, Complaints).
      who: k.size === 'Big' ? 'manager' : 'rep',
      detail: { complaintDate: k.date, size: k.size },
      spreadable: false,
    });
  }
  // Resolved: a feedback call the next working day after `Resolved on`, done
  // by any other contact dated on or after that day. A `Resolved on` before
  // the complaint's own date is a slip; count from the complaint then.
  for (const k of f.resolvedComplaints) {
    const resolved = k.resolvedOn !== null && k.resolvedOn > k.date ? k.resolvedOn : k.date;
    const baseDue = addWorkingDays(resolved, 1, ctx.cal);
    if (contactedOnOrAfter(c, f, baseDue, k.row)) continue;
    items.push({
      customerId: c.id,
      kind: 'complaint-feedback',
      due: baseDue,
      baseDue,
      channel: 'call',
      who: 'rep',
      detail: { complaintDate: k.date, size: k.size, resolvedOn: k.resolvedOn ?? resolved },
      spreadable: false,
    });
  }
  return items;
}
