/**
 * SpreadsheetApp, Spreadsheet, Sheet, Range: the subset Retain uses, with the
 * documented behaviour that bites real scripts:
 *  - getValues gives '' for blanks and Dates for date cells; setValues throws
 *    on a shape mismatch with Apps Script's message;
 *  - strings written are parsed as typed input ('1,200' -> 1200, '2026-11-02'
 *    -> a date, "'007" -> text '007', '=...' -> a formula, '-x' -> #ERROR!)
 *    unless the cell is formatted as plain text ('@');
 *  - getRange checks its arguments and the sheet's dimensions (1000 x 26 for
 *    a new sheet); appendRow and insertRows grow the grid;
 *  - a trigger execution has no active spreadsheet and no UI.
 */
import { parseA1, toA1 } from './a1';
import { displayValue, formatKind, parseEntry, valueForFormat, type CellValue, type LocaleInfo } from './cells';
import { recalc, type CustomFunctionHost } from './formulas';
import { isDateValue } from './realm';
import { FakeObject, instrument, signatureOf, type Env } from './runtime';
import {
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidation,
  FakeDataValidationBuilder,
  BooleanCriteria,
  DataValidationCriteria,
} from './rules';
import { SheetStore, WorkbookStore, DEFAULT_COLS, DEFAULT_ROWS, type CellMeta } from './sheetstore';
import {
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  insertChart,
  newChartData,
  removeChart,
  updateChart,
  type ChartHost,
} from './charts';
import { FakeUi, recordToast, type UiLog } from './ui';
import { shiftFormulaRefs } from './refshift';
import { tzOffset } from './tz';

/** What the spreadsheet classes need from the emulator. */
export interface SheetsHost {
  env: Env;
  book: WorkbookStore;
  ui: UiLog;
  customFunctions(): CustomFunctionHost | undefined;
  /** The bound spreadsheet object (one per workbook). */
  spreadsheet(): FakeSpreadsheet;
}

function localeInfo(h: SheetsHost): LocaleInfo {
  return { locale: h.book.locale, timeZone: h.book.timeZone, now: h.env.clock.ms(), dashMonthDay: h.book.dashMonthDay };
}

/**
 * Recompute formulas before reading a sheet that has some, if anything was
 * written since (spilled values live only in the formula's own sheet, so
 * other sheets are always current).
 */
function ensureFresh(h: SheetsHost, sheet: SheetStore): void {
  if (h.book.dirty && (sheet.formulaCount > 0 || sheet.hasSpills)) recalc(h.book, h.env, h.customFunctions());
}

function defaultFormatFor(t: number, h: SheetsHost): string {
  const local = t + tzOffset(h.book.timeZone, t);
  const midnight = ((local % 86400000) + 86400000) % 86400000 === 0;
  return midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
}

/** A cell holds at most 50,000 characters; a longer string fails the whole write (docs/platform.md, "Limits and errors"). */
export const CELL_CHAR_LIMIT = 50000;
const TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

function checkLengths(env: Env, values: unknown[][]): void {
  for (const row of values) {
    for (const v of row) if (typeof v === 'string' && v.length > CELL_CHAR_LIMIT) throw env.exception(TOO_LONG);
  }
}

/** Store one written value like Sheets does for user-entered input. */
function writeCell(h: SheetsHost, sheet: SheetStore, r: number, c: number, v: unknown, info: LocaleInfo): void {
  const meta: CellMeta | undefined = sheet.metaAt(r, c);
  if (meta !== undefined) {
    if (meta.spill) delete meta.spill;
    if (meta.formula !== undefined) sheet.setFormula(r, c, undefined);
  }
  let value: CellValue;
  switch (typeof v) {
    case 'string':
      if (v === '' || meta?.format === '@') value = v;
      else {
        const e = parseEntry(v, info);
        if (e === undefined) value = v;
        else if (e.formula !== undefined) {
          sheet.setFormula(r, c, e.formula);
          value = '';
        } else {
          value = e.value;
          if (e.format !== undefined && meta?.format === undefined) sheet.setAutoFormat(r, c, e.format);
        }
      }
      break;
    case 'number':
      value = Number.isFinite(v) ? v : '#NUM!';
      break;
    case 'boolean':
      value = v;
      break;
    case 'undefined':
      value = '';
      break;
    default:
      if (v === null) value = '';
      else if (isDateValue(v)) {
        const t = v.getTime();
        if (Number.isNaN(t)) value = '#NUM!';
        else {
          value = new Date(t);
          // Sheets gives a date cell a date format; a number written there later reads back as a date.
          if (meta?.format === undefined) sheet.setAutoFormat(r, c, defaultFormatFor(t, h));
        }
      } else value = String(v);
  }
  sheet.setValue(r, c, value);
}

// ---------------------------------------------------------------------------

export class FakeRange extends FakeObject {
  protected get _kind() {
    return 'Range';
  }
  constructor(
    readonly _h: SheetsHost,
    readonly _sheet: SheetStore,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    super(_h.env);
  }

