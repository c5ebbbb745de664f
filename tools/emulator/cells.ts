/**
 * Cell semantics: what a string becomes when written (Range.setValue parses
 * it like a value typed into the cell), how number formats change what
 * getValue returns (a date cell is a serial number underneath), and what
 * getDisplayValue shows.
 */
import { tzOffset, wallTime, zonedToUtc } from './tz';

export type CellValue = string | number | boolean | Date;

/** Result of parsing user-entered text. */
export type Entry =
  | { formula: string; value?: undefined; format?: undefined }
  | { formula?: undefined; value: CellValue; format?: string };

export interface LocaleInfo {
  /** Spreadsheet locale, e.g. 'en_US', 'en_GB', 'de_DE', 'zh_CN'. */
  locale: string;
  timeZone: string;
  /** Current time (for month/day entries without a year). */
  now: number;
  /**
   * What `03-14` typed into a cell becomes: 'text' (kept as typed) or 'date'
   * (14 March of this year). Unconfirmed for en_US and zh_CN sheets
   * (docs/platform.md, "Locks, properties and time zones"), so both can be modelled.
   */
  dashMonthDay?: 'text' | 'date';
}

type DateOrder = 'MDY' | 'DMY' | 'YMD';

function dateOrder(locale: string): DateOrder {
  const l = locale.replace('-', '_');
  if (l === 'en_US' || l === 'en' || l === 'en_PH' || l === 'fil') return 'MDY';
  if (/^(zh|ja|ko|hu|lt|mn)/.test(l) || l === 'en_CA' || l === 'sv_SE') return 'YMD';
  return 'DMY';
}

function decimalComma(locale: string): boolean {
  return /^(de|fr|es|it|pt|ru|nl|pl|cs|sk|da|nb|no|fi|sv|tr|id|vi|uk|ro|hu|el|bg|hr|sl|sr|lt|lv|et)/.test(locale);
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DMY_NAME = new RegExp(`^(\\d{1,2})[ -]${MONTH_RE}[ -,]*(\\d{4})$`, 'i');
const MDY_NAME = new RegExp(`^${MONTH_RE} (\\d{1,2}),? (\\d{4})$`, 'i');
const ISO_DATE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([ap]m)?)?$/i;
const LOCAL_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i;
const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})$/;
const MONTH_DAY_DASH = /^(\d{1,2})-(\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i;
const NUM_DOT = /^([+-])?(\$|€|£|¥)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?(%)?$/;
const NUM_COMMA = /^([+-])?(\$|€|£|¥)?(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?(?:[eE]([+-]?\d+))?(%)?$/;

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(2000, m, 0)).getUTCDate();
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : dim);
}

function hour24(h: number, ampm: string | undefined): number | undefined {
  if (!ampm) return h <= 23 ? h : undefined;
  if (h < 1 || h > 12) return undefined;
  const pm = ampm.toLowerCase() === 'pm';
  return (h % 12) + (pm ? 12 : 0);
}

function twoDigitYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * Parse text the way Sheets parses typed input (for the spreadsheet's locale).
 * Returns undefined for plain text that stays as it is.
 */
export function parseEntry(s: string, info: LocaleInfo): Entry | undefined {
  const c = s.charCodeAt(0);
  if (c === 61 /* = */) return { formula: s };
  if (c === 39 /* ' */) return { value: s.slice(1) };
  const len = s.length;
  // Letters: booleans and month-name dates only.
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    if (len === 4 && s.toUpperCase() === 'TRUE') return { value: true };
    if (len === 5 && s.toUpperCase() === 'FALSE') return { value: false };
    if (len >= 8 && len <= 20) {
      const m = MDY_NAME.exec(s);
      if (m) return dateEntry(Number(m[3]), monthIndex(m[1]) + 1, Number(m[2]), 0, 0, 0, 0, info, 'mmm d, yyyy');
    }
    return undefined;
  }
  const digit = c >= 48 && c <= 57;
  if (!digit && c !== 43 && c !== 45 && c !== 46 && c !== 36 && c !== 8364 && c !== 163 && c !== 165) return undefined;

  const num = parseNumber(s, info.locale);
  if (num) return num;
  if (digit) {
    const d = parseDateText(s, info);
    if (d) return d;
  }
  // '+abc', '-abc', '+1 555 0100': Sheets reads these as formulas that fail to parse.
  if ((c === 43 || c === 45) && len > 1) return { formula: `=${s}` };
  return undefined;
}

