/**
 * The dashboard on its sheet, pure parts: the fixed layout (core/dashboardLayout.ts),
 * the user's cells told from Retain's by the digest (core/dashboardOwnership.ts) and
 * the input built from a run's rows and the Retain log (core/dashboardInput.ts).
 */
import { dashboardFigures, type Dashboard } from '../../src/core/dashboard';
import { bookDashboard, runLogRows } from '../../src/core/dashboardInput';
import { DUE_KIND_ORDER } from '../../src/core/dashboardLabels';
import {
  BLOCK_COLS,
  BLOCK_ROWS,
  TABLE_PLACES,
  dashboardBlock,
  dashboardCharts,
  dashboardFromBlock,
  dashboardSheetName,
  dashboardStyle,
  rectA1,
} from '../../src/core/dashboardLayout';
import { cellHash, cellText, planBlockWrite, writableRects } from '../../src/core/dashboardOwnership';
import { addDays } from '../../src/core/dates';
import { DUE_KINDS } from '../../src/core/rules/dueItem';
import { contact, customer, plan, purchase, settings } from './fixtures';

const TODAY = '2026-11-18';
const ago = (n: number) => addDays(TODAY, -n);

/** A small book: three customers buying every 30 days (one stopped), contacts, two logged runs. */
function book(lang: 'en' | 'zh' = 'en'): Dashboard {
  const customers = [
    customer({ id: 'C1', name: 'Ann', row: 2 }),
    customer({ id: 'C2', name: '王小明', row: 3 }),
    customer({ id: 'C3', name: 'Bob', row: 4 }),
  ];
  const purchases = [
    ...[200, 170, 140].map((n, i) => purchase({ customerId: 'C1', date: ago(n), amount: 1000, row: 2 + i })),
    ...[60, 30, 5].map((n, i) => purchase({ customerId: 'C2', date: ago(n), amount: 500, row: 5 + i })),
    purchase({ customerId: 'C3', date: ago(3), amount: 80, row: 8 }),
  ];
  const contacts = [contact({ customerId: 'C1', date: ago(1), type: 'Call' })];
  const p = plan({ today: TODAY, customers, purchases, contacts });
  return bookDashboard({
    today: TODAY,
    lang,
    settings: settings(),
    plan: p,
    customers,
    purchases,
    contacts,
    runLog: [
      { date: ago(7), overdue: 3, draftsMade: 1, eventsMade: 0 },
      { date: TODAY, overdue: 2, draftsMade: 2, eventsMade: 1 },
    ],
  });
}

const empty = (lang: 'en' | 'zh' = 'en') =>
  dashboardFigures({ today: TODAY, lang, plan: { customers: [] }, customers: [], runLog: [], contactLog: [] });

const blank = () => Array.from({ length: BLOCK_ROWS }, () => new Array<unknown>(BLOCK_COLS).fill(''));
const noFormulas = () => Array.from({ length: BLOCK_ROWS }, () => new Array<string>(BLOCK_COLS).fill(''));
/** What getValues gives back after Retain wrote `values` (the apostrophe of text is not part of the value). */
const readBack = (values: unknown[][]) =>
  values.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));

