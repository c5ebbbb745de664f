/**
 * Buying rhythm and "slipping away" (docs/rules.md, Win-back): customers who
 * stop buying seldom say so, they just stop. Each customer is measured against
 * their own rhythm, not a fixed number of days:
 *
 * - purchase days: distinct dates with a usable purchase (three lines on one
 *   invoice, or two orders on one day, are one visit to the shop);
 * - usual gap: the median of the gaps between consecutive purchase days (the
 *   median, so one long holiday does not move it); a customer with fewer than
 *   `minPurchases` purchase days has no rhythm of their own yet and takes the
 *   typical gap of their tier (the median of the usual gaps of the tier's
 *   customers who have one), else of the whole book, else none (not judged);
 * - the line: `factor` × the usual gap. Slipping when the days since the last
 *   purchase exceed it: daysSince > factor × gap, compared exactly (below).
 *   `crossedOn` is the first such day, lastPurchase + floor(factor × gap) + 1:
 *   in the past or today when slipping, the day it will happen otherwise.
 * - revenue at stake: what a year of their usual buying is worth, spend per
 *   purchase day × horizonDays / usual gap. Not last year's revenue: a
 *   customer who has been slipping for months has little of it left, and the
 *   question is what is lost if they are gone for good.
 *
 * Exactness: factor is taken as the decimal it prints as (2.2 is 22/10) and
 * every gap is a multiple of 1/4 (a median of whole days is whole or a half,
 * a median of those a quarter), so floor(factor × gap) is integer arithmetic:
 * 0.57 × 100 is 57, not the 56.99999999999999 of binary floating point.
 *
 * Cost: linear in customers and purchases (plus sorting each customer's own
 * few dates): purchases are bucketed by customer in two counting passes over
 * typed arrays; 100,000 customers with 500,000 purchases in well under a
 * second (tools/bench.ts).
 */
import { toDayNumber, fromDayNumber, type CalDate } from './dates';
import type { Tier } from './model';

export interface RiskOptions {
  /** riskFactor: slipping when the days since the last purchase exceed factor × the usual gap. */
  factor: number;
  /** riskMinPurchases: purchase days needed for a rhythm of one's own. */
  minPurchases: number;
  /** Revenue at stake covers this many days of usual buying (default 365). */
  horizonDays?: number;
}

export const DEFAULT_RISK_OPTIONS: Readonly<Required<RiskOptions>> = Object.freeze({
  factor: 2,
  minPurchases: 3,
  horizonDays: 365,
});

/** A purchase as read (model.Purchase fits): rows with a problem or no date are ignored. */
export interface PurchaseLike {
  customerId: string;
  date: CalDate | null;
  amount: number | null;
  problems?: readonly string[];
}

export interface BookCustomer {
  id: string;
  /** The fallback group: customers without a rhythm of their own take their tier's. */
  tier: Tier | null;
}

/** Where the usual gap comes from. */
export type RhythmBasis = 'own' | 'tier' | 'book';

export interface Risk {
  /** Distinct purchase days up to today. */
  purchaseDays: number;
  lastPurchase: CalDate;
  daysSince: number;
  /** Days, a multiple of 0.25: the customer's own median gap, or the tier's / book's typical one. */
  usualGap: number;
  basis: RhythmBasis;
  /** The tier whose typical gap was used (basis 'tier'). */
  tier: Tier | null;
  /** factor × usualGap, exactly as a decimal would give it (rounded to 1e-9 for display). */
  lineDays: number;
  /** The first day past the line: lastPurchase + floor(factor × usualGap) + 1. */
  crossedOn: CalDate;
  slipping: boolean;
  /** Days past the line: daysSince - floor(factor × usualGap) (1 on crossedOn), 0 when not slipping. */
  daysOverdue: number;
  /** Spend per purchase day (known amounts only); null when no amount is known. */
  spendPerPurchaseDay: number | null;
  /** spendPerPurchaseDay × horizonDays / usualGap, to the cent; 0 when no amount is known. */
  revenueAtStake: number;
}

