/**
 * Calendar API v3 behaviour Retain's visits and meetings rely on
 * (docs/platform.md, "Calendar"): the calendar's own time zone, invitations
 * with attendees, free events, deleted events, get/patch/update/remove, and
 * the test helpers that act as the user.
 */
import { Emulator } from '../../tools/emulator';

const CODE = `
  function insert(ev) { return Calendar.Events.insert(ev, 'primary'); }
  function list(opts) { return Calendar.Events.list('primary', opts || {}); }
  function get(id) { return Calendar.Events.get('primary', id); }
  function patch(res, id) { return Calendar.Events.patch(res, 'primary', id); }
  function update(res, id) { return Calendar.Events.update(res, 'primary', id); }
  function remove(id) { Calendar.Events.remove('primary', id); }
  function tryCall(name, a, b) { try { return this[name](a, b); } catch (e) { return e.message; } }`;

type Att = { email: string; self?: boolean; responseStatus?: string; organizer?: boolean };
type Ev = {
  id: string;
  etag: string;
  status: string;
  summary?: string;
  sequence: number;
  updated: string;
  transparency?: string;
  attendees?: Att[];
  organizer?: { email: string; self?: boolean };
  extendedProperties?: { private?: Record<string, string> };
  start: { dateTime?: string; timeZone?: string };
};
type List = { timeZone: string; items: Ev[]; nextPageToken?: string };

const at = (local: string, tz = 'Asia/Shanghai') => ({ dateTime: local, timeZone: tz });
const VISIT = {
  summary: 'Visit: Li',
  start: at('2026-11-17T10:00:00'),
  end: at('2026-11-17T11:00:00'),
  extendedProperties: { private: { retainKey: 'C1|2026-11-17', ss: 'ss-1' } },
};

function emulator(opts: ConstructorParameters<typeof Emulator>[0] = {}): Emulator {
  const emu = new Emulator({
    now: '2026-11-16T06:30:00+08:00',
    timeZone: 'Asia/Shanghai',
    userEmail: 'rep@example.com',
    ...opts,
  });
  emu.load(CODE);
  return emu;
}

describe('the calendar has its own time zone', () => {
  test('events.list returns the calendar zone, not the spreadsheet one; timeZone asks for another', () => {
    const emu = emulator({ calendarTimeZone: 'Europe/Berlin' });
    expect((emu.invoke('list') as List).timeZone).toBe('Europe/Berlin');
    expect(emu.calendar.timeZone()).toBe('Europe/Berlin');
    const ev = emu.invoke('insert', {
      summary: 'x',
      start: { dateTime: '2026-11-17T02:00:00Z' },
      end: { dateTime: '2026-11-17T03:00:00Z' },
    }) as Ev;
    // Shown in the calendar's zone (CET, +01:00).
    expect(ev.start.dateTime).toBe('2026-11-17T03:00:00+01:00');
    expect((emu.invoke('list', { timeZone: 'Asia/Shanghai' }) as List).timeZone).toBe('Asia/Shanghai');
    emu.calendar.addCalendar('primary', 'America/New_York');
    expect((emu.invoke('list') as List).timeZone).toBe('America/New_York');
  });
});

