/**
 * Opening an item from the Due tab opens the Log tab for that customer with
 * the contact type the item calls for: a complaint as Complaint (its
 * complaint fields shown), a visit as Visit, calls (next step, keep in touch)
 * as Call; in English and Chinese. Saving the complaint with a resolution
 * date closes it.
 */
import type { Browser, Page } from 'playwright-core';
import {
  browserWorkbook,
  buildInto,
  launchBrowser,
  newEmulator,
  openSidebar,
  records,
  TEST_TIMEOUT,
  TODAY,
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

/** The browser workbook plus an open complaint of Bob Smith's, logged two days ago. */
function withComplaint(): Record<string, unknown[][]> {
  const wb = browserWorkbook();
  wb['Contact log'].push([
    '2026-11-14 09:00',
    'C0003',
    'Bob Smith',
    '2026-11-14',
    'Complaint',
    'rep@example.com',
    'Delivery late',
    '',
    '',
    '',
    'Small',
    '',
  ]);
  return wb;
}

async function openItem(page: Page, kind: string, customerId: string): Promise<void> {
  await page.click('#tab-due');
  const item = page.locator(`.due-group[data-kind="${kind}"] .due-button[data-customer-id="${customerId}"]`);
  await item.click();
  await page.waitForSelector('#tab-log[aria-selected=true]');
  await page.waitForFunction(
    () =>
      !document.querySelector('.due-button[aria-busy=true]') &&
      document.activeElement?.getAttribute('role') === 'combobox',
  );
}

describe.each([
  { locale: 'en', complaintNote: /open complaint/, resolved: 'Resolved on' },
  { locale: 'zh-CN', complaintNote: /未解决的投诉/, resolved: '解决日期' },
])('$locale', ({ locale, complaintNote, resolved }) => {
  test('each item opens the Log form with the type that fits it', async () => {
    const emu = newEmulator(built, { locale, sheets: withComplaint() });
    const s = await openSidebar(browser, built, emu, { activeSheet: 'Customers', activeRange: 'A6' });
    try {
      const { page } = s;
      await page.waitForSelector('.card');

      await openItem(page, 'complaint', 'C0003');
      expect(await page.inputValue('input[role=combobox]')).toContain('Bob Smith');
      expect(await page.inputValue('select[name=type]')).toBe('Complaint');
      expect(await page.isVisible('select[name=complaintSize]')).toBe(true);
      const resolvedOn = page.locator('input[name=resolvedOn]');
      expect(await page.textContent(`label[for="${await resolvedOn.getAttribute('id')}"]`)).toBe(resolved);
      expect(await page.textContent('.log-view > .status')).toMatch(complaintNote);

      await openItem(page, 'visit', 'C0002');
      expect(await page.inputValue('input[role=combobox]')).toContain('王芳');
      expect(await page.inputValue('select[name=type]')).toBe('Visit');
      expect(await page.isHidden('select[name=complaintSize]')).toBe(true);

      await openItem(page, 'next-step', 'C0001');
      expect(await page.inputValue('select[name=type]')).toBe('Call');
      await openItem(page, 'recurring', 'C0005');
      expect(await page.inputValue('input[role=combobox]')).toContain('Carla Diaz');
      expect(await page.inputValue('select[name=type]')).toBe('Call');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('saving the complaint item with a resolution date closes the complaint', async () => {
    const emu = newEmulator(built, { locale, sheets: withComplaint() });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      await openItem(page, 'complaint', 'C0003');
      await page.fill('input[name=resolvedOn]', TODAY);
      await page.fill('input[name=outcome]', 'Sent the parts by courier');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.log-view > .status-ok');
      const log = records(emu, 'Contact log');
      const added = log[log.length - 1];
      expect(added['Customer ID']).toBe('C0003');
      expect(added['Type']).toBe('Complaint');
      // The Due tab, loaded again after the save, no longer lists the complaint.
      await page.click('#tab-due');
      await page.waitForSelector('.due-button');
      expect(await page.locator('.due-group[data-kind="complaint"]').count()).toBe(0);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
