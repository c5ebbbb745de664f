/**
 * The words for a customer's buying rhythm (docs/rules.md, Win-back), in the
 * user's language: the long form for the `Follow-up` column and the sidebar
 * ("usually buys every 30 days; 75 days since the last purchase"), the short
 * one for the RETAIN_RISK cell ("15 d overdue: 75 d since, usually 30 d").
 */
import { tr, type Msg } from './i18n';
import type { Lang } from './model';
import type { Risk } from './risk';

const LONG = {
  own: {
    en: 'usually buys every {gap} days; {since} days since the last purchase',
    zh: '通常每{gap}天购买一次；距上次购买已{since}天',
  },
  tier: {
    en: '{count} so far; tier {tier} customers usually buy every {gap} days; {since} days since the last purchase',
    zh: '仅购买过{n}次；{tier}类客户通常每{gap}天购买一次；距上次购买已{since}天',
  },
  book: {
    en: '{count} so far; customers usually buy every {gap} days; {since} days since the last purchase',
    zh: '仅购买过{n}次；客户通常每{gap}天购买一次；距上次购买已{since}天',
  },
} satisfies Record<string, Msg>;

const SHORT = {
  own: { en: '{over} d overdue: {since} d since, usually {gap} d', zh: '逾期{over}天：已{since}天未购，通常每{gap}天' },
  fallback: {
    en: '{over} d overdue: {since} d since, {count}; others usually {gap} d',
    zh: '逾期{over}天：已{since}天未购，仅{n}次购买；其他客户通常每{gap}天',
  },
} satisfies Record<string, Msg>;

/** 30 -> '30', 22.5 -> '22.5', 22.25 -> '22.3': a gap as people say it. */
export function gapText(days: number): string {
  return String(Math.round(days * 10) / 10);
}

function countText(n: number): string {
  return n === 1 ? '1 purchase' : `${n} purchases`;
}

/** The long form: why the customer is (or would be) slipping away. */
export function describeRisk(r: Risk, lang: Lang): string {
  const vars = {
    gap: gapText(r.usualGap),
    since: r.daysSince,
    count: countText(r.purchaseDays),
    n: r.purchaseDays,
    tier: r.tier ?? '',
  };
  return tr(lang, r.basis === 'own' ? LONG.own : r.basis === 'tier' ? LONG.tier : LONG.book, vars);
}

/** The short form for a cell; '' when the customer is not slipping. */
export function riskCellText(r: Risk | null, lang: Lang): string {
  if (r === null || !r.slipping) return '';
  const vars = {
    over: r.daysOverdue,
    since: r.daysSince,
    gap: gapText(r.usualGap),
    count: countText(r.purchaseDays),
    n: r.purchaseDays,
  };
  return tr(lang, r.basis === 'own' ? SHORT.own : SHORT.fallback, vars);
}
