/**
 * demo-out/dashboard.html in headless Chromium: the demo (freshly built
 * bundle, the sample workbook) writes it; the page opens from the file with
 * the network off, draws every chart without a console error, and shows
 * exactly what the bundle wrote on the `Retain dashboard` sheet, which are
 * the core's figures for the workbook (src/core/dashboardInput.ts).
 * Screenshots go to test-out/ (the README's docs/images/dashboard.png is one
 * of them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { Dashboard } from '../../src/core/dashboard';
import { demoDashboard } from '../../tools/dashboard/figures';
import { renderDashboard } from '../../tools/dashboard/render';
import { readBack } from '../../tools/dashboard/workbook';
import { runDemo, type DemoResult } from '../../tools/demo';
import { Emulator } from '../../tools/emulator';
import { SAMPLES_DIR } from '../../tools/sample/generate';
import { readWorkbookDir } from '../../tools/sample/load';
import { buildInto, launchBrowser, OUT_DIR, TEST_TIMEOUT, TODAY, TZ } from './harness';

jest.setTimeout(TEST_TIMEOUT);

let browser: Browser;
let demo: DemoResult;

beforeAll(async () => {
  browser = await launchBrowser();
  const built = await buildInto();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'retain-dashboard-'));
  demo = await runDemo({ bundle: built.codeFile, out, print: () => undefined });
});

afterAll(async () => {
  if (browser) await browser.close();
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Opens a file with the network cut: any request that is not the file itself is recorded and refused. */
async function open(file: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') && url.endsWith(path.basename(file))) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(
    () => (window as unknown as { __dashboard?: { ready: boolean } }).__dashboard?.ready,
    null,
    {
      timeout: 15_000,
    },
  );
  return { page, errors, requests };
}

/** What the page shows in its tables and figure cards, as raw values. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const value = (td: Element) => {
      const v = td.getAttribute('data-value') ?? '';
      return td.getAttribute('data-type') === 'number' ? Number(v) : v;
    };
    const tables: Record<string, Array<Array<string | number>>> = {};
    document.querySelectorAll('table.data').forEach((t) => {
      tables[t.getAttribute('data-key') as string] = Array.from(t.querySelectorAll('tbody tr')).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map(value),
      );
    });
    const figures: Record<string, number> = {};
    document.querySelectorAll('.figure').forEach((f) => {
      figures[f.getAttribute('data-key') as string] = Number(f.getAttribute('data-value'));
    });
    return { tables, figures, title: document.querySelector('h1')?.textContent };
  });
}

/** Charts drawn: a Chart.js instance on each canvas, and ink on it. */
async function charts(page: Page) {
  return page.evaluate(() => {
    const C = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart;
    return Array.from(document.querySelectorAll('canvas')).map((c) => {
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
      return { id: c.id, chart: C.getChart(c) !== undefined, ink, width: c.width, height: c.height };
    });
  });
}

function expected(d: Dashboard) {
  const tables: Record<string, Array<Array<string | number>>> = {};
  for (const t of d.tables)
    tables[t.key] = t.key === 'slipping' ? t.rows.filter((r) => r.some((c) => c !== '' && c !== 0)) : t.rows;
  return { tables, figures: Object.fromEntries(d.figures.map((f) => [f.key, f.value])), title: d.title };
}

test('the demo writes a self-contained dashboard.html that opens offline and draws every chart', async () => {
  const file = demo.dashboard.file;
  expect(fs.existsSync(file)).toBe(true);
  const html = fs.readFileSync(file, 'utf8');
  // Nothing to fetch: no external script, style sheet, image or font (Chart.js's licence banner names its site, as text).
  expect(html).not.toMatch(/<(script|img|iframe)[^>]+src=|<link[^>]+href=|url\(|@import/);
  expect(html).toContain('Chart.js v4.6.1');
  const { page, errors, requests } = await open(file);
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  const drawn = await charts(page);
  expect(drawn.length).toBe(8);
  for (const c of drawn) {
    expect(c).toMatchObject({ chart: true });
    expect(c.ink).toBeGreaterThan(500);
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUT_DIR, 'dashboard.png'), fullPage: true });
  await page.context().close();
});

test("the page shows the sheet the bundle wrote, which holds the core's figures and agrees with what the run did", async () => {
  const d = demo.dashboard.dashboard;
  expect(demo.dashboard.fromSheet).toBe(true);
  // The sheet, read back cell by cell, is the core's dashboard of the workbook as the run left it.
  expect(d).toEqual(demo.dashboard.computed);
  const { page } = await open(demo.dashboard.file);
  expect(await shown(page)).toEqual(expected(d));
  await page.context().close();

  const fig = Object.fromEntries(d.figures.map((f) => [f.key, f.value]));
  // This week's drafts and visits are the run's own (the demo runs on Monday: one run this week).
  expect(fig.drafts).toBe(demo.drafts);
  expect(fig.visits).toBe(demo.visits);
  // Every customer row is in the tier table once.
  const customersCsv = fs.readFileSync(path.join(path.dirname(demo.dashboard.file), 'Customers.csv'), 'utf8');
  expect(fig.customers).toBe(customersCsv.trim().split('\n').length - 1);
  // The backtest in the page is the demo's: the flag beats the naive rule on the sample.
  const bt = demo.dashboard.backtest;
  expect(bt).not.toBeNull();
  expect(bt!.rhythm.lift as number).toBeGreaterThan(bt!.naive.lift as number);
});

test('a Chinese dashboard: labels in Chinese, names as typed, markup shown as text', async () => {
  // The sample sheets, read as the core reads them (no run needed for the figures), one name made hostile.
  const emu = new Emulator({ timeZone: TZ, locale: 'zh-CN', now: `${TODAY}T06:30:00+08:00` });
  const sheets = readWorkbookDir(SAMPLES_DIR);
  const nameCol = sheets.Customers[0].indexOf('Name');
  sheets.Customers[1][nameCol] = '<img src=x onerror=alert(1)>';
  for (const [name, rows] of Object.entries(sheets)) emu.setSheet(name, rows as unknown[][], { parse: true });
  const d = demoDashboard(readBack(emu, TZ, 'zh'), TODAY, 'zh');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'retain-dashboard-zh-')), 'dashboard.html');
  fs.writeFileSync(file, renderDashboard(d.dashboard, { backtest: d.backtest }));
  const { page, errors } = await open(file);
  expect(errors).toEqual([]);
  const s = await shown(page);
  expect(s.title).toBe('总览');
  expect(s).toEqual(expected(d.dashboard));
  expect(await page.locator('img').count()).toBe(0);
  const text = await page.locator('body').innerText();
  for (const label of ['各等级客户数与销售额', '每周联系次数（近12周）', '回测：流失提醒准不准？'])
    expect(text).toContain(label);
  await page.screenshot({ path: path.join(OUT_DIR, 'dashboard-zh.png'), fullPage: true });
  await page.context().close();
});
