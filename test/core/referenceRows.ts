/**
 * The plain version of src/core/customerRows.ts's groupRows: rows indexed by
 * customer ID in maps, as the plan did before it numbered the customers for
 * speed. The property tests check that groupRows keeps exactly these rows,
 * sets aside exactly these, in the same order (docs/testing.md, Kinds of tests).
 */
import type { CalDate } from '../../src/core/dates';
import { rowProblem, SHEET_CONTACTS, SHEET_PURCHASES, type IgnoredRow } from '../../src/core/customerRows';
import type { Contact, Lang, Purchase } from '../../src/core/model';

export interface RowIndex {
  /** null when there is no Purchases sheet. */
  purchases: Map<string, Purchase[]> | null;
  contacts: Map<string, Contact[]>;
  ignored: IgnoredRow[];
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Purchases and contacts by customer ID. `known` holds every customer ID in
 * Customers, `usable` those of customers without problems.
 */
export function indexRows(
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  known: ReadonlySet<string>,
  usable: ReadonlySet<string>,
  today: CalDate,
  lang: Lang,
): RowIndex {
  const ignored: IgnoredRow[] = [];
  const check = (
    sheet: string,
    r: { row: number; customerId: string; date: CalDate | null; problems: string[] },
  ): boolean => {
    const id = r.customerId.trim();
    const isKnown = known.has(id);
    const message = rowProblem(r, id, isKnown, today, lang);
    if (message !== null) {
      const problem = { sheet, row: r.row, message };
      ignored.push(isKnown ? { problem, customerId: id } : { problem });
      return false;
    }
    return usable.has(id);
  };
  let byCustomer: Map<string, Purchase[]> | null = null;
  if (purchases !== null) {
    byCustomer = new Map();
    for (const p of purchases) if (check(SHEET_PURCHASES, p)) push(byCustomer, p.customerId.trim(), p);
  }
  const contactMap = new Map<string, Contact[]>();
  for (const k of contacts) if (check(SHEET_CONTACTS, k)) push(contactMap, k.customerId.trim(), k);
  return { purchases: byCustomer, contacts: contactMap, ignored };
}
