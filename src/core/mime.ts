/**
 * RFC 5322 / MIME message builder for Gmail drafts.
 *
 * Why: `GmailApp.createDraft` needs the full-mailbox scope; the Gmail API
 * (`Gmail.Users.Drafts.create({message: {raw}}, 'me')`) works with
 * `gmail.compose` but takes the whole message as base64url text, so Retain
 * builds the message itself: multipart/alternative (text/plain then
 * text/html), UTF-8, RFC 2047 headers, CRLF line endings.
 *
 * Header injection policy (a CR or LF must never start a new header):
 *   - free text (Subject, extra header values): every CR, LF or CRLF becomes
 *     one space, other control characters become a space. A subject typed
 *     over two lines in a cell is a user's slip, not an attack, and the
 *     draft is still worth making.
 *   - structured values (addresses, display names, extra header names, Date,
 *     boundary): CR or LF (or any other invalid character) throws, because
 *     there is no sensible repair and the caller must skip that draft.
 */

import { base64, base64Url, codePointBytes, codePoints, utf8Base64, utf8Bytes } from './utf8';

export interface Address {
  name?: string;
  email: string;
}

export interface DraftMessage {
  from?: Address;
  to: Address;
  subject: string;
  text: string;
  html: string;
  /** RFC 5322 date, e.g. 'Tue, 03 Jun 2025 09:00:00 +0800'. Gmail fills one in when absent. */
  date?: string;
  /** Extra headers; names must be `X-...` (e.g. X-Retain-Key) so they cannot override To, Bcc, ... */
  headers?: Record<string, string>;
  /** MIME boundary; deterministic default derived from a hash of the content. */
  boundary?: string;
}

const CRLF = '\r\n';
/** RFC 2047 section 2: a line holding encoded-words is at most 76 characters. */
const MAX_LINE = 76;
/**
 * Bytes per encoded-word: 39 bytes -> 52 base64 chars -> a 64-char word
 * (`=?UTF-8?B?` + 52 + `?=`). Within the 75 allowed, and short enough that
 * `Subject: ` + one word still fits a 76-char line.
 */
const WORD_BYTES = 39;
/** ASCII words longer than this are encoded so no line can reach the 998 hard limit. */
const MAX_ASCII_RUN = 900;

