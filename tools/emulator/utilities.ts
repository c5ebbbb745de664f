/**
 * Utilities: formatDate with java.text.SimpleDateFormat patterns in any IANA
 * zone, base64 (Apps Script's byte arrays are Java's signed bytes, -128..127),
 * blobs, digests, UUIDs, and sleep (which only advances the fake clock).
 */
import { createHash, createHmac } from 'crypto';
import { isDateValue } from './realm';
import { FakeObject, instrument, type Env } from './runtime';
import { isValidTimeZone, offsetText, wallTime, zoneShortName, tzOffset } from './tz';

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;

/** Java bytes are signed. */
export function toSignedBytes(buf: Uint8Array): number[] {
  const out = new Array<number>(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
  return out;
}

export function fromBytes(bytes: ArrayLike<number>): Buffer {
  const b = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i++) b[i] = Number(bytes[i]) & 255;
  return b;
}

function encodeString(s: string, charset: unknown): Buffer {
  if (charset === Charset.US_ASCII) {
    // Java replaces unmappable characters with '?'.
    return Buffer.from(s.replace(/[^\x00-\x7f]/gu, '?'), 'latin1');
  }
  return Buffer.from(s, 'utf8');
}

function decodeString(b: Buffer, charset: unknown): string {
  if (charset === Charset.US_ASCII) return b.toString('latin1').replace(/[\x80-\xff]/g, '\ufffd');
  return b.toString('utf8');
}

// ---------------------------------------------------------------------------
// SimpleDateFormat

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Java resolves unknown zone ids to GMT without complaint; 'GMT+8' and
 * 'GMT-05:00' are custom offsets. The emulator does the same.
 */
