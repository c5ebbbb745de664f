/**
 * What every browser test needs: the built bundle and sidebar (fresh, in a
 * temporary folder, so a stale dist/ can never be what is tested), the
 * emulator with a small known workbook, the preview server in-process, and
 * headless Chromium with a fresh profile.
 *
 * "Today" is Monday 2026-11-16 in Asia/Shanghai.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Emulator } from '../../tools/emulator';
import {
  startPreviewServer,
  type PreviewOptions,
  type PreviewServer,
  type Selection,
} from '../../tools/preview/server';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const TODAY = '2026-11-16';
export const TZ = 'Asia/Shanghai';
export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const OUT_DIR = path.join(ROOT, 'test-out');

/** Browser tests take a browser start, a build and real round trips: generous, but bounded. */
export const TEST_TIMEOUT = 120_000;

export interface Built {
  dir: string;
  codeFile: string;
  htmlFile: string;
}

/** Builds dist-like output (Code.js by webpack, sidebar.html by esbuild) into a fresh temporary folder. */
export async function buildInto(): Promise<Built> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retain-browser-'));

  const webpack = require('webpack') as (
    c: unknown,
    cb: (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => void,
  ) => void;
  const config = require(path.join(ROOT, 'tools/build/webpack.config.js')) as { output: Record<string, unknown> };
  const { buildSidebar } = require(path.join(ROOT, 'tools/build/sidebar-build.js')) as {
    buildSidebar(out: string): Promise<void>;
  };

  await new Promise<void>((resolve, reject) => {
    webpack({ ...config, output: { ...config.output, path: dir } }, (err, stats) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
  await buildSidebar(path.join(dir, 'sidebar.html'));
  return { dir, codeFile: path.join(dir, 'Code.js'), htmlFile: path.join(dir, 'sidebar.html') };
}

export const CUSTOMERS_HEADER = [
  'Customer ID',
  'Name',
  'Company',
  'Email',
  'Phone',
  'Address',
  'Language',
  'Revenue',
  'Last purchase',
  'Customer since',
  'Last contact',
  'Status',
  'Tier',
  'Next follow-up',
  'Follow-up',
  'Days to due',
  'Thank-you draft',
  'Next visit',
  'Retain notes',
];
export const CONTACT_LOG_HEADER = [
  'Logged at',
  'Customer ID',
  'Customer',
  'Date',
  'Type',
  'By',
  'Outcome',
  'Notes',
  'Next step',
  'Next step date',
  'Complaint size',
  'Resolved on',
];

/**
 * The browser tests' workbook, typed as a user types (dates as text). Row 2
 * is the customer preselected by default; row 5 is the one whose name is markup.
 */
export function browserWorkbook(): Record<string, unknown[][]> {
  const blank = ['', '', '', '', '', '', ''];
  return {
    Customers: [
      CUSTOMERS_HEADER,
      [
        'C0001',
        'Alice Wong',
        'Harbour Foods',
        'alice@harbour.example',
        '555-0101',
        '1 Quay St',
        'en',
        '52000',
        '2026-09-20',
        '2021-03-01',
        '2026-10-01',
        'Active',
        ...blank,
      ], // overdue keep-in-touch
      [
        'C0002',
        '王芳',
        '晨光贸易',
        'wangfang@chenguang.example',
        '138 0000 0002',
        '上海市浦东新区',
        'zh',
        '18000',
        '2026-09-02',
        '2022-05-10',
        '2026-08-15',
        '',
        ...blank,
      ],
      [
        'C0003',
        'Bob Smith',
        'Smith & Sons',
        'bob@smith.example',
        '555-0103',
        '7 Mill Rd',
        'en',
        '4200',
        '2026-06-11',
        '2023-01-20',
        '',
        'Active',
        ...blank,
      ],
      [
        'C0004',
        XSS_NAME,
        '<b>Bold</b> & Co',
        'x@evil.example',
        '',
        '',
        'en',
        '900',
        '2026-02-01',
        '2024-02-01',
        '2026-03-01',
        'Active',
        ...blank,
      ],
      [
        'C0005',
        'Carla Diaz',
        'Diaz Design',
        'carla@diaz.example',
        '',
        '',
        'en',
        '700',
        '2026-02-01',
        '2024-02-01',
        '2026-03-01',
        'Prospect',
        ...blank,
      ],
    ],
    'Contact log': [
      CONTACT_LOG_HEADER,
      [
        '2026-10-01 10:00',
        'C0001',
        'Alice Wong',
        '2026-10-01',
        'Call',
        'rep@example.com',
        'Happy with the order',
        '',
        'Send catalogue',
        '2026-10-15',
        '',
        '',
      ],
    ],
  };
}

export function newEmulator(
  built: Built,
  opts: { locale?: string; sheets?: Record<string, unknown[][]> } = {},
): Emulator {
  const emu = new Emulator({
    timeZone: TZ,
    locale: opts.locale || 'en',
    now: '2026-11-16T10:00:00+08:00',
    userEmail: 'rep@example.com',
    htmlDir: built.dir,
  });
  for (const [name, rows] of Object.entries(opts.sheets || browserWorkbook())) emu.setSheet(name, rows);
  emu.load(fs.readFileSync(built.codeFile, 'utf8'), 'Code.js');
  return emu;
}

/** Fails (never skips) when the browser is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need it. Run: apt-get install -y chromium`,
    );
  }
  // A fresh temporary profile per launch (playwright's default without a user data dir).
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export interface Opened {
  server: PreviewServer;
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and dialogs seen so far: a clean sidebar has none. */
  problems: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** Starts the preview server on a free port for `emu` and opens the sidebar in a 300 px wide page. */
export async function openSidebar(
  browser: Browser,
  built: Built,
  emu: Emulator,
  selection: Selection = { activeSheet: 'Customers', activeRange: 'A2' },
  delayMs?: PreviewOptions['delayMs'],
): Promise<Opened> {
  const server = await startPreviewServer({ port: 0, emulator: emu, htmlFile: built.htmlFile, selection, delayMs });
  const context = await browser.newContext({
    viewport: { width: 300, height: 800 },
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(server.url);
  await page.waitForSelector('[role=tablist]');
  return {
    server,
    context,
    page,
    problems,
    dialogs,
    async close() {
      await context.close();
      await server.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `sidebar-${name}.png`);
  // From the top, so the sticky tab bar is where a user sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Rows of a sheet as objects keyed by header. */
export function records(emu: Emulator, sheet: string): Array<Record<string, unknown>> {
  const [header, ...rows] = emu.sheetValues(sheet) as unknown[][];
  return rows.map((r) => Object.fromEntries((header as unknown[]).map((h, i) => [String(h), r[i]])));
}

/** A cell as 'YYYY-MM-DD' in the sheet's time zone (date cells are instants), or its text. */
export function ymd(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(v as Date);
    return parts;
  }
  return v === null || v === undefined ? '' : String(v);
}
