/**
 * What the log says when a kind of action stops for the run (docs/platform.md,
 * Limits and errors): a daily quota is spent, or a service stopped answering
 * through every retry. Only that kind stops: the managed columns and the log
 * row are still written, and the message names what was not done and when it
 * will be.
 */
import { tr, type Msg } from '../core/i18n';
import type { Lang } from '../core/model';
import { errorMessage, QuotaError, type UnavailableError } from '../gas/retry';

export type ActionKind = 'drafts' | 'visits';

const WHAT: Record<ActionKind, Msg> = {
  drafts: { en: 'thank-you drafts', zh: '感谢信草稿' },
  visits: { en: 'visit entries', zh: '拜访日程' },
};

const QUOTA: Msg = {
  en: '{service} quota reached ({error}): no more {what} this run; {n} wait for the next night.',
  zh: '{service} 配额已用完（{error}）：本次不再创建{what}；{n} 项等下一晚。',
};
const UNAVAILABLE: Msg = {
  en: '{service} kept failing ({error}): no more {what} this run; {n} wait for the next run.',
  zh: '{service} 多次出错（{error}）：本次不再创建{what}；{n} 项等下次运行。',
};

/** The log line for `e` stopping `kind` with `left` actions not done. */
export function stopMessage(e: QuotaError | UnavailableError, kind: ActionKind, left: number, lang: Lang): string {
  const cause = errorMessage(e).replace(/^[^:]*(quota reached|is not answering): /, '');
  return tr(lang, e instanceof QuotaError ? QUOTA : UNAVAILABLE, {
    service: e.service,
    error: cause,
    what: tr(lang, WHAT[kind]),
    n: left,
  });
}
