import { FEB29_RULES, annualOccurrence, nextAnnualOccurrence } from '../../../src/core/calendar/annual';

describe('annualOccurrence: 29 February', () => {
  test('in a leap year it is 29 February, whatever the setting', () => {
    expect(annualOccurrence(2, 29, 2028, 'Feb 28')).toBe('2028-02-29');
    expect(annualOccurrence(2, 29, 2028, 'Mar 1')).toBe('2028-02-29');
    expect(annualOccurrence(2, 29, 2000, 'Mar 1')).toBe('2000-02-29');
  });

  test('in a common year: 28 February or 1 March', () => {
    expect(annualOccurrence(2, 29, 2027, 'Feb 28')).toBe('2027-02-28');
    expect(annualOccurrence(2, 29, 2027, 'Mar 1')).toBe('2027-03-01');
    // 1900 and 2100 are common years (divisible by 100, not by 400).
    expect(annualOccurrence(2, 29, 2100, 'Feb 28')).toBe('2100-02-28');
    expect(annualOccurrence(2, 29, 1900, 'Mar 1')).toBe('1900-03-01');
  });

  test('Feb 28 is the default', () => {
    expect(annualOccurrence(2, 29, 2026)).toBe('2026-02-28');
  });

  test('other days are themselves', () => {
    expect(annualOccurrence(2, 28, 2027, 'Mar 1')).toBe('2027-02-28');
    expect(annualOccurrence(3, 1, 2027, 'Feb 28')).toBe('2027-03-01');
    expect(annualOccurrence(12, 31, 2026)).toBe('2026-12-31');
  });

  test('a month-day no year has is refused', () => {
    expect(() => annualOccurrence(2, 30, 2028)).toThrow(RangeError);
    expect(() => annualOccurrence(4, 31, 2026)).toThrow(RangeError);
    expect(() => annualOccurrence(13, 1, 2026)).toThrow(RangeError);
    expect(() => annualOccurrence(0, 1, 2026)).toThrow(RangeError);
  });
});

describe('nextAnnualOccurrence', () => {
  test('a 29 February birthday from a common year into a leap year', () => {
    expect(nextAnnualOccurrence(2, 29, '2027-01-10', 'Feb 28')).toBe('2027-02-28');
    expect(nextAnnualOccurrence(2, 29, '2027-01-10', 'Mar 1')).toBe('2027-03-01');
    // The day after this year's: next year is a leap year.
    expect(nextAnnualOccurrence(2, 29, '2027-03-01', 'Feb 28')).toBe('2028-02-29');
    expect(nextAnnualOccurrence(2, 29, '2027-03-02', 'Mar 1')).toBe('2028-02-29');
  });

  test('on the day itself', () => {
    expect(nextAnnualOccurrence(2, 29, '2027-02-28', 'Feb 28')).toBe('2027-02-28');
    expect(nextAnnualOccurrence(2, 29, '2027-03-01', 'Mar 1')).toBe('2027-03-01');
    expect(nextAnnualOccurrence(2, 29, '2028-02-29', 'Mar 1')).toBe('2028-02-29');
  });

  test('from a leap year into a common year', () => {
    expect(nextAnnualOccurrence(2, 29, '2028-03-01', 'Feb 28')).toBe('2029-02-28');
    expect(nextAnnualOccurrence(2, 29, '2028-03-01', 'Mar 1')).toBe('2029-03-01');
    // With Mar 1, 28 February of a common year is before it.
    expect(nextAnnualOccurrence(2, 29, '2027-02-28', 'Mar 1')).toBe('2027-03-01');
  });

  test('an ordinary anniversary across the year end', () => {
    expect(nextAnnualOccurrence(1, 5, '2026-12-20')).toBe('2027-01-05');
    expect(nextAnnualOccurrence(12, 31, '2026-12-31')).toBe('2026-12-31');
  });
});

test('the feb29 setting takes exactly the two rules, Feb 28 first (the default)', () => {
  expect(FEB29_RULES).toEqual(['Feb 28', 'Mar 1']);
  expect(FEB29_RULES.map((rule) => annualOccurrence(2, 29, 2027, rule))).toEqual(['2027-02-28', '2027-03-01']);
});
