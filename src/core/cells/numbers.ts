/**
 * Amounts as people type them (docs/data.md, Numbers and dates).
 */
import type { Msg } from '../i18n';
import { NO_LOCALE, type CellLocale } from './locale';
import { fail, isBlank, isDateValue, ok, type Parsed } from './parsed';
import { shown } from './text';

const NOT_A_NUMBER: Msg = { en: '"{value}" is not a number', zh: '“{value}”不是数字' };
const AMBIGUOUS_NUMBER: Msg = {
  en: '"{value}" is ambiguous: write it with a dot for decimals and no dots between thousands, e.g. 1200.50',
  zh: '“{value}”有歧义：请用小数点表示小数、不要用点分隔千位，例如 1200.50',
};
const AMBIGUOUS_NUMBER_COMMA: Msg = {
  en: '"{value}" is ambiguous in this spreadsheet\'s locale: write it with a comma for decimals, e.g. 1200,50',
  zh: '“{value}”在本表格的区域设置下有歧义：请用逗号表示小数，例如 1200,50',
};
const DATE_NOT_NUMBER: Msg = { en: 'a date ({value}) is not a number', zh: '日期（{value}）不是数字' };

// Currency marks written before or after the amount. Full-width ￥ becomes ¥ under NFKC.
const CURRENCY = String.raw`(?:US\$|HK\$|NT\$|S\$|A\$|C\$|R\$|RMB¥|RMB|CNY|USD|EUR|GBP|HKD|JPY|TWD|NTD|SGD|AUD|CAD|CHF|人民币|[$¥€£₩₹]|元)`;
// Chinese multipliers: 1.2万 is 12,000; 3亿 is 300,000,000; 1.5千 is 1,500 (萬 and 億 are the traditional forms).
const MULTIPLIER = '(万|萬|亿|億|千)';
const POWER: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8, 千: 3 };
// Digits with a decimal point: plain ('1200', '1200.5', '.5') or grouped by
// commas, spaces or apostrophes ('1,200', '1 200 000.50', "1'200.50").
const POINT_AMOUNT = String.raw`(\d+(?:\.\d+)?|\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?|\d{1,3}(?:'\d{3})+(?:\.\d+)?)`;
// Digits with a decimal comma: plain ('1200', '1200,5', ',5') or grouped by dots or spaces ('1.234,50', '1 234,50').
const COMMA_AMOUNT = String.raw`(\d+(?:,\d+)?|,\d+|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?)`;

// sign? currency? sign? amount multiplier? currency?  e.g. '-$42', '$-42', '¥1,200.50', '12万元', 'USD 1,200', '1.234,50 €'.
function numberShape(amount: string): RegExp {
  return new RegExp(`^([+-]?)\\s*(?:${CURRENCY}\\s*)?([+-]?)\\s*${amount}\\s*${MULTIPLIER}?\\s*(?:${CURRENCY})?$`, 'i');
}
const POINT_NUMBER = numberShape(POINT_AMOUNT);
const COMMA_NUMBER = numberShape(COMMA_AMOUNT);
const CURRENCY_ANYWHERE = new RegExp(`${CURRENCY}|${MULTIPLIER}`, 'gi');
// Shapes that are numbers with a decimal comma but not with a decimal point
// (after currency marks are removed): '1.200,50', '1.200.000', '1,5', '1,2345', '1 234,50'.
const COMMA_SHAPE =
  /^[+-]?\s*(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2}|\d+,\d{4,}|\d+\.\d+,\d+|\d{1,3}(?: \d{3})+,\d+)$/;
// ... and the other way round: '1,234.50', '1,234,567', '1.5', '12.50'.
const POINT_SHAPE = /^[+-]?\s*(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2}|\d+\.\d{4,}|\d+,\d+\.\d+)$/;

/**
 * A number cell, or a number typed as text.
 *
 * Accepted text: '1,200', '1 200', '¥1,200.50', '$1,200', '€3.5', 'USD 1,200',
 * '1200元', '1.2万', '12万元', '3亿', '1.5千', '-42', '+42', and full-width
 * digits ('１２００', via NFKC). '(42)' is -42: accounting software exports
 * negatives that way and there is no other reading of it (a negative amount
 * is a refund; tiers treat it as C).
 *
 * Without a decimal-comma locale, '1.200' is 1.2 (a single dot is a decimal
 * point, as Sheets reads it in English), and '1.200,50', '1.200.000' and '1,5'
 * are refused as ambiguous. With one (`locale.decimalComma`, e.g. de_DE),
 * it is the other way round: '1.234,50 €' is 1234.5, '1,200' is 1.2, and
 * '1,234.50' or '12.50' are refused as ambiguous.
 * '3k', '12abc', 'N/A', '1e3', '12%' are refused. TRUE/FALSE and dates are not numbers.
 */
export function parseNumber(v: unknown, locale: CellLocale = NO_LOCALE): Parsed<number> | null {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? ok(v) : fail(NOT_A_NUMBER, { value: String(v) });
  }
  // Plain ASCII digits ('12800'), the usual amount typed as text: what the
  // full reading below gives for them, without NFKC, regexes and replaces.
  if (typeof v === 'string' && v.length > 0 && v.length <= 15 && onlyDigits(v)) return ok(Number(v));
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return fail(NOT_A_NUMBER, { value: v ? 'TRUE' : 'FALSE' });
  if (isDateValue(v))
    return fail(DATE_NOT_NUMBER, { value: isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().slice(0, 10) });
  if (typeof v !== 'string') return fail(NOT_A_NUMBER, { value: shown(v) });
  return parseNumberText(v, locale.decimalComma);
}

function parseNumberText(v: string, decimalComma: boolean): Parsed<number> {
  // U+2212 (minus sign) and the en dash come from word processors; NFKC makes
  // full-width digits and marks ASCII and the no-break space a space.
  let s = v
    .normalize('NFKC')
    .trim()
    .replace(/[\u2212\u2013]/g, '-');
  let negate = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1].trim();
    negate = true;
  }
  const m = (decimalComma ? COMMA_NUMBER : POINT_NUMBER).exec(s);
  if (!m || (m[1] && m[2]) || (negate && (m[1] || m[2]))) {
    const bare = s.replace(CURRENCY_ANYWHERE, '').trim();
    if (decimalComma) return fail(POINT_SHAPE.test(bare) ? AMBIGUOUS_NUMBER_COMMA : NOT_A_NUMBER, { value: shown(v) });
    return fail(COMMA_SHAPE.test(bare) ? AMBIGUOUS_NUMBER : NOT_A_NUMBER, { value: shown(v) });
  }
  const digits = decimalComma ? m[3].replace(/[. ]/g, '').replace(',', '.') : m[3].replace(/[, ']/g, '');
  // The multiplier as an exponent of the text, so '1.1万' is exactly 11000 (1.1 * 10000 is not).
  const power = m[4] ? POWER[m[4]] : 0;
  const n = Number(power ? `${digits}e${power}` : digits);
  if (!Number.isFinite(n)) return fail(NOT_A_NUMBER, { value: shown(v) });
  const negative = negate || m[1] === '-' || m[2] === '-';
  // `0 - n` keeps -0 out of the results.
  return ok(negative ? 0 - n : n);
}

function onlyDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
