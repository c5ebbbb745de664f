/**
 * Thank-you drafts (SPEC section 4): made with the Gmail API under
 * gmail.compose, never sent. Exactly once per purchase: the journal (see
 * journal.ts) and the sheet record each draft, and a draft that may have been
 * made by a run that died is looked up in Gmail by its X-Retain-Key header
 * before it is made again.
 */
import { gmailDrafts_ } from '../gas/services';
import type { CalDate } from '../core/dates';
import { parts } from '../core/dates';
import { tr, type Msg } from '../core/i18n';
import { buildMime, toBase64Url } from '../core/mime';
import type { Customer, Lang } from '../core/model';
import type { DraftNeed } from '../core/plan';
import { pickTemplate, type TemplateRow } from '../core/rows';
import {
  DEFAULT_TEMPLATES,
  firstNameOf,
  renderTemplate,
  unknownPlaceholders,
  type TemplateText,
} from '../core/templates';
import { base64Url, utf8Bytes } from '../core/utf8';
import type { Journal } from '../gas/journal';
import { classifyError, errorMessage, QuotaError, withRetry } from '../gas/retry';

export interface DraftOutcome {
  need: DraftNeed;
  status: 'made' | 'found' | 'skipped' | 'failed';
  draftId?: string;
  subject?: string;
  reason?: string;
}

export interface DraftContext {
  lang: Lang;
  today: CalDate;
  templates: TemplateRow[];
  customersById: Map<string, Customer>;
  senderName: string;
  userEmail: string;
  journal: Journal;
  /** False once the run's time budget is spent: no new draft is started. */
  haveTime: () => boolean;
  /** When false (preview), nothing is made: the outcome says what would be. */
  make: boolean;
}

export interface DraftsResult {
  outcomes: DraftOutcome[];
  /** Why drafting stopped for the night, if it did (bad template, quota). */
  stopped: string | null;
  /** Needs left for a follow-up run because time ran out. */
  deferred: DraftNeed[];
}

const UNKNOWN_PLACEHOLDER: Msg = {
  en: 'No thank-you drafts were made: the {lang} template (sheet "Templates", row {row}) has an unknown placeholder {{{name}}}. Known: Name, FirstName, Company, Product, Amount, PurchaseDate, Owner.',
  zh: '未创建感谢信草稿：{lang}模板（“模板”表第 {row} 行）含有未知占位符 {{{name}}}。可用：Name、FirstName、Company、Product、Amount、PurchaseDate、Owner。',
};
const MISSING_VALUE: Msg = {
  en: 'Thank-you draft not made: the template needs {names} and this customer has none',
  zh: '未创建感谢信草稿：模板需要 {names}，但此客户没有',
};
const QUOTA: Msg = {
  en: 'Gmail quota reached: the remaining drafts wait for the next run',
  zh: 'Gmail 配额已用完：其余草稿等下次运行',
};
const FAILED: Msg = { en: 'Thank-you draft failed: {error}', zh: '感谢信草稿创建失败：{error}' };

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

/** The first unknown placeholder in any template a need will use, as a message; null when all are fine. */
export function templateProblem(needs: DraftNeed[], templates: TemplateRow[], lang: Lang): string | null {
  const langs = Array.from(new Set(needs.map((n) => n.language)));
  for (const l of langs) {
    const { t, row } = templateFor(templates, l);
    const unknown = unknownPlaceholders(t);
    if (unknown.length > 0)
      return tr(lang, UNKNOWN_PLACEHOLDER, { lang: tr(lang, LANG_NAME[l]), row: row ?? '-', name: unknown[0] });
  }
  return null;
}

