/**
 * The Calendar advanced service (global `Calendar`), events only, following
 * the Calendar API v3 reference:
 *  - insert needs start/end as both `dateTime` (with an offset, or with
 *    `timeZone`) or both `date`; an end not after the start is rejected;
 *    a client-chosen `id` must be base32hex and unique (409 otherwise);
 *  - list takes timeMin/timeMax as RFC 3339 *with* an offset (timeMin is an
 *    exclusive bound on the end, timeMax on the start), filters by
 *    privateExtendedProperty 'k=v' (all must match), orders by startTime only
 *    with singleEvents, pages with maxResults (default 250) and pageToken;
 *  - returned start/end carry dateTime in the offset of the event's zone;
 *  - every calendar has its own time zone (events.list returns it), which
 *    need not be the spreadsheet's (EmulatorOptions.calendarTimeZone);
 *  - attendees carry `self` on the calendar owner's entry and a
 *    `responseStatus`; `transparency: 'transparent'` marks a free event;
 *  - a deleted event keeps status 'cancelled': list returns it only with
 *    showDeleted or updatedMin, get always returns it, and it disappears after
 *    a while (CalendarOptions.deletedRetentionDays, unconfirmed);
 *  - get, patch (objects merged, arrays replaced), update (a full
 *    replacement) and remove, each changing etag and `updated`, patch and
 *    update incrementing `sequence`.
 * 'primary' is the running user's calendar (its id is the user's email).
 */
import { FakeObject, instrument, type Env } from './runtime';
import { isValidTimeZone, rfc3339InZone, zonedToUtc } from './tz';

export interface EventDateTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface CalendarEvent {
  kind?: string;
  etag?: string;
  id: string;
  status: string;
  htmlLink?: string;
  created?: string;
  updated?: string;
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  creator?: { email: string; self?: boolean };
  organizer?: { email: string; self?: boolean };
  start: EventDateTime;
  end: EventDateTime;
  iCalUID: string;
  sequence?: number;
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  reminders?: unknown;
  transparency?: string;
  visibility?: string;
  attendees?: Array<{ email: string; [k: string]: unknown }>;
  eventType?: string;
  [k: string]: unknown;
}

export interface Attendee {
  email: string;
  displayName?: string;
  responseStatus?: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  organizer?: boolean;
  optional?: boolean;
  self?: boolean;
  [k: string]: unknown;
}

export interface StoredEvent {
  ev: CalendarEvent;
  start: number;
  end: number;
  allDay: boolean;
  calendarId: string;
  updatedMs: number;
  /** When it was deleted (status 'cancelled'). */
  deletedMs?: number;
}

/** How deleted events behave where the documentation leaves room (docs/platform.md, "Calendar"). */
export interface CalendarOptions {
  /**
   * A deleted event the calendar owns keeps its details (summary, extended
   * properties) when listed with showDeleted (default true: "On the
   * organizer's calendar, cancelled events continue to expose event details").
   * false models the other documented reading: "Deleted events are only
   * guaranteed to have the id field populated" (then privateExtendedProperty
   * no longer finds them).
   */
  deletedKeepDetails?: boolean;
  /** Days a deleted event stays visible to list/get before it disappears (default 30; unconfirmed: "do not rely on them being available indefinitely"). */
  deletedRetentionDays?: number;
}

export interface CalendarData {
  id: string;
  timeZone: string;
  events: StoredEvent[];
}

export class CalendarStore {
  calendars = new Map<string, CalendarData>();
  readonly keepDetails: boolean;
  readonly retentionMs: number;
  constructor(
    public defaultTimeZone: string,
    opts: CalendarOptions = {},
  ) {
    this.keepDetails = opts.deletedKeepDetails !== false;
    this.retentionMs = (opts.deletedRetentionDays ?? 30) * 86400000;
  }

