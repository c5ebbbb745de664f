/**
 * A larger purchase history with realistic rhythms, for the win-back backtest
 * (tools/backtest.ts, test/core/backtest.test.ts): seeded, so every run and
 * every machine gets the same history; nothing of it is committed but this
 * generator.
 *
 *   npx tsx tools/sample/history.ts [--customers 2000] [--years 3] [--seed N] [--out DIR]
 *
 * writes DIR/Customers.csv and DIR/Purchases.csv (default demo-out/history/), which
 * `npm run demo -- --backtest --customers DIR/Customers.csv --purchases DIR/Purchases.csv`
 * reads like anyone's own files.
 *
 * Who buys: weekly buyers (a café's supplies), monthly, quarterly,
 * half-yearly and yearly ones (a maintenance contract), each gap varying
 * around their own (tools/sample/rhythm.ts), a busier end of year; customers
 * join at any time during the history; about a third churn at a random
 * moment and never buy again; a few buy irregularly (a wide spread).
 */
import * as fs from 'fs';
import * as path from 'path';
import { addDays, toDayNumber, fromDayNumber, type CalDate } from '../../src/core/dates';
import { makeRng, toCsv } from './generate';
import { normal, purchaseDays } from './rhythm';

export interface HistoryOptions {
  customers?: number;
  years?: number;
  /** The last day of the history (default 2026-11-15, the day before the demo date). */
  end?: CalDate;
  seed?: number;
  /** Share of customers who stop buying at a random moment (default 0.35). */
  churn?: number;
}

export interface History {
  Customers: string[][];
  Purchases: string[][];
}

interface Persona {
  name: string;
  weight: number;
  gap: number;
  sigma: number;
  /** Typical amount per purchase (yuan). */
  amount: number;
}

const PERSONAS: readonly Persona[] = [
  { name: 'weekly', weight: 0.08, gap: 7, sigma: 0.35, amount: 400 },
  { name: 'fortnightly', weight: 0.1, gap: 14, sigma: 0.3, amount: 900 },
  { name: 'monthly', weight: 0.27, gap: 30, sigma: 0.3, amount: 2500 },
  { name: 'quarterly', weight: 0.25, gap: 91, sigma: 0.25, amount: 8000 },
  { name: 'half-yearly', weight: 0.15, gap: 182, sigma: 0.2, amount: 15000 },
  { name: 'yearly', weight: 0.1, gap: 365, sigma: 0.12, amount: 30000 },
  // Irregular buyers: a monthly habit with a wide spread.
  { name: 'irregular', weight: 0.05, gap: 45, sigma: 0.8, amount: 3000 },
];

function pickPersona(rng: () => number): Persona {
  let r = rng();
  for (const p of PERSONAS) {
    if (r < p.weight) return p;
    r -= p.weight;
  }
  return PERSONAS[PERSONAS.length - 1];
}

export const HISTORY_END: CalDate = '2026-11-15';

export function generateHistory(options: HistoryOptions = {}): History {
  const n = options.customers ?? 2000;
  const years = options.years ?? 3;
  const end = options.end ?? HISTORY_END;
  const churn = options.churn ?? 0.35;
  const rng = makeRng(options.seed ?? 20261115);
  const last = toDayNumber(end);
  const first = toDayNumber(addDays(end, -Math.round(365.25 * years) + 1));
  const customers: string[][] = [['Customer ID', 'Name', 'Company']];
  const purchases: Array<[number, string, number]> = [];
  const width = String(n).length + 1;
  for (let k = 1; k <= n; k++) {
    const id = `H${String(k).padStart(width, '0')}`;
    const p = pickPersona(rng);
    customers.push([id, `Customer ${k} (${p.name})`, `Company ${k}`]);
    // Most were customers before the history starts; some join during it.
    const from = rng() < 0.7 ? first - Math.floor(rng() * p.gap) : first + Math.floor(rng() * (last - first));
    const to = rng() < churn ? Math.max(from + 1, first + Math.floor(rng() * (last - first))) : last + 1;
    const typical = p.amount * Math.exp(0.5 * normal(rng));
    for (const d of purchaseDays(rng, { from, to, gap: p.gap, sigma: p.sigma })) {
      if (d < first) continue;
      purchases.push([d, id, Math.max(10, Math.round((typical * (0.7 + 0.6 * rng())) / 10) * 10)]);
    }
  }
  purchases.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return {
    Customers: customers,
    Purchases: [
      ['Customer ID', 'Date', 'Amount'],
      ...purchases.map(([d, id, amount]) => [id, fromDayNumber(d), String(amount)]),
    ],
  };
}

/** History rows as the core reads them (for the backtest without the emulator). */
export function historyPurchases(h: History): Array<{ customerId: string; date: CalDate; amount: number }> {
  return h.Purchases.slice(1).map((r) => ({ customerId: r[0], date: r[1], amount: Number(r[2]) }));
}

function arg(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const out = path.resolve(arg(argv, '--out') ?? path.join(__dirname, '../../demo-out/history'));
  const h = generateHistory({
    customers: arg(argv, '--customers') ? Number(arg(argv, '--customers')) : undefined,
    years: arg(argv, '--years') ? Number(arg(argv, '--years')) : undefined,
    seed: arg(argv, '--seed') ? Number(arg(argv, '--seed')) : undefined,
  });
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'Customers.csv'), toCsv(h.Customers), 'utf8');
  fs.writeFileSync(path.join(out, 'Purchases.csv'), toCsv(h.Purchases), 'utf8');
  console.log(`${h.Customers.length - 1} customers, ${h.Purchases.length - 1} purchases in ${out}`);
}
