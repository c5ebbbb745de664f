/**
 * The demo's dashboard (README, Customers slipping away): after the nightly
 * run, demo-out/dashboard.html shows the `Retain dashboard` sheet the bundle
 * wrote in the emulator, read back cell by cell, with the backtest the sheet
 * does not have; self-contained and offline. The same figures computed by the
 * core from the workbook read back come with it, so a test can check the
 * sheet against them. One call from tools/demo.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Backtest } from '../../src/core/backtest';
import { dashboardFigures, type Dashboard } from '../../src/core/dashboard';
import type { Lang } from '../../src/core/model';
import { backtestLines } from '../backtest';
import type { Emulator } from '../emulator';
import { demoDashboard, withBacktest } from './figures';
import { renderDashboard } from './render';
import { readBack, readDashboardSheet } from './workbook';

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
  /** What the page shows: the sheet as the bundle wrote it (the core's figures when the workbook has no such sheet), and the backtest. */
  dashboard: Dashboard;
  /** The core's figures from the workbook as it stands after the run, and the backtest. */
  computed: Dashboard;
  /** Whether `dashboard` was read from the sheet. */
  fromSheet: boolean;
  backtest: Backtest | null;
}

export function writeDashboard(emu: Emulator, outDir: string, o: DashboardOptions): WrittenDashboard {
  const lang = o.lang ?? 'en';
  const d = demoDashboard(readBack(emu, o.timeZone, lang), o.today, lang);
  const template = dashboardFigures({
    today: o.today,
    lang,
    plan: { customers: [] },
    customers: [],
    runLog: [],
    contactLog: [],
  });
  const sheet = readDashboardSheet(emu, template);
  const shown = sheet === null ? d.dashboard : withBacktest(sheet, lang, d.backtest);
  const file = path.join(outDir, 'dashboard.html');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(file, renderDashboard(shown, { backtest: d.backtest }), 'utf8');
  if (o.backtest) {
    o.print('');
    o.print('Backtest of the win-back flag (the Purchases history of this workbook)');
    for (const l of backtestLines(d.backtest)) o.print(l);
  }
  return { file, dashboard: shown, computed: d.dashboard, fromSheet: sheet !== null, backtest: d.backtest };
}
