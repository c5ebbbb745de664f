import { formatLunarMonthDay, isLunarText, parseLunarMonthDay } from '../../../src/core/calendar/lunarText';

const ok = (month: number, day: number, leap = false, year?: number) => ({
  ok: true,
  value: year === undefined ? { month, day, leap } : { month, day, leap, year },
});

describe('parseLunarMonthDay: readable forms', () => {
  test.each([
    ['农历八月十五', 8, 15],
    ['农历 8-15', 8, 15],
    ['农历8月15日', 8, 15],
    ['农历8月15号', 8, 15],
    ['农历 8/15', 8, 15],
    ['农历8.15', 8, 15],
    ['阴历八月十五', 8, 15],
    ['農曆八月十五', 8, 15],
    ['L8-15', 8, 15],
    ['l8/15', 8, 15],
    ['L08-15', 8, 15],
    ['L 8 - 15', 8, 15],
    ['lunar 8-15', 8, 15],
    ['Lunar 8/15', 8, 15],
    ['农历八月15', 8, 15],
    ['农历8月十五', 8, 15],
    ['农历八月十五日', 8, 15],
  ])('%s', (text, month, day) => {
    expect(parseLunarMonthDay(text)).toEqual(ok(month, day));
  });

  test('full-width letters, digits, signs and spaces', () => {
    expect(parseLunarMonthDay('Ｌ８－１５')).toEqual(ok(8, 15));
    expect(parseLunarMonthDay('ｌ８／１５')).toEqual(ok(8, 15));
    expect(parseLunarMonthDay('　农历　８月１５日　')).toEqual(ok(8, 15));
    expect(parseLunarMonthDay('农历 八月 十五')).toEqual(ok(8, 15));
  });

  test('month names', () => {
    expect(parseLunarMonthDay('农历正月初一')).toEqual(ok(1, 1));
    expect(parseLunarMonthDay('农历元月十五')).toEqual(ok(1, 15));
    expect(parseLunarMonthDay('农历一月初一')).toEqual(ok(1, 1));
    expect(parseLunarMonthDay('农历十月初一')).toEqual(ok(10, 1));
    expect(parseLunarMonthDay('农历十一月初一')).toEqual(ok(11, 1));
    expect(parseLunarMonthDay('农历冬月初一')).toEqual(ok(11, 1));
    expect(parseLunarMonthDay('农历十二月初八')).toEqual(ok(12, 8));
    expect(parseLunarMonthDay('农历腊月初八')).toEqual(ok(12, 8));
    expect(parseLunarMonthDay('農曆臘月初八')).toEqual(ok(12, 8));
    expect(parseLunarMonthDay('农历12月8日')).toEqual(ok(12, 8));
  });

  test('day names: 初一 … 初十, 十一 … 二十, 廿一 … 廿九, 三十', () => {
    const days: Array<[string, number]> = [
      ['初一', 1],
      ['初五', 5],
      ['初十', 10],
      ['十一', 11],
      ['十九', 19],
      ['二十', 20],
      ['廿一', 21],
      ['廿九', 29],
      ['二十一', 21],
      ['二十九', 29],
      ['三十', 30],
      ['卅', 30],
      ['十', 10],
      ['五', 5],
    ];
    for (const [name, n] of days) expect(parseLunarMonthDay(`农历三月${name}`)).toEqual(ok(3, n));
  });

  test('leap months with 闰 (or 閏) before the month', () => {
    expect(parseLunarMonthDay('农历闰四月初八')).toEqual(ok(4, 8, true));
    expect(parseLunarMonthDay('农历闰4月8日')).toEqual(ok(4, 8, true));
    expect(parseLunarMonthDay('农历 闰 4-8')).toEqual(ok(4, 8, true));
    expect(parseLunarMonthDay('L闰4-8')).toEqual(ok(4, 8, true));
    expect(parseLunarMonthDay('l閏4/8')).toEqual(ok(4, 8, true));
    expect(parseLunarMonthDay('農曆閏六月初十')).toEqual(ok(6, 10, true));
  });

  test('with the lunar year of birth', () => {
    expect(parseLunarMonthDay('农历1990年八月十五')).toEqual(ok(8, 15, false, 1990));
    expect(parseLunarMonthDay('L1990-8-15')).toEqual(ok(8, 15, false, 1990));
    expect(parseLunarMonthDay('农历2023年闰二月初一')).toEqual(ok(2, 1, true, 2023));
    expect(parseLunarMonthDay('L2023/闰2/1')).toEqual(ok(2, 1, true, 2023));
  });
});

