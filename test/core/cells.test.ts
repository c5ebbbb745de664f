import * as vm from 'vm';
import {
  cellText,
  isValidEmail,
  numberText,
  parseComplaintSize,
  parseContactType,
  parseDate,
  parseLanguage,
  parseMonthDay,
  parseNumber,
  parseStatus,
  type Parsed,
} from '../../src/core/cells';

/** The adapters convert in the spreadsheet's time zone; UTC stands in for it here. */
const utc = (d: Date) => d.toISOString().slice(0, 10);
const at = (iso: string) => new Date(iso + 'T12:00:00Z');

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

describe('parseNumber', () => {
  it.each([
    [1200, 1200],
    [-3.5, -3.5],
    [0, 0],
    ['1200', 1200],
    ['1,200', 1200],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['1,234,567.89', 1234567.89],
    ['¥1,200.50', 1200.5],
    ['￥1,200.50', 1200.5],
    ['$1,200', 1200],
    ['€3.5', 3.5],
    ['USD 1,200', 1200],
    ['1200元', 1200],
    ['1,200 元', 1200],
    ['-42', -42],
    ['+42', 42],
    ['\u221242', -42],
    ['-$42', -42],
    ['$-42', -42],
    ['(42)', -42],
    ['($1,200.50)', -1200.5],
    ['１２００', 1200],
    ['１，２００．５', 1200.5],
    ['  7  ', 7],
    ['.5', 0.5],
    ['1.200', 1.2],
    ['0', 0],
    ['-0', 0],
  ])('%j -> %d', (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });

  it('returns null for blanks', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('   ')).toBeNull();
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
  });

  it.each([
    '3k',
    '$3k',
    '12abc',
    'N/A',
    'abc',
    '1e3',
    '12%',
    '1,20',
    '1,2,3',
    '--42',
    '+-42',
    '-(42)',
    '(42',
    '$',
    '.',
    '1.2.3x',
    '万',
    '3万万',
    '3k万',
  ])('refuses %j, naming it', (input) => {
    const m = message(parseNumber(input));
    expect(m.en).toContain(`"${input}"`);
    expect(m.en).toMatch(/not a number|ambiguous/);
    expect(m.zh).toContain(input);
  });

  it.each(['1.200,50', '1.200.000', '1,5', '€1.200,50', '1,2345'])('refuses %j as ambiguous', (input) => {
    const m = message(parseNumber(input));
    expect(m.en).toBe(
      `"${input}" is ambiguous: write it with a dot for decimals and no dots between thousands, e.g. 1200.50`,
    );
    expect(m.zh).toContain('歧义');
  });

  it('says exactly what is wrong', () => {
    expect(message(parseNumber('3k'))).toEqual({ en: '"3k" is not a number', zh: '“3k”不是数字' });
  });

  it('refuses NaN, Infinity, booleans and dates', () => {
    expect(message(parseNumber(NaN)).en).toBe('"NaN" is not a number');
    expect(message(parseNumber(Infinity)).en).toContain('Infinity');
    expect(message(parseNumber(true)).en).toBe('"TRUE" is not a number');
    expect(message(parseNumber(false)).en).toBe('"FALSE" is not a number');
    expect(message(parseNumber(at('2026-11-02'))).en).toBe('a date (2026-11-02) is not a number');
  });

  it('shortens a long value in the message', () => {
    const m = message(parseNumber('x'.repeat(200)));
    expect(m.en.length).toBeLessThan(80);
    expect(m.en).toContain('…');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-11-02', '2026-11-02'],
    ['2026/11/2', '2026-11-02'],
    ['2026.11.2', '2026-11-02'],
    ['2026年11月2日', '2026-11-02'],
    ['2026 年 11 月 2 日', '2026-11-02'],
    ['2026年11月2号', '2026-11-02'],
    ['２０２６－１１－０２', '2026-11-02'],
    ['2026-11-02 14:30', '2026-11-02'],
    ['2026-11-02T14:30:00', '2026-11-02'],
    [' 2024-02-29 ', '2024-02-29'],
    ['25/12/2026', '2026-12-25'],
    ['12/25/2026', '2026-12-25'],
    ['5/5/2026', '2026-05-05'],
    ['1900-01-01', '1900-01-01'],
    ['2100-12-31', '2100-12-31'],
  ])('%j -> %s', (input, expected) => {
    expect(value(parseDate(input, utc))).toBe(expected);
  });

  it('converts Date cells with the given converter', () => {
    const seen: Date[] = [];
    const conv = (d: Date) => {
      seen.push(d);
      return '2026-11-03';
    };
    const d = at('2026-11-02');
    expect(value(parseDate(d, conv))).toBe('2026-11-03');
    expect(seen).toEqual([d]);
  });

  it('recognizes a Date from another realm', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2026, 10, 2, 12))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(value(parseDate(foreign, (d) => new Date(d.getTime()).toISOString().slice(0, 10)))).toBe('2026-11-02');
  });

  it('refuses an invalid Date cell', () => {
    expect(message(parseDate(new Date(NaN), utc)).en).toBe('the cell holds an invalid date');
  });

  it('returns null for blanks', () => {
    expect(parseDate('', utc)).toBeNull();
    expect(parseDate('  ', utc)).toBeNull();
    expect(parseDate(null, utc)).toBeNull();
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '2026年2月30日', '31/31/2026'])(
    'refuses %j as not a real date',
    (input) => {
      expect(message(parseDate(input, utc)).en).toBe(`"${input}" is not a real date`);
    },
  );

  it.each(['1899-12-31', '2101-01-01', '0226-11-02', '9999-01-01'])('refuses %j as out of range', (input) => {
    const m = message(parseDate(input, utc));
    expect(m.en).toBe(`date ${input} is out of range (years 1900-2100)`);
    expect(m.zh).toContain('超出范围');
  });

  it('refuses a Date cell out of range', () => {
    expect(message(parseDate(new Date(Date.UTC(1800, 0, 1)), utc)).en).toBe(
      'date 1800-01-01 is out of range (years 1900-2100)',
    );
  });

  it.each(['11/2/2026', '2/11/2026', '11.2.2026', '01-02-2026'])(
    'refuses ambiguous %j and asks for YYYY-MM-DD',
    (input) => {
      const m = message(parseDate(input, utc));
      expect(m.en).toBe(`"${input}" could be day/month or month/day: write it as YYYY-MM-DD, e.g. 2026-11-02`);
    },
  );

  it('refuses two-digit years', () => {
    expect(message(parseDate('11/2/26', utc)).en).toContain('two-digit year');
    expect(message(parseDate('26-11-02', utc)).en).toContain('two-digit year');
  });

  it('says a number in a date column is a formatting problem', () => {
    const m = message(parseDate(46000, utc));
    expect(m.en).toBe('46000 is a number, not a date: format the column as a date (Format > Number > Date)');
    expect(m.zh).toContain('日期格式');
  });

  it.each(['tomorrow', '2026-11', '2026-11-02Z', '2026-11/02', 'Nov 2', 'Nov 2026'])(
    'refuses %j, asking for YYYY-MM-DD',
    (input) => {
      expect(message(parseDate(input, utc)).en).toBe(
        `"${input}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-02`,
      );
    },
  );

  it('refuses booleans', () => {
    expect(message(parseDate(true, utc)).en).toBe('TRUE is not a date');
  });
});

