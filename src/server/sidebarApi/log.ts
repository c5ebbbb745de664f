/**
 * Logging a contact from the sidebar (docs/architecture.md, A sidebar save):
 * the request is checked (core/logRequest.ts); under the document lock one
 * Contact log row per customer is appended, open complaints closed when a
 * resolution is logged, `Last contact` moved forward; then, from a fresh plan
 * made outside the lock, the customers' managed columns are written under it
 * again, so the sheet shows the new next follow-up at once. The lock is never
 * held through a whole re-plan: another rep's save or run waits seconds, not
 * minutes.
 */
import { byOf } from '../../core/contactBy';
import { cellText } from '../../core/cells';
import { tr, type Msg } from '../../core/i18n';
import { validateLogRequest, type ContactRequest } from '../../core/logRequest';
import type { Customer, Lang } from '../../core/model';
import { headerLabel, SHEETS, sheetLabel } from '../../core/schema';
import { asText } from '../../core/textCells';
import { documentLock_, type DocumentLock } from '../../gas/lock';
import { classifyError } from '../../gas/retry';
import { freezeHeader_, lastRow_, setValue_, writeHeader_ } from '../../gas/ranges';
import { findHeaderRow_, findSheet_, sheetsByName_, writeRows_ } from '../../gas/sheets';
import { flush_, insertSheet_ } from '../../gas/spreadsheet';
import type { LogContactRequest, LogContactResult } from '../../shared/api';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { safeUserEmail_, userLang_ } from '../user';
import { writeCustomers_, type RowValues } from '../writeBack';
import { context_, customersById, plansById, type Context } from './context';
import { cardOf } from './customers';

const BUSY: Msg = {
  en: 'Retain is busy with another save or the nightly run: try again in a moment.',
  zh: 'Retain 正在处理其他保存或每晚运行：请稍后再试。',
};

export function logContact(req: LogContactRequest): LogContactResult {
  const lang = userLang_(openSpreadsheetOrThrow_());
  // Reading, checking and planning change nothing: they run outside the lock, which the nightly run
  // (or another rep's) may hold for minutes. The lock guards the writes only, twice briefly.
  let ctx = context_();
  const byId = customersById(ctx.wb);
  const checked = validateLogRequest(req, { lang, today: ctx.today, known: (id) => byId.has(id) });
  if (!checked.ok) return checked;
  const v = checked.value;
  const lock = documentLock_();
  if (!lock.tryLock(15000)) return { ok: false, errors: { form: tr(lang, BUSY) } };
  try {
    resolveOpenComplaints(ctx, v);
    appendContacts(ctx, v, byId);
    updateLastContact(ctx, v, byId);
    flush_();
  } finally {
    lock.release();
  }
  // Plan again with the new row, then write those customers' managed columns: writeCustomers_ reads the
  // sheet again under the lock and matches rows by ID. When that fails, or the lock is busy now, the
  // contact is saved all the same (the answer must say so, or a retry would log it twice) and the next
  // run writes the columns.
  try {
    ctx = refreshColumns(v.customerIds, lang, lock);
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
  }
  return { ok: true, logged: v.customerIds.length, cards: v.customerIds.map((id) => cardOf(ctx, id)) };
}

/** The fresh plan, and the customers' managed columns written from it (when the lock can be had). */
function refreshColumns(ids: string[], lang: Lang, lock: DocumentLock): Context {
  const ctx = context_();
  const plans = plansById(ctx.plan);
  const values = new Map<string, RowValues[]>();
  for (const id of ids) {
    const cp = plans.get(id);
    if (cp) values.set(id, [{ ...cp.managed }]);
  }
  const sheet = ctx.wb.tables.customers?.sheet;
  if (sheet && lock.tryLock(15000)) {
    try {
      writeCustomers_(sheet, values, {
        toCalDate: (d) => ctx.wb.clock.toCalDate(d),
        lang,
        map: ctx.wb.columnMap.customers,
      });
      flush_();
    } finally {
      lock.release();
    }
  }
  return ctx;
}

/** Appends one Contact log row per customer in one write; makes the sheet when missing. */
function appendContacts(ctx: Context, v: ContactRequest, byId: Map<string, Customer>): void {
  const spec = SHEETS.contactLog;
  let sheet = findSheet_(sheetsByName_(ctx.ss), spec);
  if (!sheet) {
    sheet = insertSheet_(ctx.ss, sheetLabel(spec, ctx.lang));
    writeHeader_(
      sheet,
      1,
      spec.fields.map((f) => headerLabel(f, ctx.lang)),
    );
    freezeHeader_(sheet);
  }
  const { header, found } = findHeaderRow_(sheet, spec, ctx.wb.columnMap.contactLog);
  const width = Math.max(header.length, 1);
  const cols = found.match.columns;
  const by = byOf(v.by, safeUserEmail_());
  const loggedAt = ctx.wb.clock.toLocalDateTime(new Date());
  const rows = v.customerIds.map((id) => {
    const row = new Array(width).fill('');
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
  writeRows_(sheet, Math.max(lastRow_(sheet), found.row + 1) + 1, rows);
}

/**
 * Logging a complaint with a resolution date closes that customer's open
 * complaints: their `Resolved on` cells are blank, so filling them changes no
 * value of the user's, and without it the old complaint would stay overdue.
 */
function resolveOpenComplaints(ctx: Context, v: ContactRequest): void {
  if (v.type !== 'Complaint' || !v.resolvedOn) return;
  const table = ctx.wb.tables.contactLog;
  const col = table?.match.columns.resolvedOn;
  if (!table || col === undefined) return;
  const ids = new Set(v.customerIds);
  for (const c of ctx.wb.contacts) {
    if (!ids.has(c.customerId) || c.type !== 'Complaint' || c.resolvedOn || !c.date || c.date > v.resolvedOn) continue;
    if (cellText(table.values[c.row - 1]?.[col]).trim() !== '' || table.formulas?.[c.row - 1]?.[col]) continue;
    setValue_(table.sheet, c.row, col + 1, v.resolvedOn);
  }
}

/** `Last contact` moves forward only: logging an old call never makes a customer look more recently contacted. */
function updateLastContact(ctx: Context, v: ContactRequest, byId: Map<string, Customer>): void {
  const table = ctx.wb.tables.customers;
  const col = table?.match.columns.lastContact;
  if (!table || col === undefined) return;
  if (table.formulas && table.formulas.slice(table.headerRow + 1).some((r) => r[col])) return;
  for (const id of v.customerIds) {
    const c = byId.get(id);
    if (!c || (c.lastContact && c.lastContact >= v.date)) continue;
    setValue_(table.sheet, c.row, col + 1, v.date);
  }
}
