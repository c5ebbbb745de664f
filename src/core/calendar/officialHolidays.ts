/**
 * Official holidays of a country and year, the rows `Set up` and `Fill
 * holidays` add to the `Holidays` sheet (docs/rules.md, Working days):
 * China from the State Council's schedule (chinaHolidays.ts), other countries
 * from the date-holidays data (worldHolidays.ts).
 */
import type { Lang } from '../model';
import { chinaHolidays } from './chinaHolidays';
import type { OfficialHolidays } from './holidayRows';
import { OFFICIAL_DATA } from './officialData';
import { worldHolidays } from './worldHolidays';

export interface OfficialHolidayOptions {
  /** China only: add the greeting-only festivals (元宵节, 七夕节, 重阳节, 圣诞节). Default true. */
  greetings?: boolean;
}

/**
 * The rows for `country` (an ISO 3166 code such as countryOfLocale gives, any
 * case) in Gregorian `year`, names in `lang`, sorted by date, one a day. See
 * OfficialHolidays for `scheduled` and `note`.
 */
export function officialHolidays(
  country: string,
  year: number,
  lang: Lang,
  opts: OfficialHolidayOptions = {},
): OfficialHolidays {
  const cc = country.trim().toUpperCase();
  return cc === 'CN' ? chinaHolidays(year, lang, opts.greetings !== false) : worldHolidays(cc, year, lang);
}

/** The countries Retain has official holidays for, CN first. */
export function holidayCountries(): string[] {
  return ['CN', ...Object.keys(OFFICIAL_DATA.countries)];
}

/** Where the data comes from, with versions: for Help and the log. */
export function holidaySources(): { CN: string; world: string } {
  return { ...OFFICIAL_DATA.sources };
}