function parseNumber(s: string, locale: string): Entry | undefined {
  const comma = decimalComma(locale);
  const m = (comma ? NUM_COMMA : NUM_DOT).exec(s);
  if (!m || (m[3] === undefined && m[4] === undefined)) return undefined;
  const [, sign, currency, intPart, frac, exp, pct] = m;
  const digits = (intPart ?? '0').replace(comma ? /\./g : /,/g, '');
  let n = Number(`${digits}${frac !== undefined ? '.' + frac : ''}${exp !== undefined ? 'e' + exp : ''}`);
  if (!Number.isFinite(n)) return undefined;
  if (sign === '-') n = -n;
  const decimals = frac ? '.' + '0'.repeat(Math.min(frac.length, 2)) : '';
  if (pct) return { value: n / 100, format: frac ? '0.00%' : '0%' };
  if (currency) return { value: n, format: `"${currency}"#,##0.00` };
  if (exp !== undefined) return { value: n, format: '0.00E+00' };
  const grouped = intPart !== undefined && /[.,]/.test(intPart) && intPart.length > 3;
  if (grouped) return { value: n, format: `#,##0${decimals}` };
  return { value: n };
}

function dateEntry(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  info: LocaleInfo,
  format: string,
): Entry | undefined {
  if (!validDate(y, mo, d) || mi > 59 || s > 59) return undefined;
  const t = zonedToUtc(info.timeZone, y, mo - 1, d, h, mi, s, ms);
  return { value: new Date(t), format };
}

function parseDateText(s: string, info: LocaleInfo): Entry | undefined {
  let m = ISO_DATE.exec(s);
  if (m) {
    const h = m[5] !== undefined ? hour24(Number(m[5]), m[9]) : 0;
    if (h === undefined) return undefined;
    const sep = m[2] === '-' ? '-' : m[2];
    const fmt =
      `yyyy${sep}mm${sep}dd` +
      (m[5] !== undefined ? (m[7] !== undefined ? ' h:mm:ss' : ' h:mm') + (m[9] ? ' am/pm' : '') : '');
    return dateEntry(
      Number(m[1]),
      Number(m[3]),
      Number(m[4]),
      h,
      Number(m[6] ?? 0),
      Number(m[7] ?? 0),
      Number((m[8] ?? '0').padEnd(3, '0')),
      info,
      fmt,
    );
  }
  m = LOCAL_DATE.exec(s);
  if (m) {
    const order = dateOrder(info.locale);
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = twoDigitYear(m[4]);
    const [mo, d] = order === 'DMY' ? [b, a] : [a, b];
    const h = m[5] !== undefined ? hour24(Number(m[5]), m[8]) : 0;
    if (h === undefined) return undefined;
    const sep = m[2];
    const base = order === 'DMY' ? `d${sep}m${sep}yyyy` : `m${sep}d${sep}yyyy`;
    const fmt = base + (m[5] !== undefined ? (m[7] !== undefined ? ' h:mm:ss' : ' h:mm') + (m[8] ? ' am/pm' : '') : '');
    return dateEntry(y, mo, d, h, Number(m[6] ?? 0), Number(m[7] ?? 0), 0, info, fmt);
  }
  m = MONTH_DAY.exec(s) ?? (info.dashMonthDay === 'date' ? MONTH_DAY_DASH.exec(s) : null);
  if (m) {
    const order = dateOrder(info.locale);
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [mo, d] = order === 'DMY' ? [b, a] : [a, b];
    const y = wallTime(info.timeZone, info.now).year;
    return dateEntry(y, mo, d, 0, 0, 0, 0, info, order === 'DMY' ? 'd/m' : 'm/d');
  }
  m = TIME.exec(s);
  if (m) {
    const h = hour24(Number(m[1]), m[4]);
    if (h === undefined || Number(m[2]) > 59) return undefined;
    // A time-only cell is a time on Sheets' day zero, 30 Dec 1899.
    return dateEntry(
      1899,
      12,
      30,
      h,
      Number(m[2]),
      Number(m[3] ?? 0),
      0,
      info,
      (m[3] ? 'h:mm:ss' : 'h:mm') + (m[4] ? ' am/pm' : ''),
    );
  }
  m = DMY_NAME.exec(s);
  if (m) return dateEntry(Number(m[3]), monthIndex(m[2]) + 1, Number(m[1]), 0, 0, 0, 0, info, 'd mmm yyyy');
  return undefined;
}

