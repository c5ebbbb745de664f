/**
 * English month names as people type them in dates: 'Nov', 'Nov.', 'November',
 * 'Sept'. Used by the date and month-day readers.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A regex source matching one month name (case-insensitive when the regex is), with an optional dot. */
export const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** An ordinal suffix after a day: '3rd', '1st', '22nd', '4th'. */
export const ORDINAL = '(?:st|nd|rd|th)?';

/** 1-12 for a name MONTH_NAME matched. */
export function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}
