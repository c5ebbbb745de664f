/**
 * Reading what people put in cells. A cell arrives as getValues() gives it:
 * a number, a string, a boolean, a Date, or '' when blank. Every parser here
 * returns null for a blank cell, `{ ok: true, value }` when it understands the
 * value, and otherwise `{ ok: false, message }` with a message in English and
 * Chinese that quotes the value, so `Retain notes` can tell the user exactly
 * which cell to fix.
 *
 * The rule throughout: accept what is unambiguous, refuse what could be read
 * two ways. A wrong date or amount would silently give a wrong follow-up; a
 * refused one shows up as a note the user can fix in a second.
 */
import { isValidYmd, isCalDate, ymd, toDayNumber as dayNum, fromDayNumber as dayStr, type CalDate } from './dates';
import { fill, type Msg } from './i18n';
import type { ComplaintSize, ContactType, Lang, MonthDay, Status } from './model';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Msg };

/** Turns a Date cell into a calendar date in the spreadsheet's time zone (the adapters supply it). */
export type ToCalDate = (d: Date) => CalDate;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(msg: Msg, vars: Record<string, string | number>): Parsed<T> {
  return { ok: false, message: fill(msg, vars) };
}

/** Works across realms (a Date made in another global scope fails instanceof). */
export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

// ---------------------------------------------------------------- text form

/**
 * A number as people write it: no exponent (1e21 -> '1000000000000000000000',
 * 1e-7 -> '0.0000001') and no binary noise (0.1 + 0.2 -> '0.3'): 15 significant
 * digits, what a spreadsheet shows.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const rounded = Number(n.toPrecision(15));
  const s = String(rounded);
  return s.includes('e') ? expandExponent(s) : s;
}

function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const sign = m[1];
  const digits = m[2] + (m[3] ?? '');
  const exp = Number(m[4]);
  // The decimal point sits after the first digit; move it by exp.
  const point = 1 + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * The string form of any cell: strings as they are, numbers by numberText,
 * booleans as Sheets shows them (TRUE/FALSE), Dates through the converter.
 * Without a converter a Date becomes its ISO instant: the core must not guess
 * a time zone, and an instant is at least unambiguous.
 */
export function cellText(v: unknown, toCalDate?: ToCalDate): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) {
    if (isNaN(v.getTime())) return 'Invalid Date';
    return toCalDate ? toCalDate(v) : v.toISOString();
  }
  return String(v);
}

/** A cell quoted for a message, cut short so a pasted paragraph cannot flood `Retain notes`. */
function shown(v: unknown, toCalDate?: ToCalDate): string {
  const text = cellText(v, toCalDate).replace(/\s+/g, ' ').trim();
  return text.length > 40 ? text.slice(0, 39) + '…' : text;
}

// ---------------------------------------------------------------- numbers

const NOT_A_NUMBER: Msg = { en: '"{value}" is not a number', zh: '“{value}”不是数字' };
const AMBIGUOUS_NUMBER: Msg = {
  en: '"{value}" is ambiguous: write it with a dot for decimals and no dots between thousands, e.g. 1200.50',
  zh: '“{value}”有歧义：请用小数点表示小数、不要用点分隔千位，例如 1200.50',
};
const DATE_NOT_NUMBER: Msg = { en: 'a date ({value}) is not a number', zh: '日期（{value}）不是数字' };

// Currency marks written before or after the amount. Full-width ￥ becomes ¥ under NFKC.
const CURRENCY = String.raw`(?:US\$|HK\$|NT\$|S\$|A\$|C\$|RMB|CNY|USD|EUR|GBP|HKD|JPY|[$¥€£₩₹]|元)`;
// Digits: plain ('1200', '1200.5', '.5'), grouped by commas or spaces ('1,200', '1 200 000.50').
const AMOUNT = String.raw`(\d+(?:\.\d+)?|\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?)`;
// sign? currency? sign? amount currency?  e.g. '-$42', '$-42', '¥1,200.50', '1200 元', 'USD 1,200'.
const NUMBER_TEXT = new RegExp(`^([+-]?)\\s*(?:${CURRENCY}\\s*)?([+-]?)\\s*${AMOUNT}\\s*(?:${CURRENCY})?$`, 'i');
const CURRENCY_ANYWHERE = new RegExp(CURRENCY, 'gi');
// Shapes that are numbers in some locale but not unambiguously in ours (after
// currency marks are removed): '1.200,50', '1.200.000', '1,5', '1,2345'.
const EUROPEAN = /^[+-]?\s*(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2}|\d+,\d{4,}|\d+\.\d+,\d+)$/;

