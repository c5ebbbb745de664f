import { columnIndex, columnLetter, findSheet, matchHeaders, normalizeHeader } from '../../src/core/headers';
import { SHEETS } from '../../src/core/schema';

describe('normalizeHeader', () => {
  it.each([
    'Customer-ID',
    'customer id',
    'CUSTOMER_ID',
    'Customer ID',
    ' Customer.ID: ',
    'Ｃｕｓｔｏｍｅｒ　ＩＤ',
    'customer\u200bid',
    '\ufeffCustomer ID',
  ])('%j -> customerid', (s) => {
    expect(normalizeHeader(s)).toBe('customerid');
  });

  it('drops full-width punctuation and spaces in Chinese', () => {
    expect(normalizeHeader('客户 编号')).toBe('客户编号');
    expect(normalizeHeader('客户编号（必填）')).toBe('客户编号必填');
    expect(normalizeHeader('【客户编号】')).toBe('客户编号');
  });

  it('drops symbols', () => {
    expect(normalizeHeader('Revenue ($)')).toBe('revenue');
    expect(normalizeHeader('销售额¥')).toBe('销售额');
  });

  it('keeps letters and digits apart from separators', () => {
    expect(normalizeHeader('Phone 2')).toBe('phone2');
    expect(normalizeHeader('Phone')).not.toBe(normalizeHeader('Phone 2'));
  });
});

describe('findSheet', () => {
  it('finds a sheet by English or Chinese name, normalized', () => {
    expect(findSheet(['Sheet1', 'Customers'], SHEETS.customers)).toBe('Customers');
    expect(findSheet(['客户', 'Sheet1'], SHEETS.customers)).toBe('客户');
    expect(findSheet(['contact LOG'], SHEETS.contactLog)).toBe('contact LOG');
    expect(findSheet(['Contact-log'], SHEETS.contactLog)).toBe('Contact-log');
    expect(findSheet([' 联系 记录 '], SHEETS.contactLog)).toBe(' 联系 记录 ');
    expect(findSheet(['RETAIN LOG'], SHEETS.runLog)).toBe('RETAIN LOG');
  });

  it('returns null when there is none', () => {
    expect(findSheet([], SHEETS.customers)).toBeNull();
    expect(findSheet(['Customer list', 'Customers 2'], SHEETS.customers)).toBeNull();
  });

  it('prefers the exact English name, then the exact Chinese name', () => {
    expect(findSheet(['customers', '客户', 'Customers'], SHEETS.customers)).toBe('Customers');
    expect(findSheet(['customers', '客户'], SHEETS.customers)).toBe('客户');
    expect(findSheet(['CUSTOMERS', 'customers'], SHEETS.customers)).toBe('CUSTOMERS');
  });
});

