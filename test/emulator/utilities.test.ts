/**
 * Utilities (reference/utilities/utilities) and the bundle's Date, which in
 * Apps Script follows the script's time zone and here the fake clock.
 */
import { Emulator } from '../../tools/emulator';

function emulator(code: string, opts: ConstructorParameters<typeof Emulator>[0] = {}): Emulator {
  const emu = new Emulator({ now: '2026-11-02T10:00:00Z', ...opts });
  emu.load(code);
  return emu;
}

describe('Utilities.formatDate (SimpleDateFormat patterns, IANA zones)', () => {
  const emu = emulator(`function fmt(iso, tz, p){ return Utilities.formatDate(new Date(iso), tz, p); }`);
  const fmt = (iso: string, tz: string, p: string) => emu.invoke('fmt', iso, tz, p);

  test('America/New_York across the 2026-03-08 spring-forward', () => {
    expect(fmt('2026-03-08T06:59:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm Z')).toBe('2026-03-08 01:59 -0500');
    expect(fmt('2026-03-08T07:00:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm Z')).toBe('2026-03-08 03:00 -0400');
    expect(fmt('2026-03-08T07:00:00Z', 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-03-08T03:00:00-04:00',
    );
    expect(fmt('2026-11-01T05:30:00Z', 'America/New_York', 'HH:mm z')).toBe('01:30 EDT');
    expect(fmt('2026-11-01T06:30:00Z', 'America/New_York', 'HH:mm z')).toBe('01:30 EST');
  });

  test('Asia/Shanghai, weekday names and numbers, 12-hour clock', () => {
    expect(fmt('2026-11-01T17:05:09Z', 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss XXX')).toBe('2026-11-02 01:05:09 +08:00');
    expect(fmt('2026-11-01T17:05:09Z', 'Asia/Shanghai', 'EEE EEEE u')).toBe('Mon Monday 1');
    expect(fmt('2026-11-08T04:00:00Z', 'Asia/Shanghai', 'E u')).toBe('Sun 7');
    expect(fmt('2026-11-01T17:05:09Z', 'Asia/Shanghai', 'M/d/yy h:mm a')).toBe('11/2/26 1:05 AM');
    expect(fmt('2026-11-01T17:05:09Z', 'Asia/Shanghai', 'MMM MMMM')).toBe('Nov November');
  });

  test('quoted literals, UTC and X patterns', () => {
    expect(fmt('2026-01-05T00:00:00Z', 'UTC', "'Week' w 'of' yyyy, 'it''s' D")).toBe("Week 2 of 2026, it's 5");
    expect(fmt('2026-01-05T00:00:00Z', 'Etc/UTC', 'X XX XXX')).toBe('Z Z Z');
    expect(fmt('2026-01-05T00:00:00Z', 'Europe/London', 'yyyy-MM-dd HH:mm')).toBe('2026-01-05 00:00');
    expect(fmt('2026-07-05T00:00:00Z', 'Europe/London', 'yyyy-MM-dd HH:mm Z')).toBe('2026-07-05 01:00 +0100');
  });

  test('YYYY is the week year (the classic end-of-December bug) and a bad pattern letter throws', () => {
    expect(fmt('2026-12-28T12:00:00Z', 'UTC', 'yyyy YYYY')).toBe('2026 2027');
    expect(() => fmt('2026-12-28T12:00:00Z', 'UTC', 'yyyy-MM-dd q')).toThrow(/Illegal pattern character 'q'/);
  });

  test('formatDate needs a Date', () => {
    const e2 = emulator(`function bad(){ return Utilities.formatDate('2026-01-01', 'UTC', 'yyyy'); }`);
    expect(() => e2.invoke('bad')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('base64, blobs, digests', () => {
  const emu = emulator(`
    function roundTrip(s){ var enc = Utilities.base64EncodeWebSafe(s, Utilities.Charset.UTF_8);
      var bytes = Utilities.base64DecodeWebSafe(enc); return [enc, bytes.slice(0, 4), Utilities.newBlob(bytes).getDataAsString(), Array.isArray(bytes) && bytes instanceof Array]; }
    function std(s){ return [Utilities.base64Encode(s), Utilities.base64Decode(Utilities.base64Encode(s))]; }
    function bad(){ return Utilities.base64Decode('***'); }
    function digest(s){ return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s).slice(0, 4); }
    function blob(){ var b = Utilities.newBlob('héllo', 'text/plain', 'a.txt'); return [b.getBytes().length, b.getContentType(), b.getName(), b.getDataAsString()]; }`);

  test('web-safe round trip of UTF-8 Chinese text; bytes are signed like Java', () => {
    const [enc, first, back, isArray] = emu.invoke('roundTrip', '老客户维护 Retain?>') as [
      string,
      number[],
      string,
      boolean,
    ];
    expect(enc).toBe(
      Buffer.from('老客户维护 Retain?>', 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    );
    expect(enc).not.toMatch(/[+/]/);
    expect(first).toEqual([-24, -128, -127, -27]);
    expect(back).toBe('老客户维护 Retain?>');
    expect(isArray).toBe(true);
  });

  test('standard base64, invalid input, digest bytes, blobs', () => {
    expect(emu.invoke('std', 'hi?')).toEqual(['aGk/', [104, 105, 63]]);
    expect(() => emu.invoke('bad')).toThrow('Could not decode string.');
    // sha256('abc') = ba7816bf...
    expect(emu.invoke('digest', 'abc')).toEqual([0xba - 256, 0x78, 0x16, 0xbf - 256]);
    expect(emu.invoke('blob')).toEqual([6, 'text/plain', 'a.txt', 'héllo']);
  });
});

describe('Utilities.sleep and the bundle clock', () => {
  test('sleep advances the fake clock without waiting; new Date()/Date.now() follow it', () => {
    const emu = emulator(
      `function nap(){ var a = Date.now(); Utilities.sleep(120000); return [a, Date.now(), new Date().toISOString()]; }`,
    );
    const t0 = performance.now();
    expect(emu.invoke('nap')).toEqual([
      Date.parse('2026-11-02T10:00:00Z'),
      Date.parse('2026-11-02T10:02:00Z'),
      '2026-11-02T10:02:00.000Z',
    ]);
    // A real 120 s wait would take 120 s; a minute of margin keeps a busy machine from failing this.
    expect(performance.now() - t0).toBeLessThan(60000);
    expect(emu.clock.now().toISOString()).toBe('2026-11-02T10:02:00.000Z');
    emu.clock.advance(60000);
    expect((emu.invoke('nap') as number[])[0]).toBe(Date.parse('2026-11-02T10:03:00Z'));
  });

  test("local-time Date methods use the script's time zone, not the machine's", () => {
    const emu = emulator(
      `function local(){ var d = new Date(2026, 2, 8, 12, 0); var gap = new Date(2026, 2, 8, 2, 30);
         return [d.toISOString(), d.getHours(), d.getTimezoneOffset(), gap.getHours() + ':' + gap.getMinutes(), String(d),
                 new Date('2026-03-08T12:00:00').toISOString(), new Date('2026-03-08').toISOString(), d instanceof Date,
                 new Date(2026, 0, 31).getDay(), Date.UTC(2026, 0, 1)]; }
       function set(){ var d = new Date(2026, 10, 1, 0, 30); d.setHours(d.getHours() + 2); return d.toISOString(); }`,
      { timeZone: 'Europe/London', scriptTimeZone: 'America/New_York' },
    );
    expect(emu.invoke('local')).toEqual([
      '2026-03-08T16:00:00.000Z',
      12,
      240,
      '3:30',
      'Sun Mar 08 2026 12:00:00 GMT-0400 (Eastern Daylight Time)',
      '2026-03-08T16:00:00.000Z',
      '2026-03-08T00:00:00.000Z',
      true,
      6,
      Date.UTC(2026, 0, 1),
    ]);
    // 00:30 EDT + 2 wall-clock hours across the fall-back hour
    expect(emu.invoke('set')).toBe('2026-11-01T07:30:00.000Z');
  });

  test('Session gives the locale, the script time zone and the user', () => {
    const emu = emulator(
      `function s(){ return [Session.getActiveUserLocale(), Session.getScriptTimeZone(), Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`,
      {
        locale: 'zh_CN',
        scriptTimeZone: 'Asia/Shanghai',
        userEmail: 'li@example.com',
      },
    );
    expect(emu.invoke('s')).toEqual(['zh_CN', 'Asia/Shanghai', 'li@example.com', 'li@example.com']);
    expect(emu.invokeAs({ user: 'wang@example.com' }, 's')).toEqual([
      'zh_CN',
      'Asia/Shanghai',
      'wang@example.com',
      'wang@example.com',
    ]);
  });
});
