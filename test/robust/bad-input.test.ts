/**
 * The bad-input corpus (docs/testing.md, Kinds of tests) through the built bundle. Each case
 * is checked by runCase (check.ts): the run finishes or stops naming the
 * sheet; bad cells are reported by sheet, row and column; no draft or event
 * for a bad row; the others unaffected; checkNothingLost.
 *
 * Counts: 63 hand-written layouts, every catalogue entry once (321), and
 * 80 generated workbooks (fast-check, fixed seed: the same cases every run)
 * with one to three changes each. The Customers sheet of 100,000 rows is in
 * bad-input-100k.test.ts.
 */
import { simpleParser } from 'mailparser';
import { draftKey, retainEvents } from '../helpers/invariant';
import { baseWorkbook, catalogueCases, cloneSheets, generatedCases, handwrittenCases, putCell } from './corpus';
import { baseRun, runCase } from './check';

const handwritten = handwrittenCases();
const catalogue = catalogueCases();
const generated = generatedCases(80);

test('the corpus holds at least 200 cases', () => {
  const total = handwritten.length + catalogue.length + generated.length + 1;
  expect(total).toBeGreaterThanOrEqual(200);
  // The clean base workbook really is clean (makes drafts and visits, reports nothing).
  expect(baseRun().draftKeys.length).toBe(4);
});

describe('hand-written layouts', () => {
  test.each(handwritten.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(runCase(c).violations).toEqual([]);
  });
});

describe('every catalogue value once', () => {
  test.each(catalogue.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(runCase(c).violations).toEqual([]);
  });
});

describe('generated workbooks (fast-check, seed 20261116)', () => {
  test.each(generated.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(runCase(c).violations).toEqual([]);
  });
});

describe('what a bad row means', () => {
  test('a spreadsheet error (#REF!, #N/A, #DIV/0!) in Name, Company or Product is reported by cell and never reaches a draft', async () => {
    const s = cloneSheets(baseWorkbook());
    putCell(s, 'Customers', 2, 'Name', '=NoSheet!A1'); // #REF!
    putCell(s, 'Customers', 3, 'Company', '=1/0'); // #DIV/0!
    putCell(s, 'Purchases', 4, 'Product', '#N/A');
    const r = runCase({
      name: 'errors in text columns',
      sheets: s,
      bad: [
        { sheet: 'Customers', row: 2, column: 'Name' },
        { sheet: 'Customers', row: 3, column: 'Company' },
        { sheet: 'Purchases', row: 4, column: 'Product' },
      ],
      fromBase: true,
      touched: ['C0001', 'C0002', 'C0003'],
    });
    const texts = r.emu.gmail.drafts().map((d) => d.raw);
    const parsed = await Promise.all(texts.map((raw) => simpleParser(raw)));
    const shown = parsed.map((m) => `${m.subject}\n${m.text}`).join('\n');
    expect(shown).not.toMatch(/#REF!|#N\/A|#DIV\/0!/);
    expect(r.violations).toEqual([]);
  });

  test("a Visit logged with an unreadable date holds back that customer's visit events, and only those", () => {
    // C0001 (tier A) was visited last week, but the date was typed so that it cannot be read. Scheduling a visit
    // as if there had been none would be wrong (docs/data.md, Numbers and dates): a bad Contact log row that may
    // be a visit holds back the customer's visit events until it is fixed; its draft is still made.
    const s = cloneSheets(baseWorkbook());
    s['Contact log'].push([
      '2026-11-10 16:00',
      'C0001',
      'Alice Chen',
      'last Tuesday',
      'Visit',
      'rep@example.com',
      'good',
      '',
      '',
      '',
      '',
      '',
    ]);
    const r = runCase({
      name: 'unreadable visit date',
      sheets: s,
      bad: [{ sheet: 'Contact log', row: 6, column: 'Date' }],
      fromBase: true,
      touched: ['C0001'],
    });
    expect(r.violations).toEqual([]);
    const rows = r.emu.sheetValues('Customers');
    const notes = String(rows[1][rows[0].indexOf('Retain notes')]);
    expect(notes).toMatch(/Contact log row 6: .*last Tuesday.*: no visit event until it is fixed/);
    expect(
      retainEvents(r.emu)
        .filter((e) => e.customer === 'C0001')
        .map((e) => e.key),
    ).toEqual([]);
    expect(r.emu.gmail.drafts().some((d) => draftKey(d.raw).startsWith('C0001|'))).toBe(true);
  });

  test('a bad Contact log row that is not a visit (a Call) holds back nothing', () => {
    const s = cloneSheets(baseWorkbook());
    s['Contact log'].push(['', 'C0001', 'Alice Chen', 'last Tuesday', 'Call', '', '', '', '', '', '', '']);
    const r = runCase({
      name: 'unreadable call date',
      sheets: s,
      bad: [{ sheet: 'Contact log', row: 6, column: 'Date' }],
      fromBase: true,
      touched: [],
      sameAsBase: false,
    });
    expect(r.violations).toEqual([]);
    expect(
      retainEvents(r.emu)
        .map((e) => e.key)
        .sort(),
    ).toEqual(baseRun().eventKeys);
  });

  test('a totals row is not a customer: Set up gives it no ID, the run does not read it and says so once', () => {
    const s = cloneSheets(baseWorkbook());
    const w = s.Customers[0].length;
    const total = new Array(w).fill('');
    total[s.Customers[0].indexOf('Name')] = 'Total';
    total[s.Customers[0].indexOf('Revenue')] = '=SUM(I2:I9)';
    s.Customers.push(total);
    const r = runCase({ name: 'totals row with Set up', sheets: s, fromBase: true, touched: [] });
    expect(r.violations).toEqual([]);
    const rows = r.emu.sheetValues('Customers');
    expect(rows[9][0]).toBe('');
    expect(r.summary!.customersRead).toBe(8);
    const notes = r.summary!.problems.filter((p) => p.row === 10);
    expect(notes.map((p) => [p.sheet, p.column, p.message])).toEqual([
      ['Customers', 'Name', 'Row(s) 10 are totals rows ("Total"), not customers: not read'],
    ]);
  });
});
