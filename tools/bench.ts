/**
 * npm run bench: how Retain scales, measured on the built bundle.
 *
 *  1. RETAIN_TIER on 1k, 10k and 100k rows: one custom-function call over the
 *     whole column must stay fast (Sheets allows 30 s; we aim for 100k < 200 ms).
 *  2. Planning (previewRun) and a full nightly run (runNightly as a trigger) in
 *     the emulator on 1k, 10k and 100k generated customers: wall time, memory,
 *     service calls per kind, and an estimate of the time the same calls take
 *     in Apps Script, where service calls, not JavaScript, are the cost.
 *
 * Each size of part 2 runs in a child process of its own, so memory figures
 * are not polluted by the previous size and a runaway size can be stopped.
 * Results are printed as tables and written to bench-out/bench.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { fork } from 'child_process';
import { generateWorkbook, makeRng } from './sample/generate';
import { benchFunctions } from './benchFunctions';
import { benchPlan } from './benchPlan';
import { budgetScenario, latencyByService } from './benchBudget';
import {
  BUNDLE,
  DEMO_TODAY,
  ROOT,
  bundleFunctions,
  callsByService,
  diffCalls,
  errorText,
  demoEmulator,
  fmtNumber,
  readBundle,
  serviceOf,
  table,
} from './demo';

/**
 * Estimated latency of one Apps Script service call, in ms. These are
 * estimates from Google's Apps Script best-practices guide (a service call is
 * a round trip to a Google server; batch reads and writes) and public
 * measurements of typical calls; replace them with figures measured in a real
 * deployment (time each call in the execution log) when there are some.
 */
export const LATENCY_MS = {
  /** getValues/setValues and other whole-range reads and writes: a fixed part ... */
  rangeIoBase: 200,
  /** ... plus this per 1,000 cells (a 20-column, 100k-row sheet ≈ 2M cells ≈ +600 ms). */
  rangeIoPer1kCells: 0.3,
  /** Every other Spreadsheet call (getSheetByName, getRange, getLastRow, flush, ...). */
  spreadsheetOther: 50,
  gmailDraftCreate: 300,
  gmailOther: 200,
  calendarInsert: 250,
  calendarList: 200,
  calendarOther: 200,
  properties: 30,
  lock: 50,
  scriptApp: 100,
  session: 10,
  utilities: 1,
  cache: 20,
  htmlUi: 50,
  other: 50,
} as const;

const RANGE_IO =
  /\.(getValues|setValues|getDisplayValues|getFormulas|setFormulas|getFormulasR1C1|getRichTextValues|setRichTextValues|getNumberFormats|setNumberFormats|getBackgrounds|setBackgrounds|getNotes|setNotes)$/;

/**
 * Estimated Apps Script time of a set of calls, ms, per service. `avgRangeCells`
 * sizes the range reads and writes: the call counter does not know range sizes,
 * so each is taken as the average sheet of the workbook.
 */
export function estimateMs(byMethod: Record<string, number>, avgRangeCells: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(byMethod))
    out[serviceOf(key)] = (out[serviceOf(key)] ?? 0) + n * latencyOf(key, avgRangeCells);
  return out;
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

function latencyOf(key: string, avgRangeCells: number): number {
  const L = LATENCY_MS;
  switch (serviceOf(key)) {
    case 'Spreadsheet':
      return RANGE_IO.test(key) ? L.rangeIoBase + (avgRangeCells / 1000) * L.rangeIoPer1kCells : L.spreadsheetOther;
    case 'Gmail':
      return /drafts\.create$/i.test(key) ? L.gmailDraftCreate : L.gmailOther;
    case 'Calendar':
      return /\.insert$/i.test(key) ? L.calendarInsert : /\.list$/i.test(key) ? L.calendarList : L.calendarOther;
    case 'Properties':
      return L.properties;
    case 'Lock':
      return L.lock;
    case 'Triggers':
      return L.scriptApp;
    case 'Session':
      return L.session;
    case 'Utilities':
      return L.utilities;
    case 'Cache':
      return L.cache;
    case 'Html/UI':
      return L.htmlUi;
    default:
      return L.other;
  }
}

