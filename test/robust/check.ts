/**
 * Running one bad-input case and checking it (docs/testing.md, Kinds of tests). A case
 * passes when:
 *  - Set up and the nightly run finish (no exception escapes), or the run
 *    stops at once with a message naming the sheet (and the header), which
 *    the user also finds in `Retain log`;
 *  - every cell the case marks bad is reported, naming the sheet, the row
 *    and the column; cells marked ok are not;
 *  - a bad cell costs only what needs it (docs/data.md, Numbers and dates):
 *    no draft for a Customers row whose Email, Name, Customer ID or Status
 *    has a problem, no event for one whose Name, Customer ID or Status has
 *    one (a row problem without a column: neither), no draft for a Purchases
 *    row with a problem;
 *  - the drafts of customers the case did not touch are all made (one bad
 *    row never stops the rest);
 *  - no message holds "undefined", "NaN" or "[object Object]";
 *  - checkNothingLost: no user cell changes, the managed cells are the plan,
 *    every draft and event is recorded, none twice.
 */
import type { Emulator } from '../../tools/emulator';
import { loadBundle } from '../helpers/bundle';
import {
  checkNothingLost,
  draftKey,
  draftTo,
  normalizeName,
  retainEvents,
  sheetKind,
  snapshot,
} from '../helpers/invariant';
import type { Case } from './corpus';
import { baseWorkbook } from './corpus';
import { runNightly, type RunSummary } from './harness';

export interface Baseline {
  draftKeys: string[];
  eventKeys: string[];
}

let baseline: Baseline | null = null;

/** The clean base workbook's run: what every untouched customer must still get. */
export function baseRun(): Baseline {
  if (baseline) return baseline;
  const emu = loadBundle({}, baseWorkbook());
  emu.invoke('setupSheets');
  emu.invoke('scheduleNightlyRun');
  const s = runNightly(emu);
  if (s.fatal || s.problems.length || s.draftsMade < 4 || s.eventsMade < 1)
    throw new Error(
      `the clean base workbook is not clean: ${JSON.stringify({ fatal: s.fatal, problems: s.problems, drafts: s.draftsMade, events: s.eventsMade, errors: s.errors })}`,
    );
  baseline = {
    draftKeys: emu.gmail
      .drafts()
      .map((d) => draftKey(d.raw))
      .sort(),
    eventKeys: retainEvents(emu)
      .map((e) => e.key)
      .sort(),
  };
  return baseline;
}

const GARBAGE = /\bundefined\b|\bNaN\b|\[object \w+\]/;

/** Customers headers (normalized) whose bad cell stops the row's drafts, and its events (src/core/cellProblems.ts, restated). */
const NO_DRAFT = new Set([
  'email',
  '邮箱',
  'name',
  '姓名',
  'customer',
  'customerid',
  '客户编号',
  'id',
  'status',
  '状态',
]);
const NO_EVENT = new Set(['name', '姓名', 'customer', 'customerid', '客户编号', 'id', 'status', '状态']);

/** What a bad Customers cell forbids: a row problem without a column forbids both. */
function forbids(column: string | undefined): { draft: boolean; event: boolean } {
  if (!column) return { draft: true, event: true };
  const n = normalizeName(column);
  return { draft: NO_DRAFT.has(n), event: NO_EVENT.has(n) };
}

function sameSheet(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b) || (sheetKind(a) !== null && sheetKind(a) === sheetKind(b));
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

export interface CaseResult {
  violations: string[];
  summary?: RunSummary;
  emu: Emulator;
}

