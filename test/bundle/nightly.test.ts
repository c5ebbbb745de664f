/**
 * The nightly run end to end, through the built bundle in the emulator
 * (docs/architecture.md, A nightly run): managed columns, drafts, visits, log, lock, trigger,
 * preview, budget, team mode; every test checks the nothing-lost invariant.
 */
import { simpleParser } from 'mailparser';
import type { Emulator } from '../../tools/emulator';
import { loadBundle } from '../helpers/bundle';
import { draftsRecorded, eventKeyDuplicates, snapshot, userCellChanges } from '../helpers/invariant';
import { messyWorkbook } from '../helpers/workbooks';

function header(emu: Emulator, sheet = 'Customers'): string[] {
  return emu.sheetValues(sheet)[0].map(String);
}

function rowOf(emu: Emulator, id: string): Record<string, unknown> {
  const values = emu.sheetValues('Customers');
  const h = values[0].map(String);
  const row = values.find((r) => r[0] === id);
  if (!row) throw new Error(`no row ${id}`);
  return Object.fromEntries(h.map((name, i) => [name, row[i]]));
}

function ready(opts = {}): Emulator {
  const emu = loadBundle(opts, messyWorkbook());
  emu.invoke('setupSheets');
  return emu;
}

function runNightly(emu: Emulator): Record<string, unknown> {
  return emu.invokeAs({ trigger: true }, 'runNightly', {
    triggerUid: emu.triggers.list().find((t) => t.handler === 'runNightly')?.id,
  }) as Record<string, unknown>;
}