const SIZES = [1000, 10000, 100000];
const RUNS = 7;
/** A size of part 2 that takes longer than this is stopped and reported (the whole bench should stay near 3 minutes). */
const CHILD_TIMEOUT_MS = 150000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

// ---------------------------------------------------------------- part 1: RETAIN_TIER

export interface TierBench {
  rows: number;
  medianMs: number;
  msPer1k: number;
  runsMs: number[];
}

/** Revenues as a sheet column: Pareto-distributed, 5 % blank, a few zeros. */
function revenueColumn(n: number, seed: number): unknown[][] {
  const rnd = makeRng(seed);
  const col: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    col[i] = [r < 0.05 ? '' : r < 0.07 ? 0 : Math.round(3000 / Math.pow(1 - rnd(), 1 / 1.16))];
  }
  return col;
}

/**
 * RETAIN_TIER from the bundle in a bare vm context: the function's own cost,
 * without the emulator's bookkeeping (a custom function needs no service).
 */
function loadTierFunction(src: string): (col: unknown[][]) => unknown {
  const ctx = vm.createContext({});
  vm.runInContext(src, ctx, { filename: 'Code.js' });
  const fn = (ctx as Record<string, unknown>).RETAIN_TIER;
  if (typeof fn !== 'function') throw new Error('RETAIN_TIER is not a function after loading the bundle');
  return fn as (col: unknown[][]) => unknown;
}

function benchTier(src: string, print: (s: string) => void): TierBench[] {
  const tier = loadTierFunction(src);
  const out: TierBench[] = [];
  for (const n of SIZES) {
    const col = revenueColumn(n, n);
    const result = tier(col);
    if (!Array.isArray(result) || result.length !== n)
      throw new Error(
        `RETAIN_TIER on ${n} rows returned ${Array.isArray(result) ? result.length + ' rows' : typeof result}`,
      );
    tier(col); // warm-up: let the JIT settle before timing
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      tier(col);
      runs.push(performance.now() - t0);
    }
    const m = median(runs);
    out.push({ rows: n, medianMs: round(m), msPer1k: round(m / (n / 1000)), runsMs: runs.map(round) });
  }
  const nlogn = (n: number) => n * Math.log2(n);
  const rows = out.map((b, i) => {
    const prev = out[i - 1];
    const growth = prev
      ? `x${(b.medianMs / prev.medianMs).toFixed(1)} (n log n: x${(nlogn(b.rows) / nlogn(prev.rows)).toFixed(1)})`
      : '';
    return [fmtNumber(b.rows), b.medianMs.toFixed(2), b.msPer1k.toFixed(3), growth];
  });
  for (const l of table(['Rows#', 'Median ms#', 'ms per 1k rows#', 'Growth vs previous'], rows)) print(l);
  const big = out.find((b) => b.rows === 100000);
  if (big)
    print(
      `  100k under 200 ms: ${big.medianMs < 200 ? 'yes' : 'no'} (${big.medianMs.toFixed(1)} ms, median of ${RUNS} after a warm-up)`,
    );
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---------------------------------------------------------------- part 2: the nightly run

export interface NightlyBench {
  customers: number;
  purchases: number;
  contacts: number;
  workbookCells: number;
  setupMs: number;
  planMs: number | null;
  runMs: number;
  heapBeforeMb: number;
  /** Highest heapUsed seen at any service call of the run (and after it). */
  heapPeakMb: number;
  peakRssMb: number;
  calls: Record<string, number>;
  callsByService: Record<string, number>;
  planCalls: Record<string, number> | null;
  draftsMade: number;
  visitsMade: number;
  calendarInserts: number;
  estimatedAppsScriptMs: number;
  estimatedMsByService: Record<string, number>;
  summary: unknown;
  error?: string;
}

