/**
 * The time budget against a real-sized night (docs/testing.md, Bench): 10,000 customers of
 * whom N bought yesterday (N thank-you drafts due), run in the emulator with
 * every service call costing its estimated latency on the fake clock
 * (LATENCY_MS). With 300 actions the run must finish inside the 6 minutes
 * Apps Script allows; with more, the run stops starting drafts after
 * runBudgetSeconds, schedules a follow-up run, and that run finishes the
 * rest, with no draft made twice.
 */
import type { ServiceName } from './emulator';
import { generateWorkbook } from './sample/generate';
import { DEMO_TODAY, demoEmulator } from './demo';
import { addDays } from '../src/core/dates';

export interface BudgetBench {
  customers: number;
  draftsDue: number;
  runs: Array<{ fakeSeconds: number; draftsMade: number; mustContinue: boolean }>;
  draftsTotal: number;
  duplicates: number;
}

/** Per-service fake-clock cost of one call, ms: the bench's estimates in the emulator's terms. */
export function latencyByService(l: {
  spreadsheetOther: number;
  rangeIoBase: number;
  gmailDraftCreate: number;
  calendarInsert: number;
  properties: number;
  lock: number;
  scriptApp: number;
  cache: number;
}): Partial<Record<ServiceName, number>> {
  // One figure per service: Spreadsheet calls are mostly cheap; its few range reads are charged at the range rate below.
  return {
    SpreadsheetApp: Math.round((l.spreadsheetOther + l.rangeIoBase) / 2),
    Gmail: l.gmailDraftCreate,
    Calendar: l.calendarInsert,
    PropertiesService: l.properties,
    LockService: l.lock,
    ScriptApp: l.scriptApp,
    CacheService: l.cache,
  };
}

export function budgetScenario(
  src: string,
  draftsDue: number,
  latency: Partial<Record<ServiceName, number>>,
  customers = 10000,
): BudgetBench {
  const wb = generateWorkbook({ customers, purchasesPerCustomer: 1, contactsPerCustomer: 0.3 });
  // Move every purchase out of the thank-you window, then give N customers with an email one bought yesterday.
  const header = wb.Purchases[0];
  const dateCol = header.indexOf('Date');
  const yesterday = addDays(DEMO_TODAY, -1);
  const old = addDays(DEMO_TODAY, -60);
  for (let i = 1; i < wb.Purchases.length; i++)
    if (wb.Purchases[i][dateCol] >= addDays(DEMO_TODAY, -7)) wb.Purchases[i][dateCol] = old;
  const ch = wb.Customers[0];
  const [idCol, emailCol, statusCol] = ['Customer ID', 'Email', 'Status'].map((h) => ch.indexOf(h));
  let added = 0;
  for (let i = 1; i < wb.Customers.length && added < draftsDue; i++) {
    const c = wb.Customers[i];
    if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(c[emailCol]) || !/^(active|)$/i.test(c[statusCol] ?? '')) continue;
    const row = header.map(() => '');
    row[header.indexOf('Customer ID')] = c[idCol];
    row[dateCol] = yesterday;
    row[header.indexOf('Amount')] = '1000';
    row[header.indexOf('Product')] = `Order ${added + 1}`;
    wb.Purchases.push(row);
    added++;
  }
  const emu = demoEmulator(DEMO_TODAY);
  for (const [name, rows] of Object.entries(wb)) emu.setSheet(name, rows, { parse: true });
  emu.load(src, 'Code.js');
  emu.invoke('setupSheets');
  emu.invoke('saveSettings', { values: { senderName: 'Lin Wei', visitEveryDays: { A: null, B: null, C: null } } });
  emu.invoke('scheduleNightlyRun');
  // Latency only from here: set up is a one-off.
  emu.setLatency(latency);
  const runs: BudgetBench['runs'] = [];
  let handler = 'runNightly';
  for (let n = 0; n < 5; n++) {
    const t0 = emu.clock.now().getTime();
    const trigger = emu.triggers.list().find((t) => t.handler === handler);
    const s = emu.invokeAs({ trigger: true }, handler, { triggerUid: trigger?.id }) as {
      draftsMade: number;
      mustContinue: boolean;
    };
    runs.push({
      fakeSeconds: Math.round((emu.clock.now().getTime() - t0) / 1000),
      draftsMade: s.draftsMade,
      mustContinue: s.mustContinue,
    });
    if (!s.mustContinue) break;
    handler = 'runFollowUp';
    emu.clock.advance(60000);
  }
  const keys = emu.gmail.drafts().map((d) => /X-Retain-Key: (\S+)/.exec(d.raw)?.[1] ?? d.id);
  return { customers, draftsDue: added, runs, draftsTotal: keys.length, duplicates: keys.length - new Set(keys).size };
}
