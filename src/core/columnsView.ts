/**
 * The Settings tab's Columns section (docs/data.md, Column map): for one of
 * the user's sheets, the fields Retain reads and from which header, and for
 * each field it did not find, the sheet's headers to choose from, nearest
 * first (headerSuggest.ts, rankHeaders); and the check of what the user
 * chose before it is saved.
 */
import { applyFieldMap, mappableFields, mappedColumnGone, type FieldMap } from './columnMap';
import { matchHeaders, normalizeHeader, type HeaderMatch } from './headers';
import { rankHeaders, SUGGEST_AT } from './headerSuggest';
import { tr, type Msg } from './i18n';
import type { Lang } from './model';
import { findNameParts, type NameParts } from './nameColumns';
import { fieldOf, headerLabel, SHEETS, type SheetKey } from './schema';
import type { ApiSheetKey, ColumnChoice, SheetColumns } from '../shared/api';

const NO_COLUMN: Msg = {
  en: '{field} is needed and has no column: choose one below.',
  zh: '{field}是必需的，但没有对应的列：请在下面选择。',
};

/** The header row as Retain matches it by itself (no column map): its fields and its name parts. */
function ownMatch(header: readonly unknown[], key: SheetKey): { match: HeaderMatch; parts: NameParts | null } {
  const match = matchHeaders(header as unknown[], SHEETS[key]);
  const parts = key === 'customers' && match.columns.name === undefined ? findNameParts(header) : null;
  return { match, parts };
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** One sheet's Columns section: what Retain reads, and a choice for each field it did not find (and each mapped one). */
export function sheetColumns(
  key: ApiSheetKey,
  name: string,
  headerRow: number,
  header: readonly unknown[],
  map: FieldMap | undefined,
  lang: Lang,
): SheetColumns {
  const spec = SHEETS[key];
  const own = ownMatch(header, key);
  const mapped = applyFieldMap(header, own.match, map);
  const partCols = own.parts ? [own.parts.first, own.parts.middle, own.parts.last].filter((c) => c !== null) : [];
  const taken = new Set<number>([...Object.values(own.match.columns), ...(partCols as number[])]);
  const found: SheetColumns['found'] = [];
  const choices: ColumnChoice[] = [];
  const problems: string[] = [];
  for (const field of mappableFields(key)) {
    const f = fieldOf(spec, field);
    const label = headerLabel(f, lang);
    const col = mapped.match.columns[field];
    if (col !== undefined) found.push({ field, label, header: text(header[col]) });
    else if (field === 'name' && own.parts)
      found.push({ field, label, header: partCols.map((c) => text(header[c as number])).join(' + ') });
    const ownCol = own.match.columns[field];
    const chosen = map?.[field] ?? '';
    if ((ownCol !== undefined || (field === 'name' && own.parts)) && chosen === '') continue;
    const gone = mapped.missing.includes(field);
    if (gone) problems.push(mappedColumnGone(key, name, field, chosen, lang));
    else if (f.required && col === undefined) problems.push(tr(lang, NO_COLUMN, { field: label }));
    const options = rankHeaders(header, f)
      .filter((c) => !taken.has(c.column) || normalizeHeader(c.header) === normalizeHeader(chosen))
      .map((c) => ({ header: c.header, near: c.score >= SUGGEST_AT }));
    choices.push({ field, label, required: !!f.required, mapped: chosen, gone, options });
  }
  // Required fields first: a sheet without them cannot be read at all.
  choices.sort((a, b) => Number(b.required) - Number(a.required));
  return { sheet: key, name, headerRow, found, choices, problems };
}

const UNKNOWN_FIELD: Msg = { en: 'Unknown field "{field}".', zh: '未知字段“{field}”。' };
const NOTHING: Msg = { en: 'Nothing to save.', zh: '没有要保存的内容。' };
const NOT_A_HEADER: Msg = {
  en: '"{header}" is not a header of row {row} of "{sheet}".',
  zh: '“{header}”不是“{sheet}”第 {row} 行的表头。',
};
const TWICE: Msg = {
  en: '"{header}" is chosen for {a} and for {b}: one column is one field.',
  zh: '“{header}”同时被选为{a}和{b}：一列只能对应一个字段。',
};

/**
 * The map the user sent for one sheet, checked against its header row:
 * every field mappable, every header one of the row's own (blank: not in
 * this sheet), no header for two fields. Errors by field, in the user's
 * language; the map (blank entries dropped) when there are none.
 */
export function checkSheetMap(
  key: ApiSheetKey,
  sheetName: string,
  headerRow: number,
  header: readonly unknown[],
  sent: unknown,
  lang: Lang,
): { ok: true; map: Record<string, string> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const map: Record<string, string> = {};
  const fields = new Set(mappableFields(key));
  const headers = new Map<string, string>();
  for (const cell of header) if (text(cell)) headers.set(normalizeHeader(text(cell)), text(cell));
  const used = new Map<string, string>();
  if (!sent || typeof sent !== 'object' || Array.isArray(sent))
    return { ok: false, errors: { form: tr(lang, NOTHING) } };
  for (const [field, value] of Object.entries(sent)) {
    if (!fields.has(field)) {
      errors[field.slice(0, 50)] = tr(lang, UNKNOWN_FIELD, { field: field.slice(0, 50) });
      continue;
    }
    const h = typeof value === 'string' ? value.trim() : '';
    if (h === '') continue;
    const own = headers.get(normalizeHeader(h));
    if (own === undefined) {
      errors[field] = tr(lang, NOT_A_HEADER, { header: h.slice(0, 100), row: headerRow, sheet: sheetName });
      continue;
    }
    const other = used.get(normalizeHeader(h));
    if (other !== undefined) {
      const label = (k: string) => headerLabel(fieldOf(SHEETS[key], k), lang);
      errors[field] = tr(lang, TWICE, { header: own, a: label(other), b: label(field) });
      continue;
    }
    used.set(normalizeHeader(h), field);
    map[field] = own;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, map };
}