/** One size, in this process (the child side). */
async function nightlyOnce(customers: number): Promise<NightlyBench> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const src = readBundle();
  const fns = bundleFunctions(src);
  // About 2 purchases and 1 contact-log row per customer.
  const wb = generateWorkbook({ customers, purchasesPerCustomer: 2, contactsPerCustomer: 0.3 });
  const emu = demoEmulator(DEMO_TODAY);
  for (const [name, rows] of Object.entries(wb)) emu.setSheet(name, rows, { parse: true });
  emu.load(src, 'Code.js');

  let t0 = performance.now();
  emu.invoke('setupSheets');
  const setupMs = performance.now() - t0;
  // The trigger opens the spreadsheet whose ID was stored when it was installed.
  if (fns.has('scheduleNightlyRun')) emu.invoke('scheduleNightlyRun');

  let planMs: number | null = null;
  let planCalls: Record<string, number> | null = null;
  const preview = fns.has('previewRun') ? 'previewRun' : null;
  if (preview) {
    const before = emu.calls.byMethod();
    t0 = performance.now();
    emu.invoke(preview, {});
    planMs = performance.now() - t0;
    planCalls = diffCalls(emu.calls.byMethod(), before);
  }

  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  // The run is synchronous, so a timer cannot sample it; the emulator's fault hook sees every service call.
  emu.faults.failWhen(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    return undefined;
  });
  const before = emu.calls.byMethod();
  t0 = performance.now();
  const summary = emu.invokeAs({ trigger: true }, 'runNightly');
  const runMs = performance.now() - t0;
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const calls = diffCalls(emu.calls.byMethod(), before);

  const sheetCells = emu.sheetNames().map((n) => {
    const v = emu.sheetValues(n);
    return v.length * (v[0]?.length ?? 0);
  });
  const workbookCells = sheetCells.reduce((a, b) => a + b, 0);
  const nonEmpty = sheetCells.filter((c) => c > 0).length || 1;
  const estimate = estimateMs(calls, workbookCells / nonEmpty);
  const calendarInserts = Object.entries(calls)
    .filter(([k]) => serviceOf(k) === 'Calendar' && /\.insert$/i.test(k))
    .reduce((s, [, n]) => s + n, 0);

  return {
    customers,
    purchases: wb.Purchases.length - 1,
    contacts: wb['Contact log'].length - 1,
    workbookCells,
    setupMs: Math.round(setupMs),
    planMs: planMs === null ? null : Math.round(planMs),
    runMs: Math.round(runMs),
    heapBeforeMb: mb(heapBefore),
    heapPeakMb: mb(heapPeak),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    calls,
    callsByService: callsByService(calls),
    planCalls,
    draftsMade: emu.gmail.drafts().length,
    visitsMade: emu.calendar.events().length,
    calendarInserts,
    estimatedAppsScriptMs: Math.round(sum(estimate)),
    estimatedMsByService: Object.fromEntries(Object.entries(estimate).map(([k, v]) => [k, Math.round(v)])),
    summary: plain(summary),
  };
}

/** The run summary without Dates or class instances, for JSON and IPC. */
function plain(v: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(v ?? null));
  } catch {
    return String(v);
  }
}

/** One size in a child process (fresh heap, a time limit). */
function nightlyInChild(customers: number): Promise<NightlyBench> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', String(customers)], {
      execArgv: [...process.execArgv, '--expose-gc', '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: NightlyBench | { error: string } | undefined;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`stopped after ${CHILD_TIMEOUT_MS / 1000} s`));
    }, CHILD_TIMEOUT_MS);
    child.on('message', (m) => {
      result = m as NightlyBench | { error: string };
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (result && 'customers' in result) resolve(result);
      else reject(new Error(result?.error ?? `child exited with code ${code}`));
    });
  });
}

