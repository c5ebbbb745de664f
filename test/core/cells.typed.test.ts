/**
 * Numbers and dates as people type them (issue 11 items 6-8): Chinese
 * multipliers, currency codes, decimal commas by locale, dates with month
 * names, day/month order by locale, date serials per column, and the
 * language guess for a blank Language.
 */
import {
  NO_LOCALE,
  cellLocale,
  dateSerialColumn,
  dateSerialFields,
  guessLanguage,
  isPlausibleSerial,
  parseDate,
  parseMonthDay,
  parseNumber,
  parseStatus,
  serialDate,
  type Parsed,
} from '../../src/core/cells';

const utc = (d: Date) => d.toISOString().slice(0, 10);
const US = cellLocale('en_US');
const GB = cellLocale('en_GB');
const DE = cellLocale('de_DE');
const CN = cellLocale('zh_CN');

function value<T>(p: Parsed<T> | null): T {
  if (p === null) throw new Error('got null');
  if (!p.ok) throw new Error('got error: ' + p.message.en);
  return p.value;
}

function message(p: Parsed<unknown> | null): { en: string; zh: string } {
  if (p === null) throw new Error('got null');
  if (p.ok) throw new Error('got value: ' + JSON.stringify(p.value));
  return p.message;
}

describe('cellLocale', () => {
  it.each([
    ['en_US', false, 'MD'],
    ['en', false, 'MD'],
    ['en-US', false, 'MD'],
    ['en_GB', false, 'DM'],
    ['en_AU', false, 'DM'],
    ['en_IN', false, 'DM'],
    ['de_DE', true, 'DM'],
    ['de-AT', true, 'DM'],
    ['de_CH', false, 'DM'],
    ['fr_FR', true, 'DM'],
    ['es_ES', true, 'DM'],
    ['es_MX', false, 'DM'],
    ['pt_BR', true, 'DM'],
    ['nl_NL', true, 'DM'],
    ['ru_RU', true, 'DM'],
    ['zh_CN', false, null],
    ['zh_TW', false, null],
    ['ja_JP', false, null],
    ['sv_SE', true, null],
    ['en_CA', false, null],
  ])('%s: decimal comma %s, day/month %s', (locale, comma, order) => {
    expect(cellLocale(locale)).toEqual({ decimalComma: comma, dayMonth: order });
  });

  it('knows nothing without a locale', () => {
    expect(cellLocale('')).toBe(NO_LOCALE);
    expect(cellLocale(undefined)).toBe(NO_LOCALE);
    expect(cellLocale(null)).toEqual({ decimalComma: false, dayMonth: null });
  });
});

