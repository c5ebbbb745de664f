/**
 * Concurrency (docs/testing.md, Kinds of tests): things happening at the same time as a run. Apps Script
 * runs executions side by side; the emulator runs one at a time, so a second
 * execution is started from inside the first with faults.afterCall (its hook
 * runs between two service calls of the first, outside it), and "another run
 * holds the lock" is emu.locks.holdDocumentLock().
 */
import type { Emulator } from '../../tools/emulator';
import { checkNothingLost, normalizeName, snapshot, type Snapshot } from '../helpers/invariant';
import { baseWorkbook } from './corpus';
import { madeKeys, managedDiff, managedState, prepared, runNightly, sampleSheets, type RunSummary } from './harness';

type LogResult = { ok: true; logged: number } | { ok: false; errors: Record<string, string> };

const SAVE = {
  customerIds: ['C0003'],
  date: '2026-11-16',
  type: 'Call',
  outcome: 'happy',
  notes: 'called during the nightly run',
  nextStep: '',
  nextStepDate: '',
  complaintSize: '',
  resolvedOn: '',
};

function cleanReference(sheets: Record<string, unknown[][]>) {
  const emu = prepared(sheets);
  runNightly(emu);
  return { managed: managedState(emu), keys: madeKeys(emu) };
}

function lastLogRow(emu: Emulator): string {
  const name = emu.sheetNames().find((n) => normalizeName(n) === 'retainlog');
  const rows = name ? emu.sheetValues(name) : [];
  return rows.length > 1 ? rows[rows.length - 1].join(' ') : '';
}

function cellOf(emu: Emulator, sheet: string, id: string, header: string): unknown {
  const rows = emu.sheetValues(sheet);
  const h = rows[0].map(String);
  const row = rows.find((r) => String(r[h.indexOf('Customer ID')]) === id);
  return row ? row[h.indexOf(header)] : undefined;
}

/** The sheet's cells with formulas kept as formulas: what a sort in Sheets moves. */
function cellsKeepingFormulas(emu: Emulator, sheet: string): unknown[][] {
  const values = emu.sheetValues(sheet);
  const formulas = emu.sheetFormulas(sheet);
  return values.map((row, r) => row.map((v, c) => formulas[r]?.[c] || v));
}

describe('two runs at once', () => {
  test('a second nightly run started mid-run skips, logs "another run is in progress", and the first finishes the plan', () => {
    const ref = cleanReference(baseWorkbook());
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    let second: RunSummary | undefined;
    let logged = '';
    emu.faults.afterCall(
      1,
      () => {
        second = runNightly(emu);
        logged = lastLogRow(emu);
      },
      { service: 'Gmail' },
    );
    const first = runNightly(emu);
    expect(second).toBeDefined();
    expect(second!.locked).toBe(true);
    expect(second!.draftsMade + second!.eventsMade).toBe(0);
    expect(second!.errors.join(' ')).toMatch(/another .*run is in progress/i);
    expect(logged).toMatch(/another .*run is in progress/i);
    expect(first.locked).toBe(false);
    expect(first.fatal).toBe('');
    expect(madeKeys(emu)).toEqual(ref.keys);
    expect(managedDiff(managedState(emu), ref.managed)).toEqual([]);
    expect(checkNothingLost(before, emu)).toEqual([]);
  });

  test('"Run follow-ups now" while the nightly run holds the lock: it skips with a message and changes nothing', () => {
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    emu.locks.holdDocumentLock();
    const s = emu.invoke('runFollowUpsNow') as RunSummary;
    expect(s.locked).toBe(true);
    expect(emu.ui.last('alert')?.message ?? '').toMatch(/another .*run is in progress/i);
    expect(emu.gmail.drafts().length + emu.calendar.events().length).toBe(0);
    expect(checkNothingLost(before, emu, { rerun: false })).toEqual([]);
    const after = snapshot(emu);
    delete before['Retain log'];
    delete after['Retain log'];
    expect(after).toEqual(before);
    // Once the lock is free the same menu item does the work.
    emu.locks.releaseDocumentLock();
    expect((emu.invoke('runFollowUpsNow') as RunSummary).locked).toBe(false);
    expect(checkNothingLost(before, emu)).toEqual([]);
  });

  test('preview while a run holds the lock still answers, and writes nothing', () => {
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    emu.locks.holdDocumentLock();
    emu.invoke('previewTonightsRun');
    expect(emu.ui.last('dialog')?.html ?? '').toMatch(/preview/i);
    expect(snapshot(emu)).toEqual(before);
  });
});

