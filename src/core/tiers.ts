/**
 * ABC tiers (docs/rules.md, Tiers) and the logic of the
 * `=RETAIN_TIER(revenue, [a_cutoff], [b_cutoff], [method])` custom function.
 *
 * revenue method: T = sum of positive revenues, before(i) = sum of the
 *   revenues strictly greater than r_i. A if before(i) < a·T, else B if
 *   before(i) < b·T, else C. So the customer whose revenue crosses a line
 *   stays in the higher tier, ties share a tier, and the top customer is A.
 * count method: among customers with positive revenue, ahead(i) = how many
 *   have strictly more. A if ahead(i)/P < a, else B if < b, else C.
 * Zero or negative revenue is C; a blank is no tier at all.
 *
 * Exactness. "Exactly at the line" must be reliable: with revenues [50, 30, 20]
 * and a = 0.8, the third customer has before = 80 = 0.8 x 100 and is B. In
 * binary floating point 0.8 is 0.8000000000000000444..., so an exact binary
 * comparison would say 80 < 80.00000000000000444 (A), while a rounded float
 * product may or may not land on 80 depending on the numbers. Neither is a
 * rule a user can check by hand. So every revenue and cut-off is taken as the
 * decimal number it prints as (JavaScript's shortest round-trip form, the
 * digits the user typed or Sheets shows at full precision), scaled to integers
 * and compared with BigInt: before·10^k < c·T where the cut-off is c/10^k.
 * No epsilon, so no pair of revenues is too close to tell apart.
 *
 * Speed: one sort (a Float64Array, numeric), then work per distinct value.
 */
import { parseNumber } from './cells';
import type { Tier } from './model';

export type TierMethod = 'revenue' | 'count';

export const DEFAULT_CUTOFFS: Readonly<Record<TierMethod, readonly [number, number]>> = {
  revenue: [0.8, 0.95],
  count: [0.2, 0.5],
};

// ------------------------------------------------------------ exact decimals

/** A positive finite number as digits·10^-scale (scale may be negative for 1e21 and up). */
interface Decimal {
  digits: string;
  scale: number;
}

function decimalOf(x: number): Decimal {
  const s = String(x);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const frac = dot < 0 ? '' : mantissa.slice(dot + 1);
  const digits = (dot < 0 ? mantissa : mantissa.slice(0, dot)) + frac;
  return { digits, scale: frac.length - exponent };
}

const pow10Cache = new Map<number, bigint>();
function pow10(n: number): bigint {
  let p = pow10Cache.get(n);
  if (p === undefined) {
    p = BigInt(10) ** BigInt(n);
    pow10Cache.set(n, p);
  }
  return p;
}

/** A cut-off c as the fraction num/den, exactly as it prints. */
interface Fraction {
  num: bigint;
  den: bigint;
}

function fractionOf(c: number): Fraction {
  const d = decimalOf(c);
  return d.scale >= 0
    ? { num: BigInt(d.digits), den: pow10(d.scale) }
    : { num: BigInt(d.digits) * pow10(-d.scale), den: BigInt(1) };
}

/**
 * The least whole number that is not below c·whole, for whole >= 0. For a
 * whole number x: x < c·whole  <=>  x < ceil(c·whole), so each tier line
 * becomes one threshold computed once, and the per-customer loop compares
 * plain numbers.
 */
function lineAt(c: Fraction, whole: bigint): bigint {
  const x = c.num * whole;
  return (x + c.den - BigInt(1)) / c.den;
}

// ------------------------------------------------------------ assignTiers

function checkCutoffs(cutoffs: readonly [number, number]): void {
  const [a, b] = cutoffs;
  if (!(Number.isFinite(a) && Number.isFinite(b) && a > 0 && a < b && b <= 1)) {
    throw new Error(`Tier cut-offs must satisfy 0 < a < b <= 1, got ${a} and ${b}`);
  }
}

/**
 * Positive revenues, distinct, largest first, with how many customers have
 * each. The sort is on a Float64Array: numeric, no comparator calls.
 */
function distinctDescending(revenues: ReadonlyArray<number | null>): {
  values: number[];
  counts: number[];
  positives: number;
} {
  let positives = 0;
  for (const r of revenues) if (r !== null && r > 0) positives++;
  const sorted = new Float64Array(positives);
  let k = 0;
  for (const r of revenues) if (r !== null && r > 0) sorted[k++] = r;
  sorted.sort();
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const v = sorted[i];
    if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1]++;
    else {
      values.push(v);
      counts.push(1);
    }
  }
  return { values, counts, positives };
}

// Below this every integer sum and product of the fast path is exact in a double.
const EXACT_LIMIT = 2 ** 50;

