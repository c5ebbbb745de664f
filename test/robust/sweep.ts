/**
 * The fault sweep (docs/testing.md, Fault sweep) over the whole nightly run on the sample
 * workbook (samples/*.csv through tools/sample/load.ts).
 *
 * A clean run is made once: its external calls (SpreadsheetApp, Gmail,
 * Calendar, as emu.calls counts them and emu.faults.failCall numbers them)
 * are listed, and its result (drafts, events, managed cells) is the
 * reference. Then, for a call k and a kind of failure, a fresh workbook runs
 * the nightly with call k failing, and the next execution (the follow-up
 * trigger when one was set, else the next night's trigger, at most three) runs
 * without faults. After that:
 *  - checkNothingLost(before, emu): no user cell changed, every draft and
 *    event recorded, none twice;
 *  - exactly the clean run's drafts (one per due purchase) and events (one
 *    per due visit), each once;
 *  - the managed cells equal the clean run's (draft ids masked: Gmail makes
 *    new ids). The clean run itself is checked with a second run
 *    (checkNothingLost with rerun), so "equal to the clean run" is "equal to
 *    the plan" without paying a third run per scenario.
 *
 * Speed: the sample's CSV is parsed once; each scenario loads the parsed
 * cells (typed values, formulas kept as formulas) instead of re-typing text.
 */
import type { Emulator, FaultKind } from '../../tools/emulator';
import { loadBundle } from '../helpers/bundle';
import { checkNothingLost, snapshot, type Snapshot } from '../helpers/invariant';
import { madeKeys, managedDiff, managedState, runNext, runNightly, sampleSheets, type RunSummary } from './harness';

const SCOPED = new Set(['SpreadsheetApp', 'Gmail', 'Calendar']);

let typed: Record<string, unknown[][]> | null = null;

/** The sample as cells (numbers, Dates, text, '=formulas'), parsed once. */
function typedSample(): Record<string, unknown[][]> {
  if (typed) return typed;
  const emu = loadBundle({}, sampleSheets());
  typed = {};
  for (const name of emu.sheetNames()) {
    const values = emu.sheetValues(name);
    const formulas = emu.sheetFormulas(name);
    typed[name] = values.map((row, r) => row.map((v, c) => formulas[r]?.[c] || v));
  }
  return typed;
}

/** A fresh sample workbook, Set up, nightly trigger installed: the state before every scenario. */
export function freshSample(): Emulator {
  const emu = loadBundle({});
  for (const [name, rows] of Object.entries(typedSample())) emu.setSheet(name, rows, { parse: false });
  emu.invoke('setupSheets');
  emu.invoke('scheduleNightlyRun');
  return emu;
}

export interface CleanRun {
  /** 'Service.method' of each counted call, in order: index k-1 is call k. */
  calls: string[];
  draftKeys: string[];
  eventKeys: string[];
  managed: Map<string, unknown>;
  summary: RunSummary;
  /** checkNothingLost of the clean run, with its second run. */
  violations: string[];
}

let clean: CleanRun | null = null;

export function cleanRun(): CleanRun {
  if (clean) return clean;
  const emu = freshSample();
  const before = snapshot(emu);
  emu.calls.reset();
  const summary = runNightly(emu);
  const calls = emu.calls.log.filter((c) => SCOPED.has(c.service)).map((c) => `${c.service}.${c.method}`);
  const keys = madeKeys(emu);
  const managed = managedState(emu);
  const violations = checkNothingLost(before, emu);
  clean = { calls, draftKeys: keys.drafts.sort(), eventKeys: keys.events.sort(), managed, summary, violations };
  return clean;
}

export interface Scenario {
  k: number;
  kind: FaultKind;
  call: string;
}

export interface ScenarioResult {
  /** After the next run(s): the invariant, the clean run's drafts, events and managed cells. */
  violations: string[];
  /** Transient faults only: did the faulted run itself retry and finish the work (src/gas/retry.ts: retried with backoff)? */
  notRetried: string[];
}

