/**
 * The text form of a cell: what a message quotes and what a text field holds.
 */
import { isDateValue, type ToCalDate } from './parsed';

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
export function shown(v: unknown, toCalDate?: ToCalDate): string {
  const text = cellText(v, toCalDate).replace(/\s+/g, ' ').trim();
  return text.length > 40 ? text.slice(0, 39) + '…' : text;
}
