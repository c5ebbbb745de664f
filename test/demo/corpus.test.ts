/**
 * The corpus of real-looking customer files (test/fixtures/real/, made by
 * tools/fixtures/make-real.ts), read the way Retain reads them: for each file
 * the column mapping field by field, the header row, the rows read and
 * ignored, exact values of its first rows, and that at least 95 % of its
 * active customers get a tier and a follow-up from the core's plan.
 *
 * This is the core's reading (test/demo/corpusRead.ts says how it is wired);
 * test/demo/corpus.product.test.ts runs the same files through the built
 * bundle in the emulator.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { describeSuggestions, suggestHeaders } from '../../src/core/headerSuggest';
import type { Customer } from '../../src/core/model';
import { SHEETS } from '../../src/core/schema';
import { REAL_DIR, realFixtures } from '../../tools/fixtures/make-real';
import { readSheet } from '../../tools/demo/report';
import { planWith, readWithCore, type CoreReading } from './corpusRead';

/** Header -> field key; 'name.first' / 'name.last' for name parts; null for a column Retain does not use. */
type Mapping = Record<string, string | null>;

interface FileCase {
  file: string;
  locale: string;
  encoding: string | null;
  /** 0-based header row. */
  headerRow: number;
  mapping: Mapping;
  customers: number;
  /** 1-based sheet rows that are totals rows. */
  totals?: number[];
  /** 1-based sheet row -> the customer's expected fields. */
  rows: Record<number, Partial<Customer>>;
  /** Problems other than a blank Customer ID (which Set up fills): none unless listed. */
  problems?: Array<[number, string | undefined, string]>;
}

