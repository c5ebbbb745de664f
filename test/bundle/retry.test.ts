/**
 * The adapters in src/gas call every service through the retry policy
 * (docs/testing.md, The emulator): a Spreadsheet call that hits a rate limit
 * is tried again and the work is done, by the faulted execution itself; a
 * call that is not safe to repeat blindly (a new sheet, an appended row)
 * looks first whether the lost call did its work, so nothing is made twice.
 */
import type { Emulator } from '../../tools/emulator';
import { loadBundle } from '../helpers/bundle';
import { messyWorkbook } from '../helpers/workbooks';

function ready(): Emulator {
  const emu = loadBundle({}, messyWorkbook());
  emu.invoke('setupSheets');
  return emu;
}

function cell(emu: Emulator, sheet: string, id: string, header: string): unknown {
  const values = emu.sheetValues(sheet);
  const col = values[0].map(String).indexOf(header);
  const row = values.find((r) => r[0] === id);
  return row ? row[col] : undefined;
}

const SAVE = {
  customerIds: ['C0001'],
  date: '2026-11-16',
  type: 'Call',
  outcome: 'ok',
  notes: 'rate limit test',
  nextStep: '',
  nextStepDate: '',
  complaintSize: '',
  resolvedOn: '',
};

describe('Spreadsheet calls through the adapters are retried', () => {
  test('a rate limit on the Last contact write: the save retries it and succeeds', () => {
    const emu = ready();
    const setValue = 'SpreadsheetApp.Range.setValue';
    emu.calls.reset();
    emu.faults.failCall(1, 'transient', { method: setValue });
    const r = emu.invoke('logContact', SAVE) as { ok: boolean };
    expect(emu.faults.fired.map((f) => `${f.service}.${f.method} ${f.kind}`)).toEqual([`${setValue} transient`]);
    expect(r.ok).toBe(true);
    expect(emu.calls.byMethod()[setValue]).toBe(2);
    expect(String(cell(emu, 'Customers', 'C0001', 'Last contact'))).toMatch(/2026|Nov 16/);
    expect(emu.sheetValues('Contact log').filter((row) => row.includes('rate limit test')).length).toBe(1);
  });

  test('a rate limit on reading Customers: the nightly run retries the read and finishes', () => {
    const emu = ready();
    emu.faults.failCall(1, 'transient', { method: 'SpreadsheetApp.Range.getValues' });
    const s = emu.invoke('runFollowUpsNow') as { fatal: string; errors: string[]; customersRead: number };
    expect(emu.faults.fired.length).toBe(1);
    expect(s.fatal).toBe('');
    expect(s.customersRead).toBeGreaterThan(0);
  });

  test('a new sheet whose answer was lost is not made twice', () => {
    const emu = loadBundle({}, messyWorkbook());
    emu.faults.failCall(1, 'lostResponse', { method: 'SpreadsheetApp.Spreadsheet.insertSheet' });
    emu.invoke('setupSheets');
    expect(emu.faults.fired.length).toBe(1);
    const names = emu.sheetNames();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Customers', 'Purchases', 'Contact log', 'Templates', 'Retain log']));
  });

  test("a Retain log row whose append's answer was lost is written once", () => {
    const emu = ready();
    const rowsBefore = emu.sheetValues('Retain log').length;
    emu.faults.failCall(1, 'lostResponse', { method: 'SpreadsheetApp.Sheet.appendRow' });
    emu.invoke('runFollowUpsNow');
    expect(emu.faults.fired.length).toBe(1);
    expect(emu.sheetValues('Retain log').length).toBe(rowsBefore + 1);
  });
});
