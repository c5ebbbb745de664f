/**
 * Public holidays outside China for the `Holidays` sheet (docs/rules.md,
 * Working days), from the date-holidays data prebuilt into
 * officialHolidays.json: the national public holidays of each country listed
 * there (Great Britain: England and Wales), by rule, for the years it holds.
 *
 * Types: each public holiday is a Holiday, except that
 *  - a substitute day (the Monday off for a holiday on a Sunday) is a Day off:
 *    the greeting belongs to the real day;
 *  - a holiday the day after another one (Boxing Day after Christmas Day, the
 *    second day of the Chinese New Year) is a Day off: one break, greeted once,
 *    before its first day.
 * Names: Chinese (zh) when the data has a translation, else the country's own
 * language, else English; English (en) always.
 */
import { addDays } from '../dates';
import { fill, type Msg } from '../i18n';
import type { Lang } from '../model';
import type { HolidayRow, OfficialHolidays } from './holidayRows';
import { OFFICIAL_DATA, type CountryData } from './officialData';

const NO_COUNTRY: Msg = {
  en: 'Retain has no list of official holidays for {country}: add your holidays to the Holidays sheet by hand.',
  zh: 'Retain 没有 {country} 的法定节假日列表：请在“节假日”表中手动添加。',
};
const NO_YEAR: Msg = {
  en: "Retain's holiday list for {country} covers {first} to {last}, not {year}: update Retain, or add the holidays by hand.",
  zh: 'Retain 中 {country} 的节假日列表只包含 {first} 到 {last} 年，没有 {year} 年：请更新 Retain，或手动添加。',
};

const ENTRY = /^(\d{2})(\d{2})(\d+)(s?)$/;

function nameIn(country: CountryData, index: number, lang: Lang): string {
  const [en, zh, local] = country.n[index];
  return lang === 'zh' ? zh || local || en : en;
}

function substituteName(name: string, lang: Lang): string {
  return lang === 'zh' ? `${name}（补假）` : `${name} (substitute day)`;
}

/** The public holidays of `country` (ISO code, upper case) in `year`, names in `lang`. */
export function worldHolidays(country: string, year: number, lang: Lang): OfficialHolidays {
  const data = Object.prototype.hasOwnProperty.call(OFFICIAL_DATA.countries, country)
    ? OFFICIAL_DATA.countries[country]
    : undefined;
  if (!data) return { rows: [], scheduled: false, note: fill(NO_COUNTRY, { country }) };
  const list = data.y[String(year)];
  if (list === undefined) {
    const vars = { country, year, first: OFFICIAL_DATA.firstYear, last: OFFICIAL_DATA.lastYear };
    return { rows: [], scheduled: false, note: fill(NO_YEAR, vars) };
  }
  const rows: HolidayRow[] = [];
  const offNames = new Map<string, number>();
  for (const entry of list === '' ? [] : list.split(' ')) {
    const m = ENTRY.exec(entry);
    if (!m) throw new Error(`Bad holiday entry ${entry} for ${country} ${year}`);
    const date = `${year}-${m[1]}-${m[2]}`;
    const index = Number(m[3]);
    const name = nameIn(data, index, lang);
    // Entries are sorted by date: the day before is already known.
    const before = offNames.get(addDays(date, -1));
    const follows = before !== undefined && before !== index;
    const substitute = m[4] === 's';
    rows.push({
      date,
      name: substitute ? substituteName(name, lang) : name,
      type: substitute || follows ? 'Day off' : 'Holiday',
    });
    offNames.set(date, index);
  }
  return { rows, scheduled: true };
}
