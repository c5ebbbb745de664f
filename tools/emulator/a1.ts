/** A1 notation: 'B2', 'A1:C3', 'F2:F' (open-ended), 'A:A', '2:4', "'My sheet'!A1". */

export interface A1Ref {
  sheet?: string;
  row: number; // 1-based
  col: number;
  /** Last row/column; undefined means "to the end of the sheet". */
  endRow?: number;
  endCol?: number;
}

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Split "'It''s'!A1:B2" into sheet name and range text. */
export function splitSheet(a1: string): { sheet?: string; range: string } {
  const s = a1.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { range: s };
  let name = s.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheet: name, range: s.slice(bang + 1) };
}

/** Parse A1 text; returns undefined when it is not a range reference. */
export function parseA1(a1: string): A1Ref | undefined {
  const { sheet, range } = splitSheet(a1);
  const [a, b, extra] = range.split(':');
  if (extra !== undefined || !a) return undefined;
  const ma = CELL.exec(a);
  if (!ma || (!ma[1] && !ma[2])) return undefined;
  if (b === undefined) {
    if (!ma[1] || !ma[2]) return undefined; // 'A' or '3' alone is not a range
    const row = Number(ma[2]);
    const col = columnNumber(ma[1]);
    if (row < 1) return undefined;
    return { sheet, row, col, endRow: row, endCol: col };
  }
  const mb = CELL.exec(b);
  if (!mb || (!mb[1] && !mb[2])) return undefined;
  let row = ma[2] ? Number(ma[2]) : 1;
  let col = ma[1] ? columnNumber(ma[1]) : 1;
  let endRow: number | undefined = mb[2] ? Number(mb[2]) : undefined;
  let endCol: number | undefined = mb[1] ? columnNumber(mb[1]) : undefined;
  // 'A:A' / 'A2:A' -> rows open; '2:4' -> columns open; 'A2:4'? not valid
  if (!ma[1] && mb[1]) return undefined;
  if (!ma[2] && mb[2]) {
    // 'A:B3' is not valid in Sheets
    return undefined;
  }
  if (!ma[1]) {
    col = 1;
    endCol = undefined;
  }
  if (row < 1 || (endRow !== undefined && endRow < 1)) return undefined;
  // Sheets normalizes reversed corners: B3:A1 is A1:B3.
  if (endRow !== undefined && endRow < row) [row, endRow] = [endRow, row];
  if (endCol !== undefined && endCol < col) [col, endCol] = [endCol, col];
  return { sheet, row, col, endRow, endCol };
}

/** 'A1', 'A1:B2' for a rectangle. */
export function toA1(row: number, col: number, numRows = 1, numCols = 1): string {
  const first = `${columnLetter(col)}${row}`;
  if (numRows === 1 && numCols === 1) return first;
  return `${first}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
}
