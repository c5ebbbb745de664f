/**
 * Visit entries (docs/rules.md, Visits): Calendar API events under
 * calendar.events, placed by the pure visitSlots around what is already on
 * the calendar, described from the plan's customer facts (core/visitEvent.ts).
 *
 * The calendar has its own time zone (docs/platform.md, Calendar): the
 * windows are placed in it, as the first list call reports it; the `Next
 * visit` cell shows the start in the spreadsheet's zone, where every date of
 * the sheet is read. Events the user declined or marked free block nothing.
 *
 * Exactly once: every Retain event carries its key (customer + due date) and
 * the spreadsheet's ID in private extended properties. One list call finds
 * the upcoming Retain events, deleted ones too, before anything is placed, so
 * a rerun after a lost sheet write finds its own events instead of making new
 * ones, and a visit the user deleted is not made again for the same due date
 * (the journal remembers it as well, for when Calendar has forgotten the
 * deleted event). An insert that failed is looked up by key before it is
 * retried. A failing list or a spent quota stops the visits only.
 */
import type { CustomerFacts } from '../core/customerFacts';
import { addDays, type CalDate, type WorkCalendar } from '../core/dates';
import { boundKey } from '../core/digest';
import { tr, type Msg } from '../core/i18n';
import type { Customer, Lang, Settings } from '../core/model';
import type { VisitNeed } from '../core/plan';
import { visitEventResource, visitFactsOf } from '../core/visitEvent';
import { blocksTime } from '../core/eventBusy';
import { busyOfLocal, placeVisits, searchWindow, type Busy, type PlacedVisit } from '../core/visitSlots';
import { insertEvent_, listEvents_, type CalendarEvent } from '../gas/calendar';
import { classifyError, errorMessage, stopsKind } from '../gas/retry';
import { localToRfc3339, zoneClock, type ZoneClock } from '../gas/time';
import type { Journal } from './journal';
import { stopMessage } from './serviceStops';

export interface VisitOutcome {
  need: VisitNeed;
  status: 'made' | 'found' | 'skipped' | 'failed';
  eventId?: string;
  /** 'YYYY-MM-DD HH:mm' local start in the spreadsheet's zone, for the `Next visit` cell. */
  start?: string;
  reason?: string;
  /** The user deleted Retain's visit for this due date: `Next visit` no longer shows it. */
  deleted?: boolean;
}

export interface VisitContext {
  lang: Lang;
  today: CalDate;
  settings: Settings;
  cal: WorkCalendar;
  /** The spreadsheet's zone: the `Next visit` cells are read in it. */
  clock: ZoneClock;
  spreadsheetId: string;
  customersById: Map<string, Customer>;
  /** The plan's facts of the customers with visits, by customer row (Plan.facts). */
  facts: Map<number, CustomerFacts>;
  rowUrl: (row: number) => string;
  haveTime: () => boolean;
  make: boolean;
  journal: Journal;
}

export interface VisitsResult {
  outcomes: VisitOutcome[];
  stopped: string | null;
  deferred: VisitNeed[];
  /** Upcoming Retain visits found on the calendar, by customer: keeps `Next visit` right even when a sheet write was lost. */
  upcoming: Map<string, string>;
  /** What the log should say besides (the calendar's zone differs from the spreadsheet's). */
  notes: string[];
}

const FAILED: Msg = { en: 'Visit entry failed: {error}', zh: '拜访日程创建失败：{error}' };
const ALREADY: Msg = { en: 'a visit is already on the calendar ({start})', zh: '日历上已有拜访（{start}）' };
const DELETED: Msg = {
  en: 'the visit for {due} was deleted from the calendar: Retain does not make it again for this due date',
  zh: '{due} 的拜访已从日历删除：此到期日不再重新创建',
};
const ZONES: Msg = {
  en: "Visits are placed in the calendar's time zone ({calendar}), which is not the spreadsheet's ({sheet}): Next visit shows the spreadsheet's time.",
  zh: '拜访按日历的时区（{calendar}）安排，与表格的时区（{sheet}）不同：“下次拜访”显示表格时区的时间。',
};
const LIST_FAILED: Msg = {
  en: 'Calendar could not be read ({error}): no visit entries this run; {n} wait for the next run.',
  zh: '无法读取日历（{error}）：本次不创建拜访日程；{n} 项等下次运行。',
};

/** Both zones of a run: the calendar's (windows, busy time) and the spreadsheet's (cells). */
interface Zones {
  cal: ZoneClock;
  sheet: ZoneClock;
}

function privateProps(e: CalendarEvent): Record<string, string> {
  return (e.extendedProperties?.private ?? {}) as Record<string, string>;
}

