/**
 * Purchase keys by row, computed exactly as the plan computes them
 * (customerFacts.purchaseKey, '#n' for the n-th identical purchase in row
 * order), so the nightly run can find a purchase's row again after the user
 * sorted the sheet.
 */
import { purchaseKey } from './customerFacts';
import type { Purchase } from './model';

/** Sheet row → key, for the purchases the plan considers (valid, dated). */
export function purchaseRowKeys(purchases: readonly Purchase[]): Map<number, string> {
  const out = new Map<number, string>();
  const seen = new Map<string, number>();
  const byRow = purchases.filter((p) => p.date !== null && p.problems.length === 0).sort((a, b) => a.row - b.row);
  for (const p of byRow) {
    const base = purchaseKey(p.customerId, p.date as string, p.amount, p.product);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(p.row, n === 1 ? base : `${base}#${n}`);
  }
  return out;
}