const CASES: FileCase[] = [
  {
    file: 'crm-export.csv',
    locale: 'en_US',
    encoding: 'UTF-8',
    headerRow: 0,
    mapping: {
      'Full name': 'name',
      'E-mail Address': 'email',
      'Phone number': 'phone',
      Company: 'company',
      'Total spent': 'revenue',
      'Last order date': 'lastPurchase',
      Created: 'customerSince',
      Owner: 'owner',
      Notes: null,
    },
    customers: 40,
    rows: {
      2: {
        name: 'Alice Chen',
        email: 'alice.chen@example.com',
        phone: '(555) 201-7788',
        company: 'Harbor & Finch Ltd',
        revenue: 48250,
        lastPurchase: '2026-11-14',
        customerSince: '2021-03-02',
        owner: 'rep@example.com',
        language: 'en',
      },
      3: { name: 'Bob Martin', revenue: 1200.5, lastPurchase: '2026-09-30', customerSince: '2024-10-21' },
      4: { name: 'Carol Smith', revenue: 980, lastPurchase: '2026-06-05', customerSince: '2025-01-15' },
    },
  },
  {
    file: 'shopify-customers.csv',
    locale: 'en_US',
    encoding: 'UTF-8',
    headerRow: 0,
    mapping: {
      'Customer ID': 'id',
      'First Name': 'name.first',
      'Last Name': 'name.last',
      Email: 'email',
      'Accepts Email Marketing': null,
      'Default Address Company': 'company',
      'Default Address Address1': 'address',
      'Default Address Address2': null,
      'Default Address City': null,
      'Default Address Province Code': null,
      'Default Address Country Code': null,
      'Default Address Zip': null,
      'Default Address Phone': null,
      Phone: 'phone',
      'Accepts SMS Marketing': null,
      'Total Spent': 'revenue',
      'Total Orders': null,
      Note: null,
      'Tax Exempt': null,
      Tags: null,
    },
    customers: 40,
    rows: {
      2: {
        id: '7012345678901',
        name: 'Emma Taylor',
        email: 'emma.taylor@example.com',
        address: '12 Mill Road',
        phone: '+447700900123',
        revenue: 1834.2,
      },
      3: { id: '7012345678902', name: 'Noah Walker', company: 'Pixel Forge', revenue: 129 },
      4: { name: 'Mia Wright', revenue: 0 },
    },
  },
  {
    file: 'hubspot-contacts.csv',
    locale: 'en_US',
    encoding: 'UTF-8',
    headerRow: 0,
    mapping: {
      'Record ID': 'id',
      'First Name': 'name.first',
      'Last Name': 'name.last',
      Email: 'email',
      'Phone Number': 'phone',
      'Company Name': 'company',
      'Create Date': 'customerSince',
      'Lifecycle Stage': 'status',
      'Contact owner': 'owner',
      'Last Activity Date': null,
      'Lead Status': null,
      'Job Title': null,
      City: null,
      'Country/Region': null,
      'Total Revenue': 'revenue',
    },
    customers: 40,
    rows: {
      2: {
        id: '51234001',
        name: 'Grace Hughes',
        company: 'Oakridge Motors',
        customerSince: '2023-04-18',
        status: 'Active',
        owner: 'Lin Wei',
        revenue: 86400,
      },
      3: { name: 'Henry Green', status: 'Active', revenue: 2350.75 },
      4: { name: 'Isla Hall', status: 'Prospect', revenue: null },
    },
  },
  {
    file: 'zh-wan-amounts.csv',
    locale: 'zh_CN',
    encoding: 'UTF-8 with BOM',
    headerRow: 0,
    mapping: {
      客户名称: 'company',
      联系人: 'name',
      手机号: 'phone',
      累计消费: 'revenue',
      最近下单: 'lastPurchase',
      成为客户日期: 'customerSince',
      生日: 'birthday',
      客户经理: 'owner',
      客户状态: 'status',
      收货地址: 'address',
    },
    customers: 40,
    rows: {
      2: {
        name: '王小明',
        company: '华信科技',
        phone: '13812345678',
        revenue: 12000,
        lastPurchase: '2026-11-03',
        customerSince: '2021-03-01',
        birthday: { month: 11, day: 3 },
        status: 'Active',
        language: 'zh',
      },
      3: {
        name: '李娜',
        revenue: 120000,
        lastPurchase: '2026-09-18',
        customerSince: '2019-05-20',
        birthday: { month: 3, day: 14 },
      },
      4: { name: '陈建国', revenue: 8500, lastPurchase: '2026-10-01', customerSince: '2024-07-09', status: 'Prospect' },
      5: { name: '赵丽华', revenue: 3200, birthday: { month: 2, day: 28, year: 1985 }, status: 'Active' },
    },
  },
  {
    file: 'gbk-title-totals.csv',
    locale: 'zh_CN',
    encoding: 'GB18030',
    headerRow: 2,
    mapping: {
      序号: null,
      姓名: 'name',
      电话: 'phone',
      邮箱: 'email',
      销售额: 'revenue',
      最近购买: 'lastPurchase',
      地址: 'address',
      备注: null,
    },
    customers: 35,
    totals: [39],
    rows: {
      4: {
        name: '王芳',
        phone: '13811112222',
        email: 'wangfang@example.cn',
        revenue: 26800,
        lastPurchase: '2026-11-12',
        language: 'zh',
      },
      5: { name: '刘强', revenue: 5300, lastPurchase: '2026-08-30' },
      6: { name: '孙静', email: '', revenue: 980, lastPurchase: '2026-03-02' },
    },
  },
  {
    file: 'utf16-excel-unicode.txt',
    locale: 'en_US',
    encoding: 'UTF-16LE',
    headerRow: 0,
    mapping: {
      'Customer ID': 'id',
      Name: 'name',
      Email: 'email',
      Phone: 'phone',
      Revenue: 'revenue',
      'Last purchase': 'lastPurchase',
      'Customer since': 'customerSince',
      Language: 'language',
    },
    customers: 36,
    rows: {
      2: {
        id: 'U001',
        name: '周杰',
        revenue: 15600,
        lastPurchase: '2026-11-10',
        customerSince: '2020-02-02',
        language: 'zh',
      },
      3: { id: 'U002', name: 'Olivia Brown', revenue: 4200, language: 'en' },
      4: { id: 'U003', name: '林小红', language: 'zh' },
    },
  },
  {
    file: 'title-and-totals.csv',
    locale: 'en_US',
    encoding: 'UTF-8',
    headerRow: 3,
    mapping: {
      'Customer ID': 'id',
      'Customer name': 'name',
      Email: 'email',
      Mobile: 'phone',
      'Total sales': 'revenue',
      'Last order': 'lastPurchase',
      'Customer since': 'customerSince',
      Status: 'status',
    },
    customers: 36,
    totals: [42],
    rows: {
      5: {
        id: 'T-001',
        name: 'Jack Wilson',
        phone: '(555) 880-1010',
        revenue: 52000,
        lastPurchase: '2026-11-18',
        customerSince: '2018-06-01',
      },
      6: { id: 'T-002', revenue: 7450, lastPurchase: '2026-10-02' },
      7: { id: 'T-003', name: 'Liam Thomas', status: 'Prospect', revenue: 310 },
    },
  },
  {
    file: 'serial-dates.xlsx',
    locale: 'en_US',
    encoding: null,
    headerRow: 0,
    mapping: {
      'Customer ID': 'id',
      Name: 'name',
      Email: 'email',
      Revenue: 'revenue',
      'Last purchase': 'lastPurchase',
      'Customer since': 'customerSince',
      Birthday: 'birthday',
    },
    customers: 36,
    rows: {
      // A date cell; a custom Chinese date format; a date of birth.
      2: {
        id: 'S001',
        revenue: 41200,
        lastPurchase: '2026-11-12',
        customerSince: '2020-05-17',
        birthday: { month: 11, day: 23, year: 1979 },
      },
      // A serial number in a General cell, among the column's dates.
      3: { id: 'S002', lastPurchase: '2026-11-04', customerSince: '2023-02-14' },
      4: { id: 'S003', name: '郭丽', language: 'zh' },
    },
  },
  {
    file: 'de-decimal-comma.csv',
    locale: 'de_DE',
    encoding: 'UTF-8 with BOM',
    headerRow: 0,
    mapping: {
      'Customer ID': 'id',
      Name: 'name',
      'E-Mail': 'email',
      Telefon: null,
      Company: 'company',
      Revenue: 'revenue',
      'Last purchase': 'lastPurchase',
      'Customer since': 'customerSince',
      Birthday: 'birthday',
    },
    customers: 40,
    rows: {
      2: {
        name: 'Lukas Müller',
        company: 'Müller & Söhne GmbH',
        revenue: 1234.5,
        lastPurchase: '2026-11-03',
        customerSince: '2019-03-25',
        birthday: { month: 3, day: 14 },
        language: 'en',
      },
      3: {
        revenue: 12500,
        lastPurchase: '2026-09-28',
        customerSince: '2022-12-01',
        birthday: { month: 6, day: 30, year: 1978 },
      },
      4: { revenue: 980, lastPurchase: '2026-01-15', customerSince: '2026-01-15', birthday: null },
    },
  },
  {
    file: 'en-gb-day-first.csv',
    locale: 'en_GB',
    encoding: 'UTF-8',
    headerRow: 0,
    mapping: {
      'Customer ID': 'id',
      Name: 'name',
      Email: 'email',
      Mobile: 'phone',
      Organisation: 'company',
      'Total spent': 'revenue',
      'Last purchase': 'lastPurchase',
      'Customer since': 'customerSince',
      'Date of birth': 'birthday',
      Postcode: null,
    },
    customers: 40,
    rows: {
      2: {
        name: 'Ruby Clarke',
        phone: '07700 900456',
        company: 'Riverbank Florists',
        revenue: 1250,
        lastPurchase: '2026-11-03',
        customerSince: '2020-03-25',
        birthday: { month: 3, day: 14, year: 1980 },
      },
      3: { revenue: 86.4, lastPurchase: '2026-08-17', customerSince: '2025-11-03' },
      4: { revenue: 14900, lastPurchase: '2026-10-30', birthday: { month: 2, day: 29, year: 1988 } },
    },
  },
  {
    file: 'bad-cells.csv',
    locale: 'en_US',
    encoding: 'UTF-8',
    headerRow: 0,
    mapping: {
      'Customer ID': 'id',
      Name: 'name',
      Email: 'email',
      Revenue: 'revenue',
      'Last purchase': 'lastPurchase',
      'Customer since': 'customerSince',
      Birthday: 'birthday',
      'Last contact': 'lastContact',
      'Snooze until': 'snoozeUntil',
      Status: 'status',
      Language: 'language',
    },
    customers: 60,
    rows: {
      // The other cells of a row with a bad one are still read.
      2: { name: 'Victor Hall', email: 'bob@', revenue: 25000, lastPurchase: '2026-11-01' },
      3: { name: 'Wendy Wood', revenue: null, lastPurchase: '2026-10-15' },
      4: { name: 'Xavier Green', revenue: 18000, lastPurchase: null },
      6: { name: 'Zoe Young', lastContact: '2027-01-05' },
    },
    problems: [
      [2, 'Email', 'Email "bob@" is not valid'],
      [3, 'Revenue', 'Revenue: "3k" is not a number'],
      [4, 'Last purchase', 'Last purchase: "2026-13-45" is not a real date'],
      [5, 'Birthday', 'Birthday: "02-30" is not a real date'],
      [7, 'Snooze until', 'Snooze until: "soon" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-02'],
      [8, 'Status', 'Status "Maybe" is not one of Active, Prospect, Do not contact, Lost'],
      [9, 'Language', 'Language "French" is not supported: use en (English) or zh (中文)'],
      [12, 'Name', 'Name is blank'],
      [13, 'Email', 'Email "emma.d@example" is not valid'],
      [13, 'Revenue', 'Revenue: "N/A" is not a number'],
      [13, 'Customer since', 'Customer since: date 0226-05-01 is out of range (years 1900-2100)'],
      [10, undefined, 'Customer ID X009 is used by rows 10, 11'],
      [11, undefined, 'Customer ID X009 is used by rows 10, 11'],
    ],
  },
  {
    file: 'mixed-names-no-language.csv',
    locale: 'en_US',
    encoding: 'UTF-8',
    headerRow: 0,
    mapping: { Name: 'name', Email: 'email', Revenue: 'revenue', 'Last purchase': 'lastPurchase' },
    customers: 40,
    rows: {
      2: { name: '王小明', language: 'zh' },
      3: { name: 'Alice Chen', language: 'en' },
      4: { name: 'Lee 李明', language: 'zh' },
      5: { name: '山田はなこ', language: 'en' },
      6: { name: '陳大文', language: 'zh' },
    },
  },
];

