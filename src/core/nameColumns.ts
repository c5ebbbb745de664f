/**
 * A customer's name from two columns (docs/data.md, Headers). Shopify,
 * HubSpot and Google Contacts export `First Name` and `Last Name` rather than
 * one name; Chinese sheets sometimes have 姓 and 名. When a sheet has no Name
 * column, these are the name, joined the way the name is written.
 */
import { normalizeHeader } from './headers';

/** 0-based columns of the parts of a name; null where the sheet has none. */
export interface NameParts {
  first: number | null;
  middle: number | null;
  last: number | null;
}

const FIRST = ['First name', 'Given name', 'Forename', 'First', '名', '名字'];
const MIDDLE = ['Middle name', 'Middle', '中间名'];
const LAST = ['Last name', 'Surname', 'Family name', 'Last', '姓', '姓氏'];

const PART_OF = new Map<string, keyof NameParts>();
for (const [part, names] of [
  ['first', FIRST],
  ['middle', MIDDLE],
  ['last', LAST],
] as const)
  for (const name of names) PART_OF.set(normalizeHeader(name), part);

/** Every header a name part is known by (for the schema test that no Customers field shares one). */
export function namePartHeaders(): string[] {
  return [...FIRST, ...MIDDLE, ...LAST];
}

/**
 * The first-, middle- and last-name columns of a header row, or null when it
 * has neither a first nor a last name (a middle name alone is no name). The
 * first column with each part is the one used.
 */
export function findNameParts(headerRow: readonly unknown[]): NameParts | null {
  const parts: NameParts = { first: null, middle: null, last: null };
  headerRow.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const part = PART_OF.get(normalizeHeader(cell));
    if (part !== undefined && parts[part] === null) parts[part] = index;
  });
  return parts.first === null && parts.last === null ? null : parts;
}

const HAN = /\p{Script=Han}/u;

function partText(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/**
 * A name from its parts, as it is written: a Chinese name family name first
 * with no space ('王' + '小明' -> '王小明'), any other given names first with
 * spaces ('Alice', 'Chen' -> 'Alice Chen'; 'Mary', 'Ann', 'Lee' -> 'Mary Ann
 * Lee'). Blank parts are left out; a last name that the first already ends
 * with ('Alice Chen', 'Chen') is not repeated.
 */
export function joinName(first: unknown, last: unknown, middle: unknown = ''): string {
  const f = partText(first);
  const m = partText(middle);
  const l = partText(last);
  if (HAN.test(f + l) && !/[A-Za-z]/.test(f + l)) return l + m + f;
  if (l && (f === l || f.endsWith(` ${l}`))) return f;
  return [f, m, l].filter((p) => p !== '').join(' ');
}

/**
 * A row's customer name: the Name column when the sheet has one (even when
 * that cell is blank: the row's own name is blank then), else its name parts
 * joined; '' when the sheet has neither.
 */
export function nameOf(row: readonly unknown[], nameColumn: number | undefined, parts: NameParts | null): string {
  if (nameColumn !== undefined) return partText(row[nameColumn]);
  if (parts === null) return '';
  const at = (c: number | null) => (c === null ? '' : row[c]);
  return joinName(at(parts.first), at(parts.last), at(parts.middle));
}
