/**
 * Text is only ever text: a customer whose name is markup shows as those
 * characters and runs nothing. And a Chinese user gets Chinese labels, dates
 * and messages.
 */
import type { Browser } from 'playwright-core';
import {
  buildInto,
  launchBrowser,
  newEmulator,
  openSidebar,
  records,
  TEST_TIMEOUT,
  XSS_NAME,
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

test('a customer named <img src=x onerror=alert(1)> is shown as text and runs nothing', async () => {
  const emu = newEmulator(built);
  // Row 5 holds the customer whose name is markup: preselected.
  const s = await openSidebar(browser, built, emu, { activeSheet: 'Customers', activeRange: 'A5' });
  try {
    const { page } = s;
    await page.waitForSelector('.card');
    expect(await page.inputValue('input[role=combobox]')).toContain(XSS_NAME);
    expect(await page.textContent('.card .card-name')).toBe(XSS_NAME);
    expect(await page.textContent('.card .card-sub')).toContain('<b>Bold</b> & Co');

    // In the search list too.
    await page.fill('input[role=combobox]', 'onerror');
    await page.waitForSelector('[role=option]');
    expect(await page.textContent('[role=option] .option-name')).toBe(XSS_NAME);
    await page.keyboard.press('Enter');

    // Log a contact whose notes are markup as well; the returned card shows them as text.
    await page.fill('textarea[name=notes]', '<script>alert(2)</script><img src=y onerror=alert(3)>');
    await page.click('button[type=submit]');
    await page.waitForSelector('.log-view > .status-ok');
    expect(await page.textContent('.log-view > .status-ok')).toContain(XSS_NAME);
    expect(await page.textContent('.card .contacts')).toContain('<script>alert(2)</script>');
    const log = records(emu, 'Contact log');
    expect(log[log.length - 1]['Customer']).toBe(XSS_NAME);

    // And in the Due tab, if it is due.
    await page.click('#tab-due');
    await page.waitForSelector('.due-body :is(.due-button, .empty)');

    await page.waitForTimeout(300);
    // Only the two scripts the page was served with (the google.script.run stand-in and the sidebar).
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('b').length)).toBe(0);
    expect(s.dialogs).toEqual([]);
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});

test('a Chinese locale shows Chinese labels, dates and messages', async () => {
  const emu = newEmulator(built, { locale: 'zh-CN' });
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    await page.waitForSelector('.card');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.$$eval('[role=tab]', (els) => els.map((e) => e.textContent))).toEqual(['记录', '待跟进', '设置']);
    expect(await page.textContent('button[type=submit]')).toBe('保存');
    expect(await page.textContent(`label[for="${await page.getAttribute('input[name=date]', 'id')}"]`)).toBe('日期');
    expect(await page.$$eval('select[name=type] option', (els) => els.map((e) => e.textContent))).toContain('拜访');
    const card = (await page.textContent('.card')) || '';
    expect(card).toContain('销售额');
    expect(card).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 周[一二三四五六日]/);
    expect(card).not.toMatch(/Revenue|Last contact/);

    // A server message comes back in Chinese too, next to its field.
    await page.fill('input[name=date]', '2026-12-24');
    await page.click('button[type=submit]');
    await page.waitForSelector('input[name=date][aria-invalid=true]');
    expect(await page.textContent('.log-view > .status-error')).toContain('未保存');
    const err = (await page.textContent(`#${await page.getAttribute('input[name=date]', 'id')}-err`)) || '';
    expect(err).toMatch(/[\u4e00-\u9fff]/);

    await page.click('#tab-due');
    await page.waitForSelector('.due-body :is(.due-button, .empty)');
    expect(await page.textContent('#panel-due h2')).toBe('今天到期和已逾期');
    const due = (await page.textContent('#panel-due')) || '';
    expect(due).not.toMatch(/Overdue|Due today/);

    await page.click('#tab-settings');
    await page.waitForSelector('#setting-nightlyHour');
    expect(await page.textContent('.settings-view form button[type=submit]')).toBe('保存设置');
    expect(await page.textContent('#trigger-heading')).toBe('每晚自动运行');
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});