describe('parseNumber: amounts as typed', () => {
  it.each([
    ['1.2万', 12000],
    ['1.1万', 11000],
    ['12万元', 120000],
    ['12 万元', 120000],
    ['3亿', 300000000],
    ['1.5亿元', 150000000],
    ['1.5千', 1500],
    ['2萬', 20000],
    ['¥1.2万', 12000],
    ['￥8,500', 8500],
    ['-1.2万', -12000],
    ['(1.2万)', -12000],
    ['1,200万', 12000000],
    ['RMB 3,200', 3200],
    ['3,200 RMB', 3200],
    ['CNY3200', 3200],
    ['3200 cny', 3200],
    ['USD 1,200.50', 1200.5],
    ['1,200.50 USD', 1200.5],
    ['EUR 99', 99],
    ['99 EUR', 99],
    ['£1,250.00', 1250],
    ['1250 GBP', 1250],
    ['HK$ 800', 800],
    ['人民币5000', 5000],
    ['5000元', 5000],
    ['(1,200)', -1200],
    ["1'234.50", 1234.5],
    ['1\u202f234.50', 1234.5],
  ])('%j -> %d', (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
    // The same amounts in an en_US or zh_CN sheet.
    expect(value(parseNumber(input, US))).toBe(expected);
    expect(value(parseNumber(input, CN))).toBe(expected);
  });

  it.each([
    ['1.234,50 €', 1234.5],
    ['1.234,50', 1234.5],
    ['1 234,50', 1234.5],
    ['1\u00a0234,50 €', 1234.5],
    ['€ 1.234,50', 1234.5],
    ['EUR 12.500,00', 12500],
    ['12,5', 12.5],
    [',5', 0.5],
    ['1.200', 1200],
    ['1.200.000', 1200000],
    ['1,200', 1.2],
    ['980', 980],
    ['-1.234,50', -1234.5],
    ['(1.234,50 €)', -1234.5],
    ['1,2万', 12000],
  ])('with a decimal comma (de_DE): %j -> %d', (input, expected) => {
    expect(value(parseNumber(input, DE))).toBe(expected);
  });

  it.each(['1,234.50', '1,234,567', '12.50', '1.5'])(
    'with a decimal comma, refuses %j as ambiguous, saying how to write it',
    (input) => {
      const m = message(parseNumber(input, DE));
      expect(m.en).toBe(
        `"${input}" is ambiguous in this spreadsheet's locale: write it with a comma for decimals, e.g. 1200,50`,
      );
      expect(m.zh).toContain('歧义');
    },
  );

  it('without a decimal-comma locale, a decimal comma stays ambiguous (en_US reading unchanged)', () => {
    for (const loc of [NO_LOCALE, US, GB, CN]) {
      expect(message(parseNumber('1.234,50 €', loc)).en).toContain('ambiguous');
      expect(message(parseNumber('1 234,50', loc)).en).toContain('ambiguous');
      expect(value(parseNumber('1.200', loc))).toBe(1.2);
    }
  });

  it.each(['3k', '12%', 'N/A', '1e3', '万元', '1.2万万', 'about 12万', '12万 dollars', '3 apples'])(
    'refuses %j, naming it',
    (input) => {
      for (const loc of [NO_LOCALE, DE]) {
        const m = message(parseNumber(input, loc));
        expect(m.en).toContain(`"${input}"`);
        expect(m.zh).toContain(input);
      }
    },
  );

  it('plain digits and number cells read the same whatever the locale', () => {
    for (const loc of [NO_LOCALE, US, DE, CN]) {
      expect(value(parseNumber('12800', loc))).toBe(12800);
      expect(value(parseNumber(1234.5, loc))).toBe(1234.5);
      expect(parseNumber('', loc)).toBeNull();
    }
  });
});

