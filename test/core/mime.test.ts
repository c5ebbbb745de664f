import fc from 'fast-check';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { DraftMessage, buildMime, encodeHeaderValue, formatAddress, toBase64Url } from '../../src/core/mime';
import { renderTemplate } from '../../src/core/templates';

/** What Gmail does with `message.raw`: base64url-decode, then parse. */
async function parseRaw(raw: string): Promise<ParsedMail> {
  return simpleParser(Buffer.from(toBase64Url(raw), 'base64url'));
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { name: string; address?: string } {
  if (!a) throw new Error('no address header');
  const list = Array.isArray(a) ? a : [a];
  return list[0].value[0];
}

/** The message's header section, unfolded (RFC 5322 2.2.3). */
function headerSection(raw: string): string {
  return raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n(?=[ \t])/g, '');
}

/** Decodes one `=?UTF-8?B?...?=` word; throws if its bytes are not valid UTF-8 on their own. */
function decodeWord(word: string): string {
  const m = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(word);
  if (!m) throw new Error('not an encoded-word: ' + word);
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(m[1], 'base64'));
}

function checkWireFormat(raw: string): void {
  // only ASCII, CRLF line endings, no bare CR or LF
  expect(raw).toMatch(/^[\x00-\x7f]*$/);
  expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
}

const english: DraftMessage = {
  from: { name: 'Ann Lee', email: 'ann@shop.example' },
  to: { name: 'Bob Smith', email: 'bob@acme.example' },
  subject: 'Thank you for your purchase, Bob',
  text: 'Dear Bob,\n\nThank you for choosing us.\nAnn',
  html: '<div><p>Dear Bob,</p>\n<p>Thank you for choosing us.<br>\nAnn</p></div>',
  date: 'Tue, 03 Jun 2025 09:00:00 +0800',
  headers: { 'X-Retain-Key': 'P0042-2025-06-03' },
};

const chinese: DraftMessage = {
  from: { name: '李娜', email: 'lina@shop.example' },
  to: { name: '王小明', email: 'wang@example.cn' },
  subject: '感谢您的惠顾',
  text: '尊敬的王小明，您好！\n\n衷心感谢您的支持 🎉\n李娜',
  html: '<div><p>尊敬的王小明，您好！</p>\n<p>衷心感谢您的支持 🎉<br>\n李娜</p></div>',
};

