/** Set up sheets (docs/data.md, Column map) through the built bundle: adds only, twice changes nothing. */
import { loadBundle } from '../helpers/bundle';
import { snapshot, userCellChanges } from '../helpers/invariant';
import { messyWorkbook } from '../helpers/workbooks';

const MANAGED = ['Tier', 'Next follow-up', 'Follow-up', 'Days to due', 'Thank-you draft', 'Next visit', 'Retain notes'];

describe('Set up sheets', () => {
  test('on an empty workbook: creates every sheet with headers and the two templates', () => {
    const emu = loadBundle({}, { Sheet1: [[]] });
    const sheet1 = emu.sheetValues('Sheet1');
    emu.invoke('setupSheets');
    const names = emu.sheetNames();
    for (const n of ['Customers', 'Purchases', 'Contact log', 'Templates', 'Holidays', 'Retain log'])
      expect(names).toContain(n);
    const header = emu.sheetValues('Customers')[0];
    expect(header.slice(0, 2)).toEqual(['Customer ID', 'Name']);
    for (const m of MANAGED) expect(header).toContain(m);
    const templates = emu.sheetValues('Templates');
    expect(templates[0]).toEqual(['Key', 'Language', 'Subject', 'Body']);
    expect(
      templates
        .slice(1)
        .map((r) => `${r[0]}|${r[1]}`)
        .sort(),
    ).toEqual(['thank-you|en', 'thank-you|zh']);
    expect(emu.sheetValues('Sheet1')).toEqual(sheet1);
  });

  test('in Chinese: sheets and headers in Chinese', () => {
    const emu = loadBundle({ locale: 'zh-CN' }, { Sheet1: [[]] });
    emu.invoke('setupSheets');
    expect(emu.sheetNames()).toEqual(
      expect.arrayContaining(['客户', '购买记录', '联系记录', '模板', '节假日', '运行记录']),
    );
    expect(emu.sheetValues('客户')[0]).toEqual(
      expect.arrayContaining(['客户编号', '姓名', '等级', '下次跟进', '提示']),
    );
  });

  test('on a messy workbook: adds managed columns at the right, fills blank IDs, changes no user cell', () => {
    const emu = loadBundle({}, messyWorkbook());
    const before = snapshot(emu);
    emu.invoke('setupSheets');
    const after = snapshot(emu);
    expect(userCellChanges(before, after)).toEqual([]);
    const header = emu.sheetValues('Customers')[0];
    // The user's columns keep their places; Retain's come after the last of them.
    expect(header.slice(0, 15)).toEqual(before.Customers[0]);
    expect(header.slice(15)).toEqual(MANAGED);
    // The row without an ID got the next free one; the blank row stays blank.
    const rows = emu.sheetValues('Customers');
    const eve = rows.find((r) => r[1] === 'Eve No-ID') as unknown[];
    expect(eve[0]).toBe('C0008');
    expect(rows[5].every((v) => v === '')).toBe(true);
    // The user's formula is still a formula.
    expect(emu.sheetFormulas('Customers')[2][14]).toBe('=1+1');
  });

  test('twice: the second run changes nothing', () => {
    const emu = loadBundle({}, messyWorkbook());
    emu.invoke('setupSheets');
    const once = snapshot(emu);
    emu.invoke('setupSheets');
    expect(snapshot(emu)).toEqual(once);
  });

  test('conditional formatting on Days to due: red, yellow, green; added once', () => {
    const emu = loadBundle({}, messyWorkbook());
    emu.invoke('setupSheets');
    emu.invoke('setupSheets');
    const rules = emu.spreadsheet.getSheetByName('Customers')!.getConditionalFormatRules();
    expect(rules.length).toBe(3);
  });
});
