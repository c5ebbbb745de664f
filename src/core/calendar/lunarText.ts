/**
 * Lunar dates as people type them in a `Birthday` or `Occasions` date cell
 * (docs/data.md, Numbers and dates):
 *
 *   农历八月十五   农历8月15日   农历 8-15   阴历八月十五   lunar 8/15
 *   L8-15   l8/15   L08.15
 *   leap month: 闰 (or 閏) before the month: 农历闰四月初八, 农历闰4月8日, L闰4-8
 *   with the lunar year of birth: 农历1990年八月十五, L1990-8-15
 *
 * Months: 1-12, 正月 (元月), 一月 … 十月, 十一月 (冬月), 十二月 (腊月, 臘月).
 * Days: 1-30, 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十 (卅), and
 * 二十一 … 二十九. Full-width letters, digits and signs and spaces anywhere
 * are accepted; traditional characters (農曆, 閏, 臘) too.
 *
 * Like the parsers of src/core/cells.ts: null when the value is not written
 * as a lunar date at all (blank, a plain date, not text: read it as a
 * Gregorian date then), `{ ok: true, value }` when it is readable, and a
 * message in English and Chinese quoting the value when it is marked lunar
 * but cannot be read.
 */
import { fill, type Msg } from '../i18n';
import type { Parsed } from '../cells';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR, type LunarMonthDay } from './lunar';

const NOT_A_LUNAR_DATE: Msg = {
  en: '"{value}" is not a lunar date: write 农历八月十五, 农历 8-15 or L8-15 (a leap month: 农历闰四月初八 or L闰4-8)',
  zh: '“{value}”不是农历日期：请写成 农历八月十五、农历 8-15 或 L8-15（闰月：农历闰四月初八 或 L闰4-8）',
};
const OUT_OF_RANGE: Msg = {
  en: '"{value}": a lunar month is 1 to 12 and a lunar day 1 to 30',
  zh: '“{value}”：农历月份为 1 到 12，日为 1 到 30（初一到三十）',
};
const YEAR_OUT_OF_RANGE: Msg = {
  en: '"{value}": the lunar year must be between {min} and {max}',
  zh: '“{value}”：农历年份须在 {min} 到 {max} 之间',
};

// 农历 / 阴历 (simplified or traditional), 'lunar', or L right before a digit or 闰.
const PREFIX = /^(?:农历|農曆|农曆|阴历|陰曆|lunar|l(?=[\d闰閏]))/i;
const YEAR = /^(\d{4})(?:年|[-/.])/;
const LEAP = /^[闰閏]/;
// 8-15, 8/15, 8.15 (month first, as in Chinese writing).
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})$/;
// 8月15日, 八月十五, 腊月初八, 正月15号.
const WITH_MONTH_SIGN = /^(\d{1,2}|十一|十二|[正元冬腊臘一二三四五六七八九十])月(.+?)[日号號]?$/;

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const MONTH_NAME: Record<string, number> = {
  正: 1,
  元: 1,
  十: 10,
  十一: 11,
  冬: 11,
  十二: 12,
  腊: 12,
  臘: 12,
  ...DIGIT,
};

/** 初一 … 初十, 十一, 二十, 廿三, 二十三, 三十, 卅, 15: the number, or NaN. */
function dayNumber(s: string): number {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === '卅') return 30;
  let m = /^初([一二三四五六七八九十])$/.exec(s);
  if (m) return m[1] === '十' ? 10 : DIGIT[m[1]];
  m = /^廿([一二三四五六七八九])$/.exec(s);
  if (m) return 20 + DIGIT[m[1]];
  // A plain Chinese number: 五, 十, 十五, 二十, 二十九, 三十.
  if (Object.prototype.hasOwnProperty.call(DIGIT, s)) return DIGIT[s];
  m = /^([二三]?)十([一二三四五六七八九]?)$/.exec(s);
  if (m) return (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[2] ? DIGIT[m[2]] : 0);
  return NaN;
}

function monthNumber(s: string): number {
  return /^\d{1,2}$/.test(s) ? Number(s) : (MONTH_NAME[s] ?? NaN);
}

function fail(msg: Msg, raw: string, extra: Record<string, number> = {}): Parsed<LunarMonthDay> {
  return { ok: false, message: fill(msg, { value: raw.trim(), ...extra }) };
}

/** True when the text is marked as a lunar date (农历…, 阴历…, lunar…, L8-15): the rules then read it with parseLunarMonthDay. */
export function isLunarText(v: unknown): boolean {
  return typeof v === 'string' && PREFIX.test(v.normalize('NFKC').replace(/\s+/g, ''));
}

/** A lunar month-day from a cell; see the header for the forms. */
export function parseLunarMonthDay(v: unknown): Parsed<LunarMonthDay> | null {
  if (typeof v !== 'string') return null;
  let s = v.normalize('NFKC').replace(/\s+/g, '');
  const prefix = PREFIX.exec(s);
  if (!prefix) return null;
  s = s.slice(prefix[0].length);
  let year: number | undefined;
  const y = YEAR.exec(s);
  if (y) {
    year = Number(y[1]);
    s = s.slice(y[0].length);
  }
  const leap = LEAP.test(s);
  if (leap) s = s.slice(1);
  const m = NUMERIC.exec(s) ?? WITH_MONTH_SIGN.exec(s);
  if (!m) return fail(NOT_A_LUNAR_DATE, v);
  const month = monthNumber(m[1]);
  const day = dayNumber(m[2]);
  if (Number.isNaN(month) || Number.isNaN(day)) return fail(NOT_A_LUNAR_DATE, v);
  if (month < 1 || month > 12 || day < 1 || day > 30) return fail(OUT_OF_RANGE, v);
  if (year !== undefined && (year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR))
    return fail(YEAR_OUT_OF_RANGE, v, { min: MIN_LUNAR_YEAR, max: MAX_LUNAR_YEAR });
  return { ok: true, value: year === undefined ? { month, day, leap } : { month, day, leap, year } };
}

const ZH_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ZH_MONTHS = ['', '正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];

/** 初八, 十五, 二十, 廿三, 三十. */
function zhDay(day: number): string {
  if (day <= 10) return '初' + ZH_DIGITS[day];
  if (day < 20) return '十' + ZH_DIGITS[day - 10];
  if (day === 20) return '二十';
  if (day < 30) return '廿' + ZH_DIGITS[day - 20];
  return '三十';
}

/** The way Retain writes a lunar month-day back: 农历闰四月初八 (zh), 'lunar 4-8 (leap month)' (en). */
export function formatLunarMonthDay(md: LunarMonthDay, lang: 'en' | 'zh'): string {
  if (lang === 'zh') return `农历${md.leap ? '闰' : ''}${ZH_MONTHS[md.month]}月${zhDay(md.day)}`;
  return `lunar ${md.month}-${md.day}${md.leap ? ' (leap month)' : ''}`;
}
