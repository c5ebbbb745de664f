/**
 * The words of the `Retain dashboard` sheet (总览) and of demo-out/dashboard.html:
 * titles, column headers and category names, English and Chinese.
 */
import type { Msg } from './i18n';

/** Due kinds in the order the dashboard lists them (docs/rules.md, Which item is shown). */
export const DUE_KIND_ORDER: readonly string[] = [
  'complaint',
  'complaint-feedback',
  'thank-you',
  'post-sale-call',
  'referral-thanks',
  'help-thanks',
  'birthday',
  'anniversary',
  'holiday',
  'occasion',
  'next-step',
  'win-back',
  'visit',
  'recurring',
];

export const KIND_NAMES: Readonly<Record<string, Msg>> = {
  complaint: { en: 'Open complaints', zh: '未解决的投诉' },
  'complaint-feedback': { en: 'Feedback after a complaint', zh: '投诉解决后回访' },
  'thank-you': { en: 'Thank-you calls', zh: '感谢电话' },
  'post-sale-call': { en: 'Post-sale calls', zh: '售后回访' },
  'referral-thanks': { en: 'Referral thanks', zh: '感谢介绍' },
  'help-thanks': { en: 'Thanks for help', zh: '感谢帮助' },
  birthday: { en: 'Birthdays', zh: '生日' },
  anniversary: { en: 'Anniversaries', zh: '周年' },
  holiday: { en: 'Holiday greetings', zh: '节日问候' },
  occasion: { en: 'Occasions', zh: '特别日子' },
  'next-step': { en: 'Next steps', zh: '下一步' },
  'win-back': { en: 'Win-back calls', zh: '挽回电话' },
  visit: { en: 'Visits', zh: '拜访' },
  recurring: { en: 'Keep in touch', zh: '保持联系' },
};

/** Contact types in the Contact log (docs/data.md, Headers), Other last: every unknown or blank type counts there. */
export const CONTACT_TYPE_ORDER: readonly string[] = [
  'Visit',
  'Meeting',
  'Call',
  'Message',
  'Email',
  'Gift',
  'Complaint',
  'Help',
  'Other',
];

export const CONTACT_TYPE_NAMES: Readonly<Record<string, Msg>> = {
  Visit: { en: 'Visit', zh: '拜访' },
  Meeting: { en: 'Meeting', zh: '会面' },
  Call: { en: 'Call', zh: '电话' },
  Message: { en: 'Message', zh: '消息' },
  Email: { en: 'Email', zh: '邮件' },
  Gift: { en: 'Gift', zh: '礼物' },
  Complaint: { en: 'Complaint', zh: '投诉' },
  Help: { en: 'Help', zh: '帮助' },
  Other: { en: 'Other', zh: '其他' },
};

export const L = {
  title: { en: 'Retain dashboard', zh: '总览' },
  subtitle: { en: 'As of {date}', zh: '截至 {date}' },
  tier: { en: 'Tier', zh: '等级' },
  noTier: { en: 'No tier', zh: '无等级' },
  customers: { en: 'Customers', zh: '客户数' },
  revenue: { en: 'Revenue', zh: '销售额' },
  reason: { en: 'Reason', zh: '事项' },
  dueToday: { en: 'Due today', zh: '今天到期' },
  overdue: { en: 'Overdue', zh: '已逾期' },
  date: { en: 'Date', zh: '日期' },
  week: { en: 'Week of', zh: '周（起）' },
  id: { en: 'Customer ID', zh: '客户编号' },
  name: { en: 'Name', zh: '姓名' },
  atStake: { en: 'Revenue at stake (a year)', zh: '涉及销售额（一年）' },
  daysSince: { en: 'Days since last purchase', zh: '距上次购买天数' },
  usualGap: { en: 'Usually every (days)', zh: '通常间隔（天）' },
  why: { en: 'Why', zh: '原因' },
  tiersTitle: { en: 'Customers and revenue by tier', zh: '各等级客户数与销售额' },
  tiersCustomersChart: { en: 'Customers by tier', zh: '各等级客户数' },
  tiersRevenueChart: { en: 'Revenue by tier', zh: '各等级销售额' },
  byReasonTitle: { en: 'Due today and overdue, by reason', zh: '今天到期与逾期事项（按事项）' },
  byTierTitle: { en: 'Due today and overdue, by tier', zh: '今天到期与逾期事项（按等级）' },
  trendTitle: { en: 'Overdue items, last 8 weeks', zh: '逾期事项（近8周）' },
  contactsTitle: { en: 'Contacts per week, last 12 weeks', zh: '每周联系次数（近12周）' },
  slippingTitle: {
    en: 'Slipping away: the 20 with the most revenue at stake',
    zh: '正在流失：涉及销售额最高的20位客户',
  },
  backtestTitle: { en: 'Backtest: was the slipping-away flag right?', zh: '回测：流失提醒准不准？' },
  rule: { en: 'Rule', zh: '规则' },
  ruleRhythm: { en: 'Slipping away (own rhythm)', zh: '正在流失（按各自节奏）' },
  ruleNaive: { en: 'No purchase in {days} days', zh: '{days}天未购买' },
  flagged: { en: 'Flagged', zh: '提醒' },
  flaggedBack: { en: 'Flagged, bought again', zh: '提醒后又购买' },
  unflagged: { en: 'Not flagged', zh: '未提醒' },
  unflaggedBack: { en: 'Not flagged, bought again', zh: '未提醒且又购买' },
  precision: { en: 'Precision', zh: '准确率' },
  lift: { en: 'Lift', zh: '提升度' },
  recall: { en: 'Caught', zh: '覆盖率' },
  figCustomers: { en: 'Customers', zh: '客户' },
  figRevenue: { en: 'Revenue', zh: '销售额' },
  figDueToday: { en: 'Due today', zh: '今天到期' },
  figOverdue: { en: 'Overdue', zh: '已逾期' },
  figSlipping: { en: 'Slipping away', zh: '正在流失' },
  figAtStake: { en: 'Revenue at stake', zh: '涉及销售额' },
  figDrafts: { en: 'Drafts this week', zh: '本周草稿' },
  figVisits: { en: 'Visits this week', zh: '本周拜访' },
} satisfies Record<string, Msg>;
