/**
 * The Calendar advanced service fake (Calendar API v3: events.insert,
 * events.list, events.get) and the .ics export, read back with ical.js.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ICAL from 'ical.js';
import { Emulator } from '../../tools/emulator';

const CODE = `
  function insert(ev, cal) { return Calendar.Events.insert(ev, cal || 'primary'); }
  function visit(key, startLocal, endLocal, tz) {
    return Calendar.Events.insert({ summary: 'Visit: ' + key, location: 'Main St 1',
      start: { dateTime: startLocal, timeZone: tz }, end: { dateTime: endLocal, timeZone: tz },
      extendedProperties: { private: { retainKey: key, kind: 'visit' } } }, 'primary');
  }
  function list(opts, cal) { return Calendar.Events.list(cal || 'primary', opts); }
  function get(id) { return Calendar.Events.get('primary', id); }`;

function emulator(opts: ConstructorParameters<typeof Emulator>[0] = {}): Emulator {
  const emu = new Emulator({ now: '2026-11-02T10:00:00Z', timeZone: 'America/New_York', ...opts });
  emu.load(CODE);
  return emu;
}

type Ev = {
  id: string;
  summary: string;
  status: string;
  iCalUID: string;
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { dateTime?: string; timeZone?: string };
};

describe('Calendar.Events.insert', () => {
  test('stores the event with id, iCalUID, status; dateTime in the offset of its time zone, across DST', () => {
    const emu = emulator();
    const before = emu.invoke(
      'visit',
      'C1|2026-03-06',
      '2026-03-06T09:00:00',
      '2026-03-06T10:00:00',
      'America/New_York',
    ) as Ev;
    const after = emu.invoke(
      'visit',
      'C1|2026-03-09',
      '2026-03-09T09:00:00',
      '2026-03-09T10:00:00',
      'America/New_York',
    ) as Ev;
    expect(before).toMatchObject({
      status: 'confirmed',
      summary: 'Visit: C1|2026-03-06',
      start: { dateTime: '2026-03-06T09:00:00-05:00', timeZone: 'America/New_York' },
    });
    expect(after.start.dateTime).toBe('2026-03-09T09:00:00-04:00');
    expect(before.iCalUID).toBe(`${before.id}@google.com`);
    expect(emu.invoke('get', after.id)).toMatchObject({ id: after.id, end: { dateTime: '2026-03-09T10:00:00-04:00' } });
    const sh = emu.invoke(
      'visit',
      'C2|2026-11-03',
      '2026-11-03T14:00:00',
      '2026-11-03T15:00:00',
      'Asia/Shanghai',
    ) as Ev;
    expect(sh.start.dateTime).toBe('2026-11-03T14:00:00+08:00');
  });

  test('an offset in dateTime needs no timeZone; without either it is rejected', () => {
    const emu = emulator();
    const ev = emu.invoke('insert', {
      summary: 'x',
      start: { dateTime: '2026-11-03T14:00:00Z' },
      end: { dateTime: '2026-11-03T15:00:00Z' },
    }) as Ev;
    // shown in the calendar's zone (America/New_York), no timeZone field
    expect(ev.start).toEqual({ dateTime: '2026-11-03T09:00:00-05:00' });
    expect(() =>
      emu.invoke('insert', { start: { dateTime: '2026-11-03T14:00:00' }, end: { dateTime: '2026-11-03T15:00:00' } }),
    ).toThrow('API call to calendar.events.insert failed with error: Missing time zone definition for start time.');
  });

  test('rejects an empty time range, mixed date kinds, bad ids, duplicate ids, unknown calendars', () => {
    const emu = emulator();
    const t = (s: string) => ({ dateTime: s, timeZone: 'Europe/London' });
    expect(() => emu.invoke('insert', { start: t('2026-11-03T10:00:00'), end: t('2026-11-03T10:00:00') })).toThrow(
      'API call to calendar.events.insert failed with error: The specified time range is empty.',
    );
    expect(() => emu.invoke('insert', { start: { date: '2026-11-03' }, end: t('2026-11-03T10:00:00') })).toThrow(
      /both be date or both be dateTime/,
    );
    expect(() =>
      emu.invoke('insert', { id: 'Not_Base32', start: t('2026-11-03T10:00:00'), end: t('2026-11-03T11:00:00') }),
    ).toThrow(/Invalid resource id value/);
    emu.invoke('insert', { id: 'retainc1v20261103', start: t('2026-11-03T10:00:00'), end: t('2026-11-03T11:00:00') });
    expect(() =>
      emu.invoke('insert', { id: 'retainc1v20261103', start: t('2026-11-03T10:00:00'), end: t('2026-11-03T11:00:00') }),
    ).toThrow('API call to calendar.events.insert failed with error: The requested identifier already exists.');
    expect(() =>
      emu.invoke(
        'insert',
        { start: t('2026-11-03T10:00:00'), end: t('2026-11-03T11:00:00') },
        'nobody@group.calendar.google.com',
      ),
    ).toThrow('API call to calendar.events.insert failed with error: Not Found');
  });

  test("'primary' is the running user's own calendar", () => {
    const emu = emulator();
    emu.invokeAs(
      { user: 'li@example.com' },
      'visit',
      'C9|x',
      '2026-11-03T09:00:00',
      '2026-11-03T10:00:00',
      'Asia/Shanghai',
    );
    expect(emu.calendar.events('li@example.com')).toHaveLength(1);
    expect(emu.calendar.events('primary')).toHaveLength(0);
  });
});

describe('Calendar.Events.list', () => {
  test('time window with overlap semantics, privateExtendedProperty (all must match), ordering, paging', () => {
    const emu = emulator({ timeZone: 'Europe/London' });
    emu.calendar.addEvent('primary', {
      summary: 'Dentist',
      start: { dateTime: '2026-11-03T08:30:00Z' },
      end: { dateTime: '2026-11-03T09:30:00Z' },
    });
    emu.invoke('visit', 'C2|d', '2026-11-03T14:00:00', '2026-11-03T15:00:00', 'Europe/London');
    emu.invoke('visit', 'C1|d', '2026-11-03T10:00:00', '2026-11-03T11:00:00', 'Europe/London');
    emu.invoke('visit', 'C3|d', '2026-11-10T10:00:00', '2026-11-10T11:00:00', 'Europe/London');

    const day = emu.invoke('list', {
      timeMin: '2026-11-03T09:00:00Z',
      timeMax: '2026-11-03T14:00:00Z',
      singleEvents: true,
      orderBy: 'startTime',
    }) as { items: Ev[] };
    // Dentist ends after timeMin (included); the 14:00 visit starts at timeMax (excluded).
    expect(day.items.map((e) => e.summary)).toEqual(['Dentist', 'Visit: C1|d']);

    const byKey = emu.invoke('list', { privateExtendedProperty: 'retainKey=C2|d' }) as { items: Ev[] };
    expect(byKey.items.map((e) => e.summary)).toEqual(['Visit: C2|d']);
    const both = emu.invoke('list', { privateExtendedProperty: ['retainKey=C2|d', 'kind=visit'] }) as { items: Ev[] };
    expect(both.items).toHaveLength(1);
    const none = emu.invoke('list', { privateExtendedProperty: ['retainKey=C2|d', 'kind=call'] }) as { items: Ev[] };
    expect(none.items).toEqual([]);

    const p1 = emu.invoke('list', { maxResults: 3, singleEvents: true, orderBy: 'startTime' }) as {
      items: Ev[];
      nextPageToken: string;
    };
    expect(p1.items).toHaveLength(3);
    const p2 = emu.invoke('list', {
      maxResults: 3,
      singleEvents: true,
      orderBy: 'startTime',
      pageToken: p1.nextPageToken,
    }) as { items: Ev[]; nextPageToken?: string };
    expect(p2.items.map((e) => e.summary)).toEqual(['Visit: C3|d']);
    expect(p2.nextPageToken).toBeUndefined();
  });

  test('bad queries fail like the API: no offset, a Date, orderBy without singleEvents, empty window', () => {
    const emu = emulator();
    expect(() => emu.invoke('list', { timeMin: '2026-11-03T09:00:00' })).toThrow(
      'API call to calendar.events.list failed with error: Bad Request',
    );
    expect(() => emu.invoke('list', { timeMin: new Date() })).toThrow(/Bad Request/);
    expect(() => emu.invoke('list', { orderBy: 'startTime' })).toThrow(
      'The requested ordering is not available for the particular query.',
    );
    expect(() => emu.invoke('list', { timeMin: '2026-11-04T00:00:00Z', timeMax: '2026-11-03T00:00:00Z' })).toThrow(
      'The specified time range is empty.',
    );
  });

  test('all-day events use the calendar time zone for their bounds', () => {
    const emu = emulator({ timeZone: 'Asia/Shanghai' });
    emu.calendar.addEvent('primary', {
      summary: 'Holiday',
      start: { date: '2026-11-03' },
      end: { date: '2026-11-04' },
    });
    // 2026-11-03 00:00 in Shanghai is 2026-11-02 16:00 UTC
    expect(
      (emu.invoke('list', { timeMin: '2026-11-02T15:00:00Z', timeMax: '2026-11-02T16:00:00Z' }) as { items: Ev[] })
        .items,
    ).toEqual([]);
    expect(
      (emu.invoke('list', { timeMin: '2026-11-02T15:00:00Z', timeMax: '2026-11-02T16:00:01Z' }) as { items: Ev[] })
        .items,
    ).toHaveLength(1);
  });
});

describe('exportIcs', () => {
  test('writes one VCALENDAR that ical.js parses back with the same instants', () => {
    const emu = emulator();
    const a = emu.invoke(
      'visit',
      'C1|2026-11-03',
      '2026-11-03T09:00:00',
      '2026-11-03T10:00:00',
      'America/New_York',
    ) as Ev;
    emu.calendar.addEvent('primary', {
      summary: 'Holiday',
      start: { date: '2026-11-26' },
      end: { date: '2026-11-27' },
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-ics-')), 'visits.ics');
    emu.exportIcs(file);
    const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    expect(events[0].uid).toBe(a.iCalUID);
    expect(events[0].summary).toBe('Visit: C1|2026-11-03');
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2026-11-03T14:00:00.000Z');
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2026-11-03T15:00:00.000Z');
    expect(events[0].location).toBe('Main St 1');
    expect(events[1].startDate.isDate).toBe(true);
    expect(events[1].startDate.toString()).toBe('2026-11-26');
  });
});
