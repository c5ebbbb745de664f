/**
 * The in-memory workbook: sheets as arrays of rows (fast for the 100,000-row
 * batched reads and writes Retain does), with per-cell metadata (formula,
 * number format, formatting) kept in a parallel sparse structure.
 */
import type { CellValue } from './cells';
import type { ChartData } from './charts';

export interface CellMeta {
  /** Formula text, '=...'. The computed value lives in the value grid. */
  formula?: string;
  /** Sheets number format ('@' = plain text). */
  format?: string;
  /** The value was spilled here by an array formula above/left. */
  spill?: boolean;
  /** Value of a formula the emulator cannot compute, set by a test helper. */
  fixed?: CellValue;
  /** Why the formula shows an error (what Sheets shows on hover). */
  error?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  note?: string;
  validation?: unknown;
}

type Row = CellValue[];
type MetaRow = (CellMeta | undefined)[];

/** Insert n empty slots at index `at` (splice with a spread would overflow the stack for big n). */
function insertHoles<T>(arr: (T | undefined)[], at: number, n: number): void {
  const tail = arr.splice(at);
  arr.length = at + n;
  for (let i = 0; i < tail.length; i++) arr[at + n + i] = tail[i];
}

const shared = new Map<string, CellMeta>();
function sharedFormat(format: string): CellMeta {
  let m = shared.get(format);
  if (!m) shared.set(format, (m = Object.freeze({ format })));
  return m;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;

export class SheetStore {
  rows: (Row | undefined)[] = [];
  meta: (MetaRow | undefined)[] = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLS;
  frozenRows = 0;
  frozenCols = 0;
  formulaCount = 0;
  /** Some cells hold values spilled by an array formula (cleared before each recalculation). */
  hasSpills = false;
  hidden = false;
  tabColor: string | null = null;
  deleted = false;
  columnWidths = new Map<number, number>();
  conditionalRules: unknown[] = [];
  /** Embedded charts on this sheet (charts.ts). */
  charts: ChartData[] = [];
  private extent: { lastRow: number; lastCol: number } | undefined;

  constructor(
    public name: string,
    readonly id: number,
  ) {}

  /** 0-based read of a stored value ('' for blank). */
  value(r: number, c: number): CellValue {
    const row = this.rows[r];
    if (row === undefined) return '';
    const v = row[c];
    return v === undefined ? '' : v;
  }

  setValue(r: number, c: number, v: CellValue): void {
    let row = this.rows[r];
    if (row === undefined) row = this.rows[r] = [];
    row[c] = v;
    this.extent = undefined;
  }

  metaAt(r: number, c: number): CellMeta | undefined {
    const m = this.meta[r];
    return m === undefined ? undefined : m[c];
  }

  /** A cell's metadata, ready to modify (shared automatic-format metadata is copied first). */
  ensureMeta(r: number, c: number): CellMeta {
    let m = this.meta[r];
    if (m === undefined) m = this.meta[r] = [];
    let cell = m[c];
    if (cell === undefined) cell = m[c] = {};
    else if (Object.isFrozen(cell)) cell = m[c] = { ...cell };
    return cell;
  }

  /** Give a cell without metadata an automatic number format (shared, immutable: no allocation per cell). */
  setAutoFormat(r: number, c: number, format: string): void {
    let m = this.meta[r];
    if (m === undefined) m = this.meta[r] = [];
    const cell = m[c];
    if (cell === undefined) m[c] = sharedFormat(format);
    else if (cell.format === undefined) this.ensureMeta(r, c).format = format;
  }

  /** True if any metadata exists in rows r0..r0+n-1. */
  hasMetaIn(r0: number, n: number): boolean {
    const end = Math.min(this.meta.length, r0 + n);
    for (let r = r0; r < end; r++) if (this.meta[r] !== undefined) return true;
    return false;
  }

  setFormula(r: number, c: number, formula: string | undefined): void {
    const m = formula === undefined ? this.metaAt(r, c) : this.ensureMeta(r, c);
    if (!m) return;
    const had = m.formula !== undefined;
    if (formula === undefined) {
      if (had) {
        delete m.formula;
        delete m.fixed;
        delete m.error;
        this.formulaCount--;
      }
    } else {
      if (!had) this.formulaCount++;
      m.formula = formula;
      delete m.error;
    }
    this.extent = undefined;
  }

  invalidate(): void {
    this.extent = undefined;
  }

  private computeExtent(): { lastRow: number; lastCol: number } {
    let lastRow = 0;
    let lastCol = 0;
    const n = Math.max(this.rows.length, this.meta.length);
    for (let r = 0; r < n; r++) {
      const row = this.rows[r];
      const meta = this.meta[r];
      let rowLast = 0;
      if (row !== undefined) {
        for (let c = row.length - 1; c >= 0; c--) {
          const v = row[c];
          if (v !== undefined && v !== '') {
            rowLast = c + 1;
            break;
          }
        }
      }
      if (meta !== undefined) {
        for (let c = meta.length - 1; c >= rowLast; c--) {
          if (meta[c]?.formula !== undefined) {
            rowLast = c + 1;
            break;
          }
        }
      }
      if (rowLast > 0) {
        lastRow = r + 1;
        if (rowLast > lastCol) lastCol = rowLast;
      }
    }
    return { lastRow, lastCol };
  }

  /** Last row with content (values or formulas), 0 if none; like Sheet.getLastRow(). */
  lastRow(): number {
    this.extent ??= this.computeExtent();
    return this.extent.lastRow;
  }

  lastCol(): number {
    this.extent ??= this.computeExtent();
    return this.extent.lastCol;
  }

  insertRows(at0: number, n: number): void {
    if (at0 < this.rows.length) insertHoles(this.rows, at0, n);
    if (at0 < this.meta.length) insertHoles(this.meta, at0, n);
    this.maxRows += n;
    this.extent = undefined;
  }

  deleteRows(at0: number, n: number): void {
    const removed = this.meta.slice(at0, at0 + n);
    for (const m of removed) if (m) for (const c of m) if (c?.formula !== undefined) this.formulaCount--;
    this.rows.splice(at0, n);
    this.meta.splice(at0, n);
    this.maxRows -= n;
    this.extent = undefined;
  }

  insertCols(at0: number, n: number): void {
    for (const row of this.rows) if (row && row.length > at0) row.splice(at0, 0, ...new Array<CellValue>(n).fill(''));
    for (const m of this.meta) if (m && m.length > at0) m.splice(at0, 0, ...new Array<CellMeta | undefined>(n));
    this.maxCols += n;
    this.extent = undefined;
  }

  deleteCols(at0: number, n: number): void {
    for (const m of this.meta) {
      if (!m) continue;
      for (const c of m.slice(at0, at0 + n)) if (c?.formula !== undefined) this.formulaCount--;
      if (m.length > at0) m.splice(at0, n);
    }
    for (const row of this.rows) if (row && row.length > at0) row.splice(at0, n);
    this.maxCols -= n;
    this.extent = undefined;
  }

  /** Iterate formula cells (0-based coordinates). */
  *formulaCells(): Generator<{ r: number; c: number; meta: CellMeta }> {
    if (this.formulaCount <= 0) return;
    for (let r = 0; r < this.meta.length; r++) {
      const m = this.meta[r];
      if (!m) continue;
      for (let c = 0; c < m.length; c++) {
        const cell = m[c];
        if (cell?.formula !== undefined) yield { r, c, meta: cell };
      }
    }
  }
}

export class WorkbookStore {
  sheets: SheetStore[] = [];
  /** Custom formulas need recomputing (something was written since). */
  dirty = false;
  private nextSheetId = 0;
  private nextChart = 0;
  /** What `03-14` typed into a cell becomes (cells.ts LocaleInfo.dashMonthDay). */
  dashMonthDay: 'text' | 'date' = 'text';
  /** The user's selection: which sheet, which ranges (1-based rectangles). */
  selection:
    { sheetId: number; ranges: Array<{ row: number; col: number; numRows: number; numCols: number }> } | undefined;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
  ) {}

  newSheetId(): number {
    // The first sheet of a new spreadsheet has gid 0; later ones get large numbers.
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    return id;
  }

  /** Chart ids are unique in the spreadsheet. */
  newChartId(): number {
    return 1000000 + ++this.nextChart * 7;
  }

  byName(name: string): SheetStore | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  byNameInsensitive(name: string): SheetStore | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  byId(id: number): SheetStore | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  hasFormulas(): boolean {
    return this.sheets.some((s) => s.formulaCount > 0 || s.hasSpills);
  }

  /** Something was written: formulas may need recomputing. */
  touch(): void {
    if (!this.dirty && this.hasFormulas()) this.dirty = true;
  }
}
