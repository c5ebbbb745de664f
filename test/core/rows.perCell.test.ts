/**
 * One bad cell costs only what depends on it (docs/data.md, Numbers and
 * dates), through the whole core: sheet rows parsed (rows.ts) and planned
 * (plan.ts). For each kind of bad cell, a random workbook (fast-check, fixed
 * seed) is planned twice: once with the bad cell, once with that cell blank
 * (or, for a Purchases or Contact log row, without the row). The customer's
 * tier, items, drafts and visits must be the same both times, except exactly
 * what the rule takes away (no draft for a bad email ...); everyone else's
 * plan must not change at all.
 */
import fc from 'fast-check';
import { addDays, type CalDate } from '../../src/core/dates';
import { matchHeaders } from '../../src/core/headers';
import type { Plan } from '../../src/core/plan';
import { planNightly } from '../../src/core/plan';
import { parseContacts, parseCustomers, parsePurchases, type ParseContext, type RawTable } from '../../src/core/rows';
import { SHEETS, type SheetKey } from '../../src/core/schema';
import { settings } from './fixtures';

const TODAY = '2026-11-20';
const ctx: ParseContext = { toCalDate: (d) => d.toISOString().slice(0, 10), lang: 'en', locale: 'en_US' };

const CUSTOMER_HEADER = [
  'Customer ID',
  'Name',
  'Company',
  'Email',
  'Language',
  'Revenue',
  'Last purchase',
  'Customer since',
  'Birthday',
  'Last contact',
  'Snooze until',
  'Status',
];
const PURCHASE_HEADER = ['Customer ID', 'Date', 'Amount', 'Product'];
const CONTACT_HEADER = ['Customer ID', 'Date', 'Type', 'Notes'];

type Row = Record<string, string>;

interface Book {
  customers: Row[];
  purchases: Row[] | null;
  contacts: Row[];
}

function table(key: SheetKey, header: string[], rows: Row[]): RawTable {
  const values = [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))];
  return {
    sheetName: SHEETS[key].en,
    spec: SHEETS[key],
    values,
    formulas: null,
    match: matchHeaders(header, SHEETS[key]),
  };
}

function planBook(b: Book): Plan {
  return planNightly({
    today: TODAY,
    settings: settings(),
    lang: 'en',
    customers: parseCustomers(table('customers', CUSTOMER_HEADER, b.customers), ctx).customers,
    purchases: b.purchases ? parsePurchases(table('purchases', PURCHASE_HEADER, b.purchases), ctx).purchases : null,
    contacts: parseContacts(table('contactLog', CONTACT_HEADER, b.contacts), ctx).contacts,
    holidays: [],
  });
}

/** What a plan gives one customer row (by sheet row), without the notes (they say what was refused). */
function outcome(p: Plan, row: number) {
  const cp = p.customers.find((c) => c.row === row)!;
  return {
    tier: cp.tier,
    items: cp.items.map((i) => `${i.kind} ${i.due}`),
    managed: { ...cp.managed, notes: undefined },
    drafts: p.drafts.filter((d) => d.customerRow === row).map((d) => d.key),
    visits: p.visits.filter((v) => v.customerRow === row).map((v) => v.key),
  };
}

const day = (min: number, max: number) => fc.integer({ min, max }).map((n) => addDays(TODAY, n));

/** A customer row, every cell readable: bought recently (a draft), old enough for a visit. */
const customerRow = (id: string) =>
  fc.record({
    'Customer ID': fc.constant(id),
    Name: fc.constantFrom('Alice Chen', 'Bob Martin', '王小明', 'Carol Diaz'),
    Company: fc.constantFrom('', 'Acme'),
    Email: fc.constant(`${id.toLowerCase()}@example.com`),
    Language: fc.constantFrom('', 'en', 'zh'),
    Revenue: fc.integer({ min: 100, max: 90000 }).map(String),
    'Last purchase': day(-2, 0),
    'Customer since': day(-2000, -400),
    Birthday: fc.constantFrom('', '03-14', '1980-11-25'),
    'Last contact': fc.oneof(fc.constant(''), day(-90, -1)),
    'Snooze until': fc.oneof(fc.constant(''), fc.constant(''), day(1, 20)),
    Status: fc.constant('Active'),
  });