describe('matchHeaders', () => {
  it('matches English, Chinese and alias headers in any order', () => {
    const m = matchHeaders(
      ['姓名', 'E-mail', 'customer_id', 'Sales rep', '销售额', 'Tier', '下次跟进', 'My own notes'],
      SHEETS.customers,
    );
    expect(m.columns).toEqual({ name: 0, email: 1, id: 2, owner: 3, revenue: 4, tier: 5, nextFollowUp: 6 });
    expect(m.unknown).toEqual([7]);
    expect(m.duplicates).toEqual([]);
    expect(m.missingRequired).toEqual([]);
  });

  it('matches every name of every field of every sheet', () => {
    for (const sheet of Object.values(SHEETS)) {
      for (const f of sheet.fields) {
        for (const name of [f.en, f.zh, ...f.aliases, f.en.toUpperCase(), f.en.replace(/ /g, '_')]) {
          expect(matchHeaders([name], sheet).columns).toEqual({ [f.key]: 0 });
        }
      }
    }
  });

  it('reports the same field under two headers: the first wins', () => {
    const m = matchHeaders(['Email', 'Name', '邮箱', 'E-mail', '姓名'], SHEETS.customers);
    expect(m.columns).toEqual({ email: 0, name: 1 });
    expect(m.duplicates).toEqual([
      { field: 'email', columns: [0, 2, 3] },
      { field: 'name', columns: [1, 4] },
    ]);
  });

  it('takes the contact person for Name and the account for Company when a list has both', () => {
    // A B2B list: the customer is the company, the contact is the person a draft greets.
    let m = matchHeaders(['客户名称', '联系人', '联系电话'], SHEETS.customers);
    expect(m.columns).toEqual({ name: 1, company: 0, phone: 2 });
    expect(m.duplicates).toEqual([]);
    m = matchHeaders(['Customer', 'Contact', 'Email'], SHEETS.customers);
    expect(m.columns).toEqual({ name: 1, company: 0, email: 2 });
    // With a Company column already, the account name is only a duplicate; the person still wins.
    m = matchHeaders(['Customer', 'Company', 'Name'], SHEETS.customers);
    expect(m.columns).toEqual({ name: 2, company: 1 });
    expect(m.duplicates).toEqual([{ field: 'name', columns: [2, 0] }]);
    // Two person headers, or two account headers: the first wins, as for any field.
    expect(matchHeaders(['Client', 'Customer'], SHEETS.customers).columns).toEqual({ name: 0 });
    // Only in Customers: a holiday's Name is left alone.
    expect(matchHeaders(['Date', 'Name'], SHEETS.holidays).columns).toEqual({ date: 0, name: 1 });
  });

  it("reads '#' as 'no': 'Customer #' is an ID, not a name", () => {
    expect(normalizeHeader('Customer #')).toBe('customerno');
    expect(matchHeaders(['Customer #', 'Customer'], SHEETS.customers).columns).toEqual({ id: 0, name: 1 });
    expect(matchHeaders(['Phone #', 'Name'], SHEETS.customers).columns).toEqual({ phone: 0, name: 1 });
  });

  it('reports missing required fields', () => {
    expect(matchHeaders(['Email', 'Company'], SHEETS.customers).missingRequired).toEqual(['name']);
    expect(matchHeaders([], SHEETS.purchases).missingRequired).toEqual(['customerId', 'date', 'amount']);
    expect(matchHeaders(['Date'], SHEETS.holidays).missingRequired).toEqual([]);
  });

  it('never matches headers that are not strings, and skips blanks', () => {
    const date = new Date(2026, 0, 1);
    const m = matchHeaders(['', 2026, date, true, null, '   ', 'Name', undefined], SHEETS.customers);
    expect(m.columns).toEqual({ name: 6 });
    // A number or a date in row 1 is someone's column; a blank header is nothing.
    expect(m.unknown).toEqual([1, 2, 3]);
  });

  it('does not confuse similar headers', () => {
    const m = matchHeaders(
      ['Last purchase', 'Last purchase amount', 'Follow-up', 'Next follow-up', 'Customer', 'Customer ID'],
      SHEETS.customers,
    );
    expect(m.columns).toEqual({ lastPurchase: 0, lastPurchaseAmount: 1, followUp: 2, nextFollowUp: 3, name: 4, id: 5 });
    const log = matchHeaders(['Customer', 'Customer ID', 'Date', 'Next step date', 'Next step'], SHEETS.contactLog);
    expect(log.columns).toEqual({ customerName: 0, customerId: 1, date: 2, nextStepDate: 3, nextStep: 4 });
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [18277, 'ZZZ'],
  ])('%i -> %s', (i, letters) => {
    expect(columnLetter(i)).toBe(letters);
    expect(columnIndex(letters)).toBe(i);
    expect(columnIndex(letters.toLowerCase())).toBe(i);
  });

  it('round-trips', () => {
    for (let i = 0; i < 3000; i++) expect(columnIndex(columnLetter(i))).toBe(i);
  });

  it('rejects bad input', () => {
    expect(() => columnLetter(-1)).toThrow();
    expect(() => columnLetter(1.5)).toThrow();
    expect(columnIndex('A1')).toBeNull();
    expect(columnIndex('')).toBeNull();
  });
});
