/**
 * Which calendar events take time a visit could use (docs/rules.md, Visits):
 * the Calendar API's own words for it (docs/platform.md, Calendar). Kept
 * apart from visitSlots.ts, which places visits around the busy time this
 * leaves.
 */

/** What of a Calendar event decides whether it takes time (the Events resource's fields). */
export interface EventAvailability {
  status?: string;
  transparency?: string;
  attendees?: ReadonlyArray<{ self?: boolean; responseStatus?: string }>;
}

/**
 * Whether an event blocks a visit slot (docs/rules.md, Visits): not one that
 * was deleted, not one marked free (transparency 'transparent'), not an
 * invitation the calendar's owner declined (their own attendee entry, `self`,
 * says 'declined').
 */
export function blocksTime(e: EventAvailability): boolean {
  if (e.status === 'cancelled' || e.transparency === 'transparent') return false;
  const me = (e.attendees ?? []).find((a) => a.self === true);
  return !(me && me.responseStatus === 'declined');
}
