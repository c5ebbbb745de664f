/**
 * Every word the sidebar shows, in English and Chinese. The language comes
 * from SidebarData.lang (the user's locale, decided by the server); until that
 * answer arrives the browser's language is a good enough guess for "Loading…".
 *
 * The compiler insists every message has both languages (`Record<Lang, string>`).
 */
import type { ApiLang } from '../src/shared/api';

type Msg = Record<ApiLang, string>;
type Vars = Record<string, string | number>;

const MESSAGES = {
  'app.title': { en: 'Retain', zh: 'Retain 老客户维护' },
  'app.loading': { en: 'Loading…', zh: '正在加载…' },
  'app.retry': { en: 'Try again', zh: '重试' },
  'app.problems': { en: 'Retain needs your attention', zh: 'Retain 需要您处理以下问题' },
  'error.server': { en: 'Something went wrong: {msg}', zh: '出错了：{msg}' },
  'error.unknown': { en: 'The server did not answer. Please try again.', zh: '服务器没有响应，请重试。' },
  'error.noGoogle': {
    en: 'This page only works inside Google Sheets. Open it from the Retain menu.',
    zh: '此页面只能在 Google 表格中使用，请从 Retain 菜单打开。',
  },

  'tabs.label': { en: 'Retain sections', zh: 'Retain 功能' },
  'tabs.log': { en: 'Log', zh: '记录' },
  'tabs.due': { en: 'Due', zh: '待跟进' },
  'tabs.settings': { en: 'Settings', zh: '设置' },

  'log.heading': { en: 'Log a contact', zh: '记录一次联系' },
  'log.customer': { en: 'Customer', zh: '客户' },
  'log.search.placeholder': { en: 'Search name, company or email', zh: '搜索姓名、公司或邮箱' },
  'log.search.none': { en: 'No customer matches “{q}”.', zh: '没有与“{q}”匹配的客户。' },
  'log.search.more': {
    en: 'Showing {shown} of {total}. Keep typing to narrow the list.',
    zh: '共 {total} 个，显示前 {shown} 个。继续输入可缩小范围。',
  },
  'log.search.count': { en: '{n} customers found', zh: '找到 {n} 位客户' },
  'log.search.empty': { en: 'There are no customers yet.', zh: '还没有客户。' },
  'log.allSelected': { en: 'Log for all {n} selected customers', zh: '为选中的 {n} 位客户一起记录' },
  'log.pick.empty': {
    en: 'Save is off: no customer is chosen. Search and pick one from the list.',
    zh: '无法保存：尚未选择客户。请搜索并从列表中选择。',
  },
  'log.pick.unpicked': {
    en: 'Save is off: “{q}” is typed, not picked. Choose the customer from the list.',
    zh: '无法保存：“{q}”只是输入的文字，尚未选择客户。请从列表中选择。',
  },
  'log.by': { en: 'By', zh: '记录人' },
  'log.by.hint': {
    en: 'Your name or email, for the By column of the Contact log.',
    zh: '您的姓名或邮箱，写入联系记录的“记录人”列。',
  },
  'log.byLine': { en: 'Logged by {by}', zh: '记录人：{by}' },
  'log.date': { en: 'Date', zh: '日期' },
  'log.type': { en: 'Type', zh: '类型' },
  'log.outcome': { en: 'Outcome', zh: '结果' },
  'log.notes': { en: 'Notes', zh: '备注' },
  'log.notes.hint': { en: 'Ctrl+Enter saves.', zh: '按 Ctrl+Enter 保存。' },
  'log.nextStep': { en: 'Next step', zh: '下一步' },
  'log.nextStepDate': { en: 'Next step date', zh: '下一步日期' },
  'log.complaintSize': { en: 'Complaint size', zh: '投诉大小' },
  'log.resolvedOn': { en: 'Resolved on', zh: '解决日期' },
  'log.resolvedOn.hint': { en: 'Leave empty while the complaint is open.', zh: '投诉未解决时请留空。' },
  'log.save': { en: 'Save', zh: '保存' },
  'log.saving': { en: 'Saving…', zh: '正在保存…' },
  'log.saved': { en: 'Logged for {names}.', zh: '已为{names}记录。' },
  'log.fix': { en: 'Nothing was saved. Please fix the marked fields.', zh: '未保存，请修改标出的字段。' },
  'log.cardHeading': { en: 'Customer card', zh: '客户卡片' },
  'log.cardLoading': { en: 'Loading the customer card…', zh: '正在加载客户卡片…' },
  'log.openedFromDue': { en: 'Chosen from the Due tab: {name}', zh: '已从待跟进选择：{name}' },
  'log.openedComplaint': {
    en: 'Chosen from the Due tab: {name}, open complaint. Fill in “Resolved on” once it is solved.',
    zh: '已从待跟进选择：{name}（未解决的投诉）。解决后请填写“解决日期”。',
  },
  'log.selectFailed': { en: 'Could not select the row in the sheet: {msg}', zh: '无法在表格中选中该行：{msg}' },

  'type.Visit': { en: 'Visit', zh: '拜访' },
  'type.Call': { en: 'Call', zh: '电话' },
  'type.Email': { en: 'Email', zh: '邮件' },
  'type.Message': { en: 'Message', zh: '消息' },
  'type.Gift': { en: 'Gift', zh: '礼品' },
  'type.Complaint': { en: 'Complaint', zh: '投诉' },
  'type.Other': { en: 'Other', zh: '其他' },
  'size.Small': { en: 'Small (solve today)', zh: '小（当天解决）' },
  'size.Big': { en: 'Big (3 working days)', zh: '大（3 个工作日内）' },

  'status.Active': { en: 'Active', zh: '活跃' },
  'status.Prospect': { en: 'Prospect', zh: '意向客户' },
  'status.Do not contact': { en: 'Do not contact', zh: '勿联系' },
  'status.Lost': { en: 'Lost', zh: '已流失' },

  'tier.badge': { en: 'Tier {tier}', zh: '{tier} 类' },
  'tier.none': { en: 'No tier', zh: '未分级' },
  'card.revenue': { en: 'Revenue', zh: '销售额' },
  'card.lastPurchase': { en: 'Last purchase', zh: '最近购买' },
  'card.lastContact': { en: 'Last contact', zh: '最近联系' },
  'card.status': { en: 'Status', zh: '状态' },
  'card.none': { en: '—', zh: '—' },
  'card.due': { en: 'What is due', zh: '待跟进事项' },
  'card.nothingDue': { en: 'Nothing is due.', zh: '暂无待跟进事项。' },
  'card.lastContacts': { en: 'Last contacts', zh: '最近联系记录' },
  'card.noContacts': { en: 'No contact logged yet.', zh: '还没有联系记录。' },
  'card.openComplaints': { en: 'Open complaints: {n}', zh: '未解决投诉：{n}' },
  'card.notes': { en: 'Notes', zh: '提示' },
  'card.by': { en: 'by {by}', zh: '记录人：{by}' },
  'card.nextStep': { en: 'Next: {step}', zh: '下一步：{step}' },
  'card.nextStepOn': { en: 'Next: {step} ({date})', zh: '下一步：{step}（{date}）' },

  'days.overdue': { en: 'Overdue by {n} days', zh: '已逾期 {n} 天' },
  'days.overdue1': { en: 'Overdue by 1 day', zh: '已逾期 1 天' },
  'days.today': { en: 'Due today', zh: '今天到期' },
  'days.tomorrow': { en: 'Due tomorrow', zh: '明天到期' },
  'days.in': { en: 'Due in {n} days', zh: '{n} 天后到期' },

  'due.heading': { en: 'Due today and overdue', zh: '今天到期和已逾期' },
  'due.refresh': { en: 'Refresh', zh: '刷新' },
  'due.loading': { en: 'Loading what is due…', zh: '正在加载待跟进事项…' },
  'due.empty': { en: 'Nothing is due today. Well done.', zh: '今天没有需要跟进的客户。' },
  'due.groupCount': { en: '{label}, {n} items', zh: '{label}，{n} 项' },
  'due.total': { en: '{n} follow-ups in {g} groups.', zh: '共 {n} 项，分 {g} 组。' },
  'due.opening': { en: 'Opening…', zh: '正在打开…' },
  'due.hint': { en: 'Choose a customer to select the row and log a contact.', zh: '点击客户即可选中该行并记录联系。' },

  'settings.heading': { en: 'Settings', zh: '设置' },
  'settings.loading': { en: 'Loading settings…', zh: '正在加载设置…' },
  'settings.save': { en: 'Save settings', zh: '保存设置' },
  'settings.saving': { en: 'Saving…', zh: '正在保存…' },
  'settings.saved': { en: 'Settings saved.', zh: '设置已保存。' },
  'settings.fix': { en: 'Nothing was saved. Please fix the marked settings.', zh: '未保存，请修改标出的设置。' },
  'settings.from': { en: '{tier}: from', zh: '{tier}：开始' },
  'settings.to': { en: '{tier}: to', zh: '{tier}：结束' },
  'settings.none': { en: '{tier}: {none}', zh: '{tier}：{none}' },

  'columns.heading': { en: 'Columns', zh: '列' },
  'columns.intro': {
    en: 'Retain finds columns by their header. For a field it did not find, choose the column that holds it.',
    zh: 'Retain 按表头查找列。对于未找到的字段，请选择包含它的列。',
  },
  'columns.loading': { en: 'Reading the headers…', zh: '正在读取表头…' },
  'columns.sheet': { en: '{name} (headers in row {row})', zh: '{name}（表头在第 {row} 行）' },
  'columns.found': { en: 'Read from', zh: '已读取' },
  'columns.foundLine': { en: '{field}: {header}', zh: '{field}：{header}' },
  'columns.all': { en: 'Retain found every column it reads.', zh: 'Retain 已找到所需的全部列。' },
  'columns.none': { en: 'Not in this sheet', zh: '本表中没有' },
  'columns.near': { en: '{header} (nearest)', zh: '{header}（最接近）' },
  'columns.required': { en: '{field} (required)', zh: '{field}（必需）' },
  'columns.gone': {
    en: '“{header}” is no longer a column of this sheet: choose again.',
    zh: '“{header}”已不在本表中：请重新选择。',
  },
  'columns.save': { en: 'Save columns', zh: '保存列' },
  'columns.saved': { en: 'Columns saved. The next run reads them.', zh: '列已保存，下次运行将按此读取。' },
  'columns.nothing': { en: 'There is no sheet to choose columns in yet.', zh: '还没有可选择列的工作表。' },

  'trigger.heading': { en: 'Nightly run', zh: '每晚自动运行' },
  'trigger.on': { en: 'Runs every night at {hour}:00 ({tz}).', zh: '每晚 {hour}:00 运行（{tz}）。' },
  'trigger.off': { en: 'Not scheduled.', zh: '尚未安排。' },
  'trigger.schedule': { en: 'Schedule', zh: '安排' },
  'trigger.reschedule': { en: 'Reschedule', zh: '重新安排' },
  'trigger.stop': { en: 'Stop', zh: '停止' },
  'trigger.working': { en: 'Working…', zh: '正在处理…' },

  'preview.heading': { en: 'Preview tonight’s run', zh: '预览今晚的运行' },
  'preview.hint': {
    en: 'Shows what tonight’s run would do. Nothing is made or written.',
    zh: '显示今晚运行会做什么，不会创建或写入任何内容。',
  },
  'preview.button': { en: 'Preview tonight’s run', zh: '预览今晚的运行' },
  'preview.loading': { en: 'Working out tonight’s run…', zh: '正在计算今晚的运行…' },
  'preview.for': { en: 'For {date}', zh: '日期：{date}' },
  'preview.due': { en: 'Due', zh: '到期' },
  'preview.drafts': { en: 'Thank-you drafts ({n})', zh: '感谢信草稿（{n}）' },
  'preview.visits': { en: 'Visits ({n})', zh: '拜访（{n}）' },
  'preview.skipped': { en: 'Skipped ({n})', zh: '跳过（{n}）' },
  'preview.problems': { en: 'Problems ({n})', zh: '问题（{n}）' },
  'preview.none': { en: 'None.', zh: '无。' },
  'preview.more': { en: '…and {n} more', zh: '……另有 {n} 项' },
  'preview.visitLine': { en: '{date} · Tier {tier}', zh: '{date} · {tier} 类' },
} satisfies Record<string, Msg>;

