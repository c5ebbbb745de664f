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

/**
 * The retry policy's classes (src/gas/retry.ts; docs/platform.md, Limits and
 * errors) against the errors the emulator throws for every entry of its fault
 * catalog, in every language the catalog has: the message and, for the
 * advanced services, the HTTP details, exactly as a script catches them.
 */
describe('every catalogued error is classed as the platform means it', () => {
  const { classifyError } = jest.requireActual('../../src/gas/retry') as typeof import('../../src/gas/retry');
  const { Emulator, FAULT_CATALOG } = jest.requireActual(
    '../../tools/emulator',
  ) as typeof import('../../tools/emulator');
  const PROBE = `
    function probe(service) {
      try {
        if (service === 'Gmail') Gmail.Users.Drafts.list('me');
        else if (service === 'Calendar') Calendar.Events.list('primary', {});
        else SpreadsheetApp.getActive().getSheets();
        return null;
      } catch (e) {
        return { message: e.message, details: e.details ? JSON.parse(JSON.stringify(e.details)) : undefined };
      }
    }`;
  const expected: Record<string, string> = {
    rate: 'rate',
    quota: 'quota',
    transient: 'transient',
    kill: 'killed',
  };

  function caught(key: string, service: string, language: string): Error {
    const emu = new Emulator({ now: '2026-11-16T06:30:00+08:00' });
    emu.load(PROBE);
    emu.faults.inject({ error: key as never, filter: { service: service as never }, language });
    let r: { message: string; details?: unknown } | null = null;
    try {
      r = emu.invoke('probe', service) as typeof r;
    } catch (e) {
      // The kill ends the execution itself: its error is what invoke throws.
      r = { message: (e as Error).message };
    }
    if (!r) throw new Error(`no fault fired for ${key}`);
    return Object.assign(new Error(r.message), r.details ? { details: r.details } : {});
  }

  const cases: Array<[string, string, string, string]> = [];
  for (const [key, entry] of Object.entries(FAULT_CATALOG)) {
    const services = entry.http ? ['Gmail', 'Calendar'] : ['SpreadsheetApp'];
    const languages = entry.text ? Object.keys(entry.text) : ['en'];
    for (const service of services) for (const language of languages) cases.push([key, service, language, entry.cls]);
  }

  test.each(cases)('%s on %s in %s', (key, service, language, cls) => {
    const kind = classifyError(caught(key, service, language));
    if (language === 'en' || !['rate', 'quota', 'transient'].includes(cls)) expect(kind).toBe(expected[cls]);
    // A translated message Retain cannot read is retried once, as a transient error would be, or read rightly.
    else expect(['unknown', expected[cls]]).toContain(kind);
  });

  test('what trying again cannot fix is not retried', () => {
    for (const msg of [
      'Your input contains more than the maximum of 50000 characters in a single cell.',
      'You have exceeded the property storage quota. Please remove some properties and try again.',
      'Argument too large: value',
      'API call to calendar.events.insert failed with error: The requested identifier already exists.',
    ])
      expect([msg, classifyError(new Error(msg))]).toEqual([msg, 'permanent']);
    expect(classifyError(new Error('Etwas ist schiefgelaufen'))).toBe('unknown');
  });
});
