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
 *  - returned start/end carry dateTime in the offset of the event's zone.
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

interface StoredEvent {
  ev: CalendarEvent;
  start: number;
  end: number;
  allDay: boolean;
  calendarId: string;
  updatedMs: number;
}

interface CalendarData {
  id: string;
  timeZone: string;
  events: StoredEvent[];
}

export class CalendarStore {
  calendars = new Map<string, CalendarData>();
  constructor(public defaultTimeZone: string) {}

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

class BadRequest extends Error {
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

const READ_ONLY = new Set([
  'kind',
  'etag',
  'htmlLink',
  'created',
  'updated',
  'creator',
  'organizer',
  'iCalUID',
  'status',
]);

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
        if (cal.events.some((e) => e.ev.id === resource.id))
          throw new BadRequest('The requested identifier already exists.', 409, 'duplicate');
      }
      cal.events.push(stored);
      return this.env.realm.toCtx(present(stored, cal));
    });
  }
  get(calendarId: string, eventId: string): unknown {
    const cal = this._cal(calendarId, 'get');
    const e = cal.events.find((x) => x.ev.id === eventId);
    if (!e) throw this.env.apiError('calendar.events.get', 404, 'Not Found', 'notFound');
    return this.env.realm.toCtx(present(e, cal));
  }
  remove(calendarId: string, eventId: string): void {
    const cal = this._cal(calendarId, 'delete');
    const e = cal.events.find((x) => x.ev.id === eventId);
    if (!e) throw this.env.apiError('calendar.events.delete', 404, 'Not Found', 'notFound');
    if (e.ev.status === 'cancelled')
      throw this.env.apiError('calendar.events.delete', 410, 'Resource has been deleted', 'deleted');
    e.ev.status = 'cancelled';
    e.updatedMs = this.env.clock.ms();
  }
  patch(resource: Partial<CalendarEvent>, calendarId: string, eventId: string): unknown {
    const cal = this._cal(calendarId, 'patch');
    const i = cal.events.findIndex((x) => x.ev.id === eventId);
    if (i < 0) throw this.env.apiError('calendar.events.patch', 404, 'Not Found', 'notFound');
    return this._wrap('patch', () => {
      const merged = { ...cal.events[i].ev, ...clone(resource) };
      cal.events[i] = buildEvent(this.env, cal, merged, cal.events[i]);
      return this.env.realm.toCtx(present(cal.events[i], cal));
    });
  }
  update(resource: Partial<CalendarEvent>, calendarId: string, eventId: string): unknown {
    const cal = this._cal(calendarId, 'update');
    const i = cal.events.findIndex((x) => x.ev.id === eventId);
    if (i < 0) throw this.env.apiError('calendar.events.update', 404, 'Not Found', 'notFound');
    return this._wrap('update', () => {
      cal.events[i] = buildEvent(this.env, cal, { ...clone(resource), id: eventId }, cal.events[i]);
      return this.env.realm.toCtx(present(cal.events[i], cal));
    });
  }
  list(calendarId: string, optionalArgs?: Record<string, unknown>): unknown {
    const cal = this._cal(calendarId, 'list');
    return this._wrap('list', () => {
      const o = optionalArgs ?? {};
      // timeMin/timeMax: RFC 3339 with a mandatory offset (a Date object or a bare local time is a bad request).
      for (const k of ['timeMin', 'timeMax'] as const) {
        const v = o[k];
        if (v !== undefined && (typeof v !== 'string' || !/([Zz]|[+-]\d{2}:\d{2})$/.test(v)))
          throw new BadRequest('Bad Request', 400, 'badRequest');
      }
      const timeMin = o.timeMin === undefined ? undefined : parseDateTime(o.timeMin, undefined, 'timeMin');
      const timeMax = o.timeMax === undefined ? undefined : parseDateTime(o.timeMax, undefined, 'timeMax');
      if (timeMin !== undefined && timeMax !== undefined && timeMin >= timeMax)
        throw new BadRequest('The specified time range is empty.', 400, 'timeRangeEmpty');
      if (o.orderBy !== undefined && o.orderBy !== 'startTime' && o.orderBy !== 'updated')
        throw new BadRequest(`Invalid value for: orderBy`, 400, 'invalidParameter');
      if (o.orderBy === 'startTime' && o.singleEvents !== true) {
        throw new BadRequest('The requested ordering is not available for the particular query.', 400, 'badRequest');
      }
      const maxResults = o.maxResults === undefined ? 250 : Number(o.maxResults);
      if (!Number.isInteger(maxResults) || maxResults < 1)
        throw new BadRequest('Invalid value for: maxResults', 400, 'invalidParameter');
      const pageSize = Math.min(maxResults, 2500);
      const props = (key: string) => {
        const v = o[key];
        if (v === undefined) return [] as Array<[string, string]>;
        const list = Array.isArray(v) ? v : [v];
        return list.map((p) => {
          const s = String(p);
          const eq = s.indexOf('=');
          if (eq <= 0) throw new BadRequest(`Invalid value for: ${key}`, 400, 'invalidParameter');
          return [s.slice(0, eq), s.slice(eq + 1)] as [string, string];
        });
      };
      const priv = props('privateExtendedProperty');
      const shared = props('sharedExtendedProperty');
      const words = typeof o.q === 'string' ? o.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
      let items = cal.events.filter((e) => {
        if (e.ev.status === 'cancelled' && o.showDeleted !== true) return false;
        if (timeMin !== undefined && !(e.end > timeMin)) return false;
        if (timeMax !== undefined && !(e.start < timeMax)) return false;
        if (typeof o.iCalUID === 'string' && e.ev.iCalUID !== o.iCalUID) return false;
        for (const [k, v] of priv) if (e.ev.extendedProperties?.private?.[k] !== v) return false;
        for (const [k, v] of shared) if (e.ev.extendedProperties?.shared?.[k] !== v) return false;
        if (words.length) {
          const hay = [e.ev.summary, e.ev.description, e.ev.location, ...(e.ev.attendees ?? []).map((a) => a.email)]
            .join(' ')
            .toLowerCase();
          if (!words.every((w) => hay.includes(w))) return false;
        }
        return true;
      });
      if (o.orderBy === 'startTime') items = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
      else if (o.orderBy === 'updated') items = [...items].sort((a, b) => a.updatedMs - b.updatedMs);
      const start = o.pageToken === undefined ? 0 : Number(o.pageToken);
      if (!Number.isInteger(start) || start < 0)
        throw new BadRequest('Invalid value for: pageToken', 400, 'invalidParameter');
      const tzParam = typeof o.timeZone === 'string' && isValidTimeZone(o.timeZone) ? o.timeZone : undefined;
      const page = items.slice(start, start + pageSize).map((e) => present(e, cal, tzParam));
      const out: Record<string, unknown> = {
        kind: 'calendar#events',
        etag: `"${this.env.randomId(16, '0123456789')}"`,
        summary: cal.id,
        updated: new Date(this.env.clock.ms()).toISOString(),
        timeZone: tzParam ?? cal.timeZone,
        accessRole: 'owner',
        defaultReminders: [],
        items: page,
      };
      if (start + pageSize < items.length) out.nextPageToken = String(start + pageSize);
      return this.env.realm.toCtx(out);
    });
  }
}
instrument(FakeEvents, 'Calendar', 'Events', 'calendar');

