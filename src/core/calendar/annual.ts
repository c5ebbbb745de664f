/**
 * Yearly dates (birthdays, anniversaries, Occasions rows marked Yearly) and
 * 29 February (docs/rules.md, Occasions): in a common year a 29 February date
 * falls on 28 February or on 1 March, as the `feb29` setting says. 28
 * February is the default: the day most people born on 29 February keep, and
 * the one that keeps a greeting before the real day rather than after it.
 */
import { isLeapYear, isValidYmd, parts, ymd, type CalDate } from '../dates';

export type Feb29Rule = 'Feb 28' | 'Mar 1';

export const FEB29_RULES: readonly Feb29Rule[] = ['Feb 28', 'Mar 1'];

/** The date of month-day in `year`. RangeError for a month-day no year has (02-30, 04-31). */
export function annualOccurrence(month: number, day: number, year: number, feb29: Feb29Rule = 'Feb 28'): CalDate {
  if (!isValidYmd(2000, month, day)) throw new RangeError(`No date ${month}-${day}`);
  if (month === 2 && day === 29 && !isLeapYear(year)) return feb29 === 'Mar 1' ? ymd(year, 3, 1) : ymd(year, 2, 28);
  return ymd(year, month, day);
}

/** The first occurrence of month-day on or after `from`. */
export function nextAnnualOccurrence(month: number, day: number, from: CalDate, feb29: Feb29Rule = 'Feb 28'): CalDate {
  const y = parts(from).year;
  const d = annualOccurrence(month, day, y, feb29);
  return d >= from ? d : annualOccurrence(month, day, y + 1, feb29);
}
