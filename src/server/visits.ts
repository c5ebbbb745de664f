/**
 * Visit entries (docs/rules.md, Visits): Calendar API events under
 * calendar.events, placed by the pure visitSlots around what is already on
 * the calendar, described from the plan's customer facts (core/visitEvent.ts).
 *
 * Exactly once (docs/platform.md, Calendar): every Retain event carries its
 * key (customer + due date) and the spreadsheet's ID in private extended
 * properties. One list call finds the upcoming Retain events before anything
 * is placed, so a rerun after a lost sheet write finds its own events instead
 * of making new ones; an insert that failed with a transient error is looked
 * up by key before it is retried.
 */
import type { CustomerFacts } from '../core/customerFacts';
import { addDays, type CalDate, type WorkCalendar } from '../core/dates';
import { tr, type Msg } from '../core/i18n';
import type { Customer, Lang, Settings } from '../core/model';
import type { VisitNeed } from '../core/plan';
import { visitEventResource, visitFactsOf } from '../core/visitEvent';
import { busyOfLocal, placeVisits, searchWindow, type Busy, type PlacedVisit } from '../core/visitSlots';
import { insertEvent_, listEvents_, type CalendarEvent } from '../gas/calendar';
import { classifyError, errorMessage, QuotaError } from '../gas/retry';
import { localToRfc3339, type ZoneClock } from '../gas/time';

export interface VisitOutcome {
  need: VisitNeed;
  status: 'made' | 'found' | 'skipped' | 'failed';
  eventId?: string;
  /** 'YYYY-MM-DD HH:mm' local start, for the `Next visit` cell. */
  start?: string;
  reason?: string;
}

export interface VisitContext {
  lang: Lang;
  today: CalDate;
  settings: Settings;
  cal: WorkCalendar;
  clock: ZoneClock;
  spreadsheetId: string;
  customersById: Map<string, Customer>;
  /** The plan's facts of the customers with visits, by customer row (Plan.facts). */
  facts: Map<number, CustomerFacts>;
  rowUrl: (row: number) => string;
  haveTime: () => boolean;
  make: boolean;
}

export interface VisitsResult {
  outcomes: VisitOutcome[];
  stopped: string | null;
  deferred: VisitNeed[];
  /** Upcoming Retain visits found on the calendar, by customer: keeps `Next visit` right even when a sheet write was lost. */
  upcoming: Map<string, string>;
}

const QUOTA: Msg = {
  en: 'Calendar quota reached: the remaining visits wait for the next run',
  zh: '日历配额已用完：其余拜访等下次运行',
};
const FAILED: Msg = { en: 'Visit entry failed: {error}', zh: '拜访日程创建失败：{error}' };
const ALREADY: Msg = { en: 'a visit is already on the calendar ({start})', zh: '日历上已有拜访（{start}）' };

function privateProps(e: CalendarEvent): Record<string, string> {
  return (e.extendedProperties?.private ?? {}) as Record<string, string>;
}

/** Start and end of an event as local date + minutes; all-day and free ("transparent") events block nothing. */
function busyOf(e: CalendarEvent, clock: ZoneClock): Busy[] {
  if (e.status === 'cancelled' || e.transparency === 'transparent') return [];
  const s = e.start?.dateTime;
  const en = e.end?.dateTime;
  if (!s || !en) return [];
  return busyOfLocal(clock.toLocalDateTime(new Date(s)), clock.toLocalDateTime(new Date(en)));
}

function startText(e: CalendarEvent, clock: ZoneClock): string {
  const s = e.start?.dateTime ?? e.start?.date;
  return s ? (e.start?.dateTime ? clock.toLocalDateTime(new Date(s)) : String(s)) : '';
}

/** 1. Retain's own upcoming events for this spreadsheet: keys already made, customers already booked. */
function retainEvents(ctx: VisitContext, result: VisitsResult): Map<string, CalendarEvent> {
  const mine = listEvents_(ctx.settings.calendarId, {
    privateExtendedProperty: [`retainSheet=${ctx.spreadsheetId}`],
    timeMin: new Date().toISOString(),
    singleEvents: true,
    orderBy: 'startTime',
  });
  const byKey = new Map<string, CalendarEvent>();
  for (const e of mine) {
    if (e.status === 'cancelled') continue;
    const p = privateProps(e);
    if (p.retainKey) byKey.set(p.retainKey, e);
    if (p.retainCustomer && !result.upcoming.has(p.retainCustomer))
      result.upcoming.set(p.retainCustomer, startText(e, ctx.clock));
  }
  return byKey;
}

