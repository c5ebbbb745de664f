/**
 * The templates in the release zip, opened with exceljs: every sheet of the
 * schema with its headers, the default email templates, the drop-down lists,
 * frozen headers, formats. The expected values come from the product's
 * sources (schema, model, templates), never from a copy.
 */
import type ExcelJS from 'exceljs';
import { CONTACT_TYPES, STATUSES, type Lang } from '../../src/core/model';
import { fieldOf, headerLabel, SHEETS, SHEET_KEYS, sheetLabel, type SheetKey } from '../../src/core/schema';
import { DEFAULT_TEMPLATES } from '../../src/core/templates';
import { LOOKS } from '../../tools/release/columns';
import { LIST_ROWS, TEMPLATE_FILE } from '../../tools/release/template';
import { loadBundle } from '../helpers/bundle';
import { makeReleaseZip, sheetRows, type Release } from './zip';

let release: Release;
const books: Partial<Record<Lang, ExcelJS.Workbook>> = {};

beforeAll(async () => {
  release = await makeReleaseZip();
  books.en = await release.workbook(TEMPLATE_FILE.en);
  books.zh = await release.workbook(TEMPLATE_FILE.zh);
}, 120000);

function sheetOf(lang: Lang, key: SheetKey): ExcelJS.Worksheet {
  const ws = books[lang]!.getWorksheet(sheetLabel(SHEETS[key], lang));
  if (!ws) throw new Error(`no sheet ${sheetLabel(SHEETS[key], lang)} in the ${lang} template`);
  return ws;
}

function colOf(lang: Lang, key: SheetKey, field: string): number {
  return SHEETS[key].fields.indexOf(fieldOf(SHEETS[key], field)) + 1;
}

describe.each(['en', 'zh'] as const)('the %s template', (lang) => {
  test('has every sheet of the schema, in order, named in its language', () => {
    expect(books[lang]!.worksheets.map((w) => w.name)).toEqual(SHEET_KEYS.map((k) => sheetLabel(SHEETS[k], lang)));
  });

  test.each(SHEET_KEYS)('%s: headers are the schema fields, bold, frozen', (key) => {
    const ws = sheetOf(lang, key);
    expect(sheetRows(ws)[0]).toEqual(SHEETS[key].fields.map((f) => headerLabel(f, lang)));
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('Templates holds the default templates Set up writes, the template language first', () => {
    const rows = sheetRows(sheetOf(lang, 'templates'));
    const spec = SHEETS.templates;
    const col = (k: string) => spec.fields.indexOf(fieldOf(spec, k));
    const got = rows.slice(1).map((r) => ({
      key: r[col('key')],
      language: r[col('language')],
      subject: r[col('subject')],
      body: r[col('body')],
    }));
    expect(got).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(got).toEqual(expect.arrayContaining(DEFAULT_TEMPLATES.map((t) => ({ ...t }))));
    expect(got[0].language).toBe(lang);
    // Plain text, as Set up writes them: a body starting with '=' stays a template.
    expect(sheetOf(lang, 'templates').getColumn(col('body') + 1).numFmt).toBe('@');
  });

  test('the other sheets have no data rows', () => {
    for (const key of SHEET_KEYS.filter((k) => k !== 'templates')) expect(sheetRows(sheetOf(lang, key))).toHaveLength(1);
  });

  test.each([
    ['customers', 'status', STATUSES],
    ['contactLog', 'type', CONTACT_TYPES],
  ] as const)('%s %s: a drop-down of the model values on every data row', (key, field, values) => {
    const ws = sheetOf(lang, key);
    const c = colOf(lang, key, field);
    for (const row of [2, 3, LIST_ROWS]) {
      const dv = ws.getCell(row, c).dataValidation;
      expect(dv).toMatchObject({ type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] });
      expect(dv.prompt).toBeTruthy();
    }
    expect(ws.getCell(1, c).dataValidation).toBeUndefined();
    expect(ws.getCell(LIST_ROWS + 1, c).dataValidation).toBeUndefined();
    // No other column has a list.
    expect(ws.getCell(2, c + 1).dataValidation).toBeUndefined();
  });

  test('date columns have date formats; IDs, phones and birthdays are plain text', () => {
    const fmt = (key: SheetKey, field: string) => sheetOf(lang, key).getColumn(colOf(lang, key, field)).numFmt;
    for (const [key, field] of [
      ['customers', 'lastPurchase'],
      ['customers', 'customerSince'],
      ['customers', 'lastContact'],
      ['customers', 'snoozeUntil'],
      ['customers', 'nextFollowUp'],
      ['purchases', 'date'],
      ['contactLog', 'date'],
      ['contactLog', 'nextStepDate'],
      ['contactLog', 'resolvedOn'],
      ['holidays', 'date'],
    ] as const)
      expect(`${key}.${field}: ${fmt(key, field)}`).toBe(`${key}.${field}: yyyy-mm-dd`);
    expect(fmt('customers', 'nextVisit')).toBe('yyyy-mm-dd hh:mm');
    for (const [key, field] of [
      ['customers', 'id'],
      ['customers', 'phone'],
      ['customers', 'birthday'],
      ['purchases', 'customerId'],
      ['contactLog', 'customerId'],
    ] as const)
      expect(`${key}.${field}: ${fmt(key, field)}`).toBe(`${key}.${field}: @`);
  });

  test('every column is at least as wide as its header', () => {
    for (const key of SHEET_KEYS) {
      const ws = sheetOf(lang, key);
      SHEETS[key].fields.forEach((f, i) => {
        const header = headerLabel(f, lang);
        expect(ws.getColumn(i + 1).width ?? 0).toBeGreaterThanOrEqual(Math.min(header.length + 2, 40));
      });
    }
  });
});

describe('the column looks', () => {
  test('name only fields the schema has', () => {
    for (const k of Object.keys(LOOKS)) {
      const [sheet, field] = k.split('.') as [SheetKey, string];
      expect(SHEETS[sheet]).toBeDefined();
      expect(() => fieldOf(SHEETS[sheet], field)).not.toThrow();
    }
  });

  test("Retain's own columns have the number formats the built bundle's Set up gives them", () => {
    // Set up formats only the columns it adds; in the template they exist already, so the
    // template must carry the same formats (src/server/setup.ts). Compare with the product.
    const emu = loadBundle({}, { Sheet1: [[]] });
    emu.invoke('setupSheets');
    for (const key of ['customers', 'purchases'] as const) {
      const sheet = emu.sheet(sheetLabel(SHEETS[key], 'en'));
      const header = emu.sheetValues(sheetLabel(SHEETS[key], 'en'))[0];
      for (const f of SHEETS[key].fields.filter((x) => x.managed)) {
        const c = header.indexOf(f.en) + 1;
        const bySetUp = sheet.getRange(2, c).getNumberFormat();
        const inTemplate = sheetOf('en', key).getColumn(colOf('en', key, f.key)).numFmt ?? 'General';
        expect(`${key}.${f.key}: ${inTemplate}`).toBe(`${key}.${f.key}: ${bySetUp}`);
      }
    }
  });
});
