/**
 * What a visit's calendar entry says (docs/rules.md, Visits).
 *
 * The description is plain text (Calendar shows it as text on every device,
 * and customer text must never become markup): what the person needs in the
 * car before walking in - the tier, the last purchase, the last contact and
 * its notes, open complaints, the visit checklist of the playbook (拜访前准备
 * and what to learn while there), the phone and a link back to the
 * customer's row. All of it comes from the plan's customer facts
 * (customerFacts.ts), the same the follow-up rules read.
 *
 * The Events resource carries the idempotency key in a private extended
 * property, so a rerun finds the event it already made (docs/platform.md,
 * Calendar) and never invites anyone: the visit is in the salesperson's
 * calendar, the customer is not told by Retain.
 */
import { formatAmount } from './amount';
import type { CustomerFacts } from './customerFacts';
import { isCalDate, addDays, type CalDate } from './dates';
import { tr, type Msg } from './i18n';
import type { Customer, Lang, Tier } from './model';
import { hhmmToMinutes, minutesToHhmm } from './visitSlots';

export interface VisitFacts {
  customer: { id: string; name: string; company: string; address: string; phone: string; email: string };
  tier: Tier;
  lastPurchase: CalDate | null;
  lastPurchaseAmount: number | null;
  lastPurchaseProduct?: string;
  lastContact: CalDate | null;
  lastContactNotes?: string;
  openComplaints: Array<{ date: CalDate; size: 'Small' | 'Big'; notes: string }>;
  rowUrl: string;
  dueDate: CalDate;
}

export interface EventDateTime {
  /** Local wall-clock time without offset, read in `timeZone`: '2026-11-17T09:00:00'. */
  dateTime: string;
  timeZone: string;
}

/** The part of a Calendar API v3 Events resource Retain writes. */
export interface VisitEventResource {
  summary: string;
  location?: string;
  description: string;
  start: EventDateTime;
  end: EventDateTime;
  extendedProperties: { private: { retainKey: string; retainSheet: string; retainCustomer: string } };
  reminders: { useDefault: boolean };
}

/**
 * What the description says of one customer, from the plan's facts: the last
 * purchase (the last row of the last day), the last contact (the later of the
 * `Last contact` cell and the log) with the notes of the last logged contact
 * when it is that day's, and the open complaints with their notes.
 */
export function visitFactsOf(
  c: Customer,
  f: CustomerFacts,
  visit: { tier: Tier; due: CalDate },
  rowUrl: string,
): VisitFacts {
  const lastPurchase = f.purchases.length > 0 ? f.purchases[f.purchases.length - 1] : null;
  const lastLogged = f.contacts.length > 0 ? f.contacts[f.contacts.length - 1] : null;
  const notesOf = new Map<number, string>();
  if (f.openComplaints.length > 0) for (const k of f.contacts) notesOf.set(k.row, k.notes);
  return {
    customer: { id: c.id, name: c.name, company: c.company, address: c.address, phone: c.phone, email: c.email },
    tier: visit.tier,
    lastPurchase: f.lastPurchase,
    lastPurchaseAmount: f.lastPurchaseAmount,
    lastPurchaseProduct: lastPurchase && lastPurchase.product !== '' ? lastPurchase.product : undefined,
    lastContact: f.lastContact,
    lastContactNotes:
      lastLogged && lastLogged.date === f.lastContact
        ? [lastLogged.type, lastLogged.outcome, lastLogged.notes].filter(Boolean).join(' · ')
        : undefined,
    openComplaints: f.openComplaints.map((k) => ({ date: k.date, size: k.size, notes: notesOf.get(k.row) ?? '' })),
    rowUrl,
    dueDate: visit.due,
  };
}

/** Notes longer than this are cut: a description is read on a phone before a visit, and Calendar limits its size. */
export const MAX_NOTE_CHARS = 500;
/** More open complaints than this are summarised as "... and N more": the sheet has them all. */
export const MAX_COMPLAINTS_LISTED = 10;

const BULLET = '• ';
const INDENT = '    ';