/** The needs with no event yet; the others get their outcome (found, or the customer already booked). */
function openNeeds(needs: VisitNeed[], byKey: Map<string, CalendarEvent>, ctx: VisitContext, result: VisitsResult) {
  const open: VisitNeed[] = [];
  for (const need of needs) {
    const made = byKey.get(need.key);
    if (made) {
      result.outcomes.push({ need, status: 'found', eventId: made.id, start: startText(made, ctx.clock) });
      continue;
    }
    const booked = result.upcoming.get(need.customerId);
    if (booked) {
      result.outcomes.push({
        need,
        status: 'skipped',
        start: booked,
        reason: tr(ctx.lang, ALREADY, { start: booked }),
      });
      continue;
    }
    open.push(need);
  }
  return open;
}

/** 2. Everything on the calendar in the days the visits may go, read once; Retain's own visits counted per day. */
function calendarBusy(ctx: VisitContext, window: { from: CalDate; to: CalDate } | null) {
  const busy: Busy[] = [];
  const retainVisitsPerDay: Record<CalDate, number> = {};
  if (!window) return { busy, retainVisitsPerDay };
  const events = listEvents_(ctx.settings.calendarId, {
    timeMin: localToRfc3339(ctx.clock, window.from, '00:00'),
    timeMax: localToRfc3339(ctx.clock, addDays(window.to, 1), '00:00'),
    singleEvents: true,
  });
  for (const e of events) {
    const blocks = busyOf(e, ctx.clock);
    busy.push(...blocks);
    if (privateProps(e).retainKey && blocks.length > 0)
      retainVisitsPerDay[blocks[0].date] = (retainVisitsPerDay[blocks[0].date] ?? 0) + 1;
  }
  return { busy, retainVisitsPerDay };
}

/** The Events resource of one placed visit. */
function eventFor(need: VisitNeed, customer: Customer, slot: PlacedVisit, ctx: VisitContext): CalendarEvent {
  const facts = ctx.facts.get(need.customerRow);
  if (!facts) throw new Error(`No customer facts for row ${need.customerRow}: the plan keeps them for every visit`);
  const f = visitFactsOf(customer, facts, need, ctx.rowUrl(customer.row));
  const keys = { key: need.key, spreadsheetId: ctx.spreadsheetId };
  return visitEventResource(f, slot, ctx.clock.timeZone, ctx.lang, keys) as CalendarEvent;
}

/** 3. One insert per placed visit, while time lasts. */
function insertPlaced(
  placed: PlacedVisit[],
  needByKey: Map<string, VisitNeed>,
  ctx: VisitContext,
  result: VisitsResult,
) {
  for (let i = 0; i < placed.length; i++) {
    const slot = placed[i];
    const need = needByKey.get(slot.key) as VisitNeed;
    const customer = ctx.customersById.get(need.customerId);
    if (!customer) continue;
    const start = `${slot.date} ${slot.start}`;
    if (!ctx.make) {
      result.outcomes.push({ need, status: 'made', start });
      continue;
    }
    if (!ctx.haveTime()) {
      result.deferred = placed.slice(i).map((p) => needByKey.get(p.key) as VisitNeed);
      break;
    }
    const resource = eventFor(need, customer, slot, ctx);
    try {
      const ev = insertEvent_(ctx.settings.calendarId, resource, { name: 'retainKey', value: need.key });
      result.outcomes.push({ need, status: 'made', eventId: ev.id, start });
    } catch (e) {
      if (e instanceof QuotaError) {
        result.stopped = tr(ctx.lang, QUOTA);
        result.deferred = placed.slice(i).map((p) => needByKey.get(p.key) as VisitNeed);
        break;
      }
      if (classifyError(e) === 'killed') throw e;
      result.outcomes.push({ need, status: 'failed', reason: tr(ctx.lang, FAILED, { error: errorMessage(e) }) });
    }
  }
}

export function makeVisits_(needs: VisitNeed[], ctx: VisitContext): VisitsResult {
  const result: VisitsResult = { outcomes: [], stopped: null, deferred: [], upcoming: new Map() };
  if (needs.length === 0) return result;
  const open = openNeeds(needs, retainEvents(ctx, result), ctx, result);
  if (open.length === 0) return result;
  const opts = { today: ctx.today, settings: ctx.settings, cal: ctx.cal };
  const reqs = open.map((n) => ({ key: n.key, customerId: n.customerId, tier: n.tier, due: n.due }));
  const { busy, retainVisitsPerDay } = calendarBusy(ctx, searchWindow(reqs, opts));
  const placement = placeVisits(reqs, busy, { ...opts, retainVisitsPerDay });
  const needByKey = new Map(open.map((n) => [n.key, n]));
  for (const u of placement.unplaced)
    result.outcomes.push({
      need: needByKey.get(u.key) as VisitNeed,
      status: 'skipped',
      reason: tr(ctx.lang, u.reason),
    });
  insertPlaced(placement.placed, needByKey, ctx, result);
  return result;
}
