/**
 * The dashboard's input from what a run has already read and planned (the
 * customers, purchases, contacts and the night's plan) and the `Retain log`
 * rows: each customer's revenue as the tiers count it, each one's buying
 * rhythm (risk.ts bookRisk), the log's overdue counts and this week's drafts
 * and visits. The nightly run, Set up and the demo all build it here, so the
 * sheet and demo-out/dashboard.html show the same figures.
 */
import { factOptions, factsRevenue } from './customerFacts';
import { dashboardFigures, type Dashboard, type DashboardCustomer, type RunLogRow } from './dashboard';
import type { CalDate } from './dates';
import { matchHeaders } from './headers';
import type { Contact, Customer, Lang, Purchase, Settings } from './model';
import type { Plan } from './plan';
import { bookRisk, DEFAULT_RISK_OPTIONS } from './risk';
import { SHEETS } from './schema';

export interface BookFigures {
  today: CalDate;
  lang: Lang;
  settings: Settings;
  plan: Pick<Plan, 'customers'>;
  customers: readonly Customer[];
  /** null without a Purchases sheet (revenue then comes from the Revenue cell; nobody has a rhythm). */
  purchases: readonly Purchase[] | null;
  contacts: readonly Contact[];
  /** The log's runs, oldest first, the current one included. */
  runLog: readonly RunLogRow[];
}

/** Each customer's revenue over the revenue window, as the tiers count it (customerFacts.ts factsRevenue). */
function revenues(b: BookFigures): Map<string, number | null> {
  const byId = new Map<string, Purchase[]>();
  for (const p of b.purchases ?? []) {
    if (p.problems.length > 0) continue;
    const list = byId.get(p.customerId);
    if (list) list.push(p);
    else byId.set(p.customerId, [p]);
  }
  const o = factOptions(b.settings, b.today);
  const out = new Map<string, number | null>();
  for (const c of b.customers) {
    if (out.has(c.id)) continue;
    out.set(c.id, factsRevenue(c, b.purchases === null ? null : (byId.get(c.id) ?? []), o));
  }
  return out;
}

export function bookDashboard(b: BookFigures): Dashboard {
  const tierOf = new Map(b.plan.customers.map((p) => [p.customerId, p.tier]));
  // The default rhythm (docs/rules.md, Win-back): riskFactor 2, riskMinPurchases 3.
  const risks = bookRisk(
    b.customers.map((c) => ({ id: c.id, tier: tierOf.get(c.id) ?? null })),
    b.purchases ?? [],
    b.today,
    DEFAULT_RISK_OPTIONS,
  );
  const revenue = revenues(b);
  const customers: DashboardCustomer[] = b.customers.map((c, i) => ({
    id: c.id,
    name: c.name,
    revenue: revenue.get(c.id) ?? null,
    risk: risks[i],
  }));
  return dashboardFigures({
    today: b.today,
    lang: b.lang,
    plan: b.plan,
    customers,
    runLog: b.runLog,
    contactLog: b.contacts.map((c) => ({ date: c.date, type: c.type })),
  });
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * The `Retain log` rows (header row first, as getValues gives them): the day
 * each run started, its overdue count (null on rows from before the Overdue
 * column, or left blank), drafts and events made. Rows whose Started is no
 * date are skipped.
 */
export function runLogRows(values: readonly (readonly unknown[])[], toCalDate: (d: Date) => CalDate): RunLogRow[] {
  if (values.length < 2) return [];
  const col = matchHeaders(values[0] as unknown[], SHEETS.runLog).columns;
  if (col.started === undefined) return [];
  const out: RunLogRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    const started = row[col.started];
    const date =
      Object.prototype.toString.call(started) === '[object Date]'
        ? toCalDate(started as Date)
        : String(started ?? '').slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || (col.mode !== undefined && row[col.mode] === 'preview')) continue;
    const overdue = col.overdue === undefined ? null : row[col.overdue];
    out.push({
      date,
      overdue: typeof overdue === 'number' && Number.isFinite(overdue) ? overdue : null,
      draftsMade: count(col.draftsMade === undefined ? 0 : row[col.draftsMade]),
      eventsMade: count(col.eventsMade === undefined ? 0 : row[col.eventsMade]),
    });
  }
  return out;
}