/** Validate and normalise an event resource (Node realm). Throws BadRequest. */
function buildEvent(
  env: Env,
  cal: CalendarData,
  resource: Partial<CalendarEvent>,
  previous: StoredEvent | undefined,
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
  const now = env.clock.ms();
  const id =
    previous?.ev.id ?? (typeof r.id === 'string' ? r.id : env.randomId(26, '0123456789abcdefghijklmnopqrstuv'));
  const ev: CalendarEvent = {
    kind: 'calendar#event',
    etag: `"${env.randomId(16, '0123456789')}"`,
    id,
    status: previous?.ev.status ?? 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.id}`).toString('base64url')}`,
    created: previous?.ev.created ?? new Date(now).toISOString(),
    updated: new Date(now).toISOString(),
    creator: { email: env.user, self: true },
    organizer: { email: cal.id, self: true },
    iCalUID: previous?.ev.iCalUID ?? `${id}@google.com`,
    sequence: previous ? (previous.ev.sequence ?? 0) + 1 : 0,
    reminders: { useDefault: true },
    eventType: 'default',
    start: r.start,
    end: r.end,
  };
  for (const [k, v] of Object.entries(r)) {
    if (READ_ONLY.has(k) || k === 'start' || k === 'end' || k === 'id') continue;
    ev[k] = v;
  }
  return { ev, start, end, allDay: startIsDate, calendarId: cal.id, updatedMs: now };
}

/** The event as the API returns it: dateTime in the offset of the event's (or the calendar's) zone. */
function present(e: StoredEvent, cal: CalendarData, tzParam?: string): CalendarEvent {
  const ev = clone(e.ev);
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

/** Test helper: all events of one calendar (or all), as the API would return them. */
export function listAll(store: CalendarStore, calendarId?: string): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (const cal of store.calendars.values()) {
    if (calendarId !== undefined && cal.id !== calendarId) continue;
    for (const e of cal.events) out.push(present(e, cal));
  }
  return out;
}

/** Test helper: instants of events (for exporters). */
export function storedEvents(
  store: CalendarStore,
  calendarId?: string,
): Array<{ ev: CalendarEvent; start: number; end: number; allDay: boolean; calendarId: string; timeZone: string }> {
  const out = [];
  for (const cal of store.calendars.values()) {
    if (calendarId !== undefined && cal.id !== calendarId) continue;
    for (const e of cal.events)
      out.push({
        ev: present(e, cal),
        start: e.start,
        end: e.end,
        allDay: e.allDay,
        calendarId: cal.id,
        timeZone: cal.timeZone,
      });
  }
  return out;
}

/** Test helper: add an event directly (validated like insert, not counted). */
export function addEventDirect(
  env: Env,
  store: CalendarStore,
  calendarId: string,
  partial: Partial<CalendarEvent>,
): CalendarEvent {
  const cal = store.ensure(calendarId);
  const resource: Partial<CalendarEvent> = { summary: 'Busy', ...partial };
  let stored: StoredEvent;
  try {
    stored = buildEvent(env, cal, resource, undefined);
  } catch (e) {
    if (e instanceof BadRequest) throw new Error(`calendar.addEvent: ${e.message}`);
    throw e;
  }
  cal.events.push(stored);
  return present(stored, cal);
}