/** CR, LF and CRLF become one space; other C0 controls and DEL become a space; TAB stays. */
function oneLine(s: string): string {
  return String(s ?? '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

function needsEncoding(s: string): boolean {
  if (/[^\t\u0020-\u007e]/.test(s)) return true;
  // A literal "=?" could be taken for an encoded-word by the reader's client.
  if (s.indexOf('=?') >= 0) return true;
  return s.split(/[ \t]/).some((w) => w.length > MAX_ASCII_RUN);
}

/** Encoded-words of at most WORD_BYTES UTF-8 bytes each, never splitting a character. */
function encodedWords(s: string): string[] {
  const words: number[][] = [];
  let chunk: number[] = [];
  for (const cp of codePoints(s)) {
    const bytes = codePointBytes(cp);
    if (chunk.length + bytes.length > WORD_BYTES) {
      words.push(chunk);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(chunk);
  return words.map((w) => '=?UTF-8?B?' + base64(w) + '?=');
}

/**
 * A header value safe to put after `Name: `. ASCII passes through unchanged;
 * text with non-ASCII characters (or a literal `=?`, or a word too long for a
 * header line) becomes RFC 2047 `=?UTF-8?B?...?=` encoded-words of at most
 * 64 characters each (limit 75), separated by spaces, each holding whole
 * UTF-8 characters. CR/LF become spaces first, so the result never holds a
 * line break.
 */
export function encodeHeaderValue(s: string): string {
  const v = oneLine(s);
  if (!needsEncoding(v)) return v;
  return encodedWords(v).join(' ');
}

/** atext (RFC 5322 3.2.3) words separated by single spaces: usable as a display name unquoted. */
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?: [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/**
 * Checks an email address enough that it cannot break the header: it must be
 * ASCII, have one `@` with text on both sides, and hold no whitespace, control
 * characters or `< > , ; " ( ) \`. Full validation is the caller's job.
 */
function checkEmail(email: string): string {
  const e = String(email ?? '');
  if (/[\r\n]/.test(e)) throw new Error('Email address contains a line break: ' + JSON.stringify(e));
  if (/[\s<>,;"()\\\u0000-\u001f\u007f]/.test(e)) {
    throw new Error('Email address contains a character not allowed in a header: ' + JSON.stringify(e));
  }
  if (/[^\u0021-\u007e]/.test(e)) throw new Error('Non-ASCII email addresses are not supported: ' + JSON.stringify(e));
  if (!/^[^@]+@[^@]+$/.test(e)) throw new Error('Not an email address: ' + JSON.stringify(e));
  return e;
}

/**
 * `Name <email>` for a header. The display name is used as is when it is
 * plain words, quoted (with `"` and `\` escaped) when it has other ASCII
 * characters, RFC 2047-encoded when it has non-ASCII ones; a blank name gives
 * the bare address. Throws on CR/LF in the name or email, and on an email
 * with characters that could change the header's meaning.
 */
export function formatAddress(a: Address): string {
  const email = checkEmail(a.email);
  const rawName = a.name === undefined || a.name === null ? '' : String(a.name);
  if (/[\r\n]/.test(rawName)) throw new Error('Name contains a line break: ' + JSON.stringify(rawName));
  const name = oneLine(rawName).trim();
  if (name === '') return email;
  let phrase: string;
  if (needsEncoding(name)) phrase = encodeHeaderValue(name);
  else if (PLAIN_PHRASE.test(name)) phrase = name;
  else phrase = '"' + name.replace(/(["\\])/g, '\\$1') + '"';
  return phrase + ' <' + email + '>';
}

/** Splits a header value at spaces that are not inside a quoted-string. */
function foldPoints(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (quoted && c === '\\' && i + 1 < value.length) {
      cur += c + value.charAt(++i);
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ' ' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

/**
 * `Name: value` folded (RFC 5322 2.2.3: CRLF before a space) so lines stay
 * within 76 characters where a space allows it. Unfolding (removing the
 * CRLFs) gives back exactly `Name: value`.
 */
function header(name: string, value: string): string {
  const tokens = foldPoints(value);
  const lines: string[] = [];
  let line = name + ':';
  for (const tok of tokens) {
    const add = ' ' + tok;
    // Never fold before an empty token: that would leave a whitespace-only line.
    if (tok !== '' && line.length + add.length > MAX_LINE && line.trim() !== '') {
      lines.push(line);
      line = add;
    } else {
      line += add;
    }
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** RFC 2046 5.1.1 boundary: 1-70 of bchars, not ending in a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** FNV-1a (32 bit) from a given start, as 8 hex digits. Not security, just a stable id. */
function fnv1a(bytes: number[], seed: number): string {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ('0000000' + h.toString(16)).slice(-8);
}

/**
 * Default boundary: a hash of the content, so the same draft gives the same
 * bytes (testable, reproducible) without Math.random. `=_` cannot occur in
 * base64 and `-` is not in the base64 alphabet, so the delimiter line
 * `--=_retain_...` cannot collide with an encoded body line whatever the hash.
 */
function defaultBoundary(m: DraftMessage): string {
  const bytes = utf8Bytes([m.to.email, m.subject, m.text, m.html].join('\u0000'));
  return '=_retain_' + fnv1a(bytes, 0x811c9dc5) + fnv1a(bytes, 0x050c5d1f);
}

/** Line breaks in a text body in canonical form (RFC 2046 4.1.1: CRLF). */
function canonicalText(s: string): string {
  return String(s ?? '').replace(/\r\n|\r|\n/g, CRLF);
}

/** base64 of the UTF-8 bytes, in lines of at most 76 characters (RFC 2045 6.8). */
function base64Lines(s: string): string {
  const b = utf8Base64(s);
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 76) lines.push(b.slice(i, i + 76));
  return lines.join(CRLF);
}

/**
 * The whole message (headers, blank line, multipart/alternative body), with
 * CRLF line endings and only ASCII characters, ready for toBase64Url.
 * The text and HTML parts are UTF-8, base64-encoded, their line breaks made
 * CRLF (canonical form). Throws on invalid addresses, header names, date or
 * boundary (see the injection policy at the top).
 */
export function buildMime(m: DraftMessage): string {
  const boundary = m.boundary === undefined ? defaultBoundary(m) : String(m.boundary);
  if (!BOUNDARY.test(boundary)) throw new Error('Invalid MIME boundary: ' + JSON.stringify(boundary));

  const lines: string[] = [];
  if (m.from) lines.push(header('From', formatAddress(m.from)));
  lines.push(header('To', formatAddress(m.to)));
  lines.push(header('Subject', encodeHeaderValue(m.subject)));
  if (m.date !== undefined) {
    const date = String(m.date);
    if (!/^[\u0020-\u007e]+$/.test(date)) throw new Error('Invalid Date header: ' + JSON.stringify(date));
    lines.push(header('Date', date));
  }
  lines.push('MIME-Version: 1.0');
  const extra = m.headers || {};
  for (const name of Object.keys(extra)) {
    // Only X- names: no way to add or override To, Cc, Bcc, Content-Type ...
    if (!/^X-[A-Za-z0-9][A-Za-z0-9-]*$/i.test(name))
      throw new Error('Invalid extra header name: ' + JSON.stringify(name));
    lines.push(header(name, encodeHeaderValue(extra[name])));
  }
  lines.push(header('Content-Type', 'multipart/alternative; boundary="' + boundary + '"'));

  const part = (type: string, body: string): string =>
    [
      '--' + boundary,
      'Content-Type: ' + type + '; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(canonicalText(body)),
    ].join(CRLF);

  return [lines.join(CRLF), '', part('text/plain', m.text), part('text/html', m.html), '--' + boundary + '--', ''].join(
    CRLF,
  );
}

/** base64url (no padding) of the UTF-8 bytes of the message: the Gmail API's `message.raw`. */
export function toBase64Url(raw: string): string {
  return base64Url(utf8Bytes(raw));
}
