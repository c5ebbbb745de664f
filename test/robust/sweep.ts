/**
 * The fault sweep (docs/testing.md, Fault sweep) over the whole nightly run
 * on the sample workbook (samples/*.csv through tools/sample/load.ts).
 *
 * A clean run is made once: its external calls (every service Retain calls:
 * SpreadsheetApp, Gmail, Calendar, PropertiesService, LockService,
 * ScriptApp, Session, Utilities, CacheService, as emu.calls counts them) are
 * listed, and its result (drafts, events, managed cells) is the reference.
 * Then, for a call k and a kind of failure (docs/platform.md, Limits and
 * errors), a fresh workbook runs the nightly with call k failing, and the
 * next execution (the follow-up trigger when one was set, else the next
 * night's trigger, at most three) runs without faults. The kinds:
 *  - rate, server: a rate limit / a server error (HTTP 429 / 503 on Gmail
 *    and Calendar), once;
 *  - unknown: an error no pattern knows (a translated message), once;
 *  - burst: three rate limits in a row;
 *  - quota: a daily quota, once (the message of the day's limit);
 *  - lost: the call takes effect, then its answer is lost;
 *  - kill: the 6-minute limit falls during the call: the execution is dead;
 *  - daily: the service's daily quota is spent from call k on, for 24 hours.
 * After the faulted run:
 *  - a `Retain log` row was written (a killed run excepted: the next run's
 *    row must say it was cut off);
 *  - a Gmail, Calendar or Properties fault left the night's managed columns
 *    (Tier, Next follow-up, Follow-up, Days to due) as the clean run wrote
 *    them, unless the one read of the document properties that holds the
 *    settings failed: then nothing can be planned, and the log says so;
 *  - rate, server, unknown and burst were absorbed by the faulted run itself.
 * After the next run(s) (not for daily, whose quota outlasts the night):
 *  - checkNothingLost(before, emu): no user cell changed, every draft and
 *    event recorded, none twice;
 *  - exactly the clean run's drafts and events, each once, and its managed
 *    cells (draft ids masked). The clean run itself is checked with a second
 *    run (checkNothingLost with rerun).
 *
 * Speed: the sample's CSV is parsed once; each scenario loads the parsed
 * cells (typed values, formulas kept as formulas) instead of re-typing text.
 */
import type { Emulator, FaultKind, FaultSpec, ServiceName } from '../../tools/emulator';
import { loadBundle } from '../helpers/bundle';
import { checkNothingLost, snapshot, type Snapshot } from '../helpers/invariant';
import { madeKeys, managedDiff, managedState, runNext, runNightly, sampleSheets, type RunSummary } from './harness';

export const SERVICES: ServiceName[] = [
  'SpreadsheetApp',
  'Gmail',
  'Calendar',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'CacheService',
];

export type SweepKind = 'rate' | 'server' | 'unknown' | 'burst' | 'quota' | 'lost' | 'kill' | 'daily';

/** Kinds the faulted run must absorb by itself (src/gas/retry.ts). */
const ABSORBED = new Set<SweepKind>(['rate', 'server', 'unknown', 'burst']);
/** Services whose failure must never cost the night's sheet write. */
const NEVER_COSTS_THE_WRITE = new Set(['Gmail', 'Calendar', 'PropertiesService']);
/** The managed columns every night writes whatever the actions did. */
const NIGHT_COLUMNS = /\|(Tier|Next follow-up|Follow-up|Days to due)$/;
const UNKNOWN = 'Etwas ist schiefgelaufen. Bitte versuche es später noch einmal.';

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
  emu.faults.scope = [...SERVICES];
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
  const calls = emu.calls.log.filter((c) => SERVICES.includes(c.service)).map((c) => `${c.service}.${c.method}`);
  const keys = madeKeys(emu);
  const managed = managedState(emu);
  const violations = checkNothingLost(before, emu);
  clean = { calls, draftKeys: keys.drafts.sort(), eventKeys: keys.events.sort(), managed, summary, violations };
  return clean;
}

