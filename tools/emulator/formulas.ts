/**
 * Formula cells. The emulator evaluates calls of the bundle's custom functions
 * (`=RETAIN_TIER(F2:F)`) the way Sheets does (guides/sheets/functions):
 * a range argument arrives as a 2-D array of values ('' for blanks, Dates for
 * dates), a single cell as its value; a returned array spills down and right,
 * and the cell shows #REF! if a cell in the spill area is not empty; a thrown
 * error shows #ERROR!. A custom function runs as its own execution in
 * AuthMode.CUSTOM_FUNCTION (read-only services, 30 s).
 *
 * Other formulas: a value set with Emulator.setFormulaValue, else a few
 * simple built-ins (see builtins.ts), else #NAME?.
 */
import { parseA1, toA1 } from './a1';
import { valueForFormat, type CellValue } from './cells';
import { isDateValue } from './realm';
import { CUSTOM_FUNCTION_LIMIT_MS, type Env, type Execution } from './runtime';
import type { SheetStore, WorkbookStore } from './sheetstore';
import { evaluateBuiltin } from './builtins';

export type BundleFunction = (...args: unknown[]) => unknown;

export interface CustomFunctionHost {
  /** Run `body` in a fresh execution of the bundle; `resolve` finds a custom function by formula name. */
  run<T>(body: (resolve: (name: string) => BundleFunction | undefined) => T): T;
}

export interface FormulaCall {
  name: string;
  args: string[];
}

/** '=NAME(a, "b,c", 3)' -> {name, args}; undefined if the formula is not one function call. */
export function parseCall(formula: string): FormulaCall | undefined {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!m) return undefined;
  const body = m[2];
  const args: string[] = [];
  let depth = 0;
  let inStr = false;
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inStr) {
      cur += ch;
      if (ch === '"') {
        if (body[i + 1] === '"') cur += body[++i];
        else inStr = false;
      }
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth < 0) return undefined;
    } else if (ch === "'") {
      // quoted sheet name
      const end = body.indexOf("'", i + 1);
      if (end < 0) return undefined;
      cur += body.slice(i, end + 1);
      i = end;
      continue;
    } else if (ch === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (inStr || depth !== 0) return undefined;
  if (cur.trim() !== '' || args.length > 0) args.push(cur.trim());
  return { name: m[1], args };
}

export interface RefValue {
  kind: 'cell' | 'range';
  sheet: SheetStore;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Resolve a reference argument against the workbook (relative to `home`). */
export function resolveRef(text: string, home: SheetStore, book: WorkbookStore): RefValue | undefined {
  const ref = parseA1(text);
  if (!ref) return undefined;
  const sheet = ref.sheet === undefined ? home : book.byName(ref.sheet);
  if (!sheet) return undefined;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxCols;
  const numRows = endRow - ref.row + 1;
  const numCols = endCol - ref.col + 1;
  if (numRows < 1 || numCols < 1) return undefined;
  const single =
    numRows === 1 && numCols === 1 && ref.endRow !== undefined && ref.endCol !== undefined && !text.includes(':');
  return { kind: single ? 'cell' : 'range', sheet, row: ref.row, col: ref.col, numRows, numCols };
}

/** Read a rectangle's values as getValues would (Node realm). */
export function readValues(
  sheet: SheetStore,
  book: WorkbookStore,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): CellValue[][] {
  const out: CellValue[][] = new Array(numRows);
  const tz = book.timeZone;
  for (let i = 0; i < numRows; i++) {
    const r = row - 1 + i;
    const vals = sheet.rows[r];
    const meta = sheet.meta[r];
    const o: CellValue[] = new Array(numCols);
    for (let j = 0; j < numCols; j++) {
      const c = col - 1 + j;
      let v: CellValue = vals === undefined ? '' : (vals[c] ?? '');
      if (meta !== undefined) {
        const m = meta[c];
        if (m?.format !== undefined) v = valueForFormat(v, m.format, tz);
      }
      o[j] = v;
    }
    out[i] = o;
  }
  return out;
}

const UNSUPPORTED = Symbol('unsupported');

function literal(arg: string): unknown {
  if (arg === '') return '';
  if (/^"([^"]|"")*"$/.test(arg)) return arg.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(arg)) {
    const pct = arg.endsWith('%');
    const n = Number(pct ? arg.slice(0, -1) : arg);
    return pct ? n / 100 : n;
  }
  if (/^true$/i.test(arg)) return true;
  if (/^false$/i.test(arg)) return false;
  return UNSUPPORTED;
}

/** Convert a custom function's return value (bundle realm) to cells. */
function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDateValue(v)) {
    const t = v.getTime();
    return Number.isNaN(t) ? '#VALUE!' : new Date(t);
  }
  return String(v);
}

function toGrid(result: unknown): CellValue[][] | undefined {
  if (!Array.isArray(result)) return undefined;
  if (result.length === 0) return [];
  // A 1-D array fills a column.
  const rows = result.map((r) => (Array.isArray(r) ? r.map(toCell) : [toCell(r)]));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? r.concat(new Array<CellValue>(width - r.length).fill('')) : r));
}

interface Pending {
  sheet: SheetStore;
  r: number;
  c: number;
  formula: string;
}

