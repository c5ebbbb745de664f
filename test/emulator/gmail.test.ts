/**
 * The Gmail advanced service fake (Gmail API reference: users.drafts) and
 * the .eml export, read back with mailparser.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simpleParser } from 'mailparser';
import { Emulator } from '../../tools/emulator';

const CODE = `
  function mime(to, subject, text, msgId) {
    var b = 'b1';
    var lines = ['To: ' + to, 'Subject: =?UTF-8?B?' + Utilities.base64Encode(subject, Utilities.Charset.UTF_8) + '?=',
      'MIME-Version: 1.0', 'Message-ID: <' + msgId + '@retain.local>', 'Content-Type: multipart/alternative; boundary=' + b, '',
      '--' + b, 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', Utilities.base64Encode(text, Utilities.Charset.UTF_8),
      '--' + b, 'Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', Utilities.base64Encode('<p>' + text + '</p>', Utilities.Charset.UTF_8),
      '--' + b + '--', ''];
    return lines.join('\\r\\n');
  }
  function create(to, subject, text, msgId) {
    return Gmail.Users.Drafts.create({ message: { raw: Utilities.base64EncodeWebSafe(mime(to, subject, text, msgId), Utilities.Charset.UTF_8) } }, 'me');
  }
  function createRaw(raw) { return Gmail.Users.Drafts.create({ message: { raw: raw } }, 'me'); }
  function list(q, max, token) { return Gmail.Users.Drafts.list('me', { q: q, maxResults: max, pageToken: token }); }
  function get(id, format) { return Gmail.Users.Drafts.get('me', id, { format: format }); }
  function send() { return Gmail.Users.Drafts.send({ id: 'x' }, 'me'); }
  function rawIsBytes(id) { var raw = Gmail.Users.Drafts.get('me', id, { format: 'raw' }).message.raw; return [Array.isArray(raw), Utilities.newBlob(raw).getDataAsString().indexOf('To: ') === 0]; }`;

function emulator(): Emulator {
  const emu = new Emulator({ now: '2026-11-02T10:00:00Z' });
  emu.load(CODE);
  return emu;
}

describe('Gmail.Users.Drafts', () => {
  test('create returns the draft id and message; the draft is stored for the running user', () => {
    const emu = emulator();
    const res = emu.invoke('create', 'Wang Li <wang@example.com>', '感谢您的惠顾', '王先生，您好！', 'k1') as {
      id: string;
      message: { id: string; threadId: string; labelIds: string[] };
    };
    expect(res.id).toMatch(/^r\d+$/);
    expect(res.message.labelIds).toEqual(['DRAFT']);
    expect(res.message.threadId).toBe(res.message.id);
    const [d] = emu.gmail.drafts();
    expect(d.userEmail).toBe('rep@example.com');
    expect(d.raw).toMatch(/^To: Wang Li <wang@example.com>\r\nSubject: =\?UTF-8\?B\?/);
    expect(d.problems).toEqual([]);
  });

  test('list: newest first, q by to:/subject:/rfc822msgid:, paging, no `drafts` key when nothing matches', () => {
    const emu = emulator();
    emu.invoke('create', 'a@example.com', 'Thank you Anna', 'Hi', 'k1');
    emu.invoke('create', 'b@example.com', 'Thank you Ben', 'Hi', 'k2');
    emu.invoke('create', 'b@example.com', '感谢您的惠顾', 'Hi', 'k3');
    const all = emu.invoke('list') as { drafts: Array<{ id: string }>; resultSizeEstimate: number };
    expect(all.resultSizeEstimate).toBe(3);
    const ids = emu.gmail.drafts().map((d) => d.id);
    expect(all.drafts.map((d) => d.id)).toEqual([...ids].reverse());
    expect((emu.invoke('list', 'to:b@example.com') as { drafts: unknown[] }).drafts).toHaveLength(2);
    expect((emu.invoke('list', 'to:b@example.com subject:Ben') as { drafts: unknown[] }).drafts).toHaveLength(1);
    expect((emu.invoke('list', 'subject:感谢') as { drafts: Array<{ id: string }> }).drafts[0].id).toBe(ids[2]);
    expect(
      (emu.invoke('list', 'rfc822msgid:<k2@retain.local>') as { drafts: Array<{ id: string }> }).drafts.map(
        (d) => d.id,
      ),
    ).toEqual([ids[1]]);
    expect(emu.invoke('list', 'rfc822msgid:nope@retain.local')).toEqual({ resultSizeEstimate: 0 });
    const p1 = emu.invoke('list', '', 2) as { drafts: unknown[]; nextPageToken: string };
    expect(p1.drafts).toHaveLength(2);
    const p2 = emu.invoke('list', '', 2, p1.nextPageToken) as { drafts: unknown[]; nextPageToken?: string };
    expect(p2.drafts).toHaveLength(1);
    expect(p2.nextPageToken).toBeUndefined();
  });

  test('get in full / metadata / raw / minimal formats; unknown ids are 404', () => {
    const emu = emulator();
    const { id } = emu.invoke('create', 'a@example.com', 'Thanks', 'Hello there', 'k1') as { id: string };
    const full = emu.invoke('get', id, 'full') as {
      id: string;
      message: {
        payload: {
          mimeType: string;
          headers: Array<{ name: string; value: string }>;
          parts: Array<{ mimeType: string }>;
        };
        snippet: string;
      };
    };
    expect(full.id).toBe(id);
    expect(full.message.payload.mimeType).toBe('multipart/alternative');
    expect(full.message.payload.headers).toContainEqual({ name: 'To', value: 'a@example.com' });
    expect(full.message.payload.parts.map((p) => p.mimeType)).toEqual(['text/plain', 'text/html']);
    expect(full.message.snippet).toBe('Hello there');
    const meta = emu.invoke('get', id, 'metadata') as { message: { payload: { headers: unknown[]; parts?: unknown } } };
    expect(meta.message.payload.parts).toBeUndefined();
    expect(emu.invoke('rawIsBytes', id)).toEqual([true, true]);
    expect((emu.invoke('get', id, 'minimal') as { message: { payload?: unknown } }).message.payload).toBeUndefined();
    expect(() => emu.invoke('get', 'r123', 'full')).toThrow(
      'API call to gmail.users.drafts.get failed with error: Requested entity was not found.',
    );
  });

  test('bad messages are rejected like the API does; nothing is stored', () => {
    const emu = emulator();
    expect(() => emu.invoke('createRaw', '')).toThrow(
      /'raw' RFC822 payload message string or uploading message via \/upload\/\* URL required/,
    );
    expect(() => emu.invoke('createRaw', '!!!')).toThrow(/Base64 decoding failed/);
    expect(() => emu.invoke('create', 'bob@', 'Hi', 'x', 'k')).toThrow(
      'API call to gmail.users.drafts.create failed with error: Invalid To header',
    );
    expect(() => emu.invoke('createRaw', Buffer.from('Subject: x\r\n\r\nbody').toString('base64url'))).toThrow(
      /Invalid To header/,
    );
    expect(emu.gmail.drafts()).toHaveLength(0);
  });

  test('quoted display names may contain < > , and &', () => {
    const emu = emulator();
    emu.invoke('create', '"<b>Bob</b> & Co, Ltd" <tag@tag.example>', 'Thanks', 'Hi', 'k1');
    expect((emu.invoke('list', 'to:tag@tag.example') as { drafts: unknown[] }).drafts).toHaveLength(1);
  });

  test('raw UTF-8 in headers is accepted but flagged', () => {
    const emu = emulator();
    emu.invoke('createRaw', Buffer.from('To: a@example.com\r\nSubject: 感谢\r\n\r\n你好').toString('base64url'));
    expect(emu.gmail.drafts()[0].problems).toEqual([
      'non-ASCII header text without RFC 2047 encoding: Subject',
      'no MIME-Version header',
      'text/plain part has non-ASCII bytes but no charset',
    ]);
  });

  test('sending is forbidden and recorded', () => {
    const emu = emulator();
    expect(() => emu.invoke('send')).toThrow('Retain emulator: sending mail is forbidden');
    expect(emu.gmail.sendAttempts()).toEqual([
      expect.objectContaining({ method: 'Users.Drafts.send', userEmail: 'rep@example.com' }),
    ]);
  });

  test('Gmail needs full authorization (not in a simple trigger)', () => {
    const emu = emulator();
    expect(() => emu.invokeAs({ authMode: 'LIMITED' }, 'list')).toThrow(
      /You do not have permission to call Gmail.Users.Drafts.list/,
    );
  });
});

describe('exportEml', () => {
  test('writes each draft as <nn>-<to>.eml that a mail parser reads back', async () => {
    const emu = emulator();
    emu.invoke('create', 'Wang Li <wang@example.com>', '感谢您的惠顾', '王先生，您好！', 'k1');
    emu.invoke('create', 'ann@example.com', 'Thank you', 'Hi Ann', 'k2');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-eml-'));
    const files = emu.exportEml(dir);
    expect(files.map((f) => path.basename(f))).toEqual(['01-wang@example.com.eml', '02-ann@example.com.eml']);
    const mail = await simpleParser(fs.readFileSync(files[0]));
    expect(mail.subject).toBe('感谢您的惠顾');
    expect(mail.text?.trim()).toBe('王先生，您好！');
    expect(mail.html).toContain('<p>王先生，您好！</p>');
    expect(mail.messageId).toBe('<k1@retain.local>');
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value[0]).toEqual({ address: 'wang@example.com', name: 'Wang Li' });
  });
});