  ensure(id: string, timeZone?: string): CalendarData {
    let c = this.calendars.get(id);
    if (!c) {
      c = { id, timeZone: timeZone ?? this.defaultTimeZone, events: [] };
      this.calendars.set(id, c);
    } else if (timeZone) c.timeZone = timeZone;
    return c;
  }
}

export interface CalendarHost {
  env: Env;
  store: CalendarStore;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class BadRequest extends Error {
  constructor(
    message: string,
    readonly code = 400,
    readonly reason = 'invalid',
  ) {
    super(message);
  }
}

/** An RFC 3339 time; without an offset it is wall time in `tz` (which must then be given). */
export function parseDateTime(s: unknown, tz: string | undefined, what: string): number {
  if (typeof s !== 'string') throw new BadRequest(`Invalid value for: ${what}`);
  const m = RFC3339.exec(s);
  if (!m) throw new BadRequest(`Invalid value for: ${what}`);
  const [, y, mo, d, h, mi, sec = '0', frac = '0', off] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  if (off) {
    const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
    if (off === 'Z' || off === 'z') return base;
    const sign = off[0] === '-' ? -1 : 1;
    return base - sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6))) * 60000;
  }
  if (!tz) throw new BadRequest(`Missing time zone definition for ${what}.`);
  return zonedToUtc(tz, Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
}

