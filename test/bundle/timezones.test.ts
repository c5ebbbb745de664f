/**
 * Dates are calendar dates in the spreadsheet's zone (docs/platform.md, Locks, properties and time zones): a
 * sheet in America/New_York across the daylight-saving change, one in
 * Asia/Shanghai, and visit events placed on the change day itself.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ICAL from 'ical.js';
import { loadBundle } from '../helpers/bundle';
import { snapshot, userCellChanges } from '../helpers/invariant';

const HEADER = [
  'Customer ID',
  'Name',
  'Company',
  'Email',
  'Address',
  'Revenue',
  'Last purchase',
  'Customer since',
  'Last contact',
];

function fmt(d: unknown, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    d as Date,
  );
}

function row(emu: ReturnType<typeof loadBundle>, id: string): Record<string, unknown> {
  const v = emu.sheetValues('Customers');
  const r = v.find((x) => x[0] === id) as unknown[];
  return Object.fromEntries(v[0].map((h, i) => [String(h), r[i]]));
}

describe.each([
  ['America/New_York', '2026-03-09T06:30:00-04:00', '2026-03-08'],
  ['America/New_York', '2026-11-02T06:30:00-05:00', '2026-11-01'],
  ['Asia/Shanghai', '2026-03-09T06:30:00+08:00', '2026-03-08'],
])('sheet in %s, run at %s', (tz, now, purchase) => {
  test('a purchase on the day before is day 1 today; dates read and written in the sheet zone', () => {
    const emu = loadBundle(
      { timeZone: tz, now },
      {
        Customers: [HEADER, ['C1', 'Ann Lee', 'Lee Co', 'ann@lee.example', '', '1000', purchase, purchase, '']],
      },
    );
    emu.invoke('setupSheets');
    const before = snapshot(emu);
    emu.invoke('runFollowUpsNow');
    expect(userCellChanges(before, snapshot(emu))).toEqual([]);
    const r = row(emu, 'C1');
    // The thank-you call is due on day 1 after the purchase: today.
    expect(fmt(r['Next follow-up'], tz)).toBe(fmt(new Date(now), tz));
    expect(r['Days to due']).toBe(0);
    expect(String(r['Follow-up'])).toMatch(/Thank-you/);
    // Last purchase is still the same calendar day in the sheet's zone.
    expect(fmt(r['Last purchase'], tz)).toBe(purchase);
  });
});

describe('visit events on a daylight-saving change day', () => {
  test.each([
    // Sunday 2026-03-08: clocks go forward at 02:00 in New York; 09:00 is EDT (UTC-4).
    ['2026-03-07T08:00:00-05:00', '2026-03-08', '13:00'],
    // Sunday 2026-11-01: clocks go back at 02:00; 09:00 is EST (UTC-5).
    ['2026-10-31T08:00:00-04:00', '2026-11-01', '14:00'],
  ])('run at %s: the A visit lands on %s 09:00 local, %s UTC, in the event and in the .ics', (now, day, utc) => {
    const emu = loadBundle(
      { timeZone: 'America/New_York', now },
      {
        Customers: [
          HEADER,
          ['C1', 'Ann Lee', 'Lee Co', 'ann@lee.example', '1 Main St', '1000', '2025-06-01', '2025-06-01', ''],
        ],
      },
    );
    emu.invoke('setupSheets');
    // Every day a working day, so the first slot is the change day itself.
    const saved = emu.invoke('saveSettings', { values: { workingDays: [0, 1, 2, 3, 4, 5, 6] } }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    emu.invoke('runFollowUpsNow');
    const events = emu.calendar.events() as Array<{
      start: { dateTime: string; timeZone: string };
      end: { dateTime: string };
    }>;
    expect(events.length).toBe(1);
    expect(events[0].start.dateTime.slice(0, 16)).toBe(`${day}T09:00`);
    expect(events[0].start.timeZone).toBe('America/New_York');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'retain-ics-')), 'visits.ics');
    emu.exportIcs(file);
    const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent') as ICAL.Component);
    const start = ev.startDate.toJSDate();
    expect(start.toISOString().slice(0, 16)).toBe(`${day}T${utc}`);
    expect((ev.endDate.toJSDate().getTime() - start.getTime()) / 60000).toBe(60);
    expect(ev.summary).toBe('Visit: Ann Lee · Lee Co');
    // The sheet's Next visit shows the local time.
    const nextVisit = row(emu, 'C1')['Next visit'];
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' }).format(
        nextVisit as Date,
      ),
    ).toBe('09:00');
  });
});
