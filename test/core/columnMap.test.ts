/** The column map (docs/data.md, Column map): stored, applied, checked, and shown field by field. */
import { applyFieldMap, readColumnMap } from '../../src/core/columnMap';
import { checkSheetMap, sheetColumns } from '../../src/core/columnsView';
import { findHeaderRow } from '../../src/core/headerRow';
import { matchHeaders } from '../../src/core/headers';
import { SHEETS } from '../../src/core/schema';

describe('readColumnMap', () => {
  test('keeps known sheets, mappable fields and non-blank headers; drops the rest; never throws', () => {
    expect(
      readColumnMap(
        JSON.stringify({
          customers: { name: ' Kundenname ', email: '', tier: 'Stufe', nope: 'x', phone: 42 },
          templates: { key: 'Schlüssel' },
          purchases: { amount: 'Betrag' },
        }),
      ),
    ).toEqual({ customers: { name: 'Kundenname' }, purchases: { amount: 'Betrag' } });
    expect(readColumnMap('{not json')).toEqual({});
    expect(readColumnMap(null)).toEqual({});
    expect(readColumnMap([1, 2])).toEqual({});
    expect(readColumnMap({ customers: { name: 'x'.repeat(201) } })).toEqual({});
  });
});

describe('applyFieldMap', () => {
  const row = ['Kundenname', 'Email', 'Work mail', 'Notes'];
  const match = matchHeaders(row, SHEETS.customers);

  test('a mapped header found is that field; one not found is reported; the user wins over a guess', () => {
    const r = applyFieldMap(row, match, { name: 'kundenname', email: 'Work mail', phone: 'Telefon' });
    expect(r.match.columns).toMatchObject({ name: 0, email: 2 });
    expect(r.applied).toEqual(['name', 'email']);
    expect(r.missing).toEqual(['phone']);
    expect(r.match.missingRequired).toEqual([]);
    expect(r.match.unknown).toEqual([1, 3]);
  });

  test('one column is never two fields', () => {
    const r = applyFieldMap(row, match, { company: 'Email' });
    expect(r.applied).toEqual([]);
    expect(r.match.columns.email).toBe(1);
    expect(r.match.columns.company).toBeUndefined();
  });

  test('findHeaderRow finds a header row the map makes readable, below a title', () => {
    const values = [
      ['Kundenliste 2026', '', ''],
      ['Kundenname', 'E-Mail', 'Umsatz'],
      ['Lukas', 'l@x.de', '5'],
    ];
    expect(findHeaderRow(values, SHEETS.customers)).toBeNull();
    const found = findHeaderRow(values, SHEETS.customers, { name: 'Kundenname', revenue: 'Umsatz' })!;
    expect(found.row).toBe(1);
    expect(found.match.columns).toMatchObject({ name: 0, email: 1, revenue: 2 });
    expect(findHeaderRow(values, SHEETS.customers, { name: 'Kundenname', owner: 'Betreuer' })!.unmapped).toEqual([
      'owner',
    ]);
  });
});

describe('the Columns section', () => {
  const header = ['Kundenname', 'Work mail', 'Umsatz', 'Customer ID'];

  test('what Retain reads, then a choice per field it did not find: required first, nearest headers first', () => {
    const s = sheetColumns('customers', 'Customers', 1, header, undefined, 'en');
    expect(s.found).toEqual([{ field: 'id', label: 'Customer ID', header: 'Customer ID' }]);
    expect(s.choices[0]).toMatchObject({ field: 'name', label: 'Name', required: true, mapped: '', gone: false });
    expect(s.choices[0].options[0]).toEqual({ header: 'Kundenname', near: true });
    // A header another field uses is not offered.
    expect(s.choices[0].options.map((o) => o.header)).not.toContain('Customer ID');
    expect(s.choices.find((c) => c.field === 'email')!.options[0]).toEqual({ header: 'Work mail', near: true });
    expect(s.choices.map((c) => c.field)).not.toContain('id');
    expect(s.problems).toEqual(['Name is needed and has no column: choose one below.']);
  });

  test('a mapped field is found, still offered to change, and reported when its header is gone', () => {
    const s = sheetColumns('customers', 'Customers', 1, header, { name: 'Kundenname', email: 'Mail 2' }, 'zh');
    expect(s.found).toContainEqual({ field: 'name', label: '姓名', header: 'Kundenname' });
    expect(s.choices.find((c) => c.field === 'name')).toMatchObject({ mapped: 'Kundenname', gone: false });
    expect(s.choices.find((c) => c.field === 'email')).toMatchObject({ mapped: 'Mail 2', gone: true });
    expect(s.problems).toEqual([
      '列映射：“Mail 2”（邮箱）已不在“Customers”中（被改名或删除？）：该字段未读取。请在 设置 > 列 中重新选择。',
    ]);
  });

  test('a name from First and Last name is found, not offered', () => {
    const s = sheetColumns('customers', 'Customers', 1, ['First Name', 'Last Name', 'Email'], undefined, 'en');
    expect(s.found).toContainEqual({ field: 'name', label: 'Name', header: 'First Name + Last Name' });
    expect(s.choices.map((c) => c.field)).not.toContain('name');
  });

  test('checkSheetMap: headers of the row only, one per field, blank for none; errors by field', () => {
    expect(checkSheetMap('customers', 'Customers', 1, header, { name: 'kundenname', email: '' }, 'en')).toEqual({
      ok: true,
      map: { name: 'Kundenname' },
    });
    expect(checkSheetMap('customers', 'Customers', 2, header, { name: 'Nope', tier: 'Umsatz' }, 'en')).toEqual({
      ok: false,
      errors: {
        name: '"Nope" is not a header of row 2 of "Customers".',
        tier: 'Unknown field "tier".',
      },
    });
    expect(
      checkSheetMap('customers', 'Customers', 1, header, { revenue: 'Umsatz', lastPurchaseAmount: 'Umsatz' }, 'zh'),
    ).toEqual({
      ok: false,
      errors: { lastPurchaseAmount: '“Umsatz”同时被选为销售额和最近购买金额：一列只能对应一个字段。' },
    });
  });
});