/** Busy time as local date + minutes in the calendar's zone; all-day, free, declined and deleted events block nothing. */
function busyOf(e: CalendarEvent, cal: ZoneClock): Busy[] {
  if (!blocksTime(e)) return [];
  const s = e.start?.dateTime;
  const en = e.end?.dateTime;
  if (!s || !en) return [];
  return busyOfLocal(cal.toLocalDateTime(new Date(s)), cal.toLocalDateTime(new Date(en)));
}

/** An event's start as the spreadsheet shows it. */
function startText(e: CalendarEvent, sheet: ZoneClock): string {
  const s = e.start?.dateTime ?? e.start?.date;
  return s ? (e.start?.dateTime ? sheet.toLocalDateTime(new Date(s)) : String(s)) : '';
}

/** What the calendar already holds of Retain's visits for this spreadsheet. */
interface Known {
  byKey: Map<string, CalendarEvent>;
  /** Keys (bounded) and event ids of Retain visits the user deleted. */
  deletedKeys: Set<string>;
  deletedIds: Set<string>;
  liveIds: Set<string>;
}

/** 1. Retain's own upcoming events for this spreadsheet, deleted ones included; sets the calendar's zone. */
function retainEvents(ctx: VisitContext, result: VisitsResult): { known: Known; zones: Zones } {
  const list = listEvents_(ctx.settings.calendarId, {
    privateExtendedProperty: [`retainSheet=${ctx.spreadsheetId}`],
    timeMin: new Date().toISOString(),
    singleEvents: true,
    orderBy: 'startTime',
    showDeleted: true,
  });
  const zones = zonesOf(list.timeZone, ctx, result);
  const known: Known = { byKey: new Map(), deletedKeys: new Set(), deletedIds: new Set(), liveIds: new Set() };
  const idOfBounded = new Map<string, string>();
  for (const id of ctx.customersById.keys()) idOfBounded.set(boundKey(id), id);
  for (const e of list.items) {
    const p = privateProps(e);
    if (e.status === 'cancelled') {
      if (p.retainKey) known.deletedKeys.add(boundKey(p.retainKey));
      if (e.id) known.deletedIds.add(e.id);
      continue;
    }
    if (e.id) known.liveIds.add(e.id);
    if (p.retainKey) known.byKey.set(boundKey(p.retainKey), e);
    const customer = p.retainCustomer ? (idOfBounded.get(p.retainCustomer) ?? p.retainCustomer) : '';
    if (customer && !result.upcoming.has(customer)) result.upcoming.set(customer, startText(e, zones.sheet));
  }
  return { known, zones };
}

function zonesOf(calendarZone: string, ctx: VisitContext, result: VisitsResult): Zones {
  const sheetZone = ctx.clock.timeZone;
  if (!calendarZone || calendarZone === sheetZone) return { cal: ctx.clock, sheet: ctx.clock };
  result.notes.push(tr(ctx.lang, ZONES, { calendar: calendarZone, sheet: sheetZone }));
  return { cal: zoneClock(calendarZone), sheet: ctx.clock };
}

/** Whether the user deleted the visit Retain made for this need: seen deleted, or journaled upcoming and gone. */
function deletedByUser(need: VisitNeed, key: string, known: Known, ctx: VisitContext): boolean {
  if (known.deletedKeys.has(key)) return true;
  const made = ctx.journal.visit(need.key);
  if (!made) return false;
  return known.deletedIds.has(made.id) || (made.start > Date.now() && !known.liveIds.has(made.id));
}

