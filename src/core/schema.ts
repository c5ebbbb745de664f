/**
 * The workbook Retain works on (SPEC section 1): its sheets and the columns of
 * each, with the English header, the Chinese header and the other names people
 * already use. Columns are always found by header (see headers.ts), never by
 * position, so the user may order, add and keep their own columns freely.
 *
 * Field keys are the property names of the model (model.ts), so a reader can
 * map a row to a Customer/Purchase/Contact without a second table.
 *
 * `required` on a field: the sheet cannot be used without that column.
 * `managed` on a field: Retain writes it; Set up adds it (at the right) when
 * it is missing. Everything else belongs to the user and is only read.
 */
import { MORE_ALIASES } from './headerAliases';
import type { Lang } from './model';

export type SheetKey = 'customers' | 'purchases' | 'contactLog' | 'templates' | 'holidays' | 'runLog';

export interface FieldSpec {
  key: string;
  /** Header Retain writes in an English workbook. */
  en: string;
  /** Header Retain writes in a Chinese workbook. */
  zh: string;
  /** Other headers accepted when reading (besides en and zh). */
  aliases: string[];
  required?: boolean;
  managed?: boolean;
}

export interface SheetSpec {
  key: SheetKey;
  en: string;
  zh: string;
  /** A run cannot start without this sheet. */
  required: boolean;
  fields: FieldSpec[];
}

function f(
  key: string,
  en: string,
  zh: string,
  aliases: string[] = [],
  opts: { required?: boolean; managed?: boolean } = {},
): FieldSpec {
  const spec: FieldSpec = { key, en, zh, aliases };
  if (opts.required) spec.required = true;
  if (opts.managed) spec.managed = true;
  return spec;
}

const REQUIRED = { required: true };
const MANAGED = { managed: true };

/** The managed columns of Customers, in the order Set up adds them. */
const CUSTOMER_MANAGED: FieldSpec[] = [
  f('tier', 'Tier', '等级', [], MANAGED),
  f('nextFollowUp', 'Next follow-up', '下次跟进', [], MANAGED),
  f('followUp', 'Follow-up', '跟进事项', [], MANAGED),
  f('daysToDue', 'Days to due', '剩余天数', [], MANAGED),
  f('thankYouDraft', 'Thank-you draft', '感谢信', [], MANAGED),
  f('nextVisit', 'Next visit', '下次拜访', [], MANAGED),
  f('retainNotes', 'Retain notes', '提示', [], MANAGED),
];

