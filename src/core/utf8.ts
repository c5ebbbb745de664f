/**
 * UTF-8 encoding and base64 / base64url, written by hand.
 *
 * Why: Apps Script has no TextEncoder, btoa or Buffer, and src/core must run
 * unchanged there and under Node tests. `Utilities.base64EncodeWebSafe` exists
 * in Apps Script but is not pure; keeping this here lets the MIME builder be
 * tested byte for byte without Google.
 */

const REPLACEMENT = 0xfffd;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Appends the UTF-8 bytes of one code point (0..0x10FFFF, not a surrogate). */
function pushCodePoint(out: number[], cp: number): void {
  if (cp < 0x80) {
    out.push(cp);
  } else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
}

/**
 * The code points of a JavaScript string. A surrogate pair becomes one astral
 * code point; a lone surrogate (which UTF-8 cannot represent) becomes U+FFFD,
 * as Node's Buffer and the WHATWG encoder do, so the output is always valid UTF-8.
 */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
      } else {
        out.push(REPLACEMENT);
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out.push(REPLACEMENT);
    } else {
      out.push(c);
    }
  }
  return out;
}

/** UTF-8 bytes of one code point (used to split encoded-words on character boundaries). */
export function codePointBytes(cp: number): number[] {
  const out: number[] = [];
  pushCodePoint(out, cp);
  return out;
}

/** UTF-8 bytes of a string; lone surrogates become U+FFFD (EF BF BD). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const cp of codePoints(s)) pushCodePoint(out, cp);
  return out;
}

function encode(bytes: ArrayLike<number>, alphabet: string, pad: boolean): string {
  const parts: string[] = [];
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] & 0xff) << 16) | ((bytes[i + 1] & 0xff) << 8) | (bytes[i + 2] & 0xff);
    parts.push(
      alphabet.charAt(v >> 18) +
        alphabet.charAt((v >> 12) & 63) +
        alphabet.charAt((v >> 6) & 63) +
        alphabet.charAt(v & 63),
    );
  }
  const rest = n - i;
  if (rest === 1) {
    const v = (bytes[i] & 0xff) << 16;
    parts.push(alphabet.charAt(v >> 18) + alphabet.charAt((v >> 12) & 63) + (pad ? '==' : ''));
  } else if (rest === 2) {
    const v = ((bytes[i] & 0xff) << 16) | ((bytes[i + 1] & 0xff) << 8);
    parts.push(
      alphabet.charAt(v >> 18) + alphabet.charAt((v >> 12) & 63) + alphabet.charAt((v >> 6) & 63) + (pad ? '=' : ''),
    );
  }
  return parts.join('');
}

/** Standard base64 (RFC 4648 section 4) with '=' padding. Each byte is taken mod 256. */
export function base64(bytes: ArrayLike<number>): string {
  return encode(bytes, B64, true);
}

/** base64url (RFC 4648 section 5) without padding: what the Gmail API's `raw` field takes. */
export function base64Url(bytes: ArrayLike<number>): string {
  return encode(bytes, B64URL, false);
}

/** base64 of the UTF-8 bytes of a string. */
export function utf8Base64(s: string): string {
  return base64(utf8Bytes(s));
}