/** The needs with no event yet; the others get their outcome (found, deleted, or the customer already booked). */
function openNeeds(needs: VisitNeed[], known: Known, zones: Zones, ctx: VisitContext, result: VisitsResult) {
  const open: VisitNeed[] = [];
  for (const need of needs) {
    const key = boundKey(need.key);
    const made = known.byKey.get(key);
    if (made) {
      result.outcomes.push({ need, status: 'found', eventId: made.id, start: startText(made, zones.sheet) });
      continue;
    }
    if (deletedByUser(need, key, known, ctx)) {
      result.outcomes.push({
        need,
        status: 'skipped',
        deleted: true,
        reason: tr(ctx.lang, DELETED, { due: need.due }),
      });
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
function calendarBusy(ctx: VisitContext, cal: ZoneClock, window: { from: CalDate; to: CalDate } | null) {
  const busy: Busy[] = [];
  const retainVisitsPerDay: Record<CalDate, number> = {};
  if (!window) return { busy, retainVisitsPerDay };
  const events = listEvents_(ctx.settings.calendarId, {
    timeMin: localToRfc3339(cal, window.from, '00:00'),
    timeMax: localToRfc3339(cal, addDays(window.to, 1), '00:00'),
    singleEvents: true,
  }).items;
  for (const e of events) {
    const blocks = busyOf(e, cal);
    busy.push(...blocks);
    if (privateProps(e).retainKey && blocks.length > 0)
      retainVisitsPerDay[blocks[0].date] = (retainVisitsPerDay[blocks[0].date] ?? 0) + 1;
  }
  return { busy, retainVisitsPerDay };
}

/** The Events resource of one placed visit, in the calendar's zone, its keys bounded to what a property holds. */
function eventFor(need: VisitNeed, customer: Customer, slot: PlacedVisit, ctx: VisitContext, cal: ZoneClock) {
  const facts = ctx.facts.get(need.customerRow);
  if (!facts) throw new Error(`No customer facts for row ${need.customerRow}: the plan keeps them for every visit`);
  const f = visitFactsOf(customer, facts, need, ctx.rowUrl(customer.row));
  const keys = { key: boundKey(need.key), spreadsheetId: ctx.spreadsheetId };
  const resource = visitEventResource(f, slot, cal.timeZone, ctx.lang, keys) as CalendarEvent;
  const priv = resource.extendedProperties?.private as Record<string, string> | undefined;
  if (priv && priv.retainCustomer) priv.retainCustomer = boundKey(priv.retainCustomer);
  return resource;
}

/** The journal is a second guard only: failing to write it must not stop the visits. */
function journalVisit(ctx: VisitContext, need: VisitNeed, id: string | undefined, startIso: string): void {
  if (!id) return;
  try {
    ctx.journal.visitMade(need.key, id, Date.parse(startIso));
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
  }
}

/** 3. One insert per placed visit, while time lasts. */
function insertPlaced(
  placed: PlacedVisit[],
  byKey: Map<string, VisitNeed>,
  ctx: VisitContext,
  zones: Zones,
  result: VisitsResult,
) {
  for (let i = 0; i < placed.length; i++) {
    const slot = placed[i];
    const need = byKey.get(slot.key) as VisitNeed;
    const customer = ctx.customersById.get(need.customerId);
    if (!customer) continue;
    const startIso = localToRfc3339(zones.cal, slot.date, slot.start);
    const start =
      zones.cal === zones.sheet ? `${slot.date} ${slot.start}` : zones.sheet.toLocalDateTime(new Date(startIso));
    if (!ctx.make) {
      result.outcomes.push({ need, status: 'made', start });
      continue;
    }
    if (!ctx.haveTime()) {
      result.deferred = placed.slice(i).map((p) => byKey.get(p.key) as VisitNeed);
      break;
    }
    try {
      const resource = eventFor(need, customer, slot, ctx, zones.cal);
      const ev = insertEvent_(ctx.settings.calendarId, resource, { name: 'retainKey', value: boundKey(need.key) });
      result.outcomes.push({ need, status: 'made', eventId: ev.id, start });
      journalVisit(ctx, need, ev.id, startIso);
    } catch (e) {
      if (stopsKind(e)) {
        result.deferred = placed.slice(i).map((p) => byKey.get(p.key) as VisitNeed);
        result.stopped = stopMessage(e, 'visits', result.deferred.length, ctx.lang);
        break;
      }
      if (classifyError(e) === 'killed') throw e;
      result.outcomes.push({ need, status: 'failed', reason: tr(ctx.lang, FAILED, { error: errorMessage(e) }) });
    }
  }
}

/** Steps 1 to 3. */
function placeAndInsert(needs: VisitNeed[], ctx: VisitContext, result: VisitsResult): void {
  const { known, zones } = retainEvents(ctx, result);
  const open = openNeeds(needs, known, zones, ctx, result);
  if (open.length === 0) return;
  const opts = { today: ctx.today, settings: ctx.settings, cal: ctx.cal };
  const reqs = open.map((n) => ({ key: n.key, customerId: n.customerId, tier: n.tier, due: n.due }));
  const { busy, retainVisitsPerDay } = calendarBusy(ctx, zones.cal, searchWindow(reqs, opts));
  const placement = placeVisits(reqs, busy, { ...opts, retainVisitsPerDay });
  const byKey = new Map(open.map((n) => [n.key, n]));
  for (const u of placement.unplaced)
    result.outcomes.push({ need: byKey.get(u.key) as VisitNeed, status: 'skipped', reason: tr(ctx.lang, u.reason) });
  insertPlaced(placement.placed, byKey, ctx, zones, result);
}

export function makeVisits_(needs: VisitNeed[], ctx: VisitContext): VisitsResult {
  const result: VisitsResult = { outcomes: [], stopped: null, deferred: [], upcoming: new Map(), notes: [] };
  if (needs.length === 0) return result;
  try {
    placeAndInsert(needs, ctx, result);
  } catch (e) {
    // A list call that failed through its retries: no visits tonight, everything else goes on.
    if (classifyError(e) === 'killed') throw e;
    const done = new Set(result.outcomes.map((o) => o.need.key));
    const left = needs.filter((n) => !done.has(n.key));
    result.stopped = stopsKind(e)
      ? stopMessage(e, 'visits', left.length, ctx.lang)
      : tr(ctx.lang, LIST_FAILED, { error: errorMessage(e), n: left.length });
    result.deferred = left;
  }
  return result;
}
