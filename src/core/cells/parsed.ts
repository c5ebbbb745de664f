/**
 * What every cell reader returns (docs/data.md, Numbers and dates): null for a
 * blank cell, `{ ok: true, value }` when the value is understood, and
 * otherwise `{ ok: false, message }` with a message in English and Chinese
 * that quotes the value, so `Retain notes` can tell the user exactly which
 * cell to fix.
 *
 * The rule throughout: accept what is unambiguous, refuse what could be read
 * two ways. A wrong date or amount would silently give a wrong follow-up; a
 * refused one shows up as a note the user can fix in a second.
 */
import type { CalDate } from '../dates';
import { fill, type Msg } from '../i18n';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Msg };

/** Turns a Date cell into a calendar date in the spreadsheet's time zone (the adapters supply it). */
export type ToCalDate = (d: Date) => CalDate;

/** Years a customer's date can have: anything else is a typo ('0226') or a serial number gone wrong. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T>(msg: Msg, vars: Record<string, string | number>): Parsed<T> {
  return { ok: false, message: fill(msg, vars) };
}

/** Works across realms (a Date made in another global scope fails instanceof). */
export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
