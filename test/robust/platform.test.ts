/**
 * Retain against the platform's real behaviours (docs/platform.md), each as
 * the emulator models it: a spilled array formula, the error wordings and
 * their classes, a service failing for the night, the 6-minute kill, the
 * lock held by another rep, the calendar's own time zone, declined, free and
 * deleted events, IDs typed as numbers or dates, the add-on's one trigger.
 * Every run is checked with the nothing-lost invariant.
 */
import type { Emulator } from '../../tools/emulator';
import { checkNothingLost, snapshot } from '../helpers/invariant';
import { baseWorkbook } from './corpus';
import { managedState, prepared, runNext, runNightly } from './harness';

type Row = Record<string, unknown>;

function rows(emu: Emulator, sheet = 'Customers'): Row[] {
  const v = emu.sheetValues(sheet);
  const h = v[0].map(String);
  return v.slice(1).map((r) => Object.fromEntries(h.map((name, i) => [name, r[i]])));
}

function logRows(emu: Emulator): Row[] {
  return emu.sheetNames().includes('Retain log') ? rows(emu, 'Retain log') : [];
}

function lastLog(emu: Emulator): string {
  const l = logRows(emu);
  return l.length ? String(l[l.length - 1]['Errors'] ?? '') : '';
}

/** The clean night: what every faulted night is compared with. */
function cleanNight(): { emu: Emulator; managed: Map<string, unknown> } {
  const emu = prepared(baseWorkbook());
  runNightly(emu);
  return { emu, managed: managedState(emu) };
}

/** Managed cells a faulted night wrote like the clean night, leaving out the cells of the actions it did not make. */
function sameColumns(emu: Emulator, ref: Map<string, unknown>, skip: RegExp): string[] {
  const got = managedState(emu);
  const out: string[] = [];
  for (const [k, v] of ref)
    if (!skip.test(k) && got.get(k) !== v) out.push(`${k}: ${String(got.get(k))} vs ${String(v)}`);
  return out;
}

const DRAFT_CELLS = /Thank-you draft|Retain notes/;
const VISIT_CELLS = /Next visit|Retain notes/;

describe('a spilled =RETAIN_TIER(I2:I) in Tier (docs/platform.md, Custom functions)', () => {
  test("the whole column is the formula's: every row planned with its spilled tier, the column never written", () => {
    const sheets = baseWorkbook();
    const head = sheets.Customers[0] as string[];
    const rev = head.indexOf('Revenue');
    const tier = head.indexOf('Tier');
    // Revenue the user keeps: C0004 makes most of it, so the formula says A where Retain's own rules (from the
    // purchases) say B, and C for C0001 and C0002, whom Retain would make A.
    const revenue: Record<string, number> = { C0001: 100, C0002: 50, C0004: 5000 };
    for (const r of sheets.Customers.slice(1)) {
      r[rev] = revenue[String(r[0])] ?? 1;
      r[tier] = '';
    }
    const letter = String.fromCharCode(65 + rev);
    sheets.Customers[1][tier] = `=RETAIN_TIER(${letter}2:${letter})`;
    const emu = prepared(sheets);
    const spilled = emu
      .sheetValues('Customers')
      .slice(1)
      .map((r) => r[tier]);
    expect(
      emu
        .sheetFormulas('Customers')
        .slice(2)
        .every((r) => !r[tier]),
    ).toBe(true);
    expect(spilled.slice(0, 4)).toEqual(['C', 'C', 'C', 'A']);
    // Every row's tier in the plan is the one the sheet shows, the anchor's and the spilled ones alike.
    const planned = emu.invoke('searchCustomers', { query: '' }) as Array<{ id: string; tier: string }>;
    expect(planned.map((c) => c.tier)).toEqual(spilled);
    const before = snapshot(emu);
    const s = runNightly(emu);
    // C0004 is below the anchor: its visit is planned as the sheet says, in the A window (mornings).
    const carol = s.visits.find((v) => v.customerId === 'C0004');
    expect(carol).toMatchObject({ status: 'made' });
    expect((carol as unknown as { tier: string }).tier).toBe('A');
    expect(carol?.start).toMatch(/ (09|10|11):/);
    expect(
      emu
        .sheetValues('Customers')
        .slice(1)
        .map((r) => r[tier]),
    ).toEqual(spilled);
    expect(emu.sheetFormulas('Customers')[1][tier]).toBe(`=RETAIN_TIER(${letter}2:${letter})`);
    expect(emu.formulaErrors()).toEqual([]);
    expect(checkNothingLost(before, emu)).toEqual([]);
  });
});

