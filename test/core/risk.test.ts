import fc from 'fast-check';
import { addDays, daysBetween, type CalDate } from '../../src/core/dates';
import type { Tier } from '../../src/core/model';
import {
  bookRisk,
  winBackDue,
  type BookCustomer,
  type PurchaseLike,
  type Risk,
  type RiskOptions,
} from '../../src/core/risk';
import { describeRisk, gapText, riskCellText } from '../../src/core/riskText';

const D0 = '2026-01-01';
const day = (n: number): CalDate => addDays(D0, n);
const buys = (id: string, days: number[], amount: number | null = 100): PurchaseLike[] =>
  days.map((n) => ({ customerId: id, date: day(n), amount }));
const one = (
  days: number[],
  today: number,
  o: RiskOptions = { factor: 2, minPurchases: 3 },
  amount: number | null = 100,
) => bookRisk([{ id: 'C1', tier: null }], buys('C1', days, amount), day(today), o)[0] as Risk;

describe('buying rhythm', () => {
  it('takes the median gap between distinct purchase days', () => {
    // Gaps 10, 30, 20: median 20.
    expect(one([0, 10, 40, 60], 61).usualGap).toBe(20);
    // Gaps 10, 30: median of an even count is the mean of the middle two.
    expect(one([0, 10, 40], 41).usualGap).toBe(20);
    // Gaps 10, 21: 15.5.
    expect(one([0, 10, 31], 32).usualGap).toBe(15.5);
  });

  it('counts purchases on the same day once, whatever their order', () => {
    const r = one([40, 0, 10, 10, 0, 40, 40], 50);
    expect(r.purchaseDays).toBe(3);
    expect(r.usualGap).toBe(20);
    expect(r.lastPurchase).toBe(day(40));
    expect(r.daysSince).toBe(10);
  });

  it('ignores purchases after today, rows with problems, rows without a date, and unknown customers', () => {
    const purchases: PurchaseLike[] = [
      ...buys('C1', [0, 30, 60]),
      { customerId: 'C1', date: day(200), amount: 5 },
      { customerId: 'C1', date: day(65), amount: 5, problems: ['Amount "x" is not a number'] },
      { customerId: 'C1', date: null, amount: 5 },
      { customerId: 'C9', date: day(1), amount: 5 },
    ];
    const [r] = bookRisk([{ id: 'C1', tier: null }], purchases, day(100));
    expect(r).toMatchObject({ purchaseDays: 3, lastPurchase: day(60), daysSince: 40, usualGap: 30 });
  });

  it('has no risk without a purchase, or for a blank ID', () => {
    const out = bookRisk(
      [
        { id: 'C1', tier: 'A' },
        { id: 'C2', tier: 'A' },
        { id: '', tier: 'A' },
      ],
      [...buys('C1', [0, 30, 60]), ...buys('', [0, 1, 2])],
      day(61),
    );
    expect(out[0]).not.toBeNull();
    expect(out[1]).toBeNull();
    expect(out[2]).toBeNull();
  });
});

describe('the line', () => {
  it('is crossed the day after factor × gap: not on it', () => {
    // Gap 30, factor 2: 60 days since is on the line, 61 is past it.
    const on = one([0, 30, 60], 120);
    expect(on).toMatchObject({ daysSince: 60, slipping: false, daysOverdue: 0, crossedOn: day(121), lineDays: 60 });
    const past = one([0, 30, 60], 121);
    expect(past).toMatchObject({ daysSince: 61, slipping: true, daysOverdue: 1, crossedOn: day(121) });
    expect(one([0, 30, 60], 135)).toMatchObject({
      daysSince: 75,
      slipping: true,
      daysOverdue: 15,
      crossedOn: day(121),
    });
  });

  it('rounds a fractional line down to the last day inside it', () => {
    // Gap 15.5 × 1.5 = 23.25: 23 days is inside, 24 is past.
    const o = { factor: 1.5, minPurchases: 3 };
    expect(one([0, 10, 31], 31 + 23, o).slipping).toBe(false);
    expect(one([0, 10, 31], 31 + 24, o)).toMatchObject({ slipping: true, daysOverdue: 1, crossedOn: day(31 + 24) });
  });

  it('is exact where binary floating point is not', () => {
    // 0.57 × 100 is 56.99999999999999 in floating point; the rule says 57.
    expect(0.57 * 100).toBeLessThan(57);
    const o = { factor: 0.57, minPurchases: 3 };
    expect(one([0, 100, 200], 257, o).slipping).toBe(false);
    expect(one([0, 100, 200], 258, o)).toMatchObject({ slipping: true, crossedOn: day(258) });
    // 2.2 × 30 = 66 exactly.
    expect(one([0, 30, 60], 126, { factor: 2.2, minPurchases: 3 }).slipping).toBe(false);
    expect(one([0, 30, 60], 127, { factor: 2.2, minPurchases: 3 }).slipping).toBe(true);
  });

  it('needs minPurchases purchase days for a rhythm of its own', () => {
    const purchases = [...buys('C1', [0, 30]), ...buys('C2', [0, 50, 100, 150])];
    const customers: BookCustomer[] = [
      { id: 'C1', tier: null },
      { id: 'C2', tier: null },
    ];
    const [c1] = bookRisk(customers, purchases, day(200), { factor: 2, minPurchases: 3 });
    // C1 has 2 purchase days: it takes the book's typical gap (C2's 50), not its own 30.
    expect(c1).toMatchObject({ basis: 'book', usualGap: 50, slipping: true, daysSince: 170, crossedOn: day(131) });
    const [own] = bookRisk(customers, purchases, day(200), { factor: 2, minPurchases: 2 });
    expect(own).toMatchObject({ basis: 'own', usualGap: 30 });
  });
});

