import { contactedOnOrAfter, customerFacts, qualifiesForFollowUp } from '../../../src/core/customerFacts';
import { indexRows } from '../referenceRows';
import { purchaseKey } from '../../../src/core/purchaseKey';
import { contact, ctx, customer, factsFor, plan, planOf, purchase, tiered } from '../fixtures';

const TODAY = '2026-11-20';
const rc = ctx(TODAY);

describe('customer facts', () => {
  test('with a Purchases sheet: revenue over the window, last and first purchase from it, not from the Customers columns', () => {
    const c = customer({ revenue: 99999, lastPurchase: '2026-11-19', lastPurchaseAmount: 5 });
    const f = factsFor(
      c,
      [
        purchase({ row: 4, date: '2026-11-10', amount: 300, product: 'B' }),
        purchase({ row: 3, date: '2025-11-21', amount: 200 }), // 364 days ago: in
        purchase({ row: 2, date: '2025-11-20', amount: 100 }), // 365 days ago: out
        purchase({ row: 5, date: '2026-11-10', amount: null, product: 'C' }),
      ],
      [],
      rc,
    );
    expect(f.revenue).toBe(500);
    expect(f.lastPurchase).toBe('2026-11-10');
    expect(f.lastPurchaseAmount).toBeNull(); // the last row of the last day
    expect(f.firstPurchase).toBe('2025-11-20');
    expect(f.purchases.map((p) => p.row)).toEqual([2, 3, 4, 5]);
  });

  test('no purchases in the sheet: revenue 0 (tier C), not blank', () => {
    expect(factsFor(customer({ revenue: 10 }), [], [], rc).revenue).toBe(0);
    expect(factsFor(customer({ revenue: 10 }), null, [], rc).revenue).toBe(10);
  });

  test('last contact = max(cell, log); last visit from Visit rows; complaints split open / resolved (blank size = Small)', () => {
    const c = customer({ lastContact: '2026-11-15' });
    const f = factsFor(
      c,
      null,
      [
        contact({ date: '2026-11-01', type: 'Visit' }),
        contact({ date: '2026-11-12', type: 'Complaint' }),
        contact({ date: '2026-11-05', type: 'Complaint', complaintSize: 'Big', resolvedOn: '2026-11-08' }),
      ],
      rc,
    );
    expect(f.lastContact).toBe('2026-11-15');
    expect(f.lastVisit).toBe('2026-11-01');
    expect(f.openComplaints).toEqual([
      { row: expect.any(Number), date: '2026-11-12', size: 'Small', resolvedOn: null },
    ]);
    expect(f.resolvedComplaints.map((k) => k.size)).toEqual(['Big']);
    expect(
      factsFor(customer({ lastContact: '2026-11-01' }), null, [contact({ date: '2026-11-03' })], rc).lastContact,
    ).toBe('2026-11-03');
  });

  test('post-sale purchases: qualifying and not yet all lapsed', () => {
    const f = factsFor(
      customer(),
      [purchase({ date: '2026-10-30' }), purchase({ date: '2026-10-29' }), purchase({ date: '2026-11-19', amount: 0 })],
      [],
      ctx(TODAY, { minFollowUpAmount: 1 }),
    );
    // Day 7 of 10-30 is 11-06, 14 days before today; 10-29's last step (11-05) has lapsed.
    expect(f.postSalePurchases.map((p) => p.date)).toEqual(['2026-10-30']);
  });

  test('contactedOnOrAfter: cell or log, optionally leaving one row out', () => {
    const k = contact({ row: 7, date: '2026-11-10' });
    const c = customer();
    const f = customerFacts(c, null, [k], {
      today: TODAY,
      revenueWindowDays: 365,
      minFollowUpAmount: 0,
      postSaleSteps: [1],
      postSaleWindowDays: 14,
    });
    expect(contactedOnOrAfter(c, f, '2026-11-10')).toBe(true);
    expect(contactedOnOrAfter(c, f, '2026-11-11')).toBe(false);
    expect(contactedOnOrAfter(c, f, '2026-11-10', 7)).toBe(false);
    expect(contactedOnOrAfter(customer({ lastContact: '2026-11-12' }), f, '2026-11-11', 7)).toBe(true);
  });

  test('qualifiesForFollowUp and purchaseKey', () => {
    expect(qualifiesForFollowUp(100, 100)).toBe(true);
    expect(qualifiesForFollowUp(99.99, 100)).toBe(false);
    expect(qualifiesForFollowUp(-5, 0)).toBe(false);
    expect(qualifiesForFollowUp(null, 0)).toBe(true);
    expect(qualifiesForFollowUp(null, 1)).toBe(false);
    expect(purchaseKey('C0001', '2026-11-20', 1200, 'Widget')).toBe('C0001|2026-11-20|1200|Widget');
    expect(purchaseKey('C0001', '2026-11-20', null, '')).toBe('C0001|2026-11-20||');
  });
});

describe('indexRows', () => {
  test('rows by customer; bad, unknown, undated and future rows set aside; rows of customers with problems dropped quietly', () => {
    const known = new Set(['C1', 'C2']);
    const usable = new Set(['C1']);
    const ix = indexRows(
      [
        purchase({ row: 2, customerId: 'C1' }),
        purchase({ row: 3, customerId: ' C1 ' }),
        purchase({ row: 4, customerId: 'C2' }),
        purchase({ row: 5, customerId: '' }),
      ],
      [
        contact({ row: 2, customerId: 'C1', date: null }),
        contact({ row: 3, customerId: 'C1', date: '2026-11-21' }),
        contact({ row: 4, customerId: 'C1' }),
      ],
      known,
      usable,
      TODAY,
      'en',
    );
    expect(ix.purchases!.get('C1')!.map((p) => p.row)).toEqual([2, 3]);
    expect(ix.purchases!.has('C2')).toBe(false);
    expect(ix.contacts.get('C1')!.map((k) => k.row)).toEqual([4]);
    expect(ix.ignored).toEqual([
      { problem: { sheet: 'Purchases', row: 5, message: 'No Customer ID' } },
      { problem: { sheet: 'Contact log', row: 2, message: 'No date' }, customerId: 'C1' },
      { problem: { sheet: 'Contact log', row: 3, message: 'Date 2026-11-21 is in the future' }, customerId: 'C1' },
    ]);
    expect(indexRows(null, [], known, usable, TODAY, 'zh').purchases).toBeNull();
  });

  test('in the plan, a contact dated in the future does not complete anything', () => {
    const p = plan({
      today: TODAY,
      customers: [tiered('C', { lastContact: '2026-09-01' })],
      contacts: [contact({ date: '2026-11-25' })],
    });
    expect(planOf(p, 'C1').next!.baseDue).toBe('2026-10-31');
    expect(p.problems.map((x) => x.message)).toEqual(['Date 2026-11-25 is in the future']);
  });
});