function parseDate(s: unknown, tz: string, what: string): number {
  if (typeof s !== 'string' || !DATE.test(s)) throw new BadRequest(`Invalid value for: ${what}`);
  const [y, m, d] = s.split('-').map(Number);
  return zonedToUtc(tz, y, m - 1, d);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

const READ_ONLY = new Set(['kind', 'etag', 'htmlLink', 'created', 'updated', 'creator', 'organizer', 'iCalUID']);

/** Patch semantics: nested objects are merged field by field, anything else (arrays included) replaced. */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    const plain = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
    out[k] = plain(v) && plain(b) ? merge(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

export class FakeEvents extends FakeObject {
  protected get _kind() {
    return 'Events';
  }
  constructor(private readonly h: CalendarHost) {
    super(h.env);
  }
  private _cal(calendarId: unknown, method: string): CalendarData {
    if (typeof calendarId !== 'string' || calendarId === '')
      throw this.env.apiError(`calendar.events.${method}`, 404, 'Not Found', 'notFound');
    const id = calendarId === 'primary' ? this.env.user : calendarId;
    const c = this.h.store.calendars.get(id);
    if (c) return c;
    // Every user has a primary calendar.
    if (calendarId === 'primary' || id === this.env.user) return this.h.store.ensure(id);
    throw this.env.apiError(`calendar.events.${method}`, 404, 'Not Found', 'notFound');
  }
  private _wrap<T>(method: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof BadRequest) throw this.env.apiError(`calendar.events.${method}`, e.code, e.message, e.reason);
      throw e;
    }
  }
  insert(resource: Partial<CalendarEvent>, calendarId: string, optionalArgs?: Record<string, unknown>): unknown {
    void optionalArgs;
    const cal = this._cal(calendarId, 'insert');
    return this._wrap('insert', () => {
      const stored = buildEvent(this.env, cal, resource, undefined);
      if (resource.id !== undefined) {
        if (typeof resource.id !== 'string' || !/^[a-v0-9]{5,1024}$/.test(resource.id))
          throw new BadRequest('Invalid resource id value.', 400, 'invalid');
        // A deleted event keeps its id until it is gone for good.
        const now = this.env.clock.ms();
        cal.events = cal.events.filter((e) => !gone(this.h.store, e, now));
        if (cal.events.some((e) => e.ev.id === resource.id))
          throw new BadRequest('The requested identifier already exists.', 409, 'duplicate');
      }
      cal.events.push(stored);
      return this.env.realm.toCtx(present(this.h.store, stored, cal));
    });
  }
  /** The stored event, unless it never existed or was deleted so long ago that it is gone. */
  private _find(cal: CalendarData, eventId: unknown, method: string): { i: number; e: StoredEvent } {
    const i = cal.events.findIndex((x) => x.ev.id === eventId && !gone(this.h.store, x, this.env.clock.ms()));
    if (i < 0) throw this.env.apiError(`calendar.events.${method}`, 404, 'Not Found', 'notFound');
    return { i, e: cal.events[i] };
  }
  /** A deleted event is still returned by get, with status 'cancelled'. */
  get(calendarId: string, eventId: string): unknown {
    const cal = this._cal(calendarId, 'get');
    const { e } = this._find(cal, eventId, 'get');
    return this.env.realm.toCtx(present(this.h.store, e, cal));
  }
  remove(calendarId: string, eventId: string): void {
    const cal = this._cal(calendarId, 'delete');
    const { e } = this._find(cal, eventId, 'delete');
    if (e.ev.status === 'cancelled')
      throw this.env.apiError('calendar.events.delete', 410, 'Resource has been deleted', 'deleted');
    markDeleted(this.env, e);
  }
  patch(resource: Partial<CalendarEvent>, calendarId: string, eventId: string): unknown {
    const cal = this._cal(calendarId, 'patch');
    const { i } = this._find(cal, eventId, 'patch');
    return this._wrap('patch', () => {
      const prev = cal.events[i];
      const merged = merge(clone(prev.ev) as Record<string, unknown>, clone(resource) as Record<string, unknown>);
      cal.events[i] = buildEvent(this.env, cal, merged as Partial<CalendarEvent>, prev);
      return this.env.realm.toCtx(present(this.h.store, cal.events[i], cal));
    });
  }
  update(resource: Partial<CalendarEvent>, calendarId: string, eventId: string): unknown {
    const cal = this._cal(calendarId, 'update');
    const { i } = this._find(cal, eventId, 'update');
    return this._wrap('update', () => {
      cal.events[i] = buildEvent(this.env, cal, { ...clone(resource), id: eventId }, cal.events[i]);
      return this.env.realm.toCtx(present(this.h.store, cal.events[i], cal));
    });
  }
  list(calendarId: string, optionalArgs?: Record<string, unknown>): unknown {
    const cal = this._cal(calendarId, 'list');
    return this._wrap('list', () => {
      const q = parseListArgs(optionalArgs ?? {});
      const now = this.env.clock.ms();
      const store = this.h.store;
      let items = cal.events.filter((e) => {
        if (gone(store, e, now)) return false;
        const cancelled = e.ev.status === 'cancelled';
        // Deleted events: only with showDeleted, or when they changed since updatedMin (incremental sync).
        if (cancelled && !q.showDeleted && q.updatedMin === undefined) return false;
        if (q.updatedMin !== undefined && e.updatedMs < q.updatedMin) return false;
        if (q.timeMin !== undefined && !(e.end > q.timeMin)) return false;
        if (q.timeMax !== undefined && !(e.start < q.timeMax)) return false;
        if (q.iCalUID !== undefined && e.ev.iCalUID !== q.iCalUID) return false;
        // A deleted event that no longer exposes its details cannot match on them.
        const details = !cancelled || store.keepDetails;
        if ((q.priv.length || q.shared.length || q.words.length) && !details) return false;
        for (const [k, v] of q.priv) if (e.ev.extendedProperties?.private?.[k] !== v) return false;
        for (const [k, v] of q.shared) if (e.ev.extendedProperties?.shared?.[k] !== v) return false;
        if (q.words.length) {
          const people = [...((e.ev.attendees ?? []) as Attendee[]), e.ev.organizer as Attendee | undefined];
          const hay = [
            e.ev.summary,
            e.ev.description,
            e.ev.location,
            ...people.flatMap((a) => (a ? [a.email, a.displayName] : [])),
          ]
            .join(' ')
            .toLowerCase();
          if (!q.words.every((w) => hay.includes(w))) return false;
        }
        return true;
      });
      if (q.orderBy === 'startTime') items = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
      else if (q.orderBy === 'updated') items = [...items].sort((a, b) => a.updatedMs - b.updatedMs);
      const page = items.slice(q.start, q.start + q.pageSize).map((e) => present(store, e, cal, q.timeZone));
      const out: Record<string, unknown> = {
        kind: 'calendar#events',
        etag: `"${this.env.randomId(16, '0123456789')}"`,
        summary: cal.id,
        updated: new Date(now).toISOString(),
        // The calendar's own time zone, or the one asked for (events.list "timeZone").
        timeZone: q.timeZone ?? cal.timeZone,
        accessRole: 'owner',
        defaultReminders: [],
        items: page,
      };
      if (q.start + q.pageSize < items.length) out.nextPageToken = String(q.start + q.pageSize);
      return this.env.realm.toCtx(out);
    });
  }
}