describe('invitations and free events', () => {
  test('an invitation from someone else: the owner is an attendee with self and responseStatus; declining shows', () => {
    const emu = emulator();
    const inv = emu.calendar.addEvent('primary', {
      summary: 'Quarterly review',
      organizer: { email: 'boss@example.com' },
      attendees: [{ email: 'client@acme.com', displayName: 'Wang Client' }],
      start: at('2026-11-17T14:00:00'),
      end: at('2026-11-17T15:00:00'),
    }) as Ev;
    const listed = (emu.invoke('list') as List).items[0];
    expect(listed.organizer).toEqual({ email: 'boss@example.com' });
    expect(listed.attendees).toEqual([
      { email: 'boss@example.com', organizer: true, responseStatus: 'accepted' },
      { email: 'client@acme.com', displayName: 'Wang Client', responseStatus: 'needsAction' },
      { email: 'rep@example.com', self: true, responseStatus: 'needsAction' },
    ]);
    const declined = emu.calendar.decline('primary', inv.id) as Ev;
    expect(declined.etag).not.toBe(inv.etag);
    const mine = (e: Ev) => e.attendees?.find((a) => a.self);
    expect(mine(emu.invoke('get', inv.id) as Ev)?.responseStatus).toBe('declined');
    emu.calendar.respond('primary', inv.id, 'tentative');
    expect(mine((emu.invoke('list') as List).items[0])?.responseStatus).toBe('tentative');
  });

  test("the rep's own event lists the rep as organizer with self; attendees start as needsAction", () => {
    const emu = emulator();
    const ev = emu.invoke('insert', { ...VISIT, attendees: [{ email: 'li@client.cn' }] }) as Ev;
    expect(ev.organizer).toEqual({ email: 'rep@example.com', self: true });
    expect(ev.attendees).toEqual([{ email: 'li@client.cn', responseStatus: 'needsAction' }]);
  });

  test('an event marked free has transparency transparent; busy again drops it back to opaque', () => {
    const emu = emulator();
    const ev = emu.calendar.addEvent('primary', {
      summary: 'Gym',
      start: at('2026-11-17T08:00:00'),
      end: at('2026-11-17T09:00:00'),
    });
    expect((emu.invoke('get', ev.id) as Ev).transparency).toBeUndefined();
    emu.calendar.markFree('primary', ev.id);
    expect((emu.invoke('get', ev.id) as Ev).transparency).toBe('transparent');
    emu.calendar.markFree('primary', ev.id, false);
    expect((emu.invoke('get', ev.id) as Ev).transparency).toBe('opaque');
  });

  test('q searches summary, description, location and attendee/organizer emails and names', () => {
    const emu = emulator();
    emu.calendar.addEvent('primary', {
      summary: 'Lunch',
      attendees: [{ email: 'li@client.cn', displayName: 'Li Wei' }],
      start: at('2026-11-17T12:00:00'),
      end: at('2026-11-17T13:00:00'),
    });
    emu.invoke('insert', VISIT);
    expect((emu.invoke('list', { q: 'li@client.cn' }) as List).items.map((e) => e.summary)).toEqual(['Lunch']);
    expect((emu.invoke('list', { q: 'wei' }) as List).items.map((e) => e.summary)).toEqual(['Lunch']);
    expect((emu.invoke('list', { q: 'visit li' }) as List).items.map((e) => e.summary)).toEqual(['Visit: Li']);
  });
});

describe('deleted events', () => {
  test('a deleted event is cancelled: list hides it unless showDeleted; get still returns it', () => {
    const emu = emulator();
    const ev = emu.invoke('insert', VISIT) as Ev;
    emu.calendar.deleteEvent('primary', ev.id);
    expect((emu.invoke('list') as List).items).toEqual([]);
    const shown = (emu.invoke('list', { showDeleted: true }) as List).items;
    expect(shown.map((e) => [e.id, e.status])).toEqual([[ev.id, 'cancelled']]);
    expect((emu.invoke('get', ev.id) as Ev).status).toBe('cancelled');
    // On the organizer's calendar it keeps its details, so its key still finds it (with showDeleted).
    expect(
      (emu.invoke('list', { privateExtendedProperty: 'retainKey=C1|2026-11-17', showDeleted: true }) as List).items,
    ).toHaveLength(1);
    expect((emu.invoke('list', { privateExtendedProperty: 'retainKey=C1|2026-11-17' }) as List).items).toHaveLength(0);
  });

  test('updatedMin includes events deleted since then whatever showDeleted says', () => {
    const emu = emulator();
    const a = emu.invoke('insert', VISIT) as Ev;
    emu.clock.advance(3600000);
    const since = new Date(emu.clock.ms()).toISOString();
    emu.clock.advance(60000);
    emu.calendar.deleteEvent('primary', a.id);
    const b = emu.invoke('insert', { ...VISIT, summary: 'later' }) as Ev;
    expect((emu.invoke('list', { updatedMin: since }) as List).items.map((e) => [e.id, e.status])).toEqual([
      [a.id, 'cancelled'],
      [b.id, 'confirmed'],
    ]);
  });

  test('the other documented reading (only the id survives): a key query no longer finds it', () => {
    const emu = emulator({ calendar: { deletedKeepDetails: false } });
    const ev = emu.invoke('insert', VISIT) as Ev;
    emu.invoke('remove', ev.id);
    expect(
      (emu.invoke('list', { privateExtendedProperty: 'retainKey=C1|2026-11-17', showDeleted: true }) as List).items,
    ).toEqual([]);
    expect(emu.invoke('get', ev.id)).toEqual({
      kind: 'calendar#event',
      etag: expect.any(String),
      id: ev.id,
      status: 'cancelled',
    });
  });

  test('a deleted event disappears after the retention period; its client-chosen id stays taken until then', () => {
    const emu = emulator({ calendar: { deletedRetentionDays: 7 } });
    const ev = emu.invoke('insert', { ...VISIT, id: 'retainc1v20261117' }) as Ev;
    emu.invoke('remove', ev.id);
    expect(emu.invoke('tryCall', 'remove', ev.id)).toBe(
      'API call to calendar.events.delete failed with error: Resource has been deleted',
    );
    expect(emu.invoke('tryCall', 'insert', { ...VISIT, id: 'retainc1v20261117' })).toBe(
      'API call to calendar.events.insert failed with error: The requested identifier already exists.',
    );
    emu.clock.advance(8 * 86400000);
    expect(emu.invoke('tryCall', 'get', ev.id)).toBe('API call to calendar.events.get failed with error: Not Found');
    expect((emu.invoke('list', { showDeleted: true }) as List).items).toEqual([]);
    // Gone for good: the id can be used again.
    expect((emu.invoke('insert', { ...VISIT, id: 'retainc1v20261117' }) as Ev).status).toBe('confirmed');
  });

  test('patching status back to confirmed restores a deleted event', () => {
    const emu = emulator();
    const ev = emu.invoke('insert', VISIT) as Ev;
    emu.invoke('remove', ev.id);
    emu.invoke('patch', { status: 'confirmed' }, ev.id);
    expect((emu.invoke('list') as List).items.map((e) => e.id)).toEqual([ev.id]);
  });
});

