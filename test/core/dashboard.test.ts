import { backtest } from '../../src/core/backtest';
import { dashboardFigures, type DashboardInput, type DashTable } from '../../src/core/dashboard';
import { addDays, type CalDate } from '../../src/core/dates';
import type { Tier } from '../../src/core/model';
import type { CustomerPlan } from '../../src/core/plan';
import type { DueItem } from '../../src/core/rules/dueItem';
import { bookRisk } from '../../src/core/risk';
import { contact, customer, plan, tiered } from './fixtures';

const TODAY = '2026-11-18'; // a Wednesday: the week began on Monday the 16th
const ago = (n: number): CalDate => addDays(TODAY, -n);

function item(kind: DueItem['kind'], due: CalDate, customerId = 'X'): DueItem {
  return { customerId, kind, due, baseDue: due, channel: 'call', who: 'rep', detail: {}, spreadable: false };
}

function cp(customerId: string, tier: Tier | null, items: DueItem[], excluded?: string): CustomerPlan {
  const p: CustomerPlan = {
    customerId,
    row: 2,
    tier,
    previousTier: tier,
    items,
    next: items[0] ?? null,
    managed: { tier: tier ?? '', nextFollowUp: '', followUp: '', daysToDue: '', notes: '' },
  };
  if (excluded !== undefined) p.excluded = excluded;
  return p;
}

// Slipping customers: S1 and S2 buy every 30 days and stopped; S3 is fine; L is slipping but Lost.
const purchases = [
  ...[200, 170, 140].map((n) => ({ customerId: 'S1', date: ago(n), amount: 1000 })),
  ...[150, 120, 90].map((n) => ({ customerId: 'S2', date: ago(n), amount: 3000 })),
  ...[60, 30, 5].map((n) => ({ customerId: 'S3', date: ago(n), amount: 500 })),
  ...[300, 270, 240].map((n) => ({ customerId: 'L', date: ago(n), amount: 9000 })),
];
const ids = ['S1', 'S2', 'S3', 'L', 'N'];
const risks = bookRisk(
  ids.map((id) => ({ id, tier: null })),
  purchases,
  TODAY,
);

function input(over: Partial<DashboardInput> = {}): DashboardInput {
  return {
    today: TODAY,
    lang: 'en',
    plan: {
      customers: [
        cp('S1', 'A', [item('recurring', ago(3)), item('visit', TODAY), item('birthday', addDays(TODAY, 2))]),
        cp('S2', 'B', [item('complaint', TODAY), item('thank-you', ago(1))]),
        // A kind the nightly wiring adds (win-back): counted under its own label already.
        cp('S3', 'C', [item('win-back' as DueItem['kind'], TODAY)]),
        cp('L', 'A', [], 'Status is Lost'),
        cp('N', null, [item('recurring', ago(10))]),
      ],
    },
    customers: ids.map((id, i) => ({
      id,
      name: `Name ${id}`,
      revenue: [5000, 9000, 1500, 20000, null][i],
      risk: risks[i],
    })),
    runLog: [
      { date: ago(60), overdue: 99, draftsMade: 9, eventsMade: 9 }, // before the 8 weeks
      { date: ago(10), overdue: 4, draftsMade: 1, eventsMade: 0 },
      { date: ago(2), overdue: 5, draftsMade: 2, eventsMade: 1 }, // Monday: this week
      { date: ago(2), overdue: 6, draftsMade: 1, eventsMade: 0 }, // a second run that day: the last one counts
      { date: TODAY, overdue: null, draftsMade: 3, eventsMade: 2 }, // no count recorded
    ],
    contactLog: [
      { date: TODAY, type: 'Call' },
      { date: ago(1), type: 'Visit' },
      { date: ago(2), type: 'Meeting' },
      { date: ago(3), type: 'Call' }, // Sunday: last week
      { date: ago(3), type: null },
      { date: ago(3), type: 'Fax' },
      { date: ago(80), type: 'Call' }, // 12 weeks ago: beyond the window (the window starts Monday 2026-08-31)
      { date: addDays(TODAY, 1), type: 'Call' }, // tomorrow: not yet
      { date: null, type: 'Call' },
    ],
    ...over,
  };
}

const table = (d: ReturnType<typeof dashboardFigures>, key: DashTable['key']) =>
  d.tables.find((t) => t.key === key) as DashTable;

