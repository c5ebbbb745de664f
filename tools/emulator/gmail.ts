/**
 * The Gmail advanced service (global `Gmail`), drafts only. Retain never
 * sends mail: any send throws and is recorded.
 *
 * Modelled on the Gmail API reference: drafts.create takes {message: {raw}}
 * with raw a base64url RFC 2822 message; drafts.list omits `drafts` when there
 * are none; drafts.get returns raw / full / metadata / minimal formats. In
 * Apps Script, byte fields read back (message.raw, body.data) arrive as byte
 * arrays, not strings.
 */
import { addresses, decodeWords, EMAIL, header, lintMessage, parseMime, splitMessage, type MimePart } from './mime';
import { FakeObject, instrument, type Env } from './runtime';
import { toSignedBytes } from './utilities';

export interface StoredDraft {
  id: string;
  messageId: string;
  threadId: string;
  raw: Buffer;
  userEmail: string;
  created: number;
  /** Message-ID header, if the message had one. */
  rfc822MessageId?: string;
  /** What Gmail would accept but show badly (see mime.lintMessage). */
  problems: string[];
}

export class GmailStore {
  drafts: StoredDraft[] = [];
  sendAttempts: Array<{ method: string; userEmail: string; at: number }> = [];
}

export interface GmailHost {
  env: Env;
  store: GmailStore;
}

function api(method: string): string {
  return `gmail.users.${method}`;
}

function decodeRaw(env: Env, raw: unknown, method: string): Buffer {
  if (Array.isArray(raw)) return Buffer.from((raw as number[]).map((b) => Number(b) & 255));
  if (typeof raw !== 'string' || raw === '') {
    throw env.apiError(
      api(method),
      400,
      "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
      'invalidArgument',
    );
  }
  const s = raw.replace(/\s+/g, '');
  // Google's decoder takes both alphabets, with or without padding.
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s) || s.replace(/=+$/, '').length % 4 === 1) {
    throw env.apiError(
      api(method),
      400,
      `Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed for "${s.slice(0, 40)}"`,
      'invalid',
    );
  }
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Gmail rejects messages whose recipients cannot be parsed. */
function validate(env: Env, raw: Buffer, method: string): void {
  const { headers } = splitMessage(raw);
  if (headers.length === 0)
    throw env.apiError(api(method), 400, 'Invalid message: no headers found', 'invalidArgument');
  const to = header(headers, 'To');
  if (to === undefined || to.trim() === '')
    throw env.apiError(api(method), 400, 'Invalid To header', 'invalidArgument');
  for (const name of ['To', 'Cc', 'Bcc']) {
    const v = header(headers, name);
    if (v === undefined) continue;
    for (const a of addresses(decodeWords(v))) {
      if (!EMAIL.test(a)) throw env.apiError(api(method), 400, `Invalid ${name} header`, 'invalidArgument');
    }
  }
  if (header(headers, 'Subject') === undefined)
    throw env.apiError(api(method), 400, 'Invalid Subject header', 'invalidArgument');
}

function matches(d: StoredDraft, q: string | undefined): boolean {
  if (!q) return true;
  const { headers } = splitMessage(d.raw);
  const terms = q.match(/(\w+:"[^"]*"|\w+:\S+|"[^"]*"|\S+)/g) ?? [];
  for (const term of terms) {
    const m = /^(\w+):(.*)$/.exec(term);
    if (!m) continue; // free text: ignored by the emulator
    const key = m[1].toLowerCase();
    const val = m[2].replace(/^"|"$/g, '').toLowerCase();
    if (key === 'to' || key === 'cc' || key === 'bcc' || key === 'from') {
      const list = addresses(decodeWords(header(headers, key) ?? '')).map((a) => a.toLowerCase());
      if (!list.some((a) => a === val || a.includes(val))) return false;
    } else if (key === 'subject') {
      const subject = decodeWords(header(headers, 'Subject') ?? '').toLowerCase();
      if (!val.split(/\s+/).every((w) => subject.includes(w))) return false;
    } else if (key === 'rfc822msgid') {
      const id = (d.rfc822MessageId ?? '').replace(/^<|>$/g, '').toLowerCase();
      if (id !== val.replace(/^<|>$/g, '')) return false;
    }
    // other operators (in:, is:, label:, ...) are ignored
  }
  return true;
}