/** The mapping as Retain made it: each header of the header row and the field it became. */
function mappingOf(r: CoreReading): Mapping {
  const header = r.book.sheets.customers.rows[r.found.row];
  const byColumn = new Map<number, string>();
  for (const [key, c] of Object.entries(r.found.match.columns)) byColumn.set(c, key);
  const parts = r.found.nameParts;
  if (parts && r.found.match.columns.name === undefined) {
    if (parts.first !== null) byColumn.set(parts.first, 'name.first');
    if (parts.last !== null) byColumn.set(parts.last, 'name.last');
  }
  const out: Mapping = {};
  header.forEach((h, c) => {
    if (typeof h === 'string' && h.trim()) out[h] = byColumn.get(c) ?? null;
  });
  return out;
}

const readings = new Map<string, Promise<CoreReading>>();
const read = (c: FileCase) => {
  if (!readings.has(c.file)) readings.set(c.file, readWithCore(c.file, c.locale));
  return readings.get(c.file)!;
};

test('the corpus has at least 12 files and the committed ones are what the generator makes', async () => {
  const made = await realFixtures();
  expect(Object.keys(made).length).toBeGreaterThanOrEqual(12);
  expect(Object.keys(made).sort()).toEqual(CASES.map((c) => c.file).sort());
  for (const [name, bytes] of Object.entries(made)) {
    const committed = fs.readFileSync(path.join(REAL_DIR, name));
    // When this fails: run `npx tsx tools/fixtures/make-real.ts` and commit test/fixtures/real/.
    if (!name.endsWith('.xlsx')) expect([name, committed.equals(bytes)]).toEqual([name, true]);
    else {
      // A zip holds its own timestamps: the XLSX is compared by its cells.
      const cells = async (b: Buffer) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(b as unknown as ArrayBuffer);
        return book.worksheets.map((w) => [w.name, w.getSheetValues()]);
      };
      expect(await cells(committed)).toEqual(await cells(bytes));
    }
  }
});