describe('parseDate: dates as typed', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026/11/3', '2026-11-03'],
    ['2026.11.3', '2026-11-03'],
    ['2026年11月3日', '2026-11-03'],
    ['Nov 3, 2026', '2026-11-03'],
    ['Nov. 3, 2026', '2026-11-03'],
    ['nov 3 2026', '2026-11-03'],
    ['November 3rd 2026', '2026-11-03'],
    ['November 3rd, 2026', '2026-11-03'],
    ['Sept 1, 2026', '2026-09-01'],
    ['3 Nov 2026', '2026-11-03'],
    ['3rd November 2026', '2026-11-03'],
    ['3-Nov-2026', '2026-11-03'],
    ['03 nov. 2026', '2026-11-03'],
    ['3. November 2026', '2026-11-03'],
    ['1st of May, 2026', '2026-05-01'],
    ['25/12/2026', '2026-12-25'],
    ['12/25/2026', '2026-12-25'],
  ])('%j -> %s, with or without a locale', (input, expected) => {
    for (const loc of [NO_LOCALE, US, GB, DE, CN]) expect(value(parseDate(input, utc, loc))).toBe(expected);
  });

  it('reads d/m and m/d by the locale', () => {
    expect(value(parseDate('3/11/2026', utc, US))).toBe('2026-03-11');
    expect(value(parseDate('11/3/2026', utc, US))).toBe('2026-11-03');
    expect(value(parseDate('3/11/2026', utc, GB))).toBe('2026-11-03');
    expect(value(parseDate('11/3/2026', utc, GB))).toBe('2026-03-11');
    expect(value(parseDate('03.11.2026', utc, DE))).toBe('2026-11-03');
    expect(value(parseDate('3.11.2026', utc, cellLocale('fr_FR')))).toBe('2026-11-03');
  });

  it('the cache keeps each order apart: the same text reads differently by locale', () => {
    for (let i = 0; i < 2; i++) {
      expect(value(parseDate('4/5/2026', utc, US))).toBe('2026-04-05');
      expect(value(parseDate('4/5/2026', utc, GB))).toBe('2026-05-04');
      expect(message(parseDate('4/5/2026', utc)).en).toContain('could be day/month or month/day');
    }
  });

  it('a locale that writes the year first (zh_CN) does not decide d/m/y: ambiguous stays an error', () => {
    const m = message(parseDate('3/11/2026', utc, CN));
    expect(m.en).toBe('"3/11/2026" could be day/month or month/day: write it as YYYY-MM-DD, e.g. 2026-11-02');
    expect(value(parseDate('25/12/2026', utc, CN))).toBe('2026-12-25');
  });

  it.each(['Nov 31, 2026', '31 Feb 2026', 'Feb 29, 2025'])('refuses %j as not a real date', (input) => {
    expect(message(parseDate(input, utc, US)).en).toBe(`"${input}" is not a real date`);
  });

  it.each(['Nov 3, 26', '3 Nov 26', '3/11/26'])('refuses the two-digit year of %j', (input) => {
    expect(message(parseDate(input, utc, US)).en).toContain('two-digit year');
  });

  it.each(['Nov 3', 'Novembre 3, 2026', 'the 3rd', '3 Nov 2026 or so'])('refuses %j as no date', (input) => {
    expect(message(parseDate(input, utc, US)).en).toBe(
      `"${input}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-02`,
    );
  });

  it('reads a number as a date only when the column holds date serials', () => {
    expect(value(parseDate(46328, utc, NO_LOCALE, true))).toBe('2026-11-02');
    expect(value(parseDate(46328.75, utc, NO_LOCALE, true))).toBe('2026-11-02');
    expect(message(parseDate(46328, utc)).en).toBe(
      '46328 is a number, not a date: format the column as a date (Format > Number > Date)',
    );
    // A bare year or a small number is no serial even there.
    expect(message(parseDate(2026, utc, NO_LOCALE, true)).en).toContain('is a number, not a date');
    expect(message(parseDate(12, utc, NO_LOCALE, true)).en).toContain('is a number, not a date');
  });
});

describe('date serials', () => {
  it('counts from 1899-12-30, for 1910 to 2100', () => {
    expect(serialDate(1)).toBeNull();
    expect(serialDate(3653)).toBeNull();
    expect(serialDate(3654)).toBe('1910-01-01');
    expect(serialDate(25569)).toBe('1970-01-01');
    expect(serialDate(45658)).toBe('2025-01-01');
    expect(serialDate(73415)).toBe('2100-12-31');
    expect(serialDate(73416)).toBeNull();
    expect(isPlausibleSerial(2026)).toBe(false);
    expect(isPlausibleSerial(NaN)).toBe(false);
  });

  it('decides per column: serials among dates are dates, numbers alone are not', () => {
    const d = new Date(Date.UTC(2026, 10, 2));
    expect(dateSerialColumn([d, d, '2026-11-05', 46328, ''])).toBe(true);
    expect(dateSerialColumn(['2026/11/3', 'Nov 3, 2026', 46328])).toBe(true);
    expect(dateSerialColumn([d, 46328, 46329, 46330])).toBe(true);
    expect(dateSerialColumn([46328, 46329, 46330])).toBe(false);
    expect(dateSerialColumn([d, d, 'soon', 'later', 'never', 46328])).toBe(false);
    expect(dateSerialColumn([d, d, d])).toBe(false);
    expect(dateSerialColumn([d, 2026, 12])).toBe(false);
    expect(dateSerialColumn([])).toBe(false);
  });

  it('dateSerialFields looks below the header row, at the fields asked', () => {
    const d = new Date(Date.UTC(2026, 10, 2));
    const values = [
      ['Customer list'],
      ['Name', 'Last purchase', 'Revenue', 'Birthday'],
      ['A', d, 46000, 30000],
      ['B', 46329, 5000, 30001],
    ];
    const columns = { name: 0, lastPurchase: 1, revenue: 2, birthday: 3 };
    expect([...dateSerialFields(values, 1, columns, ['lastPurchase', 'birthday', 'customerSince'])]).toEqual([
      'lastPurchase',
    ]);
  });
});

