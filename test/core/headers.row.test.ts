/**
 * The header row below title rows, totals rows, name parts and header
 * suggestions (issue 11 items 2, 3 and 5).
 */
import { findHeaderRow, isTotalsLabel, isTotalsRow, HEADER_ROW_SCAN } from '../../src/core/headerRow';
import {
  describeSuggestions,
  headerSimilarity,
  rankHeaders,
  suggestHeaders,
  SUGGEST_AT,
} from '../../src/core/headerSuggest';
import { matchHeaders } from '../../src/core/headers';
import { findNameParts, joinName, nameOf } from '../../src/core/nameColumns';
import { fieldOf, SHEETS } from '../../src/core/schema';

const C = SHEETS.customers;

describe('findHeaderRow', () => {
  it('is row 1 for an ordinary sheet', () => {
    const found = findHeaderRow(
      [
        ['Name', 'Email'],
        ['Bob', 'bob@example.com'],
      ],
      C,
    );
    expect(found?.row).toBe(0);
    expect(found?.match.columns).toEqual({ name: 0, email: 1 });
    expect(found?.nameParts).toBeNull();
  });

  it('skips title rows, blank rows and an export line above the table', () => {
    const values = [
      ['Customer list 2026', '', ''],
      ['Exported 2026-11-20 by Lin Wei', '', ''],
      ['', '', ''],
      [],
      ['Full name', 'E-mail Address', 'Total spent'],
      ['Bob', 'bob@example.com', '1200'],
    ];
    const found = findHeaderRow(values, C)!;
    expect(found.row).toBe(4);
    expect(found.match.columns).toEqual({ name: 0, email: 1, revenue: 2 });
    expect(found.match.missingRequired).toEqual([]);
  });

  it('needs a Name header and one other known header: a lone "Customer" title is not the header row', () => {
    const values = [
      ['Customer'],
      ['2026年客户名单'],
      ['客户名称', '联系电话', '累计消费'],
      ['华信科技', '138', '1.2万'],
    ];
    const found = findHeaderRow(values, C)!;
    expect(found.row).toBe(2);
    expect(found.match.columns).toEqual({ name: 0, phone: 1, revenue: 2 });
  });

  it('still takes row 1 with a Name column alone, as before', () => {
    expect(findHeaderRow([['Name'], ['Bob'], ['Alice']], C)?.row).toBe(0);
    expect(
      findHeaderRow(
        [
          ['姓名', 'My notes'],
          ['王小明', 'x'],
        ],
        C,
      )?.row,
    ).toBe(0);
  });

  it('does not take a row with other headers but no Name', () => {
    const values = [
      ['Email', 'Revenue'],
      ['bob@example.com', '1200'],
    ];
    expect(findHeaderRow(values, C)).toBeNull();
  });

  it(`looks at the first ${HEADER_ROW_SCAN} rows only`, () => {
    const title = Array.from({ length: HEADER_ROW_SCAN }, (_, i) => [`note ${i}`, '']);
    expect(findHeaderRow([...title, ['Name', 'Email']], C)).toBeNull();
    expect(findHeaderRow([...title.slice(1), ['Name', 'Email']], C)?.row).toBe(HEADER_ROW_SCAN - 1);
  });

  it('takes First name and Last name for the Name header', () => {
    const found = findHeaderRow(
      [
        ['Customer ID', 'First Name', 'Last Name', 'Email', 'Total Spent'],
        ['1', 'Alice', 'Chen', 'a@example.com', '10'],
      ],
      C,
    )!;
    expect(found.row).toBe(0);
    expect(found.nameParts).toEqual({ first: 1, middle: null, last: 2 });
    expect(found.match.columns).toEqual({ id: 0, email: 3, revenue: 4 });
    expect(found.match.missingRequired).toEqual([]);
    // matchHeaders alone still says Name is missing: only findHeaderRow knows the parts.
    expect(matchHeaders(['First Name', 'Last Name'], C).missingRequired).toEqual(['name']);
  });

  it('works for the other sheets by their required headers', () => {
    const values = [['Purchases 2026'], ['Customer ID', 'Order date', 'Total', 'Product']];
    const found = findHeaderRow(values, SHEETS.purchases)!;
    expect(found.row).toBe(1);
    expect(found.match.columns).toEqual({ customerId: 0, date: 1, amount: 2, product: 3 });
    expect(findHeaderRow([['Customer ID', 'Date']], SHEETS.purchases)).toBeNull();
  });

  it('is null for an empty sheet', () => {
    expect(findHeaderRow([], C)).toBeNull();
    expect(findHeaderRow([[]], C)).toBeNull();
  });
});