/**
 * A number cell, or a number typed as text.
 *
 * Accepted text: '1,200', '1 200', '¥1,200.50', '$1,200', '€3.5', 'USD 1,200',
 * '1200元', '-42', '+42', and full-width digits ('１２００', via NFKC).
 * '(42)' is -42: accounting software exports negatives that way and there is
 * no other reading of it (a negative amount is a refund; tiers treat it as C).
 * '1.200' is 1.2 (a single dot is a decimal point, as Sheets reads it in
 * English); '1.200,50', '1.200.000' and '1,5' are refused as ambiguous, since
 * half the world writes 1200.50 that way and half would read 1.2005.
 * '3k', '12abc', 'N/A', '1e3', '12%' are refused. TRUE/FALSE and dates are not numbers.
 */
export function parseNumber(v: unknown): Parsed<number> | null {
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

  // U+2212 (minus sign) and the en dash come from word processors.
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
  const m = NUMBER_TEXT.exec(s);
  if (!m || (m[1] && m[2]) || (negate && (m[1] || m[2]))) {
    const bare = s.replace(CURRENCY_ANYWHERE, '').trim();
    return fail(EUROPEAN.test(bare) ? AMBIGUOUS_NUMBER : NOT_A_NUMBER, { value: shown(v) });
  }
  const n = Number(m[3].replace(/[, ]/g, ''));
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

// ---------------------------------------------------------------- dates

const NOT_A_DATE: Msg = {
  en: '"{value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-02',
  zh: '“{value}”不是日期：请写成 YYYY-MM-DD，例如 2026-11-02',
};
const NOT_A_REAL_DATE: Msg = { en: '"{value}" is not a real date', zh: '“{value}”不是有效日期' };
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
const SHORT_YEAR = /^(?:\d{1,2}([-/.])\d{1,2}\1\d{2}|\d{2}([-/.])\d{1,2}\2\d{1,2})$/;

function checkYmd(y: number, m: number, d: number, raw: unknown): Parsed<CalDate> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(YEAR_OUT_OF_RANGE, { value: shown(raw), min: MIN_YEAR, max: MAX_YEAR });
  if (!isValidYmd(y, m, d)) return fail(NOT_A_REAL_DATE, { value: shown(raw) });
  return ok(ymd(y, m, d));
}