function resolveZone(tz: string): { tz: string; fixed?: number } {
  if (isValidTimeZone(tz)) return { tz };
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (m) {
    const off = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60000 * (m[1] === '-' ? -1 : 1);
    return { tz: 'UTC', fixed: off };
  }
  return { tz: 'UTC', fixed: 0 };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** Day of year 1..366 for wall fields. */
function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

/** US week numbering (Sunday first, week 1 contains Jan 1), as Java's default Locale.US calendar. */
function usWeek(y: number, m: number, d: number, weekday: number): { weekYear: number; week: number } {
  const sat = new Date(Date.UTC(y, m - 1, d + (6 - weekday)));
  const weekYear = sat.getUTCFullYear() > y ? y + 1 : y;
  const jan1 = new Date(Date.UTC(weekYear, 0, 1));
  const firstSunday = Date.UTC(weekYear, 0, 1 - jan1.getUTCDay());
  const week = Math.floor((Date.UTC(y, m - 1, d) - firstSunday) / (7 * 86400000)) + 1;
  return { weekYear, week };
}

export function simpleDateFormat(date: Date, timeZone: string, pattern: string): string {
  const { tz, fixed } = resolveZone(timeZone);
  const t = date.getTime();
  const w = fixed === undefined ? wallTime(tz, t) : wallTime('UTC', t + fixed);
  const offset = fixed ?? tzOffset(tz, t);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error('Unterminated quote');
      let j = i + 1;
      let lit = '';
      // '' inside a quoted section is a literal quote
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j++;
          } else break;
        } else lit += pattern[j];
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'Y': {
        const wy = usWeek(w.year, w.month, w.day, w.weekday).weekYear;
        out += n === 2 ? pad(wy % 100, 2) : pad(wy, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'w':
        out += pad(usWeek(w.year, w.month, w.day, w.weekday).week, n);
        break;
      case 'W':
        out += pad(Math.floor((w.day - 1 + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7) + 1, n);
        break;
      case 'D':
        out += pad(dayOfYear(w.year, w.month, w.day), n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'F':
        out += pad(Math.floor((w.day - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, n);
        break;
      case 'z': {
        if (fixed !== undefined) {
          out += fixed === 0 && timeZone !== 'GMT' && !/^GMT/.test(timeZone) ? 'GMT' : `GMT${offsetText(fixed, true)}`;
        } else {
          const name = zoneShortName(tz, t, n >= 4);
          // ICU's 'GMT+8' is Java's 'GMT+08:00'.
          out += /^GMT[+-]/.test(name) ? `GMT${offsetText(offset, true)}` : name === 'UTC' && n < 4 ? 'UTC' : name;
        }
        break;
      }
      case 'Z':
        out += offsetText(offset, false);
        break;
      case 'X':
        if (offset === 0) out += 'Z';
        else if (n === 1) out += offsetText(offset, false).slice(0, 3);
        else out += offsetText(offset, n >= 3);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

export class FakeBlob extends FakeObject {
  protected get _kind() {
    return 'Blob';
  }
  constructor(
    env: Env,
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super(env);
  }
  getBytes(): number[] {
    return this.env.realm.array(toSignedBytes(this.data));
  }
  setBytes(data: number[]): FakeBlob {
    this.data = fromBytes(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    return decodeString(this.data, charset);
  }
  setDataFromString(s: string, charset?: string): FakeBlob {
    this.data = encodeString(String(s), charset);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(ct: string | null): FakeBlob {
    this.contentType = ct;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(n: string): FakeBlob {
    this.name = n;
    return this;
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(this.env, Buffer.from(this.data), this.contentType, this.name);
  }
  getBlob(): FakeBlob {
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  getAs(contentType: string): FakeBlob {
    if (contentType !== this.contentType)
      throw this.env.exception(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    return this.copyBlob();
  }
  /** @internal */
  _buffer(): Buffer {
    return this.data;
  }
}
instrument(FakeBlob, 'Utilities', 'Blob', 'free');

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const B64URL = /^[A-Za-z0-9_-]*={0,2}$/;

export class UtilitiesService extends FakeObject {
  protected get _kind() {
    return 'Utilities';
  }
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;

  private _bytesOf(data: unknown, charset: unknown, method: string): Buffer {
    if (typeof data === 'string') return encodeString(data, charset);
    if (Array.isArray(data)) return fromBytes(data as number[]);
    if (data instanceof FakeBlob) return data._buffer();
    throw this.env.exception(
      `The parameters (${data === null || data === undefined ? 'null' : typeof data}) don't match the method signature for Utilities.${method}.`,
    );
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDateValue(date)) {
      throw this.env.exception(
        `The parameters (${typeof date === 'string' ? 'String' : typeof date},${typeof timeZone === 'string' ? 'String' : typeof timeZone},String) don't match the method signature for Utilities.formatDate.`,
      );
    }
    if (typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.env.exception(
        "The parameters (Date,null,String) don't match the method signature for Utilities.formatDate.",
      );
    }
    if (Number.isNaN(date.getTime())) throw this.env.exception('Invalid argument: date');
    try {
      return simpleDateFormat(new Date(date.getTime()), timeZone, format);
    } catch (e) {
      throw this.env.exception(`Invalid argument: ${(e as Error).message}`);
    }
  }
  /** No real waiting: the fake clock moves on by ms. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !(milliseconds >= 0))
      throw this.env.exception('Invalid argument: milliseconds');
    if (milliseconds > 300000) throw this.env.exception('Argument too large: milliseconds');
    this.env.clock.advance(milliseconds);
  }
  base64Encode(data: unknown, charset?: string): string {
    return this._bytesOf(data, charset, 'base64Encode').toString('base64');
  }
  /** URL-safe alphabet ('-', '_'), padding kept. */
  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return this._bytesOf(data, charset, 'base64EncodeWebSafe')
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }
  base64Decode(encoded: string, charset?: string): number[] {
    void charset;
    const s = String(encoded).replace(/\s+/g, '');
    if (!B64.test(s) || s.replace(/=+$/, '').length % 4 === 1) throw this.env.exception('Could not decode string.');
    return this.env.realm.array(toSignedBytes(Buffer.from(s, 'base64')));
  }
  base64DecodeWebSafe(encoded: string, charset?: string): number[] {
    void charset;
    const s = String(encoded).replace(/\s+/g, '');
    if (!B64URL.test(s) || s.replace(/=+$/, '').length % 4 === 1) throw this.env.exception('Could not decode string.');
    return this.env.realm.array(toSignedBytes(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  }
  newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(
      this.env,
      Buffer.from(this._bytesOf(data, Charset.UTF_8, 'newBlob')),
      contentType ?? null,
      name ?? null,
    );
  }
  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const alg: Record<string, string> = {
      MD5: 'md5',
      SHA_1: 'sha1',
      SHA_256: 'sha256',
      SHA_384: 'sha384',
      SHA_512: 'sha512',
    };
    const a = alg[algorithm];
    if (!a) throw this.env.exception(`Unsupported digest algorithm in the emulator: ${algorithm}`);
    return this.env.realm.array(
      toSignedBytes(
        createHash(a)
          .update(this._bytesOf(value, charset, 'computeDigest'))
          .digest(),
      ),
    );
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key, charset);
  }
  computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[] {
    const alg: Record<string, string> = {
      HMAC_MD5: 'md5',
      HMAC_SHA_1: 'sha1',
      HMAC_SHA_256: 'sha256',
      HMAC_SHA_384: 'sha384',
      HMAC_SHA_512: 'sha512',
    };
    const a = alg[algorithm];
    if (!a) throw this.env.exception(`Unsupported MAC algorithm: ${algorithm}`);
    return this.env.realm.array(
      toSignedBytes(
        createHmac(a, this._bytesOf(key, charset, 'computeHmacSignature'))
          .update(this._bytesOf(value, charset, 'computeHmacSignature'))
          .digest(),
      ),
    );
  }
  /** A version-4 UUID, deterministic per emulator seed. */
  getUuid(): string {
    const h = this.env.randomId(32);
    const v = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  /** printf-style %s %d %f %.Nf %%. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%(%|s|d|(?:\.(\d+))?f)/g, (m, kind: string, prec: string | undefined) => {
      if (kind === '%') return '%';
      const a = args[i++];
      if (kind === 's') return String(a);
      if (kind === 'd') return String(Math.trunc(Number(a)));
      return Number(a).toFixed(prec === undefined ? 6 : Number(prec));
    });
  }
}
instrument(UtilitiesService, 'Utilities', '', 'free');
