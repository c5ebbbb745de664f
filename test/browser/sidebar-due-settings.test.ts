/**
 * The Due and Settings tabs in headless Chromium against the built bundle in
 * the emulator: picking a due customer selects the row and opens the Log tab
 * with them; a bad setting shows its message next to the field and is not
 * saved; the nightly trigger and tonight's preview work from the sidebar.
 */
import type { Browser } from 'playwright-core';
import { buildInto, launchBrowser, newEmulator, openSidebar, screenshot, TEST_TIMEOUT, type Built } from './harness';

jest.setTimeout(TEST_TIMEOUT);

let browser: Browser;
let built: Built;

beforeAll(async () => {
  browser = await launchBrowser(); // first: a missing browser fails with how to install it
  built = await buildInto();
});

afterAll(async () => {
  if (browser) await browser.close();
});

test('tabs follow the ARIA pattern: arrow keys, Home and End move and select', async () => {
  const emu = newEmulator(built);
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    const selected = (): Promise<string | null> => page.getAttribute('[role=tab][aria-selected=true]', 'id');
    await page.focus('#tab-log');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('tab-due');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-due');
    expect(await page.isVisible('#panel-due')).toBe(true);
    expect(await page.isHidden('#panel-log')).toBe(true);
    await page.keyboard.press('End');
    expect(await selected()).toBe('tab-settings');
    await page.keyboard.press('ArrowRight'); // wraps
    expect(await selected()).toBe('tab-log');
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('tab-settings');
    await page.keyboard.press('Home');
    expect(await selected()).toBe('tab-log');
    for (const id of ['tab-log', 'tab-due', 'tab-settings']) {
      expect(await page.getAttribute(`#${id}`, 'aria-controls')).toBe(id.replace('tab-', 'panel-'));
    }
    expect(await page.getAttribute('#panel-log', 'aria-labelledby')).toBe('tab-log');
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});

test('Due tab: choosing a customer selects their row and opens the Log tab with them', async () => {
  const emu = newEmulator(built);
  // Start on a row that is not the one we will pick.
  const s = await openSidebar(browser, built, emu, { activeSheet: 'Customers', activeRange: 'A4' });
  try {
    const { page } = s;
    await page.click('#tab-due');
    await page.waitForSelector('.due-button');
    // Groups carry a label and a count; overdue items say so in words.
    const groups = await page.$$eval('.due-group', (els) =>
      els.map((e) => ({
        title: e.querySelector('.group-title span')?.textContent,
        count: Number(e.querySelector('.count')?.textContent),
        items: e.querySelectorAll('.due-button').length,
      })),
    );
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g.title).toBeTruthy();
      expect(g.count).toBe(g.items);
    }
    const alice = page.locator('.due-button[data-customer-id="C0001"]').first();
    await alice.waitFor();
    expect(await alice.textContent()).toMatch(/Overdue by \d+ days?|Due today/);
    await screenshot(page, 'due');

    await alice.click();
    await page.waitForSelector('#tab-log[aria-selected=true]');
    expect(await page.inputValue('input[role=combobox]')).toContain('Alice Wong');
    await page.waitForFunction(() => document.querySelector('.card .card-name')?.textContent === 'Alice Wong');
    expect(s.server.calls.map((c) => c.name)).toContain('selectCustomerRow');
    expect(s.server.calls.find((c) => c.name === 'selectCustomerRow')?.ok).toBe(true);
    // The row is selected in the sheet: reopening the sidebar now would preselect Alice.
    const reopened = emu.invoke('getSidebarData', {}) as { selected: Array<{ id: string }> };
    expect(reopened.selected.map((c) => c.id)).toEqual(['C0001']);
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});

test('a bad setting shows its message next to the field and is not saved; a good one is', async () => {
  const emu = newEmulator(built);
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    await page.click('#tab-settings');
    const hour = page.locator('#setting-nightlyHour');
    await hour.waitFor();
    const original = await hour.inputValue();
    expect(original).toBe('6');

    await hour.fill('25');
    await page.click('.settings-view form button[type=submit]');
    await page.waitForSelector('#setting-nightlyHour[aria-invalid=true]');
    const err = await page.textContent('#setting-nightlyHour-err');
    expect(err).toMatch(/nightlyHour|hour/i);
    expect(err).toMatch(/23/);
    expect((await hour.getAttribute('aria-describedby')) || '').toContain('setting-nightlyHour-err');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('setting-nightlyHour');
    expect(await page.textContent('.settings-actions .status')).toMatch(/Nothing was saved/);
    await screenshot(page, 'settings-error');

    // Nothing was saved: a fresh read still has the old value.
    const view = emu.invoke('getSettings', {}) as { fields: Array<{ key: string; value: unknown }> };
    expect(view.fields.find((f) => f.key === 'nightlyHour')?.value).toBe(6);

    // A list typed with a stray bracket gets the setting's own message, naming it by its label (no JSON is asked for).
    const cutoffs = page.locator('#setting-tierCutoffs');
    const cutoffsText = await cutoffs.inputValue();
    await cutoffs.fill('[0.8, ');
    await page.click('.settings-view form button[type=submit]');
    await page.waitForSelector('#setting-tierCutoffs[aria-invalid=true]');
    expect(await page.textContent('#setting-tierCutoffs-err')).toMatch(/^Tier cut-offs must be .*0\.8, 0\.95/);
    await cutoffs.fill(cutoffsText);

    await hour.fill('7');
    const saves = s.server.calls.filter((c) => c.name === 'saveSettings').length;
    await page.click('.settings-view form button[type=submit]');
    await page.waitForSelector('.settings-actions .status-ok');
    expect(s.server.calls.filter((c) => c.name === 'saveSettings').length).toBe(saves + 1);
    const saved = emu.invoke('getSettings', {}) as { fields: Array<{ key: string; value: unknown }> };
    expect(saved.fields.find((f) => f.key === 'nightlyHour')?.value).toBe(7);
    expect(await page.getAttribute('#setting-nightlyHour', 'aria-invalid')).toBeNull();
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});

test('the nightly trigger can be scheduled and stopped, and tonight can be previewed', async () => {
  const emu = newEmulator(built);
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    await page.click('#tab-settings');
    await page.waitForSelector('#trigger-state');
    expect(await page.textContent('#trigger-state')).toMatch(/not scheduled/i);
    expect(await page.isDisabled('#trigger-stop')).toBe(true);

    await page.click('#trigger-schedule');
    await page.waitForSelector('#trigger-state:has-text("06:00")');
    expect(await page.isEnabled('#trigger-stop')).toBe(true);

    const sheetsBefore = JSON.stringify([emu.sheetValues('Customers'), emu.sheetValues('Contact log')]);
    await page.click('#preview-run');
    await page.waitForSelector('.preview');
    const text = (await page.textContent('.preview')) || '';
    expect(text).toContain('Mon 16 Nov 2026');
    expect(text).toMatch(/Thank-you drafts \(\d+\)/);
    expect(text).toMatch(/Visits \(\d+\)/);
    await screenshot(page, 'settings');

    await page.click('#trigger-stop');
    await page.waitForFunction(() =>
      /not scheduled/i.test(document.getElementById('trigger-state')?.textContent || ''),
    );
    // A preview writes nothing to the customers or the log.
    expect(JSON.stringify([emu.sheetValues('Customers'), emu.sheetValues('Contact log')])).toBe(sheetsBefore);
    expect(s.server.calls.filter((c) => !c.ok)).toEqual([]);
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});