interface ListQuery {
  timeMin?: number;
  timeMax?: number;
  updatedMin?: number;
  showDeleted: boolean;
  orderBy?: string;
  pageSize: number;
  start: number;
  priv: Array<[string, string]>;
  shared: Array<[string, string]>;
  words: string[];
  iCalUID?: string;
  timeZone?: string;
}

/** events.list's optional arguments, checked the way the API checks them. */
function parseListArgs(o: Record<string, unknown>): ListQuery {
  // timeMin/timeMax/updatedMin: RFC 3339 with a mandatory offset (a Date object or a bare local time is a bad request).
  for (const k of ['timeMin', 'timeMax', 'updatedMin'] as const) {
    const v = o[k];
    if (v !== undefined && (typeof v !== 'string' || !/([Zz]|[+-]\d{2}:\d{2})$/.test(v)))
      throw new BadRequest('Bad Request', 400, 'badRequest');
  }
  const at = (k: 'timeMin' | 'timeMax' | 'updatedMin') =>
    o[k] === undefined ? undefined : parseDateTime(o[k], undefined, k);
  const timeMin = at('timeMin');
  const timeMax = at('timeMax');
  if (timeMin !== undefined && timeMax !== undefined && timeMin >= timeMax)
    throw new BadRequest('The specified time range is empty.', 400, 'timeRangeEmpty');
  if (o.orderBy !== undefined && o.orderBy !== 'startTime' && o.orderBy !== 'updated')
    throw new BadRequest(`Invalid value for: orderBy`, 400, 'invalidParameter');
  if (o.orderBy === 'startTime' && o.singleEvents !== true)
    throw new BadRequest('The requested ordering is not available for the particular query.', 400, 'badRequest');
  const maxResults = o.maxResults === undefined ? 250 : Number(o.maxResults);
  if (!Number.isInteger(maxResults) || maxResults < 1)
    throw new BadRequest('Invalid value for: maxResults', 400, 'invalidParameter');
  const start = o.pageToken === undefined ? 0 : Number(o.pageToken);
  if (!Number.isInteger(start) || start < 0)
    throw new BadRequest('Invalid value for: pageToken', 400, 'invalidParameter');
  const props = (key: string) => {
    const v = o[key];
    if (v === undefined) return [] as Array<[string, string]>;
    return (Array.isArray(v) ? v : [v]).map((p) => {
      const s = String(p);
      const eq = s.indexOf('=');
      if (eq <= 0) throw new BadRequest(`Invalid value for: ${key}`, 400, 'invalidParameter');
      return [s.slice(0, eq), s.slice(eq + 1)] as [string, string];
    });
  };
  return {
    timeMin,
    timeMax,
    updatedMin: at('updatedMin'),
    showDeleted: o.showDeleted === true,
    orderBy: o.orderBy as string | undefined,
    // "The page size can never be larger than 2500 events."
    pageSize: Math.min(maxResults, 2500),
    start,
    priv: props('privateExtendedProperty'),
    shared: props('sharedExtendedProperty'),
    words: typeof o.q === 'string' ? o.q.toLowerCase().split(/\s+/).filter(Boolean) : [],
    iCalUID: typeof o.iCalUID === 'string' ? o.iCalUID : undefined,
    timeZone: typeof o.timeZone === 'string' && isValidTimeZone(o.timeZone) ? o.timeZone : undefined,
  };
}

