/**
 * Calendar dates as people type them (docs/data.md, Numbers and dates).
 */
import { isValidYmd, isCalDate, ymd, type CalDate } from '../dates';
import type { Msg } from '../i18n';
import { toDayNumber as dayNum, fromDayNumber as dayStr } from '../dates';
import { NO_LOCALE, type CellLocale } from './locale';
import { MONTH_NAME, ORDINAL, monthNumber } from './monthNames';
import { fail, isBlank, isDateValue, MAX_YEAR, MIN_YEAR, ok, type Parsed, type ToCalDate } from './parsed';
import { serialDate } from './serials';
import { numberText, shown } from './text';

const NOT_A_DATE: Msg = {
  en: '"{value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-02',
  zh: '“{value}”不是日期：请写成 YYYY-MM-DD，例如 2026-11-02',
};
export const NOT_A_REAL_DATE: Msg = { en: '"{value}" is not a real date', zh: '“{value}”不是有效日期' };
const AMBIGUOUS_DATE: Msg = {
  en: '"{value}" could be day/month or month/day: write it as YYYY-MM-DD, e.g. 2026-11-02',
  zh: '“{value}”无法区分日/月还是月/日：请写成 YYYY-MM-DD，例如 2026-11-02',
};
const TWO_DIGIT_YEAR: Msg = {
  en: '"{value}" has a two-digit year: write it as YYYY-MM-DD, e.g. 2026-11-02',
  zh: '“{value}”的年份只有两位：请写成 YYYY-MM-DD，例如 2026-11-02',
};
const YEAR_OUT_OF_RANGE: Msg = {
  en: 'date {value} is out of range (years {min}-{max})',
  zh: '日期 {value} 超出范围（{min}-{max} 年）',
};
const INVALID_DATE_CELL: Msg = { en: 'the cell holds an invalid date', zh: '单元格中的日期无效' };
const NUMBER_NOT_DATE: Msg = {
  en: '{value} is a number, not a date: format the column as a date (Format > Number > Date)',
  zh: '{value} 是数字而不是日期：请把该列设为日期格式（格式 > 数字 > 日期）',
};
const BOOLEAN_NOT_DATE: Msg = { en: '{value} is not a date', zh: '{value} 不是日期' };

// 2026-11-02, 2026/11/2, 2026.11.2 (one separator throughout); an optional
// time without a zone is allowed and ignored ('2026-11-02 14:30' from a log).
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
// 2026年11月2日 (日 or 号 optional).
const YMD_ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
// 2/11/2026 or 11.2.2026: day and month in some order.
const DMY_OR_MDY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
// 'Nov 3, 2026', 'November 3rd 2026', 'Nov. 3 2026'.
const MDY_NAMED = new RegExp(`^${MONTH_NAME}\\s*(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`, 'i');
// '3 Nov 2026', '3rd November 2026', '3-Nov-2026', '3. November 2026', '3 of November, 2026'.
const DMY_NAMED = new RegExp(`^(\\d{1,2})${ORDINAL}\\.?(?:\\s+of)?[\\s-]*${MONTH_NAME}[\\s,-]+(\\d{4})$`, 'i');
const SHORT_YEAR = new RegExp(
  String.raw`^(?:\d{1,2}([-/.])\d{1,2}\1\d{2}|\d{2}([-/.])\d{1,2}\2\d{1,2}|\d{1,2}[\s-]*${MONTH_NAME}[\s,-]+\d{2}|${MONTH_NAME}\s*\d{1,2},?\s+\d{2})$`,
  'i',
);

function checkYmd(y: number, m: number, d: number, raw: unknown): Parsed<CalDate> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(YEAR_OUT_OF_RANGE, { value: shown(raw), min: MIN_YEAR, max: MAX_YEAR });
  if (!isValidYmd(y, m, d)) return fail(NOT_A_REAL_DATE, { value: shown(raw) });
  return ok(ymd(y, m, d));
}

/**
 * Day and month in an order the text does not say: readable when one order is
 * impossible, when both agree, or when the locale decides.
 */
export function dayOrMonth(
  a: number,
  b: number,
  locale: CellLocale,
): { month: number; day: number } | 'ambiguous' | 'impossible' {
  if (a > 12 && b > 12) return 'impossible';
  if (a > 12) return { month: b, day: a };
  if (b > 12 || a === b) return { month: a, day: b };
  if (locale.dayMonth === 'DM') return { month: b, day: a };
  if (locale.dayMonth === 'MD') return { month: a, day: b };
  return 'ambiguous';
}

