/**
 * China's official holidays for the `Holidays` sheet (docs/rules.md, Working
 * days): the State Council's schedule when Retain's data has it (days off as
 * Holiday, the weekend days worked in exchange as Working day, 调休上班), else
 * the statutory festival days alone, computed, with a note asking the user to
 * add the make-up days when the schedule is announced (each November or
 * December for the next year).
 *
 * Greeting-only festivals are added too (Type Greeting, a working day): the
 * training material asks for greetings on "各种中外节庆日", Chinese and
 * foreign festivals alike, and names Christmas cards; the user deletes the
 * rows they do not want.
 */
import { addDays, ymd, type CalDate } from '../dates';
import { fill, type Msg } from '../i18n';
import type { Lang } from '../model';
import type { HolidayRow, HolidayType, OfficialHolidays } from './holidayRows';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR, lunarNewYearsEve, lunarToGregorian, solarTerm } from './lunar';
import { OFFICIAL_DATA, mmddDates } from './officialData';

type Names = Record<Lang, string>;

// By the name chinese-days gives: the names Retain writes.
const FESTIVALS: Record<string, Names> = {
  元旦: { zh: '元旦', en: "New Year's Day" },
  春节: { zh: '春节', en: 'Spring Festival' },
  清明: { zh: '清明节', en: 'Tomb-sweeping Day' },
  劳动节: { zh: '劳动节', en: 'Labour Day' },
  端午: { zh: '端午节', en: 'Dragon Boat Festival' },
  中秋: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  国庆节: { zh: '国庆节', en: 'National Day' },
};

const GREETINGS: Array<{ names: Names; date: (year: number) => CalDate }> = [
  { names: { zh: '元宵节', en: 'Lantern Festival' }, date: (y) => lunarToGregorian(y, 1, 15) },
  { names: { zh: '七夕节', en: 'Qixi Festival' }, date: (y) => lunarToGregorian(y, 7, 7) },
  { names: { zh: '重阳节', en: 'Double Ninth Festival' }, date: (y) => lunarToGregorian(y, 9, 9) },
  { names: { zh: '圣诞节', en: 'Christmas' }, date: (y) => ymd(y, 12, 25) },
];

const NO_SCHEDULE: Msg = {
  en:
    'The State Council holiday schedule for {year} is not in Retain yet: only the statutory festival days were added. ' +
    'When it is announced, add its make-up working days (Type "Working day") and extra days off to the Holidays sheet, or update Retain.',
  zh:
    'Retain 尚无国务院 {year} 年节假日安排：只添加了法定节日当天。' +
    '安排公布后，请在“节假日”表中补上调休上班日（类型填“Working day”）和调休放假日，或更新 Retain。',
};

const OUT_OF_RANGE: Msg = {
  en: 'Retain computes Chinese festivals for {min} to {max}, not {year}.',
  zh: 'Retain 只能计算 {min} 到 {max} 年的中国节日，不含 {year} 年。',
};

function nameOf(festival: string, lang: Lang): string {
  return FESTIVALS[festival]?.[lang] ?? festival;
}

function makeUpName(festival: string, lang: Lang): string {
  return lang === 'zh' ? `${nameOf(festival, 'zh')}调休上班` : `${nameOf(festival, 'en')} make-up working day`;
}

function scheduledRows(year: number, lang: Lang): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const [festival, days] of Object.entries(OFFICIAL_DATA.china[String(year)])) {
    for (const date of mmddDates(year, days.h)) rows.push({ date, name: nameOf(festival, lang), type: 'Holiday' });
    for (const date of mmddDates(year, days.w))
      rows.push({ date, name: makeUpName(festival, lang), type: 'Working day' });
  }
  return rows;
}

/**
 * The statutory days off (全国年节及纪念日放假办法 as revised for 2025): 元旦
 * 1 January; 春节 four days, 除夕 to 正月初三; 清明 on the solar term; 劳动节
 * 1-2 May; 端午 (五月初五); 中秋 (八月十五); 国庆节 1-3 October.
 */
function statutoryRows(year: number, lang: Lang): HolidayRow[] {
  const rows: HolidayRow[] = [];
  const add = (festival: string, first: CalDate, days: number) => {
    for (let i = 0; i < days; i++)
      rows.push({ date: addDays(first, i), name: nameOf(festival, lang), type: 'Holiday' });
  };
  add('元旦', ymd(year, 1, 1), 1);
  add('春节', lunarNewYearsEve(year), 4);
  add('清明', solarTerm(year, 7), 1);
  add('劳动节', ymd(year, 5, 1), 2);
  add('端午', lunarToGregorian(year, 5, 5), 1);
  add('中秋', lunarToGregorian(year, 8, 15), 1);
  add('国庆节', ymd(year, 10, 1), 3);
  return rows;
}

const TYPE_ORDER: Record<HolidayType, number> = { Holiday: 0, 'Day off': 1, 'Working day': 2, Greeting: 3 };

/** China's rows for `year` (Gregorian), names in `lang`; greetings unless `greetings` is false. */
export function chinaHolidays(year: number, lang: Lang, greetings = true): OfficialHolidays {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR)
    return { rows: [], scheduled: false, note: fill(OUT_OF_RANGE, { year, min: MIN_LUNAR_YEAR, max: MAX_LUNAR_YEAR }) };
  const scheduled = Object.prototype.hasOwnProperty.call(OFFICIAL_DATA.china, String(year));
  const rows = scheduled ? scheduledRows(year, lang) : statutoryRows(year, lang);
  if (greetings) for (const g of GREETINGS) rows.push({ date: g.date(year), name: g.names[lang], type: 'Greeting' });
  return sortRows(rows, scheduled ? undefined : fill(NO_SCHEDULE, { year }));
}

/**
 * By date, days off first; a date keeps two rows when two festivals fall on
 * it (the computed 2028: 中秋节 on 3 October, a 国庆节 day), so that both are
 * greeted.
 */
function sortRows(rows: HolidayRow[], note: Msg | undefined): OfficialHolidays {
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : TYPE_ORDER[a.type] - TYPE_ORDER[b.type]));
  return note ? { rows, scheduled: false, note } : { rows, scheduled: true };
}
