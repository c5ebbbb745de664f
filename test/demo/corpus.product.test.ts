/**
 * The corpus (test/fixtures/real/) through the product: the built bundle in
 * the emulator, each file loaded as it is (no preparation by the demo: the
 * product finds the header row, leaves totals rows out and joins First/Last
 * name itself), in a spreadsheet of the file's locale. For each file:
 *
 * - the bundle's own column mapping (getColumns, the Settings tab's Columns
 *   section) is the one test/demo/corpusCases.ts expects, field by field;
 * - Set up changes no user cell: it only adds columns to the right of the
 *   header row and fills blank Customer IDs of customer rows;
 * - `npm run demo -- --customers FILE` (Set up, then a nightly run) gives at
 *   least 95 % of its active customers a Tier and a Next follow-up, and a few
 *   rows get exactly what they should.
 *
 * And Set up writes nothing at all into a sheet it cannot read.
 *
 * Needs `npm run build` first (the demo runs dist/Code.js); fails, never
 * skips, without it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simpleParser } from 'mailparser';
import { parseStatus } from '../../src/core/cells';
import { findHeaderRow } from '../../src/core/headerRow';
import { SHEETS } from '../../src/core/schema';
import type { ColumnsView } from '../../src/shared/api';
import type { Emulator } from '../../tools/emulator';
import { BUNDLE, readBundle, runDemo, workbookEmulator } from '../../tools/demo';
import { gatherWorkbook } from '../../tools/demo/workbook';
import { EXPORT_DAY, REAL_DIR } from '../../tools/fixtures/make-real';
import { decodeText, parseCsvText } from '../../tools/demo/readFile';
import { readSheet } from '../../tools/demo/report';
import { CASES, type FileCase } from './corpusCases';

/** What the product writes in a row's managed columns: exact where given, a pattern for the Follow-up text. */
interface RowResult {
  tier?: string;
  next?: string;
  followUp?: RegExp;
  notes?: string;
}

