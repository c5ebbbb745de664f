import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  nextWorkingDay,
  previousWorkingDay,
  fromDayNumber,
  workCalendar,
} from '../../../src/core/dates';
import { diffDays, nextWorking, plusDays, previousWorking } from '../../../src/core/rules/days';

// The memoised helpers must give exactly dates.ts's answers.
const date = fc.integer({ min: -20000, max: 60000 }).map(fromDayNumber);

describe('days: memoised day arithmetic', () => {
  test('plusDays and diffDays agree with dates.ts', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -800, max: 800 }), date, (d, n, e) => {
        expect(plusDays(d, n)).toBe(addDays(d, n));
        expect(diffDays(d, e)).toBe(daysBetween(d, e));
      }),
    );
  });

  test('nextWorking and previousWorking agree with dates.ts', () => {
    const cal = workCalendar([1, 2, 3, 4, 5], ['2026-11-23', '2026-12-25', '2027-01-01']);
    const near = fc.integer({ min: 20400, max: 20500 }).map(fromDayNumber);
    fc.assert(
      fc.property(near, (d) => {
        expect(nextWorking(d, cal)).toBe(nextWorkingDay(d, cal));
        expect(previousWorking(d, cal)).toBe(previousWorkingDay(d, cal));
      }),
    );
  });

  test('a calendar without working days fails loudly', () => {
    expect(() => nextWorking('2026-11-20', workCalendar([]))).toThrow(/No working day/);
  });
});
