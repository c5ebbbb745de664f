import { recurringItem } from '../../../src/core/rules/recurring';
import { describeDue } from '../../../src/core/rules/dueItem';
import type { Contact, Customer, Purchase, Tier } from '../../../src/core/model';
import { contact, ctx, customer, factsFor, purchase } from '../fixtures';

const TODAY = '2026-11-20';

function rec(c: Customer, tier: Tier | null, purchases: Purchase[] | null = null, contacts: Contact[] = [], over = {}) {
  const rc = ctx(TODAY, over);
  return recurringItem(c, factsFor(c, purchases, contacts, rc), tier, rc);
}

describe('recurring contact (docs/rules.md, Keeping in touch)', () => {
  test('last contact + the tier days (A 14, B 30, C 60)', () => {
    const c = customer({ lastContact: '2026-11-01' });
    expect(rec(c, 'A').due).toBe('2026-11-15');
    expect(rec(c, 'B').due).toBe('2026-12-01');
    expect(rec(c, 'C').due).toBe('2026-12-31');
    const it = rec(c, 'A');
    expect(it).toMatchObject({
      kind: 'recurring',
      channel: 'call',
      who: 'rep',
      spreadable: true,
      baseDue: '2026-11-15',
    });
    expect(describeDue(it, 'en')).toBe('Keep in touch (A: every 14 days)');
    expect(describeDue(it, 'zh')).toBe('保持联系（A类：每14天）');
  });

  test('the latest of last contact and last purchase', () => {
    const c = customer({ lastContact: '2026-10-01', lastPurchase: '2026-10-10', lastPurchaseAmount: 10 });
    // Below the minimum: the purchase date itself, not the end of a post-sale sequence.
    expect(rec(c, 'A', null, [], { minFollowUpAmount: 100 }).due).toBe('2026-10-24');
  });

  test('counts from the end of the post-sale sequence of the latest qualifying purchase', () => {
    const c = customer({ lastContact: '2026-11-10' });
    // Bought 11-09: sequence ends on day 7, 11-16; A +14 = 11-30.
    expect(rec(c, 'A', [purchase({ date: '2026-11-09' })]).due).toBe('2026-11-30');
    // A later small purchase is a last purchase, but its own sequence does not exist.
    expect(
      rec(c, 'A', [purchase({ date: '2026-11-09' }), purchase({ date: '2026-11-18', amount: 5 })], [], {
        minFollowUpAmount: 100,
      }).due,
    ).toBe('2026-12-02');
  });

  test('any logged contact restarts the clock, even when the Last contact cell is older', () => {
    const c = customer({ lastContact: '2026-10-01' });
    expect(rec(c, 'B', null, [contact({ date: '2026-11-05', type: 'Message' })]).due).toBe('2026-12-05');
  });

  test('no base at all: Customer since + days, or today when blank', () => {
    expect(rec(customer({ customerSince: '2026-10-01' }), 'C').due).toBe('2026-11-30');
    expect(rec(customer(), 'C').due).toBe(TODAY);
  });

  test('a customer without a tier gets the C cadence and a text without a tier', () => {
    const it = rec(customer({ lastContact: '2026-11-01' }), null);
    expect(it.due).toBe('2026-12-31');
    expect(it.detail.tier).toBeUndefined();
    expect(describeDue(it, 'en')).toBe('Keep in touch (every 60 days)');
  });
});