function printNightly(results: NightlyBench[], print: (s: string) => void): void {
  print('  Time and memory (emulator on this machine; setup and planning shown apart from the run):');
  for (const l of table(
    [
      'Customers#',
      'Purchases#',
      'Contacts#',
      'Set up ms#',
      'Plan ms#',
      'Run ms#',
      'Heap before MB#',
      'Heap peak MB#',
      'Peak RSS MB#',
    ],
    results.map((r) => [
      r.customers,
      r.purchases,
      r.contacts,
      r.setupMs,
      r.planMs ?? '-',
      r.runMs,
      r.heapBeforeMb,
      r.heapPeakMb,
      r.peakRssMb,
    ]),
  ))
    print(l);
  print('');
  print('  Service calls of the nightly run:');
  const services = [...new Set(results.flatMap((r) => Object.keys(r.callsByService)))].sort();
  for (const l of table(
    ['Customers#', ...services.map((s) => s + '#'), 'Total#'],
    results.map((r) => [
      r.customers,
      ...services.map((s) => r.callsByService[s] ?? 0),
      Object.values(r.calls).reduce((a, b) => a + b, 0),
    ]),
  ))
    print(l);
  print('');
  print('  Actions and estimated Apps Script time (calls x per-call latency, see LATENCY_MS):');
  for (const l of table(
    [
      'Customers#',
      'Gmail calls#',
      'Drafts made#',
      'Calendar inserts#',
      'Visits made#',
      'Est. Apps Script s#',
      'Within 6 min',
    ],
    results.map((r) => [
      r.customers,
      r.callsByService.Gmail ?? 0,
      r.draftsMade,
      r.calendarInserts,
      r.visitsMade,
      (r.estimatedAppsScriptMs / 1000).toFixed(1),
      r.estimatedAppsScriptMs < 360000 ? 'yes' : 'no',
    ]),
  ))
    print(l);
  const sheetCalls = results.map((r) => r.callsByService.Spreadsheet ?? 0);
  print('');
  print(
    `  Spreadsheet calls per run: ${results.map((r, i) => `${fmtNumber(r.customers)}: ${sheetCalls[i]}`).join(', ')}`,
  );
  print(
    `  Spreadsheet calls constant in rows: ${new Set(sheetCalls).size === 1 ? 'yes' : 'no'}; at most 10: ${sheetCalls.every((n) => n <= 10) ? 'yes' : 'no'}`,
  );
  const big = results[results.length - 1];
  if (big) {
    const at = `at ${fmtNumber(big.customers)} customers`;
    const est = Object.entries(big.estimatedMsByService).sort((a, b) => b[1] - a[1]);
    print(
      `  Estimated Apps Script time ${at}, by service: ${est.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    const top = Object.entries(big.calls)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8);
    print(`  Most frequent calls ${at}: ${top.map(([k, n]) => `${k} ${fmtNumber(n)}`).join(', ')}`);
  }
  print('  (Heap peak: the highest heapUsed seen at any service call of the run. Peak RSS: the whole child process,');
  print('   i.e. the generated workbook, the emulator and the bundle; Apps Script holds only the bundle side.)');
}

// ---------------------------------------------------------------- main

export async function runBench(print: (s: string) => void = (s) => console.log(s)): Promise<Record<string, unknown>> {
  const started = Date.now();
  const out: Record<string, unknown> = {
    when: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    latencyMs: LATENCY_MS,
  };
  const src = readBundle();
  const fns = bundleFunctions(src);
  print(
    `Retain benchmark: ${path.relative(process.cwd(), BUNDLE)}, node ${process.version}, ${os.cpus().length} CPU(s)`,
  );
  print('');

  print(`1. RETAIN_TIER, one call over a whole column (median of ${RUNS} runs)`);
  if (!fns.has('RETAIN_TIER')) {
    print('  skipped: the bundle has no RETAIN_TIER');
    out.tier = { skipped: 'no RETAIN_TIER in the bundle' };
  } else {
    try {
      out.tier = benchTier(src, print);
    } catch (e) {
      print(`  failed: ${errorText(e)}`);
      out.tier = { error: errorText(e) };
    }
  }
  print('');

  print('1b. RETAIN_RISK and RETAIN_RFM, one call over a whole column (median of 5 runs)');
  if (!fns.has('RETAIN_RISK') || !fns.has('RETAIN_RFM')) {
    print('  skipped: the bundle has no RETAIN_RISK or RETAIN_RFM');
    out.functions = { skipped: 'no RETAIN_RISK or RETAIN_RFM in the bundle' };
  } else {
    try {
      out.functions = benchFunctions(src, print);
    } catch (e) {
      print(`  failed: ${errorText(e)}`);
      out.functions = { error: errorText(e) };
    }
  }
  print('');

  print('2. Planning in the core (Node, no emulator): parse the rows and plan, median of 3');
  const plans = benchPlan(SIZES);
  print('  Customers  Parse ms  Plan ms  Due items');
  print('  ---------  --------  -------  ---------');
  for (const p of plans)
    print(
      `  ${fmtNumber(p.customers).padStart(9)}  ${String(p.parseMs).padStart(8)}  ${String(p.planMs).padStart(7)}  ${fmtNumber(p.items).padStart(9)}`,
    );
  const big = plans.find((p) => p.customers === 100000);
  if (big) print(`  100k planned under 1 s: ${big.planMs < 1000 ? 'yes' : 'no'} (${big.planMs} ms)`);
  out.plan = plans;
  print('');

  print('3. Nightly run in the emulator (purchases ~2 and contacts ~1 per customer)');
  const missing = ['setupSheets', 'runNightly'].filter((f) => !fns.has(f));
  if (missing.length) {
    print(`  skipped: the bundle has no ${missing.join(', ')}`);
    out.nightly = { skipped: `no ${missing.join(', ')} in the bundle` };
  } else {
    const results: NightlyBench[] = [];
    const failures: Array<{ customers: number; error: string }> = [];
    for (const n of SIZES) {
      process.stdout.write(`  ${fmtNumber(n)} customers ... `);
      try {
        const r = await nightlyInChild(n);
        results.push(r);
        console.log(`${(r.runMs / 1000).toFixed(1)} s`);
      } catch (e) {
        console.log('failed');
        failures.push({ customers: n, error: errorText(e) });
        print(`    ${errorText(e)}`);
      }
    }
    print('');
    if (results.length) printNightly(results, print);
    out.nightly = { results, failures };
  }

  print('4. The time budget at 10,000 customers (every call costs its estimated latency on the fake clock)');
  if (missing.length === 0) {
    const budgets = [300, 1200].map((n) => budgetScenario(src, n, latencyByService(LATENCY_MS)));
    print('  Drafts due  Runs  Fake seconds per run       Drafts per run     Made in all  Made twice');
    print('  ----------  ----  -------------------------  -----------------  -----------  ----------');
    for (const b of budgets) {
      print(
        `  ${fmtNumber(b.draftsDue).padStart(10)}  ${String(b.runs.length).padStart(4)}  ${b.runs
          .map((r) => r.fakeSeconds)
          .join(', ')
          .padEnd(25)}  ${b.runs
          .map((r) => r.draftsMade)
          .join(', ')
          .padEnd(17)}  ${fmtNumber(b.draftsTotal).padStart(11)}  ${String(b.duplicates).padStart(10)}`,
      );
    }
    const first = budgets[0];
    print(
      `  300 actions in one run under 6 minutes: ${first.runs.length === 1 && first.runs[0].fakeSeconds < 360 ? 'yes' : 'no'} (${first.runs[0].fakeSeconds} s)`,
    );
    const big = budgets[1];
    print(
      `  More than a run can do: carried to follow-up runs, every run under 6 minutes, nothing made twice: ${big.runs.length > 1 && big.runs.every((r) => r.fakeSeconds < 360) && big.duplicates === 0 && big.draftsTotal === big.draftsDue ? 'yes' : 'no'}`,
    );
    out.budget = budgets;
  }
  print('');

  const dir = path.join(ROOT, 'bench-out');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench.json');
  out.seconds = Math.round((Date.now() - started) / 1000);
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  print('');
  print(`Figures written to ${path.relative(process.cwd(), file)} (${out.seconds} s in all)`);
  return out;
}

if (require.main === module) {
  const i = process.argv.indexOf('--child');
  if (i >= 0) {
    // Child side of nightlyInChild: one size, the result back over IPC.
    nightlyOnce(Number(process.argv[i + 1]))
      .then((r) => process.send?.(r, () => process.exit(0)))
      .catch((e) => process.send?.({ error: errorText(e) }, () => process.exit(1)));
  } else {
    runBench().then(
      () => process.exit(0),
      (e) => {
        console.error(`\nbench: ${errorText(e)}`);
        process.exit(1);
      },
    );
  }
}
