/**
 * npm run demo: Retain without Google (README, Quick start).
 *
 * Loads the built bundle (dist/Code.js) into the local Apps Script emulator
 * with the sample workbook, runs Set up, the RETAIN_TIER custom function and a
 * nightly run as a trigger execution on a fixed date, prints what happened and
 * writes the workbook, the drafts and the visits to demo-out/.
 *
 *   npm run demo -- [--customers FILE.csv|xlsx] [--today YYYY-MM-DD] [--tz ZONE]
 *                   [--locale ll_CC] [--purchases FILE] [--contacts FILE]
 *                   [--holidays FILE] [--out DIR]
 *
 * On the sample it runs on a fixed date (2026-11-16, Asia/Shanghai); on your
 * own file, for the real today in this machine's time zone. How the file was
 * read is printed first (tools/demo/report.ts).
 *
 * The sheets are the source of truth: the bundle's return values are printed
 * when they have the expected shape, but every table below is read back from
 * the emulated workbook, the way a user would check it.
 */
import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';
import { simpleParser } from 'mailparser';
import { columnLetter, findSheet } from '../src/core/headers';
import { locateTable } from '../src/core/headerRow';
import { nameOf, type NameParts } from '../src/core/nameColumns';
import { isCalDate, weekday } from '../src/core/dates';
import { SHEETS, type SheetSpec } from '../src/core/schema';
import { SAMPLES_DIR } from './sample/generate';
import { formatCellDate, zonedIso } from './sample/load';
import { Emulator, type CalendarEvent } from './emulator';
import { writeDashboard, type WrittenDashboard } from './dashboard';
import { gatherWorkbook, type GatheredWorkbook } from './demo/workbook';

export const ROOT = path.resolve(__dirname, '..');
export const BUNDLE = path.join(ROOT, 'dist', 'Code.js');
export const DEMO_TODAY = '2026-11-16';
export const DEMO_TIME_ZONE = 'Asia/Shanghai';
export const DEMO_USER = 'rep@example.com';

// ---------------------------------------------------------------- the emulator and the bundle

export class DemoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoError';
  }
}

/** The demo's emulator: the sheet's zone and locale, the demo user, the clock at 06:30 on `today` there. */
export function demoEmulator(
  today: string,
  timeZone: string = DEMO_TIME_ZONE,
  user: string = DEMO_USER,
  spreadsheetLocale?: string,
): Emulator {
  return new Emulator({
    timeZone,
    locale: 'en',
    now: zonedIso(today, '06:30', timeZone),
    userEmail: user,
    ...(spreadsheetLocale ? { spreadsheetLocale } : {}),
  });
}

/**
 * The demo's emulator with a workbook in it: CSV cells are typed text,
 * converted as Sheets converts typing; XLSX cells keep their types. The
 * bundle is not loaded yet.
 */
export function workbookEmulator(
  workbook: Pick<GatheredWorkbook, 'sheets' | 'typed' | 'locale'>,
  today: string,
  timeZone: string = DEMO_TIME_ZONE,
  user: string = DEMO_USER,
): Emulator {
  const emu = demoEmulator(today, timeZone, user, workbook.locale ?? undefined);
  for (const [name, rows] of Object.entries(workbook.sheets))
    emu.setSheet(name, rows, { parse: !workbook.typed.has(name) });
  return emu;
}

/** Today's date in a time zone, 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return formatCellDate(now, timeZone).slice(0, 10);
}

/** The bundle's source; a clear error when it was not built. */
export function readBundle(file: string = BUNDLE): string {
  if (!fs.existsSync(file)) {
    throw new DemoError(
      `${shortPath(file)} is missing: run \`npm run build\` first (\`npm run demo\` builds it for you).`,
    );
  }
  return fs.readFileSync(file, 'utf8');
}

