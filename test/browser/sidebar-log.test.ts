/**
 * The Log tab in headless Chromium against the built bundle in the emulator:
 * logging a visit writes the Contact log row and moves Last contact and Next
 * follow-up at once; server messages land next to their fields; the whole
 * form works from the keyboard.
 */
import type { Browser } from 'playwright-core';
import {
  buildInto,
  launchBrowser,
  newEmulator,
  openSidebar,
  records,
  screenshot,
  TEST_TIMEOUT,
  TODAY,
  ymd,
  type Built,
} from './harness';

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

const row2 = (emu: ReturnType<typeof newEmulator>): Record<string, unknown> => records(emu, 'Customers')[0];

test('logging a visit appends to Contact log and updates Last contact and Next follow-up', async () => {
  const emu = newEmulator(built);
  const before = row2(emu);
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    // The active row's customer is preselected, the date is today, the type list is translated.
    await page.waitForFunction(() =>
      (document.querySelector('input[role=combobox]') as HTMLInputElement | null)?.value.includes('Alice Wong'),
    );
    expect(await page.inputValue('input[name=date]')).toBe(TODAY);
    await page.waitForSelector('.card');
    expect(await page.textContent('.card .card-name')).toBe('Alice Wong');

    await page.selectOption('select[name=type]', 'Visit');
    await page.fill('input[name=outcome]', 'Ordered a second X200');
    await page.fill('textarea[name=notes]', '=SUM(1,2) is what they wrote on the form');
    await page.fill('input[name=nextStep]', 'Send the invoice');
    await page.fill('input[name=nextStepDate]', '2026-11-20');
    await page.click('button[type=submit]');

    await page.waitForSelector('.log-view > .status-ok');
    expect(await page.textContent('.log-view > .status-ok')).toContain('Alice Wong');
    // The card returned by the server shows the new contact.
    await page.waitForFunction(() =>
      document.querySelector('.card .contacts')?.textContent?.includes('Ordered a second X200'),
    );
    expect(await page.textContent('.card')).toContain('Mon 16 Nov 2026');

    const log = records(emu, 'Contact log');
    const added = log[log.length - 1];
    expect(log).toHaveLength(2);
    expect(added['Customer ID']).toBe('C0001');
    expect(added['Customer']).toBe('Alice Wong');
    expect(ymd(added['Date'])).toBe(TODAY);
    expect(added['Type']).toBe('Visit');
    expect(added['Outcome']).toBe('Ordered a second X200');
    // A note that looks like a formula is kept as the text typed.
    expect(String(added['Notes'])).toContain('=SUM(1,2) is what they wrote');
    expect(added['Next step']).toBe('Send the invoice');
    expect(ymd(added['Next step date'])).toBe('2026-11-20');

    const after = row2(emu);
    expect(ymd(before['Last contact'])).toBe('2026-10-01');
    expect(ymd(after['Last contact'])).toBe(TODAY);
    expect(ymd(after['Next follow-up'])).not.toBe('');
    expect(ymd(after['Next follow-up'])).not.toBe(ymd(before['Next follow-up']));
    expect(ymd(after['Next follow-up']) >= TODAY).toBe(true);

    await screenshot(page, 'log');
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});

test('a bad field shows the server message next to it, focused, and nothing is written', async () => {
  const emu = newEmulator(built);
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    await page.waitForSelector('.card');
    await page.fill('input[name=date]', '2026-12-24'); // after today
    await page.fill('input[name=outcome]', 'Too early');
    await page.click('button[type=submit]');

    const date = page.locator('input[name=date]');
    await page.waitForSelector('input[name=date][aria-invalid=true]');
    const errId = `${await date.getAttribute('id')}-err`;
    expect((await date.getAttribute('aria-describedby')) || '').toContain(errId);
    const msg = await page.textContent(`#${errId}`);
    expect(msg).toMatch(/after today/i);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('date');
    expect(await page.textContent('.log-view > .status-error')).toMatch(/Nothing was saved/);
    expect(records(emu, 'Contact log')).toHaveLength(1);

    // Fixing it clears the message and saves.
    await page.fill('input[name=date]', TODAY);
    await page.click('button[type=submit]');
    await page.waitForSelector('.log-view > .status-ok');
    expect(await page.getAttribute('input[name=date]', 'aria-invalid')).toBeNull();
    expect(await page.isHidden(`#${errId}`)).toBe(true);
    expect(records(emu, 'Contact log')).toHaveLength(2);
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});