// ---------------------------------------------------------------- exact lines

/** factor as num / 10^scale, exactly as it prints (2.2 -> 22 / 10). */
function decimalOf(x: number): { num: bigint; den: bigint } {
  const s = String(x);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const frac = dot < 0 ? '' : mantissa.slice(dot + 1);
  const digits = BigInt((dot < 0 ? mantissa : mantissa.slice(0, dot)) + frac);
  const scale = frac.length - exponent;
  const ten = BigInt(10);
  return scale >= 0
    ? { num: digits, den: ten ** BigInt(scale) }
    : { num: digits * ten ** BigInt(-scale), den: BigInt(1) };
}

/** floor(factor × quarters / 4) for a whole number of quarter days: the last day not past the line. */
function lineFloor(factor: { num: bigint; den: bigint }, quarters: number): number {
  return Number((factor.num * BigInt(quarters)) / (factor.den * BigInt(4)));
}

function checkOptions(o: RiskOptions): Required<RiskOptions> {
  const horizonDays = o.horizonDays ?? DEFAULT_RISK_OPTIONS.horizonDays;
  if (!(Number.isFinite(o.factor) && o.factor > 0))
    throw new Error(`riskFactor must be a positive number, got ${o.factor}`);
  if (!(Number.isInteger(o.minPurchases) && o.minPurchases >= 1))
    throw new Error(`riskMinPurchases must be a whole number >= 1, got ${o.minPurchases}`);
  if (!(Number.isFinite(horizonDays) && horizonDays > 0))
    throw new Error(`horizonDays must be positive, got ${horizonDays}`);
  return { factor: o.factor, minPurchases: o.minPurchases, horizonDays };
}

// ---------------------------------------------------------------- rhythms (columnar)

/**
 * Every customer's rhythm, as columns indexed by customer number. Input: for
 * each purchase, its customer number (-1: skip), its day number and its
 * amount (NaN: unknown). Days after `lastDay` are ignored.
 */
export interface RhythmTable {
  /** Distinct purchase days. */
  count: Int32Array;
  /** Day number of the last purchase day (meaningless when count is 0). */
  last: Int32Array;
  /** Median gap in quarter days; -1 when there are fewer than two purchase days. */
  gapQuarters: Int32Array;
  /** Sum of known amounts / purchase days with a known amount; NaN when none. */
  spend: Float64Array;
}

// Purchase keys: day and "has a known amount" in one sortable whole number.
const DAY_OFFSET = 1_000_000;

/** Bucket the purchases by customer (counting sort): keys[start[c] .. start[c + 1]) are customer c's. */
function bucket(
  customerOf: Int32Array,
  dayOf: Int32Array,
  amountOf: Float64Array,
  customers: number,
  lastDay: number,
): { start: Int32Array; keys: Int32Array; total: Float64Array } {
  const start = new Int32Array(customers + 1);
  const total = new Float64Array(customers);
  for (let i = 0; i < customerOf.length; i++) {
    const c = customerOf[i];
    if (c >= 0 && dayOf[i] <= lastDay) start[c + 1]++;
  }
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const keys = new Int32Array(start[customers]);
  for (let i = 0; i < customerOf.length; i++) {
    const c = customerOf[i];
    if (c < 0 || dayOf[i] > lastDay) continue;
    const a = amountOf[i];
    const known = a === a; // not NaN
    keys[fill[c]++] = (dayOf[i] + DAY_OFFSET) * 2 + (known ? 1 : 0);
    if (known) total[c] += a;
  }
  return { start, keys, total };
}

/** The median of gaps[0 .. n) (sorted in place), in quarter days. */
function medianQuarters(gaps: Int32Array, n: number): number {
  const g = gaps.subarray(0, n);
  g.sort();
  const mid = n >> 1;
  return n % 2 === 1 ? g[mid] * 4 : (g[mid - 1] + g[mid]) * 2;
}

