/**
 * Visit entries (SPEC section 4): Calendar API events under calendar.events,
 * placed by the pure visitSlots around what is already on the calendar.
 *
 * Exactly once: every Retain event carries its key (customer + due date) and
 * the spreadsheet's ID in private extended properties. One list call finds the
 * upcoming Retain events before anything is placed, so a rerun after a lost
 * sheet write finds its own events instead of making new ones; an insert that
 * failed with a transient error is looked up by key before it is retried.
 */
import { calendarEvents_ } from '../gas/services';
import type { CalDate, WorkCalendar } from '../core/dates';
import { addDays } from '../core/dates';
import { tr, type Msg } from '../core/i18n';
import type { Contact, Customer, Lang, Purchase, Settings } from '../core/model';
import type { VisitNeed } from '../core/plan';
import { placeVisits, searchWindow, type Busy, type PlacedVisit } from '../core/visitSlots';
import { visitEventResource, type VisitFacts } from '../core/visitEvent';
import { classifyError, errorMessage, QuotaError, withRetry } from '../gas/retry';
import { localToRfc3339, type ZoneClock } from '../gas/time';

type CalEvent = GoogleAppsScript.Calendar.Schema.Event;

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
  purchases: Purchase[] | null;
  contacts: Contact[];
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

function listAll(calendarId: string, args: Record<string, unknown>): CalEvent[] {
  const items: CalEvent[] = [];
  let pageToken: string | undefined;
  do {
    const page = withRetry(() => calendarEvents_().list(calendarId, { ...args, pageToken, maxResults: 2500 }), {
      service: 'Calendar',
    });
    items.push(...(page.items ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return items;
}

function privateProps(e: CalEvent): Record<string, string> {
  return (e.extendedProperties?.private ?? {}) as Record<string, string>;
}

/** Start and end of an event as local date + minutes; all-day and free ("transparent") events block nothing. */
function busyOf(e: CalEvent, clock: ZoneClock): Busy[] {
  if (e.status === 'cancelled' || e.transparency === 'transparent') return [];
  const s = e.start?.dateTime;
  const en = e.end?.dateTime;
  if (!s || !en) return [];
  const a = clock.toLocalDateTime(new Date(s));
  const b = clock.toLocalDateTime(new Date(en));
  const [ad, at] = a.split(' ');
  const [bd, bt] = b.split(' ');
  const mins = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  if (ad === bd) return [{ date: ad, start: mins(at), end: mins(bt) }];
  // Across midnight: split into days (a multi-day block fills the days between).
  const out: Busy[] = [{ date: ad, start: mins(at), end: 24 * 60 }];
  for (let d = addDays(ad, 1); d < bd; d = addDays(d, 1)) out.push({ date: d, start: 0, end: 24 * 60 });
  out.push({ date: bd, start: 0, end: mins(bt) });
  return out;
}

/** Valid dated rows by customer, newest first: built once per run, not once per visit. */
function byCustomer<T extends { customerId: string; date: CalDate | null; problems: string[] }>(
  rows: readonly T[],
): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    if (!r.date || r.problems.length > 0) continue;
    const list = m.get(r.customerId);
    if (list) list.push(r);
    else m.set(r.customerId, [r]);
  }
  for (const list of m.values())
    list.sort((a, b) =>
      (a.date as string) < (b.date as string) ? 1 : (a.date as string) > (b.date as string) ? -1 : 0,
    );
  return m;
}

interface RowIndex {
  contacts: Map<string, Contact[]>;
  purchases: Map<string, Purchase[]>;
}

function factsFor(c: Customer, need: VisitNeed, ctx: VisitContext, index: RowIndex): VisitFacts {
  const mine = index.contacts.get(c.id) ?? [];
  const last = mine[0];
  const lastPurchase = (index.purchases.get(c.id) ?? [])[0];
  return {
    customer: { id: c.id, name: c.name, company: c.company, address: c.address, phone: c.phone, email: c.email },
    tier: need.tier,
    lastPurchase: lastPurchase ? lastPurchase.date : c.lastPurchase,
    lastPurchaseAmount: lastPurchase ? lastPurchase.amount : c.lastPurchaseAmount,
    lastPurchaseProduct: lastPurchase ? lastPurchase.product : undefined,
    lastContact: last ? last.date : c.lastContact,
    lastContactNotes: last ? [last.type, last.outcome, last.notes].filter(Boolean).join(' · ') : undefined,
    openComplaints: mine
      .filter((x) => x.type === 'Complaint' && !x.resolvedOn)
      .map((x) => ({ date: x.date as CalDate, size: x.complaintSize ?? 'Small', notes: x.notes })),
    rowUrl: ctx.rowUrl(c.row),
    dueDate: need.due,
  };
}

function startText(e: CalEvent, clock: ZoneClock): string {
  const s = e.start?.dateTime ?? e.start?.date;
  return s ? (e.start?.dateTime ? clock.toLocalDateTime(new Date(s)) : String(s)) : '';
}

function findByKey(calendarId: string, key: string): CalEvent | null {
  const found = listAll(calendarId, { privateExtendedProperty: [`retainKey=${key}`], singleEvents: true });
  return found.find((e) => e.status !== 'cancelled') ?? null;
}

/** Inserts the event; after a transient error the calendar is asked for the key before trying again. */
function insertOnce(calendarId: string, resource: CalEvent, key: string): CalEvent {
  return withRetry(() => calendarEvents_().insert(resource, calendarId), {
    service: 'Calendar',
    recover: () => findByKey(calendarId, key),
  });
}

export function makeVisits_(needs: VisitNeed[], ctx: VisitContext): VisitsResult {
  const result: VisitsResult = { outcomes: [], stopped: null, deferred: [], upcoming: new Map() };
  if (needs.length === 0) return result;
  const calendarId = ctx.settings.calendarId;
  // 1. Retain's own upcoming events for this spreadsheet: keys already made, customers already booked.
  const nowIso = new Date().toISOString();
  const mine = listAll(calendarId, {
    privateExtendedProperty: [`retainSheet=${ctx.spreadsheetId}`],
    timeMin: nowIso,
    singleEvents: true,
    orderBy: 'startTime',
  });
  const byKey = new Map<string, CalEvent>();
  for (const e of mine) {
    if (e.status === 'cancelled') continue;
    const p = privateProps(e);
    if (p.retainKey) byKey.set(p.retainKey, e);
    if (p.retainCustomer && !result.upcoming.has(p.retainCustomer))
      result.upcoming.set(p.retainCustomer, startText(e, ctx.clock));
  }
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
  if (open.length === 0) return result;
  // 2. Everything on the calendar in the days the visits may go, read once.
  const opts = { today: ctx.today, settings: ctx.settings, cal: ctx.cal };
  const reqs = open.map((n) => ({ key: n.key, customerId: n.customerId, tier: n.tier, due: n.due }));
  const window = searchWindow(reqs, opts);
  const busy: Busy[] = [];
  const retainVisitsPerDay: Record<CalDate, number> = {};
  if (window) {
    const events = listAll(calendarId, {
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
  }
  const placement = placeVisits(reqs, busy, { ...opts, retainVisitsPerDay });
  const needByKey = new Map(open.map((n) => [n.key, n]));
  const index: RowIndex = { contacts: byCustomer(ctx.contacts), purchases: byCustomer(ctx.purchases ?? []) };
  for (const u of placement.unplaced) {
    result.outcomes.push({
      need: needByKey.get(u.key) as VisitNeed,
      status: 'skipped',
      reason: tr(ctx.lang, u.reason),
    });
  }
  // 3. One insert per placed visit, while time lasts.
  const placed: PlacedVisit[] = placement.placed;
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
    const resource = visitEventResource(factsFor(customer, need, ctx, index), slot, ctx.clock.timeZone, ctx.lang, {
      key: need.key,
      spreadsheetId: ctx.spreadsheetId,
    }) as CalEvent;
    try {
      const ev = insertOnce(calendarId, resource, need.key);
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
  return result;
}