describe('the layout', () => {
  test('every table of the figures fits its place, in both languages; every due kind has a row', () => {
    for (const d of [book('en'), book('zh'), empty()]) {
      for (const p of TABLE_PLACES) {
        const t = d.tables.find((x) => x.key === p.key);
        expect(t).toBeDefined();
        expect({ key: p.key, capacity: t!.capacity, width: t!.header.length }).toEqual({
          key: p.key,
          capacity: p.capacity,
          width: p.width,
        });
        expect(t!.rows.length).toBeLessThanOrEqual(p.capacity);
      }
    }
    for (const k of DUE_KINDS) expect(DUE_KIND_ORDER).toContain(k);
  });

  test('the block reads back as the same dashboard', () => {
    const d = book();
    const cells = dashboardBlock(d);
    expect(cells).toHaveLength(BLOCK_ROWS);
    expect(cells.every((r) => r.length === BLOCK_COLS)).toBe(true);
    expect(dashboardFromBlock(cells, empty())).toEqual(d);
    expect(dashboardFromBlock(dashboardBlock(book('zh')), empty('zh'))).toEqual(book('zh'));
  });

  test('six charts on fixed ranges of the tables, below the figures and above the tables, none on another', () => {
    const d = book();
    const charts = dashboardCharts('en', d);
    expect(charts.map((c) => c.type)).toEqual(['PIE', 'PIE', 'COLUMN', 'BAR', 'COLUMN', 'LINE']);
    expect(new Set(charts.map((c) => c.key)).size).toBe(6);
    const firstTableRow = Math.min(...TABLE_PLACES.map((p) => p.titleRow));
    for (const c of charts) {
      // Sheets' default row is 21 px high: the chart's rows.
      const top = c.row;
      const bottom = c.row + Math.ceil((c.offsetY + c.height) / 21);
      expect(top).toBeGreaterThan(5);
      expect(bottom).toBeLessThan(firstTableRow);
      for (const r of c.ranges) {
        const p = TABLE_PLACES.find((x) => x.headerRow === r.row);
        expect(p).toBeDefined();
        expect(r.rows).toBe(p!.capacity + 1);
      }
    }
    const boxes = charts.map((c) => ({ x: c.offsetX, y: (c.row - 7) * 21, w: c.width, h: c.height }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart).toBe(true);
      }
    expect(charts[0].key).toBe(rectA1(charts[0].ranges[0]));
    expect(dashboardCharts('zh', book('zh'))[0].title).toBe('各等级客户数');
  });

  test('the money cells Set up formats are the revenue figures and columns', () => {
    const d = book();
    const cells = dashboardBlock(d);
    const style = dashboardStyle();
    const at = (a1: string) => {
      const m = /^([A-J])(\d+)/.exec(a1) as RegExpExecArray;
      return cells[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
    };
    expect(at(style.money[0])).toBe(d.figures.find((f) => f.key === 'revenue')!.value);
    expect(at(style.money[1])).toBe(d.figures.find((f) => f.key === 'atStake')!.value);
    expect(at(style.title)).toBe('Retain dashboard');
  });

  test('the sheet is found by either name, as the other sheets are', () => {
    expect(dashboardSheetName(['Customers', 'Retain dashboard'])).toBe('Retain dashboard');
    expect(dashboardSheetName(['客户', '总览'])).toBe('总览');
    expect(dashboardSheetName(['retain  Dashboard'])).toBe('retain  Dashboard');
    expect(dashboardSheetName(['Dashboard'])).toBeNull();
  });
});

describe("the user's cells", () => {
  test("a new sheet is all Retain's: one write of the whole block", () => {
    const next = dashboardBlock(book());
    const w = planBlockWrite(blank(), noFormulas(), null, next);
    expect(w.userCells).toEqual([]);
    expect(w.rects).toEqual([{ row: 1, col: 1, rows: BLOCK_ROWS, cols: BLOCK_COLS }]);
    // Text is written with an apostrophe, so "Nov 3" or "11月3日" stays text.
    expect(w.values[0][0]).toBe("'Retain dashboard");
    expect(w.values[4][0]).toBe(next[4][0]);
    expect(w.digest.length).toBeLessThan(9 * 1024 - 50);
  });

  test("what Retain wrote is Retain's the next night; a typed value, a formula, a cell under the charts are the user's", () => {
    const first = planBlockWrite(blank(), noFormulas(), null, dashboardBlock(book()));
    const sheet = readBack(first.values);
    sheet[4][1] = 'my own revenue'; // B5: over a figure
    sheet[9][2] = 42; // C10: a blank cell under the charts
    const formulas = noFormulas();
    formulas[41][1] = '=1+1'; // B42: a formula whose value happens to be a number
    sheet[41][1] = 2;
    const second = planBlockWrite(sheet, formulas, first.digest, dashboardBlock(book()));
    expect(second.userCells).toEqual(['B5', 'C10', 'B42']);
    // The writes cover every other cell and none of those.
    const covered = new Set<string>();
    for (const r of second.rects)
      for (let i = 0; i < r.rows; i++)
        for (let j = 0; j < r.cols; j++) {
          const k = `${r.row + i},${r.col + j}`;
          expect(covered.has(k)).toBe(false);
          covered.add(k);
        }
    expect(covered.size).toBe(BLOCK_ROWS * BLOCK_COLS - 3);
    for (const k of ['5,2', '10,3', '42,2']) expect(covered.has(k)).toBe(false);
    // They stay the user's while they hold anything; a cleared one is Retain's again.
    sheet[9][2] = '';
    const third = planBlockWrite(sheet, formulas, second.digest, dashboardBlock(book()));
    expect(third.userCells).toEqual(['B5', 'B42']);
  });

  test("a write that failed after its digest was saved: the cells it left are still Retain's", () => {
    const first = planBlockWrite(blank(), noFormulas(), null, dashboardBlock(empty()));
    const sheet = readBack(first.values);
    // Tonight's figures differ; the digest is saved, the sheet write fails.
    const second = planBlockWrite(sheet, noFormulas(), first.digest, dashboardBlock(book()));
    expect(second.userCells).toEqual([]);
    const third = planBlockWrite(sheet, noFormulas(), second.digest, dashboardBlock(book()));
    expect(third.userCells).toEqual([]);
    // ... and once written, both old and new values are known.
    const fourth = planBlockWrite(readBack(third.values), noFormulas(), second.digest, dashboardBlock(book()));
    expect(fourth.userCells).toEqual([]);
  });

  test("without a digest (or one for another shape), every filled cell is the user's: nothing is overwritten", () => {
    const first = planBlockWrite(blank(), noFormulas(), null, dashboardBlock(book()));
    const sheet = readBack(first.values);
    const filled = sheet.flat().filter((v) => v !== '').length;
    expect(planBlockWrite(sheet, noFormulas(), null, dashboardBlock(book())).userCells).toHaveLength(filled);
    expect(planBlockWrite(sheet, noFormulas(), 'v1|3x3|', dashboardBlock(book())).userCells).toHaveLength(filled);
    expect(planBlockWrite(sheet, noFormulas(), 'garbage', dashboardBlock(book())).userCells).toHaveLength(filled);
  });

  test("the digest fits a document property even on a night every cell changes; either value is then Retain's", () => {
    // Every table full (twenty slipping away, every day with a run): the most cells Retain ever writes.
    const full = dashboardBlock(book());
    for (const p of TABLE_PLACES)
      for (let r = p.titleRow; r < p.firstRow + p.capacity; r++)
        for (let c = 1; c <= p.width; c++) if (full[r - 1][c - 1] === '') full[r - 1][c - 1] = 100000 + r * 10 + c;
    const first = planBlockWrite(blank(), noFormulas(), null, full);
    const changed = full.map((r) => r.map((v) => (typeof v === 'number' ? v + 1 : v === '' ? '' : `${v}!`)));
    const second = planBlockWrite(readBack(first.values), noFormulas(), first.digest, changed);
    expect(second.userCells).toEqual([]);
    expect(second.digest.length).toBeLessThan(8 * 1024);
    expect(planBlockWrite(readBack(first.values), noFormulas(), second.digest, changed).userCells).toEqual([]);
    expect(planBlockWrite(readBack(second.values), noFormulas(), second.digest, changed).userCells).toEqual([]);
  });

  test('values compare by type: the number 5 is not the text "5", a date by its instant', () => {
    expect(cellText(5)).not.toBe(cellText('5'));
    expect(cellText('')).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(0))).toBe('d0');
    expect(cellHash('s5')).not.toBe(cellHash('n5'));
  });

  test('rectangles around user cells: bands of rows with the same free columns', () => {
    const user = [
      [false, false, false],
      [false, true, false],
      [false, false, false],
      [false, false, false],
    ];
    expect(writableRects(user)).toEqual([
      { row: 1, col: 1, rows: 1, cols: 3 },
      { row: 2, col: 1, rows: 1, cols: 1 },
      { row: 2, col: 3, rows: 1, cols: 1 },
      { row: 3, col: 1, rows: 2, cols: 3 },
    ]);
  });
});