// ---------------------------------------------------------------------------
// Serial numbers: Sheets stores dates as days since 1899-12-30 (local time).

const DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date, tz: string): number {
  const t = d.getTime();
  return (t + tzOffset(tz, t) - EPOCH) / DAY;
}

export function serialToDate(serial: number, tz: string): Date {
  const wall = new Date(Math.round(EPOCH + serial * DAY));
  return new Date(
    zonedToUtc(
      tz,
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    ),
  );
}

// ---------------------------------------------------------------------------
// Number formats (Sheets syntax, not Java's).

export type FormatKind = 'text' | 'date' | 'number' | 'general';

const kindCache = new Map<string, FormatKind>();

export function formatKind(fmt: string | undefined): FormatKind {
  if (!fmt || fmt === 'General' || fmt === '') return 'general';
  let k = kindCache.get(fmt);
  if (k) return k;
  const section = stripLiterals(fmt.split(';')[0]);
  if (fmt === '@' || section.trim() === '@') k = 'text';
  else if (/[ydhsm]/i.test(section.replace(/E[+-]/gi, ''))) k = 'date';
  else if (/[0#?]/.test(section)) k = 'number';
  else k = 'general';
  kindCache.set(fmt, k);
  return k;
}

function stripLiterals(s: string): string {
  return s
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** The value getValue returns for stored value v under format fmt. */
export function valueForFormat(v: CellValue, fmt: string | undefined, tz: string): CellValue {
  if (!fmt) return v;
  const kind = formatKind(fmt);
  if (kind === 'date' && typeof v === 'number') return serialToDate(v, tz);
  if (kind === 'number' && v instanceof Date) return dateToSerial(v, tz);
  return v;
}

export interface DisplayContext {
  timeZone: string;
  locale: string;
}

/** getDisplayValue of a cell. */
export function displayValue(v: CellValue, fmt: string | undefined, cx: DisplayContext): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const kind = formatKind(fmt);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '#VALUE!';
    if (kind === 'date') return formatSheetsDate(v, fmt as string, cx.timeZone);
    if (kind === 'number') return formatNumber(dateToSerial(v, cx.timeZone), fmt as string, cx.locale);
    return formatSheetsDate(v, defaultDateFormat(v, cx), cx.timeZone);
  }
  if (kind === 'date') return formatSheetsDate(serialToDate(v, cx.timeZone), fmt as string, cx.timeZone);
  if (kind === 'number') return formatNumber(v, fmt as string, cx.locale);
  return generalNumber(v, cx.locale);
}

function defaultDateFormat(d: Date, cx: DisplayContext): string {
  const w = wallTime(cx.timeZone, d.getTime());
  const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
  const order = dateOrder(cx.locale);
  const date = order === 'MDY' ? 'm/d/yyyy' : order === 'YMD' ? 'yyyy-mm-dd' : 'dd/mm/yyyy';
  return midnight ? date : `${date} ${order === 'MDY' ? 'h' : 'hh'}:mm:ss`;
}

/** Sheets' "Automatic" number display: up to 10 significant digits. */
export function generalNumber(n: number, locale = 'en_US'): string {
  if (!Number.isFinite(n)) return '#NUM!';
  let s: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) s = String(n);
  else if (Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0))
    s = n
      .toExponential(2)
      .replace(/e\+?(-?)(\d)$/, 'E+$10$2')
      .replace('e', 'E');
  else s = String(Number(n.toPrecision(10)));
  return decimalComma(locale) ? s.replace('.', ',') : s;
}

