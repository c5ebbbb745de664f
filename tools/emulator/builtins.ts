/**
 * A small evaluator for plain Sheets formulas, so a sheet with formulas a user
 * typed (`=IF(H2="","",H2-TODAY())`, `=HYPERLINK(url,"Open")`, `=SUM(B2:B9)`)
 * reads back sensible values instead of #NAME?. It covers arithmetic,
 * comparison, `&`, and a handful of common functions; anything else is left
 * to Emulator.setFormulaValue. Dates behave as serial numbers, and date +/-
 * number stays a date (Sheets applies a date format to such results).
 */
import { parseA1 } from './a1';
import { dateToSerial, generalNumber, serialToDate, valueForFormat, type CellValue } from './cells';
import type { SheetStore, WorkbookStore } from './sheetstore';
import { wallTime, zonedToUtc } from './tz';

class FErr {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}
type Grid = { grid: CellValue[][] };
type V = CellValue | FErr | Grid;

interface Tok {
  t: 'num' | 'str' | 'ref' | 'fn' | 'op' | '(' | ')' | ',' | 'bool';
  v: string;
}

const REF =
  /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d*)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\d+:\d+)/;

function tokenize(src: string): Tok[] | undefined {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const rest = src.slice(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (; j < src.length; j++) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j++;
          } else break;
        } else s += src[j];
      }
      if (j >= src.length) return undefined;
      toks.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    let m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (m && !/^\d+:/.test(rest)) {
      toks.push({ t: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(rest);
    if (m) {
      toks.push({ t: 'fn', v: m[1].toUpperCase() });
      i += m[0].length;
      toks.push({ t: '(', v: '(' });
      continue;
    }
    m = REF.exec(rest);
    if (m) {
      toks.push({ t: 'ref', v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^(TRUE|FALSE)\b/i.exec(rest);
    if (m) {
      toks.push({ t: 'bool', v: m[1].toUpperCase() });
      i += m[0].length;
      continue;
    }
    m = /^(<=|>=|<>|[-+*/^&=<>%])/.exec(rest);
    if (m) {
      toks.push({ t: 'op', v: m[1] });
      i += m[1].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      toks.push({ t: ch, v: ch });
      i++;
      continue;
    }
    return undefined;
  }
  return toks;
}

type Node =
  | { k: 'lit'; v: CellValue }
  | { k: 'ref'; v: string }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'pct'; a: Node }
  | { k: 'call'; name: string; args: Node[] };

class Parser {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new FErr('#ERROR!', 'Formula parse error.');
    return t;
  }
  expect(t: Tok['t']): void {
    if (this.next().t !== t) throw new FErr('#ERROR!', 'Formula parse error.');
  }
  parse(): Node {
    const n = this.cmp();
    if (this.i !== this.toks.length) throw new FErr('#ERROR!', 'Formula parse error.');
    return n;
  }
  bin(next: () => Node, ops: string[]): Node {
    let a = next();
    for (;;) {
      const t = this.peek();
      if (t?.t === 'op' && ops.includes(t.v)) {
        this.i++;
        a = { k: 'bin', op: t.v, a, b: next() };
      } else return a;
    }
  }
  cmp = (): Node => this.bin(this.cat, ['=', '<>', '<', '>', '<=', '>=']);
  cat = (): Node => this.bin(this.add, ['&']);
  add = (): Node => this.bin(this.mul, ['+', '-']);
  mul = (): Node => this.bin(this.pow, ['*', '/']);
  pow = (): Node => this.bin(this.unary, ['^']);
  unary = (): Node => {
    const t = this.peek();
    if (t?.t === 'op' && (t.v === '-' || t.v === '+')) {
      this.i++;
      return { k: 'un', op: t.v, a: this.unary() };
    }
    let a = this.primary();
    while (this.peek()?.t === 'op' && this.peek()?.v === '%') {
      this.i++;
      a = { k: 'pct', a };
    }
    return a;
  };
  primary(): Node {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: Number(t.v) };
      case 'str':
        return { k: 'lit', v: t.v };
      case 'bool':
        return { k: 'lit', v: t.v === 'TRUE' };
      case 'ref':
        return { k: 'ref', v: t.v };
      case '(': {
        const n = this.cmp();
        this.expect(')');
        return n;
      }
      case 'fn': {
        this.expect('(');
        const args: Node[] = [];
        if (this.peek()?.t === ')') {
          this.i++;
          return { k: 'call', name: t.v, args };
        }
        for (;;) {
          const p = this.peek();
          args.push(p?.t === ',' || p?.t === ')' ? { k: 'lit', v: '' } : this.cmp());
          const sep = this.next();
          if (sep.t === ')') break;
          if (sep.t !== ',') throw new FErr('#ERROR!', 'Formula parse error.');
        }
        return { k: 'call', name: t.v, args };
      }
      default:
        throw new FErr('#ERROR!', 'Formula parse error.');
    }
  }
}

