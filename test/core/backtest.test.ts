import { backtest } from '../../src/core/backtest';
import { addDays, isCalDate, type CalDate } from '../../src/core/dates';
import type { PurchaseLike } from '../../src/core/risk';
import { generateWorkbook } from '../../tools/sample/generate';
import { generateHistory, historyPurchases } from '../../tools/sample/history';

const END = '2026-11-15';
const at = (n: number): CalDate => addDays(END, n);
const buys = (id: string, days: number[]): PurchaseLike[] =>
  days.map((n) => ({ customerId: id, date: at(n), amount: 100 }));
const OPTS = { today: '2026-11-16', factor: 2, minPurchases: 3 };

describe('backtest', () => {
  // The cut is END - 90 = day -90. Days below are offsets from END.
  const history: PurchaseLike[] = [
    // W: weekly buyer who stopped 40 days before the cut: slipping on the cut (> 14), did not come back.
    ...buys(
      'W',
      [
        -300, -293, -286, -279, -272, -265, -258, -251, -244, -237, -230, -223, -216, -209, -202, -195, -188, -181,
        -174, -167, -160, -153, -146, -139, -132,
      ],
    ),
    // M: monthly buyer, last 20 days before the cut, came back.
    ...buys('M', [-200, -170, -140, -110, -60]),
    // Y: yearly buyer, last 200 days before the cut: naive flags it, the rhythm does not; it did not buy (not due yet).
    ...buys('Y', [-1020, -655, -290]),
    // Q: quarterly buyer, last exactly 90 days before the cut: naive flags (no purchase in the 90 days up to it).
    ...buys('Q', [-450, -360, -270, -180, -10]),
    // R: last 89 days before the cut: naive does not flag.
    ...buys('R', [-269, -179]),
    // N: first purchase after the cut, and the last of the history: not judged.
    ...buys('N', [-30, 0]),
    // A future-dated row is ignored; so is the end it would make.
    { customerId: 'M', date: '2027-03-01', amount: 5 },
  ];

  const b = backtest(history, OPTS)!;

  it('cuts 90 days before the last purchase, judges who had bought by then', () => {
    expect(b).toMatchObject({ end: END, cut: at(-90), windowDays: 90, customers: 5, boughtAgain: 2 });
    expect(b.baseRate).toBe(3 / 5);
  });

  it('counts the rhythm flag: precision = share of flagged who did not buy again, lift = precision / base rate', () => {
    // Flagged by rhythm: W only (Y's own gap is 365: 200 days is inside 730; Q is 80 days since, gap 90).
    expect(b.rhythm).toEqual({
      flagged: 1,
      flaggedBoughtAgain: 0,
      unflagged: 4,
      unflaggedBoughtAgain: 2,
      precision: 1,
      lift: 1 / (3 / 5),
      recall: 1 / 3,
    });
  });

  it('counts the naive rule: no purchase in the 90 days up to the cut', () => {
    // W's last purchase is 42 days before the cut: not flagged by the naive rule;
    // Y (200 days) and Q (exactly 90) are; R (89) and M (30) are not.
    expect(b.naive).toMatchObject({ flagged: 2, flaggedBoughtAgain: 1, unflagged: 3, unflaggedBoughtAgain: 1 });
    expect(b.naive.precision).toBe(1 / 2);
    expect(b.naive.lift).toBeCloseTo(0.5 / 0.6, 12);
    expect(b.naive.recall).toBe(1 / 3);
  });

  it('is null without a history before the cut, and has no precision without a flag', () => {
    expect(backtest([], OPTS)).toBeNull();
    expect(backtest(buys('N', [-30, -10]), OPTS)).toBeNull();
    const none = backtest(buys('M', [-200, -170, -140, -110, -60, -30]), OPTS)!;
    expect(none.rhythm).toMatchObject({ flagged: 0, precision: null, lift: null, recall: null });
  });
});

/** The sample's Purchases sheet as the core reads it (typed text). */
function samplePurchases(): PurchaseLike[] {
  const rows = generateWorkbook().Purchases;
  const h = rows[0];
  return rows.slice(1).map((r) => {
    const date = r[h.indexOf('Date')];
    return {
      customerId: r[h.indexOf('Customer ID')],
      date: isCalDate(date) ? date : null,
      amount: Number(r[h.indexOf('Amount')]),
    };
  });
}

describe('the flag beats "no purchase in 90 days"', () => {
  test.each([
    ['the built-in sample', samplePurchases(), 20],
    ['the generated history', historyPurchases(generateHistory()), 300],
  ])('on %s', (_name, purchases, minFlagged) => {
    const b = backtest(purchases, OPTS)!;
    expect(b).not.toBeNull();
    // Enough customers flagged for the figures to mean something.
    expect(b.rhythm.flagged).toBeGreaterThanOrEqual(minFlagged as number);
    expect(b.naive.flagged).toBeGreaterThanOrEqual(minFlagged as number);
    expect(b.rhythm.lift as number).toBeGreaterThan(b.naive.lift as number);
    expect(b.rhythm.lift as number).toBeGreaterThan(1.2);
  });
});