describe('customers with too few purchases', () => {
  const tiered = (tier: Tier | null, id: string): BookCustomer => ({ id, tier });

  it("fall back on their tier's typical gap, the median of its customers' own gaps", () => {
    const customers = [tiered('A', 'A1'), tiered('A', 'A2'), tiered('A', 'A3'), tiered('B', 'B1'), tiered('A', 'N')];
    const purchases = [
      ...buys('A1', [0, 10, 20]), // 10
      ...buys('A2', [0, 20, 40]), // 20
      ...buys('A3', [0, 40, 80]), // 40
      ...buys('B1', [0, 100, 200]), // 100, another tier
      ...buys('N', [50]),
    ];
    const out = bookRisk(customers, purchases, day(100));
    expect(out[4]).toMatchObject({ basis: 'tier', tier: 'A', usualGap: 20, purchaseDays: 1, daysSince: 50 });
    expect(out[4]?.slipping).toBe(true);
    expect(out[4]?.crossedOn).toBe(day(91));
  });

  it('round an even median of gaps up to the quarter day', () => {
    // Own gaps 10 and 15.5: typical 12.75.
    const customers = [tiered('B', 'X'), tiered('B', 'Y'), tiered('B', 'N')];
    const purchases = [...buys('X', [0, 10, 20]), ...buys('Y', [0, 10, 31]), ...buys('N', [0])];
    expect(bookRisk(customers, purchases, day(40))[2]?.usualGap).toBe(12.75);
  });

  it('take the whole book when their tier has no rhythm, and are not judged when nobody has one', () => {
    const customers = [tiered('A', 'A1'), tiered('C', 'C1'), tiered(null, 'U')];
    const purchases = [...buys('A1', [0, 30, 60]), ...buys('C1', [0]), ...buys('U', [0, 5])];
    const out = bookRisk(customers, purchases, day(100));
    expect(out[1]).toMatchObject({ basis: 'book', usualGap: 30, tier: null });
    expect(out[2]).toMatchObject({ basis: 'book', usualGap: 30 });
    expect(bookRisk([tiered('A', 'U')], buys('U', [0, 5]), day(100))).toEqual([null]);
  });
});

describe('revenue at stake', () => {
  it('is a year of usual buying: spend per purchase day × 365 / usual gap', () => {
    // Two purchases of 100 on one day count as a 200 day; gap 30.
    const purchases = [...buys('C1', [0, 0, 30, 60]), { customerId: 'C1', date: day(90), amount: null }];
    const [r] = bookRisk([{ id: 'C1', tier: null }], purchases, day(200));
    expect(r?.spendPerPurchaseDay).toBe(400 / 3);
    expect(r?.revenueAtStake).toBe(Math.round(((400 / 3) * 365 * 100) / 30) / 100);
    expect(one([0, 30, 60], 200, undefined, null)).toMatchObject({ spendPerPurchaseDay: null, revenueAtStake: 0 });
  });

  it('takes another horizon when asked', () => {
    expect(one([0, 30, 60], 200, { factor: 2, minPurchases: 3, horizonDays: 90 }).revenueAtStake).toBe(300);
  });
});

describe('options', () => {
  it('refuses a factor or minimum a caller should have validated', () => {
    expect(() => one([0], 1, { factor: 0, minPurchases: 3 })).toThrow(/riskFactor/);
    expect(() => one([0], 1, { factor: 2, minPurchases: 0 })).toThrow(/riskMinPurchases/);
  });
});