export const SHEETS: Record<SheetKey, SheetSpec> = {
  customers: {
    key: 'customers',
    en: 'Customers',
    zh: '客户',
    required: true,
    fields: [
      // Not required: Set up adds the column and fills the IDs (C0001 ...).
      f('id', 'Customer ID', '客户编号', ['ID']),
      f('name', 'Name', '姓名', ['Customer', '客户名称'], REQUIRED),
      f('company', 'Company', '公司'),
      f('email', 'Email', '邮箱', ['E-mail']),
      f('phone', 'Phone', '电话', ['手机']),
      f('address', 'Address', '地址'),
      f('owner', 'Owner', '负责人', ['Sales rep', '销售顾问']),
      f('language', 'Language', '语言'),
      f('revenue', 'Revenue', '销售额', ['Sales']),
      f('lastPurchase', 'Last purchase', '最近购买'),
      f('lastPurchaseAmount', 'Last purchase amount', '最近购买金额'),
      f('customerSince', 'Customer since', '首次购买', ['First purchase']),
      f('birthday', 'Birthday', '生日'),
      f('lastContact', 'Last contact', '最近联系'),
      f('snoozeUntil', 'Snooze until', '暂缓至'),
      f('status', 'Status', '状态'),
      f('referredBy', 'Referred by', '介绍人'),
      ...CUSTOMER_MANAGED,
    ],
  },
  purchases: {
    key: 'purchases',
    en: 'Purchases',
    zh: '购买记录',
    required: false,
    fields: [
      f('customerId', 'Customer ID', '客户编号', ['ID'], REQUIRED),
      f('date', 'Date', '日期', [], REQUIRED),
      f('amount', 'Amount', '金额', [], REQUIRED),
      f('product', 'Product', '产品'),
      f('thankYouDraft', 'Thank-you draft', '感谢信', [], MANAGED),
    ],
  },
  contactLog: {
    key: 'contactLog',
    en: 'Contact log',
    zh: '联系记录',
    required: false,
    fields: [
      f('loggedAt', 'Logged at', '记录时间'),
      f('customerId', 'Customer ID', '客户编号', ['ID'], REQUIRED),
      f('customerName', 'Customer', '客户', ['客户名称']),
      f('date', 'Date', '日期', [], REQUIRED),
      f('type', 'Type', '类型'),
      f('by', 'By', '联系人', ['记录人']),
      f('outcome', 'Outcome', '结果'),
      f('notes', 'Notes', '备注'),
      f('nextStep', 'Next step', '下一步'),
      f('nextStepDate', 'Next step date', '下一步日期'),
      f('complaintSize', 'Complaint size', '投诉大小'),
      f('resolvedOn', 'Resolved on', '解决日期'),
    ],
  },
  templates: {
    key: 'templates',
    en: 'Templates',
    zh: '模板',
    required: false,
    fields: [
      f('key', 'Key', '键', [], REQUIRED),
      // Optional: a workbook with one language needs no Language column.
      f('language', 'Language', '语言'),
      f('subject', 'Subject', '主题', [], REQUIRED),
      f('body', 'Body', '正文', [], REQUIRED),
    ],
  },
  holidays: {
    key: 'holidays',
    en: 'Holidays',
    zh: '节假日',
    required: false,
    fields: [f('date', 'Date', '日期', [], REQUIRED), f('name', 'Name', '名称')],
  },
  runLog: {
    key: 'runLog',
    en: 'Retain log',
    zh: '运行记录',
    required: false,
    // Retain writes every column of its log.
    fields: [
      f('started', 'Started', '开始', [], MANAGED),
      f('finished', 'Finished', '结束', [], MANAGED),
      f('mode', 'Mode', '模式', [], MANAGED),
      f('customersRead', 'Customers read', '读取客户', [], MANAGED),
      f('rowsWithProblems', 'Rows with problems', '问题行', [], MANAGED),
      f('tiersChanged', 'Tiers changed', '等级变化', [], MANAGED),
      f('draftsMade', 'Drafts made', '草稿', [], MANAGED),
      f('eventsMade', 'Events made', '日程', [], MANAGED),
      f('skipped', 'Skipped', '跳过', [], MANAGED),
      f('errors', 'Errors', '错误', [], MANAGED),
      f('mustContinue', 'Continue', '需继续', [], MANAGED),
      f('overdue', 'Overdue', '逾期', [], MANAGED),
    ],
  },
};

// The headers of real exports, kept in their own file (headerAliases.ts), join each field's own aliases.
for (const [sheet, fields] of Object.entries(MORE_ALIASES))
  for (const field of SHEETS[sheet as SheetKey].fields) field.aliases.push(...(fields[field.key] ?? []));

export const SHEET_KEYS: readonly SheetKey[] = [
  'customers',
  'purchases',
  'contactLog',
  'templates',
  'holidays',
  'runLog',
];

export function headerLabel(field: FieldSpec, lang: Lang): string {
  return lang === 'zh' ? field.zh : field.en;
}

export function sheetLabel(sheet: SheetSpec, lang: Lang): string {
  return lang === 'zh' ? sheet.zh : sheet.en;
}

/** The field with this key; throws on a typo so it fails in tests, not in a user's run. */
export function fieldOf(sheet: SheetSpec, key: string): FieldSpec {
  for (const field of sheet.fields) if (field.key === key) return field;
  throw new Error(`Sheet ${sheet.en} has no field "${key}"`);
}

/** Managed fields of a sheet, in the order Set up adds them. */
export function managedFields(sheet: SheetSpec): FieldSpec[] {
  return sheet.fields.filter((field) => field.managed);
}

/** Every header a field is known by: en, zh, then the aliases. */
export function headerNames(field: FieldSpec): string[] {
  return [field.en, field.zh, ...field.aliases];
}