describe('dashboardFigures', () => {
  const d = dashboardFigures(input());

  it('counts customers and revenue by tier, always four rows', () => {
    expect(table(d, 'tiers')).toMatchObject({
      header: ['Tier', 'Customers', 'Revenue'],
      rows: [
        ['A', 2, 25000],
        ['B', 1, 9000],
        ['C', 1, 1500],
        ['No tier', 1, 0],
      ],
      capacity: 4,
      chart: 'pie',
    });
  });

  it('counts items due today and overdue by reason and by tier; upcoming ones not at all', () => {
    const byReason = table(d, 'dueByReason');
    const row = (label: string) => byReason.rows.find((r) => r[0] === label);
    expect(row('Keep in touch')).toEqual(['Keep in touch', 0, 2]);
    expect(row('Visits')).toEqual(['Visits', 1, 0]);
    expect(row('Open complaints')).toEqual(['Open complaints', 1, 0]);
    expect(row('Thank-you calls')).toEqual(['Thank-you calls', 0, 1]);
    expect(row('Win-back calls')).toEqual(['Win-back calls', 1, 0]);
    expect(row('Birthdays')).toEqual(['Birthdays', 0, 0]);
    expect(byReason.rows.length).toBe(byReason.capacity);
    expect(table(d, 'dueByTier').rows).toEqual([
      ['A', 1, 1],
      ['B', 1, 1],
      ['C', 1, 0],
      ['No tier', 0, 1],
    ]);
  });

  it("draws the overdue count of each day's last run over 8 weeks, blank without one", () => {
    const t = table(d, 'overdueTrend');
    expect(t.rows).toHaveLength(56);
    expect(t.rows[0]).toEqual(['Sep 24', '']);
    expect(t.rows[55]).toEqual(['Nov 18', '']);
    expect(t.rows[53]).toEqual(['Nov 16', 6]);
    expect(t.rows[45]).toEqual(['Nov 8', 4]);
    expect(t.rows.filter((r) => r[1] !== '')).toHaveLength(2);
  });

  it('counts contacts per week (Monday to Sunday) and type over 12 weeks, unknown types as Other', () => {
    const t = table(d, 'contactsByWeek');
    expect(t.header).toEqual([
      'Week of',
      'Visit',
      'Meeting',
      'Call',
      'Message',
      'Email',
      'Gift',
      'Complaint',
      'Help',
      'Other',
    ]);
    expect(t.rows).toHaveLength(12);
    expect(t.rows[0][0]).toBe('Aug 31');
    expect(t.rows[11]).toEqual(['Nov 16', 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(t.rows[10]).toEqual(['Nov 9', 0, 0, 1, 0, 0, 0, 0, 0, 2]);
    const total = t.rows.reduce((s, r) => s + (r.slice(1) as number[]).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(6);
  });

  it('lists who is slipping away, most revenue at stake first, never a Lost customer', () => {
    const t = table(d, 'slipping');
    expect(t.capacity).toBe(20);
    expect(t.rows.map((r) => r[0])).toEqual(['S2', 'S1']);
    const s2 = risks[1]!;
    expect(t.rows[0]).toEqual([
      'S2',
      'Name S2',
      'B',
      s2.revenueAtStake,
      90,
      30,
      'usually buys every 30 days; 90 days since the last purchase',
    ]);
    // 3000 a purchase, every 30 days: 36,500 a year.
    expect(s2.revenueAtStake).toBe(36500);
  });

  it('sums the key figures, drafts and visits of this week', () => {
    expect(Object.fromEntries(d.figures.map((f) => [f.key, f.value]))).toEqual({
      customers: 5,
      revenue: 35500,
      dueToday: 3,
      overdue: 3,
      slipping: 2,
      atStake: 36500 + 12166.67,
      drafts: 6,
      visits: 3,
    });
  });

  it('adds the backtest when given one, and speaks Chinese', () => {
    const b = backtest(purchases, { today: TODAY, factor: 2, minPurchases: 3 });
    const zh = dashboardFigures(input({ lang: 'zh', backtest: b }));
    expect(zh.title).toBe('总览');
    expect(table(zh, 'tiers').rows[3][0]).toBe('无等级');
    expect(table(zh, 'overdueTrend').rows[55][0]).toBe('11月18日');
    const bt = table(zh, 'backtest');
    expect(bt.header[0]).toBe('规则');
    expect(bt.rows.map((r) => r[0])).toEqual(['正在流失（按各自节奏）', '90天未购买']);
    expect(bt.rows[0].slice(1, 5)).toEqual([
      b!.rhythm.flagged,
      b!.rhythm.flaggedBoughtAgain,
      b!.rhythm.unflagged,
      b!.rhythm.unflaggedBoughtAgain,
    ]);
    expect(table(zh, 'slipping').rows[0][6]).toBe('通常每30天购买一次；距上次购买已90天');
  });

  it('holds only strings and numbers', () => {
    const cells = d.tables.flatMap((t) => [t.title, ...t.header, ...t.rows.flat()]);
    for (const c of cells) expect(['string', 'number']).toContain(typeof c);
    for (const c of cells) if (typeof c === 'number') expect(Number.isFinite(c)).toBe(true);
  });
});

describe('on a real plan', () => {
  it('agrees with the plan summary', () => {
    const today = '2026-11-16';
    const customers = [
      tiered('A', { id: 'C1', lastContact: '2026-09-01' }),
      tiered('B', { id: 'C2', lastContact: '2026-11-10' }),
      customer({ id: 'C3', problems: ['Name is blank'] }),
      tiered('C', { id: 'C4', status: 'Lost' }),
    ];
    const p = plan({ today, customers, contacts: [contact({ customerId: 'C2', date: '2026-11-10', type: 'Visit' })] });
    const d = dashboardFigures({
      today,
      lang: 'en',
      plan: p,
      customers: customers.map((c) => ({ id: c.id, name: c.name, revenue: null, risk: null })),
      runLog: [],
      contactLog: [],
    });
    const fig = Object.fromEntries(d.figures.map((f) => [f.key, f.value]));
    expect(fig.overdue).toBe(p.summary.overdue);
    expect(fig.dueToday).toBe(p.summary.dueToday);
    const byReason = Object.fromEntries(
      (d.tables.find((t) => t.key === 'dueByReason') as DashTable).rows.map((r) => [
        r[0],
        (r[1] as number) + (r[2] as number),
      ]),
    );
    expect(byReason['Keep in touch']).toBe(p.summary.due.recurring);
    expect(byReason['Visits']).toBe(p.summary.due.visit);
  });
});