/** Top-level functions of the bundle (gas-webpack-plugin writes one `function NAME(` per entry point). */
export function bundleFunctions(src: string): Set<string> {
  const names = new Set<string>();
  for (const m of src.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(m[1]);
  return names;
}

export function errorText(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const err = e as { name?: string; message?: string };
    return err.name && err.name !== 'Error' && err.name !== 'DemoError'
      ? `${err.name}: ${err.message}`
      : String(err.message);
  }
  return String(e);
}

/** True for a Date from any realm (the bundle runs in a vm context). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

// ---------------------------------------------------------------- text tables

// East Asian wide characters take two terminal columns; without this a table of Chinese names is ragged.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) || ch.codePointAt(0)! > 0x1ffff ? 2 : 1;
  return w;
}

function clip(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * An aligned text table. Columns whose header ends in '#' (removed) are
 * right-aligned: numbers line up. Cells longer than `maxWidth` are clipped.
 */
export function table(
  headers: string[],
  rows: Array<Array<string | number>>,
  opts: { indent?: string; maxWidth?: number } = {},
): string[] {
  const indent = opts.indent ?? '  ';
  const maxWidth = opts.maxWidth ?? 48;
  const right = headers.map((h) => h.endsWith('#'));
  const head = headers.map((h) => (h.endsWith('#') ? h.slice(0, -1) : h));
  const cells = rows.map((r) => r.map((c) => clip(typeof c === 'number' ? fmtNumber(c) : String(c ?? ''), maxWidth)));
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    indent +
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i] - displayWidth(c)));
        return right[i] ? pad + c : i === r.length - 1 ? c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(head), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}

export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '-';
}

// ---------------------------------------------------------------- service calls

export type ServiceGroup =
  | 'Spreadsheet'
  | 'Gmail'
  | 'Calendar'
  | 'Properties'
  | 'Lock'
  | 'Triggers'
  | 'Session'
  | 'Utilities'
  | 'Html/UI'
  | 'Cache'
  | 'Other';

/** 'SpreadsheetApp.Range.getValues' -> 'Spreadsheet'. Tolerant of how the emulator names methods. */
export function serviceOf(key: string): ServiceGroup {
  const k = key.toLowerCase();
  if (/^(spreadsheetapp|spreadsheet|sheet|range)\b/.test(k)) return 'Spreadsheet';
  if (k.startsWith('gmail')) return 'Gmail';
  if (k.startsWith('calendar')) return 'Calendar';
  if (k.startsWith('properties')) return 'Properties';
  if (k.startsWith('lock')) return 'Lock';
  if (k.startsWith('scriptapp') || k.startsWith('trigger')) return 'Triggers';
  if (k.startsWith('session')) return 'Session';
  if (k.startsWith('utilities')) return 'Utilities';
  if (k.startsWith('html') || k.startsWith('ui')) return 'Html/UI';
  if (k.startsWith('cache')) return 'Cache';
  return 'Other';
}

/** Calls made between two byMethod() snapshots. */
export function diffCalls(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(after)) {
    const d = n - (before[k] ?? 0);
    if (d > 0) out[k] = d;
  }
  return out;
}

export function callsByService(byMethod: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(byMethod)) out[serviceOf(k)] = (out[serviceOf(k)] ?? 0) + n;
  return out;
}

// ---------------------------------------------------------------- reading the workbook back

interface SheetTable {
  name: string;
  rows: unknown[][];
  col: Record<string, number>;
  /** 0-based header row, found as the product finds it (a title may sit above it). */
  top: number;
  /** The rows under the header row. */
  data: unknown[][];
  parts: NameParts | null;
}

function readTable(emu: Emulator, spec: SheetSpec): SheetTable | null {
  const name = findSheet(emu.sheetNames(), spec);
  if (!name) return null;
  const rows = emu.sheetValues(name);
  const found = locateTable(rows, spec);
  return {
    name,
    rows,
    col: found.match.columns,
    top: found.row,
    data: rows.slice(found.row + 1),
    parts: found.nameParts,
  };
}