/**
 * The revenues as whole numbers at one decimal scale, when a small scale does
 * it and everything stays exact in doubles (whole amounts or cents: the
 * common case, and ten times faster than BigInt). Math.round(v·10^s)/10^s === v
 * holds exactly when v prints with at most s decimals (v is the double nearest
 * to an s-decimal number), and stays true for larger s.
 */
function smallScaleWeights(values: number[], counts: number[]): number[] | null {
  let scale = 0;
  let p = 1;
  for (const v of values) {
    while (Math.round(v * p) / p !== v) {
      if (scale === 9) return null;
      scale++;
      p *= 10;
    }
  }
  if (values.length > 0 && values[0] * p >= EXACT_LIMIT) return null;
  const weights = new Array<number>(values.length);
  let total = 0;
  for (let j = 0; j < values.length; j++) {
    weights[j] = Math.round(values[j] * p) * counts[j];
    total += weights[j];
  }
  return total < EXACT_LIMIT ? weights : null;
}

/** The same at any scale, exactly, with BigInt (full-precision floats, 1e-7, 1e21). */
function bigWeights(values: number[], counts: number[]): bigint[] {
  const decimals = values.map(decimalOf);
  let scale = 0;
  for (const d of decimals) if (d.scale > scale) scale = d.scale;
  return decimals.map((d, j) => {
    const w = BigInt(d.digits) * pow10(scale - d.scale);
    return counts[j] === 1 ? w : w * BigInt(counts[j]);
  });
}

/**
 * For each distinct value (largest first) whether it is A, B or C, given how
 * much weight lies strictly before it: `weights[j]` is what value j adds. The
 * lines are whole-number thresholds, so this compares numbers only.
 */
function walk<W extends number | bigint>(weights: W[], lineA: W, lineB: W, zero: W): Tier[] {
  const tiers = new Array<Tier>(weights.length);
  let before = zero;
  for (let j = 0; j < weights.length; j++) {
    tiers[j] = before < lineA ? 'A' : before < lineB ? 'B' : 'C';
    before = ((before as number) + (weights[j] as number)) as W;
  }
  return tiers;
}

function distinctTiers(
  values: number[],
  counts: number[],
  positives: number,
  a: Fraction,
  b: Fraction,
  method: TierMethod,
): Tier[] {
  if (method === 'count') {
    // Weight = number of customers; the whole is P, so the lines fit in a double.
    const whole = BigInt(positives);
    return walk(counts, Number(lineAt(a, whole)), Number(lineAt(b, whole)), 0);
  }
  const small = smallScaleWeights(values, counts);
  if (small) {
    let total = 0;
    for (const w of small) total += w;
    const whole = BigInt(total);
    return walk(small, Number(lineAt(a, whole)), Number(lineAt(b, whole)), 0);
  }
  const big = bigWeights(values, counts);
  let total = BigInt(0);
  for (const w of big) total += w;
  return walk(big, lineAt(a, total), lineAt(b, total), BigInt(0));
}

/**
 * The tier of each revenue (null stays null). Throws on cut-offs outside
 * 0 < a < b <= 1 or a revenue that is NaN or infinite: callers validate user
 * input first, so either is a bug to surface, not a value to guess at.
 */
export function assignTiers(
  revenues: ReadonlyArray<number | null>,
  cutoffs: readonly [number, number],
  method: TierMethod,
): Array<Tier | null> {
  checkCutoffs(cutoffs);
  if (method !== 'revenue' && method !== 'count') throw new Error(`Unknown tier method: ${String(method)}`);
  for (let i = 0; i < revenues.length; i++) {
    const r = revenues[i];
    if (r !== null && !Number.isFinite(r)) throw new Error(`Revenue at index ${i} is not a finite number: ${r}`);
  }

  const { values, counts, positives } = distinctDescending(revenues);
  const tiers = distinctTiers(values, counts, positives, fractionOf(cutoffs[0]), fractionOf(cutoffs[1]), method);
  // Tiers only fall as revenue falls, so two numbers say it all: the smallest
  // revenue still A and the smallest still B (no Map over 100,000 values).
  let minA = Infinity;
  let minB = Infinity;
  for (let j = 0; j < values.length; j++) {
    if (tiers[j] === 'A') minA = values[j];
    else if (tiers[j] === 'B') minB = values[j];
  }
  const out = new Array<Tier | null>(revenues.length);
  for (let i = 0; i < revenues.length; i++) {
    const r = revenues[i];
    out[i] = r === null ? null : r <= 0 ? 'C' : r >= minA ? 'A' : r >= minB ? 'B' : 'C';
  }
  return out;
}

// ------------------------------------------------------------ RETAIN_TIER

