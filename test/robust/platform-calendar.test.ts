/**
 * Calendar facts (docs/platform.md, Calendar) and the sheet's own limits
 * (Limits and errors), through the built bundle: visit windows in the
 * calendar's time zone, declined and free events, a visit the user deleted,
 * `Retain notes` within 1,000 characters, a batched write one bad row cannot
 * stop, and a Customer ID typed as a number or a date.
 */
import type { Emulator } from '../../tools/emulator';
import { checkNothingLost, snapshot } from '../helpers/invariant';
import { baseWorkbook } from './corpus';
import { prepared, runNightly } from './harness';

type Ev = {
  id: string;
  status?: string;
  start?: { dateTime?: string; timeZone?: string };
  extendedProperties?: { private?: Record<string, string> };
};

function retainVisits(emu: Emulator): Ev[] {
  return (emu.calendar.events() as unknown as Ev[]).filter(
    (e) => e.status !== 'cancelled' && e.extendedProperties?.private?.retainKey,
  );
}

function visitOf(emu: Emulator, customer: string): Ev | undefined {
  return retainVisits(emu).find((e) => e.extendedProperties?.private?.retainCustomer === customer);
}

function cell(emu: Emulator, id: string, header: string, sheet = 'Customers'): unknown {
  const v = emu.sheetValues(sheet);
  const c = v[0].map(String).indexOf(header);
  return v.find((r) => String(r[0]) === id)?.[c];
}

function lastLog(emu: Emulator): string {
  const v = emu.sheetValues('Retain log');
  const c = v[0].map(String).indexOf('Errors');
  return String(v[v.length - 1][c]);
}

const at = (local: string) => ({ dateTime: local, timeZone: 'Asia/Shanghai' });

/** 'YYYY-MM-DD HH:mm' of an instant in a zone. */
function wallTime(ms: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  return f.format(new Date(ms));
}

describe("the calendar's own time zone", () => {
  test("windows are placed in the calendar's zone; Next visit shows the spreadsheet's time; the log says the zones differ", () => {
    const emu = prepared(baseWorkbook(), { emulator: { calendarTimeZone: 'Europe/Berlin' } });
    const before = snapshot(emu);
    const s = runNightly(emu);
    const alice = visitOf(emu, 'C0001') as Ev;
    // A customers in the morning, 09:00 in Berlin: 16:00 in Shanghai.
    expect(alice.start?.timeZone).toBe('Europe/Berlin');
    expect(wallTime(Date.parse(alice.start?.dateTime as string), 'Europe/Berlin').slice(11, 16)).toBe('09:00');
    expect(s.visits.find((v) => v.customerId === 'C0001')?.start).toBe('2026-11-17 16:00');
    const next = cell(emu, 'C0001', 'Next visit') as Date;
    expect(wallTime(next.getTime(), 'Asia/Shanghai').slice(0, 16)).toBe('2026-11-17 16:00');
    expect(lastLog(emu)).toMatch(
      /calendar's time zone \(Europe\/Berlin\), which is not the spreadsheet's \(Asia\/Shanghai\)/,
    );
    expect(checkNothingLost(before, emu)).toEqual([]);
  });

  test('the same zone: nothing is said', () => {
    const emu = prepared(baseWorkbook());
    runNightly(emu);
    expect(lastLog(emu)).not.toMatch(/time zone/);
  });
});

describe('what blocks a slot', () => {
  function withMorningTomorrow(change: (emu: Emulator, id: string) => void): Emulator {
    const emu = prepared(baseWorkbook());
    const ev = emu.calendar.addEvent('primary', {
      summary: 'Quarterly review',
      organizer: { email: 'boss@example.com' },
      start: at('2026-11-17T08:30:00'),
      end: at('2026-11-17T12:30:00'),
    } as never) as unknown as Ev;
    change(emu, ev.id);
    runNightly(emu);
    return emu;
  }
  const aliceStart = (emu: Emulator) =>
    wallTime(Date.parse(visitOf(emu, 'C0001')?.start?.dateTime ?? ''), 'Asia/Shanghai');

  test('an invitation accepted for the whole morning pushes the A visit to another day', () => {
    const emu = withMorningTomorrow((e, id) => e.calendar.respond('primary', id, 'accepted'));
    expect(aliceStart(emu).slice(0, 10)).not.toBe('2026-11-17');
  });

  test('the same invitation declined blocks nothing: the visit goes in that morning', () => {
    const emu = withMorningTomorrow((e, id) => e.calendar.decline('primary', id));
    expect(aliceStart(emu).slice(0, 16)).toBe('2026-11-17 09:00');
  });

  test('an event marked free blocks nothing', () => {
    const emu = withMorningTomorrow((e, id) => {
      e.calendar.respond('primary', id, 'accepted');
      e.calendar.markFree('primary', id);
    });
    expect(aliceStart(emu).slice(0, 16)).toBe('2026-11-17 09:00');
  });
});

