/**
 * Load spreading (docs/rules.md, Merging and load spreading): more than `maxFollowUpsPerDay` recurring items on
 * one day move, lowest tier first (C, then B, then A), to the next working
 * day, and so on day by day. Only recurring items take part (`spreadable`):
 * post-sale steps, complaints, next steps, visits and greetings have a date
 * that matters, the routine keep-in-touch call does not.
 *
 * Overdue recurring items count on today (the next working day when today is
 * not one): a salesperson cannot make 200 overdue calls today, so the ones
 * over the limit move to the following working days, A customers first. The
 * ones that fit keep their overdue date (they stay visibly overdue).
 *
 * Inside a tier, an item that was due earlier keeps its place before one due
 * later (an item moved once is not pushed behind the next day's items again
 * and again), then the customer ID decides: a stable, deterministic order.
 */
import { addDays, nextWorkingDay, type CalDate, type WorkCalendar } from '../dates';
import type { DueItem } from './dueItem';

function tierRank(it: DueItem): number {
  const t = it.detail.tier;
  return t === 'A' ? 0 : t === 'B' ? 1 : t === 'C' ? 2 : 3;
}

/**
 * A binary min-heap of priority ranks (small integers): each day takes its
 * best `max` items in O(log n) each, comparing numbers, not strings.
 */
function makeHeap(capacity: number) {
  const a = new Int32Array(Math.max(1, capacity));
  let size = 0;
  return {
    size: () => size,
    push(v: number): void {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (a[p] <= v) break;
        a[i] = a[p];
        i = p;
      }
      a[i] = v;
    },
    pop(): number {
      const top = a[0];
      const last = a[--size];
      // Sift `last` down from the root, moving the hole instead of swapping.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const m = r < size && a[r] < a[l] ? r : l;
        if (a[m] >= last) break;
        a[i] = a[m];
        i = m;
      }
      a[i] = last;
      return top;
    },
  };
}

/** Stable insertion sort of xs[from .. to) by `cmp`: the few items of one day and tier need no sort machinery. */
function insertionSort(xs: Int32Array, from: number, to: number, cmp: (a: number, b: number) => number): void {
  for (let i = from + 1; i < to; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= from && cmp(xs[j], x) > 0) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

/** Which items load spreading moves (items[index[m]] to due[m], m < count), each at most once. */
export interface SpreadMoves {
  count: number;
  index: Int32Array;
  due: CalDate[];
}

/** The spreadable items: entry e is items[indexOf[e]], whose due date is dues[dueNo[e]] (each distinct date once). */
interface Entries {
  n: number;
  indexOf: Int32Array;
  dueNo: Int32Array;
  dues: CalDate[];
}

function spreadableEntries(items: readonly DueItem[]): Entries {
  const indexOf = new Int32Array(items.length);
  const dueNo = new Int32Array(items.length);
  const dues: CalDate[] = [];
  const dueNoOf = new Map<CalDate, number>();
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!it.spreadable) continue;
    let d = dueNoOf.get(it.due);
    if (d === undefined) {
      d = dues.length;
      dueNoOf.set(it.due, d);
      dues.push(it.due);
    }
    indexOf[n] = i;
    dueNo[n] = d;
    n++;
  }
  return { n, indexOf, dueNo, dues };
}

/**
 * The entries in priority order (tier, due, customer ID, input order): a
 * counting sort on (tier rank, due rank), stable, so each bucket stays in
 * input order; then each bucket by customer ID (stable).
 */
function priorityOrder(items: readonly DueItem[], x: Entries): Int32Array {
  const { n, indexOf, dueNo, dues } = x;
  const dueCount = dues.length;
  // Due dates ranked in string order.
  const dueRank = new Int32Array(dueCount);
  dues
    .map((_, k) => k)
    .sort((a, b) => (dues[a] < dues[b] ? -1 : dues[a] > dues[b] ? 1 : 0))
    .forEach((k, r) => (dueRank[k] = r));
  const keyCount = 4 * dueCount;
  const key = new Int32Array(n);
  const bucketStart = new Int32Array(keyCount + 1);
  for (let e = 0; e < n; e++) {
    key[e] = tierRank(items[indexOf[e]]) * dueCount + dueRank[dueNo[e]];
    bucketStart[key[e] + 1]++;
  }
  for (let k = 0; k < keyCount; k++) bucketStart[k + 1] += bucketStart[k];
  const order = new Int32Array(n);
  const fill = bucketStart.slice(0, keyCount);
  for (let e = 0; e < n; e++) order[fill[key[e]]++] = e;
  // Customer IDs usually ascend with the rows (Set up numbers them so), and
  // the items come in row order: then every bucket is already in ID order
  // (a stable sort would leave it as it is) and the sorting is skipped.
  let idsAscending = true;
  for (let e = 1; e < n && idsAscending; e++)
    if (items[indexOf[e - 1]].customerId > items[indexOf[e]].customerId) idsAscending = false;
  const byId = (a: number, b: number): number => {
    const p = items[indexOf[a]].customerId;
    const q = items[indexOf[b]].customerId;
    return p === q ? 0 : p < q ? -1 : 1;
  };
  for (let k = 0; k < keyCount && !idsAscending; k++) {
    const from = bucketStart[k];
    const to = bucketStart[k + 1];
    if (to - from <= 1) continue;
    if (to - from <= 16) insertionSort(order, from, to, byId);
    else order.set(Array.from(order.subarray(from, to)).sort(byId), from);
  }
  return order;
}