describe.each(CASES.map((c) => [c.file, c] as const))('%s', (_file, c) => {
  test('encoding and header row', async () => {
    const r = await read(c);
    expect(r.book.encoding).toBe(c.encoding);
    expect(r.found.row).toBe(c.headerRow);
  });

  test('column mapping, field by field', async () => {
    expect(mappingOf(await read(c))).toEqual(c.mapping);
  });

  test('reads every customer row, and only those', async () => {
    const r = await read(c);
    expect(r.customers).toHaveLength(c.customers);
    const reading = readSheet(r.book.sheets.customers.rows, SHEETS.customers);
    expect(reading.records.map((i) => i + 1)).toEqual(r.customers.map(r.sheetRow));
    expect(reading.ignored.filter((i) => i.why === 'totals').map((i) => i.row)).toEqual(c.totals ?? []);
  });

  test('exact values of its first rows', async () => {
    const r = await read(c);
    for (const [row, expected] of Object.entries(c.rows)) {
      const customer = r.customers.find((x) => r.sheetRow(x) === Number(row));
      expect(customer).toBeDefined();
      const got = Object.fromEntries(Object.keys(expected).map((k) => [k, customer![k as keyof Customer]]));
      expect([Number(row), got]).toEqual([Number(row), expected]);
    }
  });

  test('problems name the row, the column and the value; none in a clean file', async () => {
    const r = await read(c);
    const problems = r.problems
      .filter((p) => !/^no Customer ID/.test(p.message))
      .map((p) => [p.row + c.headerRow, p.column, p.message]);
    expect(problems).toEqual(c.problems ?? []);
  });

  const planned = async () => {
    const r = await read(c);
    const plan = planWith(r);
    const active = plan.customers.filter((p) => r.customers.find((x) => x.row === p.row)?.status === 'Active');
    const served = active.filter((p) => p.tier !== null && p.next !== null);
    return { active, served };
  };
  const share = 'at least 95 % of its active customers get a tier and a follow-up (core plan)';
  if (c.problems && c.problems.length > 3)
    // NEXT WAVE: issue 11 item 1 (problems per cell): today a bad cell still costs the whole customer.
    test.failing(share, async () => {
      const { active, served } = await planned();
      expect(served.length / active.length).toBeGreaterThanOrEqual(0.95);
    });
  else
    test(share, async () => {
      const { active, served } = await planned();
      expect(active.length).toBeGreaterThan(0);
      expect(served.length / active.length).toBeGreaterThanOrEqual(0.95);
    });
});

