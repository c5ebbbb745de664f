/**
 * Fault injection and the execution time limit: the failures Apps Script
 * documents (guides/services/quotas; docs/platform.md, "Limits and errors").
 */
import { Emulator } from '../../tools/emulator';

const RAW = Buffer.from(
  'To: bob@example.com\r\nSubject: Thanks\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThank you!',
).toString('base64url');

const CODE = `
  function reads(n){ var sh = SpreadsheetApp.getActive().getSheets()[0]; var out = [];
    for (var i = 0; i < n; i++) { try { sh.getRange(1, 1).getValue(); out.push('ok'); } catch (e) { out.push(e.message); } } return out; }
  function draft(){ return Gmail.Users.Drafts.create({ message: { raw: '${RAW}' } }, 'me').id; }
  function tryDraft(){ try { return draft(); } catch (e) { return [e.name, e.message, e.details && e.details.code]; } }
  function event(){ return Calendar.Events.insert({ summary: 'Visit', start: { dateTime: '2026-11-03T09:00:00', timeZone: 'Europe/London' },
    end: { dateTime: '2026-11-03T10:00:00', timeZone: 'Europe/London' } }, 'primary').id; }
  function tryEvent(){ try { return event(); } catch (e) { return [e.name, e.message]; } }
  function slow(){ var out = []; for (var i = 0; i < 10; i++) {
      try { Utilities.sleep(60000); SpreadsheetApp.getActive().getName(); out.push(i); } catch (e) { out.push(e.message); } } return out; }
  function swallow(){ var out = []; for (var i = 0; i < 3; i++) { try { SpreadsheetApp.getActive().getName(); out.push('ok'); } catch (e) { out.push(e.message); } } return out; }
  function readAll(){ return SpreadsheetApp.getActive().getSheetByName('S').getDataRange().getValues(); }`;

function emulator(): Emulator {
  const emu = new Emulator({ now: '2026-11-02T10:00:00Z' });
  emu.load(CODE);
  return emu;
}

describe('faults.failCall', () => {
  test('transient: the k-th counted call from now throws the rate-limit message, later calls work', () => {
    const emu = emulator();
    // calls: getActive, getSheets, then getRange/getValue pairs -> the 4th is the first getValue
    emu.faults.failCall(4, 'transient');
    expect(emu.invoke('reads', 2)).toEqual([
      'Service invoked too many times in a short time: spreadsheets. Try Utilities.sleep(1000) between calls.',
      'ok',
    ]);
    expect(emu.faults.fired).toEqual([expect.objectContaining({ method: 'Range.getValue', kind: 'transient' })]);
  });

  test('quota: Spreadsheet and Gmail messages', () => {
    const emu = emulator();
    emu.faults.failCall(3, 'quota');
    expect(emu.invoke('reads', 1)).toEqual(['Service using too much computer time for one day.']);
    emu.faults.failCall(1, 'quota', { method: 'Users.Drafts.create' });
    expect(emu.invoke('tryDraft')).toEqual([
      'Exception',
      'Service invoked too many times for one day: gmail.',
      undefined,
    ]);
    expect(emu.gmail.drafts()).toHaveLength(0);
  });

  test('Gmail/Calendar transient faults look like API errors and happen before the side effect', () => {
    const emu = emulator();
    emu.faults.failCall(1, 'transient', { service: 'Gmail' });
    expect(emu.invoke('tryDraft')).toEqual([
      'GoogleJsonResponseException',
      'API call to gmail.users.drafts.create failed with error: Rate Limit Exceeded',
      429,
    ]);
    expect(emu.gmail.drafts()).toHaveLength(0);
    emu.faults.failCall(1, 'backend', { method: 'Events.insert' });
    expect(emu.invoke('tryEvent')).toEqual([
      'GoogleJsonResponseException',
      'API call to calendar.events.insert failed with error: Backend Error',
    ]);
    expect(emu.calendar.events()).toHaveLength(0);
  });

  test('lostResponse: the draft or event is made, then the call throws', () => {
    const emu = emulator();
    emu.faults.failCall(1, 'lostResponse', { method: 'Users.Drafts.create' });
    expect(emu.invoke('tryDraft')).toEqual([
      'GoogleJsonResponseException',
      'API call to gmail.users.drafts.create failed with error: Backend Error',
      503,
    ]);
    expect(emu.gmail.drafts()).toHaveLength(1);
    emu.faults.failCall(1, 'lostResponse', { method: 'Calendar.Events.insert' });
    expect((emu.invoke('tryEvent') as string[])[0]).toBe('GoogleJsonResponseException');
    expect(emu.calendar.events()).toHaveLength(1);
  });

  test('timeout: the call dies at the 6-minute limit; the bundle cannot catch it; the next execution starts fresh', () => {
    const emu = emulator();
    emu.faults.failCall(3, 'timeout'); // getActive, getName, [getActive]
    // swallow() catches every error and returns normally, but a killed execution ends with the kill.
    expect(() => emu.invoke('swallow')).toThrow('Exceeded maximum execution time');
    expect(emu.executionLog[0]).toMatchObject({ function: 'swallow', killed: true });
    expect(emu.invoke('swallow')).toEqual(['ok', 'ok', 'ok']);
  });

  test('failWhen: custom faults by predicate; clear() removes them', () => {
    const emu = emulator();
    emu.faults.failWhen((c) =>
      c.method === 'Range.getValue' && c.args.length === 0 ? new Error('custom boom') : undefined,
    );
    expect(emu.invoke('reads', 1)).toEqual(['custom boom']);
    emu.faults.clear();
    emu.faults.failWhen((c) => (c.service === 'Calendar' ? 'quota' : undefined));
    expect(emu.invoke('tryEvent')).toEqual(['Exception', 'Service invoked too many times for one day: calendar.']);
  });
});

describe('faults.afterCall', () => {
  test('runs a callback right after the k-th call, outside the count (e.g. the user edits mid-run)', () => {
    const emu = emulator();
    emu.setSheet('S', [['id'], ['C1'], ['C2']]);
    emu.faults.afterCall(2, () => {
      emu
        .sheet('S')
        .getRange('A2:A3')
        .setValues([['C2'], ['C1']]);
      emu.sheet('S').appendRow(['C3']);
    });
    expect(emu.invoke('readAll')).toEqual([['id'], ['C2'], ['C1'], ['C3']]);
    expect(emu.calls.total()).toBe(4);
  });
});

describe('the 6-minute limit', () => {
  test('a call made after 360 s kills the execution: it cannot recover, nor return normally', () => {
    const emu = emulator();
    expect(() => emu.invoke('slow')).toThrow('Exceeded maximum execution time');
    // Six minutes of sleeps and six getName calls went through before the kill.
    expect(emu.calls.byMethod()['SpreadsheetApp.Spreadsheet.getName']).toBe(6);
  });

  test('latency counts toward the limit: the call during which 360 s pass has no effect', () => {
    const emu = new Emulator({ now: '2026-11-02T10:00:00Z', latencyMs: { SpreadsheetApp: 100000 } });
    emu.load(CODE);
    expect(() => emu.invoke('reads', 3)).toThrow('Exceeded maximum execution time');
    expect(emu.executionLog.at(-1)).toMatchObject({ killed: true });
  });
});