export type MsgKey = keyof typeof MESSAGES;

let current: ApiLang = guessLang(typeof navigator !== 'undefined' ? navigator.language : '');

/** 'zh', 'zh-CN', 'zh_TW' -> 'zh'; anything else -> 'en'. */
export function guessLang(locale: string | null | undefined): ApiLang {
  return typeof locale === 'string' && /^zh(?:$|[-_])/i.test(locale.trim()) ? 'zh' : 'en';
}

export function setLang(lang: ApiLang): void {
  current = lang === 'zh' ? 'zh' : 'en';
  if (typeof document !== 'undefined') document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

/** The message in the current language, `{name}` placeholders filled in one pass (a value containing `{x}` is not expanded again). */
export function t(key: MsgKey, vars?: Vars): string {
  const text = MESSAGES[key][current];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** A translated label for a value the server sends in English (contact type, status), or the value itself if unknown. */
export function label(prefix: 'type' | 'status' | 'size', value: string): string {
  const key = `${prefix}.${value}`;
  return Object.prototype.hasOwnProperty.call(MESSAGES, key) ? t(key as MsgKey) : value;
}

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_DAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * 'YYYY-MM-DD' (optionally followed by a time) -> 'Mon 16 Nov 2026' or
 * '2026年11月16日 周一'. Calendar dates are computed in UTC so the browser's
 * own time zone can never shift them by a day. Anything else is shown as is.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  if (Number.isNaN(wd) || mo < 1 || mo > 12) return iso;
  const time = m[4] ? ` ${m[4]}:${m[5]}` : '';
  return current === 'zh'
    ? `${y}年${mo}月${d}日 ${ZH_DAYS[wd]}${time}`
    : `${EN_DAYS[wd]} ${d} ${EN_MONTHS[mo - 1]} ${y}${time}`;
}

/** The short name of weekday `d` (0 = Sunday ... 6 = Saturday). */
export function dayName(d: number): string {
  return (current === 'zh' ? ZH_DAYS : EN_DAYS)[d] ?? String(d);
}

/** 1234567.5 -> '1,234,567.5' (both languages group by thousands). */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  try {
    return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);
  } catch {
    return String(n);
  }
}

/** Days to due in words: the word carries the meaning, the colour only helps. */
export function daysText(days: number): string {
  if (days < -1) return t('days.overdue', { n: formatNumber(-days) });
  if (days === -1) return t('days.overdue1');
  if (days === 0) return t('days.today');
  if (days === 1) return t('days.tomorrow');
  return t('days.in', { n: formatNumber(days) });
}

/** A list of names joined the way the language joins them. */
export function joinNames(names: string[]): string {
  return names.join(current === 'zh' ? '、' : ', ');
}
