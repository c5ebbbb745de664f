/**
 * The demo's dashboard (SPEC section 9): after the nightly run, the workbook
 * is read back, the core computes the dashboard figures and the backtest, and
 * demo-out/dashboard.html is written, self-contained and offline. One call
 * from tools/demo.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Backtest } from '../../src/core/backtest';
import type { Dashboard } from '../../src/core/dashboard';
import type { Lang } from '../../src/core/model';
import { backtestLines } from '../backtest';
import type { Emulator } from '../emulator';
import { demoDashboard } from './figures';
import { renderDashboard } from './render';
import { readBack } from './workbook';

export interface DashboardOptions {
  today: string;
  timeZone: string;
  lang?: Lang;
  /** Print the backtest table (npm run demo -- --backtest). */
  backtest?: boolean;
  print: (line: string) => void;
}

export interface WrittenDashboard {
  file: string;
  dashboard: Dashboard;
  backtest: Backtest | null;
}

export function writeDashboard(emu: Emulator, outDir: string, o: DashboardOptions): WrittenDashboard {
  const lang = o.lang ?? 'en';
  const d = demoDashboard(readBack(emu, o.timeZone, lang), o.today, lang);
  const file = path.join(outDir, 'dashboard.html');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(file, renderDashboard(d.dashboard, { replayedDays: d.replayedDays, backtest: d.backtest }), 'utf8');
  if (o.backtest) {
    o.print('');
    o.print('Backtest of the win-back flag (the Purchases history of this workbook)');
    for (const l of backtestLines(d.backtest)) o.print(l);
  }
  return { file, dashboard: d.dashboard, backtest: d.backtest };
}
