/**
 * Finding a customer and showing its card (docs/architecture.md, A sidebar
 * save): the search over the list, the card from the customer's facts
 * (core/customerFacts.ts, the same the plan reads), and selecting its row.
 */
import { factOptions, factsOfCustomer } from '../../core/customerFacts';
import { daysBetween } from '../../core/dates';
import { tr } from '../../core/i18n';
import { describeDue } from '../../core/plan';
import { selectRow_ } from '../../gas/spreadsheet';
import type { ContactView, CustomerCard, CustomerSummary } from '../../shared/api';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { userLang_ } from '../user';
import { readWorkbook_ } from '../workbook';
import { context_, customersById, NOT_FOUND, plansById, requestedId, summaryOf, type Context } from './context';

const MAX_QUERY = 500;

export function searchCustomers(req: { query: string; limit?: number }): CustomerSummary[] {
  const query = typeof req?.query === 'string' ? req.query.trim().toLowerCase().slice(0, MAX_QUERY) : '';
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

/** One customer's card: the facts, the last five logged contacts (newest first), what is due. */
export function cardOf(ctx: Context, id: string): CustomerCard {
  const c = customersById(ctx.wb).get(id);
  if (!c) throw new Error(tr(ctx.lang, NOT_FOUND, { id }));
  const cp = plansById(ctx.plan).get(id);
  const f = factsOfCustomer(c, ctx.wb.purchases, ctx.wb.contacts, factOptions(ctx.settings, ctx.today));
  const lastContacts: ContactView[] = f.contacts
    .slice(-5)
    .reverse()
    .map((x) => ({
      date: x.date as string,
      type: x.type ?? '',
      by: x.by,
      outcome: x.outcome,
      notes: x.notes,
      nextStep: x.nextStep,
      nextStepDate: x.nextStepDate ?? '',
    }));
  return {
    customer: summaryOf(c, cp),
    revenue: f.revenue,
    lastPurchase: f.lastPurchase ?? '',
    lastContact: f.lastContact ?? '',
    status: c.status,
    due: (cp?.items ?? []).map((it) => ({
      kind: it.kind,
      due: it.due,
      daysToDue: daysBetween(ctx.today, it.due),
      text: describeDue(it, ctx.lang),
    })),
    lastContacts,
    openComplaints: f.openComplaints.length,
    notes: cp?.managed.notes ?? c.problems.join('; '),
  };
}

export function getCustomerCard(req: { customerId: string }): CustomerCard {
  return cardOf(context_(), requestedId(req));
}

export function selectCustomerRow(req: { customerId: string }): { ok: true; row: number } {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const id = requestedId(req);
  const wb = readWorkbook_(ss, lang, ['customers']);
  if (wb.fatal) throw new Error(wb.fatal);
  const c = customersById(wb).get(id);
  const table = wb.tables.customers;
  if (!c || !table) throw new Error(tr(lang, NOT_FOUND, { id }));
  // Range.activate makes that sheet active and selects the row in one call.
  selectRow_(table.sheet, c.row, table.values[0].length);
  return { ok: true, row: c.row };
}