test('keyboard only: Tab through the form, pick a customer with the arrow keys, save with Enter', async () => {
  const emu = newEmulator(built);
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    await page.waitForSelector('.card');
    const focused = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        return (
          el.getAttribute('name') ||
          el.getAttribute('role') ||
          el.tagName.toLowerCase() + (el.getAttribute('type') ? `:${el.getAttribute('type')}` : '')
        );
      });

    // The tab list is one tab stop; the customer search comes next.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('customer');
    await page.keyboard.type('smith');
    await page.waitForSelector('[role=listbox]:not([hidden]) [role=option]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter'); // picks the highlighted customer, does not submit
    expect(await page.inputValue('input[role=combobox]')).toContain('Bob Smith');
    expect(records(emu, 'Contact log')).toHaveLength(1);

    // Tab to the Save button; a date input takes several Tabs (month, day, year), so repeats collapse.
    const order: string[] = [];
    for (let i = 0; i < 30 && order[order.length - 1] !== 'button:submit'; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now === order[order.length - 1]) continue;
      order.push(now);
      if (now === 'type') await page.keyboard.press('ArrowDown'); // Visit -> Call
      if (now === 'outcome') await page.keyboard.type('Called about the delivery');
      if (now === 'notes') await page.keyboard.type('Will call back next week');
    }
    expect(order).toEqual(['date', 'type', 'outcome', 'notes', 'nextStep', 'nextStepDate', 'button:submit']);

    // Back to Next step (through the date's fields), and Enter there saves.
    for (let i = 0; i < 10 && (await focused()) !== 'nextStep'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('nextStep');
    await page.keyboard.type('Call back');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.log-view > .status-ok');

    const log = records(emu, 'Contact log');
    expect(log).toHaveLength(2);
    const added = log[1];
    expect(added['Customer ID']).toBe('C0003');
    expect(added['Type']).toBe('Call');
    expect(added['Outcome']).toBe('Called about the delivery');
    expect(added['Notes']).toBe('Will call back next week');
    expect(added['Next step']).toBe('Call back');
    // Focus visibly stays on something (not lost to <body>).
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});

test('Enter twice and a click while saving save once (double submit is prevented)', async () => {
  const emu = newEmulator(built);
  // A slow server, so the second and third tries land while the first save is running.
  const s = await openSidebar(browser, built, emu, undefined, (name) => (name === 'logContact' ? 1500 : 0));
  try {
    const { page } = s;
    await page.waitForSelector('.card');
    await page.fill('input[name=outcome]', 'Quick call');
    await page.focus('input[name=outcome]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('button[type=submit][aria-busy=true]');
    expect(await page.textContent('button[type=submit]')).toBe('Saving…');
    await page.keyboard.press('Enter');
    // force: playwright would otherwise wait for the busy (aria-disabled) button to be ready, as a user would not.
    await page.click('button[type=submit]', { force: true });
    expect(await page.getAttribute('button[type=submit]', 'aria-busy')).toBe('true');
    await page.waitForSelector('.log-view > .status-ok');
    expect(await page.textContent('button[type=submit]')).toBe('Save');
    await page.waitForTimeout(300);
    expect(s.server.calls.filter((c) => c.name === 'logContact')).toHaveLength(1);
    expect(records(emu, 'Contact log')).toHaveLength(2);
  } finally {
    await s.close();
  }
});

test('several selected rows: "log for all" logs one row per customer', async () => {
  const emu = newEmulator(built);
  const s = await openSidebar(browser, built, emu, { activeSheet: 'Customers', activeRange: 'A2:A4' });
  try {
    const { page } = s;
    const box = page.locator('input[name=allSelected]');
    await box.waitFor();
    expect(await page.textContent(`label[for="${await box.getAttribute('id')}"]`)).toContain('3 selected');
    await box.check();
    expect(await page.isDisabled('input[role=combobox]')).toBe(true);
    await page.selectOption('select[name=type]', 'Gift');
    await page.fill('input[name=outcome]', 'Mooncakes');
    await page.click('button[type=submit]');
    await page.waitForSelector('.log-view > .status-ok');
    expect(await page.locator('.card').count()).toBe(3);
    const log = records(emu, 'Contact log').slice(1);
    expect(log.map((r) => r['Customer ID']).sort()).toEqual(['C0001', 'C0002', 'C0003']);
    expect(log.every((r) => r['Type'] === 'Gift')).toBe(true);
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});
