/**
 * What a cell Retain cannot read costs (docs/data.md, Numbers and dates):
 * the cell is read as blank and noted, and only what needs that field is
 * left out. Each consumer asks fieldOk for the field it needs; this file
 * also says, in the note, what the problem costs.
 *
 * - Email: no draft (everything else as usual).
 * - Name (blank or unreadable), Customer ID (blank, unreadable or used by
 *   another row) and Status: no draft and no calendar event. A draft greets
 *   a person by name; an ID on two rows cannot say whose purchase or visit it
 *   is; an unreadable Status might have said Do not contact. The customer
 *   keeps its tier and follow-up columns.
 * - Revenue: no tier, left out of the tier totals, kept in touch at the C
 *   cadence (only without a Purchases sheet: with one, revenue comes from it).
 * - Dates, amounts, Language and the other text cells: treated as blank.
 * - A date in Last contact, Customer since or Birthday (with a year) later
 *   than today cannot be true yet: treated as blank too. Snooze until is
 *   meant to be in the future and is only refused when unreadable.
 */
import { tr, type Msg } from './i18n';
import type { Customer, Lang, MonthDay, RowProblem } from './model';
import type { CalDate } from './dates';

/** Does the row's `field` cell hold a value Retain could read (or nothing)? */
export function fieldOk(r: Pick<Customer, 'cellProblems'>, field: string): boolean {
  const list = r.cellProblems;
  if (list === undefined) return true;
  for (let i = 0; i < list.length; i++) if (list[i].field === field) return false;
  return true;
}

/** Fields without which no draft is made for the customer. */
const DRAFT_NEEDS = ['email', 'name', 'id', 'status'] as const;
/** Fields without which no calendar event is made for the customer. */
const EVENT_NEEDS = ['name', 'id', 'status'] as const;

/** The problem of the first field among `needs` whose cell has one, or null. */
function firstBad(c: Customer, needs: readonly string[]): RowProblem | null {
  const list = c.cellProblems;
  if (list === undefined) return null;
  for (const f of needs) for (const p of list) if (p.field === f) return p;
  return null;
}

/** The problem of the customer's own cells that stops its thank-you drafts, or null. */
export function draftBlockedBy(c: Customer): RowProblem | null {
  return firstBad(c, DRAFT_NEEDS);
}

/** The problem of the customer's own cells that stops its calendar events, or null. */
export function eventBlockedBy(c: Customer): RowProblem | null {
  return firstBad(c, EVENT_NEEDS);
}

const COST: Record<string, Msg> = {
  email: { en: 'no thank-you draft', zh: '不创建感谢信草稿' },
  name: { en: 'no draft or visit event', zh: '不创建草稿或拜访日程' },
  id: { en: 'no draft or visit event until it is fixed', zh: '修正前不创建草稿或拜访日程' },
  status: {
    en: 'read as Active, but no draft or visit event until it is fixed',
    zh: '按“活跃”处理，修正前不创建草稿或拜访日程',
  },
  revenue: { en: 'no tier; kept in touch at the C cadence', zh: '不分级；按 C 级频率保持联系' },
  revenueUnused: { en: 'ignored (revenue comes from Purchases)', zh: '已忽略（销售额取自购买记录）' },
  blank: { en: 'treated as blank', zh: '按空白处理' },
};

const FUTURE: Msg = {
  en: '{column} {date} is in the future: treated as blank',
  zh: '{column}{date}晚于今天：按空白处理',
};

/** What a problem in `field` costs, for the note: 'no thank-you draft', 'treated as blank' ... */
export function problemCost(field: string | undefined, lang: Lang, hasPurchases: boolean): string {
  const key =
    field === 'revenue' && hasPurchases ? 'revenueUnused' : field !== undefined && COST[field] ? field : 'blank';
  return tr(lang, COST[key]);
}

/** A note: the problem, then what it costs ('Email "bob@" is not valid: no thank-you draft'). */
export function problemNote(message: string, field: string | undefined, lang: Lang, hasPurchases: boolean): string {
  return `${message}${lang === 'zh' ? '：' : ': '}${problemCost(field, lang, hasPurchases)}`;
}

function birthdayDate(b: MonthDay): CalDate | null {
  if (b.year === undefined) return null;
  return `${String(b.year).padStart(4, '0')}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`;
}

/**
 * The customer as the rules may read it: Last contact, Customer since and a
 * Birthday with a year that lie after today made blank, each with a note
 * naming the column (its header from `header`). The customer itself when
 * none does (nearly always: no copy).
 */
export function withoutFutureDates(
  c: Customer,
  today: CalDate,
  lang: Lang,
  header: (field: string) => string,
): { customer: Customer; notes: string[] | null } {
  // Most birthdays have no year, or one long past: no date text is made for them.
  const b = c.birthday;
  const birthday = b === null || b.year === undefined || b.year < Number(today.slice(0, 4)) ? null : birthdayDate(b);
  const futureContact = c.lastContact !== null && c.lastContact > today;
  const futureSince = c.customerSince !== null && c.customerSince > today;
  const futureBirthday = birthday !== null && birthday > today;
  if (!futureContact && !futureSince && !futureBirthday) return { customer: c, notes: null };
  const customer: Customer = { ...c };
  const notes: string[] = [];
  const note = (field: string, date: CalDate) => notes.push(tr(lang, FUTURE, { column: header(field), date }));
  if (futureContact) {
    note('lastContact', c.lastContact as CalDate);
    customer.lastContact = null;
  }
  if (futureSince) {
    note('customerSince', c.customerSince as CalDate);
    customer.customerSince = null;
  }
  if (futureBirthday) {
    note('birthday', birthday as CalDate);
    customer.birthday = null;
  }
  return { customer, notes };
}
