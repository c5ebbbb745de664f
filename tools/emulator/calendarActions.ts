/**
 * The calendar as the user changes it outside Retain (test helpers, not
 * counted): put an event or an invitation on it, decline or accept an
 * invitation, mark an event free, move it, delete it. Each change is what the
 * Calendar UI does to the event resource, so the bundle sees it through
 * Calendar.Events.* the way it would on a real account (new etag and
 * `updated`; a move also a new `sequence`).
 */
import {
  BadRequest,
  buildEvent,
  gone,
  markDeleted,
  present,
  type Attendee,
  type CalendarData,
  type CalendarEvent,
  type CalendarStore,
  type EventOrigin,
  type StoredEvent,
} from './calendar';
import type { Env } from './runtime';

export type ResponseStatus = 'needsAction' | 'declined' | 'tentative' | 'accepted';

/** Every event of one calendar (or all), as the API returns them to the calendar's owner, deleted ones included. */
export function listAll(store: CalendarStore, calendarId?: string, now = Date.now()): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (const cal of store.calendars.values()) {
    if (calendarId !== undefined && cal.id !== calendarId) continue;
    for (const e of cal.events) if (!gone(store, e, now)) out.push(present(store, e, cal));
  }
  return out;
}

/** Instants of events (for exporters). */
export function storedEvents(
  store: CalendarStore,
  calendarId?: string,
): Array<{ ev: CalendarEvent; start: number; end: number; allDay: boolean; calendarId: string; timeZone: string }> {
  const out = [];
  for (const cal of store.calendars.values()) {
    if (calendarId !== undefined && cal.id !== calendarId) continue;
    for (const e of cal.events)
      out.push({
        ev: present(store, e, cal),
        start: e.start,
        end: e.end,
        allDay: e.allDay,
        calendarId: cal.id,
        timeZone: cal.timeZone,
      });
  }
  return out;
}

/**
 * Add an event directly (validated like insert). With `organizer` set to
 * someone else it is an invitation: the calendar's owner should be among the
 * attendees (added with responseStatus 'needsAction' if missing).
 */
export function addEventDirect(
  env: Env,
  store: CalendarStore,
  calendarId: string,
  partial: Partial<CalendarEvent>,
): CalendarEvent {
  const cal = store.ensure(calendarId);
  const resource: Partial<CalendarEvent> = { summary: 'Busy', ...partial };
  const origin: EventOrigin = {};
  const org = partial.organizer as { email?: string; displayName?: string } | undefined;
  if (org?.email && org.email.toLowerCase() !== cal.id.toLowerCase()) {
    origin.organizer = { email: org.email, ...(org.displayName ? { displayName: org.displayName } : {}) };
    origin.creator = origin.organizer;
    const attendees = [...((resource.attendees ?? []) as Attendee[])];
    if (!attendees.some((a) => a.email.toLowerCase() === cal.id.toLowerCase()))
      attendees.push({ email: cal.id, responseStatus: 'needsAction' });
    if (!attendees.some((a) => a.email.toLowerCase() === org.email!.toLowerCase()))
      attendees.unshift({ email: org.email, organizer: true, responseStatus: 'accepted' });
    resource.attendees = attendees;
  }
  let stored: StoredEvent;
  try {
    stored = buildEvent(env, cal, resource, undefined, origin);
  } catch (e) {
    if (e instanceof BadRequest) throw new Error(`calendar.addEvent: ${e.message}`);
    throw e;
  }
  cal.events.push(stored);
  return present(store, stored, cal);
}

function find(store: CalendarStore, calendarId: string, eventId: string): { cal: CalendarData; i: number } {
  const cal = store.calendars.get(calendarId);
  const i = cal ? cal.events.findIndex((e) => e.ev.id === eventId) : -1;
  if (!cal || i < 0) throw new Error(`calendar: no event ${eventId} on ${calendarId}`);
  return { cal, i };
}

/** Change an event the way the Calendar UI does: the fields given replace the old ones. */
function edit(
  env: Env,
  store: CalendarStore,
  calendarId: string,
  eventId: string,
  change: (ev: CalendarEvent) => Partial<CalendarEvent>,
  bumpSequence: boolean,
): CalendarEvent {
  const { cal, i } = find(store, calendarId, eventId);
  const prev = cal.events[i];
  const next = buildEvent(env, cal, { ...prev.ev, ...change(structuredClone(prev.ev)) }, prev);
  // Only a change of time or place is a new version of the event for the attendees (iCalendar SEQUENCE).
  if (!bumpSequence) next.ev.sequence = prev.ev.sequence ?? 0;
  cal.events[i] = next;
  return present(store, next, cal);
}

/** The calendar's owner answers an invitation (declines it, accepts it, ...). */
export function respond(
  env: Env,
  store: CalendarStore,
  calendarId: string,
  eventId: string,
  status: ResponseStatus,
  email = calendarId,
): CalendarEvent {
  return edit(
    env,
    store,
    calendarId,
    eventId,
    (ev) => {
      const list = [...((ev.attendees ?? []) as Attendee[])];
      const me = list.findIndex((a) => a.email.toLowerCase() === email.toLowerCase());
      if (me < 0) list.push({ email, responseStatus: status });
      else list[me] = { ...list[me], responseStatus: status };
      return { attendees: list };
    },
    false,
  );
}

/** "Show me as: Free" (transparency 'transparent'), or back to Busy. */
export function markFree(
  env: Env,
  store: CalendarStore,
  calendarId: string,
  eventId: string,
  free = true,
): CalendarEvent {
  return edit(env, store, calendarId, eventId, () => ({ transparency: free ? 'transparent' : 'opaque' }), false);
}

/** Drag the event to another time. */
export function moveEvent(
  env: Env,
  store: CalendarStore,
  calendarId: string,
  eventId: string,
  to: { start: CalendarEvent['start']; end: CalendarEvent['end'] },
): CalendarEvent {
  return edit(env, store, calendarId, eventId, () => ({ start: to.start, end: to.end }), true);
}

/** The user deletes the event: it stays as status 'cancelled' (see calendar.ts). */
export function deleteEvent(env: Env, store: CalendarStore, calendarId: string, eventId: string): void {
  const { cal, i } = find(store, calendarId, eventId);
  markDeleted(env, cal.events[i]);
}