describe('parseLunarMonthDay: not lunar at all gives null', () => {
  test.each([[''], ['   '], ['03-14'], ['2026-09-25'], ['8月15日'], ['Lost'], ['L'], ['lunch'], ['Holiday']])(
    '%j',
    (text) => {
      expect(parseLunarMonthDay(text)).toBeNull();
      expect(isLunarText(text)).toBe(false);
    },
  );

  test('non-text values', () => {
    expect(parseLunarMonthDay(815)).toBeNull();
    expect(parseLunarMonthDay(null)).toBeNull();
    expect(parseLunarMonthDay(undefined)).toBeNull();
    expect(parseLunarMonthDay(new Date(2026, 8, 25))).toBeNull();
    expect(isLunarText(815)).toBe(false);
  });
});

describe('parseLunarMonthDay: marked lunar but unreadable gives a message quoting the value', () => {
  test.each([
    ['农历'],
    ['农历八月'],
    ['农历八月初'],
    ['农历八月十五六'],
    ['L8'],
    ['L8-15-3'],
    ['农历toString月1'],
    ['L4L-8'],
  ])('%s', (text) => {
    expect(isLunarText(text)).toBe(true);
    const r = parseLunarMonthDay(text);
    expect(r).toEqual({ ok: false, message: expect.any(Object) });
    if (r && !r.ok) {
      expect(r.message.en).toContain(`"${text}" is not a lunar date`);
      expect(r.message.zh).toContain(`“${text}”不是农历日期`);
      expect(r.message.en).toContain('L闰4-8');
    }
  });

  test('month or day out of range', () => {
    for (const text of ['L13-1', 'L0-5', 'L8-31', 'L8-0', '农历8月31日', '农历三月三十一']) {
      const r = parseLunarMonthDay(text);
      expect(r?.ok).toBe(false);
      if (r && !r.ok) {
        expect(r.message.en).toBe(`"${text}": a lunar month is 1 to 12 and a lunar day 1 to 30`);
        expect(r.message.zh).toContain(`“${text}”：农历月份为 1 到 12`);
      }
    }
  });

  test('a year outside the table', () => {
    const r = parseLunarMonthDay('农历1850年八月十五');
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.message.en).toBe('"农历1850年八月十五": the lunar year must be between 1901 and 2099');
  });

  test('the quoted value is trimmed, not normalised', () => {
    const r = parseLunarMonthDay('  Ｌ８－４０ ');
    if (r && !r.ok) expect(r.message.en.startsWith('"Ｌ８－４０"')).toBe(true);
    else throw new Error('expected a failure');
  });
});

describe('formatLunarMonthDay', () => {
  test('Chinese and English', () => {
    expect(formatLunarMonthDay({ month: 8, day: 15, leap: false }, 'zh')).toBe('农历八月十五');
    expect(formatLunarMonthDay({ month: 4, day: 8, leap: true }, 'zh')).toBe('农历闰四月初八');
    expect(formatLunarMonthDay({ month: 1, day: 1, leap: false }, 'zh')).toBe('农历正月初一');
    expect(formatLunarMonthDay({ month: 12, day: 20, leap: false }, 'zh')).toBe('农历腊月二十');
    expect(formatLunarMonthDay({ month: 11, day: 23, leap: false }, 'zh')).toBe('农历冬月廿三');
    expect(formatLunarMonthDay({ month: 2, day: 30, leap: false }, 'zh')).toBe('农历二月三十');
    expect(formatLunarMonthDay({ month: 4, day: 8, leap: true }, 'en')).toBe('lunar 4-8 (leap month)');
    expect(formatLunarMonthDay({ month: 8, day: 15, leap: false }, 'en')).toBe('lunar 8-15');
  });

  test('what it writes reads back', () => {
    for (let month = 1; month <= 12; month++)
      for (let day = 1; day <= 30; day++)
        for (const leap of [false, true]) {
          expect(parseLunarMonthDay(formatLunarMonthDay({ month, day, leap }, 'zh'))).toEqual(ok(month, day, leap));
          expect(
            parseLunarMonthDay(formatLunarMonthDay({ month, day, leap }, 'en').replace(' (leap month)', '')),
          ).toEqual(ok(month, day));
        }
  });
});
