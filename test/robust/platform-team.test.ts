/**
 * Team mode and triggers on the real platform (docs/platform.md, Triggers;
 * Locks, properties and time zones): each rep's trigger asks for its own
 * minute; a run that finds the lock held waits, then comes back instead of
 * skipping the night; a sidebar save holds the lock only while it writes; a
 * published add-on, which may hold one time trigger, makes no follow-up.
 */
import { createHash } from 'crypto';
import type { Emulator } from '../../tools/emulator';
import { checkNothingLost, snapshot } from '../helpers/invariant';
import { baseWorkbook } from './corpus';
import { prepared, runNext, runNightly, type RunSummary } from './harness';

/** The minute Retain asks for (src/server/schedule.ts nightlyMinute), computed here with Node's own SHA-256. */
function minuteOf(user: string): number {
  return parseInt(createHash('sha256').update(user.toLowerCase()).digest('hex').slice(0, 8), 16) % 60;
}

function lastLog(emu: Emulator): string {
  const v = emu.sheetValues('Retain log');
  const c = v[0].map(String).indexOf('Errors');
  return String(v[v.length - 1][c]);
}

function tiersOf(emu: Emulator, ids: string[]): unknown[] {
  const v = emu.sheetValues('Customers');
  const c = v[0].map(String).indexOf('Tier');
  return ids.map((id) => v.find((r) => r[0] === id)?.[c]);
}

const REP_B = (() => {
  // A second rep whose trigger asks for the same minute as rep@example.com's: the worst case.
  for (let i = 1; ; i++)
    if (minuteOf(`rep${i}@example.com`) === minuteOf('rep@example.com')) return `rep${i}@example.com`;
})();

/** Base workbook in team mode: C0001-C0004 are rep@example.com's, C0005-C0008 REP_B's. */
function teamWorkbook(): Record<string, unknown[][]> {
  const sheets = baseWorkbook();
  const owner = (sheets.Customers[0] as string[]).indexOf('Owner');
  sheets.Customers.slice(5).forEach((r) => (r[owner] = REP_B));
  sheets.Customers.slice(1, 5).forEach(
    (r) => ((r as unknown[])[(sheets.Customers[0] as string[]).indexOf('Tier')] = ''),
  );
  return sheets;
}

describe('each rep gets their own minute', () => {
  test('the nightly trigger asks for the minute of its user: the same every time, spread between users', () => {
    const emu = prepared(baseWorkbook(), { schedule: false });
    emu.invoke('scheduleNightlyRun');
    emu.invokeAs({ user: 'other@example.com' }, 'scheduleNightlyRun');
    const mine = emu.triggers.list().filter((t) => t.handler === 'runNightly');
    expect(mine.map((t) => [t.user, t.nearMinute])).toEqual([
      ['rep@example.com', minuteOf('rep@example.com')],
      ['other@example.com', minuteOf('other@example.com')],
    ]);
    expect(minuteOf('rep@example.com')).not.toBe(minuteOf('other@example.com'));
    emu.invoke('scheduleNightlyRun');
    expect(emu.triggers.list().find((t) => t.user === 'rep@example.com')?.nearMinute).toBe(minuteOf('rep@example.com'));
  });
});

describe('the lock held by another run', () => {
  test('a trigger run waits, then schedules a run 5 minutes later instead of skipping the night; that run does the work', () => {
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    emu.locks.holdDocumentLock();
    const s = runNightly(emu);
    expect(s.locked).toBe(true);
    expect(lastLog(emu)).toMatch(
      /Another Retain run is in progress: this one did nothing\. .*A follow-up run is scheduled in 5 minutes/,
    );
    const f = emu.triggers.list().find((t) => t.handler === 'runFollowUp');
    expect(f?.after).toBe(5 * 60 * 1000);
    emu.locks.releaseDocumentLock();
    const next = runNext(emu);
    expect(next.locked).toBe(false);
    expect(next.draftsMade).toBe(4);
    expect(emu.triggers.list().some((t) => t.handler === 'runFollowUp')).toBe(false);
    expect(checkNothingLost(before, emu)).toEqual([]);
  });

  test('"Run follow-ups now" from the menu only says so (the user is there to try again): no trigger is made', () => {
    const emu = prepared(baseWorkbook());
    emu.locks.holdDocumentLock();
    const s = emu.invoke('runFollowUpsNow') as RunSummary;
    expect(s.locked).toBe(true);
    expect(emu.triggers.list().some((t) => t.handler === 'runFollowUp')).toBe(false);
  });

  test('two reps whose triggers start at the same minute, each run longer than the wait: both nights are done', () => {
    const emu = prepared(teamWorkbook(), {
      schedule: false,
      settings: { teamMode: true },
      emulator: { triggerMinuteJitter: 0 },
    });
    // Slow Spreadsheet calls from now on, so each run outlasts the other's wait (Set up, above, is a one-off
    // the user runs by hand: its chart building is not what this test is about).
    emu.setLatency({ SpreadsheetApp: 3000 });
    emu.invoke('scheduleNightlyRun');
    emu.invokeAs({ user: REP_B }, 'scheduleNightlyRun');
    const runs = emu.triggers.runUntil('2026-11-17T06:00:00+08:00');
    const nightly = runs.filter((r) => r.handler === 'runNightly');
    expect(nightly.length).toBe(2);
    expect(nightly.some((r) => r.overlapped)).toBe(true);
    // The second found the lock held after its wait, came back as a follow-up, and did its rows.
    const results = runs.map((r) => r.result as RunSummary);
    expect(results.filter((r) => r.locked).length).toBeGreaterThanOrEqual(1);
    expect(runs.some((r) => r.handler === 'runFollowUp' && !(r.result as RunSummary).locked)).toBe(true);
    expect(
      tiersOf(emu, ['C0001', 'C0002', 'C0003', 'C0004', 'C0005', 'C0006', 'C0007', 'C0008']).every((t) =>
        /^[ABC]$/.test(String(t)),
      ),
    ).toBe(true);
  });
});