describe('parseMonthDay', () => {
  it.each([
    ['03-14', { month: 3, day: 14 }],
    ['3-14', { month: 3, day: 14 }],
    ['--03-14', { month: 3, day: 14 }],
    ['3/14', { month: 3, day: 14 }],
    ['14/3', { month: 3, day: 14 }],
    ['3.14', { month: 3, day: 14 }],
    ['3月14日', { month: 3, day: 14 }],
    ['3 月 14 号', { month: 3, day: 14 }],
    ['０３－１４', { month: 3, day: 14 }],
    ['02-29', { month: 2, day: 29 }],
    ['2月29日', { month: 2, day: 29 }],
    ['12-31', { month: 12, day: 31 }],
    ['4/4', { month: 4, day: 4 }],
  ])('%j -> %j', (input, expected) => {
    expect(value(parseMonthDay(input, utc))).toEqual(expected);
  });

  it('keeps the year of full dates', () => {
    expect(value(parseMonthDay('1985-03-14', utc))).toEqual({ month: 3, day: 14, year: 1985 });
    expect(value(parseMonthDay('1985年3月14日', utc))).toEqual({ month: 3, day: 14, year: 1985 });
    expect(value(parseMonthDay(at('1984-02-29'), utc))).toEqual({ month: 2, day: 29, year: 1984 });
  });

  it.each(['02-30', '2月30日', '04-31', '13-01', '00-10', '3/32'])('refuses %j as not a real date', (input) => {
    expect(message(parseMonthDay(input, utc)).en).toBe(`"${input}" is not a real date`);
  });

  it('refuses 29 February of a common year', () => {
    expect(message(parseMonthDay('1985-02-29', utc)).en).toBe('"1985-02-29" is not a real date');
  });

  it('refuses ambiguous 3/4', () => {
    expect(message(parseMonthDay('3/4', utc)).en).toContain('could be day/month or month/day');
  });

  it('refuses other text, numbers and out-of-range years', () => {
    expect(message(parseMonthDay('spring', utc)).en).toBe(
      '"spring" is not a date: write YYYY-MM-DD, or MM-DD without the year (e.g. 03-14)',
    );
    expect(message(parseMonthDay(314, utc)).en).toContain('is a number, not a date');
    expect(message(parseMonthDay('1800-03-14', utc)).en).toContain('out of range');
  });

  it('returns null for blanks', () => {
    expect(parseMonthDay('', utc)).toBeNull();
    expect(parseMonthDay(null, utc)).toBeNull();
  });
});

