/**
 * A thank-you draft's text (docs/rules.md, Drafts): the template for the
 * customer's language, its placeholders filled from the customer and the
 * purchase, and the MIME message (subject, text and HTML parts, the
 * X-Retain-Key header that finds the draft again). The server only sends
 * what this returns to Gmail; nothing here calls a service.
 */
import { formatAmount } from './amount';
import { parts, type CalDate } from './dates';
import { tr, type Msg } from './i18n';
import { buildMime, toBase64Url } from './mime';
import type { Customer, Lang } from './model';
import type { DraftNeed } from './planTypes';
import { pickTemplate, type TemplateRow } from './rows';
import {
  DEFAULT_TEMPLATES,
  firstNameOf,
  PLACEHOLDER_NAMES,
  renderTemplate,
  unknownPlaceholders,
  type TemplateText,
} from './templates';
import { base64Url, utf8Bytes } from './utf8';

const UNKNOWN_PLACEHOLDER: Msg = {
  en: 'No thank-you drafts were made: the {lang} template (sheet "Templates", row {row}) has an unknown placeholder {{{name}}}. Known: {known}.',
  zh: '未创建感谢信草稿：{lang}模板（“模板”表第 {row} 行）含有未知占位符 {{{name}}}。可用：{known}。',
};
const MISSING_VALUE: Msg = {
  en: 'Thank-you draft not made: the template needs {names} and this customer has none',
  zh: '未创建感谢信草稿：模板需要 {names}，但此客户没有',
};
const NON_ASCII_EMAIL: Msg = {
  en: 'Thank-you draft not made: the email "{email}" has non-ASCII characters, which a Gmail draft header cannot carry',
  zh: '未创建感谢信草稿：邮箱“{email}”含非 ASCII 字符，Gmail 草稿的收件人栏无法使用',
};

const LANG_NAME: Record<Lang, Msg> = { en: { en: 'English', zh: '英文' }, zh: { en: 'Chinese', zh: '中文' } };

/** The subject and body for a language: the sheet's row, else the built-in default. */
function templateFor(templates: TemplateRow[], lang: Lang): { t: TemplateText; row: number | null } {
  const row = pickTemplate(templates, 'thank-you', lang);
  if (row) return { t: { subject: row.subject, body: row.body }, row: row.row };
  const d = DEFAULT_TEMPLATES.find((x) => x.language === lang) ?? DEFAULT_TEMPLATES[0];
  return { t: { subject: d.subject, body: d.body }, row: null };
}

/** The first unknown placeholder in any template the needs will use, as a message in `lang`; null when all are fine. */
export function templateProblem(needs: readonly DraftNeed[], templates: TemplateRow[], lang: Lang): string | null {
  const langs = Array.from(new Set(needs.map((n) => n.language)));
  for (const l of langs) {
    const { t, row } = templateFor(templates, l);
    const unknown = unknownPlaceholders(t);
    if (unknown.length > 0)
      return tr(lang, UNKNOWN_PLACEHOLDER, {
        lang: tr(lang, LANG_NAME[l]),
        row: row ?? '-',
        name: unknown[0],
        known: PLACEHOLDER_NAMES.join(lang === 'zh' ? '、' : ', '),
      });
  }
  return null;
}

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

/** {{PurchaseDate}}: 'November 20, 2026' / '2026年11月20日'. */
function purchaseDateText(d: CalDate, lang: Lang): string {
  const p = parts(d);
  return lang === 'zh' ? `${p.year}年${p.month}月${p.day}日` : `${MONTHS[p.month - 1]} ${p.day}, ${p.year}`;
}

/** The header value that finds a draft again: ASCII, whatever the key holds. */
export function draftKeyHeader(key: string): string {
  return base64Url(utf8Bytes(key));
}

/** What the `Thank-you draft` cell says once a draft exists: the day it was made and the draft's id. */
export function draftCellText(today: CalDate, draftId: string, purchaseDate: CalDate | null): string {
  return purchaseDate ? `${today} · ${draftId} · ${purchaseDate}` : `${today} · ${draftId}`;
}

export interface DraftSender {
  /** The senderName setting ('' when unset). */
  senderName: string;
  /** The user's own address ('' when unknown). */
  userEmail: string;
  /** The language of the reasons. */
  lang: Lang;
}

/** The message to send to Gmail (base64url MIME) and its subject; or why this customer gets no draft, in the sender's language. */
export type ComposedDraft = { ok: true; raw: string; subject: string } | { ok: false; reason: string };

/** A name typed with Alt+Enter has a line break; in a header it would end the header. */
function oneLine(x: string): string {
  return x.replace(/[\r\n]+/g, ' ').trim();
}

/** The draft for one purchase. Throws only on a bug (a purchase date that is not a date). */
export function composeDraft(
  need: DraftNeed,
  customer: Customer,
  templates: TemplateRow[],
  sender: DraftSender,
): ComposedDraft {
  // An address Gmail cannot take in a header is this row's problem, not the night's.
  if (/[^\u0021-\u007e]/.test(need.email))
    return { ok: false, reason: tr(sender.lang, NON_ASCII_EMAIL, { email: need.email.slice(0, 100) }) };
  const lang = need.language;
  const { t } = templateFor(templates, lang);
  const r = renderTemplate(t, {
    Name: customer.name,
    FirstName: firstNameOf(customer.name),
    Company: customer.company,
    Product: need.product,
    Amount: need.amount === null ? '' : formatAmount(need.amount),
    PurchaseDate: purchaseDateText(need.purchaseDate, lang),
    // The signature: the sender's name when set, else the rep who owns the customer.
    Owner: sender.senderName || customer.owner || sender.userEmail,
  });
  if (!r.ok)
    return {
      ok: false,
      reason: tr(sender.lang, MISSING_VALUE, { names: r.missing.concat(r.unknown ?? []).join(', ') }),
    };
  const from =
    sender.senderName && sender.userEmail ? { name: oneLine(sender.senderName), email: sender.userEmail } : undefined;
  const mime = buildMime({
    from,
    to: { name: oneLine(customer.name), email: need.email },
    subject: r.subject,
    text: r.text,
    html: r.html,
    headers: { 'X-Retain-Key': draftKeyHeader(need.key) },
  });
  return { ok: true, raw: toBase64Url(mime), subject: r.subject };
}
