/**
 * Settings > Columns (docs/data.md, Column map), in English and Chinese: a
 * Customers sheet whose email column is headed "Work mail", which Retain
 * does not know. The section lists what Retain reads, offers the sheet's
 * headers for Email nearest first, saves the choice in document properties,
 * and the next run reads the column; a mapped column that is renamed is
 * reported, not guessed. axe finds nothing wrong in the section.
 */
import { source as AXE_SOURCE } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import type { ColumnsView } from '../../src/shared/api';
import {
  browserWorkbook,
  buildInto,
  launchBrowser,
  newEmulator,
  openSidebar,
  TEST_TIMEOUT,
  type Built,
} from './harness';

jest.setTimeout(TEST_TIMEOUT);

let browser: Browser;
let built: Built;

beforeAll(async () => {
  browser = await launchBrowser();
  built = await buildInto();
});

afterAll(async () => {
  if (browser) await browser.close();
});

/** The browser workbook with Email headed "Work mail", under a title row. */
function workbook(): Record<string, unknown[][]> {
  const sheets = browserWorkbook();
  const header = sheets.Customers[0].map((h) => (h === 'Email' ? 'Work mail' : h));
  sheets.Customers = [['Customer list 2026', ...header.slice(1).map(() => '')], header, ...sheets.Customers.slice(1)];
  return sheets;
}

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Element): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document.querySelector('.columns-section') as Element)).violations;
  });
  return (found as Array<{ id: string; nodes: Array<{ target: string[] }> }>).flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`),
  );
}

const LANGS = [
  {
    locale: 'en',
    heading: 'Columns',
    sheet: 'Customers (headers in row 2)',
    email: 'Email',
    near: 'Work mail (nearest)',
    none: 'Not in this sheet',
    found: 'Name: Name',
    saved: 'Columns saved. The next run reads them.',
    gone: /“Work mail” is no longer a column of this sheet/,
  },
  {
    locale: 'zh-CN',
    heading: '列',
    sheet: 'Customers（表头在第 2 行）',
    email: '邮箱',
    near: 'Work mail（最接近）',
    none: '本表中没有',
    found: '姓名：Name',
    saved: '列已保存，下次运行将按此读取。',
    gone: /“Work mail”已不在本表中/,
  },
];

describe.each(LANGS)('$locale', (L) => {
  test('choose the column for a field Retain did not find; the run reads it; a renamed one is reported', async () => {
    const emu = newEmulator(built, { locale: L.locale, sheets: workbook() });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.click('#tab-settings');
      const select = '#columns-customers-email';
      await page.waitForSelector(select);
      expect(await page.textContent('#columns-heading')).toBe(L.heading);
      expect(await page.textContent('#columns-customers-heading')).toBe(L.sheet);
      expect(await page.textContent(`label[for="columns-customers-email"]`)).toBe(L.email);
      expect(await page.locator('.columns-found li').allTextContents()).toContain(L.found);
      // Nearest first, after "not in this sheet".
      const options = await page.locator(`${select} option`).allTextContents();
      expect(options.slice(0, 2)).toEqual([L.none, L.near]);
      expect(await violations(page)).toEqual([]);

      await page.selectOption(select, 'Work mail');
      await page.click('.columns-form button[type=submit]');
      await page.waitForSelector('.columns-form .status-ok');
      expect(await page.textContent('.columns-form .status-ok')).toBe(L.saved);
      // Stored by the server, and read: Email is now found, from "Work mail".
      const view = emu.invoke('getColumns', {}) as ColumnsView;
      const customers = view.sheets.find((x) => x.sheet === 'customers')!;
      expect(customers.found).toContainEqual(expect.objectContaining({ field: 'email', header: 'Work mail' }));
      expect(customers.choices.find((c) => c.field === 'email')).toMatchObject({ mapped: 'Work mail', gone: false });
      expect(JSON.parse(String(emu.properties.document().columns))).toEqual({
        customers: { email: 'Work mail' },
      });
      expect(s.problems).toEqual([]);

      // The header is renamed: the section says so at the field, and nothing is guessed.
      const rows = emu.sheetValues('Customers');
      rows[1] = rows[1].map((h) => (h === 'Work mail' ? 'Mail 2' : h));
      emu.setSheet('Customers', rows);
      await page.reload();
      await page.click('#tab-settings');
      await page.waitForSelector(`${select}[aria-describedby]`);
      expect(await page.textContent('.columns-form .field-hint')).toMatch(L.gone);
      expect(await page.locator('.columns-form .alert').count()).toBe(1);
      expect(await violations(page)).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('a header of another sheet is refused at its field, and nothing is saved', async () => {
    const emu = newEmulator(built, { locale: L.locale, sheets: workbook() });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.click('#tab-settings');
      await page.waitForSelector('#columns-customers-email');
      // A value no option offers, as a tampered page would send it.
      await page.evaluate(() => {
        const sel = document.querySelector('#columns-customers-email') as HTMLSelectElement;
        sel.appendChild(new Option('Nope', 'Nope'));
        sel.value = 'Nope';
      });
      await page.click('.columns-form button[type=submit]');
      await page.waitForSelector('#columns-customers-email[aria-invalid=true]');
      expect(emu.properties.document().columns).toBeUndefined();
      expect(await violations(page)).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