interface Ctx {
  sheet: SheetStore;
  book: WorkbookStore;
  now: number;
  /** Inside ARRAYFORMULA: the element of each range argument to use (row i, column j). */
  at?: { i: number; j: number };
}

/** Functions that take a whole range even inside ARRAYFORMULA (they reduce it to one value). */
const AGGREGATES = new Set(['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'COUNTA', 'CONCATENATE', 'CONCAT', 'AND', 'OR']);

/** The size of the range references an ARRAYFORMULA maps over (outside aggregates). */
function arrayExtent(n: Node, cx: Ctx): { rows: number; cols: number } | undefined {
  switch (n.k) {
    case 'ref': {
      if (!n.v.includes(':')) return undefined;
      const v = readRef(n.v, cx);
      return v instanceof FErr || typeof v !== 'object' || v instanceof Date
        ? undefined
        : { rows: v.grid.length, cols: v.grid[0]?.length ?? 0 };
    }
    case 'un':
    case 'pct':
      return arrayExtent(n.a, cx);
    case 'bin':
      return widest(arrayExtent(n.a, cx), arrayExtent(n.b, cx));
    case 'call':
      if (AGGREGATES.has(n.name)) return undefined;
      return n.args.reduce<{ rows: number; cols: number } | undefined>(
        (acc, a) => widest(acc, arrayExtent(a, cx)),
        undefined,
      );
    default:
      return undefined;
  }
}

function widest(
  a: { rows: number; cols: number } | undefined,
  b: { rows: number; cols: number } | undefined,
): { rows: number; cols: number } | undefined {
  if (!a) return b;
  if (!b) return a;
  return { rows: Math.max(a.rows, b.rows), cols: Math.max(a.cols, b.cols) };
}

/** ARRAYFORMULA(expr): expr evaluated for every element of its ranges, as a grid that spills. */
function arrayFormula(expr: Node | undefined, cx: Ctx): V {
  if (!expr) return new FErr('#N/A', 'Wrong number of arguments to ARRAYFORMULA.');
  const ext = arrayExtent(expr, { ...cx, at: undefined });
  if (!ext) return evaluate(expr, cx);
  const grid: CellValue[][] = [];
  for (let i = 0; i < ext.rows; i++) {
    const row: CellValue[] = [];
    for (let j = 0; j < ext.cols; j++) {
      const v = scalar(evaluate(expr, { ...cx, at: { i, j } }));
      row.push(v instanceof FErr ? v.code : v);
    }
    grid.push(row);
  }
  return { grid };
}

function readRef(text: string, cx: Ctx): V {
  const ref = parseA1(text);
  if (!ref) return new FErr('#REF!', `Bad reference ${text}.`);
  const sheet = ref.sheet === undefined ? cx.sheet : cx.book.byName(ref.sheet);
  if (!sheet) return new FErr('#REF!', `Unresolved sheet name '${ref.sheet}'.`);
  const endRow = Math.min(ref.endRow ?? sheet.maxRows, sheet.maxRows);
  const endCol = Math.min(ref.endCol ?? sheet.maxCols, sheet.maxCols);
  const cell = (r: number, c: number): CellValue => {
    const m = sheet.metaAt(r, c);
    const v = sheet.value(r, c);
    return m?.format ? valueForFormat(v, m.format, cx.book.timeZone) : v;
  };
  if (!text.includes(':')) return cell(ref.row - 1, ref.col - 1);
  if (cx.at) {
    const r = ref.row - 1 + cx.at.i;
    const c = ref.col - 1 + cx.at.j;
    return r < endRow && c < endCol ? cell(r, c) : '';
  }
  const grid: CellValue[][] = [];
  for (let r = ref.row - 1; r < endRow; r++) {
    const row: CellValue[] = [];
    for (let c = ref.col - 1; c < endCol; c++) row.push(cell(r, c));
    grid.push(row);
  }
  return { grid };
}

function scalar(v: V): CellValue | FErr {
  if (v instanceof FErr) return v;
  if (typeof v === 'object' && !(v instanceof Date)) return v.grid[0]?.[0] ?? '';
  return v;
}

function isErrText(v: unknown): boolean {
  return typeof v === 'string' && /^#(REF!|N\/A|NAME\?|VALUE!|DIV\/0!|NUM!|ERROR!|NULL!)$/.test(v);
}

function num(v: V, tz: string): number | FErr {
  const s = scalar(v);
  if (s instanceof FErr) return s;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s === '') return 0;
  if (s instanceof Date) return dateToSerial(s, tz);
  if (isErrText(s)) return new FErr(s as string, 'Error in referenced cell.');
  const n = Number(s.replace(/,/g, ''));
  if (s.trim() !== '' && Number.isFinite(n)) return n;
  return new FErr('#VALUE!', `Function expects number values. But '${s}' is a text and cannot be coerced to a number.`);
}

function text(v: V, tz: string): string | FErr {
  const s = scalar(v);
  if (s instanceof FErr) return s;
  if (typeof s === 'number') return generalNumber(s);
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  if (s instanceof Date) return generalNumber(dateToSerial(s, tz));
  return s;
}

function bool(v: V, tz: string): boolean | FErr {
  const s = scalar(v);
  if (s instanceof FErr) return s;
  if (typeof s === 'boolean') return s;
  if (typeof s === 'string') {
    if (/^true$/i.test(s)) return true;
    if (/^false$/i.test(s) || s === '') return false;
    return new FErr('#VALUE!', `'${s}' is not a boolean.`);
  }
  const n = num(s, tz);
  return n instanceof FErr ? n : n !== 0;
}

function flat(vals: V[]): Array<CellValue | FErr> {
  const out: Array<CellValue | FErr> = [];
  for (const v of vals) {
    if (v instanceof FErr || v instanceof Date || typeof v !== 'object') out.push(v);
    else for (const row of v.grid) out.push(...row);
  }
  return out;
}

function compare(a: CellValue, b: CellValue, tz: string): number {
  const norm = (x: CellValue) => (x instanceof Date ? dateToSerial(x, tz) : x);
  const x = norm(a);
  const y = norm(b);
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (x === '' && y !== '')
    return typeof y === 'number'
      ? compare(0, y, tz)
      : typeof y === 'string'
        ? compare('', y, tz)
        : compare(false, y, tz);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

function evaluate(n: Node, cx: Ctx): V {
  const tz = cx.book.timeZone;
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref':
      return readRef(n.v, cx);
    case 'pct': {
      const a = num(evaluate(n.a, cx), tz);
      return a instanceof FErr ? a : a / 100;
    }
    case 'un': {
      const a = num(evaluate(n.a, cx), tz);
      return a instanceof FErr ? a : n.op === '-' ? -a : a;
    }
    case 'bin': {
      const av = scalar(evaluate(n.a, cx));
      const bv = scalar(evaluate(n.b, cx));
      if (av instanceof FErr) return av;
      if (bv instanceof FErr) return bv;
      if (n.op === '&') {
        const a = text(av, tz);
        const b = text(bv, tz);
        return a instanceof FErr ? a : b instanceof FErr ? b : a + b;
      }
      if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
        const c = compare(av, bv, tz);
        switch (n.op) {
          case '=':
            return c === 0;
          case '<>':
            return c !== 0;
          case '<':
            return c < 0;
          case '>':
            return c > 0;
          case '<=':
            return c <= 0;
          default:
            return c >= 0;
        }
      }
      const a = num(av, tz);
      const b = num(bv, tz);
      if (a instanceof FErr) return a;
      if (b instanceof FErr) return b;
      let r: number;
      switch (n.op) {
        case '+':
          r = a + b;
          break;
        case '-':
          r = a - b;
          break;
        case '*':
          r = a * b;
          break;
        case '/':
          if (b === 0) return new FErr('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
          r = a / b;
          break;
        default:
          r = Math.pow(a, b);
      }
      // date +/- days is a date; date - date is a number of days
      const dateResult =
        (n.op === '+' && av instanceof Date !== bv instanceof Date) ||
        (n.op === '-' && av instanceof Date && !(bv instanceof Date));
      return dateResult ? serialToDate(r, tz) : r;
    }
    case 'call':
      return call(n.name, n.args, cx);
  }
}

function call(name: string, args: Node[], outer: Ctx): V {
  // An aggregate reads its ranges whole, also inside ARRAYFORMULA.
  const cx = AGGREGATES.has(name) && outer.at ? { ...outer, at: undefined } : outer;
  const tz = cx.book.timeZone;
  const ev = (i: number): V => (args[i] ? evaluate(args[i], cx) : '');
  const all = () => args.map((a) => evaluate(a, cx));
  switch (name) {
    case 'ARRAYFORMULA':
      return arrayFormula(args[0], cx);
    case 'IF': {
      const c = bool(ev(0), tz);
      if (c instanceof FErr) return c;
      return c ? ev(1) : args.length > 2 ? ev(2) : false;
    }
    case 'IFERROR': {
      const v = scalar(ev(0));
      return v instanceof FErr || isErrText(v) ? (args.length > 1 ? ev(1) : '') : v;
    }
    case 'AND':
    case 'OR': {
      const vals = flat(all());
      let acc = name === 'AND';
      for (const v of vals) {
        if (v === '') continue;
        const b = bool(v, tz);
        if (b instanceof FErr) return b;
        acc = name === 'AND' ? acc && b : acc || b;
      }
      return acc;
    }
    case 'NOT': {
      const b = bool(ev(0), tz);
      return b instanceof FErr ? b : !b;
    }
    case 'SUM':
    case 'AVERAGE':
    case 'MIN':
    case 'MAX':
    case 'COUNT': {
      const nums: number[] = [];
      for (const v of flat(all())) {
        if (v instanceof FErr) return v;
        if (isErrText(v)) return new FErr(v as string, 'Error in referenced cell.');
        if (typeof v === 'number') nums.push(v);
        else if (v instanceof Date) nums.push(dateToSerial(v, tz));
      }
      if (name === 'COUNT') return nums.length;
      if (name === 'SUM') return nums.reduce((a, b) => a + b, 0);
      if (nums.length === 0) return name === 'AVERAGE' ? new FErr('#DIV/0!', 'AVERAGE of no values.') : 0;
      if (name === 'AVERAGE') return nums.reduce((a, b) => a + b, 0) / nums.length;
      return name === 'MIN' ? Math.min(...nums) : Math.max(...nums);
    }
    case 'COUNTA':
      return flat(all()).filter((v) => v !== '').length;
    case 'CONCATENATE':
    case 'CONCAT': {
      let s = '';
      for (const v of flat(all())) {
        const t = text(v, tz);
        if (t instanceof FErr) return t;
        s += t;
      }
      return s;
    }
    case 'LEN':
    case 'UPPER':
    case 'LOWER':
    case 'TRIM': {
      const t = text(ev(0), tz);
      if (t instanceof FErr) return t;
      return name === 'LEN'
        ? t.length
        : name === 'UPPER'
          ? t.toUpperCase()
          : name === 'LOWER'
            ? t.toLowerCase()
            : t.trim().replace(/\s+/g, ' ');
    }
    case 'ROUND':
    case 'ABS': {
      const a = num(ev(0), tz);
      if (a instanceof FErr) return a;
      if (name === 'ABS') return Math.abs(a);
      const d = args.length > 1 ? num(ev(1), tz) : 0;
      if (d instanceof FErr) return d;
      const f = Math.pow(10, d);
      return Math.round(a * f) / f;
    }
    case 'HYPERLINK': {
      const label = args.length > 1 ? ev(1) : ev(0);
      return scalar(label);
    }
    case 'ISBLANK':
      return scalar(ev(0)) === '';
    case 'TODAY': {
      const w = wallTime(tz, cx.now);
      return new Date(zonedToUtc(tz, w.year, w.month - 1, w.day));
    }
    case 'NOW':
      return new Date(cx.now);
    case 'DATE': {
      const [y, m, d] = [num(ev(0), tz), num(ev(1), tz), num(ev(2), tz)];
      if (y instanceof FErr) return y;
      if (m instanceof FErr) return m;
      if (d instanceof FErr) return d;
      return new Date(zonedToUtc(tz, Math.trunc(y), Math.trunc(m) - 1, Math.trunc(d)));
    }
    default:
      return new FErr('#NAME?', `Unknown function: '${name}'.`);
  }
}

const NAMES = new Set([
  'ARRAYFORMULA',
  'IF',
  'IFERROR',
  'AND',
  'OR',
  'NOT',
  'SUM',
  'AVERAGE',
  'MIN',
  'MAX',
  'COUNT',
  'COUNTA',
  'CONCATENATE',
  'CONCAT',
  'LEN',
  'UPPER',
  'LOWER',
  'TRIM',
  'ROUND',
  'ABS',
  'HYPERLINK',
  'ISBLANK',
  'TODAY',
  'NOW',
  'DATE',
]);

/**
 * Value of a plain formula, an error {error, message}, or undefined when the
 * formula uses something this evaluator does not know (then: #NAME?).
 */
export const evaluateBuiltin = Object.assign(
  function evaluateBuiltin(
    formula: string,
    sheet: SheetStore,
    book: WorkbookStore,
    now = Date.now(),
  ): CellValue | CellValue[][] | { error: string; message: string } | undefined {
    const toks = tokenize(formula.replace(/^=/, ''));
    if (!toks) return { error: '#ERROR!', message: 'Formula parse error.' };
    if (toks.some((t) => t.t === 'fn' && !NAMES.has(t.v))) return undefined;
    let v: V;
    try {
      v = evaluate(new Parser(toks).parse(), { sheet, book, now });
    } catch (e) {
      if (e instanceof FErr) return { error: e.code, message: e.message };
      throw e;
    }
    // An array result (ARRAYFORMULA) spills from the formula's cell (formulas.ts).
    if (typeof v === 'object' && !(v instanceof Date) && !(v instanceof FErr) && toks[0]?.v === 'ARRAYFORMULA')
      return v.grid;
    const s = scalar(v);
    if (s instanceof FErr) return { error: s.code, message: s.message };
    if (typeof s === 'number' && !Number.isFinite(s))
      return { error: '#NUM!', message: 'Result is not a finite number.' };
    return s;
  },
  { names: NAMES },
);