describe('parseStatus', () => {
  it.each([
    ['', 'Active'],
    ['  ', 'Active'],
    [null, 'Active'],
    ['Active', 'Active'],
    ['ACTIVE', 'Active'],
    [' active ', 'Active'],
    ['活跃', 'Active'],
    ['有效', 'Active'],
    ['prospect', 'Prospect'],
    ['潜在', 'Prospect'],
    ['意向', 'Prospect'],
    ['Do not contact', 'Do not contact'],
    ['do not  contact', 'Do not contact'],
    ['DO-NOT-CONTACT', 'Do not contact'],
    ['donotcontact', 'Do not contact'],
    ['勿扰', 'Do not contact'],
    ['请勿联系', 'Do not contact'],
    ['lost', 'Lost'],
    ['流失', 'Lost'],
    ['已流失', 'Lost'],
  ])('%j -> %s', (input, expected) => {
    expect(value(parseStatus(input))).toBe(expected);
  });

  it('refuses unknown values, listing the allowed ones', () => {
    const m = message(parseStatus('Sleeping'));
    expect(m.en).toBe('Status "Sleeping" is not one of Active, Prospect, Do not contact, Lost');
    expect(m.zh).toContain('Sleeping');
    expect(m.zh).toContain('勿扰');
    expect(message(parseStatus(1)).en).toContain('"1"');
  });
});

describe('parseContactType', () => {
  it.each([
    ['Visit', 'Visit'],
    ['visit', 'Visit'],
    ['拜访', 'Visit'],
    ['CALL', 'Call'],
    ['电话', 'Call'],
    ['e-mail', 'Email'],
    ['邮件', 'Email'],
    ['Message', 'Message'],
    ['微信', 'Message'],
    ['Gift', 'Gift'],
    ['礼物', 'Gift'],
    ['complaint', 'Complaint'],
    ['投诉', 'Complaint'],
    ['Other', 'Other'],
    ['其他', 'Other'],
  ])('%j -> %s', (input, expected) => {
    expect(value(parseContactType(input))).toBe(expected);
  });

  it('blank is null; unknown is an error listing the types', () => {
    expect(parseContactType('')).toBeNull();
    expect(message(parseContactType('Fax')).en).toBe(
      'Type "Fax" is not one of Visit, Call, Email, Message, Gift, Complaint, Other',
    );
  });
});

