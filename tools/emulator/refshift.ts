/**
 * When rows or columns are inserted or deleted, Sheets rewrites the
 * references of every formula that points at the moved cells (a formula
 * `=RETAIN_TIER(F2:F)` becomes `=RETAIN_TIER(F3:F)` after a row is inserted
 * above row 2). References into deleted cells become #REF!.
 */
import { columnLetter, columnNumber } from './a1';
import type { SheetStore, WorkbookStore } from './sheetstore';

const REF =
  /(?<![A-Za-z0-9_.$'!])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?(?::(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?)?(?![A-Za-z0-9_(])/g;

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * Shift references to `target` in every formula of the workbook.
 * dim 'row': rows >= at move by delta (delta < 0: rows at..at-delta-1 are deleted).
 */
export function shiftFormulaRefs(
  book: WorkbookStore,
  target: SheetStore,
  dim: 'row' | 'col',
  at: number,
  delta: number,
): void {
  if (!book.hasFormulas()) return;
  for (const sheet of book.sheets) {
    for (const { meta } of sheet.formulaCells()) {
      const f = meta.formula as string;
      const shifted = rewrite(f, sheet, target, dim, at, delta);
      if (shifted !== f) meta.formula = shifted;
    }
  }
}

function shiftIndex(n: number, at: number, delta: number): number | null {
  if (n < at) return n;
  if (delta >= 0) return n + delta;
  const deletedEnd = at - delta - 1;
  if (n <= deletedEnd) return null;
  return n + delta;
}

function rewrite(
  formula: string,
  home: SheetStore,
  target: SheetStore,
  dim: 'row' | 'col',
  at: number,
  delta: number,
): string {
  // Leave string literals alone.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(
      REF,
      (
        whole,
        prefix: string | undefined,
        d1: string,
        c1: string | undefined,
        d2: string,
        r1: string | undefined,
        d3: string | undefined,
        c2: string | undefined,
        d4: string | undefined,
        r2: string | undefined,
      ) => {
        const hasEnd = whole.includes(':');
        const cell = !!c1 && !!r1;
        const validShape =
          (cell && (!hasEnd || !!c2)) || // A1, A1:B2, A2:A
          (!!c1 && !r1 && hasEnd && !!c2 && !r2) || // A:B
          (!c1 && !!r1 && hasEnd && !c2 && !!r2); // 2:4
        if (!validShape) return whole;
        const sheetName = prefix ? unquote(prefix) : undefined;
        const refersTo = sheetName === undefined ? home : undefined;
        if (refersTo !== target && !(sheetName !== undefined && sheetName.toLowerCase() === target.name.toLowerCase()))
          return whole;
        let a = dim === 'row' ? (r1 ? Number(r1) : undefined) : c1 ? columnNumber(c1) : undefined;
        let b = dim === 'row' ? (r2 ? Number(r2) : undefined) : c2 ? columnNumber(c2) : undefined;
        if (a !== undefined) {
          const s = shiftIndex(a, at, delta);
          if (s === null) {
            if (!hasEnd || b === undefined) return '#REF!';
            a = at; // range start deleted: the range shrinks
          } else a = s;
        }
        if (b !== undefined) {
          const s = shiftIndex(b, at, delta);
          b = s === null ? at - 1 : s;
          if (a !== undefined && b < a) return '#REF!';
        }
        const fmtCol = (n: number | undefined, orig: string | undefined) =>
          dim === 'col' && n !== undefined ? columnLetter(n) : (orig ?? '');
        const fmtRow = (n: number | undefined, orig: string | undefined) =>
          dim === 'row' && n !== undefined ? String(n) : (orig ?? '');
        let out = (prefix ?? '') + d1 + fmtCol(a, c1) + d2 + fmtRow(a, r1);
        if (hasEnd) out += ':' + (d3 ?? '') + fmtCol(b, c2) + (d4 ?? '') + fmtRow(b, r2);
        return out;
      },
    );
  }
  return parts.join('');
}
