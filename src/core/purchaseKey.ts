/**
 * The one idempotency key of a purchase (docs/rules.md, Drafts): what the
 * plan gives each purchase (customerFacts), what the thank-you draft carries
 * in its X-Retain-Key header, and what the nightly run uses to find the
 * purchase's row again after the user sorted the sheet (purchaseRowKeys).
 */
import type { CalDate } from './dates';
import { boundKey } from './digest';
import type { Purchase } from './model';

/**
 * 'C0001|2026-11-20|1200|Widget'. It only uses what the user typed, so it
 * survives sorting and inserted rows; identical purchases (same customer,
 * day, amount and product, e.g. two of the same item on two lines) are told
 * apart by their order, see withOrdinal. A key too long for a property or a
 * mail header (a pasted paragraph as Product) is bounded by boundKey.
 */
export function purchaseKey(customerId: string, date: CalDate, amount: number | null, product: string): string {
  return boundKey(`${customerId}|${date}|${amount === null ? '' : amount}|${product}`);
}

/** The n-th identical purchase (1-based, in row order): the base key, then 'base#2', 'base#3', ... */
export function withOrdinal(base: string, n: number): string {
  return n === 1 ? base : `${base}#${n}`;
}

/** Sheet row → key, for the purchases the plan considers (valid, dated), numbered exactly as the plan numbers them. */
export function purchaseRowKeys(purchases: readonly Purchase[]): Map<number, string> {
  const out = new Map<number, string>();
  const seen = new Map<string, number>();
  const byRow = purchases.filter((p) => p.date !== null && p.problems.length === 0).sort((a, b) => a.row - b.row);
  for (const p of byRow) {
    const base = purchaseKey(p.customerId, p.date as string, p.amount, p.product);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(p.row, withOrdinal(base, n));
  }
  return out;
}