const M = {
  titleSep: { en: 'Visit: ', zh: '拜访：' },
  tier: { en: 'Tier: {tier}', zh: '客户等级：{tier}' },
  due: { en: 'Visit due: {date}', zh: '应拜访日期：{date}' },
  lastPurchase: { en: 'Last purchase: {what}', zh: '最近购买：{what}' },
  lastContact: { en: 'Last contact: {what}', zh: '最近联系：{what}' },
  notes: { en: 'Notes: {notes}', zh: '备注：{notes}' },
  none: { en: 'none', zh: '无' },
  complaintsNone: { en: 'Open complaints: none', zh: '未解决的投诉：无' },
  complaints: { en: 'Open complaints ({n}):', zh: '未解决的投诉（{n}）：' },
  complaintsMore: { en: '… and {n} more', zh: '……另有 {n} 条' },
  Small: { en: 'Small', zh: '小' },
  Big: { en: 'Big', zh: '大' },
  complaintLine: { en: '{date} ({size}): {notes}', zh: '{date}（{size}）：{notes}' },
  phone: { en: 'Phone: {phone}', zh: '电话：{phone}' },
  before: { en: 'Before the visit, prepare:', zh: '拜访前准备：' },
  during: { en: 'During the visit, learn:', zh: '拜访时了解：' },
  row: { en: 'Customer row: {url}', zh: '客户资料行：{url}' },
  madeBy: { en: 'Made by Retain', zh: '由 Retain 创建' },
} satisfies Record<string, Msg>;

/** The playbook's 拜访前准备 (docs/rules.md, Visits); the items that are about the person (appearance, pen) are left to them. */
const BEFORE: readonly Msg[] = [
  { en: 'Purpose of the visit', zh: '拜访目的' },
  { en: 'Time agreed with the customer', zh: '拜访时间预设' },
  { en: 'Likely questions and answers', zh: '可能遇到的问题准备' },
  { en: 'Competitor information', zh: '竞品信息' },
  { en: 'A small gift', zh: '小礼品' },
  { en: 'Product material', zh: '产品资料' },
  { en: 'Business cards', zh: '名片' },
  { en: 'Contract', zh: '合同' },
];

/** The playbook's 上门拜访时可以了解的客户信息 (docs/rules.md, Visits). */
const DURING: readonly Msg[] = [
  { en: 'Their business: how it is going', zh: '客户的经营状况' },
  { en: 'Their credit', zh: '客户的信用状况' },
  { en: 'New products they are developing', zh: '客户是否在开发新产品' },
  { en: 'How we compare with competitors', zh: '我们与同类竞争者相比的优劣' },
  { en: 'What we should improve', zh: '哪些地方需要改进' },
];

/** Trimmed text, or '' for anything that is not a string (a blank cell may arrive as null). */
function text(s: unknown): string {
  return typeof s === 'string' ? s.trim() : '';
}

/** At most `max` characters (code points, so an emoji is never cut in half), '…' marking the cut. */
export function capText(s: string, max: number = MAX_NOTE_CHARS): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  return cps.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Multi-line customer notes stay as written; continuation lines are indented so they read as part of their item. */
function noteText(s: unknown): string {
  return capText(text(s)).replace(/\r\n?|\n/g, '\n' + INDENT);
}

/** Titles are one line: line breaks in a name become spaces. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** en 'Visit: Name · Company' (no ' · ' when the company is blank); zh '拜访：姓名 · 公司'. */
export function visitTitle(f: VisitFacts, lang: Lang): string {
  const name = oneLine(text(f.customer.name));
  const company = oneLine(text(f.customer.company));
  // A row with neither still needs a title someone can act on: its ID.
  const who = [name, company].filter((s) => s !== '').join(' · ') || text(f.customer.id);
  return tr(lang, M.titleSep) + who;
}

