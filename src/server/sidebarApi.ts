/**
 * The server side of the sidebar (SPEC section 5). Every function here is
 * callable from the browser, so each one checks what it is sent (types,
 * lengths, dates, that the customer exists) and answers with messages in the
 * user's language, keyed by the form field they belong to. Only plain data
 * crosses: dates as ISO strings.
 */
import { cellText } from '../core/cells';
import { addDays, daysBetween, isCalDate, type CalDate } from '../core/dates';
import { matchHeaders } from '../core/headers';
import { tr, type Msg } from '../core/i18n';
import { CONTACT_TYPES, type ContactType, type Customer, type Lang, type Settings } from '../core/model';
import { describeDue, planNightly, type CustomerPlan, type Plan } from '../core/plan';
import { headerLabel, SHEETS, sheetLabel } from '../core/schema';
import { SETTING_KEYS } from '../core/settings';
import { asText, cellValue, findSheet_, sheetsByName_ } from '../gas/sheets';
import { loadSettings_, saveSettings_ } from '../gas/settingsStore';
import { currentUserEmail_, userLang_ } from '../gas/user';
import type {
  ContactView,
  CustomerCard,
  CustomerSummary,
  DueGroup,
  LogContactRequest,
  LogContactResult,
  RunPreview,
  SaveSettingsResult,
  SettingsView,
  SidebarData,
  TriggerState,
} from '../shared/api';
import {
  activeSpreadsheet_,
  nightlyState_,
  scheduleNightlyRun_,
  stopNightlyRun_,
  takeSidebarTab_,
} from './menuActions';
import { byOf, checkedBy } from './contactBy';
import { runRetain_ } from './nightly';
import { settingFields } from './settingsView';
import { readWorkbook_, type Workbook } from './workbook';
import { writeCustomers_, type RowValues } from './writeBack';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_TEXT = 5000;
const MAX_SHORT = 500;
const MAX_SELECTED = 200;

interface Context {
  ss: Spreadsheet;
  settings: Settings;
  lang: Lang;
  wb: Workbook;
  plan: Plan;
  today: CalDate;
}

function context_(): Context {
  const ss = activeSpreadsheet_();
  const lang = userLang_(ss);
  const wb = readWorkbook_(ss, lang);
  if (wb.fatal) throw new Error(wb.fatal);
  const { settings } = loadSettings_();
  const today = wb.clock.today();
  const plan = planNightly({
    today,
    settings,
    lang,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    holidays: wb.holidays,
  });
  return { ss, settings, lang, wb, plan, today };
}

function summaryOf(c: Customer, cp: CustomerPlan | undefined): CustomerSummary {
  const tier = cp?.tier ?? c.tierFromSheet ?? '';
  return { id: c.id, name: c.name, company: c.company, email: c.email, tier, row: c.row };
}

function plansById(plan: Plan): Map<string, CustomerPlan> {
  const m = new Map<string, CustomerPlan>();
  for (const cp of plan.customers) if (cp.customerId && !m.has(cp.customerId)) m.set(cp.customerId, cp);
  return m;
}

function customersById(wb: Workbook): Map<string, Customer> {
  const m = new Map<string, Customer>();
  for (const c of wb.customers) if (c.id && !m.has(c.id)) m.set(c.id, c);
  return m;
}

