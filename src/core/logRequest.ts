/**
 * Checking a "log a contact" request from the sidebar (docs/architecture.md,
 * A sidebar save). Everything the browser sends is checked here: types,
 * lengths, dates, that the customers exist; the answer is the clean request
 * or the messages by form field, in the user's language. Pure: the server
 * passes today and a lookup of the known customer IDs.
 */
import { checkedBy } from './contactBy';
import { isCalDate, type CalDate } from './dates';
import { tr, type Msg } from './i18n';
import { CONTACT_TYPES, type ComplaintSize, type ContactType, type Lang } from './model';

/** Most customers one request may log at once (the selected rows). */
export const MAX_SELECTED = 200;
const MAX_TEXT = 5000;
const MAX_SHORT = 500;

/** The request, as the sidebar's contract types it (LogContactRequest of SidebarApi). */
export interface ContactRequest {
  customerIds: string[];
  date: string;
  type: ContactType;
  outcome: string;
  notes: string;
  nextStep: string;
  nextStepDate: string;
  complaintSize: '' | ComplaintSize;
  resolvedOn: string;
  /** Who made the contact; '' = the user (the server fills in their address). */
  by?: string;
}

export type ContactField = keyof ContactRequest | 'form';

const ERR = {
  customers: { en: 'Choose a customer.', zh: '请选择客户。' },
  tooMany: { en: 'At most {n} customers at once.', zh: '一次最多 {n} 位客户。' },
  unknown: { en: 'Customer {id} was not found: reload the sidebar.', zh: '找不到客户 {id}：请重新打开侧边栏。' },
  date: { en: 'Enter a date as YYYY-MM-DD.', zh: '请输入日期（YYYY-MM-DD）。' },
  future: { en: 'The date cannot be after today ({today}).', zh: '日期不能晚于今天（{today}）。' },
  type: { en: 'Choose one of: {types}.', zh: '请选择：{types}。' },
  text: { en: 'At most {n} characters.', zh: '最多 {n} 个字符。' },
  nextStepDate: {
    en: 'Enter the next step date as YYYY-MM-DD, on or after the contact date.',
    zh: '请输入下一步日期（YYYY-MM-DD），且不早于联系日期。',
  },
  complaintSize: { en: 'Choose Small or Big.', zh: '请选择“小”或“大”。' },
  resolvedOn: {
    en: 'Enter the resolution date as YYYY-MM-DD, on or after the complaint date.',
    zh: '请输入解决日期（YYYY-MM-DD），且不早于投诉日期。',
  },
} satisfies Record<string, Msg>;

const FIELDS: ReadonlyArray<keyof ContactRequest> = [
  'customerIds',
  'date',
  'type',
  'outcome',
  'notes',
  'nextStep',
  'nextStepDate',
  'complaintSize',
  'resolvedOn',
  'by',
];

/** A text field: '' for absent, null for anything that is not a string. */
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : null;
}

/** Only the request's own fields count: a `__proto__` key must not smuggle values in. */
function ownFields(req: unknown): Record<string, unknown> {
  const src = req && typeof req === 'object' && !Array.isArray(req) ? (req as Record<string, unknown>) : {};
  const r: Record<string, unknown> = {};
  for (const k of FIELDS) if (Object.prototype.hasOwnProperty.call(src, k)) r[k] = src[k];
  return r;
}

interface Check {
  lang: Lang;
  today: CalDate;
  known: (id: string) => boolean;
}

function checkCustomers(
  r: Record<string, unknown>,
  ctx: Check,
  errors: Partial<Record<ContactField, string>>,
): string[] {
  const ids = Array.isArray(r.customerIds)
    ? r.customerIds
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
  if (ids.length === 0) errors.customerIds = tr(ctx.lang, ERR.customers);
  else if (ids.length > MAX_SELECTED) errors.customerIds = tr(ctx.lang, ERR.tooMany, { n: MAX_SELECTED });
  else {
    const bad = ids.find((id) => id.length > 100 || !ctx.known(id));
    if (bad) errors.customerIds = tr(ctx.lang, ERR.unknown, { id: bad.slice(0, 100) });
  }
  return ids;
}

function checkTexts(r: Record<string, unknown>, lang: Lang, errors: Partial<Record<ContactField, string>>) {
  const texts: Array<[keyof ContactRequest, number]> = [
    ['outcome', MAX_SHORT],
    ['notes', MAX_TEXT],
    ['nextStep', MAX_SHORT],
  ];
  const clean: Record<string, string> = {};
  for (const [k, max] of texts) {
    const v = str(r[k]);
    if (v === null || v.length > max) errors[k] = tr(lang, ERR.text, { n: max });
    else clean[k] = v;
  }
  return clean;
}

/** The complaint's fields: a size only for a complaint, a resolution date between the complaint and today. */
function checkComplaint(
  r: Record<string, unknown>,
  type: string,
  date: string,
  ctx: Check,
  errors: Partial<Record<ContactField, string>>,
) {
  const complaintSize = str(r.complaintSize) ?? null;
  if (
    complaintSize === null ||
    !['', 'Small', 'Big'].includes(complaintSize) ||
    (type !== 'Complaint' && complaintSize !== '')
  )
    errors.complaintSize = tr(ctx.lang, ERR.complaintSize);
  const resolvedOn = str(r.resolvedOn)?.trim() ?? null;
  if (
    resolvedOn === null ||
    (resolvedOn !== '' &&
      (type !== 'Complaint' ||
        !isCalDate(resolvedOn) ||
        (isCalDate(date) && resolvedOn < date) ||
        resolvedOn > ctx.today))
  )
    errors.resolvedOn = tr(ctx.lang, ERR.resolvedOn);
  return { complaintSize, resolvedOn };
}

/** Checks every field of a log request; returns the clean values or the errors by field. */
export function validateLogRequest(
  req: unknown,
  ctx: Check,
): { ok: true; value: ContactRequest } | { ok: false; errors: Partial<Record<ContactField, string>> } {
  const { lang } = ctx;
  const r = ownFields(req);
  const errors: Partial<Record<ContactField, string>> = {};
  const ids = checkCustomers(r, ctx, errors);
  const date = str(r.date)?.trim() ?? '';
  if (!isCalDate(date)) errors.date = tr(lang, ERR.date);
  else if (date > ctx.today) errors.date = tr(lang, ERR.future, { today: ctx.today });
  const type = str(r.type) ?? '';
  if (!(CONTACT_TYPES as readonly string[]).includes(type))
    errors.type = tr(lang, ERR.type, { types: CONTACT_TYPES.join(', ') });
  const clean = checkTexts(r, lang, errors);
  const nextStepDate = str(r.nextStepDate)?.trim() ?? null;
  if (
    nextStepDate === null ||
    (nextStepDate !== '' && (!isCalDate(nextStepDate) || (isCalDate(date) && nextStepDate < date)))
  )
    errors.nextStepDate = tr(lang, ERR.nextStepDate);
  const { complaintSize, resolvedOn } = checkComplaint(r, type, date, ctx, errors);
  const by = checkedBy(r.by, lang);
  if (!by.ok) errors.by = by.message;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      customerIds: Array.from(new Set(ids)),
      date,
      type: type as ContactType,
      outcome: clean.outcome,
      notes: clean.notes,
      nextStep: clean.nextStep,
      nextStepDate: nextStepDate as string,
      complaintSize: (type === 'Complaint' ? complaintSize || 'Small' : '') as ContactRequest['complaintSize'],
      resolvedOn: resolvedOn as string,
      by: by.ok ? by.value : '',
    },
  };
}