describe('isTotalsRow', () => {
  const match = matchHeaders(['Customer ID', 'Name', 'Email', 'Revenue'], C);

  it.each([
    'Total',
    'TOTAL:',
    'Totals',
    'Grand total',
    'Sub-total',
    'Sum',
    '合计',
    '合 计',
    '总计',
    '小计',
    '合計',
    'Total 2026',
    '合计（2026年）',
    'Summe',
  ])('%j in the name column, with no email and no ID, is a totals row', (label) => {
    expect(isTotalsRow(['', label, '', 123456], match)).toBe(true);
  });

  it('is not a totals row with an email or an ID, or with another name', () => {
    expect(isTotalsRow(['', 'Total', 'total@example.com', 5], match)).toBe(false);
    expect(isTotalsRow(['C0009', 'Total', '', 5], match)).toBe(false);
    expect(isTotalsRow(['', 'Total Gym Ltd', '', 5], match)).toBe(false);
    expect(isTotalsRow(['', 'Bob', '', 5], match)).toBe(false);
    expect(isTotalsRow(['', '', '', 5], match)).toBe(false);
    expect(isTotalsRow(['', '', '', ''], match)).toBe(false);
  });

  it('finds the word in the first filled cell when the name is blank (even in the ID column)', () => {
    expect(isTotalsRow(['合计', '', '', 99], match)).toBe(true);
    const noId = matchHeaders(['No.', 'Name', 'Email', 'Revenue'], C);
    expect(isTotalsRow(['Total', '', '', 99], noId)).toBe(true);
    expect(isTotalsRow(['17', '', '', 99], noId)).toBe(false);
  });

  it('reads the name from First/Last name when the sheet has no Name', () => {
    const row = ['First Name', 'Last Name', 'Email', 'Total Spent'];
    const found = findHeaderRow([row], C)!;
    expect(isTotalsRow(['Total', '', '', 500], found.match, found.nameParts)).toBe(true);
    expect(isTotalsRow(['Alice', 'Chen', '', 500], found.match, found.nameParts)).toBe(false);
  });

  it('isTotalsLabel ignores non-text and long text', () => {
    expect(isTotalsLabel(0)).toBe(false);
    expect(isTotalsLabel('Total'.padEnd(60, '!'))).toBe(false);
  });
});

