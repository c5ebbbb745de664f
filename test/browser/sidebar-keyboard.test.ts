/**
 * Every tab works from the keyboard alone, in English and Chinese: the tab
 * list is one stop and the arrow keys move between tabs; Tab goes through
 * each form in screen order; Enter opens a Due item, saves a log and saves
 * the settings; after a save or an error focus lands where the user goes
 * next (the customer field, the Save button, the first bad field).
 */
import type { Browser, Page } from 'playwright-core';
import { buildInto, launchBrowser, newEmulator, openSidebar, records, TEST_TIMEOUT, type Built } from './harness';

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

/** The focused element by `name` (the Log form's fields) or `id` (Settings, tabs, buttons), else its role or tag. */
function focused(page: Page, by: 'name' | 'id' = 'id'): Promise<string> {
  return page.evaluate((key) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const first = key === 'name' ? el.getAttribute('name') : el.id;
    return first || el.id || el.getAttribute('role') || el.tagName.toLowerCase();
  }, by);
}

/** Presses Tab until `last` has focus, collapsing repeats (a date or time input takes several stops). */
async function tabUntil(page: Page, last: string, by: 'name' | 'id' = 'id', max = 80): Promise<string[]> {
  const order: string[] = [];
  for (let i = 0; i < max && order[order.length - 1] !== last; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page, by);
    if (now !== order[order.length - 1]) order.push(now);
  }
  return order;
}

describe.each(['en', 'zh-CN'])('%s', (locale) => {
  test('Due: arrow to the tab, Tab to an item, Enter opens it in the Log tab; Enter saves; focus follows', async () => {
    const emu = newEmulator(built, { locale });
    const s = await openSidebar(browser, built, emu, { activeSheet: 'Customers', activeRange: 'A4' });
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('tab-log');
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toBe('tab-due');
      await page.waitForSelector('.due-button');
      await page.keyboard.press('Tab'); // Refresh
      await page.keyboard.press('Tab'); // the first item
      const first = await page.evaluate(() => ({
        id: document.activeElement?.getAttribute('data-customer-id'),
        kind: document.activeElement?.closest('.due-group')?.getAttribute('data-kind'),
      }));
      expect(first.id).toBeTruthy();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#tab-log[aria-selected=true]');
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
      const customer = records(emu, 'Customers').find((r) => r['Customer ID'] === first.id) as Record<string, unknown>;
      expect(await page.inputValue('input[role=combobox]')).toContain(String(customer['Name']));
      expect(await page.inputValue('select[name=type]')).toBe(first.kind === 'visit' ? 'Visit' : 'Call');

      // On to the outcome, type, Enter: saved for that customer, and focus is back in the customer field.
      const order = await tabUntil(page, 'outcome', 'name');
      expect(order).toEqual(['date', 'type', 'outcome']);
      await page.keyboard.type('Talked it through');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.log-view > .status-ok');
      const log = records(emu, 'Contact log');
      expect(log[log.length - 1]['Customer ID']).toBe(first.id);
      expect(log[log.length - 1]['Outcome']).toBe('Talked it through');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('Settings: the trigger buttons, then every control in screen order; Enter saves; an error takes focus', async () => {
    const emu = newEmulator(built, { locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      await page.keyboard.press('Tab');
      await page.keyboard.press('End');
      expect(await focused(page)).toBe('tab-settings');
      await page.waitForSelector('#setting-nightlyHour');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('trigger-schedule');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#trigger-state.is-on');
      expect(await focused(page)).toBe('trigger-stop'); // the button that was rebuilt keeps the keyboard here

      // Every control of the form, in the order it is on screen, ends with Save.
      const expected = await page.$$eval('.settings-view form :is(input, select, button)', (els) =>
        els.filter((e) => !(e as HTMLInputElement).disabled).map((e) => e.id || e.getAttribute('name') || 'button'),
      );
      const order = await tabUntil(page, 'button');
      expect(order[0]).toBe('preview-run');
      expect(order.slice(1)).toEqual(expected);
      expect(order).toEqual(expect.arrayContaining(['setting-workingDays-0', 'setting-visitEveryDays-C-none']));

      // Back to the hour, a bad value, Enter: the message is at the field and focus is on it.
      for (let i = 0; i < 40 && (await focused(page)) !== 'setting-nightlyHour'; i++)
        await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('25');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#setting-nightlyHour[aria-invalid=true]');
      expect(await focused(page)).toBe('setting-nightlyHour');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.settings-actions .status-ok');
      expect(
        await page.evaluate(() => document.activeElement?.matches('.settings-view form button[type=submit]')),
      ).toBe(true);
      const view = emu.invoke('getSettings', {}) as { fields: Array<{ key: string; value: unknown }> };
      expect(view.fields.find((f) => f.key === 'nightlyHour')?.value).toBe(5);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('Log: Space ticks "all selected", Enter saves for all; Escape on a closed list leaves the field alone', async () => {
    const emu = newEmulator(built, { locale });
    const s = await openSidebar(browser, built, emu, { activeSheet: 'Customers', activeRange: 'A2:A3' });
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      await page.focus('input[role=combobox]');
      await page.keyboard.press('Escape');
      expect(await page.inputValue('input[role=combobox]')).toContain('Alice Wong');
      await page.keyboard.press('Tab');
      expect(await focused(page, 'name')).toBe('allSelected');
      await page.keyboard.press('Space');
      expect(await page.isDisabled('input[role=combobox]')).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.log-view > .status-ok');
      expect(
        records(emu, 'Contact log')
          .slice(1)
          .map((r) => r['Customer ID']),
      ).toEqual(['C0001', 'C0002']);
      expect(await focused(page, 'name')).toBe('allSelected');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