describe('a Retain visit the user deleted', () => {
  test.each([
    ['Calendar still lists it (showDeleted)', 30],
    ['Calendar has forgotten it already (the journal remembers)', 0],
  ])('%s: it is not made again for the same due date, and Next visit no longer shows it', (_n, days) => {
    const emu = prepared(baseWorkbook(), { emulator: { calendar: { deletedRetentionDays: days } } });
    runNightly(emu);
    const alice = visitOf(emu, 'C0001') as Ev;
    emu.calendar.deleteEvent('primary', alice.id);
    emu.clock.advance(3600 * 1000);
    const s = runNightly(emu);
    expect(visitOf(emu, 'C0001')).toBeUndefined();
    expect(s.eventsMade).toBe(0);
    expect(s.skipped.find((k) => k.what === 'visit' && k.customerId === 'C0001')?.reason).toMatch(/was deleted/);
    expect(cell(emu, 'C0001', 'Next visit')).toBe('');
    // The other visits stay as they were: each once.
    expect(retainVisits(emu).length).toBe(2);
  });
});

describe('no input can stop the batched write', () => {
  test('400 bad Contact log rows of one customer: Retain notes within 1,000 characters, the rest in the log, every tier written', () => {
    const sheets = baseWorkbook();
    const log = sheets['Contact log'] as unknown[][];
    for (let i = 0; i < 400; i++)
      log.push([
        '',
        'C0005',
        'Dan Wu',
        `2026-13-${String((i % 28) + 1).padStart(2, '0')}`,
        'Call',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    const emu = prepared(sheets);
    const before = snapshot(emu);
    runNightly(emu);
    const notes = String(cell(emu, 'C0005', 'Retain notes'));
    expect(notes.length).toBeLessThanOrEqual(1000);
    expect(notes).toMatch(/; \.\.\. and \d+ more problems: see Retain log$/);
    expect(lastLog(emu)).toMatch(/Customer C0005 \(row 6\) has more problems than Retain notes can show/);
    for (const id of ['C0001', 'C0002', 'C0003', 'C0004', 'C0006']) expect(cell(emu, id, 'Tier')).toMatch(/^[ABC]$/);
    expect(checkNothingLost(before, emu)).toEqual([]);
  });

  test('a batch Sheets refuses because of one row: written in chunks, that row costs only itself and the log names it', () => {
    const sheets = baseWorkbook();
    const email = (sheets.Customers[0] as string[]).indexOf('Email');
    sheets.Customers[3][email] = 'bob@';
    const emu = prepared(sheets);
    // Sheets refuses any write holding C0003's notes (as it refuses a cell over 50,000 characters).
    emu.faults.failWhen((c) =>
      c.method === 'Range.setValues' && JSON.stringify(c.args[0]).includes('is not valid')
        ? new Error('Your input contains more than the maximum of 50000 characters in a single cell.')
        : undefined,
    );
    runNightly(emu);
    expect(lastLog(emu)).toMatch(/Customers row 4 could not be written \(Your input contains more than the maximum/);
    for (const id of ['C0001', 'C0002', 'C0004', 'C0005', 'C0006', 'C0007', 'C0008'])
      expect(cell(emu, id, 'Tier')).toMatch(/^[ABC]$/);
    expect(cell(emu, 'C0003', 'Tier')).toBe('');
  });
});

describe('the Customer ID read one way everywhere', () => {
  test('an ID typed as a number and one typed as a date: planned, written back and recorded on their own rows', () => {
    const sheets = baseWorkbook();
    const rename: Record<string, string> = { C0001: '1001', C0003: '2026-01-05' };
    for (const name of ['Customers', 'Purchases', 'Contact log'] as const) {
      const rows = sheets[name] as unknown[][];
      const col = (rows[0] as string[]).indexOf('Customer ID');
      for (const r of rows.slice(1)) if (rename[String(r[col])]) r[col] = rename[String(r[col])];
    }
    const emu = prepared(sheets);
    const ids = emu
      .sheetValues('Customers')
      .slice(1, 4)
      .map((r) => r[0]);
    expect(typeof ids[0]).toBe('number');
    expect(ids[2]).toBeInstanceOf(Date);
    const before = snapshot(emu);
    const s = runNightly(emu);
    expect(s.errors.filter((e) => /not found when writing/.test(e))).toEqual([]);
    const tiers = emu
      .sheetValues('Customers')
      .slice(1, 4)
      .map((r) => r[(emu.sheetValues('Customers')[0] as string[]).indexOf('Tier')]);
    expect(tiers.every((t) => /^[ABC]$/.test(String(t)))).toBe(true);
    expect(s.drafts.map((d) => d.customerId)).toEqual(expect.arrayContaining(['1001', '2026-01-05']));
    expect(checkNothingLost(before, emu)).toEqual([]);
  });
});