export function rhythmTable(
  customerOf: Int32Array,
  dayOf: Int32Array,
  amountOf: Float64Array,
  customers: number,
  lastDay: number,
): RhythmTable {
  const { start, keys, total } = bucket(customerOf, dayOf, amountOf, customers, lastDay);
  const count = new Int32Array(customers);
  const last = new Int32Array(customers);
  const gapQuarters = new Int32Array(customers).fill(-1);
  const spend = new Float64Array(customers).fill(NaN);
  let gaps = new Int32Array(64);
  for (let c = 0; c < customers; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (from === to) continue;
    const own = keys.subarray(from, to);
    if (to - from > 1) own.sort();
    if (to - from > gaps.length) gaps = new Int32Array(to - from);
    let days = 0;
    let knownDays = 0;
    let prevDay = NaN;
    let prevKnownDay = NaN;
    for (let k = 0; k < own.length; k++) {
      const day = (own[k] >> 1) - DAY_OFFSET;
      if (day !== prevDay) {
        if (days > 0) gaps[days - 1] = day - prevDay;
        days++;
        prevDay = day;
      }
      if ((own[k] & 1) === 1 && day !== prevKnownDay) {
        knownDays++;
        prevKnownDay = day;
      }
    }
    count[c] = days;
    last[c] = prevDay;
    if (days >= 2) gapQuarters[c] = medianQuarters(gaps, days - 1);
    if (knownDays > 0) spend[c] = total[c] / knownDays;
  }
  return { count, last, gapQuarters, spend };
}

// ---------------------------------------------------------------- fallback and judgement

/** Typical usual gap (quarter days) by tier and over the whole book; -1 when there is none. */
export interface RiskFallback {
  byTier: Record<Tier, number>;
  book: number;
}

/**
 * The median of whole quarter-day values, as a whole number of quarters: the
 * mean of the two middle ones (even count) is rounded up, the cautious side
 * (the line a little further out); -1 for none.
 */
function medianOfQuarters(xs: number[]): number {
  if (xs.length === 0) return -1;
  const a = Int32Array.from(xs).sort();
  const mid = a.length >> 1;
  return a.length % 2 === 1 ? a[mid] : Math.ceil((a[mid - 1] + a[mid]) / 2);
}

/** Medians of the own rhythms (count >= minPurchases) per tier and overall, in quarter days. */
export function riskFallback(t: RhythmTable, tierOf: ArrayLike<Tier | null>, minPurchases: number): RiskFallback {
  const own = Math.max(2, minPurchases);
  const byTier: Record<Tier, number[]> = { A: [], B: [], C: [] };
  const all: number[] = [];
  for (let c = 0; c < t.count.length; c++) {
    if (t.count[c] < own) continue;
    const q = t.gapQuarters[c];
    all.push(q);
    const tier = tierOf[c];
    if (tier === 'A' || tier === 'B' || tier === 'C') byTier[tier].push(q);
  }
  return {
    byTier: { A: medianOfQuarters(byTier.A), B: medianOfQuarters(byTier.B), C: medianOfQuarters(byTier.C) },
    book: medianOfQuarters(all),
  };
}

function judge(
  t: RhythmTable,
  c: number,
  tier: Tier | null,
  fallback: RiskFallback,
  today: number,
  o: Required<RiskOptions>,
  factor: { num: bigint; den: bigint },
): Risk | null {
  const count = t.count[c];
  if (count === 0) return null;
  let quarters: number;
  let basis: RhythmBasis;
  if (count >= Math.max(2, o.minPurchases)) {
    quarters = t.gapQuarters[c];
    basis = 'own';
  } else if (tier !== null && fallback.byTier[tier] > 0) {
    quarters = fallback.byTier[tier];
    basis = 'tier';
  } else if (fallback.book > 0) {
    quarters = fallback.book;
    basis = 'book';
  } else return null;
  const last = t.last[c];
  const daysSince = today - last;
  const floor = lineFloor(factor, quarters);
  const slipping = daysSince > floor;
  const usualGap = quarters / 4;
  const spend = t.spend[c];
  const atStake = spend === spend ? Math.round(((spend * o.horizonDays) / usualGap) * 100) / 100 : 0;
  return {
    purchaseDays: count,
    lastPurchase: fromDayNumber(last),
    daysSince,
    usualGap,
    basis,
    tier: basis === 'tier' ? tier : null,
    lineDays: Math.round(o.factor * usualGap * 1e9) / 1e9,
    crossedOn: fromDayNumber(last + floor + 1),
    slipping,
    daysOverdue: slipping ? daysSince - floor : 0,
    spendPerPurchaseDay: spend === spend ? spend : null,
    revenueAtStake: atStake,
  };
}

