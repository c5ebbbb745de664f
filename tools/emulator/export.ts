/**
 * Writers for what the emulator made: each Gmail draft as an .eml file (the
 * stored RFC 2822 bytes, as Gmail would export them) and all Calendar events
 * as one iCalendar file, built with ical.js. Times are written in UTC, so the
 * file needs no VTIMEZONE; all-day events are DATE values.
 */
import * as fs from 'fs';
import * as path from 'path';
import ICAL from 'ical.js';
import { addresses, decodeWords, header, splitMessage } from './mime';
import type { StoredDraft } from './gmail';
import type { CalendarEvent } from './calendar';

export function writeEml(drafts: StoredDraft[], dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const width = Math.max(2, String(drafts.length).length);
  return drafts.map((d, i) => {
    const { headers } = splitMessage(d.raw);
    const to = addresses(decodeWords(header(headers, 'To') ?? ''))[0] ?? 'no-recipient';
    const safe = to.replace(/[^A-Za-z0-9@._-]/g, '_').slice(0, 80);
    const file = path.join(dir, `${String(i + 1).padStart(width, '0')}-${safe}.eml`);
    fs.writeFileSync(file, d.raw);
    return file;
  });
}

export interface IcsEvent {
  ev: CalendarEvent;
  start: number;
  end: number;
  allDay: boolean;
  calendarId: string;
}

export function buildIcs(events: IcsEvent[], now: number): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//Retain//Apps Script emulator//EN');
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  for (const e of events) {
    if (e.ev.status === 'cancelled') continue;
    const ve = new ICAL.Component('vevent');
    ve.updatePropertyWithValue('uid', e.ev.iCalUID);
    ve.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(now), true));
    if (e.allDay) {
      ve.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(String(e.ev.start.date)));
      ve.updatePropertyWithValue('dtend', ICAL.Time.fromDateString(String(e.ev.end.date)));
    } else {
      ve.updatePropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(e.start), true));
      ve.updatePropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(e.end), true));
    }
    if (e.ev.summary) ve.updatePropertyWithValue('summary', e.ev.summary);
    if (e.ev.description) ve.updatePropertyWithValue('description', e.ev.description);
    if (e.ev.location) ve.updatePropertyWithValue('location', e.ev.location);
    ve.updatePropertyWithValue('status', 'CONFIRMED');
    if (e.ev.created) ve.updatePropertyWithValue('created', ICAL.Time.fromJSDate(new Date(e.ev.created), true));
    if (e.ev.updated) ve.updatePropertyWithValue('last-modified', ICAL.Time.fromJSDate(new Date(e.ev.updated), true));
    ve.updatePropertyWithValue('x-google-calendar-id', e.calendarId);
    for (const [k, v] of Object.entries(e.ev.extendedProperties?.private ?? {})) {
      ve.addPropertyWithValue('x-google-private-property', `${k}=${v}`);
    }
    cal.addSubcomponent(ve);
  }
  return cal.toString() + '\r\n';
}

export function writeIcs(events: IcsEvent[], file: string, now: number): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, buildIcs(events, now));
}
