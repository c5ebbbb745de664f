/**
 * The sample workbook, its loaders and the demo (README, Quick start).
 *
 * The demo smoke test runs the real built bundle: it needs `npm run build`
 * first and fails (never skips) with a message saying so when dist/Code.js is
 * missing or incomplete.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { SHEETS } from '../../src/core/schema';
import {
  generateWorkbook,
  SAMPLE_SHEETS,
  SAMPLES_DIR,
  workbookToCsv,
  type Workbook,
} from '../../tools/sample/generate';
import {
  formatCellDate,
  parseCsv,
  readCustomersFile,
  readWorkbookDir,
  wallClockInZone,
  zonedIso,
} from '../../tools/sample/load';
import { BUNDLE, bundleFunctions, parseDemoArgs, reasonOf, runDemo, table } from '../../tools/demo';

const userHeaders = (key: 'customers' | 'purchases' | 'contactLog' | 'holidays') =>
  SHEETS[key].fields.filter((f) => !f.managed).map((f) => f.en);

function column(wb: Workbook, sheet: keyof Workbook, header: string): string[] {
  const i = wb[sheet][0].indexOf(header);
  if (i < 0) throw new Error(`${sheet} has no ${header}`);
  return wb[sheet].slice(1).map((r) => r[i]);
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'retain-demo-'));
}

describe('sample generator', () => {
  const wb = generateWorkbook();

  test('is deterministic: the same CSV twice, and the committed samples are up to date', () => {
    const again = workbookToCsv(generateWorkbook());
    expect(workbookToCsv(wb)).toEqual(again);
    for (const [file, text] of Object.entries(again)) {
      const committed = fs.readFileSync(path.join(SAMPLES_DIR, file), 'utf8');
      // When this fails: run `npx tsx tools/sample/generate.ts` and commit samples/.
      expect(committed).toBe(text);
    }
  });

  test('a different seed gives different data', () => {
    expect(workbookToCsv(generateWorkbook({ seed: 7 }))['Customers.csv']).not.toBe(workbookToCsv(wb)['Customers.csv']);
  });

  test('has the documented headers exactly, and no managed column', () => {
    expect(wb.Customers[0]).toEqual(userHeaders('customers'));
    expect(wb.Purchases[0]).toEqual(['Customer ID', 'Date', 'Amount', 'Product']);
    expect(wb['Contact log'][0]).toEqual(userHeaders('contactLog'));
    expect(wb.Holidays[0]).toEqual(['Date', 'Name']);
    expect(wb.Customers[0]).not.toContain('Tier');
    expect(Object.keys(wb)).toEqual([...SAMPLE_SHEETS]);
  });

  test('has the sizes the demo promises', () => {
    expect(wb.Customers.length - 1).toBe(200);
    expect(wb.Purchases.length - 1).toBeGreaterThanOrEqual(550);
    expect(wb.Purchases.length - 1).toBeLessThanOrEqual(650);
    expect(wb['Contact log'].length - 1).toBeGreaterThanOrEqual(350);
    expect(wb['Contact log'].length - 1).toBeLessThanOrEqual(450);
    const years = new Set(column(wb, 'Holidays', 'Date').map((d) => d.slice(0, 4)));
    expect([...years].sort()).toEqual(['2026', '2027']);
    expect(column(wb, 'Holidays', 'Date')).toContain('2027-02-06');
  });

  test('looks like a real customer list: both languages, reps, statuses, birthdays, an 80/20 skew', () => {
    const names = column(wb, 'Customers', 'Name');
    expect(names).toEqual(expect.arrayContaining(['王小明', '李娜', '陈建国', 'Alice Chen', 'Bob Martin']));
    expect(new Set(column(wb, 'Customers', 'Language'))).toEqual(new Set(['en', 'zh', '']));
    const owners = new Set(column(wb, 'Customers', 'Owner'));
    expect(owners.has('rep@example.com')).toBe(true);
    expect(owners.size).toBeGreaterThanOrEqual(2);
    expect(owners.size).toBeLessThanOrEqual(3);
    const statuses = column(wb, 'Customers', 'Status');
    for (const s of ['Prospect', 'Do not contact', 'Lost']) expect(statuses).toContain(s);
    const birthdays = column(wb, 'Customers', 'Birthday');
    expect(birthdays.some((b) => /^\d{4}-\d{2}-\d{2}$/.test(b))).toBe(true);
    expect(birthdays.some((b) => /^\d{2}-\d{2}$/.test(b))).toBe(true);
    expect(birthdays).toContain('02-29');
    expect(column(wb, 'Customers', 'Snooze until').filter(Boolean).length).toBeGreaterThanOrEqual(2);

    const revenue = column(wb, 'Customers', 'Revenue')
      .map(Number)
      .filter((x) => x > 0)
      .sort((a, b) => b - a);
    const total = revenue.reduce((a, b) => a + b, 0);
    const top = revenue.slice(0, 40).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.7);
  });

  test('has purchases right before the demo date (drafts and post-sale calls due)', () => {
    const dates = column(wb, 'Purchases', 'Date');
    for (const d of ['2026-11-14', '2026-11-15', '2026-11-13', '2026-11-09']) expect(dates).toContain(d);
    const types = new Set(column(wb, 'Contact log', 'Type'));
    for (const t of ['Visit', 'Call', 'Email', 'Complaint']) expect(types.has(t)).toBe(true);
    // Open complaints (no Resolved on), small and big, and resolved ones.
    const log = wb['Contact log'];
    const h = log[0];
    const complaints = log.slice(1).filter((r) => r[h.indexOf('Type')] === 'Complaint');
    const open = complaints.filter((r) => !r[h.indexOf('Resolved on')]);
    expect(new Set(open.map((r) => r[h.indexOf('Complaint size')]))).toEqual(new Set(['Small', 'Big']));
    expect(complaints.length - open.length).toBeGreaterThan(5);
  });

  test('has the bad rows on purpose', () => {
    const ids = column(wb, 'Customers', 'Customer ID');
    const nonBlank = ids.filter(Boolean);
    expect(new Set(nonBlank).size).toBe(nonBlank.length - 1); // exactly one duplicate
    expect(ids.filter((id) => id === '')).toHaveLength(1);
    expect(column(wb, 'Customers', 'Email')).toContain('bob@');
    expect(column(wb, 'Customers', 'Revenue')).toContain('3k');
    expect(wb.Customers.flat()).toContain('2026-13-45');
    expect(column(wb, 'Customers', 'Name').filter((n) => n === '')).toHaveLength(1);
    expect(column(wb, 'Purchases', 'Date').some((d) => d > '2026-11-16')).toBe(true);
    const known = new Set(ids);
    expect(column(wb, 'Purchases', 'Customer ID').filter((id) => !known.has(id))).toHaveLength(1);
  });

  test('scales with a size parameter (the benchmark uses it)', () => {
    const big = generateWorkbook({ customers: 1000, purchasesPerCustomer: 2, contactsPerCustomer: 0.3 });
    expect(big.Customers.length - 1).toBe(1000);
    expect(big.Purchases.length - 1).toBeGreaterThan(1500);
    expect(big.Purchases.length - 1).toBeLessThan(2500);
    expect(big['Contact log'].length - 1).toBeGreaterThan(700);
    expect(big['Contact log'].length - 1).toBeLessThan(1400);
    expect(column(big, 'Customers', 'Customer ID')[999]).toBe('C1000');
    expect(() => generateWorkbook({ customers: 10 })).toThrow(/>= 60/);
  });
});

describe('loading workbooks', () => {
  test('readWorkbookDir gives every sample sheet as typed text, in order', () => {
    const wb = readWorkbookDir(SAMPLES_DIR);
    expect(Object.keys(wb)).toEqual([...SAMPLE_SHEETS]);
    expect(wb.Customers[0]).toEqual(userHeaders('customers'));
    expect(wb.Customers).toHaveLength(201);
    // Text as typed: the emulator converts it like Sheets does.
    expect(wb.Customers[1][8]).toBe(String(wb.Customers[1][8]));
    expect(wb.Customers.every((r) => r.length === wb.Customers[0].length)).toBe(true);
  });

  test('parseCsv strips a BOM, keeps quoted commas and pads ragged rows', () => {
    expect(parseCsv('\ufeffName,Company\n"Harbor & Finch, Ltd.",x\nBob\n\n')).toEqual([
      ['Name', 'Company'],
      ['Harbor & Finch, Ltd.', 'x'],
      ['Bob', ''],
    ]);
  });

  test('readCustomersFile reads a CSV', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'mine.csv');
    fs.writeFileSync(file, '客户编号,姓名,销售额\nC1,王小明,1200\n');
    expect(await readCustomersFile(file)).toEqual([
      ['客户编号', '姓名', '销售额'],
      ['C1', '王小明', '1200'],
    ]);
  });

  test('readCustomersFile reads an XLSX: the 客户 sheet, Dates, numbers, rich text, formulas', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'mine.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['not this one']);
    const ws = book.addWorksheet('客户');
    ws.addRow(['客户编号', '姓名', '销售额', '最近购买', '公司']);
    ws.addRow([
      'C0001',
      '王小明',
      68000,
      new Date(Date.UTC(2026, 10, 15)),
      { richText: [{ text: '华信' }, { text: '科技', font: { bold: true } }] },
    ]);
    ws.addRow(['C0002', { formula: 'UPPER("alice chen")', result: 'ALICE CHEN' }, 1200.5, '', null]);
    await book.xlsx.writeFile(file);

    const rows = await readCustomersFile(file);
    expect(rows[0]).toEqual(['客户编号', '姓名', '销售额', '最近购买', '公司']);
    expect(rows[1][0]).toBe('C0001');
    expect(rows[1][2]).toBe(68000);
    expect(rows[1][3]).toBeInstanceOf(Date);
    expect((rows[1][3] as Date).toISOString()).toBe('2026-11-15T00:00:00.000Z');
    expect(rows[1][4]).toBe('华信科技');
    expect(rows[2]).toEqual(['C0002', 'ALICE CHEN', 1200.5, '', '']);

    // In the sheet's zone, the date is still 15 November (midnight there).
    const zoned = await readCustomersFile(file, { timeZone: 'Asia/Shanghai' });
    expect(formatCellDate(zoned[1][3] as Date, 'Asia/Shanghai')).toBe('2026-11-15');
    expect((zoned[1][3] as Date).toISOString()).toBe('2026-11-14T16:00:00.000Z');
  });

  test('readCustomersFile refuses other formats and missing files with a clear message', async () => {
    await expect(readCustomersFile('/nonexistent/x.csv')).rejects.toThrow(/No such file/);
    const dir = tmpDir();
    const file = path.join(dir, 'x.numbers');
    fs.writeFileSync(file, '');
    await expect(readCustomersFile(file)).rejects.toThrow(/\.csv or \.xlsx/);
  });

  test('time-zone helpers', () => {
    expect(zonedIso('2026-11-16', '06:30', 'Asia/Shanghai')).toBe('2026-11-16T06:30:00+08:00');
    expect(zonedIso('2026-07-01', '06:30', 'America/New_York')).toBe('2026-07-01T06:30:00-04:00');
    expect(formatCellDate(new Date('2026-11-15T22:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-16 06:30');
    expect(wallClockInZone(new Date('2026-11-02T00:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-01T16:00:00.000Z',
    );
  });
});

describe('demo helpers', () => {
  test('reasonOf groups Follow-up texts by kind', () => {
    expect(reasonOf('Day-3 manager call after purchase of Sofa set on 2026-11-13')).toBe('Day-3 manager call');
    expect(reasonOf('Keep in touch (A: every 14 days) (+2 more)')).toBe('Keep in touch');
    expect(reasonOf('Complaint (big) from 2026-11-11: resolve by 2026-11-16')).toBe('Complaint (big)');
    expect(reasonOf('Thank-you call (purchase 2026-11-15)')).toBe('Thank-you call');
    expect(reasonOf('感谢电话（2026-11-15购买）')).toBe('感谢电话');
  });

  test('table aligns Chinese names by display width', () => {
    const lines = table(
      ['Name', 'N#'],
      [
        ['王小明', 1],
        ['Bob', 22],
      ],
      { indent: '' },
    );
    expect(lines[2]).toBe('王小明   1');
    expect(lines[3]).toBe('Bob     22');
  });

  test('parseDemoArgs', () => {
    expect(parseDemoArgs(['--today', '2026-12-01', '--out=x'])).toEqual({ today: '2026-12-01', out: 'x' });
    expect(() => parseDemoArgs(['--bogus'])).toThrow(/Unknown option/);
    expect(() => parseDemoArgs(['--today'])).toThrow(/needs a value/);
  });
});

describe('npm run demo (on the built bundle)', () => {
  test('says what to do when the bundle is missing or incomplete', async () => {
    await expect(runDemo({ bundle: path.join(tmpDir(), 'Code.js'), print: () => undefined })).rejects.toThrow(
      /missing: run `npm run build`/,
    );
    const partial = path.join(tmpDir(), 'Code.js');
    fs.writeFileSync(partial, 'function setupSheets() {}\n');
    await expect(runDemo({ bundle: partial, print: () => undefined })).rejects.toThrow(
      /no top-level function runNightly/,
    );
  });

  test('writes the sheets as CSV, drafts that parse as e-mail and visits that parse as iCalendar', async () => {
    if (!fs.existsSync(BUNDLE))
      throw new Error(
        'dist/Code.js is missing: run `npm run build` before this test (the demo runs the built bundle).',
      );
    const fns = bundleFunctions(fs.readFileSync(BUNDLE, 'utf8'));
    for (const fn of ['setupSheets', 'runNightly']) {
      if (!fns.has(fn))
        throw new Error(`dist/Code.js has no ${fn}(): the bundle is not finished yet, so the demo cannot run.`);
    }
    const out = tmpDir();
    const lines: string[] = [];
    const result = await runDemo({ out, print: (l) => lines.push(l) });
    const report = lines.join('\n');

    for (const sheet of ['Customers', 'Purchases', 'Contact log', 'Holidays', 'Templates', 'Retain log']) {
      expect(fs.existsSync(path.join(out, `${sheet}.csv`))).toBe(true);
    }
    const customers = parseCsv(fs.readFileSync(path.join(out, 'Customers.csv'), 'utf8'));
    for (const h of ['Tier', 'Next follow-up', 'Follow-up', 'Days to due', 'Retain notes'])
      expect(customers[0]).toContain(h);
    // Set up filled the blank ID; dates are written as text in the sheet's zone.
    expect(customers.slice(1).every((r) => r[0] !== '')).toBe(true);
    expect(customers[1][customers[0].indexOf('Last purchase')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(result.emlFiles.length).toBeGreaterThan(0);
    const mail = await simpleParser(fs.readFileSync(result.emlFiles[0]));
    expect(mail.subject).toBeTruthy();
    expect(mail.to).toBeTruthy();

    expect(result.icsFile).not.toBeNull();
    const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(result.icsFile!, 'utf8')));
    expect(cal.getAllSubcomponents('vevent').length).toBeGreaterThan(0);

    expect(result.problems.length).toBeGreaterThanOrEqual(4);
    expect(result.tiers.map((t) => t.tier)).toEqual(expect.arrayContaining(['A', 'B', 'C']));
    expect(report).toMatch(/Rows with problems/);
    expect(report).toMatch(/Files in /);
  });
});
