import fc from 'fast-check';
import { addDays, isWorkingDay, workCalendar } from '../../../src/core/dates';
import type { DueItem } from '../../../src/core/rules/dueItem';
import type { Tier } from '../../../src/core/model';
import { plan, planOf, settings, spreadLoad, tiered } from '../fixtures';

const cal = workCalendar([1, 2, 3, 4, 5]);

function rec(id: string, tier: Tier | undefined, due: string): DueItem {
  return {
    customerId: id,
    kind: 'recurring',
    due,
    baseDue: due,
    channel: 'call',
    who: 'rep',
    detail: tier ? { tier } : {},
    spreadable: true,
  };
}

const dues = (items: DueItem[]) => Object.fromEntries(items.map((i) => [i.customerId, i.due]));

describe('load spreading (docs/rules.md, Merging and load spreading)', () => {
  test('maxFollowUpsPerDay=2: C moves first, then B; inside a tier by customer ID; day by day', () => {
    const items = [
      rec('C05', 'A', '2026-11-23'),
      rec('C01', 'C', '2026-11-23'),
      rec('C03', 'B', '2026-11-23'),
      rec('C02', 'C', '2026-11-23'),
      rec('C06', 'A', '2026-11-24'),
    ];
    expect(dues(spreadLoad(items, 2, '2026-11-20', cal))).toEqual({
      C05: '2026-11-23',
      C03: '2026-11-23',
      C01: '2026-11-24', // moved once, keeps its place before C02
      C06: '2026-11-24',
      C02: '2026-11-25', // moved twice
    });
  });

  test('A beats B beats C on a crowded day; a day with room is left alone', () => {
    const items = [
      rec('X1', 'C', '2026-11-23'),
      rec('X2', 'B', '2026-11-23'),
      rec('X3', 'A', '2026-11-23'),
      rec('X4', 'C', '2026-11-25'),
    ];
    expect(dues(spreadLoad(items, 1, '2026-11-20', cal))).toEqual({
      X3: '2026-11-23',
      X2: '2026-11-24',
      X1: '2026-11-25',
      X4: '2026-11-26', // C, due later than X1: moves
    });
  });

  test('moves skip non-working days (Friday -> Monday)', () => {
    const items = [rec('C1', 'A', '2026-11-20'), rec('C2', 'A', '2026-11-20'), rec('C3', 'A', '2026-11-20')];
    expect(dues(spreadLoad(items, 2, '2026-11-20', cal)).C3).toBe('2026-11-23');
  });

  test('overdue items count on today: the ones that fit keep their overdue date, the rest move on', () => {
    const items = [
      rec('C1', 'C', '2026-11-13'),
      rec('C2', 'C', '2026-11-10'),
      rec('C3', 'C', '2026-11-12'),
      rec('C4', 'A', '2026-11-20'),
    ];
    expect(dues(spreadLoad(items, 2, '2026-11-20', cal))).toEqual({
      C4: '2026-11-20', // A first
      C2: '2026-11-10', // the oldest C keeps its (overdue) date
      C3: '2026-11-23', // both carried to Monday, where there is room for two
      C1: '2026-11-23',
    });
  });

  test('on a Saturday, overdue items count on Monday', () => {
    const items = [rec('C1', 'B', '2026-11-19'), rec('C2', 'B', '2026-11-23'), rec('C3', 'B', '2026-11-23')];
    expect(dues(spreadLoad(items, 2, '2026-11-21', cal))).toEqual({
      C1: '2026-11-19',
      C2: '2026-11-23',
      C3: '2026-11-24',
    });
  });

  test('only spreadable items are counted or moved; items without a tier move before C', () => {
    const complaint: DueItem = { ...rec('K1', 'C', '2026-11-23'), kind: 'complaint', spreadable: false };
    const items = [
      complaint,
      { ...complaint, customerId: 'K2' },
      rec('C1', undefined, '2026-11-23'),
      rec('C2', 'C', '2026-11-23'),
    ];
    const out = spreadLoad(items, 1, '2026-11-20', cal);
    expect(dues(out)).toEqual({ K1: '2026-11-23', K2: '2026-11-23', C2: '2026-11-23', C1: '2026-11-24' });
    expect(out[0]).toBe(items[0]);
  });

  test('in the plan: only recurring items of the planned customers, by tier', () => {
    const customers = [
      tiered('C', { id: 'C1', row: 2, lastContact: '2026-09-24' }), // C: +60 = Mon 11-23
      tiered('B', { id: 'C2', row: 3, lastContact: '2026-10-24' }), // B: +30 = 11-23
      tiered('A', { id: 'C3', row: 4, lastContact: '2026-11-09' }), // A: +14 = 11-23
      tiered('C', { id: 'C4', row: 5, lastContact: '2026-09-24' }),
    ];
    const p = plan({ today: '2026-11-20', settings: settings({ maxFollowUpsPerDay: 2 }), customers });
    const recurring = (id: string) => planOf(p, id).items.find((i) => i.kind === 'recurring')!;
    expect(customers.map((c) => recurring(c.id).due)).toEqual(['2026-11-24', '2026-11-23', '2026-11-23', '2026-11-24']);
    expect(recurring('C1').baseDue).toBe('2026-11-23');
  });
});

describe('load spreading: properties', () => {
  test('never more than max on a future day, never earlier, overdue ones only kept or moved to a working day from today on', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            tier: fc.constantFrom<Tier | undefined>('A', 'B', 'C', undefined),
            offset: fc.integer({ min: -10, max: 15 }),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 5 }),
        (specs, max) => {
          const today = '2026-11-20';
          const items = specs.map((s, i) => {
            const due = addDays(today, s.offset);
            return rec(`C${String(i).padStart(3, '0')}`, s.tier, isWorkingDay(due, cal) ? due : '2026-11-23');
          });
          const out = spreadLoad(items, max, today, cal);
          const perDay = new Map<string, number>();
          out.forEach((it, i) => {
            expect(it.due >= items[i].due).toBe(true);
            if (it.due !== items[i].due) expect(it.due >= today && isWorkingDay(it.due, cal)).toBe(true);
            const day = it.due < today ? today : it.due;
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
          });
          for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
