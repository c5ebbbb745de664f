/**
 * axe-core (the accessibility engine, every rule it runs by default) finds
 * no violation in the built sidebar, on each tab and in the states a user
 * meets there (the customer list open, Save off with its note, messages at
 * fields), in English and Chinese.
 */
import { source as AXE_SOURCE } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { buildInto, launchBrowser, newEmulator, openSidebar, TEST_TIMEOUT, type Built } from './harness';

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

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** The violations axe finds in the page as it is now, one line each (rule, impact, element, why). */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return (found as Violation[]).flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${v.help}. ${n.failureSummary || ''}`),
  );
}

describe.each(['en', 'zh-CN'])('%s', (locale) => {
  test('Log tab: as opened, with the customer list open, with Save off, with messages at fields', async () => {
    const emu = newEmulator(built, { locale });
    const s = await openSidebar(browser, built, emu, { activeSheet: 'Customers', activeRange: 'A2:A3' });
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      expect(await violations(page)).toEqual([]);

      await page.fill('input[role=combobox]', 'a');
      await page.waitForSelector('[role=listbox]:not([hidden]) [role=option]');
      expect(await violations(page)).toEqual([]);

      await page.keyboard.press('Escape'); // list closed, "a" typed and not picked: Save off with its note
      await page.focus('input[name=outcome]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.save-note:not([hidden])');
      expect(await violations(page)).toEqual([]);

      await page.keyboard.press('Shift+Tab'); // back to the customer field
      await page.fill('input[role=combobox]', 'Alice');
      await page.keyboard.press('Enter');
      await page.selectOption('select[name=type]', 'Complaint');
      await page.fill('input[name=date]', '2026-12-24');
      await page.click('.log-view button[type=submit]');
      await page.waitForSelector('input[name=date][aria-invalid=true]');
      expect(await violations(page)).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('Due tab: the list of what is due', async () => {
    const emu = newEmulator(built, { locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.click('#tab-due');
      await page.waitForSelector('.due-button');
      expect(await violations(page)).toEqual([]);
      // The check is live: a field without a label is found.
      await page.evaluate(() => document.querySelector('.due-view')?.appendChild(document.createElement('input')));
      expect((await violations(page)).join('\n')).toMatch(/^label \(critical\)/m);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('Settings tab: the trigger, tonight’s preview, the form, the columns, and the form with messages', async () => {
    const emu = newEmulator(built, { locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.click('#tab-settings');
      await page.waitForSelector('#setting-nightlyHour');
      await page.waitForSelector('.columns-form select');
      expect(await violations(page)).toEqual([]);

      await page.click('#preview-run');
      await page.waitForSelector('.preview');
      await page.fill('#setting-contactEveryDays-A', '0');
      await page.fill('#setting-nightlyHour', '30');
      await page.click('.settings-view form button[type=submit]');
      await page.waitForSelector('#setting-nightlyHour[aria-invalid=true]');
      expect(await violations(page)).toEqual([]);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
