/**
 * The Purchases and Contact log rows by customer, grouped once per run (the
 * plan reads each customer's own rows from here), and which rows are left
 * out and why.
 */
import type { CalDate } from './dates';
import { tr, type Msg } from './i18n';
import type { Contact, Lang, Purchase, RowProblem } from './model';

export const SHEET_CUSTOMERS = 'Customers';
export const SHEET_PURCHASES = 'Purchases';
export const SHEET_CONTACTS = 'Contact log';

const MSG = {
  unknownCustomer: { en: 'Customer ID "{id}" is not in Customers', zh: '客户编号"{id}"不在客户表中' },
  blankCustomer: { en: 'No Customer ID', zh: '缺少客户编号' },
  noDate: { en: 'No date', zh: '缺少日期' },
  future: { en: 'Date {date} is in the future', zh: '日期{date}晚于今天' },
} satisfies Record<string, Msg>;

/** A row left out, with why; `customerId` set when it belongs to a known customer. */
export interface IgnoredRow {
  problem: RowProblem;
  customerId?: string;
  /**
   * A Contact log row with a cell Retain cannot read whose Type is Visit,
   * blank or unreadable: it may be a visit, so the customer's next visit
   * cannot be placed until it is fixed (docs/data.md, Numbers and dates).
   */
  maybeVisit?: true;
}

/** Why a Purchases or Contact log row is left out, or null when it is usable; `known`: its trimmed ID is in Customers. */
export function rowProblem(
  r: { customerId: string; date: CalDate | null; problems: string[] },
  id: string,
  known: boolean,
  today: CalDate,
  lang: Lang,
): string | null {
  if (r.problems.length > 0) return r.problems.join('; ');
  if (id === '') return tr(lang, MSG.blankCustomer);
  if (!known) return tr(lang, MSG.unknownCustomer, { id });
  if (r.date === null) return tr(lang, MSG.noDate);
  if (r.date > today) return tr(lang, MSG.future, { date: r.date });
  return null;
}

function ignoredRow(sheet: string, row: number, message: string, customerId: string | undefined): IgnoredRow {
  return customerId === undefined
    ? { problem: { sheet, row, message } }
    : { problem: { sheet, row, message }, customerId };
}

/** A bad Contact log row that may be a visit (see IgnoredRow.maybeVisit). */
function maybeVisit(r: { problems: string[]; type?: unknown }): boolean {
  return r.problems.length > 0 && (r.type === 'Visit' || r.type === null);
}

/** The kept rows of one sheet by customer group: group g's are rows[start[g] .. start[g + 1]), in input order. */
export interface RowGroups<T> {
  rows: readonly T[];
  start: Int32Array;
}

/** The Purchases and Contact log rows by customer group number (see groupRows). */
export interface GroupedRows {
  /** null when there is no Purchases sheet. */
  purchases: RowGroups<Purchase> | null;
  /** Each Purchases row's group, or -1 when it is left out (or its customer is); null when there is no Purchases sheet. */
  purchaseGroups: Int32Array | null;
  contacts: RowGroups<Contact>;
  ignored: IgnoredRow[];
}

const NO_ROWS: readonly never[] = Object.freeze([]);

/** Group g's rows as an array of their own, made when asked for (so it is short-lived garbage, not 100,000 arrays kept for the whole plan). */
export function rowsOfGroup<T>(groups: RowGroups<T>, g: number): readonly T[] {
  const from = g < 0 ? 0 : groups.start[g];
  const to = g < 0 ? 0 : groups.start[g + 1];
  return from === to ? NO_ROWS : groups.rows.slice(from, to);
}

/**
 * Purchases and contacts by customer. Rows with problems, without a known
 * customer, without a date or dated after today are left out and reported
 * (a bad row costs only itself, and for a Contact log row that may be a
 * visit, that customer's visit events: docs/data.md, Numbers and dates).
 *
 * For speed (docs/testing.md, Bench): customer IDs numbered 0..groups-1
 * once (`groupOf`; rows of a group with `usable[g]` 0 are dropped
 * silently), so each row costs one map lookup instead of four,
 * and the rows are grouped by a counting sort (no map of growing arrays:
 * 100,000 customers a night, and the garbage collector pays for every spare
 * slot).
 */
export function groupRows(
  purchases: readonly Purchase[] | null,
  contacts: readonly Contact[],
  groupOf: ReadonlyMap<string, number>,
  usable: ArrayLike<boolean | number>,
  today: CalDate,
  lang: Lang,
): GroupedRows {
  const ignored: IgnoredRow[] = [];
  const groups = usable.length;
  const group = <T extends { row: number; customerId: string; date: CalDate | null; problems: string[] }>(
    sheet: string,
    rows: readonly T[],
    of: Int32Array,
  ): RowGroups<T> => {
    // Pass 1: each row's group (-1: left out) and how many rows each group gets.
    const start = new Int32Array(groups + 1);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const id = r.customerId.trim();
      const g = groupOf.get(id);
      const message = rowProblem(r, id, g !== undefined, today, lang);
      if (message !== null) {
        const left = ignoredRow(sheet, r.row, message, g !== undefined ? id : undefined);
        if (sheet === SHEET_CONTACTS && left.customerId !== undefined && maybeVisit(r)) left.maybeVisit = true;
        ignored.push(left);
      }
      const kept = message === null && g !== undefined && usable[g] ? g : -1;
      of[i] = kept;
      if (kept >= 0) start[kept + 1]++;
    }
    for (let g = 0; g < groups; g++) start[g + 1] += start[g];
    // Pass 2: a counting sort by group, stable (input order within a group).
    const sorted: T[] = new Array(start[groups]);
    const next = start.slice(0, groups);
    for (let i = 0; i < rows.length; i++) if (of[i] >= 0) sorted[next[of[i]]++] = rows[i];
    return { rows: sorted, start };
  };
  const purchaseGroups = purchases === null ? null : new Int32Array(purchases.length);
  const byPurchases =
    purchases === null || purchaseGroups === null ? null : group(SHEET_PURCHASES, purchases, purchaseGroups);
  const byContacts = group(SHEET_CONTACTS, contacts, new Int32Array(contacts.length));
  return { purchases: byPurchases, purchaseGroups, contacts: byContacts, ignored };
}
