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

/**
 * The value to hand to setValues. A TextCell in a cell formatted as plain
 * text ('@') is written as it is (Sheets keeps text there, apostrophe and
 * all); elsewhere it is protected with a leading apostrophe. Anything else
 * is written as given: 'YYYY-MM-DD' strings on purpose become dates.
 */
export function cellValue(v: unknown, numberFormat: string): unknown {
  if (isTextCell(v)) return numberFormat === '@' ? v.text : protectText(v.text);
  return v;
}

/** A managed column that holds a formula anywhere below the header is the user's: read it, never write it. */
export function columnHasFormula(formulas: string[][] | null, col: number): boolean {
  if (!formulas) return false;
  for (let i = 1; i < formulas.length; i++) if (formulas[i][col]) return true;
  return false;
}