/** 'unrecognized' when the text is no date shape at all (parseMonthDay then tries its own shapes' message). */
function parseDateText(raw: string): Parsed<CalDate> | 'unrecognized' {
  const s = raw.normalize('NFKC').trim();
  let m = YMD.exec(s);
  if (m) return checkYmd(Number(m[1]), Number(m[3]), Number(m[4]), raw);
  m = YMD_ZH.exec(s);
  if (m) return checkYmd(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  m = DMY_OR_MDY.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    // Readable only when one order is impossible, or both orders agree.
    if (a > 12 && b <= 12) return checkYmd(y, b, a, raw);
    if (b > 12 && a <= 12) return checkYmd(y, a, b, raw);
    if (a === b) return checkYmd(y, a, b, raw);
    if (a > 12 && b > 12) return fail(NOT_A_REAL_DATE, { value: shown(raw) });
    return fail(AMBIGUOUS_DATE, { value: shown(raw) });
  }
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
// planner's day arithmetic returns (rules/days.ts), so the planner compares a
// few thousand strings that are often the very same and stay in the
// processor's cache, rather than 100,000s of copies spread over memory. A
// date typed as text is read once per distinct text. The map holds only pure
// results and is bounded, so parsing stays deterministic.
const DATE_CACHE_LIMIT = 50000;
const dateOfText = new Map<string, CalDate>();

/** The one string for a valid calendar date. */
function pooled(d: CalDate): CalDate {
  const same = dayStr(dayNum(d));
  return same === d ? same : d;
}

/**
 * A date cell, or a date typed as text: '2026-11-02', '2026/11/2',
 * '2026.11.2', '2026年11月2日', or day and month in either order when only
 * one order makes sense ('25/12/2026'); '11/2/2026' is refused as ambiguous.
 * Years outside 1900-2100 are refused: they are typos ('0226') or serial
 * numbers gone wrong, never a customer's real date.
 */
export function parseDate(v: unknown, toCalDate: ToCalDate): Parsed<CalDate> | null {
  if (typeof v === 'string') {
    // Only texts that were dates are remembered, so a hit is neither blank nor a problem.
    const known = dateOfText.get(v);
    if (known !== undefined) return ok(known);
  }
  if (isDateValue(v)) return parseDateCell(v, toCalDate);
  if (isBlank(v)) return null;
  if (typeof v === 'number') return fail(NUMBER_NOT_DATE, { value: numberText(v) });
  if (typeof v === 'boolean') return fail(BOOLEAN_NOT_DATE, { value: v ? 'TRUE' : 'FALSE' });
  if (typeof v !== 'string') return fail(NOT_A_DATE, { value: shown(v) });
  const parsed = parseDateText(v);
  if (parsed === 'unrecognized') return fail(NOT_A_DATE, { value: shown(v) });
  if (!parsed.ok) return parsed;
  const d = pooled(parsed.value);
  if (dateOfText.size >= DATE_CACHE_LIMIT) dateOfText.clear();
  dateOfText.set(v, d);
  return ok(d);
}

// ---------------------------------------------------------------- month-day (birthdays)

const NOT_A_MONTH_DAY: Msg = {
  en: '"{value}" is not a date: write YYYY-MM-DD, or MM-DD without the year (e.g. 03-14)',
  zh: '“{value}”不是日期：请写成 YYYY-MM-DD，或不带年份的 MM-DD（例如 03-14）',
};
const AMBIGUOUS_MONTH_DAY: Msg = {
  en: '"{value}" could be day/month or month/day: write MM-DD (e.g. 03-14) or 3月14日',
  zh: '“{value}”无法区分日/月还是月/日：请写成 MM-DD（例如 03-14）或 3月14日',
};

// '--03-14' (ISO 8601 without year), '03-14', '3.14' (month first, as in ISO and Chinese).
const MD_DASH = /^(?:--)?(\d{1,2})[-.](\d{1,2})$/;
const MD_SLASH = /^(\d{1,2})\/(\d{1,2})$/;
const MD_ZH = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;

function checkMonthDay(month: number, day: number, raw: unknown): Parsed<MonthDay> {
  // Checked against a leap year: 02-29 is a real birthday, 02-30 is not.
  return isValidYmd(2000, month, day) ? ok({ month, day }) : fail(NOT_A_REAL_DATE, { value: shown(raw) });
}

/**
 * A birthday: a full date (Date cell or text, as parseDate) gives
 * {month, day, year}; a month and day without a year ('03-14', '--03-14',
 * '3/14', '3月14日') gives {month, day}. '3/4' is refused as ambiguous, like
 * full dates; '14/3' is read as 14 March.
 */
// Birthdays typed as text, by the text: read once per distinct text. Only
// readable ones are kept, as [month, day, year?]; each call gets its own object.
const monthDayOfText = new Map<string, [number, number, number | undefined]>();

export function parseMonthDay(v: unknown, toCalDate: ToCalDate): Parsed<MonthDay> | null {
  if (typeof v === 'string') {
    const known = monthDayOfText.get(v);
    if (known !== undefined)
      return ok(
        known[2] === undefined
          ? { month: known[0], day: known[1] }
          : { month: known[0], day: known[1], year: known[2] },
      );
    const parsed = parseMonthDayUncached(v, toCalDate);
    if (parsed !== null && parsed.ok) {
      if (monthDayOfText.size >= 50000) monthDayOfText.clear();
      monthDayOfText.set(v, [parsed.value.month, parsed.value.day, parsed.value.year]);
    }
    return parsed;
  }
  return parseMonthDayUncached(v, toCalDate);
}

function parseMonthDayUncached(v: unknown, toCalDate: ToCalDate): Parsed<MonthDay> | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const s = v.normalize('NFKC').trim();
    let m = MD_DASH.exec(s) ?? MD_ZH.exec(s);
    if (m) return checkMonthDay(Number(m[1]), Number(m[2]), v);
    m = MD_SLASH.exec(s);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a <= 12 && (b > 12 || a === b)) return checkMonthDay(a, b, v);
      if (a > 12 && b <= 12) return checkMonthDay(b, a, v);
      if (a > 12 && b > 12) return fail(NOT_A_REAL_DATE, { value: shown(v) });
      return fail(AMBIGUOUS_MONTH_DAY, { value: shown(v) });
    }
    const full = parseDateText(v);
    if (full === 'unrecognized') return fail(NOT_A_MONTH_DAY, { value: shown(v) });
    return full.ok ? ok(withYear(full.value)) : full;
  }
  const full = parseDate(v, toCalDate);
  if (full === null) return null;
  return full.ok ? ok(withYear(full.value)) : full;
}