/** Positions in the priority order (what the heap holds), grouped by home day: day h's are ords[start[h] .. start[h + 1]). */
interface HomeDays {
  homes: CalDate[];
  start: Int32Array;
  ords: Int32Array;
}

function byHomeDay(x: Entries, homeOfDue: readonly CalDate[], order: Int32Array): HomeDays {
  const { n, dueNo } = x;
  const dueCount = homeOfDue.length;
  const homes = Array.from(new Set(homeOfDue)).sort();
  const homeRank = new Map<CalDate, number>();
  homes.forEach((h, r) => homeRank.set(h, r));
  const homeNo = new Int32Array(dueCount);
  for (let d = 0; d < dueCount; d++) homeNo[d] = homeRank.get(homeOfDue[d]) as number;
  const start = new Int32Array(homes.length + 1);
  for (let e = 0; e < n; e++) start[homeNo[dueNo[e]] + 1]++;
  for (let h = 0; h < homes.length; h++) start[h + 1] += start[h];
  const dayFill = start.slice(0, homes.length);
  const ords = new Int32Array(n);
  for (let ord = 0; ord < n; ord++) ords[dayFill[homeNo[dueNo[order[ord]]]]++] = ord;
  return { homes, start, ords };
}

/**
 * Which items move, and where. The decisions only, not new items:
 * planNightly, whose items are its own, moves them in place rather than
 * copying 100,000 of them.
 *
 * Cost: each distinct due date is ranked, and given its home day, once; the
 * priority order (tier, due, customer ID, input order) is then a counting sort
 * on (tier, due rank) with only the customer IDs of one tier and day left to
 * compare, rather than a general sort of 100,000 entries comparing strings.
 */
export function spreadMoves(
  items: readonly DueItem[],
  maxPerDay: number,
  today: CalDate,
  cal: WorkCalendar,
): SpreadMoves {
  const moves: SpreadMoves = { count: 0, index: new Int32Array(0), due: [] };
  if (!(maxPerDay >= 1)) return moves;
  const anchor = nextWorkingDay(today, cal);
  const x = spreadableEntries(items);
  // Each due date's home: the day it counts on before spreading (its due day, or today when overdue).
  const homeOfDue: CalDate[] = x.dues.map((d) => (d < anchor ? anchor : nextWorkingDay(d, cal)));
  const order = priorityOrder(items, x);
  const { homes, start, ords } = byHomeDay(x, homeOfDue, order);

  // Day by day from the first home day: each day takes its best maxPerDay items; the rest wait for the next working day.
  const heap = makeHeap(x.n);
  moves.index = new Int32Array(x.n);
  let k = 0;
  let day: CalDate | null = homes.length > 0 ? homes[0] : null;
  while (day !== null) {
    while (k < homes.length && homes[k] <= day) {
      for (let j = start[k]; j < start[k + 1]; j++) heap.push(ords[j]);
      k++;
    }
    for (let m = 0; m < maxPerDay && heap.size() > 0; m++) {
      const e = order[heap.pop()];
      // Fits on its own day (or, overdue, on today): keeps its date.
      if (homeOfDue[x.dueNo[e]] === day) continue;
      moves.index[moves.count++] = x.indexOf[e];
      moves.due.push(day);
    }
    const following: CalDate | null = heap.size() > 0 ? nextWorkingDay(addDays(day, 1), cal) : null;
    const nextGroup: CalDate | null = k < homes.length ? homes[k] : null;
    day = following === null ? nextGroup : nextGroup === null || following < nextGroup ? following : nextGroup;
  }
  return moves;
}