/** A numeric format section like '#,##0.00', '0%', '"$"#,##0.00', '0.00E+00'. */
export function formatNumber(n: number, fmt: string, locale = 'en_US'): string {
  const sections = fmt.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1 && sections[1] !== '') {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2 && sections[2] !== '') {
    section = sections[2];
  }
  // Split literals from the digit pattern.
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let seenPattern = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let lit: string | undefined;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      lit = section[++i] ?? '';
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end);
      i = end;
      const cur = /^\$([^-\]]*)/.exec(inner);
      lit = cur ? cur[1] : '';
    } else if ('0#?.,'.includes(ch) || ((ch === 'E' || ch === 'e') && /[+-]/.test(section[i + 1] ?? ''))) {
      if (ch === 'E' || ch === 'e') {
        pattern += section.slice(i, i + 2);
        i++;
        while (section[i + 1] === '0') pattern += section[++i];
      } else pattern += ch;
      seenPattern = true;
      continue;
    } else if (ch === '%') {
      // scales by 100 and shows the sign where it stands
      pattern += '%';
      lit = '%';
    } else if (ch === '_' || ch === '*') {
      i++;
      lit = ch === '_' ? ' ' : '';
    } else {
      lit = ch;
    }
    if (seenPattern) suffix += lit;
    else prefix += lit;
  }
  const percent = (pattern.match(/%/g) ?? []).length;
  pattern = pattern.replace(/%/g, '');
  for (let p = 0; p < percent; p++) value *= 100;
  const expMatch = /[Ee]([+-])(0+)/.exec(pattern);
  let body: string;
  const dec = decimalComma(locale) ? ',' : '.';
  const grp = decimalComma(locale) ? '.' : ',';
  if (expMatch) {
    const mant = pattern.slice(0, expMatch.index);
    const fracPat = mant.split('.')[1] ?? '';
    const exp = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
    const m = value / Math.pow(10, exp);
    const e = Math.abs(exp);
    body =
      m.toFixed(fracPat.length).replace('.', dec) +
      'E' +
      (exp < 0 ? '-' : expMatch[1] === '+' ? '+' : '') +
      String(e).padStart(expMatch[2].length, '0');
  } else {
    // Trailing commas scale by 1000.
    let scaled = pattern;
    while (scaled.endsWith(',')) {
      scaled = scaled.slice(0, -1);
      value /= 1000;
    }
    const [intPat, fracPat = ''] = scaled.split('.');
    const minFrac = (fracPat.match(/0/g) ?? []).length;
    const maxFrac = (fracPat.match(/[0#?]/g) ?? []).length;
    const minInt = (intPat.match(/0/g) ?? []).length;
    const group = intPat.includes(',');
    let text = Math.abs(value).toFixed(maxFrac);
    let [ip, fp = ''] = text.split('.');
    while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
    if (ip === '0' && minInt === 0) ip = '';
    ip = ip.padStart(minInt, '0');
    if (group) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, grp);
    text = ip + (fp || (scaled.includes('.') && minFrac > 0) ? dec + fp : '');
    if (text === '') text = '0';
    body = text;
    const negative =
      value < 0 && !(n < 0 && sections.length > 1 && sections[1] !== '') && Number(text.replace(/[^0-9]/g, '')) !== 0;
    if (negative) body = '-' + body;
  }
  return prefix + body + suffix;
}

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface DateToken {
  t: 'y' | 'm' | 'd' | 'h' | 's' | 'ampm' | 'ap' | 'lit' | 'frac';
  n: number;
  text?: string;
  minutes?: boolean;
}

const dateTokenCache = new Map<string, DateToken[]>();

function tokenizeDateFormat(fmt: string): DateToken[] {
  const cached = dateTokenCache.get(fmt);
  if (cached) return cached;
  const toks: DateToken[] = [];
  const s = fmt.split(';')[0];
  for (let i = 0; i < s.length;) {
    const ch = s[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = s.indexOf('"', i + 1);
      toks.push({ t: 'lit', n: 0, text: s.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? s.length : end + 1;
    } else if (ch === '\\') {
      toks.push({ t: 'lit', n: 0, text: s[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = s.indexOf(']', i);
      i = end < 0 ? s.length : end + 1;
    } else if (s.slice(i, i + 5).toLowerCase() === 'am/pm') {
      toks.push({ t: 'ampm', n: 0, text: s.slice(i, i + 5) });
      i += 5;
    } else if (s.slice(i, i + 3).toLowerCase() === 'a/p') {
      toks.push({ t: 'ap', n: 0, text: s.slice(i, i + 3) });
      i += 3;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < s.length && s[j].toLowerCase() === lower) j++;
      toks.push({ t: lower as DateToken['t'], n: j - i });
      i = j;
    } else if (ch === '.' && s[i + 1] === '0') {
      let j = i + 1;
      while (s[j] === '0') j++;
      toks.push({ t: 'frac', n: j - i - 1 });
      i = j;
    } else {
      toks.push({ t: 'lit', n: 0, text: ch });
      i++;
    }
  }
  // 'm'/'mm' means minutes right after an hour or right before seconds.
  const idx = toks.map((t, i) => (t.t === 'lit' ? -1 : i)).filter((i) => i >= 0);
  for (let k = 0; k < idx.length; k++) {
    const tok = toks[idx[k]];
    if (tok.t !== 'm' || tok.n > 2) continue;
    const prev = k > 0 ? toks[idx[k - 1]] : undefined;
    const next = k + 1 < idx.length ? toks[idx[k + 1]] : undefined;
    if (prev?.t === 'h' || next?.t === 's') tok.minutes = true;
  }
  dateTokenCache.set(fmt, toks);
  return toks;
}

/** Format a date with a Sheets date/time pattern in the spreadsheet's zone. */
export function formatSheetsDate(d: Date, fmt: string, tz: string): string {
  const w = wallTime(tz, d.getTime());
  const toks = tokenizeDateFormat(fmt);
  const twelve = toks.some((t) => t.t === 'ampm' || t.t === 'ap');
  const p = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  for (const t of toks) {
    switch (t.t) {
      case 'lit':
        out += t.text;
        break;
      case 'y':
        out += t.n <= 2 ? p(w.year % 100, 2) : String(w.year);
        break;
      case 'm':
        if (t.minutes) out += t.n === 1 ? String(w.minute) : p(w.minute, 2);
        else
          out +=
            t.n === 1
              ? String(w.month)
              : t.n === 2
                ? p(w.month, 2)
                : t.n === 3
                  ? MONTH_SHORT[w.month - 1]
                  : t.n === 5
                    ? MONTH_LONG[w.month - 1][0]
                    : MONTH_LONG[w.month - 1];
        break;
      case 'd':
        out +=
          t.n === 1 ? String(w.day) : t.n === 2 ? p(w.day, 2) : t.n === 3 ? DAY_SHORT[w.weekday] : DAY_LONG[w.weekday];
        break;
      case 'h': {
        const h = twelve ? ((w.hour + 11) % 12) + 1 : w.hour;
        out += t.n === 1 ? String(h) : p(h, 2);
        break;
      }
      case 's':
        out += t.n === 1 ? String(w.second) : p(w.second, 2);
        break;
      case 'frac':
        out += '.' + p(w.millisecond, 3).slice(0, t.n);
        break;
      case 'ampm': {
        const am = w.hour < 12;
        const upper = t.text === t.text?.toUpperCase();
        out += upper ? (am ? 'AM' : 'PM') : am ? 'am' : 'pm';
        break;
      }
      case 'ap':
        out += w.hour < 12 ? 'a' : 'p';
        break;
    }
  }
  return out;
}
