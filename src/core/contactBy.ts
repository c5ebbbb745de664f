/**
 * The Contact log's `By` for a contact logged from the sidebar: what the Log
 * form sends (it fills in the user; someone whose address Retain cannot learn
 * types a name), else the user's own address. It is one line of at most 200
 * characters: the post-sale manager step compares it with `managers`
 * (docs/rules.md, Post-sale steps), so it must stay a plain name or address.
 */
import { tr, type Msg } from './i18n';
import type { Lang } from './model';

const MAX_BY = 200;

const BAD_BY: Msg = {
  en: 'By: at most {n} characters on one line.',
  zh: '记录人：最多 {n} 个字符，且只能一行。',
};

/** The `by` of a log request, trimmed; '' when absent; null (with the message) when it is not a short line of text. */
export function checkedBy(raw: unknown, lang: Lang): { ok: true; value: string } | { ok: false; message: string } {
  if (raw === undefined || raw === null) return { ok: true, value: '' };
  const s = typeof raw === 'string' ? raw.trim() : null;
  if (s === null || s.length > MAX_BY || /[\u0000-\u001f\u007f\u2028\u2029]/.test(s))
    return { ok: false, message: tr(lang, BAD_BY, { n: MAX_BY }) };
  return { ok: true, value: s };
}

/** What goes into `By`: the form's value, or the user's address when the form sent none. */
export function byOf(sent: string | undefined, userEmail: string): string {
  return sent && sent.trim() ? sent.trim() : userEmail;
}