describe('parseMonthDay: birthdays as typed', () => {
  it.each([
    ['11-03', { month: 11, day: 3 }],
    ['11月3日', { month: 11, day: 3 }],
    ['Nov 3', { month: 11, day: 3 }],
    ['November 3rd', { month: 11, day: 3 }],
    ['3 Nov', { month: 11, day: 3 }],
    ['3rd of November', { month: 11, day: 3 }],
    ['3-Nov', { month: 11, day: 3 }],
    ['--11-03', { month: 11, day: 3 }],
    ['Nov 3, 1980', { month: 11, day: 3, year: 1980 }],
    ['3 Nov 1980', { month: 11, day: 3, year: 1980 }],
  ])('%j -> %j in any locale', (input, expected) => {
    for (const loc of [NO_LOCALE, US, GB, DE, CN]) expect(value(parseMonthDay(input, utc, loc))).toEqual(expected);
  });

  it('reads 3/11 by the locale, and refuses it when the locale does not decide', () => {
    expect(value(parseMonthDay('3/11', utc, US))).toEqual({ month: 3, day: 11 });
    expect(value(parseMonthDay('3/11', utc, GB))).toEqual({ month: 11, day: 3 });
    expect(message(parseMonthDay('3/11', utc, CN)).en).toContain('could be day/month or month/day');
    expect(value(parseMonthDay('14/3/1980', utc, US))).toEqual({ month: 3, day: 14, year: 1980 });
    expect(value(parseMonthDay('3/11/1980', utc, GB))).toEqual({ month: 11, day: 3, year: 1980 });
  });

  it('dots are month first, except where the locale writes the day first', () => {
    expect(value(parseMonthDay('3.14', utc, CN))).toEqual({ month: 3, day: 14 });
    expect(value(parseMonthDay('3.4', utc))).toEqual({ month: 3, day: 4 });
    expect(value(parseMonthDay('14.03.', utc, DE))).toEqual({ month: 3, day: 14 });
    expect(value(parseMonthDay('03.04.', utc, DE))).toEqual({ month: 4, day: 3 });
  });

  it.each(['Nov 31', '30 Feb', 'Smarch 3'])('refuses %j', (input) => {
    expect(message(parseMonthDay(input, utc, US)).en).toContain(`"${input}"`);
  });
});

describe('parseStatus: CRM lifecycle stages', () => {
  it.each([
    ['Customer', 'Active'],
    ['customer', 'Active'],
    ['Evangelist', 'Active'],
    ['Lead', 'Prospect'],
    ['Subscriber', 'Prospect'],
    ['Opportunity', 'Prospect'],
    ['marketingqualifiedlead', 'Prospect'],
    ['Sales Qualified Lead', 'Prospect'],
    ['成交客户', 'Active'],
    ['跟进中', 'Prospect'],
    ['Unsubscribed', 'Do not contact'],
    ['黑名单', 'Do not contact'],
    ['Churned', 'Lost'],
  ])('%j -> %s', (input, expected) => {
    expect(value(parseStatus(input))).toBe(expected);
  });
});

describe('guessLanguage', () => {
  it.each([
    ['王小明', 'en_US', 'zh'],
    ['王小明', undefined, 'zh'],
    ['Lee 李明', 'en_GB', 'zh'],
    ['陳大文', 'en_US', 'zh'],
    ['Alice Chen', 'en_US', 'en'],
    ['Alice Chen', 'zh_CN', 'zh'],
    ['Alice Chen', 'zh-TW', 'zh'],
    ['Alice Chen', 'de_DE', 'en'],
    ['Alice Chen', undefined, 'en'],
    ['', 'zh_CN', 'zh'],
    ['山田はなこ', 'en_US', 'en'],
    ['김민준', 'en_US', 'en'],
  ])('%j in %s -> %s', (name, locale, expected) => {
    expect(guessLanguage(name, locale)).toBe(expected);
  });
});