export interface Scenario {
  k: number;
  kind: SweepKind;
  call: string;
}

/** What went wrong in one scenario, by the sweep's measures. */
export interface ScenarioResult {
  violations: string[];
  duplicates: number;
  changedCells: number;
  noLogRow: boolean;
  noWrite: boolean;
  /** The night could not read its settings (the one exception to "never costs the write"). */
  settingsUnread: boolean;
  /**
   * The spreadsheet could not be used at all: a quota on the calls that find
   * and open it (the trigger's record in user properties, openById), or a
   * spent daily Spreadsheet quota. There is nowhere to write a log row.
   */
  unusable: boolean;
  /** A killed run whose marker the next run reported. */
  reportedKill?: boolean;
  notRetried: string[];
}

function specOf(sc: Scenario, ref: CleanRun): FaultSpec {
  const service = sc.call.split('.')[0] as ServiceName;
  const all = { service: SERVICES };
  const kinds: Record<Exclude<SweepKind, 'daily' | 'unknown' | 'burst'>, { error: FaultKind; count?: number }> = {
    rate: { error: 'transient' },
    server: { error: 'backend' },
    quota: { error: 'quota' },
    lost: { error: 'lostResponse' },
    kill: { error: 'timeout' },
  };
  if (sc.kind === 'unknown') return { error: new Error(UNKNOWN), filter: all, at: sc.k };
  if (sc.kind === 'daily') {
    // From the k-th call on, every call of that service fails for 24 hours: `at` counts that service's calls.
    const nth = ref.calls.slice(0, sc.k).filter((c) => c.startsWith(`${service}.`)).length;
    return { error: 'quota', filter: { service }, at: nth, persist: 'day' };
  }
  if (sc.kind === 'burst') {
    // The same call failing three times in a row, its retries included: `at` counts that method's calls.
    const nth = ref.calls.slice(0, sc.k).filter((c) => c === sc.call).length;
    return { error: 'transient', count: 3, filter: { service, method: sc.call }, at: nth };
  }
  const k = kinds[sc.kind];
  return { error: k.error, count: k.count, filter: all, at: sc.k, when: sc.kind === 'lost' ? 'after' : 'before' };
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

/** The night's own columns against the clean run's. */
function nightColumnsDiffer(emu: Emulator, ref: CleanRun): string[] {
  const got = managedState(emu);
  const out: string[] = [];
  for (const [k, v] of ref.managed) if (NIGHT_COLUMNS.test(k) && got.get(k) !== v) out.push(k);
  return out;
}

function logRowCount(emu: Emulator): number {
  return emu.sheetNames().includes('Retain log') ? emu.sheetValues('Retain log').length : 0;
}

/** Runs one scenario. */
export function runScenario(sc: Scenario, ref: CleanRun): ScenarioResult {
  const emu = freshSample();
  const before: Snapshot = snapshot(emu);
  const logsBefore = logRowCount(emu);
  emu.faults.inject(specOf(sc, ref));
  const r: ScenarioResult = {
    violations: [],
    duplicates: 0,
    changedCells: 0,
    noLogRow: false,
    noWrite: false,
    settingsUnread: false,
    unusable: false,
    notRetried: [],
  };
  const v = r.violations;
  const service = sc.call.split('.')[0];
  const opened = ref.calls.indexOf('SpreadsheetApp.openById') + 1;
  r.unusable =
    (sc.k <= opened && (sc.kind === 'quota' || sc.kind === 'daily')) ||
    (sc.kind === 'daily' && service === 'SpreadsheetApp');
  let first: RunSummary | undefined;
  try {
    first = runNightly(emu);
  } catch (e) {
    // Only the kill, or a spreadsheet that cannot be used, may end the run itself.
    if (sc.kind !== 'kill' && !r.unusable) v.push(`the faulted run threw: ${(e as Error).message}`);
  }
  const killed = emu.executionLog[emu.executionLog.length - 1].killed;
  const marked = 'retain.runInProgress' in emu.properties.document();
  if (sc.kind !== 'daily') {
    const fired = emu.faults.fired.length;
    const want = sc.kind === 'burst' ? [1, 2, 3] : [1];
    if (!want.includes(fired)) v.push(`fault fired ${fired} times`);
  }
  if (first && first.locked) v.push('the faulted run found the lock taken');
  if (!killed && !r.unusable && logRowCount(emu) === logsBefore) {
    r.noLogRow = true;
    v.push('the faulted run wrote no log row');
  }
  r.settingsUnread = !!first && /settings \(document properties\) could not be read/.test(first.fatal);
  if (!killed && NEVER_COSTS_THE_WRITE.has(service) && !r.settingsUnread && !r.unusable) {
    const d = nightColumnsDiffer(emu, ref);
    if (d.length) {
      r.noWrite = true;
      v.push(
        `a ${service} fault left ${d.length} managed cell(s) unwritten (${d[0]}); errors ${JSON.stringify(first?.errors ?? []).slice(0, 200)}`,
      );
    }
  }
  if (ABSORBED.has(sc.kind)) {
    const d = differences(emu, ref);
    if (d.length)
      r.notRetried.push(`${d[0]}${first ? `; run errors: ${JSON.stringify(first.errors).slice(0, 200)}` : ''}`);
  }
  if (sc.kind !== 'daily') emu.faults.clear();
  // The next execution(s): the follow-up trigger if one was set, else the next night.
  let last: RunSummary | undefined;
  for (let i = 0; i < 3 && sc.kind !== 'daily'; i++) {
    try {
      last = runNext(emu);
    } catch (e) {
      v.push(`the rerun threw: ${(e as Error).message}`);
      break;
    }
    // Killed between setting its marker and clearing it, the run left word for the next one to report.
    if (i === 0 && killed && marked && !last.errors.some((x) => /was cut off/.test(x)))
      v.push('the run after the kill did not say that the previous one was cut off');
    if (i === 0 && killed) r.reportedKill = marked;
    if (!last.mustContinue) break;
  }
  if (last && last.mustContinue) v.push('three reruns later the work is still not done');
  if (last && last.locked) v.push('the rerun found the lock still taken');
  if (last && last.fatal) v.push(`the rerun stopped: ${last.fatal}`);
  const lost = checkNothingLost(before, emu, { rerun: false });
  r.duplicates = lost.filter((x) => /made \d+ times|upcoming Retain visits/.test(x)).length;
  r.changedCells = lost.filter((x) => /^user cell changed|was overwritten/.test(x)).length;
  // A spent daily quota outlasts the night: only nothing twice and nothing changed are asked of it.
  v.push(...(sc.kind === 'daily' ? lost.filter((x) => !/is not recorded|Next visit shows/.test(x)) : lost));
  if (sc.kind !== 'daily') v.push(...differences(emu, ref));
  return r;
}

function diffList(got: string[], want: string[]): string {
  const extra = got.filter((x, i) => got.indexOf(x) !== i || !want.includes(x));
  const missing = want.filter((x) => !got.includes(x));
  return `${got.length} made, ${want.length} expected; extra ${JSON.stringify(extra.slice(0, 3))}; missing ${JSON.stringify(missing.slice(0, 3))}`;
}

export interface SweepFigures {
  scenarios: number;
  violations: string[];
  notRetried: string[];
  duplicates: number;
  changedCells: number;
  runsWithoutLogRow: number;
  nightsWithoutWrite: number;
  settingsUnread: number;
  unusable: number;
  killsReported: number;
}

/** Runs the scenarios, collecting one line per failing one and the figures the issue asks for. */
export function sweep(scenarios: Scenario[]): SweepFigures {
  const ref = cleanRun();
  const out: SweepFigures = {
    scenarios: scenarios.length,
    violations: [],
    notRetried: [],
    duplicates: 0,
    changedCells: 0,
    runsWithoutLogRow: 0,
    nightsWithoutWrite: 0,
    settingsUnread: 0,
    unusable: 0,
    killsReported: 0,
  };
  for (const sc of scenarios) {
    const r = runScenario(sc, ref);
    if (r.violations.length)
      out.violations.push(`k=${sc.k} ${sc.call} ${sc.kind}: ${r.violations.slice(0, 3).join(' | ')}`);
    if (r.notRetried.length) out.notRetried.push(`k=${sc.k} ${sc.call} ${sc.kind}: ${r.notRetried[0]}`);
    out.duplicates += r.duplicates;
    out.changedCells += r.changedCells;
    out.runsWithoutLogRow += r.noLogRow ? 1 : 0;
    out.nightsWithoutWrite += r.noWrite ? 1 : 0;
    out.settingsUnread += r.settingsUnread ? 1 : 0;
    out.unusable += r.unusable ? 1 : 0;
    out.killsReported += r.reportedKill ? 1 : 0;
  }
  return out;
}

/**
 * The calls the sweep fails, sampled deterministically so the sweep stays a
 * few minutes long: of the calls that repeat (an insert per visit, a
 * property write per journal entry, a zone look-up per month of dates), the
 * first three, the last and every 7th (every 50th for Utilities.formatDate,
 * which only converts dates); every call that happens once or twice.
 */
export function sampledCalls(filter: (call: string) => boolean = () => true): Scenario[] {
  const ref = cleanRun();
  const total: Record<string, number> = {};
  for (const c of ref.calls) total[c] = (total[c] ?? 0) + 1;
  const seen: Record<string, number> = {};
  const out: Scenario[] = [];
  ref.calls.forEach((call, i) => {
    const o = (seen[call] = (seen[call] ?? 0) + 1);
    const every = call === 'Utilities.formatDate' ? 50 : 7;
    if ((o <= 3 || o === total[call] || o % every === 0) && filter(call)) out.push({ k: i + 1, kind: 'server', call });
  });
  return out;
}

/** The sampled calls failing as `kind`; with `stride`, every stride-th of them (from the first). */
export function scenariosFor(
  kind: SweepKind,
  opts: { stride?: number; filter?: (call: string) => boolean } = {},
): Scenario[] {
  const stride = opts.stride ?? 1;
  return sampledCalls(opts.filter)
    .filter((_, i) => i % stride === 0)
    .map((sc) => ({ ...sc, kind }));
}

/** A spent daily quota from the first call of each method of each service on (Utilities excepted: it has none that Retain can meet). */
export function dailyScenarios(): Scenario[] {
  const ref = cleanRun();
  const seen = new Set<string>();
  const out: Scenario[] = [];
  ref.calls.forEach((call, i) => {
    if (seen.has(call) || call.startsWith('Utilities.')) return;
    seen.add(call);
    out.push({ k: i + 1, kind: 'daily', call });
  });
  return out;
}

/** One line of figures for the test output (and the report). */
export function figuresLine(name: string, f: SweepFigures): string {
  const exempt = [
    f.settingsUnread ? `${f.settingsUnread} nights whose settings could not be read (no write; said in the log)` : '',
    f.unusable ? `${f.unusable} with the spreadsheet unusable (nowhere to log)` : '',
    f.killsReported ? `${f.killsReported} kills reported by the next run` : '',
  ].filter(Boolean);
  return (
    `fault sweep, ${name}: ${f.scenarios} scenarios; ${f.duplicates} duplicates, ${f.changedCells} changed user cells, ` +
    `${f.runsWithoutLogRow} runs without a log row, ${f.nightsWithoutWrite} nights without the write` +
    (exempt.length ? ` (${exempt.join('; ')})` : '')
  );
}
