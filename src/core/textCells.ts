/**
 * What Retain hands to setValues, so a value stays what it is in the cell
 * (docs/data.md, Numbers and dates), and which columns it may write at all.
 * Pure: the adapters in src/gas/sheets.ts call these on every value they
 * write.
 */

/**
 * Text Sheets must keep as typed. setValues parses strings like a person
 * typing: '=1+1' becomes a formula, '001' a number, '2026-11-02' a date. A
 * leading apostrophe tells Sheets "this is text" and is not shown. Used for
 * every string Retain writes that came from a user or could look like data.
 */
export function protectText(s: string): string {
  if (s === '') return s;
  if (/^[=+\-@']/.test(s)) return "'" + s;
  if (/^[\s\d.,:/$¥€£%()]+$/.test(s) || /^\s*(true|false)\s*$/i.test(s)) return "'" + s;
  if (/^\d{1,4}[-/.年]\d{1,2}/.test(s)) return "'" + s;
  return s;
}

/** Column indexes (0-based) grouped into runs of neighbours: [3,4,5,9] → [[3,4,5],[9]]. */
export function contiguousRuns(cols: number[]): number[][] {
  const sorted = Array.from(new Set(cols)).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** A string that must stay text in the cell, whatever it looks like. */
export interface TextCell {
  text: string;
}

export function asText(text: string): TextCell {
  return { text };
}

function isTextCell(v: unknown): v is TextCell {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Date) &&
    typeof (v as TextCell).text === 'string' &&
    Object.keys(v as object).length === 1
  );
}

/** A Sheets cell holds at most 50,000 characters; one longer string fails the whole setValues (docs/platform.md, Limits and errors). */
export const MAX_CELL = 50000;

/** Retain's own `Retain notes` stay short enough to read; the rest of a long list is in the run's log. */
export const MAX_NOTES = 1000;

/** Text cut to fit a cell, ending in '…' when cut (never on half of a surrogate pair). */
export function fitCell(s: string, max = MAX_CELL): string {
  if (s.length <= max) return s;
  let head = s.slice(0, max - 1);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return head + '…';
}

/**
 * The notes of one row ('; ' between problems) within MAX_NOTES: as many
 * whole problems as fit, then `more(n)` for the n left out (e.g. "... and 370
 * more problems: see Retain log"). A first problem longer than the cap is cut.
 */
export function capNotes(notes: string, more: (n: number) => string): { text: string; left: number } {
  if (notes.length <= MAX_NOTES) return { text: notes, left: 0 };
  const parts = notes.split('; ');
  let text = '';
  let used = 0;
  for (; used < parts.length; used++) {
    const tail = more(parts.length - used - 1);
    const next = used === 0 ? parts[0] : `${text}; ${parts[used]}`;
    if (next.length + tail.length + 2 > MAX_NOTES) break;
    text = next;
  }
  if (used === 0) text = fitCell(parts[0], MAX_NOTES - more(parts.length - 1).length - 2);
  const left = parts.length - Math.max(used, 1);
  return { text: left > 0 ? `${text}; ${more(left)}` : text, left };
}

/**
 * The value to hand to setValues. A TextCell in a cell formatted as plain
 * text ('@') is written as it is (Sheets keeps text there, apostrophe and
 * all); elsewhere it is protected with a leading apostrophe. Anything else
 * is written as given: 'YYYY-MM-DD' strings on purpose become dates. No
 * string goes out longer than a cell holds.
 */
export function cellValue(v: unknown, numberFormat: string): unknown {
  if (isTextCell(v)) return fitCell(numberFormat === '@' ? v.text : protectText(v.text));
  if (typeof v === 'string') return fitCell(v);
  return v;
}

/**
 * A managed column is the user's, read and never written, when it holds a
 * formula anywhere below the header. Its anchor, the first data row, says
 * more: a formula there may be an array result (`=RETAIN_TIER(I2:I)`) that
 * spills down the column, where only the anchor holds the formula and every
 * cell below it only a value (docs/platform.md, Custom functions).
 */
export function columnHasFormula(formulas: string[][] | null, col: number): boolean {
  if (!formulas) return false;
  for (let i = 1; i < formulas.length; i++) if (formulas[i][col]) return true;
  return false;
}

/** Whether the first data row of `col` holds a formula: then the whole column's values are the formula's (see columnHasFormula). */
export function anchorHasFormula(formulas: string[][] | null, col: number | undefined, headerRow = 0): boolean {
  return col !== undefined && !!formulas && formulas.length > headerRow + 1 && !!formulas[headerRow + 1]?.[col];
}