  private _checkAlive(): void {
    if (this._sheet.deleted) throw this.env.exception('The sheet has been deleted.');
    if (this._row + this._numRows - 1 > this._sheet.maxRows || this._col + this._numCols - 1 > this._sheet.maxCols) {
      throw this.env.exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  // ---- geometry ----
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getA1Notation(): string {
    return toA1(this._row, this._col, this._numRows, this._numCols);
  }
  getSheet(): FakeSheet {
    return new FakeSheet(this._h, this._sheet);
  }
  getGridId(): number {
    return this._sheet.id;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return rangeAt(
      this._h,
      this._sheet,
      [this._row + rowOffset, this._col + columnOffset, numRows ?? this._numRows, numColumns ?? this._numCols],
      'Range.offset',
    );
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) {
      throw this.env.exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this._h, this._sheet, this._row + row - 1, this._col + column - 1, 1, 1);
  }

  // ---- values ----
  getValues(): unknown[][] {
    this._checkAlive();
    ensureFresh(this._h, this._sheet);
    const s = this._sheet;
    const r0 = this._row - 1;
    const c0 = this._col - 1;
    const out = this.env.realm.block(s.rows, r0, c0, this._numRows, this._numCols);
    // Number formats change what some cells read as (a number in a date-formatted cell is a Date).
    if (s.hasMetaIn(r0, this._numRows)) {
      const tz = this._h.book.timeZone;
      for (let i = 0; i < this._numRows; i++) {
        const meta = s.meta[r0 + i];
        if (meta === undefined) continue;
        const end = Math.min(meta.length, c0 + this._numCols);
        for (let c = c0; c < end; c++) {
          const m = meta[c];
          if (m === undefined || m.format === undefined) continue;
          const v = s.value(r0 + i, c);
          const kind = formatKind(m.format);
          if ((kind === 'date' && typeof v === 'number') || (kind === 'number' && v instanceof Date)) {
            const conv = valueForFormat(v, m.format, tz);
            out[i][c - c0] = conv instanceof Date ? this.env.realm.date(conv.getTime()) : conv;
          }
        }
      }
    }
    return out;
  }
  getValue(): unknown {
    this._checkAlive();
    ensureFresh(this._h, this._sheet);
    const v = this._cellValue(this._row - 1, this._col - 1);
    return v instanceof Date ? this.env.realm.date(v.getTime()) : v;
  }
  _cellValue(r: number, c: number): CellValue {
    const v = this._sheet.value(r, c);
    const m = this._sheet.metaAt(r, c);
    return m?.format !== undefined ? valueForFormat(v, m.format, this._h.book.timeZone) : v;
  }
  _read(): CellValue[][] {
    const s = this._sheet;
    const tz = this._h.book.timeZone;
    const r0 = this._row - 1;
    const c0 = this._col - 1;
    const nc = this._numCols;
    const out: CellValue[][] = new Array(this._numRows);
    const hasMeta = s.hasMetaIn(r0, this._numRows);
    for (let i = 0; i < this._numRows; i++) {
      const vals = s.rows[r0 + i];
      const o: CellValue[] = new Array(nc);
      if (vals === undefined) o.fill('');
      else
        for (let j = 0; j < nc; j++) {
          const v = vals[c0 + j];
          o[j] = v === undefined ? '' : v;
        }
      if (hasMeta) {
        const meta = s.meta[r0 + i];
        if (meta !== undefined) {
          for (let j = 0; j < nc; j++) {
            const m = meta[c0 + j];
            if (m !== undefined && m.format !== undefined) o[j] = valueForFormat(o[j], m.format, tz);
          }
        }
      }
      out[i] = o;
    }
    return out;
  }

  setValues(values: unknown[][]): FakeRange {
    this._checkAlive();
    this._checkShape(values, 'setValues');
    checkLengths(this.env, values);
    const info = localeInfo(this._h);
    const s = this._sheet;
    const r0 = this._row - 1;
    const c0 = this._col - 1;
    const nc = this._numCols;
    const hasMeta = s.hasMetaIn(r0, this._numRows);
    for (let i = 0; i < this._numRows; i++) {
      const src = values[i];
      const r = r0 + i;
      const meta = hasMeta ? s.meta[r] : undefined;
      let row = s.rows[r];
      if (row === undefined) row = s.rows[r] = [];
      for (let j = 0; j < nc; j++) {
        const v = src[j];
        const c = c0 + j;
        // Fast path: plain numbers, booleans and blanks into cells without metadata.
        if (meta === undefined || meta[c] === undefined) {
          const t = typeof v;
          if (t === 'number') {
            row[c] = Number.isFinite(v as number) ? (v as number) : '#NUM!';
            continue;
          }
          if (t === 'boolean') {
            row[c] = v as boolean;
            continue;
          }
          if (v === '' || v === null || v === undefined) {
            row[c] = '';
            continue;
          }
          if (t === 'string') {
            const ch = (v as string).charCodeAt(0);
            // Text that cannot parse as anything (most names, notes, CJK) is stored as is.
            if (ch > 122 && ch !== 8364 && ch !== 163 && ch !== 165) {
              row[c] = v as string;
              continue;
            }
          }
        }
        writeCell(this._h, s, r, c, v, info);
      }
    }
    s.invalidate();
    this._h.book.touch();
    return this;
  }
  setValue(value: unknown): FakeRange {
    this._checkAlive();
    if (Array.isArray(value))
      throw this.env.exception(
        `The parameters (${signatureOf([value]).slice(1, -1)}) don't match the method signature for SpreadsheetApp.Range.setValue.`,
      );
    checkLengths(this.env, [[value]]);
    const info = localeInfo(this._h);
    for (let i = 0; i < this._numRows; i++)
      for (let j = 0; j < this._numCols; j++)
        writeCell(this._h, this._sheet, this._row - 1 + i, this._col - 1 + j, value, info);
    this._sheet.invalidate();
    this._h.book.touch();
    return this;
  }
  _checkShape(values: unknown, method: string): asserts values is unknown[][] {
    if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
      throw this.env.exception(
        `The parameters (${signatureOf([values]).slice(1, -1)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (values.length !== this._numRows) {
      throw this.env.exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._numRows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== this._numCols) {
        throw this.env.exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numCols}.`,
        );
      }
    }
  }

  getDisplayValues(): string[][] {
    this._checkAlive();
    ensureFresh(this._h, this._sheet);
    const cx = { timeZone: this._h.book.timeZone, locale: this._h.book.locale };
    const out: string[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const row: string[] = [];
      for (let j = 0; j < this._numCols; j++) {
        const r = this._row - 1 + i;
        const c = this._col - 1 + j;
        row.push(displayValue(this._sheet.value(r, c), this._sheet.metaAt(r, c)?.format, cx));
      }
      out.push(row);
    }
    return this.env.realm.rows(out) as string[][];
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    this._checkAlive();
    return this.env.realm.rows(this._grid((m) => m?.formula ?? '')) as string[][];
  }
  getFormula(): string {
    this._checkAlive();
    return this._sheet.metaAt(this._row - 1, this._col - 1)?.formula ?? '';
  }
  setFormulas(formulas: string[][]): FakeRange {
    this._checkAlive();
    this._checkShape(formulas, 'setFormulas');
    const info = localeInfo(this._h);
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++)
        this._setFormulaAt(this._row - 1 + i, this._col - 1 + j, formulas[i][j], info);
    }
    this._sheet.invalidate();
    this._h.book.touch();
    return this;
  }
  setFormula(formula: string): FakeRange {
    this._checkAlive();
    const info = localeInfo(this._h);
    for (let i = 0; i < this._numRows; i++)
      for (let j = 0; j < this._numCols; j++) this._setFormulaAt(this._row - 1 + i, this._col - 1 + j, formula, info);
    this._sheet.invalidate();
    this._h.book.touch();
    return this;
  }
  private _setFormulaAt(r: number, c: number, f: unknown, info: LocaleInfo): void {
    if (typeof f === 'string' && f.startsWith('=')) {
      const meta = this._sheet.metaAt(r, c);
      if (meta?.spill) delete meta.spill;
      this._sheet.setFormula(r, c, f);
      this._sheet.setValue(r, c, '');
    } else {
      writeCell(this._h, this._sheet, r, c, f, info);
    }
  }
  _grid<T>(fn: (m: CellMeta | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this._numCols; j++) row.push(fn(this._sheet.metaAt(this._row - 1 + i, this._col - 1 + j)));
      out.push(row);
    }
    return out;
  }
  private _each(fn: (m: CellMeta, r: number, c: number) => void): FakeRange {
    this._checkAlive();
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++)
        fn(this._sheet.ensureMeta(this._row - 1 + i, this._col - 1 + j), this._row - 1 + i, this._col - 1 + j);
    }
    return this;
  }
  private _eachFrom<T>(values: T[][], method: string, fn: (m: CellMeta, v: T) => void): FakeRange {
    this._checkAlive();
    if (
      !Array.isArray(values) ||
      values.length !== this._numRows ||
      values.some((r) => !Array.isArray(r) || r.length !== this._numCols)
    ) {
      const rows = Array.isArray(values) ? values.length : 0;
      if (rows !== this._numRows)
        throw this.env.exception(
          `The number of rows in the data does not match the number of rows in the range. The data has ${rows} but the range has ${this._numRows}.`,
        );
      const bad = values.find((r) => !Array.isArray(r) || r.length !== this._numCols);
      throw this.env.exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(bad) ? bad.length : 0} but the range has ${this._numCols}.`,
      );
    }
    void method;
    return this._each((m, r, c) => fn(m, values[r - this._row + 1][c - this._col + 1]));
  }

  // ---- formats ----
  getNumberFormat(): string {
    return this._sheet.metaAt(this._row - 1, this._col - 1)?.format ?? 'General';
  }
  getNumberFormats(): string[][] {
    return this.env.realm.rows(this._grid((m) => m?.format ?? 'General')) as string[][];
  }
  setNumberFormat(format: string): FakeRange {
    const f = String(format);
    this._each((m) => {
      if (f === '' || f === 'General') delete m.format;
      else m.format = f;
    });
    this._h.book.touch();
    return this;
  }
  setNumberFormats(formats: string[][]): FakeRange {
    this._eachFrom(formats, 'setNumberFormats', (m, f) => {
      if (f === '' || f === 'General') delete m.format;
      else m.format = String(f);
    });
    this._h.book.touch();
    return this;
  }
  setFontWeight(w: string | null): FakeRange {
    return this._each((m) => void (m.fontWeight = w ?? 'normal'));
  }
  setFontWeights(w: string[][]): FakeRange {
    return this._eachFrom(w, 'setFontWeights', (m, v) => void (m.fontWeight = v));
  }
  getFontWeight(): string {
    return this._sheet.metaAt(this._row - 1, this._col - 1)?.fontWeight ?? 'normal';
  }
  setFontStyle(s: string | null): FakeRange {
    return this._each((m) => void (m.fontStyle = s ?? 'normal'));
  }
  setFontSize(n: number): FakeRange {
    return this._each((m) => void (m.fontSize = n));
  }
  setFontColor(c: string | null): FakeRange {
    return this._each((m) => void (m.fontColor = c ?? '#000000'));
  }
  setFontColors(c: string[][]): FakeRange {
    return this._eachFrom(c, 'setFontColors', (m, v) => void (m.fontColor = v));
  }
  getFontColor(): string {
    return this._sheet.metaAt(this._row - 1, this._col - 1)?.fontColor ?? '#000000';
  }
  setBackground(c: string | null): FakeRange {
    return this._each((m) => void (m.background = c ?? '#ffffff'));
  }
  setBackgrounds(c: string[][]): FakeRange {
    return this._eachFrom(c, 'setBackgrounds', (m, v) => void (m.background = v));
  }
  getBackground(): string {
    return this._sheet.metaAt(this._row - 1, this._col - 1)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.env.realm.rows(this._grid((m) => m?.background ?? '#ffffff')) as string[][];
  }
  setWrap(w: boolean): FakeRange {
    return this._each((m) => void (m.wrap = !!w));
  }
  setWrapStrategy(_s: unknown): FakeRange {
    return this._each(() => undefined);
  }
  setHorizontalAlignment(a: string | null): FakeRange {
    return this._each((m) => void (m.hAlign = a ?? 'general'));
  }
  setVerticalAlignment(a: string | null): FakeRange {
    return this._each((m) => void (m.vAlign = a ?? 'bottom'));
  }
  setBorder(..._args: unknown[]): FakeRange {
    return this._each(() => undefined);
  }
  setNote(note: string | null): FakeRange {
    return this._each((m) => void (m.note = note ?? ''));
  }
  getNote(): string {
    return this._sheet.metaAt(this._row - 1, this._col - 1)?.note ?? '';
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    return this._each((m) => {
      if (rule === null) delete m.validation;
      else m.validation = rule._data;
    });
  }
  getDataValidation(): FakeDataValidation | null {
    const d = this._sheet.metaAt(this._row - 1, this._col - 1)?.validation;
    return d ? new FakeDataValidation(this.env, d as FakeDataValidation['_data']) : null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    // realm.rows() copies cell values (it takes objects for Dates): rule objects go in context arrays as they are.
    const grid = this._grid((m) =>
      m?.validation ? new FakeDataValidation(this.env, m.validation as FakeDataValidation['_data']) : null,
    );
    return this.env.realm.array(grid.map((row) => this.env.realm.array(row)));
  }
  clearDataValidations(): FakeRange {
    return this._each((m) => void delete m.validation);
  }

  // ---- clearing ----
  clearContent(): FakeRange {
    this._checkAlive();
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++) {
        const r = this._row - 1 + i;
        const c = this._col - 1 + j;
        const m = this._sheet.metaAt(r, c);
        if (m?.formula !== undefined) this._sheet.setFormula(r, c, undefined);
        if (m?.spill) delete m.spill;
        if (this._sheet.rows[r] !== undefined) this._sheet.setValue(r, c, '');
      }
    }
    this._sheet.invalidate();
    this._h.book.touch();
    return this;
  }
  clearFormat(): FakeRange {
    this._checkAlive();
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++) {
        if (!this._sheet.metaAt(this._row - 1 + i, this._col - 1 + j)) continue;
        const m = this._sheet.ensureMeta(this._row - 1 + i, this._col - 1 + j);
        for (const k of [
          'format',
          'background',
          'fontColor',
          'fontWeight',
          'fontStyle',
          'fontSize',
          'wrap',
          'hAlign',
          'vAlign',
        ] as const)
          delete m[k];
      }
    }
    this._h.book.touch();
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeRange {
    if (!options || !options.formatOnly) this.clearContent();
    if (!options || !options.contentsOnly) this.clearFormat();
    return this;
  }
  isBlank(): boolean {
    this._checkAlive();
    ensureFresh(this._h, this._sheet);
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++) {
        if (
          this._sheet.value(this._row - 1 + i, this._col - 1 + j) !== '' ||
          this._sheet.metaAt(this._row - 1 + i, this._col - 1 + j)?.formula !== undefined
        )
          return false;
      }
    }
    return true;
  }

  // ---- selection ----
  activate(): FakeRange {
    this._checkAlive();
    this._h.book.selection = {
      sheetId: this._sheet.id,
      ranges: [{ row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols }],
    };
    return this;
  }
  activateAsCurrentCell(): FakeRange {
    return this.activate();
  }

  /** Range.sort(column | {column, ascending} | array of those); columns are absolute sheet columns. */
  sort(spec: unknown): FakeRange {
    this._checkAlive();
    ensureFresh(this._h, this._sheet);
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number'
        ? { column: s, ascending: true }
        : {
            column: Number((s as { column: number }).column),
            ascending: (s as { ascending?: boolean }).ascending !== false,
          },
    );
    for (const s of specs) {
      if (s.column < this._col || s.column > this._col + this._numCols - 1)
        throw this.env.exception(`Sort column must be within the range.`);
    }
    sortRows(this._sheet, this._h.book, this._row, this._col, this._numRows, this._numCols, specs);
    this._h.book.touch();
    return this;
  }
}
instrument(FakeRange, 'SpreadsheetApp', 'Range', {
  default: 'write',
  getRow: 'read',
  getRowIndex: 'read',
  getColumn: 'read',
  getNumRows: 'read',
  getNumColumns: 'read',
  getHeight: 'read',
  getWidth: 'read',
  getLastRow: 'read',
  getLastColumn: 'read',
  getA1Notation: 'read',
  getSheet: 'read',
  getGridId: 'read',
  offset: 'read',
  getCell: 'read',
  getValues: 'read',
  getValue: 'read',
  getDisplayValues: 'read',
  getDisplayValue: 'read',
  getFormulas: 'read',
  getFormula: 'read',
  getNumberFormat: 'read',
  getNumberFormats: 'read',
  getFontWeight: 'read',
  getFontColor: 'read',
  getBackground: 'read',
  getBackgrounds: 'read',
  getNote: 'read',
  getDataValidation: 'read',
  getDataValidations: 'read',
  isBlank: 'read',
});

/** Compare like Sheets' sort: numbers < text < booleans, blanks last; dates as numbers. */
function sortKey(v: CellValue): [number, number | string] {
  if (v === '') return [9, 0];
  if (typeof v === 'number') return [0, v];
  if (v instanceof Date) return [0, v.getTime() / 86400000];
  if (typeof v === 'string') return [1, v.toLowerCase()];
  return [2, v ? 1 : 0];
}

export function sortRows(
  sheet: SheetStore,
  book: WorkbookStore,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  specs: Array<{ column: number; ascending: boolean }>,
): void {
  const r0 = row - 1;
  const c0 = col - 1;
  const items = [];
  for (let i = 0; i < numRows; i++) {
    const vals: CellValue[] = [];
    const metas: (CellMeta | undefined)[] = [];
    for (let j = 0; j < numCols; j++) {
      vals.push(sheet.value(r0 + i, c0 + j));
      metas.push(sheet.metaAt(r0 + i, c0 + j));
    }
    items.push({ vals, metas, i });
  }
  items.sort((a, b) => {
    for (const s of specs) {
      const ka = sortKey(a.vals[s.column - col]);
      const kb = sortKey(b.vals[s.column - col]);
      if (ka[0] === 9 || kb[0] === 9) {
        if (ka[0] !== kb[0]) return ka[0] === 9 ? 1 : -1; // blanks last either way
        continue;
      }
      let d = ka[0] - kb[0];
      if (d === 0) d = ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : 0;
      if (d !== 0) return s.ascending ? d : -d;
    }
    return a.i - b.i;
  });
  for (let i = 0; i < numRows; i++) {
    for (let j = 0; j < numCols; j++) {
      sheet.setValue(r0 + i, c0 + j, items[i].vals[j]);
      const m = items[i].metas[j];
      let metaRow = sheet.meta[r0 + i];
      if (m === undefined && metaRow === undefined) continue;
      metaRow ??= sheet.meta[r0 + i] = [];
      metaRow[c0 + j] = m;
    }
  }
  void book;
}

// ---------------------------------------------------------------------------

/** Resolve getRange-style arguments to a range, with Apps Script's checks. */
function rangeAt(h: SheetsHost, sheet: SheetStore, args: unknown[], method: string): FakeRange {
  const env = h.env;
  if (args.length === 1 && typeof args[0] === 'string') return rangeFromA1(h, sheet, args[0]);
  if (args.length < 2 || args.length > 4 || args.some((a) => typeof a !== 'number')) {
    throw env.exception(
      `The parameters ${signatureOf(args)} don't match the method signature for SpreadsheetApp.${method.replace('.', '.')}.`,
    );
  }
  const nums = args as number[];
  for (const n of nums) if (!Number.isFinite(n)) throw env.exception(`Cannot convert '${n}' to int.`);
  const [row, col, numRows = 1, numCols = 1] = nums.map((n) => Math.trunc(n));
  if (row < 1) throw env.exception('The starting row of the range is too small.');
  if (col < 1) throw env.exception('The starting column of the range is too small.');
  if (numRows < 1) throw env.exception('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw env.exception('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw env.exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new FakeRange(h, sheet, row, col, numRows, numCols);
}

