/**
 * Load spreading (SPEC 3.8): more than `maxFollowUpsPerDay` recurring items on
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
import type { CalDate, WorkCalendar } from '../dates';
import { nextWorking as nextWorkingDay, plusDays as addDays } from './days';
import { withDue, type DueItem } from './dueItem';

function tierRank(it: DueItem): number {
  const t = it.detail.tier;
  return t === 'A' ? 0 : t === 'B' ? 1 : t === 'C' ? 2 : 3;
}

interface Entry {
  index: number;
  rank: number;
  due: CalDate;
  id: string;
  /** The day it counts on before spreading: its due day, or today when overdue. */
  home: CalDate;
}

function byPriority(a: Entry, b: Entry): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.index - b.index;
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

/**
 * The items with spreadable ones moved as needed; same length and order as
 * the input, unchanged items are the same objects.
 */
export function spreadLoad(items: readonly DueItem[], maxPerDay: number, today: CalDate, cal: WorkCalendar): DueItem[] {
  const out = items.slice();
  if (!(maxPerDay >= 1)) return out;
  const anchor = nextWorkingDay(today, cal);
  const entries: Entry[] = [];
  items.forEach((it, index) => {
    if (!it.spreadable) return;
    const home = it.due < anchor ? anchor : nextWorkingDay(it.due, cal);
    entries.push({ index, rank: tierRank(it), due: it.due, id: it.customerId, home });
  });
  // The priority order is fixed: sort once, then the heap holds positions in it.
  entries.sort(byPriority);
  const byDay = new Map<CalDate, number[]>();
  entries.forEach((e, ord) => {
    const list = byDay.get(e.home);
    if (list) list.push(ord);
    else byDay.set(e.home, [ord]);
  });
  const days = Array.from(byDay.keys()).sort();
  const heap = makeHeap(entries.length);
  let k = 0;
  let day: CalDate | null = days.length > 0 ? days[0] : null;
  while (day !== null) {
    while (k < days.length && days[k] <= day) {
      for (const ord of byDay.get(days[k]) as number[]) heap.push(ord);
      k++;
    }
    for (let n = 0; n < maxPerDay && heap.size() > 0; n++) {
      const e = entries[heap.pop()];
      // Fits on its own day (or, overdue, on today): keeps its date.
      if (e.home === day) continue;
      out[e.index] = withDue(items[e.index], day);
    }
    const following: CalDate | null = heap.size() > 0 ? nextWorkingDay(addDays(day, 1), cal) : null;
    const nextGroup: CalDate | null = k < days.length ? days[k] : null;
    day = following === null ? nextGroup : nextGroup === null || following < nextGroup ? following : nextGroup;
  }
  return out;
}