describe('a sidebar save holds the lock only while it writes', () => {
  test('the re-plan after the Contact log row is read with the lock free', () => {
    const emu = prepared(baseWorkbook());
    emu.calls.reset();
    const r = emu.invoke('logContact', {
      customerIds: ['C0004'],
      date: '2026-11-16',
      type: 'Visit',
      outcome: 'ok',
      notes: '',
      nextStep: '',
      nextStepDate: '',
      complaintSize: '',
      resolvedOn: '',
    }) as { ok: boolean };
    expect(r.ok).toBe(true);
    const log = emu.calls.log.map((c) => `${c.service}.${c.method}`);
    const locks = log.flatMap((m, i) => (/Lock\.(tryLock|releaseLock)$/.test(m) ? [[i, m.split('.').pop()]] : []));
    expect(locks.map((l) => l[1])).toEqual(['tryLock', 'releaseLock', 'tryLock', 'releaseLock']);
    // Between the first release and the second take: the whole workbook read again for the plan.
    const between = log.slice(locks[1][0] as number, locks[2][0] as number);
    expect(between.filter((m) => m === 'SpreadsheetApp.Range.getValues').length).toBeGreaterThanOrEqual(3);
    // Under the lock, each time, only the writes and the one re-read of Customers they match rows by.
    const second = log.slice(locks[2][0] as number, locks[3][0] as number);
    expect(second.filter((m) => m === 'SpreadsheetApp.Range.getValues').length).toBe(1);
  });
});

describe('as a published Editor add-on (one time trigger per user and document)', () => {
  test('the time budget runs out: no follow-up trigger, the log says the next night does the rest, and it does', () => {
    const emu = prepared(baseWorkbook(), {
      settings: { runBudgetSeconds: 30 },
      emulator: { addOnMode: true, latencyMs: { Gmail: 20000 } },
    });
    const before = snapshot(emu);
    const s = runNightly(emu);
    expect(s.mustContinue).toBe(true);
    expect(emu.triggers.list().map((t) => t.handler)).toEqual(['runNightly']);
    expect(lastLog(emu)).toMatch(
      /As an add-on Retain may hold only its nightly trigger: the rest is done by the next night/,
    );
    let last = s;
    for (let i = 0; i < 4 && last.mustContinue; i++) last = runNext(emu);
    expect(last.mustContinue).toBe(false);
    expect(checkNothingLost(before, emu)).toEqual([]);
  });
});

describe('a sidebar save whose re-plan fails', () => {
  test('the contact is saved once and the answer says so (a retry would log it twice); the next run writes the columns', () => {
    const emu = prepared(baseWorkbook());
    const rowsBefore = emu.sheetValues('Contact log').length;
    // Once the Contact log row is in and the lock released, every read fails: the re-plan cannot be made.
    emu.faults.afterCall(
      1,
      () => emu.faults.inject({ error: 'server', filter: { method: 'Range.getValues' }, count: Infinity }),
      { method: 'Lock.releaseLock' },
    );
    const r = emu.invoke('logContact', {
      customerIds: ['C0004'],
      date: '2026-11-16',
      type: 'Visit',
      outcome: 'ok',
      notes: '',
      nextStep: '',
      nextStepDate: '',
      complaintSize: '',
      resolvedOn: '',
    }) as { ok: boolean; logged: number };
    emu.faults.clear();
    expect(r).toMatchObject({ ok: true, logged: 1 });
    expect(emu.sheetValues('Contact log').length).toBe(rowsBefore + 1);
    const s = runNightly(emu);
    expect(s.fatal).toBe('');
  });
});