describe('buildMime round trip through mailparser', () => {
  it.each([
    ['English', english],
    ['Chinese', chinese],
  ])('%s: headers and both parts come back exactly', async (_label, m) => {
    const raw = buildMime(m);
    checkWireFormat(raw);
    const p = await parseRaw(raw);
    expect(p.subject).toBe(m.subject);
    expect(firstAddress(p.to)).toEqual({ name: m.to.name, address: m.to.email });
    expect(firstAddress(p.from)).toEqual({ name: m.from!.name, address: m.from!.email });
    expect(p.text).toBe(m.text);
    expect(p.html).toBe(m.html);
    expect(p.headers.get('mime-version')).toBe('1.0');
    expect(p.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  });

  it('writes the date and extra X- headers', async () => {
    const p = await parseRaw(buildMime(english));
    expect(p.date?.toISOString()).toBe('2025-06-03T01:00:00.000Z');
    expect(p.headers.get('x-retain-key')).toBe('P0042-2025-06-03');
  });

  it('has text/plain then text/html, UTF-8, base64 in lines of at most 76', () => {
    const long = { ...chinese, text: '感谢'.repeat(200), html: '<p>' + '感谢'.repeat(200) + '</p>' };
    const raw = buildMime(long);
    const plainAt = raw.indexOf('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n');
    const htmlAt = raw.indexOf('Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n');
    expect(plainAt).toBeGreaterThan(0);
    expect(htmlAt).toBeGreaterThan(plainAt);
    const body = raw.slice(raw.indexOf('\r\n\r\n'));
    const b64Lines = body.split('\r\n').filter((l) => /^[A-Za-z0-9+/=]+$/.test(l));
    expect(b64Lines.length).toBeGreaterThan(10);
    for (const l of b64Lines) expect(l.length).toBeLessThanOrEqual(76);
    expect(b64Lines.filter((l) => l.length === 76).length).toBeGreaterThan(5);
  });

  it('a rendered template: markup in a name is escaped in HTML and raw in text', async () => {
    const r = renderTemplate(
      { subject: 'Thanks, {{Name}}', body: 'Dear {{Name}},\n\nThank you!' },
      { Name: '<b>Bob</b> & Co' },
    );
    if (!r.ok) throw new Error('render failed');
    const to = { name: '<b>Bob</b> & Co', email: 'bob@acme.example' };
    const p = await parseRaw(buildMime({ to, subject: r.subject, text: r.text, html: r.html }));
    expect(p.text).toBe('Dear <b>Bob</b> & Co,\n\nThank you!');
    expect(p.html).toContain('Dear &lt;b&gt;Bob&lt;/b&gt; &amp; Co,');
    expect(p.html).not.toContain('<b>');
    expect(p.subject).toBe('Thanks, <b>Bob</b> & Co');
    expect(firstAddress(p.to)).toEqual({ name: '<b>Bob</b> & Co', address: 'bob@acme.example' });
  });

  it('long Chinese subjects (100+ characters, emoji, ASCII) decode exactly', async () => {
    const subject = ('王小明，感谢您选购X200打印机🎉！' + '祝您工作顺利、生活愉快。').repeat(5);
    expect(subject.length).toBeGreaterThan(100);
    const raw = buildMime({ ...chinese, subject });
    checkWireFormat(raw);
    const p = await parseRaw(raw);
    expect(p.subject).toBe(subject);
    // each encoded-word is whole UTF-8 on its own (no character split across words)
    const subjectLine = /^Subject: (.*)$/m.exec(headerSection(raw))![1];
    const words = subjectLine.split(' ');
    expect(words.length).toBeGreaterThan(3);
    expect(words.map(decodeWord).join('')).toBe(subject);
  });

  it('long ASCII subjects are folded and unfold exactly', async () => {
    const subject = 'Thank you for your purchase of the X200 printer and the two extra toner cartridges, Bob';
    const raw = buildMime({ ...english, subject });
    checkWireFormat(raw);
    expect(raw).toContain('Subject: Thank you');
    expect((await parseRaw(raw)).subject).toBe(subject);
  });

  it('a word too long for a header line is encoded, so no line exceeds the limit', async () => {
    const subject = 'Order ' + 'x'.repeat(1200) + ' thanks';
    const raw = buildMime({ ...english, subject });
    checkWireFormat(raw);
    expect((await parseRaw(raw)).subject).toBe(subject);
  });

  it('a literal "=?" in an ASCII subject is not decoded by the reader', async () => {
    const subject = 'Re: =?UTF-8?B?5oSf?= is not a word';
    expect((await parseRaw(buildMime({ ...english, subject }))).subject).toBe(subject);
  });

  it('round-trips random subjects, names and bodies', async () => {
    // No control characters, no leading/trailing or doubled spaces: readers
    // normalize those in headers, which is not what this checks.
    const clean = (s: string) =>
      s
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, 'x')
        .replace(/\s+/g, ' ')
        .trim();
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
      .map(clean)
      .filter((s) => s !== '');
    await fc.assert(
      fc.asyncProperty(text, text, fc.string({ unit: 'grapheme', maxLength: 200 }), async (subject, name, body) => {
        const bodyText = body.replace(/\r\n?/g, '\n');
        const raw = buildMime({ to: { name, email: 'c@example.com' }, subject, text: bodyText, html: '<p>x</p>' });
        checkWireFormat(raw);
        const p = await parseRaw(raw);
        expect(p.subject).toBe(subject);
        expect(firstAddress(p.to)).toEqual({ name, address: 'c@example.com' });
        expect(p.text ?? '').toBe(bodyText); // mailparser gives undefined for an empty part
      }),
      { numRuns: 150 },
    );
  });
});

describe('header injection', () => {
  const attack = 'Bob\r\nBcc: evil@x.com';

  it('a subject with CR/LF becomes one line: no Bcc header', async () => {
    for (const subject of [attack, 'Bob\nBcc: evil@x.com', 'Bob\rBcc: evil@x.com', '王\r\nBcc: evil@x.com']) {
      const raw = buildMime({ ...english, subject });
      checkWireFormat(raw);
      expect(headerSection(raw)).not.toMatch(/^Bcc:/im);
      const p = await parseRaw(raw);
      expect(p.bcc).toBeUndefined();
      expect(p.headers.has('bcc')).toBe(false);
      expect(p.subject).toBe(subject.replace(/\r\n|\r|\n/, ' '));
    }
  });

  it('a display name or email with CR/LF throws', () => {
    expect(() => buildMime({ ...english, to: { name: attack, email: 'bob@acme.example' } })).toThrow(/line break/);
    expect(() => buildMime({ ...english, from: { name: 'Ann\nBcc: evil@x.com', email: 'a@x.com' } })).toThrow(
      /line break/,
    );
    expect(() => buildMime({ ...english, to: { email: 'bob@acme.example\r\nBcc: evil@x.com' } })).toThrow();
    expect(() => formatAddress({ name: 'Bob\r', email: 'bob@x.com' })).toThrow();
  });

  it('extra headers: only X- names, values kept on one line', async () => {
    expect(() => buildMime({ ...english, headers: { Bcc: 'evil@x.com' } })).toThrow(/header name/);
    expect(() => buildMime({ ...english, headers: { 'X-A\r\nBcc': 'evil@x.com' } })).toThrow(/header name/);
    expect(() => buildMime({ ...english, headers: { 'X-A: b': 'c' } })).toThrow(/header name/);
    const raw = buildMime({ ...english, headers: { 'X-Retain-Key': 'k1\r\nBcc: evil@x.com' } });
    expect(headerSection(raw)).not.toMatch(/^Bcc:/im);
    const p = await parseRaw(raw);
    expect(p.headers.has('bcc')).toBe(false);
    expect(p.headers.get('x-retain-key')).toBe('k1 Bcc: evil@x.com');
  });

  it('a date with CR/LF or non-ASCII throws', () => {
    expect(() => buildMime({ ...english, date: 'Tue, 03 Jun 2025\r\nBcc: evil@x.com' })).toThrow(/Date/);
    expect(() => buildMime({ ...english, date: '2025年6月3日' })).toThrow(/Date/);
  });
});

