/**
 * Where the table starts and which rows are not customers (docs/data.md,
 * Headers). People put a title above their table ("Customer list 2026", an
 * export date, a blank line) and a totals row below it; neither is a customer.
 */
import { applyFieldMap, type FieldMap } from './columnMap';
import { matchHeaders, normalizeHeader, type HeaderMatch } from './headers';
import { findNameParts, nameOf, type NameParts } from './nameColumns';
import type { SheetSpec } from './schema';

/** How many rows from the top may hold the header row. */
export const HEADER_ROW_SCAN = 10;

export interface HeaderRowFound {
  /** 0-based index of the header row in the values read; data rows are below it. */
  row: number;
  /**
   * The columns of that row. For Customers, a sheet with name parts (First
   * name, Last name) and no Name column has 'name' taken out of
   * missingRequired and the parts' columns out of unknown: its name is the
   * parts joined (nameColumns.ts, nameOf).
   */
  match: HeaderMatch;
  /** Customers only: the First/Middle/Last name columns, when the row has any. */
  nameParts: NameParts | null;
  /** Fields of the column map whose header is not in this row (renamed or deleted): not read, and reported. */
  unmapped?: string[];
}

function matchRow(
  row: readonly unknown[],
  spec: SheetSpec,
  map: FieldMap | undefined,
): { match: HeaderMatch; nameParts: NameParts | null; known: number; unmapped: string[] } {
  const mapped = applyFieldMap(row, matchHeaders(row as unknown[], spec), map);
  const match = mapped.match;
  const nameParts = spec.key === 'customers' && match.columns.name === undefined ? findNameParts(row) : null;
  let known = Object.keys(match.columns).length;
  if (nameParts && match.columns.name === undefined) {
    match.missingRequired = match.missingRequired.filter((k) => k !== 'name');
    const used = new Set([nameParts.first, nameParts.middle, nameParts.last]);
    match.unknown = match.unknown.filter((c) => !used.has(c));
    // First and last name stand for the one Name header.
    known++;
  }
  return { match, nameParts, known, unmapped: mapped.missing };
}

/**
 * The header row: the first of the first 10 rows that holds every required
 * header of the sheet (for Customers: a Name header, or First/Last name) and
 * at least one other known header, so a title such as "Customer" above the
 * table is not taken for it. When no row has that, row 1 is still the header
 * row if it holds the required headers alone (a sheet with only a Name column
 * works as before). Null when there is none: the sheet cannot be read.
 * `map` (the column map, columnMap.ts) adds the headers the user chose.
 */
export function findHeaderRow(
  values: readonly (readonly unknown[])[],
  spec: SheetSpec,
  map?: FieldMap,
): HeaderRowFound | null {
  let first: HeaderRowFound | null = null;
  const limit = Math.min(values.length, HEADER_ROW_SCAN);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    if (!row || row.length === 0) continue;
    const found = matchRow(row, spec, map);
    if (found.match.missingRequired.length > 0) continue;
    const result: HeaderRowFound = { row: r, match: found.match, nameParts: found.nameParts };
    if (found.unmapped.length > 0) result.unmapped = found.unmapped;
    if (found.known >= 2) return result;
    if (r === 0) first = result;
  }
  return first;
}

/**
 * Where a sheet's table is: its header row (findHeaderRow), or row 1 matched
 * as it is when no row qualifies, so that what is missing can be named.
 */
export function locateTable(values: readonly (readonly unknown[])[], spec: SheetSpec, map?: FieldMap): HeaderRowFound {
  const found = findHeaderRow(values, spec, map);
  if (found) return found;
  const first = values[0] ?? [];
  const mapped = applyFieldMap(first, matchHeaders(first as unknown[], spec), map);
  const out: HeaderRowFound = { row: 0, match: mapped.match, nameParts: null };
  if (mapped.missing.length > 0) out.unmapped = mapped.missing;
  return out;
}

// "Total", "Sum", 合计, 总计, 小计 and their variants ("Grand total",
// "TOTAL:", "合 计", "Subtotal", the traditional 合計), normalized like headers.
const TOTAL_WORDS = new Set(
  [
    'Total',
    'Totals',
    'Grand total',
    'Subtotal',
    'Sum',
    'Sum total',
    '合计',
    '总计',
    '小计',
    '总合计',
    '合計',
    '總計',
    '小計',
    '总和',
    'Summe',
    'Gesamt',
    'Gesamtsumme',
  ].map(normalizeHeader),
);

/** True for "Total", "TOTAL:", "合 计", "Total 2026", "合计（2026年）": a totals word, maybe with a year. */
export function isTotalsLabel(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > 40) return false;
  const key = normalizeHeader(v).replace(/\d+年?/g, '');
  return TOTAL_WORDS.has(key);
}

function blank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A totals row, not a customer: its name is a totals word ("Total", "Sum",
 * "合计", "总计", "小计" ...) and it has no email and no Customer ID. Many
 * sheets write the word in their first column rather than under Name: a row
 * with a blank name whose first filled cell is a totals word counts too (and
 * that cell may be the ID column's).
 */
export function isTotalsRow(row: readonly unknown[], match: HeaderMatch, nameParts: NameParts | null = null): boolean {
  const { email, id } = match.columns;
  if (email !== undefined && !blank(row[email])) return false;
  const name = nameOf(row, match.columns.name, nameParts);
  let labelAt = -1;
  if (name !== '') {
    if (!isTotalsLabel(name)) return false;
  } else {
    labelAt = row.findIndex((v) => !blank(v));
    if (labelAt < 0 || !isTotalsLabel(row[labelAt])) return false;
  }
  return id === undefined || blank(row[id]) || id === labelAt;
}