describe('the input', () => {
  test("the Retain log's rows: dates in the sheet's zone, old rows without Overdue unknown, previews skipped", () => {
    const toCalDate = (d: Date) => d.toISOString().slice(0, 10);
    const old = [
      ['Started', 'Finished', 'Mode', 'Drafts made', 'Events made'],
      [new Date('2026-11-01T06:30:00Z'), '', 'nightly', 2, 1],
    ];
    expect(runLogRows(old, toCalDate)).toEqual([{ date: '2026-11-01', overdue: null, draftsMade: 2, eventsMade: 1 }]);
    const now = [
      ['Started', 'Mode', 'Drafts made', 'Events made', 'Overdue'],
      ['2026-11-02 06:30', 'nightly', 0, 0, ''],
      ['2026-11-03 06:30', 'nightly', '', 'x', 7],
      ['2026-11-03 07:00', 'preview', 5, 5, 9],
      ['not a date', 'nightly', 1, 1, 1],
    ];
    expect(runLogRows(now, toCalDate)).toEqual([
      { date: '2026-11-02', overdue: null, draftsMade: 0, eventsMade: 0 },
      { date: '2026-11-03', overdue: 7, draftsMade: 0, eventsMade: 0 },
    ]);
    expect(runLogRows([['运行记录']], toCalDate)).toEqual([]);
  });

  test("revenue as the tiers count it, the slipping customer, the week's drafts and visits", () => {
    const d = book();
    const fig = Object.fromEntries(d.figures.map((f) => [f.key, f.value]));
    // C1 bought 3000 within the year; C2 1500; C3 80.
    expect(fig.revenue).toBe(4580);
    expect(fig.slipping).toBe(1);
    expect(d.tables.find((t) => t.key === 'slipping')!.rows[0].slice(0, 2)).toEqual(['C1', 'Ann']);
    // The run of Nov 11 was last week; today's counts (the week starts on Monday).
    expect(fig.drafts).toBe(2);
    expect(fig.visits).toBe(1);
    const trend = d.tables.find((t) => t.key === 'overdueTrend')!.rows;
    expect(trend[55]).toEqual(['Nov 18', 2]);
    expect(trend[48]).toEqual(['Nov 11', 3]);
  });
});