describe('a sidebar save during a nightly run', () => {
  /** The save either answers "busy" and changes nothing, or succeeds and both writes survive. */
  function checkSave(emu: Emulator, r: LogResult, before: Snapshot, lastContactBefore: unknown): void {
    const logRows = emu.sheetValues('Contact log').filter((row) => row.includes('called during the nightly run'));
    if (r.ok) {
      expect(logRows.length).toBe(1);
      expect(String(cellOf(emu, 'Customers', 'C0003', 'Last contact'))).not.toBe(String(lastContactBefore));
    } else {
      expect(Object.values(r.errors).join(' ')).toMatch(/\S{3,}/);
      expect(Object.values(r.errors).join(' ')).not.toMatch(/undefined|\[object/);
      expect(logRows.length).toBe(0);
      expect(String(cellOf(emu, 'Customers', 'C0003', 'Last contact'))).toBe(String(lastContactBefore));
    }
    expect(
      checkNothingLost(before, emu, { rerun: false, appendOnly: ['Contact log'] }).filter(
        (x) => !/Contact log/.test(x),
      ),
    ).toEqual([]);
  }

  test.each([
    ['after the run read the sheets (first Gmail call)', { service: 'Gmail' as const }, 1],
    ['between two calendar inserts', { method: 'Calendar.Events.insert' }, 1],
    ['right before the run writes the managed columns', { method: 'SpreadsheetApp.Range.getNumberFormats' }, 1],
  ])('%s', (_name, filter, k) => {
    const ref = cleanReference(baseWorkbook());
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    const lastContactBefore = cellOf(emu, 'Customers', 'C0003', 'Last contact');
    let r: LogResult | undefined;
    emu.faults.afterCall(
      k,
      () => {
        r = emu.invoke('logContact', SAVE) as LogResult;
      },
      filter,
    );
    const s = runNightly(emu);
    expect(r).toBeDefined();
    expect(s.fatal).toBe('');
    expect(madeKeys(emu)).toEqual(ref.keys);
    checkSave(emu, r!, before, lastContactBefore);
    // The nightly run's writes are all there (C0003's row only may differ if the save went through: it was contacted today).
    const diff = managedDiff(managedState(emu), ref.managed, 50).filter(
      (d) => r!.ok === false || !d.startsWith('Customers:C0003#'),
    );
    expect(diff).toEqual([]);
    // Saving again once the run is over works, and the run's writes stay.
    if (!r!.ok) {
      const again = emu.invoke('logContact', SAVE) as LogResult;
      expect(again.ok).toBe(true);
      expect(emu.sheetValues('Contact log').filter((row) => row.includes('called during the nightly run')).length).toBe(
        1,
      );
    }
    expect(madeKeys(emu)).toEqual(ref.keys);
  });

  test('a save while a run holds the lock answers with a message, not an exception, and changes no cell', () => {
    const emu = prepared(baseWorkbook());
    const before = snapshot(emu);
    emu.locks.holdDocumentLock();
    const r = emu.scriptRun('logContact', SAVE) as LogResult;
    expect(r.ok).toBe(false);
    expect(Object.values((r as { errors: Record<string, string> }).errors).join(' ')).toMatch(/try again|busy/i);
    expect(snapshot(emu)).toEqual(before);
  });
});

describe('rows moved between the read and the write', () => {
  /** After the first Gmail call (the run has read and planned), the user edits the sheet; returns the user's state then. */
  function midRun(emu: Emulator, edit: () => void): () => Snapshot {
    let state: Snapshot | undefined;
    emu.faults.afterCall(
      1,
      () => {
        edit();
        state = snapshot(emu);
      },
      { service: 'Gmail' },
    );
    return () => {
      if (!state) throw new Error('the edit did not happen');
      return state;
    };
  }

  test('sorted, a row inserted and a row deleted in Customers: every row gets its own values', () => {
    const ref = cleanReference(baseWorkbook());
    const emu = prepared(baseWorkbook());
    const userState = midRun(emu, () => {
      const cells = cellsKeepingFormulas(emu, 'Customers');
      const header = cells[0];
      const idc = header.indexOf('Customer ID');
      const body = cells.slice(1).filter((r) => r[idc] !== 'C0004');
      body.sort((a, b) => String(b[1]).localeCompare(String(a[1])));
      const ivy = header.map((h) => (h === 'Customer ID' ? 'C0100' : h === 'Name' ? 'Inserted Ivy' : ''));
      emu.setSheet('Customers', [header, body[0], ivy, ...body.slice(1)], { parse: false });
    });
    const s = runNightly(emu);
    expect(s.fatal).toBe('');
    expect(s.errors.join(' ')).toMatch(/C0004/);
    expect(checkNothingLost(userState(), emu, { rerun: false, deletedCustomers: ['C0004'] })).toEqual([]);
    // Every remaining customer has exactly the clean run's managed values; the inserted row got none.
    const want = new Map([...ref.managed].filter(([k]) => !k.startsWith('Customers:C0004#')));
    const got = new Map([...managedState(emu)].filter(([k]) => !k.startsWith('Customers:C0100#')));
    expect(managedDiff(got, want, 50)).toEqual([]);
    for (const h of ['Tier', 'Next follow-up', 'Follow-up', 'Retain notes'])
      expect(cellOf(emu, 'Customers', 'C0100', h)).toBe('');
    // The formula in C0002's own notes is still a formula after the move.
    const f = emu.sheetFormulas('Customers');
    expect(f.flat()).toContain('=1+1');
  });

  test('Purchases sorted newest first mid-run: each thank-you draft lands on its own purchase row', () => {
    const ref = cleanReference(baseWorkbook());
    const emu = prepared(baseWorkbook());
    const userState = midRun(emu, () => {
      const cells = cellsKeepingFormulas(emu, 'Purchases');
      const body = cells.slice(1).sort((a, b) => (b[1] as Date).getTime() - (a[1] as Date).getTime());
      emu.setSheet('Purchases', [cells[0], ...body], { parse: false });
    });
    runNightly(emu);
    expect(checkNothingLost(userState(), emu)).toEqual([]);
    expect(managedDiff(managedState(emu), ref.managed, 50)).toEqual([]);
  });

  test('a user column inserted before the managed columns mid-run: values land under the right headers', () => {
    const ref = cleanReference(baseWorkbook());
    const emu = prepared(baseWorkbook());
    const userState = midRun(emu, () => {
      const cells = cellsKeepingFormulas(emu, 'Customers');
      emu.setSheet(
        'Customers',
        cells.map((r, i) => [r[0], i === 0 ? 'Region' : 'East', ...r.slice(1)]),
        { parse: false },
      );
    });
    runNightly(emu);
    expect(checkNothingLost(userState(), emu)).toEqual([]);
    expect(managedDiff(managedState(emu), ref.managed, 50)).toEqual([]);
  });

  test('on the sample: sorted by company and the 10th row deleted mid-run', () => {
    const ref = cleanReference(sampleSheets());
    const emu = prepared(sampleSheets());
    let deleted = '';
    const userState = midRun(emu, () => {
      const cells = cellsKeepingFormulas(emu, 'Customers');
      deleted = String(cells[10][0]);
      const body = cells
        .slice(1)
        .filter((_, i) => i !== 9)
        .sort((a, b) => String(a[2]).localeCompare(String(b[2])));
      emu.setSheet('Customers', [cells[0], ...body], { parse: false });
    });
    runNightly(emu);
    expect(checkNothingLost(userState(), emu, { rerun: false, deletedCustomers: [deleted] })).toEqual([]);
    const want = new Map([...ref.managed].filter(([k]) => !k.startsWith(`Customers:${deleted}#`)));
    expect(managedDiff(managedState(emu), want, 50)).toEqual([]);
  });
});