/** A deleted event past the retention period is gone for good. */
export function gone(store: CalendarStore, e: StoredEvent, now: number): boolean {
  return e.deletedMs !== undefined && now - e.deletedMs > store.retentionMs;
}

/** Deleting an event: it stays, cancelled, with a new etag and `updated`. */
export function markDeleted(env: Env, e: StoredEvent): void {
  const now = env.clock.ms();
  e.ev.status = 'cancelled';
  e.ev.etag = `"${env.randomId(16, '0123456789')}"`;
  e.ev.updated = new Date(now).toISOString();
  e.updatedMs = now;
  e.deletedMs = now;
}
instrument(FakeEvents, 'Calendar', 'Events', 'calendar');

/** Who made an event, when a test helper puts an invitation from someone else on a calendar. */
export interface EventOrigin {
  organizer?: { email: string; displayName?: string };
  creator?: { email: string; displayName?: string };
}

/** Validate and normalise an event resource (Node realm). Throws BadRequest. */
export function buildEvent(
  env: Env,
  cal: CalendarData,
  resource: Partial<CalendarEvent>,
  previous: StoredEvent | undefined,
  origin: EventOrigin = {},
): StoredEvent {
  if (resource === null || typeof resource !== 'object') throw new BadRequest('Bad Request', 400, 'badRequest');
  const r = clone(resource) as Partial<CalendarEvent>;
  if (!r.start) throw new BadRequest('Missing start time.', 400, 'required');
  if (!r.end) throw new BadRequest('Missing end time.', 400, 'required');
  const startIsDate = r.start.date !== undefined;
  const endIsDate = r.end.date !== undefined;
  if (
    startIsDate !== endIsDate ||
    (r.start.dateTime !== undefined) === startIsDate ||
    (r.end.dateTime !== undefined) === endIsDate
  ) {
    throw new BadRequest('Start and end times must either both be date or both be dateTime.', 400, 'invalid');
  }
  for (const [which, v] of [
    ['start', r.start],
    ['end', r.end],
  ] as const) {
    if (v.timeZone !== undefined && !isValidTimeZone(v.timeZone))
      throw new BadRequest(`Invalid time zone definition for ${which} time.`, 400, 'invalid');
  }
  let start: number;
  let end: number;
  if (startIsDate) {
    start = parseDate(r.start.date, cal.timeZone, 'start.date');
    end = parseDate(r.end.date, cal.timeZone, 'end.date');
  } else {
    start = parseDateTime(r.start.dateTime, r.start.timeZone, 'start time');
    end = parseDateTime(r.end.dateTime, r.end.timeZone, 'end time');
  }
  if (end <= start) throw new BadRequest('The specified time range is empty.', 400, 'timeRangeEmpty');
  if (r.status !== undefined && !['confirmed', 'tentative', 'cancelled'].includes(String(r.status)))
    throw new BadRequest('Invalid value for: status', 400, 'invalid');
  if (r.transparency !== undefined && r.transparency !== 'opaque' && r.transparency !== 'transparent')
    throw new BadRequest('Invalid value for: transparency', 400, 'invalid');
  const attendees = r.attendees === undefined ? undefined : normaliseAttendees(r.attendees);
  const now = env.clock.ms();
  const id =
    previous?.ev.id ?? (typeof r.id === 'string' ? r.id : env.randomId(26, '0123456789abcdefghijklmnopqrstuv'));
  const ev: CalendarEvent = {
    kind: 'calendar#event',
    etag: `"${env.randomId(16, '0123456789')}"`,
    id,
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.id}`).toString('base64url')}`,
    created: previous?.ev.created ?? new Date(now).toISOString(),
    updated: new Date(now).toISOString(),
    creator: previous?.ev.creator ?? origin.creator ?? { email: env.user },
    // An event keeps its organizer: an invitation stays someone else's event.
    organizer: previous?.ev.organizer ?? origin.organizer ?? { email: cal.id },
    iCalUID: previous?.ev.iCalUID ?? `${id}@google.com`,
    sequence: previous ? (previous.ev.sequence ?? 0) + 1 : 0,
    reminders: { useDefault: true },
    eventType: 'default',
    start: r.start,
    end: r.end,
  };
  for (const [k, v] of Object.entries(r)) {
    if (READ_ONLY.has(k) || k === 'start' || k === 'end' || k === 'id' || k === 'sequence') continue;
    ev[k] = v;
  }
  if (attendees) ev.attendees = attendees;
  const status = String(ev.status);
  // An update or patch that sets status back to 'confirmed' restores a deleted event.
  const deletedMs = status === 'cancelled' ? (previous?.deletedMs ?? now) : undefined;
  return { ev, start, end, allDay: startIsDate, calendarId: cal.id, updatedMs: now, deletedMs };
}