function cell(t: SheetTable, row: unknown[], key: string): unknown {
  if (key === 'name' && t.col.name === undefined) return nameOf(row, undefined, t.parts);
  const i = t.col[key];
  return i === undefined ? '' : row[i];
}

function text(v: unknown, timeZone: string): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return formatCellDate(v, timeZone);
  return String(v);
}

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

/**
 * The kind of a `Follow-up` text without its particulars, so items group:
 * 'Day-3 manager call after purchase of Sofa on 2026-11-13' -> 'Day-3 manager call',
 * 'Keep in touch (A: every 14 days)' -> 'Keep in touch', 'Complaint (big) from ...' -> 'Complaint (big)'.
 */
export function reasonOf(followUp: string): string {
  let s = followUp.replace(/\s*\(\+\d+ more\)\s*$/, '').replace(/（另有\d+项）$/, '');
  s = s.replace(/\s*[(（][^)）]*\d[^)）]*[)）]/g, '');
  s = s.split(/ after | from |[:：]/)[0];
  s = s.replace(/^购买.*?后/, '').replace(/\d{4}-\d{2}-\d{2}/g, '');
  return s.trim() || followUp.trim();
}

// ---------------------------------------------------------------- the demo

export interface DemoOptions {
  /** 'YYYY-MM-DD'; the clock is set to 06:30 that day in the sheet's zone. Default 2026-11-16, or today with --customers. */
  today?: string;
  /** Output folder. Default demo-out/ in the project. */
  out?: string;
  /** A customer list (CSV or XLSX) replacing the sample's Customers sheet. */
  customers?: string;
  purchases?: string;
  contacts?: string;
  holidays?: string;
  /** The spreadsheet's locale ('en_GB', 'de_DE', 'zh_CN'); with --customers, guessed from the file by default. */
  locale?: string;
  /** Folder of the sample workbook. Default samples/. */
  samples?: string;
  bundle?: string;
  /** The sheet's time zone. Default Asia/Shanghai, or this machine's zone with --customers. */
  timeZone?: string;
  user?: string;
  /** The name the thank-you drafts are signed with. Default 'Lin Wei'. */
  senderName?: string;
  /** Where the report goes, a line at a time. Default console.log. */
  print?: (line: string) => void;
  /** Print the win-back backtest (it is in dashboard.html either way). */
  backtest?: boolean;
}

export interface TierCount {
  tier: string;
  customers: number;
  revenue: number;
}

export interface DemoResult {
  today: string;
  outDir: string;
  sheets: string[];
  csvFiles: string[];
  emlFiles: string[];
  icsFile: string | null;
  /** What runNightly returned. */
  summary: unknown;
  tiers: TierCount[];
  problems: Array<{ row: number; id: string; name: string; notes: string }>;
  due: Array<{ reason: string; tier: string; daysToDue: number }>;
  drafts: number;
  visits: number;
  /** Service calls of the nightly run, 'Service.method' -> count. */
  nightlyCalls: Record<string, number>;
  /** demo-out/dashboard.html, its figures and the backtest. */
  dashboard: WrittenDashboard;
}