const bookArb = (withPurchases: boolean): fc.Arbitrary<Book> =>
  fc
    .tuple(customerRow('C1'), customerRow('C2'), customerRow('C3'), customerRow('C4'), day(-2, 0), day(-60, -5))
    .map(([a, b, c, d, bought, called]) => ({
      customers: [a, b, c, d],
      purchases: withPurchases
        ? [
            { 'Customer ID': 'C1', Date: bought, Amount: '1200', Product: 'Sofa' },
            { 'Customer ID': 'C2', Date: called, Amount: '300', Product: 'Lamp' },
            { 'Customer ID': 'C3', Date: bought, Amount: '5000', Product: 'Desk' },
          ]
        : null,
      contacts: [
        { 'Customer ID': 'C1', Date: called, Type: 'Call', Notes: '' },
        { 'Customer ID': 'C2', Date: called, Type: 'Visit', Notes: '' },
      ],
    }));

/** What the rule takes away from the customer whose cell is bad; the rest of its outcome must be the same. */
type Cost = 'nothing' | 'draft' | 'draftAndVisit' | 'visit';

interface Kind {
  name: string;
  /** Returns the book with the bad cell, and the same book with that cell blank (or the bad row left out). */
  make(b: Book): { bad: Book; clean: Book };
  cost: Cost;
  withPurchases?: boolean;
}

const clone = (b: Book): Book => JSON.parse(JSON.stringify(b));

function cell(column: string, badValue: string, cost: Cost, withPurchases = false): Kind {
  return {
    name: `${column} = ${JSON.stringify(badValue)}`,
    cost,
    withPurchases,
    make(b) {
      const bad = clone(b);
      const clean = clone(b);
      bad.customers[0][column] = badValue;
      clean.customers[0][column] = '';
      return { bad, clean };
    },
  };
}

const KINDS: Kind[] = [
  cell('Email', 'bob@', 'draft'),
  cell('Email', '#REF!', 'draft'),
  cell('Revenue', '3k', 'nothing'),
  cell('Revenue', '3k', 'nothing', true),
  cell('Last purchase', '2026-13-45', 'nothing'),
  cell('Customer since', 'next week', 'nothing'),
  cell('Customer since', '2031-01-01', 'nothing'),
  cell('Birthday', '02-30', 'nothing'),
  cell('Birthday', '2030-05-01', 'nothing'),
  cell('Last contact', 'last Tuesday', 'nothing'),
  cell('Last contact', addDays(TODAY, 30), 'nothing'),
  cell('Snooze until', 'soon', 'nothing'),
  cell('Language', 'French', 'nothing'),
  cell('Company', '#N/A', 'nothing'),
  {
    name: 'Name blank',
    cost: 'draftAndVisit',
    withPurchases: true,
    make(b) {
      const bad = clone(b);
      bad.customers[0].Name = '';
      return { bad, clean: clone(b) };
    },
  },
  {
    name: 'Status unreadable ("Maybe")',
    cost: 'draftAndVisit',
    withPurchases: true,
    make(b) {
      const bad = clone(b);
      bad.customers[0].Status = 'Maybe';
      return { bad, clean: clone(b) };
    },
  },
  {
    name: 'a Purchases row with an unreadable amount',
    cost: 'nothing',
    withPurchases: true,
    make(b) {
      const bad = clone(b);
      bad.purchases!.push({ 'Customer ID': 'C1', Date: TODAY, Amount: 'lots', Product: 'Chair' });
      return { bad, clean: clone(b) };
    },
  },
  {
    name: 'a Contact log Call with an unreadable date',
    cost: 'nothing',
    withPurchases: true,
    make(b) {
      const bad = clone(b);
      bad.contacts.push({ 'Customer ID': 'C1', Date: 'last Tuesday', Type: 'Call', Notes: '' });
      return { bad, clean: clone(b) };
    },
  },
  {
    name: 'a Contact log row with an unreadable date and no Type (it may be a visit)',
    cost: 'visit',
    withPurchases: true,
    make(b) {
      const bad = clone(b);
      bad.contacts.push({ 'Customer ID': 'C1', Date: 'last Tuesday', Type: '', Notes: '' });
      return { bad, clean: clone(b) };
    },
  },
];