describe('nightly run', () => {
  test('fills the managed columns, makes drafts and visits, logs the run; no user cell changes', async () => {
    const emu = ready();
    emu.invoke('scheduleNightlyRun');
    const before = snapshot(emu);
    const summary = runNightly(emu);
    expect(summary.fatal).toBe('');
    expect(userCellChanges(before, snapshot(emu))).toEqual([]);

    const alice = rowOf(emu, 'C0001');
    expect(alice['Tier']).toBe('A');
    expect(alice['Next follow-up']).toBeTruthy();
    expect(typeof alice['Days to due']).toBe('number');
    expect(String(alice['Follow-up']).length).toBeGreaterThan(3);
    // Never visited since 2024-03-01: the visit is the earliest item (the open complaint is among the "+N more").
    expect(alice['Days to due'] as number).toBeLessThan(0);
    expect(String(alice['Follow-up'])).toMatch(/^Visit \(A: every 30 days\) \(\+\d+ more\)$/);

    const bob = rowOf(emu, 'C0003');
    expect(String(bob['Retain notes'])).toMatch(/bob@/);
    expect(String(bob['Retain notes'])).toMatch(/3k/);
    // A bad email and an unreadable Revenue cost only what needs them (docs/data.md): no draft, and the
    // tier comes from Purchases, so Bob keeps a tier and a follow-up.
    expect(String(bob['Retain notes'])).toMatch(/Email "bob@" is not valid: no thank-you draft/);
    expect(bob['Tier']).toMatch(/^[ABC]$/);
    expect(bob['Next follow-up']).toBeTruthy();

    const carol = rowOf(emu, 'C0004');
    expect(carol['Next follow-up']).toBe('');

    // Duplicate IDs: both rows say so.
    const dups = emu.sheetValues('Customers').filter((r) => r[0] === 'C0005');
    const notesCol = header(emu).indexOf('Retain notes');
    expect(dups.length).toBe(2);
    for (const d of dups) expect(String(d[notesCol])).toMatch(/C0005/);

    // Drafts: one per recent purchase of a valid customer, recorded in Purchases.
    const drafts = emu.gmail.drafts();
    expect(drafts.length).toBe(3);
    const rec = draftsRecorded(emu);
    expect(rec.unrecorded).toEqual([]);
    expect(rec.duplicates).toEqual([]);
    const parsed = await Promise.all(drafts.map((d) => simpleParser(d.raw)));
    const wang = parsed.find(
      (p) => (p.to as { value: Array<{ address: string }> }).value[0].address === 'wang@minghua.example',
    );
    expect(wang).toBeDefined();
    expect(wang!.subject).toMatch(/王小明/);
    const tag = parsed.find(
      (p) => (p.to as { value: Array<{ address: string }> }).value[0].address === 'tag@tag.example',
    );
    // The greeting uses the first word of the name; whatever it is, it arrives as text.
    expect(tag!.html).toContain('&lt;b&gt;Bob&lt;/b&gt;');
    expect(tag!.html).not.toContain('<b>');
    expect(tag!.text).toContain('<b>Bob</b>');

    // Visits: A customers due within the lookahead, in the morning, never today.
    const events = emu.calendar.events();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events as Array<{ start: { dateTime: string }; summary: string }>) {
      expect(e.start.dateTime.slice(0, 10) > '2026-11-16').toBe(true);
      expect(e.summary).toMatch(/^(Visit: |拜访：)/);
    }
    expect(eventKeyDuplicates(emu)).toEqual([]);
    const nextVisit = rowOf(emu, 'C0001')['Next visit'];
    expect(nextVisit).toBeTruthy();

    // The run log has a row.
    const log = emu.sheetValues('Retain log');
    expect(log.length).toBe(2);
    expect(log[1][header(emu, 'Retain log').indexOf('Drafts made')]).toBe(3);
  });

  test('a second run makes nothing new and changes nothing but the log', () => {
    const emu = ready();
    emu.invoke('scheduleNightlyRun');
    runNightly(emu);
    const drafts = emu.gmail.drafts().length;
    const events = emu.calendar.events().length;
    const once = snapshot(emu);
    const s = runNightly(emu);
    expect(s.draftsMade).toBe(0);
    expect(s.eventsMade).toBe(0);
    expect(emu.gmail.drafts().length).toBe(drafts);
    expect(emu.calendar.events().length).toBe(events);
    const twice = snapshot(emu);
    delete once['Retain log'];
    delete twice['Retain log'];
    expect(twice).toEqual(once);
  });

  test('rows sorted and inserted between the read and the write get their own values', () => {
    const emu = ready();
    emu.invoke('scheduleNightlyRun');
    const before = snapshot(emu);
    // Right after the first Gmail call (the run has read and planned), the user sorts by name and inserts a row.
    let done = false;
    emu.faults.failWhen((c) => {
      if (!done && c.service === 'Gmail') {
        done = true;
        const values = emu.sheetValues('Customers');
        const formulas = emu.sheetFormulas('Customers');
        // Keep formulas as formulas, the way a sort in Sheets moves them.
        const cells = values.map((row, r) => row.map((v, c) => formulas[r]?.[c] || v));
        const body = cells.slice(1).sort((a, b) => String(b[1]).localeCompare(String(a[1])));
        const width = cells[0].length;
        const ivy = ['C0100', 'Inserted Ivy', ...new Array(width - 2).fill('')];
        emu.setSheet('Customers', [cells[0], ivy, ...body], { parse: false });
      }
      return undefined;
    });
    runNightly(emu);
    expect(userCellChanges(before, snapshot(emu))).toEqual([]);
    const alice = rowOf(emu, 'C0001');
    expect(alice['Tier']).toBe('A');
    expect(rowOf(emu, 'C0100')['Tier']).toBe('');
    expect(String(rowOf(emu, 'C0003')['Retain notes'])).toMatch(/bob@/);
  });

  test('with the lock held by another run: logs that it skipped, writes nothing else', () => {
    const emu = ready();
    emu.invoke('scheduleNightlyRun');
    const before = snapshot(emu);
    emu.locks.holdDocumentLock();
    const s = runNightly(emu);
    expect(s.locked).toBe(true);
    const after = snapshot(emu);
    expect(emu.gmail.drafts().length).toBe(0);
    expect(emu.calendar.events().length).toBe(0);
    const log = after['Retain log'];
    expect(String(log[log.length - 1].join(' '))).toMatch(/in progress/);
    delete before['Retain log'];
    delete after['Retain log'];
    expect(after).toEqual(before);
  });

  test('preview makes and writes nothing', () => {
    const emu = ready();
    const before = snapshot(emu);
    emu.invoke('previewTonightsRun');
    expect(snapshot(emu)).toEqual(before);
    expect(emu.gmail.drafts().length).toBe(0);
    expect(emu.calendar.events().length).toBe(0);
    const dialog = emu.ui.last('dialog');
    expect(dialog!.html).toContain('&lt;b&gt;Bob&lt;/b&gt;');
    expect(dialog!.html).not.toContain('<b>Bob</b>');
  });

  test('schedule: one daily trigger at nightlyHour in the sheet zone; scheduling again replaces it; stop removes it', () => {
    const emu = ready();
    emu.invoke('scheduleNightlyRun');
    emu.invoke('scheduleNightlyRun');
    const ts = emu.triggers.list().filter((t) => t.handler === 'runNightly');
    expect(ts.length).toBe(1);
    expect(ts[0].atHour).toBe(6);
    expect(ts[0].timezone).toBe('Asia/Shanghai');
    emu.invoke('stopNightlyRun');
    expect(emu.triggers.list().filter((t) => t.handler === 'runNightly').length).toBe(0);
  });

  test('the time budget stops new actions; the follow-up run finishes without repeating any', () => {
    // Every Gmail call costs 40 s of the fake clock; with a 60 s budget the third draft waits for the follow-up run.
    const emu = ready({ latencyMs: { Gmail: 40000 } });
    expect((emu.invoke('saveSettings', { values: { runBudgetSeconds: 60 } }) as { ok: boolean }).ok).toBe(true);
    emu.invoke('scheduleNightlyRun');
    const s1 = runNightly(emu);
    expect(s1.mustContinue).toBe(true);
    const follow = emu.triggers.list().find((t) => t.handler === 'runFollowUp');
    expect(follow).toBeDefined();
    const made1 = emu.gmail.drafts().length;
    expect(made1).toBeLessThan(3);
    // Each follow-up run does what fits in its budget and sets the next one, until nothing is left.
    let runs = 0;
    for (let t = follow; t && runs < 5; t = emu.triggers.list().find((x) => x.handler === 'runFollowUp'), runs++) {
      emu.clock.advance(60000);
      emu.invokeAs({ trigger: true }, 'runFollowUp', { triggerUid: t.id });
    }
    expect(runs).toBeLessThan(5);
    expect(emu.gmail.drafts().length).toBe(3);
    expect(draftsRecorded(emu).duplicates).toEqual([]);
    expect(emu.triggers.list().filter((t) => t.handler === 'runFollowUp').length).toBe(0);
  });

  test("team mode: only the running user's rows are written", () => {
    const emu = ready();
    // settings through the sidebar API, as a user would
    const saved = emu.invoke('saveSettings', { values: { teamMode: true } }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    emu.invoke('scheduleNightlyRun');
    runNightly(emu);
    // Bob belongs to other@example.com: his managed cells stay empty.
    expect(rowOf(emu, 'C0003')['Retain notes']).toBe('');
    expect(rowOf(emu, 'C0001')['Tier']).toBe('A');
  });

  test('a missing Customers sheet stops the run with a message naming it, and writes nothing', () => {
    const emu = loadBundle({}, { Sheet1: [['a']] });
    const s = emu.invoke('runFollowUpsNow') as Record<string, unknown>;
    expect(String(s.fatal)).toMatch(/Customers/);
    expect(emu.sheetValues('Sheet1')).toEqual([['a']]);
  });

  test('a missing Name column stops the run naming the sheet and the header', () => {
    const emu = loadBundle(
      {},
      {
        Customers: [
          ['Customer ID', 'Email'],
          ['C1', 'a@b.example'],
        ],
      },
    );
    const s = emu.invoke('runFollowUpsNow') as Record<string, unknown>;
    expect(String(s.fatal)).toMatch(/Customers/);
    expect(String(s.fatal)).toMatch(/Name/);
  });
});
