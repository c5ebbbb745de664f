/**
 * Official holidays. China 2026 is checked against the State Council's notice
 * (国务院办公厅关于2026年部分节假日安排的通知): 元旦 1-3 January, 4 January
 * (Sunday) worked; 春节 15-23 February, 14 and 28 February (Saturdays) worked;
 * 清明 4-6 April; 劳动节 1-5 May, 9 May (Saturday) worked; 端午 19-21 June;
 * 中秋 25-27 September; 国庆节 1-7 October, 20 September (Sunday) and 10
 * October (Saturday) worked. The US and GB lists are the federal holidays and
 * the England and Wales bank holidays as published for 2026.
 */
import { weekday } from '../../../src/core/dates';
import type { HolidayRow } from '../../../src/core/calendar/holidayRows';
import { holidayCountries, holidaySources, officialHolidays } from '../../../src/core/calendar/officialHolidays';

const on = (rows: HolidayRow[], type: HolidayRow['type']) => rows.filter((r) => r.type === type);
const dates = (rows: HolidayRow[]) => rows.map((r) => r.date);
const range = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(first + 'T00:00:00Z') + i * 86400000).toISOString().slice(0, 10),
  );

describe('China 2026: the State Council schedule', () => {
  const cn = officialHolidays('CN', 2026, 'zh');

  test('is the published schedule', () => {
    expect(cn.scheduled).toBe(true);
    expect(cn.note).toBeUndefined();
  });

  test('春节: 15-23 February off, Saturdays 14 and 28 February worked', () => {
    const spring = cn.rows.filter((r) => r.name.startsWith('春节'));
    expect(dates(on(spring, 'Holiday'))).toEqual(range('2026-02-15', 9));
    expect(on(spring, 'Holiday').every((r) => r.name === '春节')).toBe(true);
    const worked = on(spring, 'Working day');
    expect(worked).toEqual([
      { date: '2026-02-14', name: '春节调休上班', type: 'Working day' },
      { date: '2026-02-28', name: '春节调休上班', type: 'Working day' },
    ]);
    expect(worked.map((r) => weekday(r.date))).toEqual([6, 6]);
  });

  test('国庆节: 1-7 October off, Sunday 20 September and Saturday 10 October worked; 中秋 25-27 September', () => {
    const national = cn.rows.filter((r) => r.name.startsWith('国庆节'));
    expect(dates(on(national, 'Holiday'))).toEqual(range('2026-10-01', 7));
    expect(dates(on(national, 'Working day'))).toEqual(['2026-09-20', '2026-10-10']);
    expect(on(national, 'Working day').map((r) => weekday(r.date))).toEqual([0, 6]);
    expect(dates(cn.rows.filter((r) => r.name === '中秋节'))).toEqual(range('2026-09-25', 3));
  });

  test('the whole year: 33 days off, 6 make-up working days, all on weekends', () => {
    expect(on(cn.rows, 'Holiday')).toHaveLength(33);
    expect(dates(on(cn.rows, 'Working day'))).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    for (const r of on(cn.rows, 'Working day')) expect([0, 6]).toContain(weekday(r.date));
    expect(dates(cn.rows.filter((r) => r.name === '元旦'))).toEqual(range('2026-01-01', 3));
    expect(dates(cn.rows.filter((r) => r.name === '清明节'))).toEqual(range('2026-04-04', 3));
    expect(dates(cn.rows.filter((r) => r.name === '劳动节'))).toEqual(range('2026-05-01', 5));
    expect(dates(cn.rows.filter((r) => r.name === '端午节'))).toEqual(range('2026-06-19', 3));
  });

  test('greeting-only festivals, computed from the lunar calendar', () => {
    expect(on(cn.rows, 'Greeting')).toEqual([
      { date: '2026-03-03', name: '元宵节', type: 'Greeting' },
      { date: '2026-08-19', name: '七夕节', type: 'Greeting' },
      { date: '2026-10-18', name: '重阳节', type: 'Greeting' },
      { date: '2026-12-25', name: '圣诞节', type: 'Greeting' },
    ]);
    expect(on(officialHolidays('CN', 2026, 'zh', { greetings: false }).rows, 'Greeting')).toEqual([]);
  });

  test('sorted by date; English names', () => {
    expect(dates(cn.rows)).toEqual([...dates(cn.rows)].sort());
    const en = officialHolidays('cn', 2026, 'en');
    expect(en.rows).toHaveLength(cn.rows.length);
    expect(en.rows.find((r) => r.date === '2026-02-15')).toEqual({
      date: '2026-02-15',
      name: 'Spring Festival',
      type: 'Holiday',
    });
    expect(en.rows.find((r) => r.date === '2026-02-14')?.name).toBe('Spring Festival make-up working day');
    expect(new Set(en.rows.map((r) => r.name))).toEqual(
      new Set([
        "New Year's Day",
        "New Year's Day make-up working day",
        'Spring Festival',
        'Spring Festival make-up working day',
        'Lantern Festival',
        'Tomb-sweeping Day',
        'Labour Day',
        'Labour Day make-up working day',
        'Dragon Boat Festival',
        'Qixi Festival',
        'Mid-Autumn Festival',
        'National Day',
        'National Day make-up working day',
        'Double Ninth Festival',
        'Christmas',
      ]),
    );
  });
});

