/**
 * The fault sweep, part 1 (docs/testing.md, Fault sweep): the errors a run
 * must absorb by itself. Every sampled external call of the nightly run on
 * the sample workbook (see sweep.ts for the sample and what each scenario
 * checks) fails once with a server error, with a rate limit, and with an
 * error no pattern knows; every second one with a burst of three rate
 * limits. Part 2 (fault-sweep-stops.test.ts) has quotas, lost answers and kills.
 */
import { cleanRun, sampledCalls, scenariosFor, sweep, figuresLine, type SweepFigures } from './sweep';

function report(name: string, f: SweepFigures): void {
  console.log(figuresLine(name, f));
}

describe('fault sweep over the nightly run (sample workbook): errors retried away', () => {
  test('the clean run: drafts, visits, and the nothing-lost invariant with a second run', () => {
    const ref = cleanRun();
    console.log(
      `fault sweep: the clean nightly run makes ${ref.calls.length} external calls (${ref.draftKeys.length} drafts, ${ref.eventKeys.length} events); ${sampledCalls().length} sampled`,
    );
    expect(ref.calls.length).toBeGreaterThan(100);
    expect(new Set(ref.calls.map((c) => c.split('.')[0]))).toEqual(
      new Set(['SpreadsheetApp', 'Gmail', 'Calendar', 'PropertiesService', 'LockService', 'Session', 'Utilities']),
    );
    expect(ref.draftKeys.length).toBeGreaterThan(0);
    expect(ref.eventKeys.length).toBeGreaterThan(0);
    expect(ref.summary.fatal).toBe('');
    expect(ref.violations).toEqual([]);
  });

  test.each([
    ['server', 1],
    ['rate', 1],
    ['unknown', 1],
    ['burst', 2],
  ] as const)(
    'every sampled call failing as %s: absorbed by the run itself; nothing lost, nothing twice',
    (kind, stride) => {
      const f = sweep(scenariosFor(kind, { stride }));
      report(kind, f);
      expect(f.violations).toEqual([]);
      expect(f.notRetried).toEqual([]);
      expect([f.duplicates, f.changedCells, f.runsWithoutLogRow, f.nightsWithoutWrite]).toEqual([0, 0, 0, 0]);
    },
  );
});