/** 'unrecognized' when the text is no date shape at all (parseMonthDay then tries its own shapes' message). */
export function parseDateText(raw: string, locale: CellLocale = NO_LOCALE): Parsed<CalDate> | 'unrecognized' {
  const s = raw.normalize('NFKC').trim();
  let m = YMD.exec(s);
  if (m) return checkYmd(Number(m[1]), Number(m[3]), Number(m[4]), raw);
  m = YMD_ZH.exec(s);
  if (m) return checkYmd(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  m = DMY_OR_MDY.exec(s);
  if (m) {
    const order = dayOrMonth(Number(m[1]), Number(m[3]), locale);
    if (order === 'impossible') return fail(NOT_A_REAL_DATE, { value: shown(raw) });
    if (order === 'ambiguous') return fail(AMBIGUOUS_DATE, { value: shown(raw) });
    return checkYmd(Number(m[4]), order.month, order.day, raw);
  }
  m = MDY_NAMED.exec(s);
  if (m) return checkYmd(Number(m[3]), monthNumber(m[1]), Number(m[2]), raw);
  m = DMY_NAMED.exec(s);
  if (m) return checkYmd(Number(m[3]), monthNumber(m[2]), Number(m[1]), raw);
  if (SHORT_YEAR.test(s)) return fail(TWO_DIGIT_YEAR, { value: shown(raw) });
  return 'unrecognized';
}

function parseDateCell(v: Date, toCalDate: ToCalDate): Parsed<CalDate> {
  if (isNaN(v.getTime())) return fail(INVALID_DATE_CELL, {});
  const d = toCalDate(v);
  if (!isCalDate(d)) return fail(INVALID_DATE_CELL, {});
  const y = Number(d.slice(0, 4));
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(YEAR_OUT_OF_RANGE, { value: d, min: MIN_YEAR, max: MAX_YEAR });
  return ok(pooled(d));
}

// A sheet of 100,000 customers holds a few thousand distinct dates in a few
// hundred thousand cells. Each date is kept as one string, the same one the
// planner's day arithmetic returns (dates.ts), so the planner compares a
// few thousand strings that are often the very same and stay in the
// processor's cache, rather than 100,000s of copies spread over memory. A
// date typed as text is read once per distinct text and day/month order (the
// locale decides '3/11/2026'). The maps hold only pure results and are
// bounded, so parsing stays deterministic.
const DATE_CACHE_LIMIT = 50000;
const noOrder = new Map<string, CalDate>();
const dayFirst = new Map<string, CalDate>();
const monthFirst = new Map<string, CalDate>();

function cacheFor(locale: CellLocale): Map<string, CalDate> {
  return locale.dayMonth === 'DM' ? dayFirst : locale.dayMonth === 'MD' ? monthFirst : noOrder;
}

/** The one string for a valid calendar date. */
function pooled(d: CalDate): CalDate {
  const same = dayStr(dayNum(d));
  return same === d ? same : d;
}

/**
 * A date cell, or a date typed as text: '2026-11-02', '2026/11/2',
 * '2026.11.2', '2026年11月2日', 'Nov 2, 2026', '2 Nov 2026', 'November 2nd
 * 2026', or day and month in either order ('2/11/2026') when only one order
 * makes sense, or the locale's order says (day first for en_GB and most of
 * Europe, month first for en_US; a locale that writes the year first, such as
 * zh_CN, does not decide). Years outside 1900-2100 are refused: they are
 * typos ('0226') or serial numbers gone wrong, never a customer's real date.
 *
 * A number is a date only when `serials` says the column holds date serials
 * (dateSerialColumn): then 46329 is 2026-11-02, counted from Sheets' day zero.
 */
export function parseDate(
  v: unknown,
  toCalDate: ToCalDate,
  locale: CellLocale = NO_LOCALE,
  serials = false,
): Parsed<CalDate> | null {
  const cache = cacheFor(locale);
  if (typeof v === 'string') {
    // Only texts that were dates are remembered, so a hit is neither blank nor a problem.
    const known = cache.get(v);
    if (known !== undefined) return ok(known);
  }
  if (isDateValue(v)) return parseDateCell(v, toCalDate);
  if (isBlank(v)) return null;
  if (typeof v === 'number') {
    const d = serials ? serialDate(v) : null;
    return d === null ? fail(NUMBER_NOT_DATE, { value: numberText(v) }) : ok(pooled(d));
  }
  if (typeof v === 'boolean') return fail(BOOLEAN_NOT_DATE, { value: v ? 'TRUE' : 'FALSE' });
  if (typeof v !== 'string') return fail(NOT_A_DATE, { value: shown(v) });
  const parsed = parseDateText(v, locale);
  if (parsed === 'unrecognized') return fail(NOT_A_DATE, { value: shown(v) });
  if (!parsed.ok) return parsed;
  const d = pooled(parsed.value);
  if (cache.size >= DATE_CACHE_LIMIT) cache.clear();
  cache.set(v, d);
  return ok(d);
}
