/**
 * The fault sweep (docs/testing.md, Fault sweep) over the dashboard's part of the nightly run
 * on the sample workbook, with cells the user typed on the dashboard: every
 * call from the Retain log read to the end of the run fails once (rate limit,
 * daily quota, the 6-minute kill), then the next run(s) go without faults.
 * After that, besides the nothing-lost invariant: the user's cells on the
 * dashboard are as typed, the six charts are the ones Set up made, and the
 * dashboard shows the clean run's figures (this week's drafts and visits as
 * the Retain log counts them: a killed run may leave no log row).
 * Set up's charts are swept too: a chart inserted whose answer was lost, or
 * that failed, is made once.
 */
import type { Emulator, FaultKind } from '../../tools/emulator';
import { loadBundle } from '../helpers/bundle';
import { checkNothingLost, snapshot } from '../helpers/invariant';
import { runNext, runNightly, sampleSheets, type RunSummary } from './harness';
import { freshSample } from './sweep';

const DASH = 'Retain dashboard';
const SCOPED = new Set(['SpreadsheetApp', 'Gmail', 'Calendar']);
const TYPED: Record<string, unknown> = { C10: 'under the charts', D42: 7, L3: 'outside the block' };

function at(values: unknown[][], a1: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(a1) as RegExpExecArray;
  return values[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}

function prepared(): Emulator {
  const emu = freshSample();
  const sheet = emu.sheet(DASH);
  for (const [a1, v] of Object.entries(TYPED)) sheet.getRange(a1).setValue(v);
  return emu;
}

/** This week's drafts and visits as the Retain log has them (every run of these tests is on one day). */
function logged(emu: Emulator): { drafts: number; visits: number } {
  const [h, ...rows] = emu.sheetValues('Retain log');
  const sum = (name: string) => rows.reduce((s, r) => s + (Number(r[h.indexOf(name)]) || 0), 0);
  return { drafts: sum('Drafts made'), visits: sum('Events made') };
}

interface Reference {
  calls: Array<{ method: string; args: unknown[] }>;
  dashboard: unknown[][];
  chartIds: Array<number | null>;
}

let ref: Reference | null = null;

function reference(): Reference {
  if (ref) return ref;
  const emu = prepared();
  const chartIds = emu.charts(DASH).map((c) => c.id);
  const seen: Array<{ method: string; args: unknown[] }> = [];
  // The predicates see every service's calls; failCall counts the scoped ones.
  emu.faults.failWhen((c) => {
    if (SCOPED.has(c.service)) seen.push({ method: `${c.service}.${c.method}`, args: c.args });
    return undefined;
  });
  emu.calls.reset();
  runNightly(emu);
  emu.faults.clear();
  const counted = emu.calls.log.filter((c) => SCOPED.has(c.service)).map((c) => `${c.service}.${c.method}`);
  if (JSON.stringify(counted) !== JSON.stringify(seen.map((c) => c.method)))
    throw new Error('the fault hooks and the call log do not count the same calls');
  ref = { calls: seen, dashboard: emu.sheetValues(DASH), chartIds };
  return ref;
}

/** k (1-based) of the dashboard's calls: from the Retain log read (two calls before the block's getRange) to the end. */
function dashboardCalls(): Array<{ k: number; call: string }> {
  const { calls } = reference();
  const block = calls.findIndex(
    (c) => c.method === 'SpreadsheetApp.Sheet.getRange' && c.args[0] === 1 && c.args[1] === 1 && c.args[3] === 10,
  );
  if (block < 2) throw new Error('the dashboard block read was not found');
  return calls.slice(block - 2).map((c, i) => ({ k: block - 1 + i, call: c.method }));
}

function scenario(k: number, kind: FaultKind): string[] {
  const r = reference();
  const emu = prepared();
  const before = snapshot(emu);
  const v: string[] = [];
  emu.faults.failCall(k, kind);
  try {
    runNightly(emu);
  } catch (e) {
    if (kind === 'transient') v.push(`the faulted run threw: ${(e as Error).message}`);
  }
  emu.faults.clear();
  let last: RunSummary | undefined;
  for (let i = 0; i < 3; i++) {
    last = runNext(emu);
    if (!last.mustContinue) break;
  }
  if (last?.fatal) v.push(`the rerun stopped: ${last.fatal}`);
  v.push(...checkNothingLost(before, emu, { rerun: false }));
  const now = emu.sheetValues(DASH);
  for (const [a1, typed] of Object.entries(TYPED))
    if (at(now, a1) !== typed) v.push(`the user's ${a1} became ${JSON.stringify(at(now, a1))}`);
  const ids = emu.charts(DASH).map((c) => c.id);
  if (JSON.stringify(ids) !== JSON.stringify(r.chartIds)) v.push(`charts ${JSON.stringify(ids)}`);
  // The clean run's dashboard, but for this week's drafts and visits (G5, H5): the log's.
  const { drafts, visits } = logged(emu);
  if (at(now, 'G5') !== drafts || at(now, 'H5') !== visits)
    v.push(`drafts and visits ${at(now, 'G5')}, ${at(now, 'H5')}; the log has ${drafts}, ${visits}`);
  const differ: string[] = [];
  r.dashboard.forEach((row, i) =>
    row.forEach((x, j) => {
      if (i === 4 && (j === 6 || j === 7)) return;
      if (JSON.stringify(now[i]?.[j]) !== JSON.stringify(x)) differ.push(`R${i + 1}C${j + 1}`);
    }),
  );
  if (differ.length) v.push(`the dashboard differs from the clean run's at ${differ.slice(0, 5).join(', ')}`);
  return v;
}

describe("fault sweep over the dashboard's calls (sample workbook, cells typed by the user)", () => {
  test('the dashboard step is found in the clean run: the log and block reads, the log row, the write', () => {
    const calls = dashboardCalls().map((c) => c.call.replace('SpreadsheetApp.', ''));
    expect(calls.slice(0, 6)).toEqual([
      'Sheet.getDataRange',
      'Range.getValues',
      'Sheet.getRange',
      'Range.getValues',
      'Range.getFormulas',
      'Sheet.appendRow',
    ]);
    // The write goes around the user's C10 and D42: rows 1-9, row 10 left and right of C, rows 11-41,
    // row 42 left and right of D, rows 43 to the end: seven blocks.
    expect(calls.slice(6)).toEqual([...new Array(7).fill(['Sheet.getRange', 'Range.setValues']).flat(), 'flush']);
    // The clean run kept the user's cells as typed.
    for (const [a1, v] of Object.entries(TYPED)) expect(at(reference().dashboard, a1)).toBe(v);
  });

  test.each(['transient', 'quota', 'timeout'] as const)(
    "every dashboard call failing once as %s, then the next run: nothing lost, the user's cells kept, no chart twice",
    (kind) => {
      const failures: string[] = [];
      for (const { k, call } of dashboardCalls()) {
        const v = scenario(k, kind);
        if (v.length) failures.push(`k=${k} ${call}: ${v.slice(0, 3).join(' | ')}`);
      }
      expect(failures).toEqual([]);
    },
  );

  test.each(['lostResponse', 'transient', 'quota'] as const)(
    "Set up's charts: each insert failing once as %s, then Set up again: six charts, each once",
    (kind) => {
      const failures: string[] = [];
      for (let k = 1; k <= 6; k++) {
        const emu = loadBundle({}, sampleSheets());
        emu.faults.failCall(k, kind, { method: 'Sheet.insertChart' });
        try {
          emu.invoke('setupSheets');
        } catch (e) {
          failures.push(`k=${k}: Set up threw ${(e as Error).message}`);
        }
        emu.faults.clear();
        emu.invoke('setupSheets');
        const ranges = emu.charts(DASH).map((c) => c.ranges.join());
        if (ranges.length !== 6 || new Set(ranges).size !== 6)
          failures.push(`k=${k}: charts ${JSON.stringify(ranges)}`);
      }
      expect(failures).toEqual([]);
    },
  );
});