export async function runDemo(opts: DemoOptions = {}): Promise<DemoResult> {
  const print = opts.print ?? ((line: string) => console.log(line));
  // Your own file runs for your real today, where you are; the sample for the day its data was made for.
  const timeZone =
    opts.timeZone ?? (opts.customers ? Intl.DateTimeFormat().resolvedOptions().timeZone : DEMO_TIME_ZONE);
  if (!isValidZone(timeZone)) throw new DemoError(`--tz must be a time zone such as Europe/Berlin, got "${timeZone}"`);
  const today = opts.today ?? (opts.customers ? todayIn(timeZone) : DEMO_TODAY);
  if (!isCalDate(today)) throw new DemoError(`--today must be a date YYYY-MM-DD, got "${today}"`);
  const user = opts.user ?? DEMO_USER;
  const outDir = path.resolve(opts.out ?? path.join(ROOT, 'demo-out'));
  const samplesDir = path.resolve(opts.samples ?? SAMPLES_DIR);

  const src = readBundle(opts.bundle ?? BUNDLE);
  const fns = bundleFunctions(src);
  for (const required of ['setupSheets', 'runNightly']) {
    if (!fns.has(required))
      throw new DemoError(
        `dist/Code.js has no top-level function ${required}(): the bundle is not complete yet (check src/index.ts).`,
      );
  }

  // ---- the workbook
  const workbook = await step('read the workbook', () => gatherWorkbook(opts, samplesDir, timeZone, shortPath));
  const emu = await step('start the emulator', () => workbookEmulator(workbook, today, timeZone, user));
  await step('load dist/Code.js', () => emu.load(src, 'Code.js'));

  const dayName = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][weekday(today)];
  print(`Retain demo: ${dayName} ${today} 06:30 (${timeZone}), running as ${user}`);
  print(`Workbook: ${workbook.source}`);
  print(
    '  ' +
      Object.entries(workbook.sheets)
        .map(([n, r]) => `${n} ${Math.max(0, r.length - 1)} rows`)
        .join(', '),
  );
  print('');
  if (workbook.reading.length) {
    for (const l of workbook.reading) print(l);
    print('');
  }

  // ---- 1. Set up
  const before = readTable(emu, SHEETS.customers);
  const setupResult = await step('setupSheets', () => emu.invoke('setupSheets'));
  const after = readTable(emu, SHEETS.customers);
  if (!after) throw new DemoError('After Set up there is still no Customers sheet.');
  print('1. Set up sheets');
  const message = pick(setupResult, 'message');
  if (typeof message === 'string' && message) print(`  ${message}`);
  print(`  Sheets: ${emu.sheetNames().join(', ')}`);
  const oldHeaders = new Set((before?.rows[before.top] ?? []).map(String));
  const added = (after.rows[after.top] ?? []).map(String).filter((h) => h && !oldHeaders.has(h));
  if (added.length) print(`  Columns added to ${after.name}: ${added.join(', ')}`);
  const filled = filledIds(before, after);
  if (filled.length) {
    const more = filled.length > 8 ? `, ... (${filled.length} in all)` : '';
    print(
      `  Customer IDs filled in: ${filled
        .slice(0, 8)
        .map((f) => `row ${f.row} -> ${f.id}`)
        .join(', ')}${more}`,
    );
  }
  print('');

  // ---- 2. RETAIN_TIER on the revenue column
  const tiers: TierCount[] = [];
  print('2. Custom function RETAIN_TIER');
  if (!fns.has('RETAIN_TIER')) print('  skipped: the bundle has no RETAIN_TIER yet');
  else if (after.col.revenue === undefined) print('  skipped: the Customers sheet has no Revenue column');
  else {
    const letter = columnLetter(after.col.revenue);
    const revenue = after.data.map((r) => [r[after.col.revenue]]);
    const result = await step('RETAIN_TIER', () => emu.invoke('RETAIN_TIER', revenue));
    const first = after.top + 2;
    print(
      `  =RETAIN_TIER(${letter}${first}:${letter}) over ${revenue.length} rows, one call (revenue method, cut-offs 0.8 / 0.95):`,
    );
    const out = Array.isArray(result) ? (result as unknown[][]) : [];
    const byTier = new Map<string, TierCount>();
    const errors: string[] = [];
    let total = 0;
    out.forEach((r, i) => {
      const t = String((Array.isArray(r) ? r[0] : r) ?? '');
      const v = num(revenue[i]?.[0]);
      const key = ['A', 'B', 'C'].includes(t) ? t : t === '' ? '(blank)' : 'error';
      if (key === 'error') errors.push(`row ${i + first}: ${t}`);
      const entry = byTier.get(key) ?? { tier: key, customers: 0, revenue: 0 };
      entry.customers++;
      if (v !== null && v > 0) {
        entry.revenue += v;
        total += v;
      }
      byTier.set(key, entry);
    });
    for (const key of ['A', 'B', 'C', '(blank)', 'error']) {
      const e = byTier.get(key);
      if (e) tiers.push(e);
    }
    for (const l of table(
      ['Tier', 'Customers#', 'Share#', 'Revenue#', 'Share of revenue#'],
      tiers.map((t) => [t.tier, t.customers, pct(t.customers, out.length), t.revenue, pct(t.revenue, total)]),
    ))
      print(l);
    for (const e of errors.slice(0, 3)) print(`  ${e}`);
  }
  print('');

  // ---- 3. the nightly run
  print('3. Nightly run');
  // The thank-you drafts are signed with the senderName setting; set it the way a user would in the sidebar.
  const sender = opts.senderName ?? 'Lin Wei';
  const saved = await step('saveSettings', () => emu.invoke('saveSettings', { values: { senderName: sender } }));
  print(`  Settings: senderName = ${JSON.stringify(sender)} (${pick(saved, 'ok') ? 'saved' : 'refused'})`);
  if (fns.has('scheduleNightlyRun')) {
    const scheduled = await step('scheduleNightlyRun', () => emu.invoke('scheduleNightlyRun'));
    const m = pick(scheduled, 'message');
    print(`  scheduleNightlyRun: ${typeof m === 'string' && m ? m : 'done'}`);
  } else print('  scheduleNightlyRun: not in the bundle yet, running the handler directly');
  const callsBefore = emu.calls.byMethod();
  const summary = await step('runNightly (trigger)', () => emu.invokeAs({ trigger: true }, 'runNightly'));
  const nightlyCalls = diffCalls(emu.calls.byMethod(), callsBefore);
  print('  runNightly returned:');
  for (const l of describeSummary(summary)) print(`    ${l}`);
  print('');

  // ---- 4. problems, from `Retain notes`
  const final = readTable(emu, SHEETS.customers)!;
  const problems: DemoResult['problems'] = [];
  final.data.forEach((r, i) => {
    const notes = text(cell(final, r, 'retainNotes'), timeZone);
    if (notes)
      problems.push({
        row: i + final.top + 2,
        id: text(cell(final, r, 'id'), timeZone),
        name: text(cell(final, r, 'name'), timeZone),
        notes,
      });
  });
  print(`4. Rows with problems (${problems.length}, from the Retain notes column)`);
  if (problems.length === 0) print('  none');
  else
    for (const l of table(
      ['Row#', 'ID', 'Name', 'Retain notes'],
      problems.slice(0, 15).map((p) => [p.row, p.id, p.name, p.notes]),
      { maxWidth: 80 },
    ))
      print(l);
  if (problems.length > 15) print(`  ... and ${problems.length - 15} more (see ${final.name}.csv)`);
  print('');

  // ---- 5. what is due, from the managed columns
  const due: DemoResult['due'] = [];
  for (const r of final.data) {
    const days = num(cell(final, r, 'daysToDue'));
    const f = text(cell(final, r, 'followUp'), timeZone);
    if (days === null || !f) continue;
    due.push({ reason: reasonOf(f), tier: text(cell(final, r, 'tier'), timeZone) || '-', daysToDue: days });
  }
  const now0 = due.filter((d) => d.daysToDue <= 0);
  print(
    `5. Due today or overdue: ${now0.length} customers (${now0.filter((d) => d.daysToDue < 0).length} overdue), by the Follow-up column`,
  );
  const reasons = [...new Set(now0.map((d) => d.reason))].sort(
    (a, b) => now0.filter((d) => d.reason === b).length - now0.filter((d) => d.reason === a).length,
  );
  const dueRows = reasons.map((reason) => {
    const items = now0.filter((d) => d.reason === reason);
    const n = (t: string) => items.filter((d) => d.tier === t).length;
    return [reason, n('A'), n('B'), n('C'), items.length - n('A') - n('B') - n('C'), items.length];
  });
  if (dueRows.length)
    for (const l of table(['First thing due', 'A#', 'B#', 'C#', 'No tier#', 'Total#'], dueRows)) print(l);
  const soon = due.filter((d) => d.daysToDue > 0 && d.daysToDue <= 7).length;
  print(`  Due in the next 7 days: ${soon} more customers.`);
  const dueCounts = pick(summary, 'due');
  if (isCountRecord(dueCounts)) {
    const nonZero = Object.entries(dueCounts).filter(([, v]) => v > 0);
    // The column shows each customer's earliest item; the run counts them all.
    if (nonZero.length)
      print(`  All items due now, as the run counts them: ${nonZero.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  print('');

  // ---- 6. drafts
  const drafts = emu.gmail.drafts();
  const described = await Promise.all(drafts.map(describeDraft));
  print(`6. Thank-you drafts made: ${drafts.length} (Gmail drafts, never sent)`);
  if (described.length)
    for (const l of table(
      ['To', 'Subject'],
      described.slice(0, 12).map((d) => [d.to, d.subject]),
      { maxWidth: 60 },
    ))
      print(l);
  if (described.length > 12) print(`  ... and ${described.length - 12} more`);
  // The emulator checks each message the way Gmail would show it (headers, encodings, parts).
  const lint = described.flatMap((d) => d.problems.map((p) => `${d.to}: ${p}`));
  if (lint.length) for (const p of lint.slice(0, 5)) print(`  problem: ${p}`);

  // ---- 7. visits
  const events = emu.calendar.events();
  print('');
  print(`7. Visits put on the calendar: ${events.length}`);
  if (events.length) {
    const rows = events.map((e) => describeEvent(e, timeZone)).sort((a, b) => a.at - b.at);
    for (const l of table(
      ['When', 'Title', 'Where'],
      rows.slice(0, 12).map((e) => [e.start, e.title, e.where]),
      { maxWidth: 50 },
    ))
      print(l);
    if (rows.length > 12) print(`  ... and ${rows.length - 12} more`);
  }
  const skipped = pick(summary, 'skipped');
  if (Array.isArray(skipped) && skipped.length) {
    print('');
    print(`  Skipped (${skipped.length}):`);
    const rows = skipped
      .slice(0, 12)
      .map((s) => [
        text(pick(s, 'what'), timeZone),
        text(pick(s, 'customerId') ?? pick(s, 'customer'), timeZone),
        text(pick(s, 'reason'), timeZone),
      ]);
    for (const l of table(['What', 'Customer', 'Why'], rows, { maxWidth: 90, indent: '    ' })) print(l);
    if (skipped.length > 12) print(`    ... and ${skipped.length - 12} more`);
  }
  print('');

  // ---- 8. the Retain log
  const log = readTable(emu, SHEETS.runLog);
  if (log && log.rows.length > 1) {
    const header = log.rows[0].map(String);
    const last = log.rows[log.rows.length - 1];
    print(`8. ${log.name} (last row)`);
    print('  ' + header.map((h, i) => `${h}: ${text(last[i], timeZone) || '-'}`).join(' | '));
    print('');
  }

  // ---- 9. service calls
  print('9. Service calls made by the nightly run');
  const byService = callsByService(nightlyCalls);
  const callRows = Object.entries(nightlyCalls)
    .sort((a, b) => serviceOf(a[0]).localeCompare(serviceOf(b[0])) || b[1] - a[1])
    .map(([k, n]) => [serviceOf(k), k, n]);
  if (callRows.length) for (const l of table(['Service', 'Method', 'Calls#'], callRows, { maxWidth: 60 })) print(l);
  print(
    `  Total: ${
      Object.entries(byService)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  print('');

  // ---- files
  const files = await step('write demo-out', () => writeOutputs(emu, outDir, timeZone));
  const rel = shortPath(outDir);
  print(`Files in ${rel}${path.sep}`);
  print(`  ${files.csvFiles.length} sheets as CSV: ${files.csvFiles.map((f) => path.basename(f)).join(', ')}`);
  print(`  ${files.emlFiles.length} drafts as .eml in ${path.join(rel, 'drafts')}${path.sep}`);
  print(`  ${events.length} visits in ${files.icsFile ? shortPath(files.icsFile) : '(none)'}`);
  const dash = await step('write dashboard.html', () =>
    writeDashboard(emu, outDir, { today, timeZone, backtest: opts.backtest, print }),
  );
  print(`  the dashboard in ${shortPath(dash.file)} (open it in a browser; it works offline)`);

  return {
    today,
    outDir,
    sheets: emu.sheetNames(),
    ...files,
    summary,
    tiers,
    problems,
    due,
    drafts: drafts.length,
    visits: events.length,
    nightlyCalls,
    dashboard: dash,
  };
}

function isValidZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Relative to the current folder when inside it, else absolute. */
function shortPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/** Run one step; any failure becomes a DemoError naming the step. */
async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DemoError) throw e;
    const stack =
      e instanceof Error || (typeof e === 'object' && e !== null && 'stack' in e)
        ? String((e as Error).stack ?? '')
        : '';
    const where = stack.split('\n').find((l) => /Code\.js|src[\\/]/.test(l));
    throw new DemoError(`Step "${name}" failed: ${errorText(e)}${where ? `\n  ${where.trim()}` : ''}`);
  }
}