describe('China, a year with no schedule yet: the festival days alone, with a note', () => {
  test('2027', () => {
    const cn = officialHolidays('CN', 2027, 'zh');
    expect(cn.scheduled).toBe(false);
    expect(on(cn.rows, 'Working day')).toEqual([]);
    const byName = (name: string) => dates(cn.rows.filter((r) => r.name === name));
    expect(byName('元旦')).toEqual(['2027-01-01']);
    // 除夕 (2027-02-05) to 正月初三.
    expect(byName('春节')).toEqual(range('2027-02-05', 4));
    expect(byName('清明节')).toEqual(['2027-04-05']);
    expect(byName('劳动节')).toEqual(['2027-05-01', '2027-05-02']);
    expect(byName('端午节')).toEqual(['2027-06-09']);
    expect(byName('中秋节')).toEqual(['2027-09-15']);
    expect(byName('国庆节')).toEqual(range('2027-10-01', 3));
    expect(dates(on(cn.rows, 'Greeting'))).toEqual(['2027-02-20', '2027-08-08', '2027-10-08', '2027-12-25']);
    expect(cn.note?.en).toContain('schedule for 2027 is not in Retain yet');
    expect(cn.note?.en).toContain('make-up working days');
    expect(cn.note?.zh).toContain('2027 年');
    expect(cn.note?.zh).toContain('调休上班');
  });

  test('2028: 中秋节 falls on 3 October, a 国庆节 day: both rows are kept', () => {
    const cn = officialHolidays('CN', 2028, 'en');
    expect(cn.scheduled).toBe(false);
    expect(cn.rows.filter((r) => r.date === '2028-10-03').map((r) => r.name)).toEqual([
      'Mid-Autumn Festival',
      'National Day',
    ]);
    expect(dates(cn.rows.filter((r) => r.name === 'Spring Festival'))).toEqual(range('2028-01-25', 4));
    expect(dates(cn.rows.filter((r) => r.name === 'Tomb-sweeping Day'))).toEqual(['2028-04-04']);
    expect(dates(cn.rows.filter((r) => r.name === 'Dragon Boat Festival'))).toEqual(['2028-05-28']);
  });

  test('a year outside the lunar table gives nothing, with a note', () => {
    const r = officialHolidays('CN', 2100, 'en');
    expect(r).toEqual({ rows: [], scheduled: false, note: expect.any(Object) });
    expect(r.note?.en).toContain('1901 to 2099');
  });
});