/** The plain-text description (see the module comment); lines joined with '\n'. */
export function visitDescription(f: VisitFacts, lang: Lang): string {
  const t = (m: Msg, vars?: Record<string, string>): string => tr(lang, m, vars);
  const lines: string[] = [];
  lines.push(t(M.tier, { tier: String(f.tier) }));
  if (isCalDate(f.dueDate)) lines.push(t(M.due, { date: f.dueDate }));

  const purchase: string[] = [];
  if (f.lastPurchase) purchase.push(f.lastPurchase);
  if (typeof f.lastPurchaseAmount === 'number' && Number.isFinite(f.lastPurchaseAmount))
    purchase.push(formatAmount(f.lastPurchaseAmount));
  const product = oneLine(capText(text(f.lastPurchaseProduct)));
  if (product !== '') purchase.push(product);
  lines.push(t(M.lastPurchase, { what: purchase.length > 0 ? purchase.join(' · ') : t(M.none) }));

  lines.push(t(M.lastContact, { what: f.lastContact ? f.lastContact : t(M.none) }));
  const notes = noteText(f.lastContactNotes);
  if (notes !== '') lines.push(INDENT + t(M.notes, { notes }));

  const complaints = [...(f.openComplaints ?? [])]
    .map((c, i) => ({ c, i }))
    // Oldest first: the one waiting longest is the first thing to talk about.
    .sort((a, b) => (a.c.date !== b.c.date ? (a.c.date < b.c.date ? -1 : 1) : a.i - b.i))
    .map(({ c }) => c);
  if (complaints.length === 0) {
    lines.push(t(M.complaintsNone));
  } else {
    lines.push(t(M.complaints, { n: String(complaints.length) }));
    for (const c of complaints.slice(0, MAX_COMPLAINTS_LISTED)) {
      const size = c.size === 'Big' ? t(M.Big) : t(M.Small);
      lines.push(INDENT + BULLET + t(M.complaintLine, { date: String(c.date), size, notes: noteText(c.notes) || '-' }));
    }
    if (complaints.length > MAX_COMPLAINTS_LISTED) {
      lines.push(INDENT + t(M.complaintsMore, { n: String(complaints.length - MAX_COMPLAINTS_LISTED) }));
    }
  }

  const phone = oneLine(text(f.customer.phone));
  if (phone !== '') lines.push(t(M.phone, { phone }));

  lines.push('');
  lines.push(t(M.before));
  for (const m of BEFORE) lines.push(BULLET + t(m));
  lines.push(t(M.during));
  for (const m of DURING) lines.push(BULLET + t(m));
  lines.push('');

  const url = text(f.rowUrl);
  if (url !== '') lines.push(t(M.row, { url }));
  lines.push(t(M.madeBy));
  return lines.join('\n');
}

/**
 * 'YYYY-MM-DDTHH:MM:00' with no offset: Calendar reads it in `timeZone`, the
 * spreadsheet's zone the slot was computed in. A visit ending at 24:00 is
 * written as 00:00 of the next day, since the API rejects hour 24.
 */
function localDateTime(date: CalDate, hhmm: string): string {
  const m = hhmmToMinutes(hhmm);
  if (m === 24 * 60) return `${addDays(date, 1)}T00:00:00`;
  return `${date}T${minutesToHhmm(m)}:00`;
}

/** The Calendar API v3 Events resource for one placed visit. Throws on a malformed slot (a bug upstream, not user data). */
export function visitEventResource(
  f: VisitFacts,
  slot: { date: CalDate; start: string; end: string },
  timeZone: string,
  lang: Lang,
  keys: { key: string; spreadsheetId: string },
): VisitEventResource {
  if (!isCalDate(slot.date)) throw new Error(`Not a calendar date: ${String(slot.date)}`);
  const startMin = hhmmToMinutes(slot.start);
  const endMin = hhmmToMinutes(slot.end);
  if (startMin >= 24 * 60 || endMin <= startMin) throw new Error(`Not a visit slot: ${slot.start}-${slot.end}`);
  if (text(timeZone) === '') throw new Error('A time zone is required');
  const res: VisitEventResource = {
    summary: visitTitle(f, lang),
    description: visitDescription(f, lang),
    start: { dateTime: localDateTime(slot.date, slot.start), timeZone },
    end: { dateTime: localDateTime(slot.date, slot.end), timeZone },
    extendedProperties: {
      private: { retainKey: keys.key, retainSheet: keys.spreadsheetId, retainCustomer: f.customer.id },
    },
    // The person's own default reminders; no attendees: Retain never invites the customer.
    reminders: { useDefault: true },
  };
  const address = oneLine(text(f.customer.address));
  if (address !== '') res.location = address;
  return res;
}
