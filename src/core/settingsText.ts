/**
 * What the settings are called and what each allows, in English and Chinese.
 * The sidebar's Settings form shows the label and the rule (as its hint); a
 * bad value's message is "<label> must be <rule>", so a person reads the name
 * they see on the form, never a property key (docs/rules.md names each
 * setting's rule).
 */
import { tr, type Msg } from './i18n';
import type { Lang, Settings } from './model';

type SettingKey = keyof Settings;

export const SETTING_LABELS: Readonly<Record<SettingKey, Msg>> = {
  tierMethod: { en: 'Tier method', zh: '分级方法' },
  tierCutoffs: { en: 'Tier cut-offs', zh: '分级界限' },
  revenueWindowDays: { en: 'Revenue window', zh: '销售额统计期' },
  minFollowUpAmount: { en: 'Minimum purchase for follow-up', zh: '跟进的最低购买金额' },
  postSaleSteps: { en: 'Post-sale call days', zh: '售后回访天数' },
  postSaleWindowDays: { en: 'Post-sale window', zh: '售后跟进期限' },
  contactEveryDays: { en: 'Keep-in-touch interval', zh: '保持联系间隔' },
  visitEveryDays: { en: 'Visit interval', zh: '拜访间隔' },
  thankYouWindowDays: { en: 'Thank-you draft window', zh: '感谢信期限' },
  maxFollowUpsPerDay: { en: 'Most follow-ups a day', zh: '每天最多跟进数' },
  workingDays: { en: 'Working days', zh: '工作日' },
  visitWindows: { en: 'Visit times', zh: '拜访时段' },
  visitMinutes: { en: 'Visit length', zh: '拜访时长' },
  visitLookaheadDays: { en: 'Visit look-ahead', zh: '拜访提前安排天数' },
  maxVisitsPerDay: { en: 'Most visits a day', zh: '每天最多拜访数' },
  calendarId: { en: 'Calendar ID', zh: '日历 ID' },
  nightlyHour: { en: 'Nightly run time', zh: '每晚运行时间' },
  runBudgetSeconds: { en: 'Run time budget', zh: '单次运行时限' },
  teamMode: { en: 'Team mode (only my customers)', zh: '团队模式（只处理我的客户）' },
  senderName: { en: 'Sender name (signature)', zh: '发件人姓名（署名）' },
};

function whole(min: number, max: number, unit?: { en: string; zh: string }): Msg {
  return unit
    ? { en: `a whole number of ${unit.en} from ${min} to ${max}`, zh: `${min} 到 ${max} 之间的整数${unit.zh}` }
    : { en: `a whole number from ${min} to ${max}`, zh: `${min} 到 ${max} 之间的整数` };
}

const DAYS = { en: 'days', zh: '天数' };

/** What a setting allows: the end of "<label> must be ...", and the form's hint. */
export const SETTING_RULES: Readonly<Record<SettingKey, Msg>> = {
  tierMethod: { en: 'by revenue ("revenue") or by number of customers ("count")', zh: '按销售额或按客户人数' },
  tierCutoffs: {
    en: 'two fractions a and b with 0 < a < b ≤ 1, e.g. 0.8, 0.95',
    zh: '两个小数 a 和 b，且 0 < a < b ≤ 1，例如 0.8, 0.95',
  },
  revenueWindowDays: whole(1, 3650, DAYS),
  minFollowUpAmount: { en: 'a number of at least 0', zh: '不小于 0 的数字' },
  postSaleSteps: {
    en: '1 to 10 whole days from 1 to 3650, each later than the one before, e.g. 1, 3, 7',
    zh: '1 到 10 个 1 到 3650 之间的整数天数，依次递增，例如 1, 3, 7',
  },
  postSaleWindowDays: whole(1, 3650, DAYS),
  contactEveryDays: {
    en: 'a whole number of days from 1 to 3650 for each of A, B and C',
    zh: 'A、B、C 各一个 1 到 3650 之间的整数天数',
  },
  visitEveryDays: {
    en: 'a whole number of days from 1 to 3650, or none, for each of A, B and C',
    zh: 'A、B、C 各一个 1 到 3650 之间的整数天数，或不拜访',
  },
  thankYouWindowDays: whole(0, 30, DAYS),
  maxFollowUpsPerDay: whole(1, 500),
  workingDays: { en: 'one or more days of the week', zh: '一周中的一天或几天' },
  visitWindows: {
    en: 'a start and an end time for each of A, B and C, the start before the end',
    zh: 'A、B、C 各一个开始和结束时间，开始早于结束',
  },
  visitMinutes: whole(15, 480, { en: 'minutes', zh: '分钟数' }),
  visitLookaheadDays: whole(1, 60, DAYS),
  maxVisitsPerDay: whole(1, 20),
  calendarId: {
    en: 'a calendar ID of 1 to 200 characters without spaces, e.g. primary',
    zh: '1 到 200 个字符且不含空格的日历 ID，例如 primary',
  },
  nightlyHour: { en: 'a whole hour from 0 to 23', zh: '0 到 23 之间的整点' },
  // Apps Script kills a run at 360 s; 30 s are kept for the final sheet write and log row.
  runBudgetSeconds: whole(30, 330, { en: 'seconds', zh: '秒数' }),
  teamMode: { en: 'on or off', zh: '开或关' },
  senderName: { en: 'at most 100 characters on one line', zh: '不超过 100 个字符的单行文字' },
};

const MUST: Msg = { en: '{label} must be {rule}', zh: '“{label}”必须是{rule}' };

export function settingLabel(key: SettingKey, lang: Lang): string {
  return tr(lang, SETTING_LABELS[key]);
}

/** "<label> must be <rule>" in `lang`. */
export function mustBe(key: SettingKey, lang: Lang): string {
  return tr(lang, MUST, { label: settingLabel(key, lang), rule: tr(lang, SETTING_RULES[key]) });
}

/** Rules between two settings (settings.ts, crossProblems); {a} and {b} are the two labels. */
export const CROSS: Readonly<
  Record<'stepsAfterWindow' | 'windowBeforeSteps' | 'windowsTooShort' | 'minutesTooLong', Msg>
> = {
  stepsAfterWindow: {
    en: '{a} must all be at most the {b} ({window} days), e.g. 1, 3, 7',
    zh: '“{a}”的每一天都不能超过“{b}”（{window} 天），例如 1, 3, 7',
  },
  windowBeforeSteps: {
    en: '{a} must be at least the last of the {b} ({last})',
    zh: '“{a}”不能小于“{b}”的最后一天（{last}）',
  },
  windowsTooShort: {
    en: '{a} must each be at least the {b} ({minutes} minutes) long; tier {tier} is {length} minutes',
    zh: '“{a}”的每个时间段都不能短于“{b}”（{minutes} 分钟）；{tier} 级只有 {length} 分钟',
  },
  minutesTooLong: {
    en: '{a} must fit in every visit time: at most {length} minutes (the tier {tier} time)',
    zh: '“{a}”必须能放进每个拜访时段：不超过 {length} 分钟（{tier} 级时段）',
  },
};