describe('other countries (date-holidays)', () => {
  test('United States 2026: the federal holidays; 4 July on a Saturday is observed on Friday 3 July', () => {
    const us = officialHolidays('US', 2026, 'en');
    expect(us.scheduled).toBe(true);
    expect(us.rows.map((r) => [r.date, r.name, r.type])).toEqual([
      ['2026-01-01', "New Year's Day", 'Holiday'],
      ['2026-01-19', 'Martin Luther King Jr. Day', 'Holiday'],
      ['2026-02-16', "Washington's Birthday", 'Holiday'],
      ['2026-05-25', 'Memorial Day', 'Holiday'],
      ['2026-06-19', 'Juneteenth', 'Holiday'],
      ['2026-07-03', 'Independence Day (substitute day)', 'Day off'],
      ['2026-07-04', 'Independence Day', 'Holiday'],
      ['2026-09-07', 'Labor Day', 'Holiday'],
      ['2026-10-12', 'Columbus Day', 'Holiday'],
      ['2026-11-11', 'Veterans Day', 'Holiday'],
      ['2026-11-26', 'Thanksgiving Day', 'Holiday'],
      ['2026-12-25', 'Christmas Day', 'Holiday'],
    ]);
  });

  test('Great Britain 2026: England and Wales bank holidays; Boxing Day on a Saturday, substitute Monday 28 December', () => {
    const gb = officialHolidays('GB', 2026, 'en');
    expect(gb.rows.map((r) => [r.date, r.name, r.type])).toEqual([
      ['2026-01-01', "New Year's Day", 'Holiday'],
      ['2026-04-03', 'Good Friday', 'Holiday'],
      ['2026-04-06', 'Easter Monday', 'Holiday'],
      ['2026-05-04', 'Early May bank holiday', 'Holiday'],
      ['2026-05-25', 'Spring bank holiday', 'Holiday'],
      ['2026-08-31', 'Summer bank holiday', 'Holiday'],
      ['2026-12-25', 'Christmas Day', 'Holiday'],
      // The day after Christmas Day: the same break, greeted once.
      ['2026-12-26', 'Boxing Day', 'Day off'],
      ['2026-12-28', 'Boxing Day (substitute day)', 'Day off'],
    ]);
  });

  test('GB 2027: Christmas Day and Boxing Day on the weekend, substitutes on 27 and 28 December', () => {
    const gb = officialHolidays('GB', 2027, 'en');
    expect(gb.rows.filter((r) => r.date >= '2027-12-01').map((r) => [r.date, r.type])).toEqual([
      ['2027-12-25', 'Holiday'],
      ['2027-12-26', 'Day off'],
      ['2027-12-27', 'Day off'],
      ['2027-12-28', 'Day off'],
    ]);
  });

  test('Chinese names where the data has them, else the local name, else English', () => {
    const gb = officialHolidays('GB', 2026, 'zh');
    expect(gb.rows.find((r) => r.date === '2026-12-25')?.name).toBe('聖誕節');
    expect(gb.rows.find((r) => r.date === '2026-12-28')?.name).toBe('Boxing Day（补假）');
    expect(gb.rows.find((r) => r.date === '2026-08-31')?.name).toBe('Summer bank holiday');
    const de = officialHolidays('DE', 2026, 'zh');
    expect(de.rows.find((r) => r.date === '2026-10-03')?.name).toBe('Tag der Deutschen Einheit');
    expect(officialHolidays('DE', 2026, 'en').rows.find((r) => r.date === '2026-10-03')?.name).toBe('National Holiday');
  });

  test('Taiwan 2026: the Chinese New Year break is one occasion (its later days are days off)', () => {
    const tw = officialHolidays('TW', 2026, 'zh');
    const cny = tw.rows.filter((r) => r.date >= '2026-02-16' && r.date <= '2026-02-21');
    expect(cny.map((r) => r.type)).toEqual(['Holiday', 'Day off', 'Day off', 'Day off', 'Day off', 'Day off']);
    expect(cny[0].name).toBe('農曆除夕');
  });

  test('a country without data, and a year outside the data, give nothing and a note', () => {
    const xx = officialHolidays('XX', 2026, 'en');
    expect(xx).toEqual({ rows: [], scheduled: false, note: expect.any(Object) });
    expect(xx.note?.en).toContain('no list of official holidays for XX');
    expect(xx.note?.zh).toContain('XX');
    const late = officialHolidays('US', 2040, 'zh');
    expect(late.rows).toEqual([]);
    expect(late.scheduled).toBe(false);
    expect(late.note?.en).toContain('covers 2025 to 2035, not 2040');
    expect(officialHolidays('toString', 2026, 'en').rows).toEqual([]);
  });

  test('every country and year of the data: sorted rows inside the year, known types, no empty names', () => {
    const types = new Set(['Holiday', 'Day off']);
    for (const cc of holidayCountries().filter((c) => c !== 'CN'))
      for (let year = 2025; year <= 2035; year++)
        for (const lang of ['en', 'zh'] as const) {
          const r = officialHolidays(cc, year, lang);
          expect(r.scheduled).toBe(true);
          expect(r.rows.length).toBeGreaterThan(cc === 'AE' || cc === 'IN' ? 1 : 4);
          expect(dates(r.rows)).toEqual([...dates(r.rows)].sort());
          for (const row of r.rows) {
            expect(row.date.slice(0, 4)).toBe(String(year));
            expect(types.has(row.type)).toBe(true);
            expect(row.name.trim()).not.toBe('');
          }
        }
  });

  test('countries and sources', () => {
    expect(holidayCountries()[0]).toBe('CN');
    expect(holidayCountries()).toEqual(expect.arrayContaining(['US', 'GB', 'DE', 'TW', 'HK', 'SG', 'JP']));
    expect(holidaySources().CN).toMatch(/^chinese-days \d+\.\d+\.\d+/);
    expect(holidaySources().world).toMatch(/^date-holidays \d+\.\d+\.\d+/);
  });
});