function formatAmount(n: number | null): string {
  if (n === null) return '';
  const fixed = Math.round(n * 100) / 100;
  const [int, frac] = fixed.toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === '00' ? grouped : `${grouped}.${frac}`;
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

function formatDate(d: CalDate, lang: Lang): string {
  const p = parts(d);
  return lang === 'zh' ? `${p.year}年${p.month}月${p.day}日` : `${MONTHS[p.month - 1]} ${p.day}, ${p.year}`;
}

/** The header value that finds a draft again: ASCII, whatever the key holds. */
export function draftKeyHeader(key: string): string {
  return base64Url(utf8Bytes(key));
}

export function composeDraft(
  need: DraftNeed,
  customer: Customer,
  t: TemplateText,
  ctx: { senderName: string; userEmail: string },
): { ok: true; raw: string; subject: string } | { ok: false; missing: string[] } {
  const lang = need.language;
  const r = renderTemplate(t, {
    Name: customer.name,
    FirstName: firstNameOf(customer.name),
    Company: customer.company,
    Product: need.product,
    Amount: formatAmount(need.amount),
    PurchaseDate: formatDate(need.purchaseDate, lang),
    // The signature: the sender's name when set, else the rep who owns the customer.
    Owner: ctx.senderName || customer.owner || ctx.userEmail,
  });
  if (!r.ok) return { ok: false, missing: r.missing.concat(r.unknown ?? []) };
  // A name typed with Alt+Enter has a line break; in a header it would end the header.
  const oneLine = (x: string) => x.replace(/[\r\n]+/g, ' ').trim();
  const from = ctx.senderName && ctx.userEmail ? { name: oneLine(ctx.senderName), email: ctx.userEmail } : undefined;
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

/** A draft made earlier for this key (a run that died after making it), or null. Costs a list and a get per candidate. */
function findExistingDraft(need: DraftNeed): string | null {
  const header = draftKeyHeader(need.key);
  const list = withRetry(() => gmailDrafts_().list('me', { q: `to:${need.email}`, maxResults: 50 }), {
    service: 'Gmail',
  });
  for (const d of list.drafts ?? []) {
    const full = withRetry(() => gmailDrafts_().get('me', d.id as string, { format: 'metadata' }), {
      service: 'Gmail',
    });
    const headers = full.message?.payload?.headers ?? [];
    if (headers.some((h) => String(h.name).toLowerCase() === 'x-retain-key' && h.value === header))
      return d.id as string;
  }
  return null;
}

/** Creates the draft; after a transient error Gmail is asked whether it exists before trying again. */
function createOnce(need: DraftNeed, raw: string): string {
  return withRetry(() => gmailDrafts_().create({ message: { raw } }, 'me').id as string, {
    service: 'Gmail',
    recover: () => findExistingDraft(need),
  });
}

export function makeDrafts_(needs: DraftNeed[], ctx: DraftContext): DraftsResult {
  const result: DraftsResult = { outcomes: [], stopped: null, deferred: [] };
  if (needs.length === 0) return result;
  const problem = templateProblem(needs, ctx.templates, ctx.lang);
  if (problem) {
    result.stopped = problem;
    for (const need of needs) result.outcomes.push({ need, status: 'skipped', reason: problem });
    return result;
  }
  for (let i = 0; i < needs.length; i++) {
    const need = needs[i];
    const customer = ctx.customersById.get(need.customerId);
    if (!customer) continue;
    const journaled = ctx.journal.get(need.key);
    if (journaled && journaled.state === 'made') {
      result.outcomes.push({ need, status: 'found', draftId: journaled.id });
      continue;
    }
    // An address Gmail cannot take in a header is this row's problem, not the night's.
    if (/[^\u0021-\u007e]/.test(need.email)) {
      result.outcomes.push({
        need,
        status: 'skipped',
        reason: tr(ctx.lang, NON_ASCII_EMAIL, { email: need.email.slice(0, 100) }),
      });
      continue;
    }
    const { t } = templateFor(ctx.templates, need.language);
    let composed: ReturnType<typeof composeDraft>;
    try {
      composed = composeDraft(need, customer, t, ctx);
    } catch (e) {
      result.outcomes.push({ need, status: 'failed', reason: tr(ctx.lang, FAILED, { error: errorMessage(e) }) });
      continue;
    }
    if (!composed.ok) {
      result.outcomes.push({
        need,
        status: 'skipped',
        reason: tr(ctx.lang, MISSING_VALUE, { names: composed.missing.join(', ') }),
      });
      continue;
    }
    if (!ctx.make) {
      result.outcomes.push({ need, status: 'made', subject: composed.subject });
      continue;
    }
    if (!ctx.haveTime()) {
      result.deferred = needs.slice(i);
      break;
    }
    try {
      let id: string | null = null;
      if (journaled && journaled.state === 'pending') id = findExistingDraft(need);
      const status: DraftOutcome['status'] = id ? 'found' : 'made';
      if (!id) {
        ctx.journal.pending(need.key);
        id = createOnce(need, composed.raw);
      }
      ctx.journal.made(need.key, id);
      result.outcomes.push({ need, status, draftId: id, subject: composed.subject });
    } catch (e) {
      if (e instanceof QuotaError) {
        result.stopped = tr(ctx.lang, QUOTA);
        result.deferred = needs.slice(i);
        break;
      }
      if (classifyError(e) === 'killed') throw e;
      result.outcomes.push({ need, status: 'failed', reason: tr(ctx.lang, FAILED, { error: errorMessage(e) }) });
    }
  }
  return result;
}

/** What the `Thank-you draft` cell says once a draft exists: the day it was made and the draft's id. */
export function draftCellText(today: CalDate, draftId: string, purchaseDate: CalDate | null): string {
  return purchaseDate ? `${today} · ${draftId} · ${purchaseDate}` : `${today} · ${draftId}`;
}
