/**
 * A small, synchronous RFC 2822 / MIME reader: enough to give Gmail API
 * payloads (headers, parts, bodies), to search drafts by to:/subject:/
 * rfc822msgid:, and to point out messages Gmail would show garbled.
 */

export interface Header {
  name: string;
  value: string;
}

export interface MimePart {
  headers: Header[];
  mimeType: string;
  filename: string;
  /** Decoded body bytes (for leaf parts). */
  body: Buffer;
  parts: MimePart[];
}

/** Split a message into header lines (unfolded) and body. */
export function splitMessage(raw: Buffer): { headers: Header[]; body: Buffer } {
  let sep = raw.indexOf('\r\n\r\n');
  let sepLen = 4;
  const lf = raw.indexOf('\n\n');
  if (sep < 0 || (lf >= 0 && lf < sep)) {
    sep = lf;
    sepLen = 2;
  }
  const head = sep < 0 ? raw : raw.subarray(0, sep);
  const body = sep < 0 ? Buffer.alloc(0) : raw.subarray(sep + sepLen);
  const text = head.toString('utf8');
  const headers: Header[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length) {
      headers[headers.length - 1].value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { headers, body };
}

export function header(headers: Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Decode RFC 2047 encoded-words ("=?UTF-8?B?...?="). */
export function decodeWords(s: string): string {
  return s
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
      const buf =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return /utf-?8/i.test(charset) ? buf.toString('utf8') : buf.toString('latin1');
    });
}

function param(value: string, name: string): string | undefined {
  const re = new RegExp(`;\\s*${name}\\*?=\\s*("([^"]*)"|[^;\\s]+)`, 'i');
  const m = re.exec(value);
  if (!m) return undefined;
  return m[2] ?? m[1];
}

function decodeBody(body: Buffer, encoding: string | undefined): Buffer {
  const enc = (encoding ?? '7bit').toLowerCase().trim();
  if (enc === 'base64') return Buffer.from(body.toString('latin1').replace(/\s+/g, ''), 'base64');
  if (enc === 'quoted-printable') {
    const s = body.toString('latin1').replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
        bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(s.charCodeAt(i) & 255);
    }
    return Buffer.from(bytes);
  }
  return body;
}

export function parseMime(raw: Buffer): MimePart {
  const { headers, body } = splitMessage(raw);
  const ct = header(headers, 'Content-Type') ?? 'text/plain';
  const mimeType = ct.split(';')[0].trim().toLowerCase();
  const disposition = header(headers, 'Content-Disposition') ?? '';
  const filename = decodeWords(param(disposition, 'filename') ?? param(ct, 'name') ?? '');
  if (mimeType.startsWith('multipart/')) {
    const boundary = param(ct, 'boundary');
    const parts: MimePart[] = [];
    if (boundary) {
      const text = body.toString('latin1');
      const chunks = text.split(
        new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`),
      );
      // chunks[0] is the preamble, the last one the epilogue
      for (const c of chunks.slice(1, -1)) if (c.trim() !== '') parts.push(parseMime(Buffer.from(c, 'latin1')));
    }
    return { headers, mimeType, filename, body: Buffer.alloc(0), parts };
  }
  return {
    headers,
    mimeType,
    filename,
    body: decodeBody(body, header(headers, 'Content-Transfer-Encoding')),
    parts: [],
  };
}

/** Addresses in an address-list header ("A <a@x>, b@y"). */
export function addresses(value: string | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  // split on commas outside quotes and angle brackets
  let depth = 0;
  let inQ = false;
  let cur = '';
  for (const ch of value) {
    if (ch === '"') inQ = !inQ;
    else if (!inQ && ch === '<') depth++;
    else if (!inQ && ch === '>') depth--;
    if (ch === ',' && !inQ && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => {
      // The address is the last <...> outside quotes ("Name <b> x" <addr@x>).
      const unquoted = a.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      const all = [...unquoted.matchAll(/<([^<>]*)>/g)];
      return (all.length ? all[all.length - 1][1] : a).trim();
    });
}

export const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Things Gmail accepts but shows badly, for tests to assert on. */
export function lintMessage(raw: Buffer): string[] {
  const problems: string[] = [];
  const { headers } = splitMessage(raw);
  const headText = (() => {
    const lf = raw.indexOf('\n\n');
    const crlf = raw.indexOf('\r\n\r\n');
    const end = [lf, crlf].filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? raw.length;
    return raw.subarray(0, end);
  })();
  if (headText.some((b) => b > 127)) {
    const bad = headers.filter((h) => /[^\x00-\x7f]/.test(h.value)).map((h) => h.name);
    problems.push(`non-ASCII header text without RFC 2047 encoding: ${bad.join(', ')}`);
  }
  if (!header(headers, 'MIME-Version')) problems.push('no MIME-Version header');
  const root = parseMime(raw);
  const leaves: MimePart[] = [];
  const walk = (p: MimePart) => (p.parts.length ? p.parts.forEach(walk) : leaves.push(p));
  walk(root);
  for (const leaf of leaves) {
    const ct =
      header(leaf.headers, 'Content-Type') ??
      (leaf === root ? header(root.headers, 'Content-Type') : undefined) ??
      'text/plain';
    if (leaf.mimeType.startsWith('text/') && leaf.body.some((b) => b > 127) && !/charset=/i.test(ct)) {
      problems.push(`${leaf.mimeType} part has non-ASCII bytes but no charset`);
    }
  }
  const lines = raw.toString('latin1').split(/\r?\n/);
  if (lines.some((l) => l.length > 998)) problems.push('a line is longer than 998 characters (RFC 5322)');
  return problems;
}
