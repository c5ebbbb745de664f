/**
 * The contact type a Due item is worked with, so the Log form opened from it
 * starts right (docs/rules.md, Complaints; Visits; Occasions): a complaint is worked
 * as a Complaint (its `Resolved on` closes it), a visit as a Visit, and the
 * rest (thank-you and post-sale calls, feedback after a complaint, next steps,
 * keeping in touch, and greetings for birthdays, anniversaries and holidays,
 * which the playbook says to make by phone) as a Call.
 */
import type { ApiContactType } from '../../src/shared/api';

const BY_KIND: Readonly<Record<string, ApiContactType>> = {
  complaint: 'Complaint',
  visit: 'Visit',
  'complaint-feedback': 'Call',
  'thank-you': 'Call',
  'post-sale-call': 'Call',
  'next-step': 'Call',
  recurring: 'Call',
  birthday: 'Call',
  anniversary: 'Call',
  holiday: 'Call',
};

export function typeForDue(kind: string): ApiContactType {
  return Object.prototype.hasOwnProperty.call(BY_KIND, kind) ? BY_KIND[kind] : 'Call';
}