describe('error classes (docs/platform.md, Limits and errors)', () => {
  test('a server error in German, which Retain cannot read, is retried once: the night is done as if nothing happened', () => {
    const { managed } = cleanNight();
    const emu = prepared(baseWorkbook(), { emulator: { errorLanguage: 'de' } });
    emu.faults.inject({ error: 'server', filter: { method: 'Range.getValues' } });
    const s = runNightly(emu);
    expect(emu.faults.fired.length).toBe(1);
    expect(s.errors).toEqual([]);
    expect(sameColumns(emu, managed, /(?!)/)).toEqual([]);
  });

  test('a burst of rate limits on Events.insert is backed off and retried: every visit is made that night', () => {
    const emu = prepared(baseWorkbook());
    emu.faults.inject({ error: 'http.429', filter: { method: 'Events.insert' }, count: 4 });
    const s = runNightly(emu);
    expect(s.eventsMade).toBe(3);
    expect(s.mustContinue).toBe(false);
  });

  test('a daily Gmail quota stops the drafts for the run and says so (not "time budget"); the next day makes them', () => {
    const { managed } = cleanNight();
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    emu.faults.inject({ error: 'quota.daily', filter: { method: 'Users.Drafts.create' }, persist: 'day' });
    const s = runNightly(emu);
    expect(s.draftsMade).toBe(0);
    expect(s.eventsMade).toBe(3);
    expect(s.mustContinue).toBe(false);
    expect(lastLog(emu)).toMatch(/Gmail quota reached .*no more thank-you drafts this run; 4 wait for the next night/);
    expect(lastLog(emu)).not.toMatch(/Time budget/);
    expect(emu.triggers.list().some((t) => t.handler === 'runFollowUp')).toBe(false);
    expect(sameColumns(emu, managed, DRAFT_CELLS)).toEqual([]);
    // The quota is back (the emulator's 24 hours, cut short): the next run makes the four drafts, once each.
    emu.faults.clear();
    const next = runNightly(emu);
    expect(next.draftsMade).toBe(4);
    expect(checkNothingLost(before, emu, { rerun: false })).toEqual([]);
  });

  test('an error matching nothing, twice in a row on one draft: that draft fails, the others are made', () => {
    const emu = prepared(baseWorkbook());
    emu.faults.inject({
      error: new Error('Etwas ist schiefgelaufen.'),
      filter: { method: 'Users.Drafts.create' },
      count: 2,
    });
    const s = runNightly(emu);
    expect(s.draftsMade).toBe(3);
    expect(s.skipped.filter((k) => k.what === 'draft').map((k) => k.reason)).toEqual([
      'Thank-you draft failed: Etwas ist schiefgelaufen.',
    ]);
  });
});

describe("a Gmail, Calendar or Properties failure never costs the night's sheet write", () => {
  test.each([
    ['Calendar.Events.list', { service: 'Calendar' as const, method: 'Events.list' }, VISIT_CELLS, /Calendar/],
    [
      'Calendar.Events.insert',
      { service: 'Calendar' as const, method: 'Events.insert' },
      VISIT_CELLS,
      /Calendar kept failing/,
    ],
    [
      'Gmail.Users.Drafts.create',
      { service: 'Gmail' as const, method: 'Users.Drafts.create' },
      DRAFT_CELLS,
      /Gmail kept failing/,
    ],
  ])(
    '%s failing all night: that kind stops, the managed columns are written, the log names it',
    (_n, filter, skip, said) => {
      const { managed } = cleanNight();
      const emu = prepared(baseWorkbook());
      const before = snapshot(emu);
      emu.faults.inject({ error: 'http.503', filter, count: Infinity });
      const s = runNightly(emu);
      expect(s.fatal).toBe('');
      expect(sameColumns(emu, managed, skip)).toEqual([]);
      expect(lastLog(emu)).toMatch(said);
      if (filter.service === 'Calendar') expect(s.draftsMade).toBe(4);
      else expect(s.eventsMade).toBe(3);
      emu.faults.clear();
      runNext(emu);
      expect(checkNothingLost(before, emu)).toEqual([]);
    },
  );

  test('the journal (document properties) out of reach: no drafts (none can be made twice), visits and columns as every night', () => {
    const { managed } = cleanNight();
    const emu = prepared(baseWorkbook());
    emu.faults.inject({
      error: 'quota.daily',
      filter: { service: 'PropertiesService', method: 'Properties.setProperty' },
      persist: 'day',
    });
    const s = runNightly(emu);
    expect(s.draftsMade).toBe(0);
    expect(s.eventsMade).toBe(3);
    expect(lastLog(emu)).toMatch(/PropertiesService quota reached|Properties quota reached/);
    expect(sameColumns(emu, managed, DRAFT_CELLS)).toEqual([]);
  });
});

describe('a run never ends without a log row (docs/platform.md, Limits and errors)', () => {
  test('killed at 6 minutes while making drafts: no finally runs; the next run says so, and what the killed one made', () => {
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    emu.faults.inject({ error: 'kill', filter: { method: 'Users.Drafts.create' }, at: 3 });
    expect(() => runNightly(emu)).toThrow(/Exceeded maximum execution time/);
    expect(emu.executionLog[emu.executionLog.length - 1].killed).toBe(true);
    expect(logRows(emu).length).toBe(0);
    emu.faults.clear();
    const s = runNightly(emu);
    expect(s.errors.join(' ')).toMatch(
      /previous run \(nightly, started 2026-11-16 06:30\) was cut off .* while making drafts; it had made 2 draft\(s\) and 0 visit\(s\)/,
    );
    expect(lastLog(emu)).toMatch(/was cut off/);
    expect(checkNothingLost(before, emu)).toEqual([]);
    // The marker went with the run that reported it.
    expect(Object.keys(emu.properties.document()).some((k) => k === 'retain.runInProgress')).toBe(false);
  });

  test.each([
    ['LockService', { service: 'LockService' as const }],
    ['PropertiesService', { service: 'PropertiesService' as const }],
  ])('%s failing through every retry: the run still writes its log row, saying why it did nothing', (_n, filter) => {
    const emu = prepared(baseWorkbook());
    // From the first call after the trigger found its spreadsheet (user properties: the store, one read).
    emu.faults.inject({ error: 'server', filter, count: Infinity, at: filter.service === 'PropertiesService' ? 3 : 1 });
    const s = runNightly(emu);
    expect(logRows(emu).length).toBe(1);
    expect(lastLog(emu)).toMatch(/could not be (taken|read)/);
    expect(s.draftsMade + s.eventsMade).toBe(0);
  });
});
