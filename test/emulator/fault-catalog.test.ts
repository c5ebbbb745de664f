/**
 * Fault injection with the real wordings (tools/emulator/faultCatalog.ts,
 * docs/platform.md "Limits and errors"): per service, before or after the
 * call takes effect, in bursts, as a daily quota, and in another language.
 */
import { Emulator, FAULT_CATALOG, type EmulatorOptions, type FaultKey } from '../../tools/emulator';

const RAW = Buffer.from('To: bob@example.com\r\nSubject: Hi\r\n\r\nHello').toString('base64url');

const CODE = `
  function attempt(fn) { try { return ['ok', fn()]; } catch (e) { return [e.name, e.message, e.details && e.details.code, e.details && e.details.errors[0].reason]; } }
  function read() { return attempt(function () { return SpreadsheetApp.openById('ss-1').getSheets()[0].getRange(1, 1).getValue(); }); }
  function draft() { return attempt(function () { return Gmail.Users.Drafts.create({ message: { raw: '${RAW}' } }, 'me').id; }); }
  function event() { return attempt(function () { return Calendar.Events.insert({ summary: 'Visit',
      start: { dateTime: '2026-11-17T09:00:00', timeZone: 'Asia/Shanghai' }, end: { dateTime: '2026-11-17T10:00:00', timeZone: 'Asia/Shanghai' } }, 'primary').id; }); }
  function events(n) { var out = []; for (var i = 0; i < n; i++) out.push(event()[0]); return out; }
  function prop() { return attempt(function () { PropertiesService.getDocumentProperties().setProperty('k', 'v'); return 'set'; }); }`;

function emulator(opts: EmulatorOptions = {}): Emulator {
  const emu = new Emulator({
    now: '2026-11-16T06:30:00+08:00',
    timeZone: 'Asia/Shanghai',
    spreadsheetId: 'ss-1',
    ...opts,
  });
  emu.load(CODE);
  return emu;
}

describe('the catalog', () => {
  test('Apps Script quota and rate messages as the quotas page words them', () => {
    const emu = emulator();
    const cases: Array<[FaultKey, string, string]> = [
      ['quota.service', 'event', 'Service invoked too many times: Calendar.'],
      ['quota.daily', 'draft', 'Service invoked too many times for one day: gmail.'],
      ['quota.computerTime', 'read', 'Service using too much computer time for one day.'],
      [
        'rate',
        'read',
        'Service invoked too many times in a short time: spreadsheets. Try Utilities.sleep(1000) between calls.',
      ],
      ['server', 'read', "We're sorry, a server error occurred. Please wait a bit and try again."],
      ['sheets.failed', 'read', 'Service Spreadsheets failed while accessing document with id ss-1.'],
      ['sheets.timedOut', 'read', 'Service Spreadsheets timed out while accessing document with id ss-1.'],
      ['serviceError', 'read', 'Service error: Spreadsheets'],
      ['emptyResponse', 'read', 'Empty response'],
      ['simultaneous', 'read', 'Too many simultaneous invocations: Spreadsheets'],
    ];
    for (const [key, fn, message] of cases) {
      emu.faults.inject({
        error: key,
        filter: { service: fn === 'read' ? 'SpreadsheetApp' : fn === 'draft' ? 'Gmail' : 'Calendar' },
      });
      expect([key, emu.invoke(fn)]).toEqual([key, ['Exception', message, undefined, undefined]]);
    }
  });

  test('advanced-service HTTP errors as Apps Script wraps them, with details.code and the reason', () => {
    const emu = emulator();
    const cases: Array<[FaultKey, string, string, number, string]> = [
      [
        'http.429',
        'event',
        'API call to calendar.events.insert failed with error: Rate Limit Exceeded',
        429,
        'rateLimitExceeded',
      ],
      [
        'http.403.rate',
        'event',
        'API call to calendar.events.insert failed with error: Rate Limit Exceeded',
        403,
        'rateLimitExceeded',
      ],
      [
        'http.403.userRate',
        'draft',
        'API call to gmail.users.drafts.create failed with error: User Rate Limit Exceeded',
        403,
        'userRateLimitExceeded',
      ],
      [
        'http.403.quota',
        'event',
        'API call to calendar.events.insert failed with error: Calendar usage limits exceeded.',
        403,
        'quotaExceeded',
      ],
      [
        'http.403.quota',
        'draft',
        'API call to gmail.users.drafts.create failed with error: Daily Limit Exceeded',
        403,
        'quotaExceeded',
      ],
      ['http.500', 'event', 'API call to calendar.events.insert failed with error: Backend Error', 500, 'backendError'],
      [
        'http.503',
        'draft',
        'API call to gmail.users.drafts.create failed with error: Backend Error',
        503,
        'backendError',
      ],
    ];
    for (const [key, fn, message, code, reason] of cases) {
      emu.faults.inject({ error: key, filter: { service: fn === 'draft' ? 'Gmail' : 'Calendar' } });
      expect([key, emu.invoke(fn)]).toEqual([key, ['GoogleJsonResponseException', message, code, reason]]);
    }
    emu.faults.inject({ error: 'http.429.userRate', filter: { service: 'Gmail' } });
    expect((emu.invoke('draft') as string[])[1]).toMatch(
      /^API call to gmail\.users\.drafts\.create failed with error: User-rate limit exceeded\. {2}Retry after 2026-11-15T22:45:00\.000Z$/,
    );
    expect(emu.gmail.drafts()).toHaveLength(0);
    expect(emu.calendar.events()).toHaveLength(0);
  });

  test('every entry names its source; translations exist only where a real one was observed', () => {
    for (const [key, e] of Object.entries(FAULT_CATALOG)) {
      expect([key, e.ref.length > 10]).toEqual([key, true]);
      expect(['docs', 'observed', 'unconfirmed']).toContain(e.source);
    }
    expect(Object.keys(FAULT_CATALOG.server.text!)).toEqual(expect.arrayContaining(['en', 'de', 'zh-TW']));
  });
});