describe('formatAddress', () => {
  it('plain names as is, others quoted or encoded, blank names give the bare address', () => {
    expect(formatAddress({ name: 'Bob Smith', email: 'bob@x.com' })).toBe('Bob Smith <bob@x.com>');
    expect(formatAddress({ name: 'Dr. Ann Lee', email: 'a@x.com' })).toBe('"Dr. Ann Lee" <a@x.com>');
    expect(formatAddress({ name: 'Say "hi" \\o/', email: 'a@x.com' })).toBe('"Say \\"hi\\" \\\\o/" <a@x.com>');
    expect(formatAddress({ name: '王小明', email: 'w@x.cn' })).toBe('=?UTF-8?B?546L5bCP5piO?= <w@x.cn>');
    expect(formatAddress({ email: 'bob@x.com' })).toBe('bob@x.com');
    expect(formatAddress({ name: '  ', email: 'bob@x.com' })).toBe('bob@x.com');
  });

  it.each([
    'Smith, Bob',
    'Bob (Sales)',
    'O"Brien \\ Co',
    '=?UTF-8?B?5oSf?=',
    'Ann <ann@evil.com>',
    'José Müller',
    'a;b:c@d',
  ])('display name %j survives a parse', async (name) => {
    const p = await parseRaw(buildMime({ ...english, to: { name, email: 'c@example.com' } }));
    expect(p.to && !Array.isArray(p.to) && p.to.value).toEqual([{ name, address: 'c@example.com' }]);
  });

  it.each([
    'bob@x.com>',
    '<bob@x.com',
    'bob@x.com, evil@x.com',
    'bob @x.com',
    'bob@x.com\n',
    'bob@x.com\r',
    '\tbob@x.com',
    'bob',
    '',
    'bob@@x.com',
    'bö@x.com',
    'a"b@x.com',
  ])('refuses the email %j', (email) => {
    expect(() => formatAddress({ name: 'Bob', email })).toThrow();
  });
});

describe('encodeHeaderValue', () => {
  it('passes ASCII through', () => {
    expect(encodeHeaderValue('Thank you, Bob!')).toBe('Thank you, Bob!');
    expect(encodeHeaderValue('')).toBe('');
  });

  it('collapses CR/LF to a space', () => {
    expect(encodeHeaderValue('a\r\nb\nc\rd')).toBe('a b c d');
  });

  it('encodes non-ASCII as B encoded-words', () => {
    expect(encodeHeaderValue('感谢您的惠顾')).toBe('=?UTF-8?B?5oSf6LCi5oKo55qE5oOg6aG+?=');
  });

  it('property: words of at most 75 chars, each valid UTF-8, decoding to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }), (s0) => {
        const s = s0 + 'é'; // force encoding
        const enc = encodeHeaderValue(s);
        expect(enc).toMatch(/^[\x21-\x7e ]*$/);
        const words = enc.split(' ');
        for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
        const expected = s.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
        expect(words.map(decodeWord).join('')).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('boundary and base64url', () => {
  it('default boundary is deterministic, content-derived and not from Math.random', () => {
    const spy = jest.spyOn(Math, 'random');
    const a = buildMime(english);
    expect(buildMime({ ...english })).toBe(a);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    const b = buildMime({ ...english, text: english.text + '!' });
    const boundaryOf = (raw: string) => /boundary="([^"]+)"/.exec(raw)![1];
    expect(boundaryOf(a)).not.toBe(boundaryOf(b));
    expect(a).toContain('\r\n--' + boundaryOf(a) + '--\r\n');
  });

  it('uses a given boundary and rejects an invalid one', async () => {
    const raw = buildMime({ ...english, boundary: 'b1' });
    expect(raw).toContain('Content-Type: multipart/alternative; boundary="b1"');
    expect(raw.endsWith('\r\n--b1--\r\n')).toBe(true);
    expect((await parseRaw(raw)).text).toBe(english.text);
    expect(() => buildMime({ ...english, boundary: 'a\r\nBcc: x@y.z' })).toThrow(/boundary/);
    expect(() => buildMime({ ...english, boundary: 'x'.repeat(71) })).toThrow(/boundary/);
    expect(() => buildMime({ ...english, boundary: '' })).toThrow(/boundary/);
  });

  it('toBase64Url is base64url of the UTF-8 bytes without padding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        const enc = toBase64Url(s);
        expect(enc).toBe(Buffer.from(s, 'utf8').toString('base64url'));
        expect(enc).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
    expect(toBase64Url('a')).toBe('YQ');
  });
});
