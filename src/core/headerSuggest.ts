/**
 * The nearest headers for a field Retain did not find (docs/data.md, Column
 * map): for Set up's message ("Kundenname → Name?") and, nearest first, for
 * the column map's drop-down. The similarity is small and explainable: the
 * best, over the field's known names, of
 *
 * - containment: one name inside the other ('Kundenname' holds 'name',
 *   '客户全名' holds '客户'): 0.5 plus half the share of the longer it covers;
 * - shared words ('Name of customer' and 'Customer name'): the Dice
 *   coefficient of their word sets;
 * - spelling, for a one-word header starting with the same letter: 1 minus
 *   the edit distance over the longer length ('Emial', 'Telefon' for
 *   'Telephone'), so a typo or a near-translation still counts (over several
 *   words, or other first letters, it finds likeness in anything).
 *
 * Scores run from 0 to 1; a header is suggested from SUGGEST_AT up, and only
 * for the missing field it is nearest to.
 */
import { distance } from 'fastest-levenshtein';
import { matchHeaders, normalizeHeader, type HeaderMatch } from './headers';
import { findNameParts } from './nameColumns';
import type { Lang } from './model';
import { headerLabel, headerNames, type FieldSpec, type SheetSpec } from './schema';

export const SUGGEST_AT = 0.6;

export interface HeaderCandidate {
  /** 0-based column. */
  column: number;
  header: string;
  /** 0-1, higher is nearer. */
  score: number;
}

export interface HeaderSuggestion {
  field: string;
  candidates: HeaderCandidate[];
}

function words(s: string): Set<string> {
  return new Set(
    s
      .normalize('NFKC')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[\s\p{P}\p{S}]+/u)
      .filter((w) => w !== '' && !STOP_WORDS.has(w)),
  );
}

const STOP_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'in']);

function containment(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // Two letters are too few to mean anything in English ('id' is in 'paid'); two Han characters are a word.
  const minimum = /^[\x00-\x7f]*$/.test(short) ? 3 : 2;
  if (short.length < minimum || !long.includes(short)) return 0;
  return 0.5 + (0.5 * short.length) / long.length;
}

function sharedWords(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return (2 * both) / (a.size + b.size);
}

function spelling(a: string, b: string): number {
  // A typo seldom hits the first letter: without this, 'Tags' would be near 'Stage'.
  if (a.length === 0 || b.length === 0 || a[0] !== b[0]) return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** How near a header is to a field, 0-1 (see the file comment). */
export function headerSimilarity(header: string, field: FieldSpec): number {
  const h = normalizeHeader(header);
  if (h === '') return 0;
  const hw = words(header);
  let best = 0;
  for (const name of headerNames(field)) {
    const n = normalizeHeader(name);
    if (n === h) return 1;
    best = Math.max(best, containment(h, n), sharedWords(hw, words(name)), hw.size === 1 ? spelling(h, n) : 0);
  }
  // 1 is kept for the same name; 'Name of customer' and 'Customer name' share every word but are not it.
  return Math.min(0.95, Math.round(best * 100) / 100);
}

/**
 * Every non-blank text header of the row, nearest to the field first (ties in
 * column order): the column map's drop-down for that field.
 */
export function rankHeaders(headerRow: readonly unknown[], field: FieldSpec): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  headerRow.forEach((cell, column) => {
    if (typeof cell !== 'string' || cell.trim() === '') return;
    out.push({ column, header: cell.trim(), score: headerSimilarity(cell, field) });
  });
  return out.sort((a, b) => b.score - a.score || a.column - b.column);
}

/**
 * For each field of the sheet that the row does not have (required first,
 * then the others; managed columns are Retain's own and left out), the
 * headers Retain did not use that are near it (score >= SUGGEST_AT), nearest
 * first, at most `max`. Fields with no near header are left out.
 */
export function suggestHeaders(
  headerRow: readonly unknown[],
  spec: SheetSpec,
  opts: { match?: HeaderMatch; max?: number } = {},
): HeaderSuggestion[] {
  const match = opts.match ?? matchHeaders(headerRow as unknown[], spec);
  const unused = new Set(match.unknown);
  // First and last name columns are the Name (nameColumns.ts): neither missing nor free to suggest.
  const parts = spec.key === 'customers' ? findNameParts(headerRow) : null;
  if (parts) for (const c of [parts.first, parts.middle, parts.last]) if (c !== null) unused.delete(c);
  const found = (key: string) => match.columns[key] !== undefined || (key === 'name' && parts !== null);
  const missing = spec.fields.filter((f) => !f.managed && !found(f.key));
  missing.sort((a, b) => Number(!!b.required) - Number(!!a.required));
  const ranked = missing.map((field) => ({
    field,
    candidates: rankHeaders(headerRow, field).filter((c) => unused.has(c.column) && c.score >= SUGGEST_AT),
  }));
  // Each column goes to the missing field it is nearest to (the first of them on a tie), and only there.
  const best = new Map<number, { score: number; field: string }>();
  for (const r of ranked)
    for (const c of r.candidates) {
      const known = best.get(c.column);
      if (!known || c.score > known.score) best.set(c.column, { score: c.score, field: r.field.key });
    }
  const out: HeaderSuggestion[] = [];
  for (const r of ranked) {
    const candidates = r.candidates.filter((c) => best.get(c.column)?.field === r.field.key).slice(0, opts.max ?? 3);
    if (candidates.length) out.push({ field: r.field.key, candidates });
  }
  return out;
}

/**
 * The suggestions as Set up says them: 'Kundenname → Name?, Telefon →
 * Phone?' (in Chinese '“Kundenname” → 姓名？'), the nearest header of each field.
 */
export function describeSuggestions(suggestions: readonly HeaderSuggestion[], spec: SheetSpec, lang: Lang): string {
  return suggestions
    .map((s) => {
      const field = spec.fields.find((f) => f.key === s.field);
      const label = field ? headerLabel(field, lang) : s.field;
      const header = s.candidates[0].header;
      return lang === 'zh' ? `“${header}” → ${label}？` : `${header} → ${label}?`;
    })
    .join(lang === 'zh' ? '，' : ', ');
}