export function runCase(c: Case): CaseResult {
  const v: string[] = [];
  const emu = loadBundle({}, c.sheets);
  try {
    if (c.setup !== false) emu.invoke('setupSheets');
  } catch (e) {
    v.push(`Set up threw: ${(e as Error).message}`);
  }
  try {
    emu.invoke('scheduleNightlyRun');
  } catch (e) {
    v.push(`Schedule nightly run threw: ${(e as Error).message}`);
    return { violations: v, emu };
  }
  const before = snapshot(emu);
  let s: RunSummary;
  try {
    s = runNightly(emu);
  } catch (e) {
    v.push(`the nightly run threw: ${(e as Error).message}`);
    return { violations: v, emu };
  }
  const texts = [s.fatal, ...s.errors, ...s.problems.map((p) => p.message), ...s.skipped.map((k) => k.reason)];
  for (const t of texts) if (GARBAGE.test(t)) v.push(`garbage in a message: ${JSON.stringify(t.slice(0, 200))}`);

  // A case that may either report rows or stop: when it stopped naming the sheet and header, judge it as a stop.
  if (c.orFatal && s.fatal && s.fatal.includes(c.orFatal.sheet) && s.fatal.includes(c.orFatal.header))
    c = { ...c, fatal: c.orFatal, bad: [], fromBase: false };
  // Stops with a message naming the sheet (and header), makes nothing, and says so in Retain log.
  if (c.fatal) {
    const named = (what: string) =>
      s.fatal.includes(`"${what}"`) || s.fatal.includes(`“${what}”`) || s.fatal.includes(what);
    if (!s.fatal)
      v.push(
        `expected the run to stop naming ${c.fatal.sheet}${c.fatal.header ? ' / ' + String(c.fatal.header) : ''}; it did not (errors: ${JSON.stringify(s.errors)})`,
      );
    else {
      if (!named(c.fatal.sheet)) v.push(`the stop message does not name the sheet ${c.fatal.sheet}: ${s.fatal}`);
      const headers = c.fatal.header === undefined ? [] : ([] as string[]).concat(c.fatal.header);
      if (headers.length && !headers.some(named))
        v.push(`the stop message does not name the header ${headers.join(' or ')}: ${s.fatal}`);
    }
    if (emu.gmail.drafts().length || retainEvents(emu).length) v.push('a stopped run made drafts or events');
    const logName = emu.sheetNames().find((n) => sheetKind(n) === 'runLog');
    const log = logName ? emu.sheetValues(logName) : [];
    if (s.fatal && !JSON.stringify(log[log.length - 1] ?? []).includes(c.fatal.sheet))
      v.push('Retain log does not show why the run stopped');
  } else if (s.fatal) v.push(`the run stopped: ${s.fatal}`);

  // Bad cells are reported by sheet, row and column; ok cells are not.
  const reported = (sheet: string, row: number, column?: string) =>
    s.problems.filter(
      (p) =>
        sameSheet(p.sheet, sheet) &&
        p.row === row &&
        (!column || normalizeName(`${p.column} ${p.message}`).includes(normalizeName(column))),
    );
  for (const b of c.bad ?? []) {
    if (reported(b.sheet, b.row, b.column).length === 0) {
      const near = s.problems.filter((p) => sameSheet(p.sheet, b.sheet) && p.row === b.row).map((p) => p.message);
      v.push(
        `${b.sheet} row ${b.row}${b.column ? ' column ' + b.column : ''} is bad but not reported${near.length ? ` (the row's problems: ${JSON.stringify(near)})` : ''}`,
      );
    }
  }
  for (const o of c.ok ?? []) {
    const r = reported(o.sheet, o.row, o.column);
    if (r.length)
      v.push(
        `${o.sheet} row ${o.row} column ${o.column} is fine but reported: ${JSON.stringify(r.map((p) => p.message))}`,
      );
  }

  // No draft or event that needs a bad cell.
  const customersName = emu.sheetNames().find((n) => sheetKind(n) === 'customers');
  const purchasesName = emu.sheetNames().find((n) => sheetKind(n) === 'purchases');
  const drafts = emu.gmail.drafts().map((d) => ({ id: d.id, key: draftKey(d.raw), to: draftTo(d.raw) }));
  const events = retainEvents(emu);
  if (customersName && !c.fatal) {
    const rows = emu.sheetValues(customersName);
    const h = rows[0] ?? [];
    const idc = h.findIndex((x) => ['customerid', '客户编号', 'id'].includes(normalizeName(x)));
    const ec = h.findIndex((x) => ['email', '邮箱'].includes(normalizeName(x)));
    const badRows = new Map<number, { draft: boolean; event: boolean }>();
    const mark = (row: number, column: string | undefined) => {
      const f = forbids(column);
      const was = badRows.get(row) ?? { draft: false, event: false };
      badRows.set(row, { draft: was.draft || f.draft, event: was.event || f.event });
    };
    for (const b of c.bad ?? []) if (sameSheet(b.sheet, 'Customers')) mark(b.row, b.column);
    for (const p of s.problems) if (sameSheet(p.sheet, 'Customers')) mark(p.row, p.column);
    const goodEmails = new Set<string>();
    rows.forEach((r, i) => {
      if (i > 0 && !badRows.get(i + 1)?.draft && ec >= 0) goodEmails.add(text(r[ec]).toLowerCase());
    });
    for (const [row, f] of badRows) {
      const r = rows[row - 1];
      if (!r) continue;
      const id = idc >= 0 ? text(r[idc]) : '';
      const email = ec >= 0 ? text(r[ec]).toLowerCase() : '';
      if (id) {
        if (f.draft)
          for (const d of drafts)
            if (d.key.split('|')[0] === id)
              v.push(`draft ${d.key} made for ${customersName} row ${row}, whose cell it needs has a problem`);
        if (f.event)
          for (const e of events)
            if (e.customer === id)
              v.push(`event ${e.key} made for ${customersName} row ${row}, whose cell it needs has a problem`);
      }
      if (f.draft && email && !goodEmails.has(email))
        for (const d of drafts)
          if (d.to === email) v.push(`draft to ${email} made for ${customersName} row ${row}, which has a problem`);
    }
  }
  if (purchasesName && !c.fatal) {
    const rows = emu.sheetValues(purchasesName);
    const rowsBefore = before[purchasesName] ?? [];
    const h = rows[0] ?? [];
    const dc = h.findIndex((x) => ['thankyoudraft', '感谢信'].includes(normalizeName(x)));
    const badRows = new Set<number>();
    for (const b of c.bad ?? []) if (sameSheet(b.sheet, 'Purchases')) badRows.add(b.row);
    for (const p of s.problems) if (sameSheet(p.sheet, 'Purchases')) badRows.add(p.row);
    for (const row of badRows) {
      if (dc < 0) continue;
      const now = text(rows[row - 1]?.[dc]);
      const was = text(rowsBefore[row - 1]?.[dc]);
      if (now !== was) v.push(`${purchasesName} row ${row} has a problem but got a draft: ${now}`);
    }
  }

  // One bad row never stops the rest: every untouched customer's draft is made.
  if (c.fromBase && !c.fatal && !c.draftsStopped) {
    const base = baseRun();
    const touched = new Set(c.touched ?? []);
    const made = new Set(drafts.map((d) => d.key));
    for (const k of base.draftKeys)
      if (!touched.has(k.split('|')[0]) && !made.has(k))
        v.push(
          `the draft for ${k} (a customer the case did not touch) was not made; run errors: ${JSON.stringify(s.errors)}`,
        );
  }
  if (c.draftsStopped) {
    if (drafts.length) v.push(`a template problem must stop every draft, ${drafts.length} made`);
    if (!s.errors.some((e) => /Templates|模板/.test(e)))
      v.push(`the template problem is not reported naming the Templates sheet: ${JSON.stringify(s.errors)}`);
  }
  if (c.sameAsBase) {
    const base = baseRun();
    const dk = drafts.map((d) => d.key).sort();
    const ek = events.map((e) => e.key).sort();
    if (JSON.stringify(dk) !== JSON.stringify(base.draftKeys))
      v.push(`drafts differ from the clean base run: ${JSON.stringify(dk)} vs ${JSON.stringify(base.draftKeys)}`);
    if (JSON.stringify(ek) !== JSON.stringify(base.eventKeys))
      v.push(`events differ from the clean base run: ${JSON.stringify(ek)} vs ${JSON.stringify(base.eventKeys)}`);
    if (s.problems.length)
      v.push(`problems reported for a workbook with none: ${JSON.stringify(s.problems.slice(0, 3))}`);
  }

  for (const x of checkNothingLost(before, emu, { appendOnly: ['Contact log', '联系记录'] })) v.push(x);
  return { violations: v, summary: s, emu };
}
