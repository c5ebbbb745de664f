/**
 * How often the "slipping away" flag was right, on the user's own Purchases
 * history (docs/rules.md, Win-back). The history is cut `windowDays` (90)
 * before its last purchase; every customer who had bought by the cut is
 * judged as the rule would have judged them on the cut, and the next 90 days
 * tell whether they came back.
 *
 * - Flagged: slipping on the cut (risk.ts; tiers for the fallback from the
 *   revenue of the 365 days up to the cut, cut-offs 0.8 / 0.95).
 * - The naive rule for comparison: no purchase in the 90 days up to the cut
 *   (the cut and the 89 days before it).
 * - Bought again: a purchase after the cut, up to the end of the history.
 * - Precision: the share of flagged customers who did NOT buy again. The flag
 *   says "this customer is drifting away"; it is right when they do not come
 *   back by themselves, and a win-back call spent on someone who buys anyway
 *   is a call wasted.
 * - Lift: precision / the base rate, the share of all customers judged who
 *   did not buy again: how much better than calling customers at random the
 *   flag picks the ones who are leaving (1 = no better).
 * - Recall: the share of the customers who did not buy again that the rule
 *   flagged (how many of the leavers it would have called).
 */
import { toDayNumber, addDays, type CalDate } from './dates';
import type { Tier } from './model';
import { bookRisk, DEFAULT_RISK_OPTIONS, type PurchaseLike, type RiskOptions } from './risk';
import { assignTiers } from './tiers';

export interface RuleResult {
  flagged: number;
  flaggedBoughtAgain: number;
  unflagged: number;
  unflaggedBoughtAgain: number;
  /** Share of the flagged who did not buy again; null when none was flagged. */
  precision: number | null;
  /** precision / baseRate; null when either is undefined or the base rate is 0. */
  lift: number | null;
  /** Share of those who did not buy again that were flagged; null when everyone bought again. */
  recall: number | null;
}

export interface Backtest {
  /** The last purchase in the history (not after today). */
  end: CalDate;
  cut: CalDate;
  windowDays: number;
  /** Customers with a purchase on or before the cut: the ones judged. */
  customers: number;
  boughtAgain: number;
  /** Share of the judged customers who did not buy again. */
  baseRate: number;
  rhythm: RuleResult;
  naive: RuleResult;
}

export interface BacktestOptions extends RiskOptions {
  /** Days after the cut that tell (default 90); also the naive rule's days. (RiskOptions.horizonDays is the revenue at stake's.) */
  windowDays?: number;
  /** Purchases after today are ignored (a date typed wrong). */
  today: CalDate;
}

function usable(p: PurchaseLike): p is PurchaseLike & { date: CalDate } {
  return p.date !== null && p.customerId !== '' && (p.problems === undefined || p.problems.length === 0);
}

function result(flags: boolean[], back: boolean[], baseRate: number): RuleResult {
  let flagged = 0;
  let flaggedBack = 0;
  let unflaggedBack = 0;
  let leavers = 0;
  let caught = 0;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i]) flagged++;
    if (back[i]) {
      if (flags[i]) flaggedBack++;
      else unflaggedBack++;
    } else {
      leavers++;
      if (flags[i]) caught++;
    }
  }
  const precision = flagged === 0 ? null : (flagged - flaggedBack) / flagged;
  return {
    flagged,
    flaggedBoughtAgain: flaggedBack,
    unflagged: flags.length - flagged,
    unflaggedBoughtAgain: unflaggedBack,
    precision,
    lift: precision === null || baseRate === 0 ? null : precision / baseRate,
    recall: leavers === 0 ? null : caught / leavers,
  };
}

/** Tiers on the cut: revenue of the 365 days up to it, the default cut-offs. */
function tiersAt(ids: string[], purchases: ReadonlyArray<PurchaseLike & { date: CalDate }>, cut: CalDate): Tier[] {
  const from = addDays(cut, -364);
  const revenue = new Map<string, number>();
  for (const p of purchases) {
    if (p.date >= from && p.date <= cut && p.amount !== null)
      revenue.set(p.customerId, (revenue.get(p.customerId) ?? 0) + p.amount);
  }
  return assignTiers(
    ids.map((id) => revenue.get(id) ?? 0),
    [0.8, 0.95],
    'revenue',
  ) as Tier[];
}

/**
 * The backtest of the flag and of the naive rule, or null when the history
 * is too short: no purchase on or before the cut.
 */
export function backtest(purchases: readonly PurchaseLike[], options: BacktestOptions): Backtest | null {
  const horizon = options.windowDays ?? 90;
  const rows = purchases.filter(usable).filter((p) => p.date <= options.today);
  if (rows.length === 0) return null;
  let end = rows[0].date;
  for (const p of rows) if (p.date > end) end = p.date;
  const cut = addDays(end, -horizon);
  const lastBefore = new Map<string, CalDate>();
  const back = new Set<string>();
  for (const p of rows) {
    if (p.date <= cut) {
      const seen = lastBefore.get(p.customerId);
      if (seen === undefined || p.date > seen) lastBefore.set(p.customerId, p.date);
    } else back.add(p.customerId);
  }
  const ids = [...lastBefore.keys()].sort();
  if (ids.length === 0) return null;
  const tiers = tiersAt(ids, rows, cut);
  const risks = bookRisk(
    ids.map((id, i) => ({ id, tier: tiers[i] })),
    rows,
    cut,
    { ...DEFAULT_RISK_OPTIONS, ...options },
  );
  const cutDay = toDayNumber(cut);
  const boughtAgain = ids.map((id) => back.has(id));
  const rhythmFlags = risks.map((r) => r !== null && r.slipping);
  const naiveFlags = ids.map((id) => cutDay - toDayNumber(lastBefore.get(id) as CalDate) >= horizon);
  const returned = boughtAgain.filter(Boolean).length;
  const baseRate = (ids.length - returned) / ids.length;
  return {
    end,
    cut,
    windowDays: horizon,
    customers: ids.length,
    boughtAgain: returned,
    baseRate,
    rhythm: result(rhythmFlags, boughtAgain, baseRate),
    naive: result(naiveFlags, boughtAgain, baseRate),
  };
}
