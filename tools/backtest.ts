/**
 * The win-back backtest as a text table (npm run demo -- --backtest): the
 * flag ("slipping away" against each customer's own rhythm) next to the naive
 * rule "no purchase in 90 days", on the Purchases history of the workbook the
 * demo ran on. Definitions: src/core/backtest.ts.
 */
import type { Backtest, RuleResult } from '../src/core/backtest';

/** An aligned text table, numbers right-aligned (its own: tools/demo.ts imports this file). */
function table(headers: string[], rows: Array<Array<string | number>>): string[] {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[], right: boolean) =>
    '  ' +
    r
      .map((c, i) => (i > 0 && right ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers, true), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map((r) => line(r, true))];
}

function share(x: number | null): string {
  return x === null ? '-' : `${(100 * x).toFixed(1)} %`;
}

function times(x: number | null): string {
  return x === null ? '-' : `${x.toFixed(2)}x`;
}

function row(name: string, r: RuleResult): Array<string | number> {
  return [
    name,
    r.flagged,
    r.flaggedBoughtAgain,
    r.unflagged,
    r.unflaggedBoughtAgain,
    share(r.precision),
    times(r.lift),
    share(r.recall),
  ];
}

/** The backtest's lines, ready to print; a sentence when there is none. */
export function backtestLines(b: Backtest | null): string[] {
  if (b === null) return ['  Not enough purchase history: no customer had bought 90 days before the last purchase.'];
  return [
    `  History cut on ${b.cut}, ${b.windowDays} days before its last purchase (${b.end}).`,
    `  ${b.customers} customers had bought by then; ${b.boughtAgain} bought again in the next ${b.windowDays} days,`,
    `  ${b.customers - b.boughtAgain} did not (base rate ${share(b.baseRate)}).`,
    ...table(
      [
        'Rule',
        'Flagged',
        'Flagged, bought again',
        'Not flagged',
        'Not flagged, bought again',
        'Precision',
        'Lift',
        'Caught',
      ],
      [row('Slipping away (own rhythm)', b.rhythm), row(`No purchase in ${b.windowDays} days`, b.naive)],
    ),
    '  Precision: share of the flagged who did not buy again (a win-back call well spent).',
    '  Lift: precision / base rate (1.00x = no better than calling at random). Caught: share of those who did not',
    '  buy again that the rule flagged.',
  ];
}