/** Rows checked exactly, by 1-based sheet row (the reasons are in each file's comment in make-real.ts). */
const RESULTS: Record<string, Record<number, RowResult>> = {
  'crm-export.csv': {
    // The biggest account, never visited since it became a customer (2021-03-02): its visit is long overdue.
    2: { tier: 'A', next: '2021-04-01', followUp: /^Visit \(A: every 30 days\) \(\+2 more\)$/, notes: '' },
    3: { tier: 'C', followUp: /^Keep in touch \(C: every 60 days\)$/, notes: '' },
  },
  'shopify-customers.csv': {
    2: { tier: 'B', followUp: /^Visit \(B: every 90 days\)/ },
    5: { tier: 'A', followUp: /^Visit \(A: every 30 days\)/ },
  },
  'hubspot-contacts.csv': {
    // "+1 …" typed into Sheets is a formula and shows #ERROR!: that cell costs nothing but itself.
    2: { tier: 'A', notes: 'Phone Number: #ERROR! (the cell holds a formula error): treated as blank' },
    // A prospect with no revenue: no tier, kept in touch at the C cadence.
    4: { tier: '', followUp: /^Keep in touch \(every 60 days\)$/ },
  },
  'zh-wan-amounts.csv': {
    // 1.2万 and 12万元: 12,000 and 120,000.
    2: { tier: 'B' },
    3: { tier: 'A', followUp: /^Visit \(A: every 30 days\)/ },
  },
  'gbk-title-totals.csv': {
    4: { tier: 'A', next: '2026-11-13', followUp: /^Thank-you call \(purchase 2026-11-12\)/ },
    // The totals row is not a customer: nothing is written in it.
    39: { tier: '', next: '', notes: '' },
  },
  'utf16-excel-unicode.txt': {
    2: { tier: 'A', followUp: /^Visit \(A: every 30 days\)/ },
    3: { tier: 'C', followUp: /^Keep in touch \(C: every 60 days\)$/ },
  },
  'title-and-totals.csv': {
    5: { tier: 'A', next: '2018-07-02', followUp: /^Visit \(A: every 30 days\)/ },
    42: { tier: '', next: '', notes: '' },
  },
  'serial-dates.xlsx': {
    // Customer since 2023-02-14 came as a serial number among dates: visit B every 90 days from it.
    3: { tier: 'B', next: '2023-05-15', followUp: /^Visit \(B: every 90 days\)/ },
  },
  'de-decimal-comma.csv': {
    // "1.234,50 €" and "03.11.2026" in a de_DE spreadsheet: the day-3 call after that purchase.
    2: { tier: 'C', next: '2026-11-06', followUp: /^Day-3 manager call after purchase on 2026-11-03/ },
  },
  'en-gb-day-first.csv': {
    // "03/11/2026" in an en_GB spreadsheet is 3 November.
    2: { tier: 'C', next: '2026-11-06', followUp: /^Day-3 manager call after purchase on 2026-11-03/ },
  },
  'bad-cells.csv': {
    2: { tier: 'A', notes: 'Email "bob@" is not valid: no thank-you draft' },
    3: {
      tier: '',
      followUp: /^Keep in touch \(every 60 days\)$/,
      notes: 'Revenue: "3k" is not a number: no tier; kept in touch at the C cadence',
    },
    4: { tier: 'A', notes: 'Last purchase: "2026-13-45" is not a real date: treated as blank' },
    6: { tier: 'B', notes: 'Last contact 2027-01-05 is in the future: treated as blank' },
    10: { tier: 'A', notes: 'Customer ID X009 is used by rows 10, 11: no draft or visit event until it is fixed' },
    11: { tier: 'C', notes: 'Customer ID X009 is used by rows 10, 11: no draft or visit event until it is fixed' },
    12: { tier: 'C', notes: 'Name is blank: no draft or visit event' },
  },
  'mixed-names-no-language.csv': {
    2: { tier: 'A', followUp: /^Thank-you call \(purchase 2026-11-11\)/ },
  },
};

function requireBundle(): void {
  if (!fs.existsSync(BUNDLE))
    throw new Error('dist/Code.js is missing: run `npm run build` before this test (the demo runs the built bundle).');
}

/** The file in an emulated spreadsheet of its locale, the bundle loaded. */
async function loaded(c: FileCase, edit?: (sheets: Record<string, unknown[][]>) => void): Promise<Emulator> {
  requireBundle();
  const workbook = await gatherWorkbook(
    { customers: path.join(REAL_DIR, c.file), locale: c.locale },
    '',
    'Asia/Shanghai',
    (p) => p,
  );
  if (edit) edit(workbook.sheets);
  const emu = workbookEmulator(workbook, EXPORT_DAY, 'Asia/Shanghai');
  emu.load(readBundle(), 'Code.js');
  return emu;
}

function customersSheet(emu: Emulator): string {
  return emu.sheetNames().find((n) => n === 'Customers' || n === '客户') ?? emu.sheetNames()[0];
}

/** The demo on one file; the Customers sheet as written to demo-out/, and its active customers served. */
async function demo(c: FileCase) {
  requireBundle();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'retain-corpus-'));
  await runDemo({
    customers: path.join(REAL_DIR, c.file),
    today: EXPORT_DAY,
    timeZone: 'Asia/Shanghai',
    locale: c.locale,
    out,
    print: () => undefined,
  });
  const bytes = fs.readFileSync(path.join(out, 'Customers.csv'));
  fs.rmSync(out, { recursive: true, force: true });
  const rows = parseCsvText(decodeText(bytes).text).rows;
  const reading = readSheet(rows, SHEETS.customers);
  const found = findHeaderRow(rows, SHEETS.customers)!;
  const { status, tier, nextFollowUp } = found.match.columns;
  const active = reading.records.filter((r) => {
    const s = status === undefined ? null : parseStatus(rows[r][status]);
    return s === null || !s.ok || s.value === 'Active';
  });
  const served = active.filter((r) => /^[ABC]$/.test(rows[r][tier!]) && rows[r][nextFollowUp!] !== '');
  return { bytes, rows, found, active, served };
}