/**
 * The risk of every customer of a rhythm table on day number `today` (null:
 * no purchase up to today, or nothing to judge by); `tierOf[c]` is customer
 * c's fallback group. The fallback table is computed from the same rhythms.
 */
export function tableRisks(
  t: RhythmTable,
  tierOf: ArrayLike<Tier | null>,
  today: number,
  options: RiskOptions,
): Array<Risk | null> {
  const o = checkOptions(options);
  const fallback = riskFallback(t, tierOf, o.minPurchases);
  const factor = decimalOf(o.factor);
  const out: Array<Risk | null> = new Array(t.count.length);
  for (let c = 0; c < t.count.length; c++) out[c] = judge(t, c, tierOf[c] ?? null, fallback, today, o, factor);
  return out;
}

// ---------------------------------------------------------------- the whole book

/**
 * Every customer's risk on `today`, aligned with `customers` (null: no
 * purchase up to today, or nothing to judge by). Purchases are matched by
 * Customer ID; rows with a problem, no date, or a date after today are
 * ignored. Customers sharing an ID share its purchases. Throws on options a
 * caller should have validated (factor <= 0, minPurchases < 1).
 */
export function bookRisk(
  customers: readonly BookCustomer[],
  purchases: readonly PurchaseLike[],
  today: CalDate,
  options: RiskOptions = DEFAULT_RISK_OPTIONS,
): Array<Risk | null> {
  const o = checkOptions(options);
  const groupOf = new Map<string, number>();
  const groupAt = new Int32Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const id = customers[i].id;
    let g = groupOf.get(id);
    if (g === undefined) groupOf.set(id, (g = groupOf.size));
    groupAt[i] = id === '' ? -1 : g;
  }
  const n = purchases.length;
  const customerOf = new Int32Array(n);
  const dayOf = new Int32Array(n);
  const amountOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = purchases[i];
    const g =
      p.date === null || (p.problems !== undefined && p.problems.length > 0) ? undefined : groupOf.get(p.customerId);
    customerOf[i] = g === undefined || p.customerId === '' ? -1 : g;
    dayOf[i] = g === undefined ? 0 : toDayNumber(p.date as CalDate);
    amountOf[i] = p.amount === null ? NaN : p.amount;
  }
  const t = rhythmTable(customerOf, dayOf, amountOf, groupOf.size, toDayNumber(today));
  // A group's tier: its first customer's (a duplicate ID's tier is the first row's).
  const tierOfGroup: Array<Tier | null> = new Array(groupOf.size).fill(null);
  const seen = new Uint8Array(groupOf.size);
  for (let i = 0; i < customers.length; i++) {
    const g = groupAt[i];
    if (g >= 0 && seen[g] === 0) {
      seen[g] = 1;
      tierOfGroup[g] = customers[i].tier;
    }
  }
  const risks = tableRisks(t, tierOfGroup, toDayNumber(today), o);
  const out: Array<Risk | null> = new Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const g = groupAt[i];
    out[i] = g < 0 ? null : risks[g];
  }
  return out;
}

/**
 * When a win-back call is due (docs/rules.md, Win-back): on crossedOn, shown
 * from then on (the plan shows it as due today once it is past), until a
 * contact on or after crossedOn completes it; a new purchase moves the line,
 * so the item comes back only after the next lapse. null: nothing due.
 */
export function winBackDue(risk: Risk | null, contactDates: readonly CalDate[]): CalDate | null {
  if (risk === null) return null;
  for (const d of contactDates) if (d >= risk.crossedOn) return null;
  return risk.crossedOn;
}
