/**
 * Embedded charts (docs/platform.md, Speed): the data ranges of each chart a
 * sheet has (what Retain knows its charts by), and a chart made. Every call goes through
 * the retry policy; inserting a chart makes something, so after a lost answer
 * it first looks whether the chart is on the sheet.
 */
import type { ChartPlace, ChartType } from '../core/dashboardLayout';
import { retrySheets, withRetry } from './retry';
import type { Sheet } from './spreadsheet';

/** The A1 notations of each chart's data ranges, in the sheet's order. */
export function chartRanges_(sheet: Sheet): string[][] {
  const charts = retrySheets(() => sheet.getCharts());
  return charts.map((c) => retrySheets(() => c.getRanges()).map((r) => retrySheets(() => r.getA1Notation())));
}

/** Whether a chart on the sheet reads the range `a1` (its order among the chart's ranges aside). */
export function hasChartOn_(charts: string[][], a1: string): boolean {
  return charts.some((ranges) => ranges.includes(a1));
}

function chartType(t: ChartType): GoogleAppsScript.Charts.ChartType {
  if (t === 'PIE') return Charts.ChartType.PIE;
  if (t === 'BAR') return Charts.ChartType.BAR;
  if (t === 'LINE') return Charts.ChartType.LINE;
  return Charts.ChartType.COLUMN;
}

/** Builds the chart (nothing is on the sheet until insertChart) and inserts it. */
export function insertChart_(sheet: Sheet, c: ChartPlace): void {
  const chart = retrySheets(() => {
    let b = sheet.newChart().setChartType(chartType(c.type));
    for (const r of c.ranges) b = b.addRange(sheet.getRange(r.row, r.col, r.rows, r.cols));
    b = b
      .setNumHeaders(1)
      .setPosition(c.row, c.col, c.offsetX, c.offsetY)
      .setOption('title', c.title)
      .setOption('width', c.width)
      .setOption('height', c.height);
    if (c.stacked) b = b.setOption('isStacked', true);
    // The overdue line joins the days that had a run across the days that had none.
    if (c.type === 'LINE') b = b.setOption('interpolateNulls', true);
    return b.build();
  });
  withRetry(
    () => {
      sheet.insertChart(chart);
      return true;
    },
    { service: 'Spreadsheet', recover: () => (hasChartOn_(chartRanges_(sheet), c.key) ? true : null) },
  );
}