const demos = new Map<string, ReturnType<typeof demo>>();
const demoOf = (c: FileCase) => {
  if (!demos.has(c.file)) demos.set(c.file, demo(c));
  return demos.get(c.file)!;
};

/** The mapping the bundle reports: header -> field key ('name.first' / 'name.last' for a name in two columns). */
function bundleMapping(view: ColumnsView, c: FileCase): Record<string, string> {
  const customers = view.sheets.find((s) => s.sheet === 'customers')!;
  const out: Record<string, string> = {};
  for (const f of customers.found) {
    const parts = f.header.split(' + ');
    if (f.field === 'name' && parts.length > 1) {
      out[parts[0]] = 'name.first';
      out[parts[parts.length - 1]] = 'name.last';
    } else out[f.header] = f.field;
  }
  expect(customers.headerRow).toBe(c.headerRow + 1);
  return out;
}

function expectedMapping(c: FileCase): Record<string, string> {
  return Object.fromEntries(Object.entries(c.mapping).filter((e): e is [string, string] => e[1] !== null));
}

describe.each(CASES.map((c) => [c.file, c] as const))('%s through the product', (_file, c) => {
  test("the bundle's column mapping, field by field, from the header row", async () => {
    const emu = await loaded(c);
    const view = emu.invoke('getColumns', {}) as ColumnsView;
    expect(bundleMapping(view, c)).toEqual(expectedMapping(c));
  });

  test('Set up changes no user cell: columns only to the right of the header row, IDs only on customer rows', async () => {
    const emu = await loaded(c);
    const name = customersSheet(emu);
    const before = emu.sheetValues(name).map((r) => r.slice());
    const width = Math.max(...before.map((r) => r.length));
    emu.invoke('setupSheets');
    const after = emu.sheetValues(name);
    expect(after.length).toBe(before.length);
    const header = after[c.headerRow].map(String);
    const id = header.findIndex((h) => h === 'Customer ID' || h === '客户编号' || h === 'Record ID');
    const changed: string[] = [];
    after.forEach((row, r) =>
      row.forEach((v, col) => {
        const was = before[r]?.[col] ?? '';
        if (v === was || (was instanceof Date && v instanceof Date && was.getTime() === v.getTime())) return;
        const newColumn = col >= width && r >= c.headerRow;
        const idFilled = col === id && was === '' && r > c.headerRow && !(c.totals ?? []).includes(r + 1);
        if (!newColumn && !idFilled)
          changed.push(`R${r + 1}C${col + 1}: ${JSON.stringify(was)} -> ${JSON.stringify(v)}`);
      }),
    );
    expect(changed).toEqual([]);
    // The title rows stay exactly as they were, and so do the totals rows.
    for (let r = 0; r < c.headerRow; r++)
      expect(after[r]).toEqual(before[r].concat(new Array(after[r].length - before[r].length).fill('')));
    for (const t of c.totals ?? [])
      expect(after[t - 1].slice(0, width)).toEqual(before[t - 1].slice(0, width).map((v) => v ?? ''));
  });

  test('at least 95 % of its active customers get a Tier and a Next follow-up, and a few rows exactly what they should', async () => {
    const { rows, found, active, served } = await demoOf(c);
    expect(active.length).toBeGreaterThan(0);
    expect(served.length / active.length).toBeGreaterThanOrEqual(0.95);
    const col = found.match.columns;
    for (const [row, want] of Object.entries(RESULTS[c.file] ?? {})) {
      const r = rows[Number(row) - 1];
      const got: RowResult = {};
      if (want.tier !== undefined) got.tier = r[col.tier!] ?? '';
      if (want.next !== undefined) got.next = r[col.nextFollowUp!] ?? '';
      if (want.notes !== undefined) got.notes = r[col.retainNotes!] ?? '';
      const { followUp, ...exact } = want;
      expect([Number(row), got]).toEqual([Number(row), exact]);
      if (followUp) expect([Number(row), r[col.followUp!]]).toEqual([Number(row), expect.stringMatching(followUp)]);
    }
  });
});

