import { weekday } from '../../../src/core/dates';
import { HOLIDAY_TYPES, holidayOccasions, type HolidayRow } from '../../../src/core/calendar/holidayRows';
import { officialHolidays } from '../../../src/core/calendar/officialHolidays';

const row = (date: string, name: string, type: HolidayRow['type'] = 'Holiday'): HolidayRow => ({ date, name, type });

describe('holidayOccasions', () => {
  test('China 2026: 春节 is one occasion from 15 to 23 February; make-up working days are none', () => {
    const occasions = holidayOccasions(officialHolidays('CN', 2026, 'zh').rows);
    expect(occasions.find((o) => o.name === '春节')).toEqual({
      name: '春节',
      first: '2026-02-15',
      last: '2026-02-23',
      type: 'Holiday',
    });
    expect(occasions.map((o) => o.name)).toEqual([
      '元旦',
      '春节',
      '元宵节',
      '清明节',
      '劳动节',
      '端午节',
      '七夕节',
      '中秋节',
      '国庆节',
      '重阳节',
      '圣诞节',
    ]);
    expect(occasions.find((o) => o.name === '圣诞节')?.type).toBe('Greeting');
  });

  test('China 2025: 国庆节 1-8 October around 中秋节 on the 6th is one occasion, 中秋节 another', () => {
    const occasions = holidayOccasions(officialHolidays('CN', 2025, 'zh').rows);
    expect(occasions.filter((o) => o.first >= '2025-10-01' && o.first <= '2025-10-08')).toEqual([
      { name: '国庆节', first: '2025-10-01', last: '2025-10-08', type: 'Holiday' },
      { name: '中秋节', first: '2025-10-06', last: '2025-10-06', type: 'Holiday' },
    ]);
  });

  test('rows in any order, repeated, with spaces around the name', () => {
    const rows = [
      row('2026-05-03', ' Labour Day'),
      row('2026-05-01', 'Labour Day'),
      row('2026-05-02', 'Labour Day '),
      row('2026-05-02', 'Labour Day'),
    ];
    expect(holidayOccasions(rows)).toEqual([
      { name: 'Labour Day', first: '2026-05-01', last: '2026-05-03', type: 'Holiday' },
    ]);
  });

  test('a gap of a working day splits; a gap of day-off rows of another name does not', () => {
    expect(holidayOccasions([row('2026-05-01', 'A'), row('2026-05-03', 'A')]).map((o) => o.first)).toEqual([
      '2026-05-01',
      '2026-05-03',
    ]);
    expect(
      holidayOccasions([row('2026-05-01', 'A'), row('2026-05-02', 'company', 'Day off'), row('2026-05-03', 'A')]),
    ).toEqual([{ name: 'A', first: '2026-05-01', last: '2026-05-03', type: 'Holiday' }]);
    // A working-day row is no bridge.
    expect(
      holidayOccasions([row('2026-05-01', 'A'), row('2026-05-02', 'x', 'Working day'), row('2026-05-03', 'A')]),
    ).toHaveLength(2);
  });

  test('a weekend bridges when the caller says so', () => {
    const rows = [row('2026-10-02', 'Break'), row('2026-10-05', 'Break')];
    expect(holidayOccasions(rows)).toHaveLength(2);
    const weekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;
    expect(holidayOccasions(rows, weekend)).toEqual([
      { name: 'Break', first: '2026-10-02', last: '2026-10-05', type: 'Holiday' },
    ]);
  });

  test('the same name a year apart is two occasions', () => {
    const occasions = holidayOccasions([
      row('2026-12-25', 'Christmas', 'Greeting'),
      row('2027-12-25', 'Christmas', 'Greeting'),
    ]);
    expect(occasions.map((o) => [o.first, o.last, o.type])).toEqual([
      ['2026-12-25', '2026-12-25', 'Greeting'],
      ['2027-12-25', '2027-12-25', 'Greeting'],
    ]);
  });

  test('Greeting and Holiday days of one name: one occasion, a Holiday', () => {
    expect(holidayOccasions([row('2026-02-16', '春节', 'Greeting'), row('2026-02-17', '春节')])).toEqual([
      { name: '春节', first: '2026-02-16', last: '2026-02-17', type: 'Holiday' },
    ]);
  });

  test('Day off and Working day rows, and blank names, make no occasion', () => {
    expect(
      holidayOccasions([
        row('2026-12-26', 'Boxing Day', 'Day off'),
        row('2026-02-14', '春节调休上班', 'Working day'),
        row('2026-03-01', '  '),
      ]),
    ).toEqual([]);
  });

  test('two names on one day are two occasions, sorted by first day then name', () => {
    expect(
      holidayOccasions([
        row('2028-10-03', 'National Day'),
        row('2028-10-03', 'Mid-Autumn Festival'),
        row('2028-10-01', 'National Day'),
        row('2028-10-02', 'National Day'),
      ]),
    ).toEqual([
      { name: 'National Day', first: '2028-10-01', last: '2028-10-03', type: 'Holiday' },
      { name: 'Mid-Autumn Festival', first: '2028-10-03', last: '2028-10-03', type: 'Holiday' },
    ]);
  });
});

test('the Type column takes the four types, Holiday (the default) first; the data uses no other', () => {
  expect(HOLIDAY_TYPES).toEqual(['Holiday', 'Working day', 'Greeting', 'Day off']);
  for (const [cc, year] of [
    ['CN', 2026],
    ['CN', 2027],
    ['US', 2026],
    ['TW', 2026],
  ] as const)
    for (const r of officialHolidays(cc, year, 'en').rows) expect(HOLIDAY_TYPES).toContain(r.type);
});
