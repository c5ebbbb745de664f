/**
 * Birthdays, with or without a year (docs/data.md, Numbers and dates).
 */
import { isValidYmd, type CalDate } from '../dates';
import type { Msg } from '../i18n';
import type { MonthDay } from '../model';
import { NOT_A_REAL_DATE, dayOrMonth, parseDate, parseDateText } from './dates';
import { NO_LOCALE, type CellLocale } from './locale';
import { MONTH_NAME, ORDINAL, monthNumber } from './monthNames';
import { fail, isBlank, ok, type Parsed, type ToCalDate } from './parsed';
import { shown } from './text';

const NOT_A_MONTH_DAY: Msg = {
  en: '"{value}" is not a date: write YYYY-MM-DD, or MM-DD without the year (e.g. 03-14)',
  zh: '“{value}”不是日期：请写成 YYYY-MM-DD，或不带年份的 MM-DD（例如 03-14）',
};
const AMBIGUOUS_MONTH_DAY: Msg = {
  en: '"{value}" could be day/month or month/day: write MM-DD (e.g. 03-14) or 3月14日',
  zh: '“{value}”无法区分日/月还是月/日：请写成 MM-DD（例如 03-14）或 3月14日',
};

// '--03-14' (ISO 8601 without year), '03-14': month first, whatever the locale.
const MD_DASH = /^(?:--)?(\d{1,2})-(\d{1,2})$/;
// '3.14' (month first, as in Chinese) or '14.03.' (day first, as in German).
const MD_DOT = /^(\d{1,2})\.(\d{1,2})\.?$/;
const MD_SLASH = /^(\d{1,2})\/(\d{1,2})$/;
const MD_ZH = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
// 'Nov 3', 'November 3rd', 'Nov. 3'.
const MD_NAMED = new RegExp(`^${MONTH_NAME}\\s*(\\d{1,2})${ORDINAL}$`, 'i');
// '3 Nov', '3rd of November', '3-Nov', '3. November'.
const DM_NAMED = new RegExp(`^(\\d{1,2})${ORDINAL}\\.?(?:\\s+of)?[\\s-]*${MONTH_NAME}$`, 'i');

const MONTH_FIRST: CellLocale = { decimalComma: false, dayMonth: 'MD' };

function checkMonthDay(month: number, day: number, raw: unknown): Parsed<MonthDay> {
  // Checked against a leap year: 02-29 is a real birthday, 02-30 is not.
  return isValidYmd(2000, month, day) ? ok({ month, day }) : fail(NOT_A_REAL_DATE, { value: shown(raw) });
}

function unordered(a: number, b: number, locale: CellLocale, raw: unknown): Parsed<MonthDay> {
  const order = dayOrMonth(a, b, locale);
  if (order === 'impossible') return fail(NOT_A_REAL_DATE, { value: shown(raw) });
  if (order === 'ambiguous') return fail(AMBIGUOUS_MONTH_DAY, { value: shown(raw) });
  return checkMonthDay(order.month, order.day, raw);
}

// Birthdays typed as text, by the text and the locale's day/month order: read
// once per distinct text. Only readable ones are kept, as [month, day, year?];
// each call gets its own object.
type Known = [number, number, number | undefined];
const caches: Record<'DM' | 'MD' | 'none', Map<string, Known>> = { DM: new Map(), MD: new Map(), none: new Map() };

/**
 * A birthday: a full date (Date cell or text, as parseDate) gives
 * {month, day, year}; a month and day without a year ('03-14', '--03-14',
 * '3/14', '3月14日', 'Mar 14', '14 March') gives {month, day}. '3/4' is read
 * by the locale's day/month order and refused as ambiguous when the locale
 * does not decide, like full dates; '14/3' is read as 14 March. With dots,
 * '3.14' is month first unless the locale writes the day first ('14.03.').
 */
export function parseMonthDay(
  v: unknown,
  toCalDate: ToCalDate,
  locale: CellLocale = NO_LOCALE,
): Parsed<MonthDay> | null {
  if (typeof v !== 'string') return parseMonthDayUncached(v, toCalDate, locale);
  const cache = caches[locale.dayMonth ?? 'none'];
  const known = cache.get(v);
  if (known !== undefined)
    return ok(
      known[2] === undefined ? { month: known[0], day: known[1] } : { month: known[0], day: known[1], year: known[2] },
    );
  const parsed = parseMonthDayUncached(v, toCalDate, locale);
  if (parsed !== null && parsed.ok) {
    if (cache.size >= 50000) cache.clear();
    cache.set(v, [parsed.value.month, parsed.value.day, parsed.value.year]);
  }
  return parsed;
}

function parseMonthDayUncached(v: unknown, toCalDate: ToCalDate, locale: CellLocale): Parsed<MonthDay> | null {
  if (isBlank(v)) return null;
  if (typeof v !== 'string') {
    const full = parseDate(v, toCalDate, locale);
    if (full === null) return null;
    return full.ok ? ok(withYear(full.value)) : full;
  }
  const s = v.normalize('NFKC').trim();
  let m = MD_DASH.exec(s) ?? MD_ZH.exec(s);
  if (m) return checkMonthDay(Number(m[1]), Number(m[2]), v);
  m = MD_DOT.exec(s);
  if (m) return unordered(Number(m[1]), Number(m[2]), locale.dayMonth === 'DM' ? locale : MONTH_FIRST, v);
  m = MD_SLASH.exec(s);
  if (m) return unordered(Number(m[1]), Number(m[2]), locale, v);
  m = MD_NAMED.exec(s);
  if (m) return checkMonthDay(monthNumber(m[1]), Number(m[2]), v);
  m = DM_NAMED.exec(s);
  if (m) return checkMonthDay(monthNumber(m[2]), Number(m[1]), v);
  const full = parseDateText(v, locale);
  if (full === 'unrecognized') return fail(NOT_A_MONTH_DAY, { value: shown(v) });
  return full.ok ? ok(withYear(full.value)) : full;
}

function withYear(d: CalDate): MonthDay {
  const [year, month, day] = d.split('-').map(Number);
  return { month, day, year };
}
