/**
 * The column map (docs/data.md, Column map): for a field Retain did not find
 * by its header, the user names the column in Settings. It is kept by header
 * text, not by position, so inserting a column does not break it; a mapped
 * header that is no longer in the sheet is reported, never guessed.
 */
import { normalizeHeader, type HeaderMatch } from './headers';
import { tr, type Msg } from './i18n';
import type { Lang } from './model';
import { headerLabel, SHEETS, sheetLabel, type SheetKey } from './schema';

/** Field key -> the header of the column the user chose. */
export type FieldMap = Readonly<Record<string, string>>;

/** The map of every sheet that has one. */
export type ColumnMap = Readonly<Partial<Record<SheetKey, FieldMap>>>;

/** The sheets whose columns may be mapped: the user's own data. */
export const MAPPABLE_SHEETS: readonly SheetKey[] = ['customers', 'purchases', 'contactLog'];

/** Longer headers are not headers (a cell holds 50,000 characters). */
const MAX_HEADER = 200;

/** The fields of a sheet that may be mapped: the user's own columns, not the ones Retain writes. */
export function mappableFields(key: SheetKey): string[] {
  return SHEETS[key].fields.filter((f) => !f.managed).map((f) => f.key);
}

/**
 * A column map from what was stored or sent (JSON text or an object),
 * keeping only known sheets, mappable fields and non-blank string headers;
 * anything else is dropped, so a hand-edited property never breaks a run.
 */
export function readColumnMap(raw: unknown): ColumnMap {
  let v = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return {};
    }
  }
  const out: Partial<Record<SheetKey, Record<string, string>>> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const key of MAPPABLE_SHEETS) {
    const m = (v as Record<string, unknown>)[key];
    if (!m || typeof m !== 'object' || Array.isArray(m)) continue;
    const fields = new Set(mappableFields(key));
    const sheet: Record<string, string> = {};
    for (const [field, header] of Object.entries(m as Record<string, unknown>)) {
      if (!fields.has(field) || typeof header !== 'string') continue;
      const h = header.trim();
      if (h !== '' && h.length <= MAX_HEADER) sheet[field] = h;
    }
    if (Object.keys(sheet).length > 0) out[key] = sheet;
  }
  return out;
}

/** The fields of `map` whose header is in the row, applied to `match` (a copy); and those whose header is not. */
export function applyFieldMap(
  row: readonly unknown[],
  match: HeaderMatch,
  map: FieldMap | undefined,
): { match: HeaderMatch; applied: string[]; missing: string[] } {
  if (map === undefined || Object.keys(map).length === 0) return { match, applied: [], missing: [] };
  const columns = { ...match.columns };
  const usedBy = new Map<number, string>();
  for (const [k, c] of Object.entries(columns)) usedBy.set(c, k);
  const applied: string[] = [];
  const missing: string[] = [];
  // A column a chosen one replaces is the user's own, not read: it joins `unknown`.
  const displaced: number[] = [];
  for (const [field, header] of Object.entries(map)) {
    const wanted = normalizeHeader(header);
    const c = row.findIndex((cell) => typeof cell === 'string' && normalizeHeader(cell) === wanted);
    if (c < 0) {
      missing.push(field);
      continue;
    }
    // The user's choice wins over a header Retain guessed, but one column is never two fields.
    const other = usedBy.get(c);
    if (other !== undefined && other !== field) continue;
    if (columns[field] !== undefined && columns[field] !== c) {
      usedBy.delete(columns[field]);
      displaced.push(columns[field]);
    }
    columns[field] = c;
    usedBy.set(c, field);
    applied.push(field);
  }
  if (applied.length === 0) return { match, applied, missing };
  const used = new Set(Object.values(columns));
  return {
    match: {
      columns,
      duplicates: match.duplicates.filter((d) => !applied.includes(d.field)),
      missingRequired: match.missingRequired.filter((k) => columns[k] === undefined),
      unknown: [...match.unknown, ...displaced].filter((c) => !used.has(c)).sort((a, b) => a - b),
    },
    applied,
    missing,
  };
}

const GONE: Msg = {
  en: 'Column map: "{header}" ({field}) is no longer a column of "{sheet}" (renamed or deleted?): that field is not read. Choose its column again in Settings > Columns.',
  zh: '列映射：“{header}”（{field}）已不在“{sheet}”中（被改名或删除？）：该字段未读取。请在 设置 > 列 中重新选择。',
};

/** The message for a mapped column that is gone, naming the sheet, the field and the header. */
export function mappedColumnGone(key: SheetKey, sheetName: string, field: string, header: string, lang: Lang): string {
  const spec = SHEETS[key];
  const f = spec.fields.find((x) => x.key === field);
  return tr(lang, GONE, {
    header,
    field: f ? headerLabel(f, lang) : field,
    sheet: sheetName || sheetLabel(spec, lang),
  });
}
