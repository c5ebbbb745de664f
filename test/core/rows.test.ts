import { matchHeaders } from '../../src/core/headers';
import {
  parseContacts,
  parseCustomers,
  parseHolidays,
  parsePurchases,
  pickTemplate,
  type RawTable,
} from '../../src/core/rows';
import { SHEETS, type SheetKey } from '../../src/core/schema';

const ctx = { toCalDate: (d: Date) => d.toISOString().slice(0, 10), lang: 'en' as const };

function table(key: SheetKey, values: unknown[][], formulas: string[][] | null = null): RawTable {
  return {
    sheetName: SHEETS[key].en,
    spec: SHEETS[key],
    values,
    formulas,
    match: matchHeaders(values[0], SHEETS[key]),
  };
}

describe('parseCustomers', () => {
  const header = ['客户编号', 'Name', 'E-mail', 'Sales', 'Last purchase', 'Status', 'Tier', 'My column'];
  test('reads by header in any language, skips blank rows, keeps every row with its problems', () => {
    const t = table('customers', [
      header,
      ['C1', 'Ann', 'ann@x.example', '1,200', '2026-11-02', '', 'A', 'x'],
      ['', '', '', '', '', '', '', ''],
      ['C2', '', 'bob@', '3k', '2026-13-45', 'Gone', '', ''],
      ['C1', 'Ann again', '', '', '', '', '', ''],
      ['', 'No Id', '', '', '', '', '', ''],
    ]);
    const { customers, problems } = parseCustomers(t, ctx);
    expect(customers.map((c) => c.row)).toEqual([2, 4, 5, 6]);
    const [ann, bob, ann2, noId] = customers;
    expect(ann).toMatchObject({
      id: 'C1',
      name: 'Ann',
      email: 'ann@x.example',
      revenue: 1200,
      lastPurchase: '2026-11-02',
      status: 'Active',
      tierFromSheet: 'A',
      tierIsFormula: false,
    });
    expect(ann.problems).toEqual(['Customer ID C1 is used by rows 2, 5']);
    expect(ann2.problems).toEqual(['Customer ID C1 is used by rows 2, 5']);
    expect(bob.problems).toEqual([
      'Name is blank',
      'Email "bob@" is not valid',
      'Sales: "3k" is not a number',
      expect.stringMatching(/^Last purchase: "2026-13-45"/),
      expect.stringMatching(/^Status "Gone" is not one of/),
    ]);
    expect(noId.problems[0]).toMatch(/no Customer ID/);
    // Problems name the user's own header and the row.
    expect(problems.find((p) => p.row === 4 && p.column === 'Sales')).toBeDefined();
  });

  test('a Tier cell holding a formula is the user’s', () => {
    const t = table(
      'customers',
      [header, ['C1', 'Ann', '', '5', '', '', 'B', '']],
      [header.map(() => ''), ['', '', '', '', '', '', '=RETAIN_TIER(D2:D)', '']],
    );
    expect(parseCustomers(t, ctx).customers[0]).toMatchObject({ tierFromSheet: 'B', tierIsFormula: true });
  });

  test('Date cells go through the converter', () => {
    const t = table('customers', [
      ['Customer ID', 'Name', 'Last contact'],
      ['C1', 'Ann', new Date(Date.UTC(2026, 10, 2, 16))],
    ]);
    expect(parseCustomers(t, { ...ctx, toCalDate: () => '2026-11-03' }).customers[0].lastContact).toBe('2026-11-03');
  });
});

describe('other sheets', () => {
  test('purchases and contacts need an ID and a date; holidays need a date', () => {
    const p = parsePurchases(
      table('purchases', [
        ['Customer ID', 'Date', 'Amount'],
        ['C1', '', '5'],
        ['', '2026-11-01', 'x'],
      ]),
      ctx,
    );
    expect(p.purchases[0].problems).toEqual(['Date is blank']);
    expect(p.purchases[1].problems).toEqual(['Customer ID is blank', 'Amount: "x" is not a number']);
    const c = parseContacts(
      table('contactLog', [
        ['Customer ID', 'Date', 'Type', 'Complaint size'],
        ['C1', '2026-11-01', 'Complaint', 'Big'],
        ['C1', '2026-11-01', 'Lunch', ''],
      ]),
      ctx,
    );
    expect(c.contacts[0]).toMatchObject({ type: 'Complaint', complaintSize: 'Big', problems: [] });
    expect(c.contacts[1].problems[0]).toMatch(/Type "Lunch"/);
    const h = parseHolidays(
      table('holidays', [
        ['Date', 'Name'],
        ['2026-12-25', 'Christmas'],
        ['soon', 'Bad'],
      ]),
      ctx,
    );
    expect(h.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas' }]);
    expect(h.problems.length).toBe(1);
  });

  test('pickTemplate: the language row, else one without a language, else any', () => {
    const rows = [
      { row: 2, key: 'thank-you', language: null, subject: 'x', body: 'x' },
      { row: 3, key: 'thank-you', language: 'zh' as const, subject: 'z', body: 'z' },
    ];
    expect(pickTemplate(rows, 'thank-you', 'zh')?.row).toBe(3);
    expect(pickTemplate(rows, 'thank-you', 'en')?.row).toBe(2);
    expect(pickTemplate(rows, 'other', 'en')).toBeNull();
  });
});
