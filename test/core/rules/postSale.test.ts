import { postSaleItems } from '../../../src/core/rules/postSale';
import { describeDue } from '../../../src/core/rules/dueItem';
import { contact, ctx, customer, factsFor, plan, planOf, purchase, tiered } from '../fixtures';

// 2026-11-09 is a Monday: steps fall on Tue 11-10, Thu 11-12, Mon 11-16.
const BOUGHT = '2026-11-09';

function items(
  today: string,
  contacts = [] as ReturnType<typeof contact>[],
  over = {},
  purchases = [purchase({ date: BOUGHT })],
  cust = customer(),
) {
  const rc = ctx(today, over);
  return postSaleItems(cust, factsFor(cust, purchases, contacts, rc), rc);
}

describe('post-sale sequence (docs/rules.md, Post-sale steps)', () => {
  test('three steps after a purchase: thank-you (rep), day 3 manager call, day 7 check-in, future ones included', () => {
    const it = items(BOUGHT);
    expect(it.map((i) => [i.kind, i.due, i.who, i.detail.step, i.detail.day])).toEqual([
      ['thank-you', '2026-11-10', 'rep', 1, 1],
      ['post-sale-call', '2026-11-12', 'manager', 2, 3],
      ['post-sale-call', '2026-11-16', 'rep', 3, 7],
    ]);
    expect(
      it.every(
        (i) =>
          i.channel === 'call' && !i.spreadable && i.detail.purchaseDate === BOUGHT && i.detail.product === 'Widget',
      ),
    ).toBe(true);
  });

  test('a contact on the due day completes that step and the earlier ones', () => {
    const it = items('2026-11-13', [contact({ date: '2026-11-12', type: 'Email' })]);
    expect(it.map((i) => i.detail.step)).toEqual([3]);
  });

  test('a contact the day before the due day does not complete it', () => {
    const it = items('2026-11-13', [contact({ date: '2026-11-11' })]);
    expect(it.map((i) => i.detail.step)).toEqual([2, 3]);
  });

  test('any type by anyone counts, and so does the Last contact cell', () => {
    expect(items('2026-11-17', [contact({ date: '2026-11-16', type: 'Complaint', by: 'boss@example.com' })])).toEqual(
      [],
    );
    expect(
      items('2026-11-13', [], {}, undefined, customer({ lastContact: '2026-11-12' })).map((i) => i.detail.step),
    ).toEqual([3]);
  });

  test('steps older than postSaleWindowDays (14) lapse', () => {
    // 11-10 + 14 = 11-24: the thank-you is still open on 11-24, gone on 11-25.
    expect(items('2026-11-24').map((i) => i.detail.step)).toEqual([1, 2, 3]);
    expect(items('2026-11-25').map((i) => i.detail.step)).toEqual([2, 3]);
    expect(items('2026-11-26').map((i) => i.detail.step)).toEqual([2, 3]);
    expect(items('2026-11-27').map((i) => i.detail.step)).toEqual([3]);
    expect(items('2026-11-30').map((i) => i.detail.step)).toEqual([3]);
    expect(items('2026-12-01')).toEqual([]);
  });

  test('minFollowUpAmount: a smaller purchase gets no steps; a blank amount only when there is no minimum', () => {
    expect(items(BOUGHT, [], { minFollowUpAmount: 2000 })).toEqual([]);
    expect(items(BOUGHT, [], { minFollowUpAmount: 1200 })).toHaveLength(3);
    expect(items(BOUGHT, [], { minFollowUpAmount: 0 }, [purchase({ date: BOUGHT, amount: null })])).toHaveLength(3);
    expect(items(BOUGHT, [], { minFollowUpAmount: 1 }, [purchase({ date: BOUGHT, amount: null })])).toEqual([]);
  });

  test('purchases of the same day are one sale; another day is another sequence', () => {
    const it = items('2026-11-10', [], {}, [
      purchase({ date: BOUGHT, product: 'Widget', amount: 100 }),
      purchase({ date: BOUGHT, product: 'Gadget', amount: 50 }),
      purchase({ date: '2026-11-10', product: 'Bolt', amount: 5 }),
    ]);
    expect(it).toHaveLength(6);
    expect(it[0].detail).toMatchObject({ product: 'Widget, Gadget', amount: 150, purchaseDate: BOUGHT });
    expect(it[3].detail).toMatchObject({ product: 'Bolt', purchaseDate: '2026-11-10' });
  });

  test('without a Purchases sheet the Customers row Last purchase drives it', () => {
    const c = customer({ lastPurchase: BOUGHT, lastPurchaseAmount: 500 });
    const it = items('2026-11-11', [], {}, null as never, c);
    expect(it.map((i) => i.due)).toEqual(['2026-11-10', '2026-11-12', '2026-11-16']);
    expect(it[0].detail.product).toBeUndefined();
  });

  test('custom steps: the setting decides days and count', () => {
    const it = items(BOUGHT, [], { postSaleSteps: [2, 5, 10, 30] });
    expect(it.map((i) => [i.kind, i.due, i.who])).toEqual([
      ['thank-you', '2026-11-11', 'rep'],
      ['post-sale-call', '2026-11-14', 'manager'],
      ['post-sale-call', '2026-11-19', 'rep'],
      ['post-sale-call', '2026-12-09', 'rep'],
    ]);
  });

  test('texts', () => {
    const it = items(BOUGHT, [], {}, [purchase({ date: '2026-11-20' })]);
    expect(it.map((i) => describeDue(i, 'en'))).toEqual([
      'Thank-you call (purchase 2026-11-20)',
      'Day-3 manager call after purchase of Widget on 2026-11-20',
      'Day-7 check-in call after purchase of Widget on 2026-11-20',
    ]);
    expect(describeDue(it[1], 'zh')).toContain('购买Widget后第3天经理回访');
  });

  test('in the plan, a step on a weekend moves to Monday; a contact on the Saturday still completes it', () => {
    // Bought Friday 11-20: day 1 is Saturday 11-21.
    const p = plan({ today: '2026-11-20', customers: [tiered('A')], purchases: [purchase({ date: '2026-11-20' })] });
    const thank = planOf(p, 'C1').items.find((i) => i.kind === 'thank-you')!;
    expect([thank.baseDue, thank.due]).toEqual(['2026-11-21', '2026-11-23']);
    const p2 = plan({
      today: '2026-11-22',
      customers: [tiered('A')],
      purchases: [purchase({ date: '2026-11-20' })],
      contacts: [contact({ date: '2026-11-21' })],
    });
    expect(planOf(p2, 'C1').items.filter((i) => i.kind === 'thank-you')).toEqual([]);
  });
});