function withYear(d: CalDate): MonthDay {
  const [year, month, day] = d.split('-').map(Number);
  return { month, day, year };
}

// ---------------------------------------------------------------- choices

/** Lower case, NFKC, without spaces and punctuation: 'Do not contact', 'DO-NOT-CONTACT' and 'donotcontact' are one word. */
const choiceKeys = new Map<string, string>();

function choiceKey(s: string): string {
  // A column of choices holds a handful of distinct texts in 100,000s of cells: each is keyed once.
  let key = choiceKeys.get(s);
  if (key === undefined) {
    key = s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{Z}\p{Cf}]/gu, '');
    if (choiceKeys.size >= 10000) choiceKeys.clear();
    choiceKeys.set(s, key);
  }
  return key;
}

function choiceTable<T>(entries: Array<[T, string[]]>): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, names] of entries) for (const name of names) table.set(choiceKey(name), value);
  return table;
}

const STATUS_TABLE = choiceTable<Status>([
  ['Active', ['Active', '活跃', '有效']],
  ['Prospect', ['Prospect', '潜在', '意向', '潜在客户', '意向客户']],
  ['Do not contact', ['Do not contact', '勿扰', '请勿联系', '不要联系']],
  ['Lost', ['Lost', '流失', '已流失']],
]);

const BAD_STATUS: Msg = {
  en: 'Status "{value}" is not one of Active, Prospect, Do not contact, Lost',
  zh: '状态“{value}”无效，可选：Active（活跃）、Prospect（潜在）、Do not contact（勿扰）、Lost（流失）',
};

/** `Status`: blank is Active (SPEC section 1). */
export function parseStatus(v: unknown): Parsed<Status> {
  if (isBlank(v)) return ok('Active');
  const found = typeof v === 'string' ? STATUS_TABLE.get(choiceKey(v)) : undefined;
  return found ? ok(found) : fail(BAD_STATUS, { value: shown(v) });
}

const CONTACT_TYPE_TABLE = choiceTable<ContactType>([
  ['Visit', ['Visit', '拜访', '上门', '上门拜访', '来访']],
  ['Call', ['Call', 'Phone', 'Phone call', '电话', '致电', '通话']],
  ['Email', ['Email', 'E-mail', 'Mail', '邮件', '电子邮件']],
  ['Message', ['Message', 'SMS', 'Text', 'WeChat', '消息', '短信', '微信']],
  ['Gift', ['Gift', '礼物', '送礼', '礼品']],
  ['Complaint', ['Complaint', '投诉']],
  ['Other', ['Other', '其他', '其它']],
]);

const BAD_CONTACT_TYPE: Msg = {
  en: 'Type "{value}" is not one of Visit, Call, Email, Message, Gift, Complaint, Other',
  zh: '类型“{value}”无效，可选：Visit（拜访）、Call（电话）、Email（邮件）、Message（消息）、Gift（礼物）、Complaint（投诉）、Other（其他）',
};

export function parseContactType(v: unknown): Parsed<ContactType> | null {
  if (isBlank(v)) return null;
  const found = typeof v === 'string' ? CONTACT_TYPE_TABLE.get(choiceKey(v)) : undefined;
  return found ? ok(found) : fail(BAD_CONTACT_TYPE, { value: shown(v) });
}