const FN = 'RETAIN_TIER';

function argText(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Object.prototype.toString.call(v) === '[object Date]') return 'a date';
  return String(v);
}

/** `a_cutoff`/`b_cutoff`: a fraction (0.8, or 80% which Sheets passes as 0.8) or text '0.8' / '80%'. */
function cutoffArg(v: unknown, name: string, fallback: number): number {
  if (Array.isArray(v)) {
    // A one-cell range arrives as its value; a 1x1 array only from array literals like {0.8}.
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return cutoffArg(v[0][0], name, fallback);
    throw new Error(`${FN}: ${name} must be a single number, got a range`);
  }
  if (v === undefined || v === null || v === '') return fallback;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = v.normalize('NFKC').trim();
    const pct = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(s);
    if (pct) n = Number(pct[1]) / 100;
    else if (/^[+-]?(\d+(?:\.\d+)?|\.\d+)$/.test(s)) n = Number(s);
    else throw new Error(`${FN}: ${name} must be a number between 0 and 1, got ${argText(v)}`);
  } else throw new Error(`${FN}: ${name} must be a number between 0 and 1, got ${argText(v)}`);
  if (!(n > 0 && n <= 1)) {
    // 80 almost certainly means 80 %, but 1.5 could mean 15 % or 1.5 %: ask rather than guess.
    const hint = n > 1 && n <= 100 ? ` (for ${n} percent write ${n}% or ${n / 100})` : '';
    throw new Error(`${FN}: ${name} must be between 0 and 1, got ${argText(v)}${hint}`);
  }
  return n;
}

function methodArg(v: unknown): TierMethod {
  if (v === undefined || v === null || v === '') return 'revenue';
  if (typeof v === 'string') {
    const m = v.trim().toLowerCase();
    if (m === 'revenue' || m === 'count') return m;
  }
  throw new Error(`${FN}: method must be "revenue" or "count", got ${argText(v)}`);
}

/**
 * The custom function's whole logic. `revenue` is the 2-D array Sheets passes
 * for a range, one column or one row; the result has the same shape: 'A',
 * 'B', 'C', '' for a blank cell, and for a cell that is not a number an error
 * text such as `#VALUE: "3k" is not a number` (the other cells still compute,
 * and the bad cell counts for nothing in T).
 *
 * Throws (shown by Sheets as #ERROR! with the message) for a single value, a
 * range with several rows and columns, and bad cut-offs or method.
 */
export function retainTier(revenue: unknown, aCutoff?: unknown, bCutoff?: unknown, method?: unknown): string[][] {
  if (!Array.isArray(revenue)) {
    throw new Error(`${FN} needs the whole column, e.g. =RETAIN_TIER(F2:F) — got a single value`);
  }
  const rows = revenue.length;
  if (rows === 0 || !revenue.every((row) => Array.isArray(row))) {
    throw new Error(`${FN} needs a range, e.g. =RETAIN_TIER(F2:F)`);
  }
  const grid = revenue as unknown[][];
  const cols = grid[0].length;
  if (cols === 0 || grid.some((row) => row.length !== cols))
    throw new Error(`${FN} needs a range, e.g. =RETAIN_TIER(F2:F)`);
  if (rows > 1 && cols > 1) {
    throw new Error(`${FN} needs one column or one row, e.g. =RETAIN_TIER(F2:F) — got ${rows} rows × ${cols} columns`);
  }

  const how = methodArg(method);
  const [defA, defB] = DEFAULT_CUTOFFS[how];
  const a = cutoffArg(aCutoff, 'a_cutoff', defA);
  const b = cutoffArg(bCutoff, 'b_cutoff', defB);
  if (!(a < b)) throw new Error(`${FN}: a_cutoff (${a}) must be less than b_cutoff (${b})`);

  const cells: unknown[] = cols === 1 ? grid.map((row) => row[0]) : grid[0];
  const n = cells.length;
  const numbers: Array<number | null> = new Array(n);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    // Fast paths: an open range like F2:F is mostly '' and the rest numbers.
    if (v === '') {
      numbers[i] = null;
      out[i] = '';
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      numbers[i] = v;
    } else {
      const parsed = parseNumber(v);
      if (parsed === null) {
        numbers[i] = null;
        out[i] = '';
      } else if (parsed.ok) {
        numbers[i] = parsed.value;
      } else {
        numbers[i] = null;
        out[i] = `#VALUE: ${parsed.message.en}`;
      }
    }
  }

  const tiers = assignTiers(numbers, [a, b], how);
  for (let i = 0; i < n; i++) {
    const t = tiers[i];
    if (t !== null) out[i] = t;
  }
  return cols === 1 ? out.map((t) => [t]) : [out];
}