test('a German header Retain does not know gets its nearest field suggested', async () => {
  const r = await read(CASES.find((c) => c.file === 'de-decimal-comma.csv')!);
  const header = r.book.sheets.customers.rows[0];
  expect(describeSuggestions(suggestHeaders(header, SHEETS.customers), SHEETS.customers, 'en')).toBe(
    'Telefon → Phone?',
  );
});

test('without a locale, the German and British files are refused cell by cell, never misread', async () => {
  const de = await readWithCore('de-decimal-comma.csv', '');
  expect(de.problems.find((p) => p.row === 2 && p.column === 'Revenue')?.message).toBe(
    'Revenue: "1.234,50 €" is ambiguous: write it with a dot for decimals and no dots between thousands, e.g. 1200.50',
  );
  const gb = await readWithCore('en-gb-day-first.csv', '');
  expect(gb.problems.find((p) => p.row === 2 && p.column === 'Last purchase')?.message).toContain(
    '"03/11/2026" could be day/month or month/day',
  );
  // ... and read month first in an en_US sheet.
  const us = await readWithCore('en-gb-day-first.csv', 'en_US');
  expect(us.customers[0].lastPurchase).toBe('2026-03-11');
});

test('the mixed-names file in a Chinese spreadsheet: everyone without Han characters gets the locale language', async () => {
  const r = await readWithCore('mixed-names-no-language.csv', 'zh_CN');
  expect(r.customers.slice(0, 5).map((c) => c.language)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh']);
});
