/**
 * The no-terminal install, end to end in the emulator: a spreadsheet made
 * from the template in the zip, with the zip's Code.gs loaded (not dist/),
 * runs Set up, RETAIN_TIER and a run the way the README tells a user to.
 */
import type ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import * as path from 'path';
import { Emulator } from '../../tools/emulator';
import { columnLetter } from '../../src/core/headers';
import type { Lang } from '../../src/core/model';
import { fieldOf, headerLabel, SHEETS, SHEET_KEYS, sheetLabel } from '../../src/core/schema';
import { TEMPLATE_FILE } from '../../tools/release/template';
import { ROOT } from '../helpers/bundle';
import { importTemplate, makeReleaseZip, type Release } from './zip';

let release: Release;
let code: string;
const books: Partial<Record<Lang, ExcelJS.Workbook>> = {};

beforeAll(async () => {
  release = await makeReleaseZip();
  code = await release.text('Code.gs');
  books.en = await release.workbook(TEMPLATE_FILE.en);
  books.zh = await release.workbook(TEMPLATE_FILE.zh);
}, 120000);

const LOCALE: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** A customer row in the template's column order, from field values. */
function customerRow(values: Record<string, unknown>): unknown[] {
  return SHEETS.customers.fields.map((f) => values[f.key] ?? '');
}

function purchaseRow(values: Record<string, unknown>): unknown[] {
  return SHEETS.purchases.fields.map((f) => values[f.key] ?? '');
}

const at = (iso: string) => new Date(iso);

/** The template with three customers and one purchase yesterday, as a user fills it after importing. */
function installed(lang: Lang): Emulator {
  const emu = new Emulator({
    timeZone: 'Asia/Shanghai',
    locale: LOCALE[lang],
    now: '2026-11-16T09:30:00+08:00',
    userEmail: 'rep@example.com',
    htmlDir: path.join(ROOT, 'dist'),
  });
  const customers = sheetLabel(SHEETS.customers, lang);
  const purchases = sheetLabel(SHEETS.purchases, lang);
  importTemplate(emu, books[lang]!, {
    [customers]: [
      customerRow({
        name: 'Ann Lee',
        email: 'ann@example.com',
        owner: 'Sam Rep',
        language: 'en',
        revenue: 10000,
        status: 'Active',
        lastPurchase: at('2026-11-15T00:00:00+08:00'),
      }),
      customerRow({
        name: '王小明',
        email: 'wang@example.com',
        owner: 'Sam Rep',
        language: 'zh',
        revenue: 1500,
        status: 'Active',
      }),
      customerRow({ name: 'Bo Chan', email: 'bo@example.com', owner: 'Sam Rep', revenue: 500 }),
    ],
    [purchases]: [
      purchaseRow({ customerId: 'C0001', date: at('2026-11-15T00:00:00+08:00'), amount: 10000, product: 'Desk' }),
      purchaseRow({ customerId: 'C0002', date: at('2026-11-15T00:00:00+08:00'), amount: 1500, product: '椅子' }),
    ],
  });
  emu.load(code, 'Code.gs');
  return emu;
}

function headers(emu: Emulator): Record<string, unknown[]> {
  return Object.fromEntries(emu.sheetNames().map((n) => [n, emu.sheetValues(n)[0]]));
}