function rangeFromA1(h: SheetsHost, home: SheetStore | undefined, a1: string): FakeRange {
  const ref = parseA1(a1);
  if (!ref) throw h.env.exception('Range not found');
  let sheet = home;
  if (ref.sheet !== undefined) sheet = h.book.byNameInsensitive(ref.sheet);
  if (!sheet) throw h.env.exception('Range not found');
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxCols;
  if (endRow > sheet.maxRows || endCol > sheet.maxCols || ref.row > sheet.maxRows || ref.col > sheet.maxCols) {
    throw h.env.exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new FakeRange(h, sheet, ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1);
}

export class FakeRangeList extends FakeObject {
  protected get _kind() {
    return 'RangeList';
  }
  constructor(
    env: Env,
    readonly _ranges: FakeRange[],
  ) {
    super(env);
  }
  getRanges(): FakeRange[] {
    return this.env.realm.array(this._ranges);
  }
  activate(): FakeRangeList {
    const first = this._ranges[0];
    if (first) {
      first._h.book.selection = {
        sheetId: first._sheet.id,
        ranges: this._ranges.map((r) => ({ row: r._row, col: r._col, numRows: r._numRows, numCols: r._numCols })),
      };
    }
    return this;
  }
  setValue(v: unknown): FakeRangeList {
    for (const r of this._ranges) r.setValue(v);
    return this;
  }
  clearContent(): FakeRangeList {
    for (const r of this._ranges) r.clearContent();
    return this;
  }
  setBackground(c: string | null): FakeRangeList {
    for (const r of this._ranges) r.setBackground(c);
    return this;
  }
  setFontWeight(w: string | null): FakeRangeList {
    for (const r of this._ranges) r.setFontWeight(w);
    return this;
  }
  setNumberFormat(f: string): FakeRangeList {
    for (const r of this._ranges) r.setNumberFormat(f);
    return this;
  }
}
instrument(FakeRangeList, 'SpreadsheetApp', 'RangeList', { default: 'write', getRanges: 'read' });

// ---------------------------------------------------------------------------

export class FakeSheet extends FakeObject {
  protected get _kind() {
    return 'Sheet';
  }
  constructor(
    readonly _h: SheetsHost,
    readonly _s: SheetStore,
  ) {
    super(_h.env);
  }
  private _alive(): void {
    if (this._s.deleted) throw this.env.exception('The sheet has been deleted.');
  }

  getName(): string {
    return this._s.name;
  }
  setName(name: string): FakeSheet {
    const n = String(name);
    const other = this._h.book.byNameInsensitive(n);
    if (other && other !== this._s)
      throw this.env.exception(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this._s.name = n;
    return this;
  }
  getSheetId(): number {
    return this._s.id;
  }
  getSheetName(): string {
    return this._s.name;
  }
  getIndex(): number {
    return this._h.book.sheets.indexOf(this._s) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this._h.spreadsheet();
  }
  getType(): string {
    return 'GRID';
  }

  getLastRow(): number {
    this._alive();
    ensureFresh(this._h, this._s);
    return this._s.lastRow();
  }
  getLastColumn(): number {
    this._alive();
    ensureFresh(this._h, this._s);
    return this._s.lastCol();
  }
  getMaxRows(): number {
    return this._s.maxRows;
  }
  getMaxColumns(): number {
    return this._s.maxCols;
  }
  getDataRange(): FakeRange {
    this._alive();
    ensureFresh(this._h, this._s);
    return new FakeRange(this._h, this._s, 1, 1, Math.max(1, this._s.lastRow()), Math.max(1, this._s.lastCol()));
  }
  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): FakeRange {
    this._alive();
    const args = [a, b, c, d].slice(0, arguments.length);
    return rangeAt(this._h, this._s, args, 'Sheet.getRange');
  }
  getRangeList(a1s: string[]): FakeRangeList {
    this._alive();
    return new FakeRangeList(
      this.env,
      a1s.map((a) => rangeFromA1(this._h, this._s, a)),
    );
  }
  getActiveRange(): FakeRange | null {
    const sel = this._h.book.selection;
    if (!sel || sel.sheetId !== this._s.id || !sel.ranges[0]) return new FakeRange(this._h, this._s, 1, 1, 1, 1);
    const r = sel.ranges[0];
    return new FakeRange(this._h, this._s, r.row, r.col, r.numRows, r.numCols);
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    this._alive();
    if (!Array.isArray(rowContents))
      throw this.env.exception(
        `The parameters ${signatureOf([rowContents])} don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    checkLengths(this.env, [rowContents]);
    ensureFresh(this._h, this._s);
    const row = this._s.lastRow() + 1;
    if (row > this._s.maxRows) this._s.maxRows = row;
    if (rowContents.length > this._s.maxCols) this._s.maxCols = rowContents.length;
    const info = localeInfo(this._h);
    rowContents.forEach((v, j) => writeCell(this._h, this._s, row - 1, j, v, info));
    this._s.invalidate();
    this._h.book.touch();
    return this;
  }

  private _checkRows(pos: number, n: number, forInsert: boolean): void {
    if (typeof pos !== 'number' || typeof n !== 'number' || !Number.isFinite(pos) || !Number.isFinite(n)) {
      throw this.env.exception(`The parameters ${signatureOf([pos, n])} don't match the method signature.`);
    }
    if (n < 1) throw this.env.exception('The number of rows must be at least 1.');
    if (pos < 1 || (forInsert ? pos > this._s.maxRows : pos + n - 1 > this._s.maxRows))
      throw this.env.exception('Those rows are out of bounds.');
  }
  private _checkCols(pos: number, n: number, forInsert: boolean): void {
    if (typeof pos !== 'number' || typeof n !== 'number' || !Number.isFinite(pos) || !Number.isFinite(n)) {
      throw this.env.exception(`The parameters ${signatureOf([pos, n])} don't match the method signature.`);
    }
    if (n < 1) throw this.env.exception('The number of columns must be at least 1.');
    if (pos < 1 || (forInsert ? pos > this._s.maxCols : pos + n - 1 > this._s.maxCols))
      throw this.env.exception('Those columns are out of bounds.');
  }
  private _insertRows(at1: number, n: number): void {
    this._s.insertRows(at1 - 1, n);
    shiftFormulaRefs(this._h.book, this._s, 'row', at1, n);
    this._h.book.touch();
  }
  private _insertCols(at1: number, n: number): void {
    this._s.insertCols(at1 - 1, n);
    shiftFormulaRefs(this._h.book, this._s, 'col', at1, n);
    this._h.book.touch();
  }
  insertRowBefore(beforePosition: number): FakeSheet {
    this._checkRows(beforePosition, 1, true);
    this._insertRows(beforePosition, 1);
    return this;
  }
  insertRowAfter(afterPosition: number): FakeSheet {
    this._checkRows(afterPosition, 1, true);
    this._insertRows(afterPosition + 1, 1);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this._checkRows(beforePosition, howMany, true);
    this._insertRows(beforePosition, howMany);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this._checkRows(afterPosition, howMany, true);
    this._insertRows(afterPosition + 1, howMany);
    return this;
  }
  insertColumnBefore(beforePosition: number): FakeSheet {
    this._checkCols(beforePosition, 1, true);
    this._insertCols(beforePosition, 1);
    return this;
  }
  insertColumnAfter(afterPosition: number): FakeSheet {
    this._checkCols(afterPosition, 1, true);
    this._insertCols(afterPosition + 1, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    this._checkCols(beforePosition, howMany, true);
    this._insertCols(beforePosition, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this._checkCols(afterPosition, howMany, true);
    this._insertCols(afterPosition + 1, howMany);
    return this;
  }
  deleteRow(rowPosition: number): FakeSheet {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): FakeSheet {
    this._checkRows(rowPosition, howMany, false);
    if (this._s.maxRows - howMany <= this._s.frozenRows)
      throw this.env.exception('Sorry, it is not possible to delete all non-frozen rows.');
    shiftFormulaRefs(this._h.book, this._s, 'row', rowPosition, -howMany);
    this._s.deleteRows(rowPosition - 1, howMany);
    this._h.book.touch();
    return this;
  }
  deleteColumn(columnPosition: number): FakeSheet {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): FakeSheet {
    this._checkCols(columnPosition, howMany, false);
    if (this._s.maxCols - howMany <= this._s.frozenCols)
      throw this.env.exception('Sorry, it is not possible to delete all non-frozen columns.');
    shiftFormulaRefs(this._h.book, this._s, 'col', columnPosition, -howMany);
    this._s.deleteCols(columnPosition - 1, howMany);
    this._h.book.touch();
    return this;
  }

  setFrozenRows(rows: number): FakeSheet {
    if (rows < 0 || rows >= this._s.maxRows)
      throw this.env.exception("You can't freeze all visible rows on the sheet.");
    this._s.frozenRows = rows;
    return this;
  }
  getFrozenRows(): number {
    return this._s.frozenRows;
  }
  setFrozenColumns(cols: number): FakeSheet {
    if (cols < 0 || cols >= this._s.maxCols)
      throw this.env.exception("You can't freeze all visible columns on the sheet.");
    this._s.frozenCols = cols;
    return this;
  }
  getFrozenColumns(): number {
    return this._s.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this._s.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    for (let i = 0; i < numColumns; i++) this._s.columnWidths.set(startColumn + i, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._s.columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    this._checkCols(startColumn, numColumns, false);
    return this;
  }
  autoResizeColumn(columnPosition: number): FakeSheet {
    this._checkCols(columnPosition, 1, false);
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): FakeSheet {
    this._checkCols(columnIndex, numColumns, false);
    return this;
  }
  showColumns(columnIndex: number, numColumns = 1): FakeSheet {
    this._checkCols(columnIndex, numColumns, false);
    return this;
  }
  setTabColor(color: string | null): FakeSheet {
    this._s.tabColor = color;
    return this;
  }
  hideSheet(): FakeSheet {
    this._s.hidden = true;
    return this;
  }
  showSheet(): FakeSheet {
    this._s.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._s.hidden;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this.env.realm.array(this._s.conditionalRules as FakeConditionalFormatRule[]);
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof FakeConditionalFormatRule))) {
      throw this.env.exception(
        `The parameters ${signatureOf([rules])} don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`,
      );
    }
    this._s.conditionalRules = [...rules];
  }
  clearConditionalFormatRules(): void {
    this._s.conditionalRules = [];
  }

  // ---- embedded charts (charts.ts) ----
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(chartHost(this._h), newChartData());
  }
  insertChart(chart: FakeEmbeddedChart): void {
    insertChart(chartHost(this._h), this._s, chart);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    updateChart(chartHost(this._h), this._s, chart);
  }
  removeChart(chart: FakeEmbeddedChart): void {
    removeChart(chartHost(this._h), this._s, chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    const h = chartHost(this._h);
    return this.env.realm.array(this._s.charts.map((d) => new FakeEmbeddedChart(h, { ...d, ranges: [...d.ranges] })));
  }

  activate(): FakeSheet {
    this._h.book.selection = { sheetId: this._s.id, ranges: [{ row: 1, col: 1, numRows: 1, numCols: 1 }] };
    return this;
  }
  clear(): FakeSheet {
    new FakeRange(this._h, this._s, 1, 1, this._s.maxRows, this._s.maxCols).clear();
    return this;
  }
  clearContents(): FakeSheet {
    new FakeRange(this._h, this._s, 1, 1, this._s.maxRows, this._s.maxCols).clearContent();
    return this;
  }
  clearFormats(): FakeSheet {
    new FakeRange(this._h, this._s, 1, 1, this._s.maxRows, this._s.maxCols).clearFormat();
    return this;
  }
  /** Sheet.sort(column, ascending): sorts the rows below the frozen rows. */
  sort(columnPosition: number, ascending = true): FakeSheet {
    ensureFresh(this._h, this._s);
    const first = this._s.frozenRows + 1;
    const last = this._s.lastRow();
    if (last >= first)
      sortRows(this._s, this._h.book, first, 1, last - first + 1, Math.max(this._s.lastCol(), columnPosition), [
        { column: columnPosition, ascending },
      ]);
    this._h.book.touch();
    return this;
  }
}
instrument(FakeSheet, 'SpreadsheetApp', 'Sheet', {
  default: 'write',
  getName: 'read',
  getSheetId: 'read',
  getSheetName: 'read',
  getIndex: 'read',
  getParent: 'read',
  getType: 'read',
  getLastRow: 'read',
  getLastColumn: 'read',
  getMaxRows: 'read',
  getMaxColumns: 'read',
  getDataRange: 'read',
  getRange: 'read',
  getRangeList: 'read',
  getActiveRange: 'read',
  getFrozenRows: 'read',
  getFrozenColumns: 'read',
  getColumnWidth: 'read',
  isSheetHidden: 'read',
  getConditionalFormatRules: 'read',
  getCharts: 'read',
  newChart: 'read',
  activate: 'read',
});

function chartHost(h: SheetsHost): ChartHost {
  return {
    env: h.env,
    range: (r) => new FakeRange(h, r.sheet, r.row, r.col, r.numRows, r.numCols),
    newChartId: () => h.book.newChartId(),
  };
}

// ---------------------------------------------------------------------------

export class FakeSpreadsheet extends FakeObject {
  protected get _kind() {
    return 'Spreadsheet';
  }
  constructor(readonly _h: SheetsHost) {
    super(_h.env);
  }
  getId(): string {
    return this._h.book.id;
  }
  getName(): string {
    return this._h.book.name;
  }
  rename(name: string): void {
    this._h.book.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._h.book.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._h.book.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      throw this.env.exception(`Invalid argument: timezone`);
    }
    this._h.book.timeZone = tz;
  }
  getSpreadsheetLocale(): string {
    return this._h.book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._h.book.locale = String(locale);
  }

  getSheets(): FakeSheet[] {
    return this.env.realm.array(this._h.book.sheets.map((s) => new FakeSheet(this._h, s)));
  }
  getNumSheets(): number {
    return this._h.book.sheets.length;
  }
  /** Sheet names are unique ignoring case, and the lookup ignores case too. */
  getSheetByName(name: string): FakeSheet | null {
    const s = this._h.book.byNameInsensitive(String(name));
    return s ? new FakeSheet(this._h, s) : null;
  }
  getSheetById(id: number): FakeSheet | null {
    const s = this._h.book.byId(Number(id));
    return s ? new FakeSheet(this._h, s) : null;
  }
  insertSheet(a?: unknown, b?: unknown): FakeSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    const book = this._h.book;
    if (name === undefined) {
      let n = book.sheets.length + 1;
      while (book.byNameInsensitive(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') throw this.env.exception('Invalid argument: sheetName');
    if (book.byNameInsensitive(name))
      throw this.env.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const store = new SheetStore(name, book.newSheetId());
    const at = index === undefined ? book.sheets.length : Math.max(0, Math.min(book.sheets.length, index));
    book.sheets.splice(at, 0, store);
    // Inserting a sheet activates it in the UI.
    if (!this.env.exec.trigger)
      book.selection = { sheetId: store.id, ranges: [{ row: 1, col: 1, numRows: 1, numCols: 1 }] };
    return new FakeSheet(this._h, store);
  }
  deleteSheet(sheet: FakeSheet): void {
    const book = this._h.book;
    if (book.sheets.length <= 1) throw this.env.exception("You can't remove all the sheets in a document.");
    const i = book.sheets.indexOf(sheet._s);
    if (i < 0) throw this.env.exception('The sheet has been deleted.');
    book.sheets.splice(i, 1);
    sheet._s.deleted = true;
    if (book.selection?.sheetId === sheet._s.id) book.selection = undefined;
    book.touch();
  }
  getActiveSheet(): FakeSheet {
    return new FakeSheet(this._h, activeStore(this._h));
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this._h.book.selection = { sheetId: sheet._s.id, ranges: [{ row: 1, col: 1, numRows: 1, numCols: 1 }] };
    return sheet;
  }
  getActiveRange(): FakeRange | null {
    const ranges = activeRanges(this._h);
    return ranges[0] ?? null;
  }
  getActiveRangeList(): FakeRangeList | null {
    const ranges = activeRanges(this._h);
    return ranges.length ? new FakeRangeList(this.env, ranges) : null;
  }
  getCurrentCell(): FakeRange | null {
    const r = activeRanges(this._h)[0];
    return r ? new FakeRange(this._h, r._sheet, r._row, r._col, 1, 1) : null;
  }
  setActiveRange(range: FakeRange): FakeRange {
    range.activate();
    return range;
  }
  setActiveSelection(range: FakeRange | string): FakeRange {
    const r = typeof range === 'string' ? rangeFromA1(this._h, activeStore(this._h), range) : range;
    r.activate();
    return r;
  }
  getRange(a1Notation: string): FakeRange {
    if (typeof a1Notation !== 'string')
      throw this.env.exception(
        `The parameters ${signatureOf([a1Notation])} don't match the method signature for SpreadsheetApp.Spreadsheet.getRange.`,
      );
    return rangeFromA1(this._h, activeStore(this._h), a1Notation);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(
      this.env,
      a1Notations.map((a) => rangeFromA1(this._h, activeStore(this._h), a)),
    );
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    recordToast(this.env, this._h.ui, msg, title, timeoutSeconds);
  }
}
instrument(FakeSpreadsheet, 'SpreadsheetApp', 'Spreadsheet', {
  default: 'read',
  rename: 'write',
  setSpreadsheetTimeZone: 'write',
  setSpreadsheetLocale: 'write',
  insertSheet: 'write',
  deleteSheet: 'write',
  toast: 'ui',
});

function activeStore(h: SheetsHost): SheetStore {
  const sel = h.book.selection;
  const s = sel ? h.book.byId(sel.sheetId) : undefined;
  return s ?? h.book.sheets[0];
}

function activeRanges(h: SheetsHost): FakeRange[] {
  const store = activeStore(h);
  const sel = h.book.selection;
  if (!sel || sel.sheetId !== store.id || sel.ranges.length === 0) return [new FakeRange(h, store, 1, 1, 1, 1)];
  return sel.ranges.map((r) => new FakeRange(h, store, r.row, r.col, r.numRows, r.numCols));
}

// ---------------------------------------------------------------------------

export class SpreadsheetAppService extends FakeObject {
  protected get _kind() {
    return 'SpreadsheetApp';
  }
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly BorderStyle = {
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOUBLE: 'DOUBLE',
  };
  constructor(readonly _h: SheetsHost) {
    super(_h.env);
  }
  /** A time-driven trigger has no active spreadsheet: open it by ID (docs/platform.md, "Triggers"). */
  getActive(): FakeSpreadsheet | null {
    return this.env.exec.trigger ? null : this._h.spreadsheet();
  }
  getActiveSpreadsheet(): FakeSpreadsheet | null {
    return this.env.exec.trigger ? null : this._h.spreadsheet();
  }
  getActiveSheet(): FakeSheet | null {
    return this.env.exec.trigger ? null : this._h.spreadsheet().getActiveSheet();
  }
  getActiveRange(): FakeRange | null {
    return this.env.exec.trigger ? null : this._h.spreadsheet().getActiveRange();
  }
  getActiveRangeList(): FakeRangeList | null {
    return this.env.exec.trigger ? null : this._h.spreadsheet().getActiveRangeList();
  }
  getCurrentCell(): FakeRange | null {
    return this.env.exec.trigger ? null : this._h.spreadsheet().getCurrentCell();
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return this._h.spreadsheet().setActiveSheet(sheet);
  }
  setActiveRange(range: FakeRange): FakeRange {
    return this._h.spreadsheet().setActiveRange(range);
  }
  openById(id: string): FakeSpreadsheet {
    if (id !== this._h.book.id)
      throw this.env.exception(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return this._h.spreadsheet();
  }
  openByUrl(url: string): FakeSpreadsheet {
    const m = /\/d\/([^/]+)/.exec(String(url));
    if (!m || m[1] !== this._h.book.id)
      throw this.env.exception(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    return this._h.spreadsheet();
  }
  flush(): void {
    // Writes are applied at once in the emulator.
  }
  getUi(): FakeUi {
    if (this.env.exec.trigger) throw this.env.exception('Cannot call SpreadsheetApp.getUi() from this context.');
    return new FakeUi(this.env, this._h.ui);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.env);
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.env);
  }
}
instrument(SpreadsheetAppService, 'SpreadsheetApp', '', {
  default: 'read',
  openById: 'open',
  openByUrl: 'open',
  flush: 'free',
  getUi: 'ui',
  newConditionalFormatRule: 'free',
  newDataValidation: 'free',
});

// ---------------------------------------------------------------------------
// Test-helper access (not counted): used by Emulator.setSheet & co.

export function createSheetStore(book: WorkbookStore, name: string): SheetStore {
  const store = new SheetStore(name, book.newSheetId());
  book.sheets.push(store);
  return store;
}

/** Replace a sheet's content with rows (row 1 = headers) as if typed in. */
export function fillSheet(h: SheetsHost, store: SheetStore, rows: unknown[][]): void {
  store.rows = [];
  store.meta = [];
  store.formulaCount = 0;
  store.hasSpills = false;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  store.maxRows = Math.max(DEFAULT_ROWS, rows.length);
  store.maxCols = Math.max(DEFAULT_COLS, width);
  const info = localeInfo(h);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < r.length; j++) {
      const v = r[j];
      if (v === '' || v === null || v === undefined) continue;
      writeCell(h, store, i, j, v, info);
    }
  }
  store.invalidate();
  h.book.touch();
  h.book.dirty = h.book.hasFormulas();
}

export { ensureFresh };