/** Customer IDs of the selected rows on the Customers sheet, the active row first. */
function selectedIds(ctx: Context): string[] {
  const sheet = ctx.ss.getActiveSheet();
  const table = ctx.wb.tables.customers;
  if (!table || sheet.getName() !== table.sheetName) return [];
  const idCol = table.match.columns.id;
  if (idCol === undefined) return [];
  const rows: number[] = [];
  const active = ctx.ss.getActiveRange();
  if (active) rows.push(active.getRow());
  const list = ctx.ss.getActiveRangeList();
  for (const r of list ? list.getRanges() : []) {
    for (let i = r.getRow(); i < r.getRow() + r.getNumRows() && rows.length < MAX_SELECTED; i++) rows.push(i);
  }
  const ids: string[] = [];
  for (const row of rows) {
    const v = table.values[row - 1];
    const id = v ? cellText(v[idCol]).trim() : '';
    if (row > 1 && id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function getSidebarData(req: { tab?: 'log' | 'due' | 'settings' }): SidebarData {
  const ss = activeSpreadsheet_();
  const lang = userLang_(ss);
  const tab = takeSidebarTab_() ?? (req && (req.tab === 'due' || req.tab === 'settings') ? req.tab : 'log');
  const base: SidebarData = {
    lang,
    tab,
    today: '',
    timeZone: ss.getSpreadsheetTimeZone(),
    user: safeEmail(),
    selected: [],
    customers: [],
    contactTypes: CONTACT_TYPES.slice(),
    problems: [],
  };
  let ctx: Context;
  try {
    ctx = context_();
  } catch (e) {
    base.problems.push(e instanceof Error ? e.message : String(e));
    return base;
  }
  const byPlan = plansById(ctx.plan);
  const byId = customersById(ctx.wb);
  base.today = ctx.today;
  base.customers = ctx.wb.customers.filter((c) => c.id).map((c) => summaryOf(c, byPlan.get(c.id)));
  base.selected = selectedIds(ctx)
    .map((id) => byId.get(id))
    .filter((c): c is Customer => !!c)
    .map((c) => summaryOf(c, byPlan.get(c.id)));
  return base;
}

function safeEmail(): string {
  try {
    return currentUserEmail_();
  } catch (e) {
    return '';
  }
}

export function searchCustomers(req: { query: string; limit?: number }): CustomerSummary[] {
  const query = typeof req?.query === 'string' ? req.query.trim().toLowerCase().slice(0, MAX_SHORT) : '';
  const limit = typeof req?.limit === 'number' && req.limit > 0 ? Math.min(Math.floor(req.limit), 200) : 50;
  const ctx = context_();
  const byPlan = plansById(ctx.plan);
  const out: CustomerSummary[] = [];
  for (const c of ctx.wb.customers) {
    if (!c.id) continue;
    if (!query || [c.name, c.company, c.email, c.id].some((s) => s.toLowerCase().includes(query)))
      out.push(summaryOf(c, byPlan.get(c.id)));
    if (out.length >= limit) break;
  }
  return out;
}

function cardOf(ctx: Context, id: string): CustomerCard {
  const c = customersById(ctx.wb).get(id);
  if (!c) throw new Error(tr(ctx.lang, NOT_FOUND, { id }));
  const cp = plansById(ctx.plan).get(id);
  const mine = ctx.wb.contacts
    .filter((x) => x.customerId === id && x.date)
    .sort((a, b) =>
      (a.date as string) < (b.date as string) ? 1 : (a.date as string) > (b.date as string) ? -1 : b.row - a.row,
    );
  const lastContacts: ContactView[] = mine.slice(0, 5).map((x) => ({
    date: x.date as string,
    type: x.type ?? '',
    by: x.by,
    outcome: x.outcome,
    notes: x.notes,
    nextStep: x.nextStep,
    nextStepDate: x.nextStepDate ?? '',
  }));
  const purchases = (ctx.wb.purchases ?? []).filter((p) => p.customerId === id && p.date && p.problems.length === 0);
  const lastPurchase = purchases.reduce<string>(
    (m, p) => ((p.date as string) > m ? (p.date as string) : m),
    c.lastPurchase ?? '',
  );
  // The same window the tiers use: today and the revenueWindowDays - 1 days before it.
  const windowStart = addDays(ctx.today, -(ctx.settings.revenueWindowDays - 1));
  const revenue = ctx.wb.purchases
    ? purchases.filter((p) => (p.date as string) >= windowStart).reduce((s, p) => s + (p.amount ?? 0), 0)
    : c.revenue;
  const lastContact = [c.lastContact ?? '', ...mine.map((x) => x.date as string)].reduce((m, d) => (d > m ? d : m), '');
  return {
    customer: summaryOf(c, cp),
    revenue,
    lastPurchase,
    lastContact,
    status: c.status,
    due: (cp?.items ?? []).map((it) => ({
      kind: it.kind,
      due: it.due,
      daysToDue: daysBetween(ctx.today, it.due),
      text: describeDue(it, ctx.lang),
    })),
    lastContacts,
    openComplaints: mine.filter((x) => x.type === 'Complaint' && !x.resolvedOn).length,
    notes: cp?.managed.notes ?? c.problems.join('; '),
  };
}

const NOT_FOUND: Msg = { en: 'Customer {id} was not found on the Customers sheet.', zh: '客户表中找不到客户 {id}。' };

/** A customer ID from the browser: a string of sane length, else '' (which is found nowhere). */
function requestedId(req: unknown): string {
  const v =
    req && typeof req === 'object' && Object.prototype.hasOwnProperty.call(req, 'customerId')
      ? (req as { customerId: unknown }).customerId
      : '';
  return typeof v === 'string' && v.length <= 100 ? v.trim() : '';
}

export function getCustomerCard(req: { customerId: string }): CustomerCard {
  const id = requestedId(req);
  return cardOf(context_(), id);
}

const ERR: Record<string, Msg> = {
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
  busy: {
    en: 'Retain is busy with another save or the nightly run: try again in a moment.',
    zh: 'Retain 正在处理其他保存或每晚运行：请稍后再试。',
  },
};

type Field = keyof LogContactRequest | 'form';

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : null;
}

/** Checks every field of a log request; returns the clean values or the errors by field. */
export function validateLogRequest(
  req: unknown,
  ctx: { lang: Lang; today: CalDate; known: (id: string) => boolean },
): { ok: true; value: LogContactRequest } | { ok: false; errors: Partial<Record<Field, string>> } {
  const lang = ctx.lang;
  // Only the request's own fields count: a `__proto__` key must not smuggle values in.
  const src = req && typeof req === 'object' && !Array.isArray(req) ? (req as Record<string, unknown>) : {};
  const r: Record<string, unknown> = {};
  for (const k of [
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
  ]) {
    if (Object.prototype.hasOwnProperty.call(src, k)) r[k] = src[k];
  }
  const errors: Partial<Record<Field, string>> = {};
  const ids = Array.isArray(r.customerIds)
    ? r.customerIds
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
  if (ids.length === 0) errors.customerIds = tr(lang, ERR.customers);
  else if (ids.length > MAX_SELECTED) errors.customerIds = tr(lang, ERR.tooMany, { n: MAX_SELECTED });
  else {
    const bad = ids.find((id) => id.length > 100 || !ctx.known(id));
    if (bad) errors.customerIds = tr(lang, ERR.unknown, { id: bad.slice(0, 100) });
  }
  const date = str(r.date)?.trim() ?? '';
  if (!isCalDate(date)) errors.date = tr(lang, ERR.date);
  else if (date > ctx.today) errors.date = tr(lang, ERR.future, { today: ctx.today });
  const type = str(r.type) ?? '';
  if (!(CONTACT_TYPES as readonly string[]).includes(type))
    errors.type = tr(lang, ERR.type, { types: CONTACT_TYPES.join(', ') });
  const texts: Array<[keyof LogContactRequest, number]> = [
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
  const nextStepDate = str(r.nextStepDate)?.trim() ?? null;
  if (
    nextStepDate === null ||
    (nextStepDate !== '' && (!isCalDate(nextStepDate) || (isCalDate(date) && nextStepDate < date)))
  )
    errors.nextStepDate = tr(lang, ERR.nextStepDate);
  const complaintSize = str(r.complaintSize) ?? null;
  if (
    complaintSize === null ||
    !['', 'Small', 'Big'].includes(complaintSize) ||
    (type !== 'Complaint' && complaintSize !== '')
  )
    errors.complaintSize = tr(lang, ERR.complaintSize);
  const resolvedOn = str(r.resolvedOn)?.trim() ?? null;
  if (
    resolvedOn === null ||
    (resolvedOn !== '' &&
      (type !== 'Complaint' ||
        !isCalDate(resolvedOn) ||
        (isCalDate(date) && resolvedOn < date) ||
        resolvedOn > ctx.today))
  )
    errors.resolvedOn = tr(lang, ERR.resolvedOn);
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
      complaintSize: (type === 'Complaint' ? complaintSize || 'Small' : '') as LogContactRequest['complaintSize'],
      resolvedOn: resolvedOn as string,
      by: by.ok ? by.value : '',
    },
  };
}

export function logContact(req: LogContactRequest): LogContactResult {
  const ss = activeSpreadsheet_();
  const lang = userLang_(ss);
  // The nightly run writes the same rows: one writer at a time.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(15000)) return { ok: false, errors: { form: tr(lang, ERR.busy) } };
  try {
    let ctx = context_();
    const byId = customersById(ctx.wb);
    const checked = validateLogRequest(req, { lang, today: ctx.today, known: (id) => byId.has(id) });
    if (!checked.ok) return checked;
    const v = checked.value;
    resolveOpenComplaints_(ctx, v);
    appendContacts_(ctx, v, byId);
    updateLastContact_(ctx, v, byId);
    // Recompute with the new contact and write this customer's managed columns at once.
    ctx = context_();
    const plans = plansById(ctx.plan);
    const values = new Map<string, RowValues[]>();
    for (const id of v.customerIds) {
      const cp = plans.get(id);
      if (cp) values.set(id, [{ ...cp.managed }]);
    }
    const sheet = ctx.wb.tables.customers?.sheet;
    if (sheet) writeCustomers_(sheet, values);
    SpreadsheetApp.flush();
    return { ok: true, logged: v.customerIds.length, cards: v.customerIds.map((id) => cardOf(ctx, id)) };
  } finally {
    lock.releaseLock();
  }
}

/** Appends one Contact log row per customer in one write; makes the sheet when missing. */
function appendContacts_(ctx: Context, v: LogContactRequest, byId: Map<string, Customer>): void {
  const spec = SHEETS.contactLog;
  let sheet = findSheet_(sheetsByName_(ctx.ss), spec);
  if (!sheet) {
    sheet = ctx.ss.insertSheet(sheetLabel(spec, ctx.lang));
    sheet
      .getRange(1, 1, 1, spec.fields.length)
      .setValues([spec.fields.map((f) => headerLabel(f, ctx.lang))])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0] as unknown[];
  const cols = matchHeaders(header, spec).columns;
  const by = byOf(v.by, safeEmail());
  const loggedAt = ctx.wb.clock.toLocalDateTime(new Date());
  const rows = v.customerIds.map((id) => {
    const row = new Array(lastCol).fill('');
    const put = (key: string, value: unknown) => {
      if (cols[key] !== undefined) row[cols[key]] = value;
    };
    put('loggedAt', loggedAt);
    put('customerId', asText(id));
    put('customerName', asText(byId.get(id)?.name ?? ''));
    put('date', v.date);
    put('type', v.type);
    put('by', asText(by));
    // Free text is stored as text: a note that starts with '=' is a note, not a formula.
    put('outcome', asText(v.outcome));
    put('notes', asText(v.notes));
    put('nextStep', asText(v.nextStep));
    put('nextStepDate', v.nextStepDate);
    put('complaintSize', v.complaintSize);
    put('resolvedOn', v.resolvedOn);
    return row;
  });
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  const range = sheet.getRange(start, 1, rows.length, lastCol);
  const formats = range.getNumberFormats() as string[][];
  range.setValues(rows.map((row, i) => row.map((v, j) => cellValue(v, formats[i]?.[j] ?? ''))));
}

/**
 * Logging a complaint with a resolution date closes that customer's open
 * complaints: their `Resolved on` cells are blank, so filling them changes no
 * value of the user's, and without it the old complaint would stay overdue.
 */
function resolveOpenComplaints_(ctx: Context, v: LogContactRequest): void {
  if (v.type !== 'Complaint' || !v.resolvedOn) return;
  const table = ctx.wb.tables.contactLog;
  const col = table?.match.columns.resolvedOn;
  if (!table || col === undefined) return;
  const ids = new Set(v.customerIds);
  for (const c of ctx.wb.contacts) {
    if (!ids.has(c.customerId) || c.type !== 'Complaint' || c.resolvedOn || !c.date || c.date > v.resolvedOn) continue;
    if (cellText(table.values[c.row - 1]?.[col]).trim() !== '' || table.formulas?.[c.row - 1]?.[col]) continue;
    table.sheet.getRange(c.row, col + 1).setValue(v.resolvedOn);
  }
}

/** `Last contact` moves forward only: logging an old call never makes a customer look more recently contacted. */
function updateLastContact_(ctx: Context, v: LogContactRequest, byId: Map<string, Customer>): void {
  const table = ctx.wb.tables.customers;
  const col = table?.match.columns.lastContact;
  if (!table || col === undefined) return;
  if (table.formulas && table.formulas.slice(1).some((r) => r[col])) return;
  for (const id of v.customerIds) {
    const c = byId.get(id);
    if (!c || (c.lastContact && c.lastContact >= v.date)) continue;
    table.sheet.getRange(c.row, col + 1).setValue(v.date);
  }
}

export function getDueItems(_req: Record<string, never>): DueGroup[] {
  const ctx = context_();
  const byId = customersById(ctx.wb);
  const groups = new Map<string, DueGroup>();
  for (const cp of ctx.plan.customers) {
    const c = byId.get(cp.customerId);
    if (!c) continue;
    for (const it of cp.items) {
      if (it.due > ctx.today) continue;
      let g = groups.get(it.kind);
      if (!g) {
        g = { kind: it.kind, label: tr(ctx.lang, KIND_LABELS[it.kind] ?? { en: it.kind, zh: it.kind }), items: [] };
        groups.set(it.kind, g);
      }
      g.items.push({
        customerId: c.id,
        name: c.name,
        company: c.company,
        tier: cp.tier ?? '',
        due: it.due,
        daysToDue: daysBetween(ctx.today, it.due),
        text: describeDue(it, ctx.lang),
        row: c.row,
      });
    }
  }
  const order = Object.keys(KIND_LABELS);
  return Array.from(groups.values())
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((g) => ({
      ...g,
      items: g.items.sort((a, b) =>
        a.due < b.due ? -1 : a.due > b.due ? 1 : a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.row - b.row,
      ),
    }));
}

const KIND_LABELS: Record<string, Msg> = {
  complaint: { en: 'Open complaints', zh: '未解决的投诉' },
  'complaint-feedback': { en: 'Feedback after a complaint', zh: '投诉解决后回访' },
  'thank-you': { en: 'Thank-you calls', zh: '感谢电话' },
  'post-sale-call': { en: 'Post-sale calls', zh: '售后回访' },
  'next-step': { en: 'Next steps', zh: '下一步' },
  visit: { en: 'Visits', zh: '拜访' },
  birthday: { en: 'Birthdays', zh: '生日' },
  anniversary: { en: 'Anniversaries', zh: '周年' },
  holiday: { en: 'Holiday greetings', zh: '节日问候' },
  recurring: { en: 'Keep in touch', zh: '保持联系' },
};

export function selectCustomerRow(req: { customerId: string }): { ok: true; row: number } {
  const ss = activeSpreadsheet_();
  const lang = userLang_(ss);
  const id = requestedId(req);
  const wb = readWorkbook_(ss, lang, ['customers']);
  if (wb.fatal) throw new Error(wb.fatal);
  const c = customersById(wb).get(id);
  const table = wb.tables.customers;
  if (!c || !table) throw new Error(tr(lang, NOT_FOUND, { id }));
  // Range.activate makes that sheet active and selects the row in one call.
  table.sheet.getRange(c.row, 1, 1, Math.max(table.values[0].length, 1)).activate();
  return { ok: true, row: c.row };
}

function settingsView(lang: Lang): SettingsView {
  return { fields: settingFields(loadSettings_().settings, lang), trigger: triggerState(lang) };
}

const TRIGGER_ON: Msg = { en: 'Runs every night at {hour}:00 ({tz}).', zh: '每晚 {hour}:00（{tz}）运行。' };
const TRIGGER_OFF: Msg = { en: 'The nightly run is not scheduled.', zh: '尚未安排每晚运行。' };

function triggerState(lang: Lang): TriggerState {
  const s = nightlyState_();
  return {
    scheduled: s.scheduled,
    hour: s.scheduled ? s.hour : null,
    timeZone: s.timeZone,
    message: tr(lang, s.scheduled ? TRIGGER_ON : TRIGGER_OFF, {
      hour: String(s.hour).padStart(2, '0'),
      tz: s.timeZone,
    }),
  };
}

export function getSettings(_req: Record<string, never>): SettingsView {
  return settingsView(userLang_(activeSpreadsheet_()));
}

export function saveSettings(req: { values: Record<string, unknown> }): SaveSettingsResult {
  const lang = userLang_(activeSpreadsheet_());
  const values =
    req &&
    typeof req === 'object' &&
    typeof req.values === 'object' &&
    req.values !== null &&
    !Array.isArray(req.values)
      ? req.values
      : null;
  if (!values) return { ok: false, errors: { form: tr(lang, { en: 'Nothing to save.', zh: '没有要保存的内容。' }) } };
  const changes: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const k of Object.keys(values)) {
    if ((SETTING_KEYS as readonly string[]).includes(k) && Object.prototype.hasOwnProperty.call(values, k))
      changes[k] = values[k];
    else errors[k] = tr(lang, { en: 'Unknown setting "{key}".', zh: '未知设置“{key}”。' }, { key: k.slice(0, 50) });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const r = saveSettings_(changes, lang);
  if (!r.ok) return r;
  // A changed hour must move the trigger too, or the setting would say one thing and the trigger do another.
  if ('nightlyHour' in changes && nightlyState_().scheduled) scheduleNightlyRun_();
  return { ok: true, settings: settingsView(lang) };
}

export function scheduleNightly(_req: Record<string, never>): TriggerState {
  const lang = userLang_(activeSpreadsheet_());
  scheduleNightlyRun_();
  return triggerState(lang);
}

export function stopNightly(_req: Record<string, never>): TriggerState {
  const lang = userLang_(activeSpreadsheet_());
  stopNightlyRun_();
  return triggerState(lang);
}

export function previewRun(_req: Record<string, never>): RunPreview {
  const ss = activeSpreadsheet_();
  const lang = userLang_(ss);
  const s = runRetain_(ss, 'preview', { lang });
  return {
    today: s.today,
    due: Object.keys(s.due)
      .filter((k) => s.due[k] > 0)
      .map((k) => ({ label: tr(lang, KIND_LABELS[k] ?? { en: k, zh: k }), count: s.due[k] })),
    drafts: s.drafts
      .filter((d) => d.status === 'made')
      .map((d) => ({ customer: d.name, email: d.email, subject: d.subject })),
    visits: s.visits
      .filter((v) => v.status === 'made')
      .map((v) => ({ customer: v.name, due: v.start || v.due, tier: v.tier as 'A' | 'B' | 'C' })),
    skipped: s.skipped
      .slice(0, 200)
      .map((k) => ({ what: k.what, customer: k.customerId || `#${k.row}`, reason: k.reason })),
    problems: s.fatal
      ? [s.fatal]
      : s.problems.slice(0, 200).map((p) => `${p.sheet} ${p.row}${p.column ? ' · ' + p.column : ''}: ${p.message}`),
  };
}