function filledIds(before: SheetTable | null, after: SheetTable): Array<{ row: number; id: string }> {
  const out: Array<{ row: number; id: string }> = [];
  const a = after.col.id;
  if (a === undefined) return out;
  const b = before?.col.id;
  after.data.forEach((r, i) => {
    const was = b === undefined ? '' : String(before!.rows[i + after.top + 1]?.[b] ?? '');
    const now = String(r[a] ?? '');
    if (!was && now) out.push({ row: i + after.top + 2, id: now });
  });
  return out;
}

/** A property of an unknown value, if it is an object. */
function pick(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}

function isCountRecord(v: unknown): v is Record<string, number> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number')
  );
}

/** The run summary as short lines: scalars as they are, lists by their length, count records inline. */
export function describeSummary(summary: unknown): string[] {
  if (typeof summary !== 'object' || summary === null) return [summary === undefined ? '(nothing)' : String(summary)];
  const lines: string[] = [];
  const scalars: string[] = [];
  for (const [k, v] of Object.entries(summary as Record<string, unknown>)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (v.every((x) => typeof x === 'string')) lines.push(`${k}: ${v.join(' | ')}`);
      else lines.push(`${k}: ${v.length} (listed below)`);
    } else if (isCountRecord(v)) {
      const entries = Object.entries(v).filter(([, n]) => n !== 0);
      if (entries.length) lines.push(`${k}: ${entries.map(([a, n]) => `${a} ${n}`).join(', ')}`);
    } else if (typeof v === 'object') lines.push(`${k}: ${JSON.stringify(v).slice(0, 100)}`);
    else scalars.push(`${k}: ${isDate(v) ? v.toISOString() : String(v)}`);
  }
  // Scalars go three to a line; they are short.
  const grouped: string[] = [];
  for (let i = 0; i < scalars.length; i += 3) grouped.push(scalars.slice(i, i + 3).join(' | '));
  return [...grouped, ...lines];
}

