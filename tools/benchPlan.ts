/**
 * Planning time of the pure core (docs/testing.md, Bench: 100k customers in about 1 s
 * on this machine): the generated workbook is parsed by the same row parsers
 * the bundle uses (src/core/rows.ts) and planned by planNightly, in Node,
 * without the emulator, whose vm context slows every global lookup and so
 * says little about the planner itself.
 */
import { matchHeaders } from '../src/core/headers';
import { planNightly } from '../src/core/plan';
import { parseContacts, parseCustomers, parseHolidays, parsePurchases, type RawTable } from '../src/core/rows';
import { SHEETS, type SheetKey } from '../src/core/schema';
import { defaultSettings } from '../src/core/settings';
import { generateWorkbook } from './sample/generate';

export interface PlanBench {
  customers: number;
  parseMs: number;
  planMs: number;
  items: number;
}

function table(key: SheetKey, values: unknown[][]): RawTable {
  return {
    sheetName: SHEETS[key].en,
    spec: SHEETS[key],
    values,
    formulas: null,
    match: matchHeaders(values[0] ?? [], SHEETS[key]),
  };
}

/** The sample's text dates are already ISO; a Date cell never occurs here, so the converter only guards. */
const toCalDate = (d: Date) => d.toISOString().slice(0, 10);

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function benchPlan(sizes: number[], runs = 3): PlanBench[] {
  const out: PlanBench[] = [];
  for (const n of sizes) {
    const wb = generateWorkbook({ customers: n, purchasesPerCustomer: 2, contactsPerCustomer: 1 });
    const parseTimes: number[] = [];
    const planTimes: number[] = [];
    let items = 0;
    for (let r = 0; r < runs; r++) {
      const ctx = { toCalDate, lang: 'en' as const };
      const t0 = performance.now();
      const customers = parseCustomers(table('customers', wb.Customers), ctx).customers;
      const purchases = parsePurchases(table('purchases', wb.Purchases), ctx).purchases;
      const contacts = parseContacts(table('contactLog', wb['Contact log']), ctx).contacts;
      const holidays = parseHolidays(table('holidays', wb.Holidays), ctx).holidays;
      const t1 = performance.now();
      const plan = planNightly({
        today: '2026-11-16',
        settings: defaultSettings(),
        lang: 'en',
        customers,
        purchases,
        contacts,
        holidays,
      });
      const t2 = performance.now();
      parseTimes.push(t1 - t0);
      planTimes.push(t2 - t1);
      items = plan.customers.reduce((s, c) => s + c.items.length, 0);
    }
    out.push({ customers: n, parseMs: Math.round(median(parseTimes)), planMs: Math.round(median(planTimes)), items });
  }
  return out;
}
