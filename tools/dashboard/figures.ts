/**
 * The demo's dashboard input, from the workbook read back after the nightly
 * run: the night's plan, each customer's revenue and risk, the `Retain log`,
 * the `Contact log` and the backtest, all computed by the core
 * (src/core/plan.ts, risk.ts, backtest.ts, dashboard.ts).
 *
 * The `Retain log` has no overdue count yet (the nightly wiring adds the
 * column with the dashboard sheet), and the demo workbook has had one run.
 * So the 8-week overdue line is replayed for every day without a run: the
 * plan of that day from the rows as they stood then (purchases and contacts
 * dated up to it). The page says so under the chart.
 */
import { backtest, type Backtest } from '../../src/core/backtest';
import { factsRevenue } from '../../src/core/customerFacts';
import {
  dashboardFigures,
  type ContactLogRow,
  type Dashboard,
  type DashboardCustomer,
  type RunLogRow,
} from '../../src/core/dashboard';
import { addDays, type CalDate } from '../../src/core/dates';
import type { Customer, Lang, Purchase } from '../../src/core/model';
import { planNightly, type Plan } from '../../src/core/plan';
import { bookRisk, DEFAULT_RISK_OPTIONS } from '../../src/core/risk';
import type { ReadBack } from './workbook';

export interface DemoDashboard {
  dashboard: Dashboard;
  backtest: Backtest | null;
  plan: Plan;
  /** Days of the overdue line that were replayed rather than read from the log. */
  replayedDays: number;
}

function planOn(wb: ReadBack, today: CalDate, lang: Lang): Plan {
  return planNightly({
    today,
    settings: wb.settings,
    lang,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    holidays: wb.holidays,
  });
}

/** The rows as they stood on `day`: nothing dated after it. */
function asOf(wb: ReadBack, day: CalDate): ReadBack {
  const upTo = (d: CalDate | null) => (d !== null && d > day ? null : d);
  const customers = wb.customers.map((c): Customer => ({
    ...c,
    lastContact: upTo(c.lastContact),
    lastPurchase: upTo(c.lastPurchase),
  }));
  return {
    ...wb,
    customers,
    purchases: wb.purchases === null ? null : wb.purchases.filter((p) => p.date === null || p.date <= day),
    contacts: wb.contacts.filter((c) => c.date === null || c.date <= day),
  };
}

function revenueOf(wb: ReadBack, today: CalDate): Map<string, number | null> {
  const byId = new Map<string, Purchase[]>();
  for (const p of wb.purchases ?? []) {
    const list = byId.get(p.customerId);
    if (list) list.push(p);
    else byId.set(p.customerId, [p]);
  }
  const o = {
    today,
    revenueWindowDays: wb.settings.revenueWindowDays,
    minFollowUpAmount: wb.settings.minFollowUpAmount,
    postSaleSteps: wb.settings.postSaleSteps,
    postSaleWindowDays: wb.settings.postSaleWindowDays,
  };
  const out = new Map<string, number | null>();
  for (const c of wb.customers) {
    if (out.has(c.id)) continue;
    const own = wb.purchases === null ? null : (byId.get(c.id) ?? []).filter((p) => p.problems.length === 0);
    out.set(c.id, factsRevenue(c, own, o));
  }
  return out;
}

export function demoDashboard(wb: ReadBack, today: CalDate, lang: Lang): DemoDashboard {
  const plan = planOn(wb, today, lang);
  const tierOf = new Map(plan.customers.map((p) => [p.customerId, p.tier]));
  const risks = bookRisk(
    wb.customers.map((c) => ({ id: c.id, tier: tierOf.get(c.id) ?? null })),
    wb.purchases ?? [],
    today,
    DEFAULT_RISK_OPTIONS,
  );
  const revenue = revenueOf(wb, today);
  const customers: DashboardCustomer[] = wb.customers.map((c, i) => ({
    id: c.id,
    name: c.name,
    revenue: revenue.get(c.id) ?? null,
    risk: risks[i],
  }));

  // The log's own rows (tonight's run with the plan's overdue count), and the days before replayed.
  const logged = new Set(wb.runs.map((r) => r.date));
  const runLog: RunLogRow[] = [];
  let replayedDays = 0;
  for (let i = 55; i >= 0; i--) {
    const day = addDays(today, -i);
    if (logged.has(day)) continue;
    const overdue = (i === 0 ? plan : planOn(asOf(wb, day), day, lang)).summary.overdue;
    runLog.push({ date: day, overdue, draftsMade: 0, eventsMade: 0 });
    replayedDays++;
  }
  for (const r of wb.runs) {
    if (r.mode === 'preview') continue;
    runLog.push({
      date: r.date,
      overdue: r.date === today ? plan.summary.overdue : null,
      draftsMade: r.draftsMade,
      eventsMade: r.eventsMade,
    });
  }
  runLog.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const contactLog: ContactLogRow[] = wb.contacts.map((c) => ({ date: c.date, type: c.type }));
  const bt = wb.purchases === null ? null : backtest(wb.purchases, { ...DEFAULT_RISK_OPTIONS, today });
  const dashboard = dashboardFigures({ today, lang, plan, customers, runLog, contactLog, backtest: bt });
  return { dashboard, backtest: bt, plan, replayedDays };
}
