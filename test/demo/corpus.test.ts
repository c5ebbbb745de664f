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
import { CASES, type FileCase, type Mapping } from './corpusCases';
import { SHEETS } from '../../src/core/schema';
import { REAL_DIR, realFixtures } from '../../tools/fixtures/make-real';
import { readSheet } from '../../tools/demo/report';
import { planWith, readWithCore, type CoreReading } from './corpusRead';

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
    // parseCustomers itself leaves the totals rows out (not the demo's reader).
    expect(r.totals).toEqual(c.totals ?? []);
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
      .map((p) => [p.row, p.column, p.message]);
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
  // A bad cell costs only what needs it (docs/data.md): the bad-cells file is served like the others.
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