describe('the account language', () => {
  test('a German or Chinese account gets the translated message, which matches no English pattern', () => {
    const de = emulator({ errorLanguage: 'de' });
    de.faults.inject({ error: 'server', filter: { service: 'SpreadsheetApp' } });
    expect(de.invoke('read')).toEqual([
      'Exception',
      'Ein Serverfehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
      undefined,
      undefined,
    ]);
    const en = emulator();
    en.faults.inject({ error: 'server', filter: { service: 'SpreadsheetApp' }, language: 'zh-TW' });
    expect((en.invoke('read') as string[])[1]).toBe('很抱歉，伺服器發生錯誤，請稍後再試。');
    en.faults.inject({ error: 'quota.daily', filter: { service: 'Calendar' }, language: 'fr' });
    expect((en.invoke('event') as string[])[1]).toBe("Trop d'appels pour ce service aujourd'hui : calendar.");
    // The API's own HTTP messages are not translated.
    de.faults.inject({ error: 'http.429', filter: { service: 'Calendar' } });
    expect((de.invoke('event') as string[])[1]).toBe(
      'API call to calendar.events.insert failed with error: Rate Limit Exceeded',
    );
  });
});

describe('when and how often', () => {
  test('after the call takes effect: the event is made, then the error (the answer was lost)', () => {
    const emu = emulator();
    emu.faults.inject({ error: 'http.503', filter: { method: 'Events.insert' }, when: 'after' });
    expect((emu.invoke('event') as string[])[0]).toBe('GoogleJsonResponseException');
    expect(emu.calendar.events()).toHaveLength(1);
  });

  test('the k-th call of a method, then a burst of n', () => {
    const emu = emulator();
    emu.faults.inject({ error: 'http.429', filter: { method: 'Calendar.Events.insert' }, at: 2, count: 3 });
    expect(emu.invoke('events', 6)).toEqual([
      'ok',
      'GoogleJsonResponseException',
      'GoogleJsonResponseException',
      'GoogleJsonResponseException',
      'ok',
      'ok',
    ]);
    expect(emu.faults.fired.map((f) => f.kind)).toEqual(['http.429', 'http.429', 'http.429']);
  });

  test('a daily quota keeps failing for the rest of the execution, or of the day, then the quota is back', () => {
    const emu = emulator();
    emu.faults.inject({ error: 'quota.service', filter: { service: 'Calendar' }, at: 2, persist: 'execution' });
    expect(emu.invoke('events', 4)).toEqual(['ok', 'Exception', 'Exception', 'Exception']);
    expect(emu.invoke('events', 2)).toEqual(['ok', 'ok']);
    emu.faults.clear();
    emu.faults.inject({ error: 'quota.service', filter: { service: 'Calendar' }, persist: 'day' });
    expect(emu.invoke('events', 2)).toEqual(['Exception', 'Exception']);
    emu.clock.advance(23 * 3600000);
    expect(emu.invoke('events', 1)).toEqual(['Exception']);
    emu.clock.advance(3600000 + 1);
    expect(emu.invoke('events', 2)).toEqual(['ok', 'ok']);
  });

  test('Properties and Lock calls can fail too (outside the default scope: name the service)', () => {
    const emu = emulator();
    emu.faults.inject({ error: 'server', filter: { service: 'PropertiesService', method: 'Properties.setProperty' } });
    expect(emu.invoke('prop')).toEqual([
      'Exception',
      "We're sorry, a server error occurred. Please wait a bit and try again.",
      undefined,
      undefined,
    ]);
    expect(emu.invoke('prop')).toEqual(['ok', 'set']);
  });
});
