/**
 * Thank-you drafts (docs/rules.md, Drafts): made with the Gmail API under
 * gmail.compose, never sent. Exactly once per purchase: the journal (see
 * journal.ts) and the sheet record each draft, and a draft that may have been
 * made by a run that died is looked up in Gmail by its X-Retain-Key header
 * before it is made again. The text is the core's (core/draft.ts); this file
 * only decides whether to send it, and sends it.
 */
import type { CalDate } from '../core/dates';
import { composeDraft, draftKeyHeader, templateProblem, type ComposedDraft } from '../core/draft';
import { tr, type Msg } from '../core/i18n';
import type { Customer, Lang } from '../core/model';
import type { DraftNeed } from '../core/plan';
import type { TemplateRow } from '../core/rows';
import { createDraft_, findDraft_ } from '../gas/gmail';
import { classifyError, errorMessage, stopsKind } from '../gas/retry';
import type { Journal } from './journal';
import { stopMessage } from './serviceStops';

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

const FAILED: Msg = { en: 'Thank-you draft failed: {error}', zh: '感谢信草稿创建失败：{error}' };

const KEY_HEADER = 'X-Retain-Key';

/** The draft made earlier for this need (a run that died after making it), or null. */
function findExisting(need: DraftNeed): string | null {
  return findDraft_(need.email, KEY_HEADER, draftKeyHeader(need.key));
}

/** The composed draft, or the outcome that ends this need here. */
function composed(need: DraftNeed, customer: Customer, ctx: DraftContext): ComposedDraft | DraftOutcome {
  try {
    return composeDraft(need, customer, ctx.templates, {
      senderName: ctx.senderName,
      userEmail: ctx.userEmail,
      lang: ctx.lang,
    });
  } catch (e) {
    return { need, status: 'failed', reason: tr(ctx.lang, FAILED, { error: errorMessage(e) }) };
  }
}

/** Makes the one draft (or finds the one a dead run made); the journal says 'pending' while Gmail is asked. */
function send(need: DraftNeed, raw: string, subject: string, pending: boolean, ctx: DraftContext): DraftOutcome {
  let id = pending ? findExisting(need) : null;
  const status: DraftOutcome['status'] = id ? 'found' : 'made';
  if (!id) {
    ctx.journal.pending(need.key);
    id = createDraft_(raw, { to: need.email, name: KEY_HEADER, value: draftKeyHeader(need.key) });
  }
  ctx.journal.made(need.key, id);
  return { need, status, draftId: id, subject };
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
    const d = composed(need, customer, ctx);
    if ('need' in d) {
      result.outcomes.push(d);
      continue;
    }
    if (!d.ok) {
      result.outcomes.push({ need, status: 'skipped', reason: d.reason });
      continue;
    }
    if (!ctx.make) {
      result.outcomes.push({ need, status: 'made', subject: d.subject });
      continue;
    }
    if (!ctx.haveTime()) {
      result.deferred = needs.slice(i);
      break;
    }
    try {
      result.outcomes.push(send(need, d.raw, d.subject, !!journaled && journaled.state === 'pending', ctx));
    } catch (e) {
      // A spent quota or a service (Gmail, or the journal's Properties) that stopped answering: no more drafts this run.
      if (stopsKind(e)) {
        result.stopped = stopMessage(e, 'drafts', needs.length - i, ctx.lang);
        result.deferred = needs.slice(i);
        break;
      }
      if (classifyError(e) === 'killed') throw e;
      result.outcomes.push({ need, status: 'failed', reason: tr(ctx.lang, FAILED, { error: errorMessage(e) }) });
    }
  }
  return result;
}
