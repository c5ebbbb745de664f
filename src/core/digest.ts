/**
 * Short, stable stand-ins for long user text in places with a size limit
 * (docs/platform.md, Limits and errors): a property value holds 9 KB, a mail
 * header line should stay under 998 characters, a Calendar extended property
 * value 1,024. A purchase key carries the Product as the user typed it, so a
 * pasted paragraph would make every one of those fail; a key longer than
 * MAX_KEY keeps its readable start and gets a SHA-256 digest of the whole in
 * place of the rest, which is as unique as the key itself.
 */
import { hash as sha256 } from 'fast-sha256';
import { utf8Bytes } from './utf8';

/** Keys up to this many characters are kept as they are (every key a person really types). */
export const MAX_KEY = 200;
/** How much of a long key stays readable. */
const KEPT = 120;

const HEX = '0123456789abcdef';

/** SHA-256 of the UTF-8 of `s`, as 64 hex digits. */
export function sha256Hex(s: string): string {
  const bytes = sha256(Uint8Array.from(utf8Bytes(s)));
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return out;
}

/** `key` itself when short; else its first characters, '~', and the digest of the whole key. */
export function boundKey(key: string): string {
  if (key.length <= MAX_KEY) return key;
  let head = key.slice(0, KEPT);
  // Never end on half of a surrogate pair: the head must stay valid text.
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return `${head}~${sha256Hex(key)}`;
}
