/**
 * A due item: one thing to do for one customer, with a date and a reason
 * (docs/rules.md, Which item is shown: every rule is a due date with
 * a reason). The rules in this folder make them; plan.ts picks the earliest
 * per customer for `Next follow-up` / `Follow-up` / `Days to due`, and the
 * sidebar shows them all. describeDue gives the short `Follow-up` text in the
 * user's language.
 */
import { parts, type CalDate, type WorkCalendar } from '../dates';
import { tr, type Msg } from '../i18n';
import type { Lang, Settings, Tier } from '../model';

/** What every rule needs besides the customer's own facts. */
export interface RuleContext {
  today: CalDate;
  settings: Settings;
  /** Working days and Holidays (docs/rules.md, Working days). */
  cal: WorkCalendar;
}

export type DueKind =
  | 'thank-you'
  | 'post-sale-call'
  | 'recurring'
  | 'visit'
  | 'birthday'
  | 'anniversary'
  | 'holiday'
  | 'complaint'
  | 'complaint-feedback'
  | 'next-step';

export const DUE_KINDS: readonly DueKind[] = [
  'thank-you',
  'post-sale-call',
  'recurring',
  'visit',
  'birthday',
  'anniversary',
  'holiday',
  'complaint',
  'complaint-feedback',
  'next-step',
];

export type DueChannel = 'call' | 'email' | 'visit' | 'greeting';

export interface DueDetail {
  /** Post-sale: the step number (1-based) ... */
  step?: number;
  /** ... and its day counted from the purchase (an addition to the contract: `Day-3`). */
  day?: number;
  purchaseDate?: CalDate;
  product?: string;
  amount?: number;
  holiday?: string;
  occasionDate?: CalDate;
  /** Anniversary: how many years since the first purchase (addition to the contract). */
  years?: number;
  complaintDate?: CalDate;
  size?: 'Small' | 'Big';
  resolvedOn?: CalDate;
  nextStep?: string;
  /** Next step: the date of the contact that set it (addition to the contract). */
  loggedOn?: CalDate;
  tier?: Tier;
  /** Recurring and visit: the cadence in days (addition to the contract: "every 14 days"). */
  everyDays?: number;
}

export interface DueItem {
  customerId: string;
  kind: DueKind;
  /** After snooze, working-day moves and load spreading. */
  due: CalDate;
  /** As the rule computed it, before snooze and moves. */
  baseDue: CalDate;
  channel: DueChannel;
  who: 'rep' | 'manager';
  detail: DueDetail;
  /** Only 'recurring' items take part in load spreading (docs/rules.md, Merging and load spreading). */
  spreadable: boolean;
}

/**
 * The item with another `due` date. Written out field by field rather than
 * with `{ ...it, due }`: on the hot path (every recurring item of 100,000
 * customers may move) a literal of fixed shape is several times faster.
 */
export function withDue(it: DueItem, due: CalDate): DueItem {
  return {
    customerId: it.customerId,
    kind: it.kind,
    due,
    baseDue: it.baseDue,
    channel: it.channel,
    who: it.who,
    detail: it.detail,
    spreadable: it.spreadable,
  };
}

/**
 * Which item goes first when two fall on the same day: what cannot wait
 * (complaints, docs/rules.md, Complaints: "solved fast 95 % come back"), then the
 * user's own promises (next steps; "promises not kept" is a churn cause, doc
 * 001), then the post-sale sequence, visits, occasions, and the routine contact.
 */