describe('get, patch, update, remove', () => {
  test('patch merges objects and replaces arrays; update replaces the whole event; etag and sequence change', () => {
    const emu = emulator();
    const ev = emu.invoke('insert', { ...VISIT, attendees: [{ email: 'a@x.cn' }], location: 'Main St 1' }) as Ev;
    expect(ev.sequence).toBe(0);
    const p = emu.invoke(
      'patch',
      { extendedProperties: { private: { done: 'yes' } }, attendees: [{ email: 'b@x.cn' }] },
      ev.id,
    ) as Ev & { location?: string };
    expect(p.extendedProperties?.private).toEqual({ retainKey: 'C1|2026-11-17', ss: 'ss-1', done: 'yes' });
    expect(p.attendees?.map((a) => a.email)).toEqual(['b@x.cn']);
    expect(p.location).toBe('Main St 1');
    expect(p.sequence).toBe(1);
    expect(p.etag).not.toBe(ev.etag);
    const u = emu.invoke('update', { summary: 'Only this', start: VISIT.start, end: VISIT.end }, ev.id) as Ev & {
      location?: string;
    };
    expect(u.summary).toBe('Only this');
    expect(u.location).toBeUndefined();
    expect(u.extendedProperties).toBeUndefined();
    expect(u.sequence).toBe(2);
    expect(emu.invoke('tryCall', 'patch', { summary: 'x' }, 'nope00000')).toBe(
      'API call to calendar.events.patch failed with error: Not Found',
    );
    expect(emu.calls.byMethod()).toMatchObject({ 'Calendar.Events.patch': 2, 'Calendar.Events.update': 1 });
  });

  test('the user moving an event changes its time and sequence', () => {
    const emu = emulator();
    const ev = emu.invoke('insert', VISIT) as Ev;
    emu.calendar.moveEvent('primary', ev.id, { start: at('2026-11-18T15:00:00'), end: at('2026-11-18T16:00:00') });
    const moved = emu.invoke('get', ev.id) as Ev;
    expect(moved.start.dateTime).toBe('2026-11-18T15:00:00+08:00');
    expect(moved.sequence).toBe(1);
  });

  test('paging: maxResults caps at 2500, nextPageToken until the last page', () => {
    const emu = emulator();
    for (let i = 0; i < 5; i++)
      emu.calendar.addEvent('primary', {
        summary: `e${i}`,
        start: at(`2026-11-2${i}T09:00:00`),
        end: at(`2026-11-2${i}T10:00:00`),
      });
    const p1 = emu.invoke('list', { maxResults: 2, singleEvents: true, orderBy: 'startTime' }) as List;
    const p2 = emu.invoke('list', {
      maxResults: 2,
      singleEvents: true,
      orderBy: 'startTime',
      pageToken: p1.nextPageToken,
    }) as List;
    const p3 = emu.invoke('list', {
      maxResults: 2,
      singleEvents: true,
      orderBy: 'startTime',
      pageToken: p2.nextPageToken,
    }) as List;
    expect([...p1.items, ...p2.items, ...p3.items].map((e) => e.summary)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(p3.nextPageToken).toBeUndefined();
    expect((emu.invoke('list', { maxResults: 100000 }) as List).items).toHaveLength(5);
  });
});