test('every corpus file has rows checked exactly', () => {
  expect(Object.keys(RESULTS).sort()).toEqual(CASES.map((c) => c.file).sort());
});

test('Set up writes nothing into a Customers sheet it cannot read, and says which headers it saw and the nearest', async () => {
  const c = CASES.find((x) => x.file === 'crm-export.csv')!;
  const emu = await loaded(c, (sheets) => {
    const rows = Object.values(sheets)[0];
    rows[0] = rows[0].map((h) => (h === 'Full name' ? 'Kundenname' : h));
  });
  const names = emu.sheetNames();
  const before = names.map((n) => emu.sheetValues(n));
  const result = emu.invoke('setupSheets') as { message: string; idsFilled: number; columnsAdded: string[] };
  expect(emu.sheetNames()).toEqual(names);
  expect(names.map((n) => emu.sheetValues(n))).toEqual(before);
  expect(result.idsFilled).toBe(0);
  expect(result.columnsAdded).toEqual([]);
  expect(result.message).toMatch(/^Set up changed nothing: sheet "Customers" has no "Name" column/);
  expect(result.message).toContain('Headers seen (row 1): Kundenname, E-mail Address, Phone number');
  expect(result.message).toContain('Nearest: Kundenname → Name?');
});

describe('a blank Language reaches the drafts: Chinese for a name in Han characters, else the locale language', () => {
  /** Two customers who bought today, no Language column; the drafts' languages by name. */
  async function draftLanguages(locale: string): Promise<Record<string, string>> {
    requireBundle();
    const sheets = {
      Customers: [
        ['Name', 'Email', 'Revenue', 'Last purchase'],
        ['王小明', 'wang@example.cn', '12000', EXPORT_DAY],
        ['Alice Chen', 'alice@example.com', '900', EXPORT_DAY],
      ],
    };
    const emu = workbookEmulator({ sheets, typed: new Set(), locale }, EXPORT_DAY, 'Asia/Shanghai');
    emu.load(readBundle(), 'Code.js');
    emu.invoke('setupSheets');
    emu.invoke('scheduleNightlyRun');
    const trigger = emu.triggers.list().find((t) => t.handler === 'runNightly');
    emu.invokeAs({ trigger: true }, 'runNightly', { triggerUid: trigger?.id });
    const out: Record<string, string> = {};
    for (const d of emu.gmail.drafts()) {
      const m = await simpleParser(d.raw);
      const to = (m.to as { value: Array<{ address: string }> }).value[0].address;
      out[to] = /\p{Script=Han}/u.test(m.subject ?? '') ? 'zh' : 'en';
    }
    return out;
  }

  test('in an en_US spreadsheet', async () => {
    expect(await draftLanguages('en_US')).toEqual({ 'wang@example.cn': 'zh', 'alice@example.com': 'en' });
  });

  test('in a zh_CN spreadsheet', async () => {
    expect(await draftLanguages('zh_CN')).toEqual({ 'wang@example.cn': 'zh', 'alice@example.com': 'zh' });
  });
});

test('demo-out CSV files are UTF-8 with a BOM, so Excel shows Chinese right', async () => {
  const { bytes, rows } = await demoOf(CASES.find((c) => c.file === 'zh-wan-amounts.csv')!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(decodeText(bytes).encoding).toBe('UTF-8 with BOM');
  expect(rows[0].slice(0, 3)).toEqual(['客户名称', '联系人', '手机号']);
  expect(rows[1][1]).toBe('王小明');
});
