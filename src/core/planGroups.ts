/**
 * The plan's first passes over the whole list (docs/architecture.md, A
 * nightly run): customers in row order, their IDs numbered once, and every
 * customer's tier. Numbering the IDs lets the Purchases and Contact log rows
 * be grouped by number rather than looked up by ID per customer
 * (customerRows.ts), which is what keeps 100,000 customers under a second
 * (docs/testing.md, Bench).
 */
import { fieldOk } from './cellProblems';
import { factsRevenue, inRevenue, revenueWindowStart, type FactOptions } from './customerFacts';
import { rowsOfGroup, type GroupedRows } from './customerRows';
import type { Contact, Customer, Purchase, Settings, Tier } from './model';
import { assignTiers } from './tiers';

/** The customers sorted by row, stable; the input itself when it already is (the usual case). */
export function byRow(customers: readonly Customer[]): readonly Customer[] {
  for (let i = 1; i < customers.length; i++) {
    if (!(customers[i - 1].row <= customers[i].row)) return customers.slice().sort((a, b) => a.row - b.row);
  }
  return customers;
}

/** Customer IDs numbered once: a group per distinct ID. */
export interface CustomerGroups {
  groupOf: Map<string, number>;
  /**
   * 1 for every group: its Purchases and Contact log rows are read. (A
   * customer's problems are per cell and cost only what needs the cell, so
   * no customer's rows are dropped; kept as bytes, looked up once per row.)
   */
  usable: Uint8Array;
  /** Each customer's group, -1 for a blank ID. */
  groupAt: Int32Array;
}

export function customerGroups(customers: readonly Customer[]): CustomerGroups {
  const groupOf = new Map<string, number>();
  const usable = new Uint8Array(customers.length);
  const groupAt = new Int32Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (c.id === '') {
      groupAt[i] = -1;
      continue;
    }
    let g = groupOf.get(c.id);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(c.id, g);
    }
    usable[g] = 1;
    groupAt[i] = g;
  }
  return { groupOf, usable: usable.subarray(0, groupOf.size), groupAt };
}

/** Customer i's own Purchases rows (null: no Purchases sheet) and Contact log rows. */
export function purchasesOf(index: GroupedRows, groups: CustomerGroups, i: number): readonly Purchase[] | null {
  return index.purchases === null ? null : rowsOfGroup(index.purchases, groups.groupAt[i]);
}

export function contactsOf(index: GroupedRows, groups: CustomerGroups, i: number): readonly Contact[] {
  return rowsOfGroup(index.contacts, groups.groupAt[i]);
}

/**
 * Every customer group's revenue (CustomerFacts.revenue) in one pass over the
 * Purchases rows in sheet order, which is kind to the memory cache, rather
 * than customer by customer, which jumps all over it. Only when the rows come
 * sorted by row (as read from the sheet), so each group's amounts are added in
 * the same order as customerFacts adds them; else null.
 */
function revenueByGroup(
  purchases: readonly Purchase[] | null,
  groups: Int32Array | null,
  count: number,
  o: FactOptions,
): Float64Array | null {
  if (purchases === null || groups === null) return null;
  for (let i = 1; i < purchases.length; i++) if (!(purchases[i - 1].row <= purchases[i].row)) return null;
  const windowStart = revenueWindowStart(o);
  const revenue = new Float64Array(count);
  for (let i = 0; i < purchases.length; i++) {
    const g = groups[i];
    if (g >= 0 && inRevenue(purchases[i], windowStart)) revenue[g] += purchases[i].amount as number;
  }
  return revenue;
}

/**
 * Tiers over all customers, even in team mode (docs/rules.md, Tiers: tiers
 * are over the whole list), except those whose revenue cannot be read: with
 * no Purchases sheet, a customer with an unreadable Revenue cell gets no tier
 * and is left out of the totals (core/cellProblems.ts). A Tier cell holding a
 * formula is the user's decision: its value is kept.
 */
export function tiersOf(
  customers: readonly Customer[],
  purchases: readonly Purchase[] | null,
  index: GroupedRows,
  groups: CustomerGroups,
  settings: Settings,
  o: FactOptions,
): Array<Tier | null> {
  const { groupAt, usable } = groups;
  const byGroup = revenueByGroup(purchases, index.purchaseGroups, usable.length, o);
  const tiered: number[] = [];
  const revenues: Array<number | null> = [];
  for (let i = 0; i < customers.length; i++) {
    if (purchases === null && !fieldOk(customers[i], 'revenue')) continue;
    tiered.push(i);
    revenues.push(
      byGroup === null
        ? factsRevenue(customers[i], purchasesOf(index, groups, i), o)
        : groupAt[i] < 0
          ? 0
          : byGroup[groupAt[i]],
    );
  }
  const assigned = assignTiers(revenues, settings.tierCutoffs, settings.tierMethod);
  const tierOf: Array<Tier | null> = new Array(customers.length).fill(null);
  for (let k = 0; k < tiered.length; k++) {
    const ci = tiered[k];
    tierOf[ci] = customers[ci].tierIsFormula ? customers[ci].tierFromSheet : assigned[k];
  }
  return tierOf;
}
