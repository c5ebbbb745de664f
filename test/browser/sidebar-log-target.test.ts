/**
 * The Log tab saves for exactly the customer the field shows, in English and
 * Chinese. Before, a name typed and not picked (then Enter, or a click on
 * Save) logged the visit for the customer picked earlier: the wrong customer.
 * Now Save is off with a note saying why until a customer is picked; after a
 * save the form is ready for the next contact (date back to today, nothing
 * of the last contact left); `By` is the user.
 */
import type { Browser, Page } from 'playwright-core';
import {
  buildInto,
  launchBrowser,
  newEmulator,
  openSidebar,
  records,
  TEST_TIMEOUT,
  TODAY,
  ymd,
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

const LANGS = [
  {
    locale: 'en',
    unpicked: 'Save is off: “Bob Smith” is typed, not picked. Choose the customer from the list.',
    empty: 'Save is off: no customer is chosen. Search and pick one from the list.',
    saved: /^Logged for Bob Smith\.$/,
    byLine: 'Logged by rep@example.com',
  },
  {
    locale: 'zh-CN',
    unpicked: '无法保存：“Bob Smith”只是输入的文字，尚未选择客户。请从列表中选择。',
    empty: '无法保存：尚未选择客户。请搜索并从列表中选择。',
    saved: /^已为Bob Smith记录。$/,
    byLine: '记录人：rep@example.com',
  },
];

const COMBO = 'input[role=combobox]';
const SAVE = '.log-view button[type=submit]';

async function saveNote(page: Page): Promise<string | null> {
  const id = (await page.getAttribute(SAVE, 'aria-describedby')) || '';
  return page.evaluate((i) => {
    const el = document.getElementById(i);
    return el && !el.hidden ? el.textContent : null;
  }, id);
}

const logRows = (emu: ReturnType<typeof newEmulator>): Array<Record<string, unknown>> =>
  records(emu, 'Contact log').slice(1);

describe.each(LANGS)('$locale', (L) => {
  test('a name typed and not picked is no one: Save is off with the reason until a customer is picked', async () => {
    const emu = newEmulator(built, { locale: L.locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      expect(await page.inputValue(COMBO)).toContain('Alice Wong');
      expect(await page.isEnabled(SAVE)).toBe(true);
      expect(await saveNote(page)).toBeNull();

      // The old path to the wrong customer: type another name, leave the field, save.
      await page.fill(COMBO, 'Bob Smith');
      await page.waitForSelector('[role=listbox]:not([hidden]) [role=option]');
      await page.fill('input[name=outcome]', 'Came by the shop');
      expect(await page.inputValue(COMBO)).toBe('Bob Smith'); // leaving the field keeps what was typed
      expect(await page.isDisabled(SAVE)).toBe(true);
      expect(await saveNote(page)).toBe(L.unpicked);
      // The customer field is described by the same note, for a screen reader.
      const noteId = (await page.getAttribute(SAVE, 'aria-describedby')) as string;
      expect((await page.getAttribute(COMBO, 'aria-describedby')) || '').toContain(noteId);

      // Enter in a field and a click on Save both save nothing; Enter moves focus to the customer field.
      await page.click(SAVE, { force: true });
      await page.focus('input[name=outcome]');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
      const errId = `${await page.getAttribute(COMBO, 'id')}-err`;
      expect(await page.textContent(`#${errId}`)).toBe(L.unpicked);
      expect(s.server.calls.filter((c) => c.name === 'logContact')).toHaveLength(0);
      expect(logRows(emu)).toHaveLength(0);

      // Picking the customer turns Save on and clears the message; the save is for the one shown.
      await page.fill(COMBO, 'Bob Smith');
      await page.click('[role=option]:has-text("Bob Smith")');
      expect(await page.isEnabled(SAVE)).toBe(true);
      expect(await saveNote(page)).toBeNull();
      expect(await page.isHidden(`#${errId}`)).toBe(true);
      await page.click(SAVE);
      await page.waitForSelector('.log-view > .status-ok');
      expect(await page.textContent('.log-view > .status-ok')).toMatch(L.saved);
      const rows = logRows(emu);
      expect(rows.map((r) => r['Customer ID'])).toEqual(['C0003']);
      expect(rows[0]['Outcome']).toBe('Came by the shop');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('clearing the field turns Save off; Escape closes the list, a second Escape brings the customer back', async () => {
    const emu = newEmulator(built, { locale: L.locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      await page.fill(COMBO, '');
      expect(await page.isDisabled(SAVE)).toBe(true);
      expect(await saveNote(page)).toBe(L.empty);
      await page.focus('input[name=date]');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(200);
      expect(logRows(emu)).toHaveLength(0);

      await page.focus(COMBO);
      await page.keyboard.type('Bo');
      await page.waitForSelector('[role=listbox]:not([hidden])');
      await page.keyboard.press('Escape');
      expect(await page.isHidden('[role=listbox]')).toBe(true);
      expect(await page.getAttribute(COMBO, 'aria-expanded')).toBe('false');
      expect(await page.inputValue(COMBO)).toBe('Bo');
      expect(await page.isDisabled(SAVE)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.inputValue(COMBO)).toContain('Alice Wong');
      expect(await page.isEnabled(SAVE)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.log-view > .status-ok');
      expect(logRows(emu).map((r) => r['Customer ID'])).toEqual(['C0001']);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('after a save nothing of the last contact is left, the date is today again, and By is the user', async () => {
    const emu = newEmulator(built, { locale: L.locale });
    const s = await openSidebar(browser, built, emu);
    try {
      const { page } = s;
      await page.waitForSelector('.card');
      expect(await page.textContent('.by-line')).toBe(L.byLine);
      await page.fill('input[name=date]', '2026-11-10');
      await page.selectOption('select[name=type]', 'Complaint');
      await page.selectOption('select[name=complaintSize]', 'Big');
      await page.fill('input[name=outcome]', 'Late delivery');
      await page.fill('textarea[name=notes]', 'Wants a call from the manager');
      await page.fill('input[name=nextStep]', 'Call back with a date');
      await page.fill('input[name=nextStepDate]', '2026-11-18');
      await page.click(SAVE);
      await page.waitForSelector('.log-view > .status-ok');

      const first = logRows(emu)[0];
      expect(first['Customer ID']).toBe('C0001');
      expect(ymd(first['Date'])).toBe('2026-11-10');
      expect(first['Type']).toBe('Complaint');
      expect(first['Complaint size']).toBe('Big');
      expect(first['By']).toBe('rep@example.com');
      expect(first['Next step']).toBe('Call back with a date');

      // Ready for the next contact: the form says nothing of the last one.
      expect(await page.inputValue('input[name=date]')).toBe(TODAY);
      expect(await page.inputValue('select[name=type]')).toBe('Visit');
      expect(await page.isHidden('select[name=complaintSize]')).toBe(true);
      for (const sel of [
        'input[name=outcome]',
        'textarea[name=notes]',
        'input[name=nextStep]',
        'input[name=nextStepDate]',
      ])
        expect(await page.inputValue(sel)).toBe('');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');

      // The next customer's row carries nothing of Alice's.
      await page.keyboard.type('Bob');
      await page.keyboard.press('Enter'); // picks the highlighted Bob Smith
      expect(await page.isEnabled(SAVE)).toBe(true);
      await page.click(SAVE);
      await page.waitForFunction(() =>
        /Bob Smith/.test(document.querySelector('.log-view > .status-ok')?.textContent || ''),
      );
      const second = logRows(emu)[1];
      expect(second['Customer ID']).toBe('C0003');
      expect(ymd(second['Date'])).toBe(TODAY);
      expect(second['Type']).toBe('Visit');
      for (const col of ['Outcome', 'Notes', 'Next step', 'Next step date', 'Complaint size', 'Resolved on'])
        expect(second[col]).toBe('');
      expect(second['By']).toBe('rep@example.com');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

test('when Retain cannot tell who the user is, By is a field, and what is typed there goes into By', async () => {
  const emu = newEmulator(built);
  // Gmail's getProfile is how Retain learns the address; without it the server knows no user.
  emu.faults.failWhen((c) => (/getProfile/.test(c.method) ? 'backend' : undefined));
  const s = await openSidebar(browser, built, emu);
  try {
    const { page } = s;
    await page.waitForSelector('.card');
    expect(await page.locator('.by-line').count()).toBe(0);
    const by = page.locator('input[name=by]');
    expect(await page.textContent(`label[for="${await by.getAttribute('id')}"]`)).toBe('By');
    await by.fill('Ann Lee');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.log-view > .status-ok');
    expect(logRows(emu)[0]['By']).toBe('Ann Lee');
    // By is the user, not part of the contact: it stays for the next one.
    expect(await by.inputValue()).toBe('Ann Lee');
    expect(s.problems).toEqual([]);
  } finally {
    await s.close();
  }
});
