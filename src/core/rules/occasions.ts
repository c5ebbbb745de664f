/**
 * Occasions (docs/rules.md, Occasions): the customer's birthday, the
 * purchase anniversary (爱车周年) and holidays. All are greetings: they move
 * to the working day before (docs/rules.md, Working days) and are only shown
 * shortly before the day, so the list is not flooded ("do not pester").
 */
import { addDays, daysBetween, nextAnnual, parts, type CalDate } from '../dates';
import { contactedOnOrAfter, type CustomerFacts } from '../customerFacts';
import type { Customer, Holiday, Tier } from '../model';
import type { DueItem, RuleContext } from './dueItem';
import { moveToWorkingDay } from './moves';

/** Birthday and anniversary are shown from this many days before the day. */
export const OCCASION_LEAD_DAYS = 3;
/** Holiday greetings are due this many days before the holiday (the playbook: "call 2-3 days before") ... */
export const HOLIDAY_DUE_DAYS_BEFORE = 2;
/** ... and shown from this many days before it. */
export const HOLIDAY_SHOW_DAYS_BEFORE = 7;

/**
 * The days shown today, by month * 100 + day: today through today + 3, the
 * same answers as nextAnnual (29 February is 28 February in a common year)
 * without a date parse per customer. Kept for the last `today` asked.
 */
let shownFor: CalDate | null = null;
let shown = new Map<number, CalDate>();

function shownDays(today: CalDate): Map<number, CalDate> {
  if (shownFor !== today) {
    const m = new Map<number, CalDate>();
    for (let i = 0; i <= OCCASION_LEAD_DAYS; i++) {
      const d = addDays(today, i);
      const p = parts(d);
      m.set(p.month * 100 + p.day, d);
    }
    // 29 February in a common year falls on 28 February (nextAnnual).
    for (const d of m.values()) {
      const p = parts(d);
      if (p.month === 2 && p.day === 28 && nextAnnual(2, 29, d) === d) m.set(229, d);
    }
    shown = m;
    shownFor = today;
  }
  return shown;
}

/** The occurrence of (month, day) that today is within the showing window of, or null. */
function occurrenceShownToday(month: number, day: number, today: CalDate): CalDate | null {
  return shownDays(today).get(month * 100 + day) ?? null;
}

function greeting(c: Customer, kind: DueItem['kind'], baseDue: CalDate, detail: DueItem['detail']): DueItem {
  return { customerId: c.id, kind, due: baseDue, baseDue, channel: 'greeting', who: 'rep', detail, spreadable: false };
}

/**
 * An occasion greeting is done by a contact on or after the first day it is
 * shown, or the day it is due after the move, when a long weekend moved it
 * even earlier.
 */
function greetedFrom(on: CalDate, ctx: RuleContext): CalDate {
  const shownFrom = addDays(on, -OCCASION_LEAD_DAYS);
  const moved = moveToWorkingDay(on, 'greeting', ctx.cal);
  return moved < shownFrom ? moved : shownFrom;
}

/**
 * Birthday greeting on the day, shown from 3 days before through the day.
 * 29 February falls on 28 February in common years (nextAnnual). Done once a
 * contact is logged on or after the first day it was shown (a call on the
 * day before the birthday that wished them well counts).
 */
export function birthdayItem(c: Customer, f: CustomerFacts, ctx: RuleContext): DueItem | null {
  if (c.birthday === null) return null;
  const on = occurrenceShownToday(c.birthday.month, c.birthday.day, ctx.today);
  if (on === null) return null;
  if (contactedOnOrAfter(c, f, greetedFrom(on, ctx))) return null;
  return greeting(c, 'birthday', on, { occasionDate: on });
}

/** Number(s.slice(i, i + 2)), from the character codes when both are digits (the usual case). */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number(s.slice(i, i + 2));
}

/**
 * Purchase anniversary: yearly on `Customer since`, or the first purchase in
 * Purchases when that is blank; never in the first year (the day itself is
 * the purchase). Same showing window and completion as the birthday.
 */
export function anniversaryItem(c: Customer, f: CustomerFacts, ctx: RuleContext): DueItem | null {
  const since = c.customerSince ?? f.firstPurchase;
  if (since === null) return null;
  // 'YYYY-MM-DD': read without a regex or substrings, this runs for every customer.
  const on = occurrenceShownToday(twoDigits(since, 5), twoDigits(since, 8), ctx.today);
  if (on === null) return null;
  const years = Number(on.slice(0, 4)) - Number(since.slice(0, 4));
  if (years < 1) return null;
  if (contactedOnOrAfter(c, f, greetedFrom(on, ctx))) return null;
  return greeting(c, 'anniversary', on, { occasionDate: on, years });
}

/** A holiday that is in its showing window today. */
export interface ActiveHoliday {
  date: CalDate;
  name: string;
  /** 2 days before the holiday, before moves. */
  baseDue: CalDate;
}

/**
 * The holidays shown today: those with today within [holiday - 7, holiday].
 * A holiday lasting several days is often listed one row per day under the
 * same name (春节 on 5 rows): only its first day gets a greeting. Duplicate
 * rows are merged. Computed once per run, not per customer.
 */
export function activeHolidays(holidays: readonly Holiday[], today: CalDate): ActiveHoliday[] {
  const sorted = holidays
    .filter((h) => h.date !== null && h.date !== undefined)
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lastDayOf = new Map<string, CalDate>();
  const out: ActiveHoliday[] = [];
  for (const h of sorted) {
    const name = h.name.trim();
    const prev = lastDayOf.get(name);
    lastDayOf.set(name, h.date);
    if (prev !== undefined && (prev === h.date || addDays(prev, 1) === h.date)) continue;
    const d = daysBetween(today, h.date);
    if (d < 0 || d > HOLIDAY_SHOW_DAYS_BEFORE) continue;
    out.push({ date: h.date, name, baseDue: addDays(h.date, -HOLIDAY_DUE_DAYS_BEFORE) });
  }
  return out;
}

/**
 * Holiday greetings for A and B customers (docs/rules.md, Occasions), due 2 days before each
 * holiday. Done by a contact on or after the day the greeting is due — after
 * the move to the working day before, so the greeting made on that Friday
 * counts.
 */
export function holidayItems(
  c: Customer,
  f: CustomerFacts,
  tier: Tier | null,
  active: readonly ActiveHoliday[],
  ctx: RuleContext,
): DueItem[] {
  if (tier !== 'A' && tier !== 'B') return [];
  const items: DueItem[] = [];
  for (const h of active) {
    const moved = moveToWorkingDay(h.baseDue, 'greeting', ctx.cal);
    const from = moved < h.baseDue ? moved : h.baseDue;
    if (contactedOnOrAfter(c, f, from)) continue;
    items.push(greeting(c, 'holiday', h.baseDue, { holiday: h.name || h.date, occasionDate: h.date, tier }));
  }
  return items;
}
