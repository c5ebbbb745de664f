/**
 * Email addresses good enough for a draft.
 */

// Characters that break a To: header or show a pasted "Name <mail>" or a list.
// The apostrophe stays allowed: o'neil@example.com is a real address.
const EMAIL_FORBIDDEN = /[\s"<>,;:()[\]\\\u0000-\u001f\u007f]/u;

/**
 * Pragmatic, not RFC 5322: the test is "will a draft to this address reach a
 * person", and the common failures are typos ('bob@', 'bob@gmail',
 * 'a@b@c.com'), two addresses in one cell, or 'Bob <bob@x.com>'. Unicode local
 * parts and IDN domains ('用户@例子.中国') are accepted, as Gmail accepts them.
 * Leading and trailing spaces are ignored.
 */
export function isValidEmail(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const email = s.trim();
  if (email.length === 0 || email.length > 254 || EMAIL_FORBIDDEN.test(email)) return false;
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  // The domain's labels, between the dots, walked without splitting (one customer at a time, 100,000 of them).
  let labels = 0;
  let start = 0;
  let end: number;
  for (;;) {
    const dot = domain.indexOf('.', start);
    end = dot < 0 ? domain.length : dot;
    if (end === start || end - start > 63 || domain.charCodeAt(start) === 45 || domain.charCodeAt(end - 1) === 45)
      return false;
    labels++;
    if (dot < 0) break;
    start = dot + 1;
  }
  if (labels < 2) return false;
  const tld = domain.slice(start, end);
  // A top-level domain is letters (or an IDN / punycode one), at least two long.
  return tld.length >= 2 && TLD.test(tld);
}

const TLD = /^(?:[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;