/** The clean outcome less what the cost takes away. */
function lessCost(o: ReturnType<typeof outcome>, cost: Cost): ReturnType<typeof outcome> {
  return {
    ...o,
    drafts: cost === 'draft' || cost === 'draftAndVisit' ? [] : o.drafts,
    visits: cost === 'visit' || cost === 'draftAndVisit' ? [] : o.visits,
  };
}

describe.each(KINDS.map((k) => [k.name, k] as const))('a bad cell: %s', (_name, kind) => {
  test('costs the customer only what needs it; nobody else changes', () => {
    fc.assert(
      fc.property(bookArb(!!kind.withPurchases), (book) => {
        const { bad, clean } = kind.make(book);
        const pb = planBook(bad);
        const pc = planBook(clean);
        expect(outcome(pb, 2)).toEqual(lessCost(outcome(pc, 2), kind.cost));
        for (const row of [3, 4, 5]) expect(outcome(pb, row)).toEqual(outcome(pc, row));
        // The bad cell is named in the customer's notes, with the row's other cells still read.
        expect(pb.customers.find((c) => c.row === 2)!.managed.notes).not.toBe('');
      }),
      { numRuns: 25, seed: 20261120 },
    );
  });
});

test('the kinds cost what they should somewhere: a clean customer here does get a draft and a visit', () => {
  const book = fc.sample(bookArb(true), { numRuns: 1, seed: 7 })[0];
  book.customers[0]['Snooze until'] = '';
  book.customers[0].Revenue = '90000';
  const o = outcome(planBook(book), 2);
  expect(o.drafts.length).toBeGreaterThan(0);
  expect(o.visits.length).toBeGreaterThan(0);
});

test('a duplicate Customer ID: both rows keep their tier and follow-up, neither gets a draft or a visit', () => {
  fc.assert(
    fc.property(bookArb(true), (book) => {
      const bad = clone(book);
      bad.customers[1]['Customer ID'] = 'C1';
      const p = planBook(bad);
      for (const row of [2, 3]) {
        const o = outcome(p, row);
        expect(o.tier).not.toBeNull();
        expect(o.managed.nextFollowUp).not.toBe('');
        expect(o.drafts).toEqual([]);
        expect(o.visits).toEqual([]);
        expect(p.customers.find((c) => c.row === row)!.managed.notes).toMatch(
          /^Customer ID C1 is used by rows 2, 3: no draft or visit event until it is fixed/,
        );
      }
      // The others are planned as without the duplicate... but for the tiers, which count both rows.
      for (const row of [4, 5]) expect(outcome(p, row).items).toEqual(outcome(planBook(book), row).items);
    }),
    { numRuns: 20, seed: 20261121 },
  );
});

test('the notes name the column and the value, and say what it costs', () => {
  const book = fc.sample(bookArb(false), { numRuns: 1, seed: 3 })[0];
  book.customers[0].Email = 'bob@';
  book.customers[0].Revenue = '3k';
  book.customers[0]['Last contact'] = addDays(TODAY, 10) as CalDate;
  const notes = planBook(book).customers.find((c) => c.row === 2)!.managed.notes;
  expect(notes).toBe(
    [
      'Email "bob@" is not valid: no thank-you draft',
      'Revenue: "3k" is not a number: no tier; kept in touch at the C cadence',
      `Last contact ${addDays(TODAY, 10)} is in the future: treated as blank`,
    ].join('; '),
  );
});