/** How far a workbook is from the clean run's result. */
function differences(emu: Emulator, ref: CleanRun): string[] {
  const v: string[] = [];
  const keys = madeKeys(emu);
  const drafts = keys.drafts.sort();
  const events = keys.events.sort();
  if (JSON.stringify(drafts) !== JSON.stringify(ref.draftKeys)) v.push(`drafts: ${diffList(drafts, ref.draftKeys)}`);
  if (JSON.stringify(events) !== JSON.stringify(ref.eventKeys)) v.push(`events: ${diffList(events, ref.eventKeys)}`);
  const md = managedDiff(managedState(emu), ref.managed, 4);
  if (md.length) v.push(`managed cells differ from the clean run: ${md.join('; ')}`);
  return v;
}

/** Runs one scenario. */
export function runScenario(sc: Scenario, ref: CleanRun): ScenarioResult {
  const emu = freshSample();
  const before: Snapshot = snapshot(emu);
  emu.faults.failCall(sc.k, sc.kind);
  const v: string[] = [];
  const notRetried: string[] = [];
  let first: RunSummary | undefined;
  try {
    first = runNightly(emu);
  } catch (e) {
    // 'timeout' kills the execution (nothing can catch that); a daily quota on the spreadsheet itself
    // may end it too (there is nowhere left to log). A transient error is retried: it must not escape.
    if (sc.kind === 'transient') v.push(`the faulted run threw: ${(e as Error).message}`);
  }
  emu.faults.clear();
  const fired = emu.faults.fired.length;
  if (fired !== 1) v.push(`fault fired ${fired} times (expected once at call ${sc.k})`);
  if (first && first.locked) v.push('the faulted run found the lock taken');
  if (sc.kind === 'transient') {
    const d = differences(emu, ref);
    if (d.length)
      notRetried.push(`${d[0]}${first ? `; run errors: ${JSON.stringify(first.errors).slice(0, 200)}` : ''}`);
  }
  // The next execution(s): the follow-up trigger if one was set, else the next night.
  let last: RunSummary | undefined;
  for (let i = 0; i < 3; i++) {
    try {
      last = runNext(emu);
    } catch (e) {
      v.push(`the rerun threw: ${(e as Error).message}`);
      break;
    }
    if (!last.mustContinue) break;
  }
  if (last && last.mustContinue) v.push('three reruns later the work is still not done');
  if (last && last.locked) v.push('the rerun found the lock still taken');
  if (last && last.fatal) v.push(`the rerun stopped: ${last.fatal}`);
  v.push(...checkNothingLost(before, emu, { rerun: false }));
  v.push(...differences(emu, ref));
  return { violations: v, notRetried };
}

function diffList(got: string[], want: string[]): string {
  const extra = got.filter((x, i) => got.indexOf(x) !== i || !want.includes(x));
  const missing = want.filter((x) => !got.includes(x));
  return `${got.length} made, ${want.length} expected; extra ${JSON.stringify(extra.slice(0, 3))}; missing ${JSON.stringify(missing.slice(0, 3))}`;
}

/** Runs the scenarios, collecting one line per failing one. */
export function sweep(scenarios: Scenario[]): { violations: string[]; notRetried: string[] } {
  const ref = cleanRun();
  const out = { violations: [] as string[], notRetried: [] as string[] };
  for (const sc of scenarios) {
    const r = runScenario(sc, ref);
    if (r.violations.length)
      out.violations.push(`k=${sc.k} ${sc.call} ${sc.kind}: ${r.violations.slice(0, 3).join(' | ')}`);
    if (r.notRetried.length) out.notRetried.push(`k=${sc.k} ${sc.call}: ${r.notRetried[0]}`);
  }
  return out;
}

export function scenariosFor(kind: FaultKind, filter: (call: string) => boolean = () => true): Scenario[] {
  const ref = cleanRun();
  const out: Scenario[] = [];
  ref.calls.forEach((call, i) => {
    if (filter(call)) out.push({ k: i + 1, kind, call });
  });
  return out;
}