/** Recompute every formula of the workbook if anything changed since the last time. */
export function recalc(book: WorkbookStore, env: Env, host: CustomFunctionHost | undefined): void {
  if (!book.dirty) return;
  book.dirty = false;
  const pending: Pending[] = [];
  for (const sheet of book.sheets) {
    clearSpills(sheet);
    for (const { r, c, meta } of sheet.formulaCells()) pending.push({ sheet, r, c, formula: meta.formula as string });
  }
  if (pending.length === 0) return;
  const needsBundle = host && pending.some((p) => parseCall(p.formula) && !isBuiltinName(parseCall(p.formula)!.name));
  const evaluateAll = (resolve: (name: string) => BundleFunction | undefined) => {
    for (const p of pending) evaluateCell(p, book, env, resolve);
  };
  if (needsBundle && host) env.outside(() => host.run(evaluateAll));
  else evaluateAll(() => undefined);
  book.dirty = false;
}

function clearSpills(sheet: SheetStore): void {
  if (!sheet.hasSpills) return;
  sheet.hasSpills = false;
  for (let r = 0; r < sheet.meta.length; r++) {
    const m = sheet.meta[r];
    if (!m) continue;
    for (let c = 0; c < m.length; c++) {
      const cell = m[c];
      if (cell?.spill) {
        delete cell.spill;
        sheet.setValue(r, c, '');
      }
    }
  }
}

function isBuiltinName(name: string): boolean {
  return evaluateBuiltin.names.has(name.toUpperCase());
}

function setError(p: Pending, value: string, message: string): void {
  p.sheet.setValue(p.r, p.c, value);
  p.sheet.ensureMeta(p.r, p.c).error = message;
}

function evaluateCell(
  p: Pending,
  book: WorkbookStore,
  env: Env,
  resolve: (name: string) => BundleFunction | undefined,
): void {
  const meta = p.sheet.ensureMeta(p.r, p.c);
  delete meta.error;
  if (meta.fixed !== undefined) {
    p.sheet.setValue(p.r, p.c, meta.fixed);
    return;
  }
  const call = parseCall(p.formula);
  const fn = call && !isBuiltinName(call.name) ? resolve(call.name) : undefined;
  if (!call || !fn) {
    const builtin = evaluateBuiltin(p.formula, p.sheet, book, env.clock.ms());
    if (builtin !== undefined) {
      if (Array.isArray(builtin)) spill(p, builtin);
      else if (typeof builtin === 'object' && !(builtin instanceof Date)) setError(p, builtin.error, builtin.message);
      else p.sheet.setValue(p.r, p.c, builtin);
      return;
    }
    if (/^=[+-]/.test(p.formula) || !/^=./.test(p.formula)) setError(p, '#ERROR!', 'Formula parse error.');
    else
      setError(
        p,
        '#NAME?',
        call
          ? `Unknown function: '${call.name}'.`
          : 'The emulator cannot evaluate this formula; set its value with Emulator.setFormulaValue.',
      );
    return;
  }
  // Arguments as Sheets passes them to a custom function.
  const realm = env.realm;
  const args: unknown[] = [];
  for (const a of call.args) {
    const lit = literal(a);
    if (lit !== UNSUPPORTED) {
      args.push(lit);
      continue;
    }
    const ref = resolveRef(a, p.sheet, book);
    if (!ref) {
      setError(p, '#ERROR!', `The emulator cannot evaluate the argument ${a}.`);
      return;
    }
    const vals = readValues(ref.sheet, book, ref.row, ref.col, ref.numRows, ref.numCols);
    args.push(ref.kind === 'cell' ? realm.rows(vals)[0][0] : realm.rows(vals));
  }
  const exec: Execution = {
    id: env.exec.id,
    active: true,
    counted: false,
    start: env.clock.ms(),
    limitMs: CUSTOM_FUNCTION_LIMIT_MS,
    authMode: 'CUSTOM_FUNCTION',
    user: env.user,
    trigger: false,
    killed: false,
    customFunction: true,
  };
  let result: unknown;
  try {
    result = env.withExecution(exec, () => fn.apply(undefined, args));
  } catch (e) {
    setError(
      p,
      '#ERROR!',
      typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e),
    );
    return;
  }
  const grid = toGrid(result);
  if (!grid) {
    p.sheet.setValue(p.r, p.c, toCell(result));
    return;
  }
  spill(p, grid);
}

/**
 * An array result: the anchor holds the formula and the first value, the
 * other values spill below and to the right (getFormulas() gives '' there).
 * If any cell of the spill area holds a value or a formula, nothing is
 * spilled and the anchor shows #REF! (docs/platform.md, "Custom functions").
 */
function spill(p: Pending, grid: CellValue[][]): void {
  if (grid.length === 0 || grid[0].length === 0) {
    setError(p, '#N/A', 'The result was empty.');
    return;
  }
  // Spill: every cell but the anchor must be empty and inside the grid.
  const rows = grid.length;
  const cols = grid[0].length;
  if (p.r + rows > p.sheet.maxRows || p.c + cols > p.sheet.maxCols) {
    setError(
      p,
      '#REF!',
      `Result was not automatically expanded, please insert more rows (${p.r + rows - p.sheet.maxRows}).`,
    );
    return;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (i === 0 && j === 0) continue;
      const v = p.sheet.value(p.r + i, p.c + j);
      const m = p.sheet.metaAt(p.r + i, p.c + j);
      if (v !== '' || m?.formula !== undefined) {
        setError(
          p,
          '#REF!',
          `Array result was not expanded because it would overwrite data in ${toA1(p.r + i + 1, p.c + j + 1)}.`,
        );
        return;
      }
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      p.sheet.setValue(p.r + i, p.c + j, grid[i][j]);
      if (i !== 0 || j !== 0) p.sheet.ensureMeta(p.r + i, p.c + j).spill = true;
    }
  }
  if (rows > 1 || cols > 1) p.sheet.hasSpills = true;
}
