/**
 * Bad input at size (docs/testing.md, Kinds of tests): one Customers sheet of 100,000 rows (a few of them bad),
 * typed values rather than text to parse so that loading it stays fast.
 */
import { loadBundle } from '../helpers/bundle';
import { checkNothingLost, snapshot } from '../helpers/invariant';
import { hugeCustomers } from './corpus';
import { runNightly } from './harness';

test('a Customers sheet with 100,000 rows: the run finishes, reports the bad rows, changes no user cell', () => {
  const { sheets, bad } = hugeCustomers(100000);
  const emu = loadBundle({}, sheets);
  emu.invoke('scheduleNightlyRun');
  const before = snapshot(emu);
  const s = runNightly(emu);
  expect(s.fatal).toBe('');
  expect(s.customersRead).toBe(100000);
  for (const b of bad) {
    expect(
      s.problems.some((p) => p.sheet === b.sheet && p.row === b.row && `${p.column} ${p.message}`.includes(b.column)),
    ).toBe(true);
  }
  // A sheet this size is read and written in a handful of calls, not per row.
  expect(emu.calls.byMethod()['SpreadsheetApp.Range.getValues'] ?? 0).toBeLessThan(20);
  expect(checkNothingLost(before, emu, { rerun: false })).toEqual([]);
  // Written once, the managed columns hold the plan: row 2's tier and follow-up are filled in.
  const values = emu.sheetValues('Customers');
  expect(values[1][values[0].indexOf('Tier')]).toMatch(/^[ABC]$/);
}, 120000);