export class FakeDrafts extends FakeObject {
  protected get _kind() {
    return 'Drafts';
  }
  constructor(private readonly h: GmailHost) {
    super(h.env);
  }
  private _user(userId: unknown, method: string): string {
    const me = this.env.user;
    if (userId === 'me' || userId === me) return me;
    if (typeof userId !== 'string' || userId === '')
      throw this.env.apiError(api(method), 400, 'Invalid userId', 'invalidArgument');
    throw this.env.apiError(api(method), 403, 'Delegation denied for ' + me, 'forbidden');
  }
  private _find(user: string, id: unknown, method: string): StoredDraft {
    const d = this.h.store.drafts.find((x) => x.id === id && x.userEmail === user);
    if (!d) throw this.env.apiError(api(method), 404, 'Requested entity was not found.', 'notFound');
    return d;
  }
  private _summary(d: StoredDraft) {
    return { id: d.id, message: { id: d.messageId, threadId: d.threadId, labelIds: ['DRAFT'] } };
  }
  create(resource: { message?: { raw?: unknown; threadId?: string } }, userId: string): unknown {
    const user = this._user(userId, 'drafts.create');
    const raw = decodeRaw(this.env, resource?.message?.raw, 'drafts.create');
    validate(this.env, raw, 'drafts.create');
    const id = `r${this.env.randomId(19, '0123456789')}`;
    const messageId = this.env.randomId(16);
    const { headers } = splitMessage(raw);
    const d: StoredDraft = {
      id,
      messageId,
      threadId: resource?.message?.threadId ?? messageId,
      raw,
      userEmail: user,
      created: this.env.clock.ms(),
      rfc822MessageId: header(headers, 'Message-ID') ?? header(headers, 'Message-Id'),
      problems: lintMessage(raw),
    };
    this.h.store.drafts.push(d);
    return this.env.realm.toCtx(this._summary(d));
  }
  update(resource: { message?: { raw?: unknown } }, userId: string, id: string): unknown {
    const user = this._user(userId, 'drafts.update');
    const d = this._find(user, id, 'drafts.update');
    const raw = decodeRaw(this.env, resource?.message?.raw, 'drafts.update');
    validate(this.env, raw, 'drafts.update');
    const { headers } = splitMessage(raw);
    d.raw = raw;
    d.messageId = this.env.randomId(16);
    d.rfc822MessageId = header(headers, 'Message-ID') ?? header(headers, 'Message-Id');
    d.problems = lintMessage(raw);
    return this.env.realm.toCtx(this._summary(d));
  }
  list(userId: string, optionalArgs?: { q?: string; maxResults?: number; pageToken?: string }): unknown {
    const user = this._user(userId, 'drafts.list');
    const max = Math.min(Math.max(1, Number(optionalArgs?.maxResults ?? 100)), 500);
    const start = optionalArgs?.pageToken ? Number(optionalArgs.pageToken) : 0;
    if (!Number.isInteger(start) || start < 0)
      throw this.env.apiError(api('drafts.list'), 400, 'Invalid pageToken', 'invalidArgument');
    // Newest first, as Gmail lists them.
    const all = this.h.store.drafts.filter((d) => d.userEmail === user && matches(d, optionalArgs?.q)).reverse();
    const page = all.slice(start, start + max);
    const out: Record<string, unknown> = { resultSizeEstimate: all.length };
    if (page.length) out.drafts = page.map((d) => ({ id: d.id, message: { id: d.messageId, threadId: d.threadId } }));
    if (start + max < all.length) out.nextPageToken = String(start + max);
    return this.env.realm.toCtx(out);
  }
  get(userId: string, id: string, optionalArgs?: { format?: string }): unknown {
    const user = this._user(userId, 'drafts.get');
    const d = this._find(user, id, 'drafts.get');
    const format = (optionalArgs?.format ?? 'full').toLowerCase();
    const root = parseMime(d.raw);
    const text = leafText(root);
    const message: Record<string, unknown> = {
      id: d.messageId,
      threadId: d.threadId,
      labelIds: ['DRAFT'],
      snippet: text.replace(/\s+/g, ' ').trim().slice(0, 200),
      sizeEstimate: d.raw.length,
      historyId: String(1000 + this.h.store.drafts.indexOf(d)),
      internalDate: String(d.created),
    };
    if (format === 'raw') message.raw = toSignedBytes(d.raw);
    else if (format === 'metadata') message.payload = { mimeType: root.mimeType, headers: root.headers };
    else if (format === 'full') message.payload = payloadOf(root, '');
    else if (format !== 'minimal')
      throw this.env.apiError(api('drafts.get'), 400, `Invalid value for "format": "${format}"`, 'invalidParameter');
    return this.env.realm.toCtx({ id: d.id, message });
  }
  remove(userId: string, id: string): void {
    const user = this._user(userId, 'drafts.delete');
    const d = this._find(user, id, 'drafts.delete');
    this.h.store.drafts.splice(this.h.store.drafts.indexOf(d), 1);
  }
  send(_resource: unknown, _userId: string): never {
    this.h.store.sendAttempts.push({ method: 'Users.Drafts.send', userEmail: this.env.user, at: this.env.clock.ms() });
    throw this.env.error('Retain emulator: sending mail is forbidden');
  }
}
instrument(FakeDrafts, 'Gmail', 'Users.Drafts', 'gmail');

