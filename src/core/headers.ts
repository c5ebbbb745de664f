/**
 * Finding sheets and columns by name. People type headers by hand, in English
 * or Chinese, with an IME that may produce full-width characters, so names are
 * compared after normalization: 'Customer-ID', 'customer id', 'CUSTOMER_ID',
 * 'Ｃｕｓｔｏｍｅｒ　ＩＤ' and '客户 编号' all mean what the schema says.
 */
import { headerNames, type SheetSpec } from './schema';

// Whitespace, punctuation (ASCII and CJK: '-', '_', '（', '：', '、' ...),
// symbols ('$', '¥', '#', '+') and invisible format characters (BOM, zero-width
// space, which survive copy-paste from the web). None of them tells two
// columns apart in practice, and 'Revenue ($)' should still be Revenue.
const IGNORED = /[\s\p{P}\p{S}\p{Z}\p{Cf}]/gu;

/**
 * Lower case, NFKC (full-width -> ASCII), without spaces, punctuation and
 * symbols. A '#' reads 'no' ('Customer #' is 'Customer No.'): dropped, it
 * would make 'Customer #' the same as 'Customer', a name.
 */
export function normalizeHeader(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(NUMBER_SIGN, 'no').replace(IGNORED, '');
}

const NUMBER_SIGN = /#/g;

/**
 * The actual name of the sheet for `spec` among `names`, or null. An exact
 * English name wins, then an exact Chinese one, then the first that matches
 * after normalization: a workbook holding both 'Customers' and '客户' (a user's
 * copy) is read the same way every time.
 */
export function findSheet(names: string[], spec: SheetSpec): string | null {
  if (names.includes(spec.en)) return spec.en;
  if (names.includes(spec.zh)) return spec.zh;
  const wanted = new Set([normalizeHeader(spec.en), normalizeHeader(spec.zh)]);
  for (const name of names) {
    if (typeof name === 'string' && wanted.has(normalizeHeader(name))) return name;
  }
  return null;
}

export interface HeaderMatch {
  /** Field key -> 0-based column index. */
  columns: Record<string, number>;
  /** The same field under several headers; `columns` lists them all, the first is the one used. */
  duplicates: Array<{ field: string; columns: number[] }>;
  /** Keys of required fields with no column. */
  missingRequired: string[];
  /** Columns with a non-blank header Retain does not know: the user's own, left alone. */
  unknown: number[];
}

/** normalized name -> field key, for one sheet. Cached: the schema never changes at run time. */
const lookupCache = new Map<SheetSpec, Map<string, string>>();

function lookupFor(spec: SheetSpec): Map<string, string> {
  let lookup = lookupCache.get(spec);
  if (!lookup) {
    lookup = new Map();
    for (const field of spec.fields) {
      for (const name of headerNames(field)) {
        const norm = normalizeHeader(name);
        // The schema test proves no two fields of a sheet share a name; first wins regardless.
        if (norm && !lookup.has(norm)) lookup.set(norm, field.key);
      }
    }
    lookupCache.set(spec, lookup);
  }
  return lookup;
}

/**
 * Which column holds which field. Only string headers are matched: a number or
 * a Date in row 1 is data, not a header, and a blank header names nothing.
 */
export function matchHeaders(headerRow: unknown[], spec: SheetSpec): HeaderMatch {
  const lookup = lookupFor(spec);
  const columns: Record<string, number> = {};
  const seen = new Map<string, number[]>();
  const unknown: number[] = [];

  headerRow.forEach((cell, index) => {
    if (typeof cell !== 'string') {
      if (cell !== '' && cell !== null && cell !== undefined) unknown.push(index);
      return;
    }
    if (cell.trim() === '') return;
    const key = lookup.get(normalizeHeader(cell));
    if (key === undefined) {
      unknown.push(index);
      return;
    }
    const at = seen.get(key);
    if (at) at.push(index);
    else {
      seen.set(key, [index]);
      columns[key] = index;
    }
  });

  if (spec.key === 'customers') personOverAccount(headerRow, seen, columns);
  const duplicates: HeaderMatch['duplicates'] = [];
  for (const [field, cols] of seen) if (cols.length > 1) duplicates.push({ field, columns: cols });

  const missingRequired = spec.fields
    .filter((field) => field.required && !(field.key in columns))
    .map((field) => field.key);

  return { columns, duplicates, missingRequired, unknown };
}

// Name headers that name an account (often a company) rather than a person.
const ACCOUNT_NAMES = new Set(['customer', 'customername', 'client', 'clientname', '客户名称', '客户']);

/**
 * A B2B list often has both a customer (the account: '客户名称', 'Customer')
 * and a contact person ('联系人', 'Contact', 'Name'), both Name headers. The
 * person is the Name (a draft greets a person); the account is the Company
 * when the sheet has no Company column, else a duplicate like any other.
 */
function personOverAccount(headerRow: unknown[], seen: Map<string, number[]>, columns: Record<string, number>): void {
  const cols = seen.get('name');
  if (!cols || cols.length < 2) return;
  const isAccount = (c: number) => ACCOUNT_NAMES.has(normalizeHeader(String(headerRow[c])));
  const person = cols.find((c) => !isAccount(c));
  const account = cols.find(isAccount);
  if (person === undefined || account === undefined) return;
  columns.name = person;
  const rest = cols.filter((c) => c !== person);
  if (columns.company === undefined) {
    columns.company = account;
    seen.set('company', [account]);
    seen.set('name', [person, ...rest.filter((c) => c !== account)]);
  } else seen.set('name', [person, ...rest]);
}

/** 0 -> 'A', 25 -> 'Z', 26 -> 'AA', 701 -> 'ZZ', 702 -> 'AAA'. */
export function columnLetter(index0: number): string {
  if (!Number.isInteger(index0) || index0 < 0) throw new Error(`Not a column index: ${index0}`);
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'A' -> 0, 'aa' -> 26; null when it is not a column letter. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,7}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