type Draft = ReturnType<Emulator['gmail']['drafts']>[number];

/** To and Subject of a draft (the emulator keeps the decoded RFC 2822 text), read back with a real mail parser. */
async function describeDraft(d: Draft): Promise<{ to: string; subject: string; problems: string[] }> {
  const mail = await simpleParser(d.raw);
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
  return { to, subject: mail.subject ?? '', problems: d.problems };
}

function describeEvent(
  e: CalendarEvent,
  timeZone: string,
): { at: number; start: string; title: string; where: string } {
  const raw = e.start.dateTime ?? e.start.date ?? '';
  const at = Date.parse(raw);
  let start = Number.isNaN(at) ? raw : formatCellDate(new Date(at), timeZone);
  if (/^\d{4}-\d{2}-\d{2}/.test(start))
    start = `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][weekday(start.slice(0, 10))]} ${start}`;
  return { at, start, title: e.summary ?? '', where: e.location ?? '' };
}

/** Sheets as CSV, drafts as .eml, visits as .ics. Only files the demo writes are replaced. */
async function writeOutputs(
  emu: Emulator,
  outDir: string,
  timeZone: string,
): Promise<{ csvFiles: string[]; emlFiles: string[]; icsFile: string | null }> {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.csv') || f === 'visits.ics') fs.rmSync(path.join(outDir, f));
  const draftsDir = path.join(outDir, 'drafts');
  fs.rmSync(draftsDir, { recursive: true, force: true });
  fs.mkdirSync(draftsDir, { recursive: true });

  const csvFiles: string[] = [];
  for (const name of emu.sheetNames()) {
    const rows = emu
      .sheetValues(name)
      .map((r) => r.map((v) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : text(v, timeZone))));
    const file = path.join(outDir, `${name.replace(/[\\/:*?"<>|]/g, '_')}.csv`);
    // With a BOM: Excel reads a CSV without one in the system's code page, and Chinese comes out garbled.
    fs.writeFileSync(file, '\ufeff' + Papa.unparse(rows, { newline: '\n' }) + '\n', 'utf8');
    csvFiles.push(file);
  }
  emu.exportEml(draftsDir);
  const emlFiles = fs
    .readdirSync(draftsDir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => path.join(draftsDir, f));
  const icsFile = path.join(outDir, 'visits.ics');
  emu.exportIcs(icsFile);
  return { csvFiles, emlFiles, icsFile: fs.existsSync(icsFile) ? icsFile : null };
}

