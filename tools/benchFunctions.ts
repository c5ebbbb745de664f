/**
 * Bench of RETAIN_RISK and RETAIN_RFM (npm run bench, part 1): one custom
 * function call over a whole column of 1k, 10k and 100k customers, from the
 * built bundle, must stay under 1 s at 100k (Sheets allows 30 s).
 *
 * The functions run without the emulator: their own cost, not the
 * emulator's bookkeeping (see load). Both functions ask the spreadsheet
 * for its locale and zone and Utilities for zone offsets; the context has
 * stand-ins for those few calls (a handful per call: the offset is cached per
 * month), which answer at once, as the real calls' latency is not what is
 * measured here.
 */
import * as vm from 'vm';
import { makeRng } from './sample/generate';
import { fmtNumber, table } from './demo';

export interface FunctionBench {
  name: string;
  rows: number;
  purchases?: number;
  medianMs: number;
  runsMs: number[];
}

const SIZES = [1000, 10000, 100000];
const RUNS = 5;
const DAY = 86400000;
// Midnight in Asia/Shanghai, the zone of the stand-in spreadsheet.
const MIDNIGHT = (day: number) => new Date(Date.UTC(2026, 10, 16) - 8 * 3600000 - day * DAY);

type Fn = (...args: unknown[]) => unknown;

/**
 * The bundle's custom functions, run in this process's own global scope as
 * Apps Script runs a script, not in a vm context: code in a vm context looks
 * every global (Math, Number, Date) up through the context's interceptors,
 * which made the same bundle five times slower than in Node or in Apps
 * Script. The bundle is wrapped in a function whose parameters are the
 * stand-in services, and the entry points it puts on globalThis are taken and
 * removed again.
 */
function load(src: string, names: string[]): Record<string, Fn> {
  const ss = { getSpreadsheetTimeZone: () => 'Asia/Shanghai', getSpreadsheetLocale: () => 'en_US' };
  const before = new Set(Object.keys(globalThis));
  const wrapped = vm.runInThisContext(`(function (SpreadsheetApp, Utilities) {\n${src}\n})`, { filename: 'Code.js' });
  const g = globalThis as unknown as Record<string, unknown>;
  const out: Record<string, Fn> = {};
  try {
    wrapped({ getActive: () => ss }, { formatDate: () => '+0800' });
    for (const name of names) {
      if (typeof g[name] !== 'function') throw new Error(`${name} is not a function after loading the bundle`);
      out[name] = g[name] as Fn;
    }
  } finally {
    for (const k of Object.keys(globalThis)) if (!before.has(k)) delete g[k];
  }
  return out;
}

/** n customers, 5 purchases each on average with their own rhythm (weekly to quarterly), as Date cells. */
function riskColumns(n: number, seed: number): { ids: unknown[][]; pIds: unknown[][]; pDates: unknown[][] } {
  const rnd = makeRng(seed);
  const ids: unknown[][] = [];
  const pIds: unknown[][] = [];
  const pDates: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const id = `C${String(i + 1).padStart(6, '0')}`;
    ids.push([id]);
    const gap = [7, 30, 90][Math.floor(rnd() * 3)];
    const count = 1 + Math.floor(rnd() * 9);
    let day = Math.floor(rnd() * 120);
    for (let k = 0; k < count; k++) {
      pIds.push([id]);
      pDates.push([MIDNIGHT(day)]);
      day += Math.max(1, Math.round(gap * (0.5 + rnd())));
    }
  }
  return { ids, pIds, pDates };
}

function rfmColumns(n: number, seed: number): unknown[][][] {
  const rnd = makeRng(seed);
  const r: unknown[][] = [];
  const f: unknown[][] = [];
  const m: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    r.push([Math.floor(rnd() * 700)]);
    f.push([1 + Math.floor(-Math.log(1 - rnd()) * 3)]);
    m.push([Math.round(3000 / Math.pow(1 - rnd(), 1 / 1.16))]);
  }
  return [r, f, m];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: Fn, args: unknown[], rows: number, name: string): number[] {
  const first = fn(...args);
  if (!Array.isArray(first) || first.length === 0) throw new Error(`${name} returned ${typeof first}`);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn(...args);
    runs.push(Math.round((performance.now() - t0) * 10) / 10);
  }
  if (name === 'RETAIN_RISK' && first.length !== rows) throw new Error(`${name} returned ${first.length} rows`);
  return runs;
}

export function benchFunctions(src: string, print: (s: string) => void): FunctionBench[] {
  const { RETAIN_RISK: risk, RETAIN_RFM: rfm } = load(src, ['RETAIN_RISK', 'RETAIN_RFM']);
  const out: FunctionBench[] = [];
  for (const n of SIZES) {
    const c = riskColumns(n, n);
    // today pinned: the stand-in clock is the machine's, the purchases end on 2026-11-16.
    const runs = time(risk, [c.ids, c.pIds, c.pDates, '', '2026-11-16'], n, 'RETAIN_RISK');
    out.push({ name: 'RETAIN_RISK', rows: n, purchases: c.pIds.length, medianMs: median(runs), runsMs: runs });
  }
  for (const n of SIZES) {
    const runs = time(rfm, rfmColumns(n, n), n, 'RETAIN_RFM');
    out.push({ name: 'RETAIN_RFM', rows: n, medianMs: median(runs), runsMs: runs });
  }
  const rows = out.map((b) => [
    b.name,
    fmtNumber(b.rows),
    b.purchases ? fmtNumber(b.purchases) : '-',
    b.medianMs.toFixed(1),
  ]);
  for (const l of table(['Function', 'Customers#', 'Purchases#', 'Median ms#'], rows)) print(l);
  for (const name of ['RETAIN_RISK', 'RETAIN_RFM']) {
    const big = out.find((b) => b.name === name && b.rows === 100000);
    if (big)
      print(`  ${name} on 100k under 1 s: ${big.medianMs < 1000 ? 'yes' : 'no'} (${big.medianMs.toFixed(1)} ms)`);
  }
  return out;
}
