/**
 * The Settings tab is a form of real controls, never raw JSON, in English
 * and Chinese: numbers are number inputs with their range, booleans
 * checkboxes, the nightly hour an hour input, working days seven day boxes,
 * per-tier values one field per tier (with "No visits"), visit times a start
 * and an end time per tier, lists small inputs taking what the hint shows.
 * What is typed is saved as typed; a mistake is named by the setting's label.
 */
import type { Browser, Page } from 'playwright-core';
import {
  buildInto,
  launchBrowser,
  newEmulator,
  openSidebar,
  OUT_DIR,
  screenshot,
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

const SAVE = '.settings-view form button[type=submit]';

type Stored = Record<string, unknown>;
function stored(emu: ReturnType<typeof newEmulator>): Stored {
  const view = emu.invoke('getSettings', {}) as { fields: Array<{ key: string; value: unknown }> };
  return Object.fromEntries(view.fields.map((f) => [f.key, f.value]));
}

async function openSettings(page: Page): Promise<void> {
  await page.click('#tab-settings');
  await page.waitForSelector('#setting-nightlyHour');
}

const saves = (s: { server: { calls: Array<{ name: string }> } }): number =>
  s.server.calls.filter((c) => c.name === 'saveSettings').length;

const LANGS = [
  {
    locale: 'en',
    tierLabels: ['Revenue share', 'Number of customers'],
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    contactLegend: 'Keep-in-touch interval',
    contactError: 'Keep-in-touch interval must be a whole number of days from 1 to 3650 for each of A, B and C',
    daysError: 'Working days must be one or more days of the week',
    visitError: 'Visit interval must be a whole number of days from 1 to 3650, or none, for each of A, B and C',
    revenueError: 'Revenue window must be a whole number of days from 1 to 3650',
    saved: 'Settings saved.',
  },
  {
    locale: 'zh-CN',
    tierLabels: ['销售额占比', '客户人数'],
    days: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    contactLegend: '保持联系间隔',
    contactError: '“保持联系间隔”必须是A、B、C 各一个 1 到 3650 之间的整数天数',
    daysError: '“工作日”必须是一周中的一天或几天',
    visitError: '“拜访间隔”必须是A、B、C 各一个 1 到 3650 之间的整数天数，或不拜访',
    revenueError: '“销售额统计期”必须是1 到 3650 之间的整数天数',
    saved: '设置已保存。',
  },
];

describe.each(LANGS)('$locale', (L) => {
  test('every setting is a control of its own kind, showing the stored value; no JSON anywhere', async () => {
    const emu = newEmulator(built, { locale: L.locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await openSettings(page);
      const form = page.locator('.settings-view form');
      expect(await form.locator('textarea').count()).toBe(0);
      expect(await form.textContent()).not.toMatch(/JSON|[{}[\]]/);
      const attrs = (sel: string) =>
        page.$eval(sel, (el) => {
          const i = el as HTMLInputElement;
          return { type: i.type, value: i.value, min: i.min, max: i.max, checked: i.checked, disabled: i.disabled };
        });
      expect(await attrs('#setting-nightlyHour')).toMatchObject({ type: 'number', value: '6', min: '0', max: '23' });
      expect(await attrs('#setting-revenueWindowDays')).toMatchObject({ type: 'number', value: '365', max: '3650' });
      expect(await attrs('#setting-teamMode')).toMatchObject({ type: 'checkbox', checked: false });
      expect(await attrs('#setting-tierCutoffs')).toMatchObject({ type: 'text', value: '0.8, 0.95' });
      expect(await attrs('#setting-postSaleSteps')).toMatchObject({ type: 'text', value: '1, 3, 7' });
      expect(await page.$$eval('#setting-tierMethod option', (os) => os.map((o) => o.textContent))).toEqual(
        L.tierLabels,
      );

      // Seven day boxes, Monday first, Monday to Friday ticked.
      const days = await page.$$eval('#setting-workingDays label.day', (ls) =>
        ls.map((l) => [l.textContent, (l.querySelector('input') as HTMLInputElement).checked]),
      );
      expect(days).toEqual(L.days.map((d, i) => [d, i < 5]));

      // One field per tier; C visits "none".
      expect(await page.textContent('#setting-contactEveryDays > legend')).toBe(L.contactLegend);
      for (const [tier, v] of [
        ['A', '14'],
        ['B', '30'],
        ['C', '60'],
      ])
        expect(await attrs(`#setting-contactEveryDays-${tier}`)).toMatchObject({ type: 'number', value: v });
      expect(await attrs('#setting-visitEveryDays-C-none')).toMatchObject({ type: 'checkbox', checked: true });
      expect(await attrs('#setting-visitEveryDays-C')).toMatchObject({ disabled: true });
      expect(await attrs('#setting-visitEveryDays-B')).toMatchObject({ value: '90', disabled: false });
      expect(await attrs('#setting-visitWindows-A-start')).toMatchObject({ type: 'time', value: '09:00' });
      expect(await attrs('#setting-visitWindows-B-end')).toMatchObject({ type: 'time', value: '17:30' });
      await screenshot(page, `settings-form-${L.locale}`);
      // The busiest part up close, to look at (test-out/ is not in git).
      await page
        .locator('#setting-contactEveryDays')
        .screenshot({ path: `${OUT_DIR}/sidebar-settings-tiers-${L.locale}.png` });
      await page
        .locator('#setting-visitWindows')
        .screenshot({ path: `${OUT_DIR}/sidebar-settings-times-${L.locale}.png` });
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('what is typed is saved as typed: lists as the hint shows them, per-tier fields, days, times', async () => {
    const emu = newEmulator(built, { locale: L.locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await openSettings(page);
      await page.fill('#setting-tierCutoffs', '0.7, 0.9');
      await page.fill('#setting-postSaleSteps', '1, 3, 7, 10');
      await page.fill('#setting-contactEveryDays-B', '21');
      await page.check('#setting-visitEveryDays-B-none');
      expect(await page.isDisabled('#setting-visitEveryDays-B')).toBe(true);
      await page.uncheck('#setting-visitEveryDays-C-none');
      await page.fill('#setting-visitEveryDays-C', '120');
      await page.check('#setting-workingDays-6');
      await page.fill('#setting-visitWindows-A-start', '08:30');
      await page.fill('#setting-visitWindows-A-end', '11:30');
      await page.check('#setting-teamMode');
      await page.selectOption('#setting-tierMethod', 'count');
      await page.fill('#setting-nightlyHour', '22');
      await page.keyboard.press('Enter'); // in the hour field: saves
      await page.waitForSelector('.settings-actions .status-ok');
      expect(await page.textContent('.settings-actions .status-ok')).toBe(L.saved);
      expect(stored(emu)).toMatchObject({
        tierMethod: 'count',
        tierCutoffs: [0.7, 0.9],
        postSaleSteps: [1, 3, 7, 10],
        contactEveryDays: { A: 14, B: 21, C: 60 },
        visitEveryDays: { A: 30, B: null, C: 120 },
        workingDays: [1, 2, 3, 4, 5, 6],
        visitWindows: { A: { start: '08:30', end: '11:30' } },
        nightlyHour: 22,
        teamMode: true,
      });
      // The form is built again from what was saved, and shows it the same way.
      expect(await page.inputValue('#setting-tierCutoffs')).toBe('0.7, 0.9');
      expect(await page.isChecked('#setting-visitEveryDays-B-none')).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await page.textContent(SAVE));
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('mistakes are named by the setting’s label, next to the field, and nothing is saved', async () => {
    const emu = newEmulator(built, { locale: L.locale });
    const before = stored(emu);
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await openSettings(page);

      // Caught by the server: a tier's value out of range, no working day.
      await page.fill('#setting-contactEveryDays-A', '0');
      for (const d of [1, 2, 3, 4, 5]) await page.uncheck(`#setting-workingDays-${d}`);
      await page.click(SAVE);
      await page.waitForSelector('#setting-contactEveryDays-err:not([hidden])');
      expect(await page.textContent('#setting-contactEveryDays-err')).toBe(L.contactError);
      expect(await page.textContent('#setting-workingDays-err')).toBe(L.daysError);
      expect(await page.getAttribute('#setting-contactEveryDays-A', 'aria-invalid')).toBe('true');
      expect((await page.getAttribute('#setting-contactEveryDays-B', 'aria-describedby')) || '').toContain(
        'setting-contactEveryDays-err',
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('setting-contactEveryDays-A');
      expect(stored(emu)).toEqual(before);

      // Caught in the form: "none" unticked and no number (it would read as none), or no number at all.
      await page.fill('#setting-contactEveryDays-A', '14');
      await page.check('#setting-workingDays-1');
      await page.uncheck('#setting-visitEveryDays-C-none');
      const sent = saves(s);
      await page.click(SAVE);
      await page.waitForSelector('#setting-visitEveryDays-err:not([hidden])');
      expect(await page.textContent('#setting-visitEveryDays-err')).toBe(L.visitError);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('setting-visitEveryDays-C');
      expect(await page.getAttribute('#setting-visitEveryDays-A', 'aria-invalid')).toBeNull();
      await page.check('#setting-visitEveryDays-C-none');
      await page.focus('#setting-revenueWindowDays');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('1e'); // the browser holds no number for this
      await page.keyboard.press('Enter');
      await page.waitForSelector('#setting-revenueWindowDays[aria-invalid=true]');
      expect(await page.textContent('#setting-revenueWindowDays-err')).toBe(L.revenueError);
      expect(saves(s)).toBe(sent);
      expect(stored(emu)).toEqual(before);

      await page.fill('#setting-revenueWindowDays', '180');
      await page.click(SAVE);
      await page.waitForSelector('.settings-actions .status-ok');
      expect(stored(emu)).toMatchObject({ revenueWindowDays: 180, workingDays: [1] });
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