describe('name parts', () => {
  it('finds First, Middle and Last name columns in English and Chinese', () => {
    expect(findNameParts(['Email', 'Given name', 'Family name'])).toEqual({ first: 1, middle: null, last: 2 });
    expect(findNameParts(['姓', '名', '电话'])).toEqual({ first: 1, middle: null, last: 0 });
    expect(findNameParts(['First Name', 'Middle Name', 'Last Name'])).toEqual({ first: 0, middle: 1, last: 2 });
    expect(findNameParts(['Middle name', 'Email'])).toBeNull();
    expect(findNameParts(['Name'])).toBeNull();
  });

  it.each([
    ['Alice', 'Chen', '', 'Alice Chen'],
    ['Mary', 'Lee', 'Ann', 'Mary Ann Lee'],
    ['小明', '王', '', '王小明'],
    [' 小明 ', ' 王', '', '王小明'],
    ['Alice', '', '', 'Alice'],
    ['', 'Chen', '', 'Chen'],
    ['Alice Chen', 'Chen', '', 'Alice Chen'],
    ['Wei', '李', '', 'Wei 李'],
    ['', '', '', ''],
  ])('joinName(%j, %j, %j) -> %j', (first, last, middle, expected) => {
    expect(joinName(first, last, middle)).toBe(expected);
  });

  it('nameOf prefers the Name column, even when its cell is blank', () => {
    const parts = { first: 1, middle: null, last: 2 };
    expect(nameOf(['Bob Smith', 'Alice', 'Chen'], 0, parts)).toBe('Bob Smith');
    expect(nameOf(['', 'Alice', 'Chen'], 0, parts)).toBe('');
    expect(nameOf(['', 'Alice', 'Chen'], undefined, parts)).toBe('Alice Chen');
    expect(nameOf(['x'], undefined, null)).toBe('');
  });
});

describe('suggestHeaders', () => {
  it('suggests the nearest unused headers for a missing Name, nearest first', () => {
    const row = ['Kundenname', 'E-Mail', 'Telefon', 'Umsatz'];
    const s = suggestHeaders(row, C);
    expect(s[0]).toEqual({ field: 'name', candidates: [{ column: 0, header: 'Kundenname', score: 0.7 }] });
    expect(s.find((x) => x.field === 'phone')?.candidates.map((c) => c.header)).toEqual(['Telefon']);
    // Umsatz (German for revenue) is nothing like an English or Chinese name: no guess.
    expect(s.find((x) => x.field === 'revenue')).toBeUndefined();
    // A column already matched (E-Mail is Email) is never suggested for another field.
    expect(s.flatMap((x) => x.candidates.map((c) => c.header))).not.toContain('E-Mail');
    expect(describeSuggestions(s, C, 'en')).toBe('Kundenname → Name?, Telefon → Phone?');
    expect(describeSuggestions(s, C, 'zh')).toBe('“Kundenname” → 姓名？，“Telefon” → 电话？');
  });

  it('catches typos and Chinese near-names, each column for its nearest field only', () => {
    const s = suggestHeaders(['Emial', '客户全名', 'Name of customer', 'Revenue 2025'], C);
    expect(s.map((x) => [x.field, x.candidates.map((c) => c.header)])).toEqual([
      ['name', ['Name of customer', '客户全名']],
      ['email', ['Emial']],
      ['revenue', ['Revenue 2025']],
    ]);
  });

  it('takes First/Last name columns as the Name: nothing to suggest for it, and they are not suggested elsewhere', () => {
    const s = suggestHeaders(['First Name', 'Last Name', 'Email', 'Tags'], C);
    expect(s).toEqual([]);
  });

  it('has nothing to suggest for headers that are far from every field', () => {
    expect(suggestHeaders(['Foo', 'Bar', '123'], C)).toEqual([]);
  });

  it('rankHeaders lists every header for the drop-down, nearest first, ties in column order', () => {
    const ranked = rankHeaders(['Notes', '', 'Telefon', 7, 'Phone 2', 'Mobil'], fieldOf(C, 'phone'));
    expect(ranked.map((c) => c.header)).toEqual(['Phone 2', 'Mobil', 'Telefon', 'Notes']);
    expect(ranked.map((c) => c.column)).toEqual([4, 5, 2, 0]);
  });

  it('headerSimilarity is 1 for a known name, below SUGGEST_AT for a stranger', () => {
    expect(headerSimilarity('E-mail Address', fieldOf(C, 'email'))).toBe(1);
    expect(headerSimilarity('Umsatz', fieldOf(C, 'revenue'))).toBeLessThan(SUGGEST_AT);
    expect(headerSimilarity('', fieldOf(C, 'revenue'))).toBe(0);
  });
});
