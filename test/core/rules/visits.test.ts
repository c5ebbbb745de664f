import { visitItem } from '../../../src/core/rules/visits';
import { describeDue } from '../../../src/core/rules/dueItem';
import { contact, ctx, customer, factsFor, plan, planOf, tiered } from '../fixtures';

const TODAY = '2026-11-20';

describe('visits (docs/rules.md, Visits)', () => {
  const rc = ctx(TODAY);
  test('A: 30 days after the last logged Visit; other contact types do not count', () => {
    const c = customer({ customerSince: '2020-01-01' });
    const f = factsFor(
      c,
      null,
      [contact({ date: '2026-10-01', type: 'Visit' }), contact({ date: '2026-11-01', type: 'Call' })],
      rc,
    );
    const it = visitItem(c, f, 'A', rc)!;
    expect(it).toMatchObject({
      kind: 'visit',
      due: '2026-10-31',
      channel: 'visit',
      spreadable: false,
      detail: { tier: 'A', everyDays: 30 },
    });
    expect(describeDue(it, 'en')).toBe('Visit (A: every 30 days)');
    expect(describeDue(it, 'zh')).toBe('上门拜访（A类：每30天）');
  });

  test('B: 90 days; C: no visits', () => {
    const c = customer();
    const f = factsFor(c, null, [contact({ date: '2026-10-01', type: 'Visit' })], rc);
    expect(visitItem(c, f, 'B', rc)!.due).toBe('2026-12-30');
    expect(visitItem(c, f, 'C', rc)).toBeNull();
    expect(visitItem(c, f, null, rc)).toBeNull();
  });

  test('no visit logged: Customer since + days, or today when blank', () => {
    const c = customer({ customerSince: '2026-11-01' });
    expect(visitItem(c, factsFor(c, null, [], rc), 'A', rc)!.due).toBe('2026-12-01');
    const d = customer();
    expect(visitItem(d, factsFor(d, null, [], rc), 'A', rc)!.due).toBe(TODAY);
  });

  test('VisitNeed: overdue and within the lookahead (7 days), keyed by the due date before moves', () => {
    const p = plan({
      today: TODAY,
      customers: [
        tiered('A', { id: 'C1', row: 2, customerSince: '2026-10-01' }), // due 10-31: overdue
        tiered('A', { id: 'C2', row: 3, customerSince: '2026-10-28' }), // due Fri 11-27: today + 7
        tiered('A', { id: 'C3', row: 4, customerSince: '2026-10-29' }), // due Sat 11-28: beyond
        tiered('B', { id: 'C4', row: 5, customerSince: '2026-08-24' }), // due Sun 11-22 -> Mon 11-23
        tiered('C', { id: 'C5', row: 6, customerSince: '2020-01-01' }), // C: no visits
      ],
    });
    expect(p.visits).toEqual([
      { key: 'C1|2026-10-31', customerId: 'C1', customerRow: 2, tier: 'A', due: '2026-11-02', overdue: true },
      { key: 'C4|2026-11-22', customerId: 'C4', customerRow: 5, tier: 'B', due: '2026-11-23', overdue: false },
      { key: 'C2|2026-11-27', customerId: 'C2', customerRow: 3, tier: 'A', due: '2026-11-27', overdue: false },
    ]);
    expect(planOf(p, 'C3').items.some((i) => i.kind === 'visit')).toBe(true); // scheduled item, no VisitNeed yet
  });
});