// ---------------------------------------------------------------- CLI

export function parseDemoArgs(argv: string[]): DemoOptions {
  const opts: DemoOptions = {};
  const flags: Record<string, keyof DemoOptions> = {
    '--today': 'today',
    '--out': 'out',
    '--customers': 'customers',
    '--purchases': 'purchases',
    '--contacts': 'contacts',
    '--holidays': 'holidays',
    '--tz': 'timeZone',
    '--locale': 'locale',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--backtest') {
      opts.backtest = true;
      continue;
    }
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const key = flags[flag];
    if (!key) throw new DemoError(`Unknown option ${a}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new DemoError(`${flag} needs a value\n${USAGE}`);
    (opts as Record<string, string>)[key] = value;
  }
  return opts;
}

const USAGE = `Usage: npm run demo -- [--customers FILE.csv|FILE.xlsx] [--today YYYY-MM-DD] [--tz ZONE] [--locale ll_CC]
                     [--purchases FILE] [--contacts FILE] [--holidays FILE] [--out DIR] [--backtest]
  --customers  your own customer list instead of the sample: CSV (UTF-8, UTF-16 or GBK) or XLSX (its Customers
               or 客户 sheet, else the first; its Purchases, Contact log and Holidays sheets too)
  --today      the date of the run: default today with --customers, else ${DEMO_TODAY}; the clock is 06:30 then
  --tz         the sheet's time zone: default this machine's with --customers, else ${DEMO_TIME_ZONE}
  --locale     the spreadsheet's locale (en_US, en_GB, de_DE, zh_CN ...): how typed numbers and dates read;
               guessed from the file by default
  --holidays   a Holidays sheet (Date, Name); with --customers there are none unless given
  --out        where to write the sheets, drafts and visits (default demo-out/)
  --backtest   also print the win-back backtest on the workbook's Purchases history`;

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  Promise.resolve()
    .then(() => runDemo(parseDemoArgs(argv)))
    .then(() => process.exit(0))
    .catch((e: unknown) => {
      console.error(`\ndemo: ${e instanceof DemoError ? e.message : errorText(e)}`);
      if (!(e instanceof DemoError) && e instanceof Error && e.stack) console.error(e.stack);
      process.exit(1);
    });
}
