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
import type { DueItem } from './dueItem';

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

function before(a: Entry, b: Entry): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.due !== b.due) return a.due < b.due;
  if (a.id !== b.id) return a.id < b.id;
  return a.index < b.index;
}

/** A binary min-heap on `before`: each day takes its best `max` items in O(log n) each. */
class Heap {
  private a: Entry[] = [];
  get size(): number {
    return this.a.length;
  }
  push(e: Entry): void {
    const a = this.a;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, a[p])) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = e;
  }
  pop(): Entry {
    const a = this.a;
    const top = a[0];
    const last = a.pop() as Entry;
    if (a.length > 0) {
      // Sift `last` down from the root, moving the hole instead of swapping.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const m = r < a.length && before(a[r], a[l]) ? r : l;
        if (!before(a[m], last)) break;
        a[i] = a[m];
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * The items with spreadable ones moved as needed; same length and order as
 * the input, unchanged items are the same objects.
 */
export function spreadLoad(items: readonly DueItem[], maxPerDay: number, today: CalDate, cal: WorkCalendar): DueItem[] {
  const out = items.slice();
  if (!(maxPerDay >= 1)) return out;
  const anchor = nextWorkingDay(today, cal);
  const byDay = new Map<CalDate, Entry[]>();
  items.forEach((it, index) => {
    if (!it.spreadable) return;
    const day = it.due < anchor ? anchor : nextWorkingDay(it.due, cal);
    const e: Entry = { index, rank: tierRank(it), due: it.due, id: it.customerId, home: day };
    const list = byDay.get(day);
    if (list) list.push(e);
    else byDay.set(day, [e]);
  });
  const days = Array.from(byDay.keys()).sort();
  const heap = new Heap();
  let k = 0;
  let day: CalDate | null = days.length > 0 ? days[0] : null;
  while (day !== null) {
    while (k < days.length && days[k] <= day) {
      for (const e of byDay.get(days[k]) as Entry[]) heap.push(e);
      k++;
    }
    for (let n = 0; n < maxPerDay && heap.size > 0; n++) {
      const e = heap.pop();
      // Fits on its own day (or, overdue, on today): keeps its date.
      if (e.home === day) continue;
      out[e.index] = { ...items[e.index], due: day };
    }
    const following: CalDate | null = heap.size > 0 ? nextWorkingDay(addDays(day, 1), cal) : null;
    const nextGroup: CalDate | null = k < days.length ? days[k] : null;
    day = following === null ? nextGroup : nextGroup === null || following < nextGroup ? following : nextGroup;
  }
  return out;
}