describe('parseComplaintSize', () => {
  it.each([
    ['Small', 'Small'],
    ['small', 'Small'],
    ['小', 'Small'],
    ['BIG', 'Big'],
    ['大', 'Big'],
    ['large', 'Big'],
  ])('%j -> %s', (input, expected) => {
    expect(value(parseComplaintSize(input))).toBe(expected);
  });

  it('blank is null; unknown is an error', () => {
    expect(parseComplaintSize(' ')).toBeNull();
    expect(message(parseComplaintSize('Medium')).en).toBe('Complaint size "Medium" is not Small or Big');
  });
});

describe('parseLanguage', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['English', 'en'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['英文', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh_TW', 'zh'],
    ['zh-Hant-HK', 'zh'],
    ['Chinese', 'zh'],
    ['chinese', 'zh'],
    ['中文', 'zh'],
    ['简体中文', 'zh'],
    [' 中文 ', 'zh'],
  ])('%j -> %s', (input, expected) => {
    expect(value(parseLanguage(input))).toBe(expected);
  });

  it('blank is null; others are errors', () => {
    expect(parseLanguage('')).toBeNull();
    expect(parseLanguage(null)).toBeNull();
    expect(message(parseLanguage('fr')).en).toBe('Language "fr" is not supported: use en (English) or zh (中文)');
    expect(message(parseLanguage('english please')).en).toContain('not supported');
    expect(message(parseLanguage(1)).en).toContain('not supported');
  });
});

describe('isValidEmail', () => {
  it.each([
    'bob@example.com',
    'Bob.Smith+retain@mail.example.co.uk',
    '  bob@example.com  ',
    "o'neil@example.com",
    'user_1-x@sub-domain.example.org',
    '用户@例子.中国',
    'josé@exämple.de',
    'bob@xn--fsqu00a.xn--fiqs8s',
    'a@b.co',
  ])('accepts %j', (s) => {
    expect(isValidEmail(s)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'bob',
    'bob@',
    '@example.com',
    'bob@example',
    'bob@example.',
    'bob@.example.com',
    'bob@example..com',
    'a@b@example.com',
    'bob smith@example.com',
    'bob@exa mple.com',
    '"bob"@example.com',
    'Bob <bob@example.com>',
    'bob@example.com, ann@example.com',
    'bob@example.com;ann@example.com',
    '.bob@example.com',
    'bob.@example.com',
    'bo..b@example.com',
    'bob@-example.com',
    'bob@example-.com',
    'bob@example.c',
    'bob@example.123',
    'bob@exam\nple.com',
    'x'.repeat(65) + '@example.com',
  ])('refuses %j', (s) => {
    expect(isValidEmail(s)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isValidEmail(null)).toBe(false);
    expect(isValidEmail(42)).toBe(false);
  });
});

describe('cellText and numberText', () => {
  it('writes numbers without exponents or float noise', () => {
    expect(numberText(1200)).toBe('1200');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1.5e22)).toBe('15000000000000000000000');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(-1.25e-7)).toBe('-0.000000125');
    expect(numberText(-0)).toBe('0');
    expect(numberText(13800138000)).toBe('13800138000');
    expect(numberText(NaN)).toBe('NaN');
  });

  it('gives the text of any cell', () => {
    expect(cellText('  as is ')).toBe('  as is ');
    expect(cellText(42.5)).toBe('42.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText('')).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(at('2026-11-02'), utc)).toBe('2026-11-02');
    expect(cellText(new Date(NaN), utc)).toBe('Invalid Date');
    // Without a converter the core will not guess a time zone.
    expect(cellText(new Date(Date.UTC(2026, 10, 2, 12)))).toBe('2026-11-02T12:00:00.000Z');
  });
});
