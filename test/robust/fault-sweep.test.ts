/**
 * The fault sweep (docs/testing.md, Fault sweep): fail every external call k of the nightly run on the
 * sample workbook (see sweep.ts for what each scenario checks). Every k, no
 * stride: the sample's run makes about 85 SpreadsheetApp/Gmail/Calendar calls,
 * so the sweep is 3 kinds x ~85 calls + lostResponse on each Gmail create
 * and Calendar insert, about 300 scenarios.
 */
import { cleanRun, scenariosFor, sweep } from './sweep';

const isCreate = (call: string) => call === 'Gmail.Users.Drafts.create' || call === 'Calendar.Events.insert';

describe('fault sweep over the nightly run (sample workbook)', () => {
  test('the clean run: drafts, visits, and the nothing-lost invariant with a second run', () => {
    const ref = cleanRun();
    console.log(
      `fault sweep: the clean nightly run makes ${ref.calls.length} external calls (${ref.draftKeys.length} drafts, ${ref.eventKeys.length} events)`,
    );
    expect(ref.calls.length).toBeGreaterThan(20);
    expect(ref.draftKeys.length).toBeGreaterThan(0);
    expect(ref.eventKeys.length).toBeGreaterThan(0);
    expect(ref.summary.fatal).toBe('');
    expect(ref.violations).toEqual([]);
  });

  // One sweep per kind; the transient one also records whether the faulted run itself retried (src/gas/retry.ts).
  const transient = (() => {
    let r: ReturnType<typeof sweep> | null = null;
    return () => (r ??= sweep(scenariosFor('transient')));
  })();

  test('every call k failing once as transient, then the next run: nothing lost, nothing twice', () => {
    expect(transient().violations).toEqual([]);
  });

  test('every call k failing once as transient: the run retries it and finishes the work itself', () => {
    expect(transient().notRetried).toEqual([]);
  });

  test.each(['quota', 'timeout'] as const)('every call k failing once as %s, then the next run', (kind) => {
    expect(sweep(scenariosFor(kind)).violations).toEqual([]);
  });

  test('every Gmail create and Calendar insert whose response is lost, then the next run', () => {
    const scenarios = scenariosFor('lostResponse', isCreate);
    expect(scenarios.length).toBe(cleanRun().draftKeys.length + cleanRun().eventKeys.length);
    expect(sweep(scenarios).violations).toEqual([]);
  });
});
