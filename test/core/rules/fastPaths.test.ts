/**
 * The planner's fast paths (docs/testing.md, Bench: 100,000 customers in about a second) must
 * give exactly the answers of the plain versions they stand in for.
 */
import fc from 'fast-check';
import { addWorkingDays, fromDayNumber, toDayNumber, workCalendar } from '../../../src/core/dates';
import * as plain from '../referenceDates';
import { customerFacts, factsRevenue, maxOf } from '../../../src/core/customerFacts';
import { groupRows, rowsOfGroup } from '../../../src/core/customerRows';
import { indexRows } from '../referenceRows';
import type { Contact, Purchase } from '../../../src/core/model';
import { contact, customer, purchase } from '../fixtures';

const TODAY = '2026-11-20';
const options = {
  today: TODAY,
  revenueWindowDays: 365,
  minFollowUpAmount: 0,
  postSaleSteps: [1, 3, 7],
  postSaleWindowDays: 14,
};

describe('day numbers without Date', () => {
  test('toDayNumber and fromDayNumber agree with the plain versions, odd days and months included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(toDayNumber(s)).toBe(plain.toDayNumber(s));
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 200000 }), (n) =>
        expect(fromDayNumber(n)).toBe(plain.fromDayNumber(n)),
      ),
    );
    expect(() => toDayNumber('2026-1-05')).toThrow(/Not a calendar date/);
  });

  test('addWorkingDays agrees with the plain version', () => {
    const cal = workCalendar([1, 2, 3, 4, 5], ['2026-11-23', '2026-12-25', '2027-01-01']);
    fc.assert(
      fc.property(
        fc.integer({ min: 20400, max: 20600 }).map(plain.fromDayNumber),
        fc.integer({ min: 0, max: 6 }),
        (d, n) => {
          expect(addWorkingDays(d, n, cal)).toBe(plain.addWorkingDays(d, n, cal));
        },
      ),
    );
  });
});

describe('rows grouped by number (planNightly) = rows indexed by ID (indexRows)', () => {
  const ids = ['C1', 'C2', 'C3', 'C4'];
  const row = fc.record({
    customerId: fc.constantFrom('C1', ' C2 ', 'C3', 'C4', 'C9', ''),
    date: fc.constantFrom<string | null>('2026-11-01', '2026-11-20', '2026-11-25', null),
    bad: fc.boolean(),
  });

  test('same rows per customer, same rows set aside, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.array(row, { maxLength: 30 }),
        fc.subarray(ids),
        (ps, ks, usableIds) => {
          const purchases: Purchase[] = ps.map((p, i) =>
            purchase({ row: i + 2, customerId: p.customerId, date: p.date, problems: p.bad ? ['bad'] : [] }),
          );
          const contacts: Contact[] = ks.map((k, i) =>
            contact({ row: i + 2, customerId: k.customerId, date: k.date, problems: k.bad ? ['bad'] : [] }),
          );
          const known = new Set(ids);
          const usable = new Set(usableIds);
          const groupOf = new Map(ids.map((id, g) => [id, g]));
          const byId = indexRows(purchases, contacts, known, usable, TODAY, 'en');
          const byGroup = groupRows(
            purchases,
            contacts,
            groupOf,
            ids.map((id) => usable.has(id)),
            TODAY,
            'en',
          );
          expect(byGroup.ignored).toEqual(byId.ignored);
          ids.forEach((id, g) => {
            expect(rowsOfGroup(byGroup.purchases!, g)).toEqual(byId.purchases!.get(id) ?? []);
            expect(rowsOfGroup(byGroup.contacts, g)).toEqual(byId.contacts.get(id) ?? []);
          });
          expect(rowsOfGroup(byGroup.contacts, -1)).toEqual([]);
        },
      ),
    );
  });
});

describe('customer facts', () => {
  const history = [
    purchase({ row: 5, date: '2026-11-19', amount: 100, product: 'A' }),
    purchase({ row: 3, date: '2025-11-21', amount: 200.5 }),
    purchase({ row: 4, date: '2026-11-19', amount: 100, product: 'A' }),
    purchase({ row: 6, date: '2026-11-19', amount: null, product: 'B|x' }),
    purchase({ row: 2, date: '2024-01-01', amount: 7 }),
  ];

  test('factsRevenue is the facts revenue', () => {
    expect(factsRevenue(customer(), history, options)).toBe(customerFacts(customer(), history, [], options).revenue);
    expect(factsRevenue(customer({ revenue: 42 }), null, options)).toBe(42);
  });

  test('keysFrom: the same keys from that day on, none before', () => {
    const all = customerFacts(customer(), history, [], options).purchases;
    const some = customerFacts(customer(), history, [], { ...options, keysFrom: '2026-11-18' }).purchases;
    expect(some.map((p) => p.key)).toEqual(all.map((p) => (p.date >= '2026-11-18' ? p.key : '')));
    expect(all.map((p) => p.key)).toContain('C1|2026-11-19|100|A#2');
    expect({ ...some[0], key: all[0].key }).toEqual(all[0]);
  });

  test('maxOf is Math.max', () => {
    for (const xs of [[1, 3, 7], [], [-0], [0, -0], [2, NaN]]) expect(Object.is(maxOf(xs), Math.max(...xs))).toBe(true);
  });
});
