/**
 * The Calendar API (advanced service, calendar.events scope: docs/platform.md,
 * Calendar): list events, insert one. Every Retain event carries its key in a
 * private extended property; an insert after a lost answer is looked up by
 * that key before it is tried again.
 */
import { withRetry } from './retry';

export type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

function events(): GoogleAppsScript.Calendar.Collection.EventsCollection {
  if (typeof Calendar === 'undefined' || !Calendar || !Calendar.Events)
    throw new Error('The Calendar advanced service is not enabled (appsscript.json).');
  return Calendar.Events;
}

/** Every event matching `args` (Events.list parameters), all pages, and the calendar's own time zone ('' if not given). */
export function listEvents_(
  calendarId: string,
  args: Record<string, unknown>,
): { items: CalendarEvent[]; timeZone: string } {
  const items: CalendarEvent[] = [];
  let timeZone = '';
  let pageToken: string | undefined;
  do {
    const page = withRetry(() => events().list(calendarId, { ...args, pageToken, maxResults: 2500 }), {
      service: 'Calendar',
    });
    items.push(...(page.items ?? []));
    if (!timeZone && page.timeZone) timeZone = page.timeZone;
    pageToken = page.nextPageToken;
  } while (pageToken);
  return { items, timeZone };
}

/** The event whose private property `name` is `value` (not cancelled), or null. */
export function findEvent_(calendarId: string, name: string, value: string): CalendarEvent | null {
  const found = listEvents_(calendarId, { privateExtendedProperty: [`${name}=${value}`], singleEvents: true }).items;
  return found.find((e) => e.status !== 'cancelled') ?? null;
}

/** Inserts the event; after a transient error the calendar is asked for the event with private property `name=value` first. */
export function insertEvent_(
  calendarId: string,
  resource: CalendarEvent,
  find: { name: string; value: string },
): CalendarEvent {
  return withRetry(() => events().insert(resource, calendarId), {
    service: 'Calendar',
    recover: () => findEvent_(calendarId, find.name, find.value),
  });
}