describe('winBackDue', () => {
  const r = one([0, 30, 60], 135); // crossed on day 121
  it('is due on the day the line was crossed until a contact on or after it', () => {
    expect(winBackDue(r, [])).toBe(day(121));
    expect(winBackDue(r, [day(100), day(120)])).toBe(day(121));
    expect(winBackDue(r, [day(121)])).toBeNull();
    expect(winBackDue(null, [])).toBeNull();
  });
  it('comes back after the next lapse: a new purchase moves the line', () => {
    const after = one([0, 30, 60, 130], 200);
    expect(after.crossedOn).toBe(day(191));
    expect(winBackDue(after, [day(125)])).toBe(day(191));
  });
});

describe('texts', () => {
  it('name the rhythm in English and Chinese', () => {
    const r = one([0, 30, 60], 135);
    expect(describeRisk(r, 'en')).toBe('usually buys every 30 days; 75 days since the last purchase');
    expect(describeRisk(r, 'zh')).toBe('通常每30天购买一次；距上次购买已75天');
    expect(riskCellText(r, 'en')).toBe('15 d overdue: 75 d since, usually 30 d');
    expect(riskCellText(r, 'zh')).toBe('逾期15天：已75天未购，通常每30天');
    expect(riskCellText(one([0, 30, 60], 100), 'en')).toBe('');
    expect(riskCellText(null, 'en')).toBe('');
  });

  it('say when the rhythm is borrowed', () => {
    const customers: BookCustomer[] = [
      { id: 'A1', tier: 'A' },
      { id: 'N', tier: 'A' },
      { id: 'M', tier: null },
    ];
    const purchases = [...buys('A1', [0, 30, 60]), ...buys('N', [0, 10]), ...buys('M', [0])];
    const [, n, m] = bookRisk(customers, purchases, day(100));
    expect(describeRisk(n as Risk, 'en')).toBe(
      '2 purchases so far; tier A customers usually buy every 30 days; 90 days since the last purchase',
    );
    expect(describeRisk(n as Risk, 'zh')).toBe('仅购买过2次；A类客户通常每30天购买一次；距上次购买已90天');
    expect(describeRisk(m as Risk, 'en')).toBe(
      '1 purchase so far; customers usually buy every 30 days; 100 days since the last purchase',
    );
    expect(riskCellText(m as Risk, 'en')).toBe('40 d overdue: 100 d since, 1 purchase; others usually 30 d');
    expect(riskCellText(m as Risk, 'zh')).toBe('逾期40天：已100天未购，仅1次购买；其他客户通常每30天');
  });

  it('write gaps as people say them', () => {
    expect([30, 22.5, 12.75, 12.25].map(gapText)).toEqual(['30', '22.5', '12.8', '12.3']);
  });
});

// ------------------------------------------------------------------ against a naive reading of the rule

/** The rule read literally, per customer, with exact rationals (num / den). */
function naive(days: number[], today: number, factorTenths: number): { slipping: boolean; crossed: number } | null {
  const distinct = [...new Set(days.filter((d) => d <= today))].sort((a, b) => a - b);
  if (distinct.length < 3) return null;
  const gaps = distinct
    .slice(1)
    .map((d, i) => d - distinct[i])
    .sort((a, b) => a - b);
  const m = gaps.length;
  // median × 2 as a whole number
  const median2 = m % 2 ? 2 * gaps[m >> 1] : gaps[m / 2 - 1] + gaps[m / 2];
  const last = distinct[distinct.length - 1];
  const since = today - last;
  // since > factor × median  <=>  since × 20 > factorTenths × median2
  const slipping = since * 20 > factorTenths * median2;
  let crossed = 1;
  while (!(crossed * 20 > factorTenths * median2)) crossed++;
  return { slipping, crossed: last + crossed };
}

describe('against the rule read literally', () => {
  it('agrees on random purchase histories', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 25 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 10, max: 40 }),
        (days, today, factorTenths) => {
          const factor = factorTenths / 10;
          const want = naive(days, today, factorTenths);
          const [got] = bookRisk([{ id: 'C1', tier: null }], buys('C1', days), day(today), { factor, minPurchases: 3 });
          if (want === null) {
            // Fewer than 3 purchase days and no one else: not judged (or no purchase at all).
            expect(got).toBeNull();
            return;
          }
          expect(got?.slipping).toBe(want.slipping);
          expect(got?.crossedOn).toBe(day(want.crossed));
          expect(daysBetween(got?.lastPurchase as CalDate, day(today))).toBe(got?.daysSince);
        },
      ),
      { numRuns: 400 },
    );
  });
});
