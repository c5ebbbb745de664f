/**
 * The demo's dashboard figures from the workbook read back after the nightly
 * run, computed by the same core function the bundle uses for the sheet
 * (src/core/dashboardInput.ts bookDashboard): the night's plan, each
 * customer's revenue and rhythm, the `Retain log` (with its Overdue column,
 * the current run included) and the `Contact log`; and the backtest, which
 * only the page shows. The overdue line has the days the log has: no day is
 * made up.
 */
import { backtest, type Backtest } from '../../src/core/backtest';
import { backtestTable, type Dashboard } from '../../src/core/dashboard';
import { bookDashboard } from '../../src/core/dashboardInput';
import type { CalDate } from '../../src/core/dates';
import type { Lang } from '../../src/core/model';
import { planNightly } from '../../src/core/plan';
import { DEFAULT_RISK_OPTIONS } from '../../src/core/risk';
import type { ReadBack } from './workbook';

export interface DemoDashboard {
  /** The figures, the backtest's table last. */
  dashboard: Dashboard;
  backtest: Backtest | null;
}

/** The page's dashboard: the sheet's tables and the backtest's. */
export function withBacktest(d: Dashboard, lang: Lang, bt: Backtest | null): Dashboard {
  return { ...d, tables: [...d.tables, backtestTable(lang, bt)] };
}

export function demoDashboard(wb: ReadBack, today: CalDate, lang: Lang): DemoDashboard {
  const plan = planNightly({
    today,
    settings: wb.settings,
    lang,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    holidays: wb.holidays,
  });
  const dashboard = bookDashboard({
    today,
    lang,
    settings: wb.settings,
    plan,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    runLog: wb.runLog,
  });
  const bt = wb.purchases === null ? null : backtest(wb.purchases, { ...DEFAULT_RISK_OPTIONS, today });
  return { dashboard: withBacktest(dashboard, lang, bt), backtest: bt };
}