describe.each(['en', 'zh'] as const)('installed from the %s template', (lang) => {
  test('Set up changes no header and adds no sheet but the dashboard, no column or template; it fills the blank IDs', () => {
    const emu = installed(lang);
    const before = headers(emu);
    const templatesBefore = emu.sheetValues(sheetLabel(SHEETS.templates, lang));
    const result = emu.invoke('setupSheets') as Record<string, unknown>;
    // Only the dashboard (its native charts cannot come in an XLSX file): README, Customers slipping away.
    const dashboard = lang === 'zh' ? '总览' : 'Retain dashboard';
    expect(result).toMatchObject({ sheetsCreated: [dashboard], columnsAdded: [], templatesAdded: 0, idsFilled: 3 });
    expect(headers(emu)).toEqual({ ...before, [dashboard]: emu.sheetValues(dashboard)[0] });
    expect(emu.sheetNames()).toEqual([...SHEET_KEYS.map((k) => sheetLabel(SHEETS[k], lang)), dashboard]);
    expect(emu.sheetValues(sheetLabel(SHEETS.templates, lang))).toEqual(templatesBefore);
    const ids = emu.sheetValues(sheetLabel(SHEETS.customers, lang)).slice(1, 4).map((r) => r[0]);
    expect(ids).toEqual(['C0001', 'C0002', 'C0003']);
    // Twice: nothing more.
    expect(emu.invoke('setupSheets')).toMatchObject({ columnsAdded: [], templatesAdded: 0, idsFilled: 0 });
  });

  test('=RETAIN_TIER(I2:I) typed into the empty Tier column tiers every row (I is Revenue)', () => {
    const emu = installed(lang);
    emu.invoke('setupSheets');
    const spec = SHEETS.customers;
    const revenue = columnLetter(spec.fields.indexOf(fieldOf(spec, 'revenue')));
    // The README's formula names column I: the template must put Revenue there.
    expect(revenue).toBe('I');
    const tierCol = spec.fields.indexOf(fieldOf(spec, 'tier'));
    const name = sheetLabel(spec, lang);
    emu.sheet(name).getRange(`${columnLetter(tierCol)}2`).setFormula(`=RETAIN_TIER(${revenue}2:${revenue})`);
    const tiers = emu.sheetValues(name).slice(1, 4).map((r) => r[tierCol]);
    expect(tiers).toEqual(['A', 'B', 'C']);
    expect(emu.formulaErrors()).toEqual([]);
  });

  test('Run follow-ups now makes the thank-you drafts from the template rows, in each customer language, and visits around a busy hour', async () => {
    const emu = installed(lang);
    emu.invoke('setupSheets');
    // docs/real-account-check.md puts a busy hour on the calendar first: the A visit goes around it.
    emu.calendar.addEvent('primary', {
      summary: 'Busy test',
      start: { dateTime: '2026-11-17T09:00:00+08:00' },
      end: { dateTime: '2026-11-17T10:00:00+08:00' },
    } as never);
    emu.invoke('runFollowUpsNow');
    const visits = emu.calendar
      .events('primary')
      .filter((e) => e.summary !== 'Busy test')
      .map((e) => [e.summary, (e.start as { dateTime: string }).dateTime]);
    expect(visits).toEqual([
      [expect.stringMatching(lang === 'zh' ? /^拜访.*Ann Lee/ : /^Visit: Ann Lee/), '2026-11-17T10:00:00+08:00'],
      [expect.stringMatching(/王小明/), '2026-11-17T14:00:00+08:00'],
    ]);
    const drafts = await Promise.all(emu.gmail.drafts().map((d) => simpleParser(d.raw)));
    const byTo = Object.fromEntries(
      drafts.map((p) => [(p.to as { value: Array<{ address: string }> }).value[0].address, p]),
    );
    expect(Object.keys(byTo).sort()).toEqual(['ann@example.com', 'wang@example.com']);
    expect(byTo['ann@example.com'].subject).toBe('Thank you, Ann');
    expect(byTo['ann@example.com'].text).toMatch(/Desk/);
    expect(byTo['wang@example.com'].subject).toMatch(/感谢您的信任与支持$/);
    expect(byTo['wang@example.com'].text).toMatch(/椅子/);
    expect(emu.gmail.sendAttempts()).toEqual([]);
    // The managed columns are written under the template's headers, and the run is logged.
    const rows = emu.sheetValues(sheetLabel(SHEETS.customers, lang));
    const tierCol = rows[0].indexOf(headerLabel(fieldOf(SHEETS.customers, 'tier'), lang));
    expect(rows.slice(1, 4).map((r) => r[tierCol])).toEqual(['A', 'B', 'C']);
    expect(emu.sheetValues(sheetLabel(SHEETS.runLog, lang)).length).toBe(2);
    // A second run makes nothing new.
    emu.invoke('runFollowUpsNow');
    expect(emu.gmail.drafts()).toHaveLength(2);
    expect(emu.calendar.events('primary')).toHaveLength(3);
  });
});