const PRIORITY: Record<DueKind, number> = {
  complaint: 0,
  'complaint-feedback': 1,
  'next-step': 2,
  'thank-you': 3,
  'post-sale-call': 4,
  visit: 5,
  birthday: 6,
  anniversary: 7,
  holiday: 8,
  recurring: 9,
};

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Due date, then priority, then a stable order on the details (deterministic plans). */
export function compareItems(a: DueItem, b: DueItem): number {
  return (
    cmp(a.due, b.due) ||
    PRIORITY[a.kind] - PRIORITY[b.kind] ||
    cmp(a.baseDue, b.baseDue) ||
    cmp(a.detail.step, b.detail.step) ||
    cmp(a.detail.purchaseDate, b.detail.purchaseDate) ||
    cmp(a.detail.complaintDate, b.detail.complaintDate) ||
    cmp(a.detail.product, b.detail.product) ||
    cmp(a.detail.holiday, b.detail.holiday) ||
    cmp(a.detail.nextStep, b.detail.nextStep) ||
    cmp(a.customerId, b.customerId)
  );
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Nov 25' / '11月25日': occasions are about the day of the year, not the year. */
export function monthDayText(d: CalDate, lang: Lang): string {
  const p = parts(d);
  return lang === 'zh' ? `${p.month}月${p.day}日` : `${MONTHS_EN[p.month - 1]} ${p.day}`;
}

const M = {
  thankYou: { en: 'Thank-you call (purchase {date})', zh: '感谢电话（{date}购买）' },
  managerCall: {
    en: 'Day-{day} manager call after purchase of {product} on {date}',
    zh: '购买{product}后第{day}天经理回访（{date}）',
  },
  managerCallNoProduct: {
    en: 'Day-{day} manager call after purchase on {date}',
    zh: '购买后第{day}天经理回访（{date}）',
  },
  checkIn: {
    en: 'Day-{day} check-in call after purchase of {product} on {date}',
    zh: '购买{product}后第{day}天回访（{date}）',
  },
  checkInNoProduct: { en: 'Day-{day} check-in call after purchase on {date}', zh: '购买后第{day}天回访（{date}）' },
  recurring: { en: 'Keep in touch ({tier}: every {days} days)', zh: '保持联系（{tier}类：每{days}天）' },
  recurringNoTier: { en: 'Keep in touch (every {days} days)', zh: '保持联系（每{days}天）' },
  visit: { en: 'Visit ({tier}: every {days} days)', zh: '上门拜访（{tier}类：每{days}天）' },
  birthday: { en: 'Birthday greeting ({md})', zh: '生日祝福（{md}）' },
  anniversary: { en: 'Purchase anniversary greeting ({years} yr, {md})', zh: '购买周年问候（{years}周年，{md}）' },
  holiday: { en: 'Holiday greeting: {holiday}', zh: '节日问候：{holiday}' },
  complaintBig: { en: 'Complaint (big) from {date}: resolve by {due}', zh: '投诉（大）{date}：须于{due}前解决' },
  complaintSmall: { en: 'Complaint (small) from {date}: resolve by {due}', zh: '投诉（小）{date}：须于{due}前解决' },
  feedback: { en: 'Feedback call after complaint resolved {date}', zh: '投诉已于{date}解决，回访征求意见' },
  nextStep: { en: 'Next step: {step}', zh: '下一步：{step}' },
  nextStepBlank: { en: 'Next step (logged {date})', zh: '下一步（{date}记录）' },
} satisfies Record<string, Msg>;

// Recurring and visit texts repeat (a few tiers and cadences): made once each,
// found by language and kind, then tier, then cadence (no key string to build
// and hash per customer).
const cadenceTexts = new Map<string, Map<Tier | '', Map<number | undefined, string>>>();
let cadenceTextCount = 0;

/** The `Follow-up` text for one item: what and why, short and concrete. */
export function describeDue(item: DueItem, lang: Lang): string {
  if (item.kind !== 'recurring' && item.kind !== 'visit') return describe(item, lang);
  const byKind =
    lang === 'zh'
      ? item.kind === 'visit'
        ? 'zh|visit'
        : 'zh|recurring'
      : lang === 'en'
        ? item.kind === 'visit'
          ? 'en|visit'
          : 'en|recurring'
        : `${lang}|${item.kind}`;
  const tier = item.detail.tier ?? '';
  let byTier = cadenceTexts.get(byKind);
  let byDays = byTier === undefined ? undefined : byTier.get(tier);
  let text = byDays === undefined ? undefined : byDays.get(item.detail.everyDays);
  if (text === undefined) {
    text = describe(item, lang);
    if (cadenceTextCount >= 1000) {
      cadenceTexts.clear();
      cadenceTextCount = 0;
      byTier = undefined;
      byDays = undefined;
    }
    if (byTier === undefined) cadenceTexts.set(byKind, (byTier = new Map()));
    if (byDays === undefined) byTier.set(tier, (byDays = new Map()));
    byDays.set(item.detail.everyDays, text);
    cadenceTextCount++;
  }
  return text;
}

function describe(item: DueItem, lang: Lang): string {
  const d = item.detail;
  switch (item.kind) {
    case 'thank-you':
      return tr(lang, M.thankYou, { date: d.purchaseDate ?? item.baseDue });
    case 'post-sale-call': {
      const vars = { day: d.day ?? d.step ?? '', product: d.product ?? '', date: d.purchaseDate ?? item.baseDue };
      if (item.who === 'manager') return tr(lang, d.product ? M.managerCall : M.managerCallNoProduct, vars);
      return tr(lang, d.product ? M.checkIn : M.checkInNoProduct, vars);
    }
    case 'recurring':
      return d.tier
        ? tr(lang, M.recurring, { tier: d.tier, days: d.everyDays ?? '' })
        : tr(lang, M.recurringNoTier, { days: d.everyDays ?? '' });
    case 'visit':
      return tr(lang, M.visit, { tier: d.tier ?? '', days: d.everyDays ?? '' });
    case 'birthday':
      return tr(lang, M.birthday, { md: monthDayText(d.occasionDate ?? item.baseDue, lang) });
    case 'anniversary':
      return tr(lang, M.anniversary, { years: d.years ?? '', md: monthDayText(d.occasionDate ?? item.baseDue, lang) });
    case 'holiday':
      return tr(lang, M.holiday, { holiday: d.holiday ?? '' });
    case 'complaint':
      return tr(lang, d.size === 'Big' ? M.complaintBig : M.complaintSmall, {
        date: d.complaintDate ?? item.baseDue,
        due: item.due,
      });
    case 'complaint-feedback':
      return tr(lang, M.feedback, { date: d.resolvedOn ?? item.baseDue });
    case 'next-step':
      return d.nextStep
        ? tr(lang, M.nextStep, { step: d.nextStep })
        : tr(lang, M.nextStepBlank, { date: d.loggedOn ?? item.baseDue });
  }
}
