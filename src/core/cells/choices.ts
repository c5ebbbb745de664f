/**
 * Cells that hold one of a few choices (Status, Type, Complaint size), in
 * English or Chinese, written however the user likes.
 */
import type { Msg } from '../i18n';
import type { ComplaintSize, ContactType, Status } from '../model';
import { fail, isBlank, ok, type Parsed } from './parsed';
import { shown } from './text';

/** Lower case, NFKC, without spaces and punctuation: 'Do not contact', 'DO-NOT-CONTACT' and 'donotcontact' are one word. */
const choiceKeys = new Map<string, string>();

export function choiceKey(s: string): string {
  // A column of choices holds a handful of distinct texts in 100,000s of cells: each is keyed once.
  let key = choiceKeys.get(s);
  if (key === undefined) {
    key = s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{Z}\p{Cf}]/gu, '');
    if (choiceKeys.size >= 10000) choiceKeys.clear();
    choiceKeys.set(s, key);
  }
  return key;
}

export function choiceTable<T>(entries: Array<[T, string[]]>): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, names] of entries) for (const name of names) table.set(choiceKey(name), value);
  return table;
}

// Besides Retain's own words, the stages CRM exports put in a Lifecycle stage
// column (HubSpot: Customer, Lead, Subscriber, Opportunity, ...): a customer
// or an evangelist is Active, the stages before a sale are Prospect.
const STATUS_TABLE = choiceTable<Status>([
  ['Active', ['Active', '活跃', '有效', 'Customer', 'Evangelist', 'Client', '成交客户', '老客户', '已成交']],
  [
    'Prospect',
    [
      'Prospect',
      '潜在',
      '意向',
      '潜在客户',
      '意向客户',
      'Lead',
      'Subscriber',
      'Opportunity',
      'Marketing qualified lead',
      'Sales qualified lead',
      'MQL',
      'SQL',
      '跟进中',
      '线索',
    ],
  ],
  ['Do not contact', ['Do not contact', '勿扰', '请勿联系', '不要联系', 'Unsubscribed', 'Do not call', '黑名单']],
  ['Lost', ['Lost', '流失', '已流失', 'Churned', 'Former customer']],
]);

const BAD_STATUS: Msg = {
  en: 'Status "{value}" is not one of Active, Prospect, Do not contact, Lost',
  zh: '状态“{value}”无效，可选：Active（活跃）、Prospect（潜在）、Do not contact（勿扰）、Lost（流失）',
};

/** `Status`: blank is Active (SPEC section 1). */
export function parseStatus(v: unknown): Parsed<Status> {
  if (isBlank(v)) return ok('Active');
  const found = typeof v === 'string' ? STATUS_TABLE.get(choiceKey(v)) : undefined;
  return found ? ok(found) : fail(BAD_STATUS, { value: shown(v) });
}

const CONTACT_TYPE_TABLE = choiceTable<ContactType>([
  ['Visit', ['Visit', '拜访', '上门', '上门拜访', '来访']],
  ['Call', ['Call', 'Phone', 'Phone call', '电话', '致电', '通话']],
  ['Email', ['Email', 'E-mail', 'Mail', '邮件', '电子邮件']],
  ['Message', ['Message', 'SMS', 'Text', 'WeChat', '消息', '短信', '微信']],
  ['Gift', ['Gift', '礼物', '送礼', '礼品']],
  ['Complaint', ['Complaint', '投诉']],
  ['Other', ['Other', '其他', '其它']],
]);

const BAD_CONTACT_TYPE: Msg = {
  en: 'Type "{value}" is not one of Visit, Call, Email, Message, Gift, Complaint, Other',
  zh: '类型“{value}”无效，可选：Visit（拜访）、Call（电话）、Email（邮件）、Message（消息）、Gift（礼物）、Complaint（投诉）、Other（其他）',
};

export function parseContactType(v: unknown): Parsed<ContactType> | null {
  if (isBlank(v)) return null;
  const found = typeof v === 'string' ? CONTACT_TYPE_TABLE.get(choiceKey(v)) : undefined;
  return found ? ok(found) : fail(BAD_CONTACT_TYPE, { value: shown(v) });
}

const COMPLAINT_SIZE_TABLE = choiceTable<ComplaintSize>([
  ['Small', ['Small', '小', '小投诉', '小问题']],
  ['Big', ['Big', 'Large', '大', '大投诉', '大问题']],
]);

const BAD_COMPLAINT_SIZE: Msg = {
  en: 'Complaint size "{value}" is not Small or Big',
  zh: '投诉大小“{value}”无效，可选：Small（小）、Big（大）',
};

export function parseComplaintSize(v: unknown): Parsed<ComplaintSize> | null {
  if (isBlank(v)) return null;
  const found = typeof v === 'string' ? COMPLAINT_SIZE_TABLE.get(choiceKey(v)) : undefined;
  return found ? ok(found) : fail(BAD_COMPLAINT_SIZE, { value: shown(v) });
}
