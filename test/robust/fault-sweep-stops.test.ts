/**
 * The fault sweep, part 2 (docs/testing.md, Fault sweep): what a run cannot
 * retry away. Every sampled external call of the nightly run (see sweep.ts)
 * fails once with a daily quota, has its answer lost after it took effect,
 * or is where the 6-minute kill falls; and each service's daily quota is
 * spent from the first call of each of its methods on. The next run finishes
 * the work; nothing is made twice, no user cell changes, every run that is
 * not killed writes its log row (the run after a kill says it was cut off),
 * and no Gmail, Calendar or Properties failure costs the night's write.
 */
import { dailyScenarios, scenariosFor, sweep, figuresLine, type SweepFigures } from './sweep';

const WRITES =
  /\.(create|insert|setProperty|setProperties|deleteProperty|appendRow|setValues|flush|insertSheet|releaseLock)$/;

function report(name: string, f: SweepFigures): void {
  console.log(figuresLine(name, f));
}

describe('fault sweep over the nightly run (sample workbook): quotas, lost answers, kills', () => {
  test.each([
    ['quota', () => scenariosFor('quota')],
    ['lost', () => scenariosFor('lost', { filter: (c) => WRITES.test(c) })],
    ['kill', () => scenariosFor('kill')],
    ['daily', () => dailyScenarios()],
  ] as const)('every sampled call failing as %s, then the next run', (kind, scenarios) => {
    const f = sweep(scenarios());
    report(kind, f);
    expect(f.violations).toEqual([]);
    expect([f.duplicates, f.changedCells, f.runsWithoutLogRow, f.nightsWithoutWrite]).toEqual([0, 0, 0, 0]);
  });
});