function leafText(p: MimePart): string {
  if (p.parts.length) {
    const plain = p.parts.find((x) => x.mimeType === 'text/plain');
    return leafText(plain ?? p.parts[0]);
  }
  return p.mimeType.startsWith('text/') ? p.body.toString('utf8').replace(/<[^>]*>/g, ' ') : '';
}

function payloadOf(p: MimePart, partId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    partId,
    mimeType: p.mimeType,
    filename: p.filename,
    headers: p.headers,
    body: p.parts.length ? { size: 0 } : { size: p.body.length, data: toSignedBytes(p.body) },
  };
  if (p.parts.length) out.parts = p.parts.map((c, i) => payloadOf(c, partId === '' ? String(i) : `${partId}.${i}`));
  return out;
}

export class FakeMessages extends FakeObject {
  protected get _kind() {
    return 'Messages';
  }
  constructor(private readonly h: GmailHost) {
    super(h.env);
  }
  send(_resource: unknown, _userId: string): never {
    this.h.store.sendAttempts.push({
      method: 'Users.Messages.send',
      userEmail: this.env.user,
      at: this.env.clock.ms(),
    });
    throw this.env.error('Retain emulator: sending mail is forbidden');
  }
}
instrument(FakeMessages, 'Gmail', 'Users.Messages', 'gmail');

/**
 * Gmail.Users itself: getProfile answers the running user's address (the
 * API allows it under gmail.compose, which is how Retain learns who runs it
 * without the userinfo.email scope).
 */
export class FakeUsers extends FakeObject {
  readonly Drafts: FakeDrafts;
  readonly Messages: FakeMessages;
  protected get _kind() {
    return 'Users';
  }
  constructor(private readonly h: GmailHost) {
    super(h.env);
    this.Drafts = new FakeDrafts(h);
    this.Messages = new FakeMessages(h);
  }
  getProfile(userId: string): { emailAddress: string; messagesTotal: number; threadsTotal: number; historyId: string } {
    if (userId !== 'me' && userId !== this.env.user)
      throw this.env.apiError('gmail.users.getProfile', 403, 'Delegation denied for ' + this.env.user, 'forbidden');
    return { emailAddress: this.env.user, messagesTotal: 0, threadsTotal: 0, historyId: '1' };
  }
}
instrument(FakeUsers, 'Gmail', 'Users', 'gmail');

/** The `Gmail` global: Gmail.Users.getProfile, Gmail.Users.Drafts.*, Gmail.Users.Messages.send (forbidden). */
export function createGmail(h: GmailHost): { Users: FakeUsers } {
  return { Users: new FakeUsers(h) };
}