function normaliseAttendees(list: unknown): Attendee[] {
  if (!Array.isArray(list)) throw new BadRequest('Invalid value for: attendees', 400, 'invalid');
  return list.map((a) => {
    const x = (a ?? {}) as Attendee;
    if (typeof x.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(x.email))
      throw new BadRequest('Invalid attendee email.', 400, 'invalid');
    const out: Attendee = { ...x, email: x.email, responseStatus: x.responseStatus ?? 'needsAction' };
    if (!['needsAction', 'declined', 'tentative', 'accepted'].includes(String(out.responseStatus)))
      throw new BadRequest('Invalid value for: responseStatus', 400, 'invalid');
    delete out.self;
    return out;
  });
}

/**
 * The event as the API returns it to the owner of `cal`: dateTime in the
 * offset of the event's (or the calendar's) zone, `self` on the owner's own
 * attendee, organizer and creator entries; a deleted event without its
 * details when the store says so.
 */
export function present(store: CalendarStore, e: StoredEvent, cal: CalendarData, tzParam?: string): CalendarEvent {
  const src = clone(e.ev);
  if (src.status === 'cancelled' && !store.keepDetails) {
    return { kind: 'calendar#event', etag: src.etag, id: src.id, status: 'cancelled' } as CalendarEvent;
  }
  const ev = src;
  const me = cal.id.toLowerCase();
  const selfOf = <T extends { email?: string; self?: boolean }>(p: T | undefined): T | undefined =>
    p && typeof p.email === 'string' && p.email.toLowerCase() === me ? { ...p, self: true } : p;
  ev.organizer = selfOf(ev.organizer as { email: string });
  ev.creator = selfOf(ev.creator as { email: string });
  if (ev.attendees) ev.attendees = (ev.attendees as Attendee[]).map((a) => selfOf(a) as Attendee);
  if (!e.allDay) {
    const fmt = (ms: number, given: EventDateTime): EventDateTime => {
      const tz = given.timeZone ?? tzParam ?? cal.timeZone;
      const out: EventDateTime = { dateTime: rfc3339InZone(ms, tz) };
      if (given.timeZone) out.timeZone = given.timeZone;
      return out;
    };
    ev.start = fmt(e.start, e.ev.start);
    ev.end = fmt(e.end, e.ev.end);
  }
  return ev;
}

/** The `Calendar` global: Calendar.Events.* */
export function createCalendar(h: CalendarHost): { Events: FakeEvents } {
  return { Events: new FakeEvents(h) };
}
