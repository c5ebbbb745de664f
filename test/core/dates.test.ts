import fc from 'fast-check';
import { addDays, daysBetween, nextWorkingDay, previousWorkingDay, workCalendar } from '../../src/core/dates';
import * as plain from './referenceDates';

// The fast, memoised operations must give exactly the plain versions' answers.
const date = fc.integer({ min: -20000, max: 60000 }).map(plain.fromDayNumber);

describe('dates: memoised day arithmetic', () => {
  test('addDays and daysBetween agree with the plain versions', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -800, max: 800 }), date, (d, n, e) => {
        expect(addDays(d, n)).toBe(plain.addDays(d, n));
        expect(daysBetween(d, e)).toBe(plain.daysBetween(d, e));
      }),
    );
  });

  test('nextWorkingDay and previousWorkingDay agree with the plain versions', () => {
    const cal = workCalendar([1, 2, 3, 4, 5], ['2026-11-23', '2026-12-25', '2027-01-01']);
    const near = fc.integer({ min: 20400, max: 20500 }).map(plain.fromDayNumber);
    fc.assert(
      fc.property(near, (d) => {
        expect(nextWorkingDay(d, cal)).toBe(plain.nextWorkingDay(d, cal));
        expect(previousWorkingDay(d, cal)).toBe(plain.previousWorkingDay(d, cal));
      }),
    );
  });

  test('a calendar without working days fails loudly', () => {
    expect(() => nextWorkingDay('2026-11-20', workCalendar([]))).toThrow(/No working day/);
  });
});