const COMPLAINT_SIZE_TABLE = choiceTable<ComplaintSize>([
  ['Small', ['Small', '小', '小投诉', '小问题']],
  ['Big', ['Big', 'Large', '大', '大投诉', '大问题']],
]);

const BAD_COMPLAINT_SIZE: Msg = {
  en: 'Complaint size "{value}" is not Small or Big',
  zh: '投诉大小“{value}”无效，可选：Small（小）、Big（大）',
};

export function parseComplaintSize(v: unknown): Parsed<ComplaintSize> | null {
  if (isBlank(v)) return null;
  const found = typeof v === 'string' ? COMPLAINT_SIZE_TABLE.get(choiceKey(v)) : undefined;
  return found ? ok(found) : fail(BAD_COMPLAINT_SIZE, { value: shown(v) });
}

const LANGUAGE_TABLE = choiceTable<Lang>([
  ['en', ['en', 'English', 'Eng', '英文', '英语']],
  ['zh', ['zh', 'Chinese', 'Mandarin', '中文', '汉语', '华语', '普通话', '简体中文', '繁體中文', '繁体中文', '中']],
]);

const BAD_LANGUAGE: Msg = {
  en: 'Language "{value}" is not supported: use en (English) or zh (中文)',
  zh: '语言“{value}”不支持：请填 en（English）或 zh（中文）',
};

/** `Language`: en or zh, also as a locale ('zh-CN', 'en_GB', 'zh-Hant') or a name ('English', '中文'). */
const LOCALE = /^(en|zh)(?:[-_][A-Za-z0-9]+)*$/i;
// A Language column holds a handful of distinct texts: each is read once.
const languageOfText = new Map<string, Lang>();

export function parseLanguage(v: unknown): Parsed<Lang> | null {
  if (typeof v === 'string') {
    const known = languageOfText.get(v);
    if (known !== undefined) return ok(known);
  }
  if (isBlank(v)) return null;
  if (typeof v !== 'string') return fail(BAD_LANGUAGE, { value: shown(v) });
  const s = v.normalize('NFKC').trim();
  const locale = LOCALE.exec(s);
  const found = locale ? (locale[1].toLowerCase() as Lang) : LANGUAGE_TABLE.get(choiceKey(s));
  if (found === undefined) return fail(BAD_LANGUAGE, { value: shown(v) });
  if (languageOfText.size >= 10000) languageOfText.clear();
  languageOfText.set(v, found);
  return ok(found);
}

// ---------------------------------------------------------------- email

// Characters that break a To: header or show a pasted "Name <mail>" or a list.
// The apostrophe stays allowed: o'neil@example.com is a real address.
const EMAIL_FORBIDDEN = /[\s"<>,;:()[\]\\\u0000-\u001f\u007f]/u;

/**
 * Pragmatic, not RFC 5322: the test is "will a draft to this address reach a
 * person", and the common failures are typos ('bob@', 'bob@gmail',
 * 'a@b@c.com'), two addresses in one cell, or 'Bob <bob@x.com>'. Unicode local
 * parts and IDN domains ('用户@例子.中国') are accepted, as Gmail accepts them.
 * Leading and trailing spaces are ignored.
 */
export function isValidEmail(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const email = s.trim();
  if (email.length === 0 || email.length > 254 || EMAIL_FORBIDDEN.test(email)) return false;
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  // The domain's labels, between the dots, walked without splitting (one customer at a time, 100,000 of them).
  let labels = 0;
  let start = 0;
  let end: number;
  for (;;) {
    const dot = domain.indexOf('.', start);
    end = dot < 0 ? domain.length : dot;
    if (end === start || end - start > 63 || domain.charCodeAt(start) === 45 || domain.charCodeAt(end - 1) === 45)
      return false;
    labels++;
    if (dot < 0) break;
    start = dot + 1;
  }
  if (labels < 2) return false;
  const tld = domain.slice(start, end);
  // A top-level domain is letters (or an IDN / punycode one), at least two long.
  return tld.length >= 2 && TLD.test(tld);
}

const TLD = /^(?:[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;
