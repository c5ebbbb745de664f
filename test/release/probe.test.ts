/**
 * The probe in docs/real-account-check.md, part 2, run in the emulator next to
 * the zipped Code.gs (Apps Script files share one global scope, so the two are
 * loaded as one script): a person pasting it into a real project must get a
 * probe that runs, logs what the doc says, and cleans up after itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Emulator } from '../../tools/emulator';
import { SHEETS } from '../../src/core/schema';
import { TEMPLATE_FILE } from '../../tools/release/template';
import { ROOT } from '../helpers/bundle';
import { importTemplate, makeReleaseZip } from './zip';

function probeSource(): string {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'real-account-check.md'), 'utf8');
  const m = /```js\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('docs/real-account-check.md has no ```js block');
  return m[1];
}

let emu: Emulator;

beforeAll(async () => {
  const release = await makeReleaseZip();
  emu = new Emulator({
    timeZone: 'Asia/Shanghai',
    locale: 'en',
    now: '2026-11-16T09:30:00+08:00',
    userEmail: 'rep@example.com',
    htmlDir: path.join(ROOT, 'dist'),
  });
  const row = (v: Record<string, unknown>) => SHEETS.customers.fields.map((f) => v[f.key] ?? '');
  const purchase = (v: Record<string, unknown>) => SHEETS.purchases.fields.map((f) => v[f.key] ?? '');
  importTemplate(emu, await release.workbook(TEMPLATE_FILE.en), {
    Customers: [row({ name: 'Ann Lee', email: 'rep+ann@example.com', owner: 'Sam Rep', revenue: 10000 })],
    Purchases: [purchase({ customerId: 'C0001', date: new Date('2026-11-15T00:00:00+08:00'), amount: 10000 })],
  });
  emu.load(`${await release.text('Code.gs')}\n${probeSource()}`, 'Code.gs+probe.gs');
  emu.invoke('setupSheets');
  emu.invoke('runFollowUpsNow');
}, 120000);

const logged = () => emu.logs.map((l) => l.text).join('\n');

describe('the probe of the real-account check', () => {
  test('probeActiveInstall makes a one-off trigger; probeActiveInTrigger logs the answer and removes it', () => {
    emu.invoke('probeActiveInstall');
    const t = emu.triggers.list().find((x) => x.handler === 'probeActiveInTrigger');
    expect(t).toBeDefined();
    emu.triggers.fire(t!.id);
    expect(logged()).toMatch(/getActiveSpreadsheet\(\) in a time trigger: /);
    expect(emu.triggers.list().filter((x) => x.handler === 'probeActiveInTrigger')).toEqual([]);
  });

  test('probeDraftHeaders lists the X-Retain-Key header of the draft Retain made', () => {
    emu.invoke('probeDraftHeaders');
    expect(logged()).toMatch(/X-Retain-Key: \S+/);
  });

  test('probeErrors logs an ordinary error and how far the read loop got', () => {
    emu.invoke('probeErrors');
    expect(logged()).toMatch(/An ordinary error, in the account language: /);
    expect(logged()).toMatch(/(No rate error in \d+|the rate error reads: )/);
  });

  test('probeLatency logs a median per call and leaves no draft, event or sheet behind', () => {
    const drafts = emu.gmail.drafts().length;
    // A deleted event stays listed as cancelled, as in the Calendar API.
    const live = () => emu.calendar.events('primary').filter((e) => e.status !== 'cancelled');
    const events = live().length;
    const sheets = emu.sheetNames();
    emu.invoke('probeLatency');
    for (const label of ['getValues', 'setValues', 'drafts.create', 'events.insert', 'events.list'])
      expect(logged()).toMatch(new RegExp(`${label.replace('.', '\\.')}[^:]*: median \\d+ ms`));
    expect(emu.gmail.drafts()).toHaveLength(drafts);
    expect(live()).toHaveLength(events);
    expect(emu.calendar.events('primary').filter((e) => e.summary === 'Retain latency probe')).toHaveLength(2);
    expect(emu.sheetNames()).toEqual(sheets);
    expect(emu.gmail.sendAttempts()).toEqual([]);
  });
});
