/**
 * Embedded charts (reference/spreadsheet/embedded-chart,
 * embedded-chart-builder) and the `Charts` enums: Sheet.newChart() returns a
 * builder; build() makes a chart that is not on the sheet yet (getChartId()
 * is null) until Sheet.insertChart(chart); chart.modify() edits a copy that
 * Sheet.updateChart(chart) saves. Charts are part of the spreadsheet, so they
 * outlive the execution that made them. The emulator stores what a chart is
 * (type, ranges, options, position); it draws nothing.
 */
import { toA1 } from './a1';
import { FakeObject, instrument, type Env } from './runtime';
import type { SheetStore } from './sheetstore';

export const ChartType = {
  TIMELINE: 'TIMELINE',
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  RADAR: 'RADAR',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;
export const ChartHiddenDimensionStrategy = {
  IGNORE_BOTH: 'IGNORE_BOTH',
  IGNORE_ROWS: 'IGNORE_ROWS',
  IGNORE_COLUMNS: 'IGNORE_COLUMNS',
  SHOW_BOTH: 'SHOW_BOTH',
} as const;
export const ChartMergeStrategy = { MERGE_COLUMNS: 'MERGE_COLUMNS', MERGE_ROWS: 'MERGE_ROWS' } as const;
export const Position = { TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const;

/** The `Charts` global (the enums Retain uses with Sheet.newChart()). */
export function createCharts(): Record<string, unknown> {
  return { ChartType, ChartHiddenDimensionStrategy, ChartMergeStrategy, Position };
}

export interface ChartRange {
  sheet: SheetStore;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ChartData {
  /** Unique in the spreadsheet once inserted; null before. */
  id: number | null;
  type: string | null;
  ranges: ChartRange[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders: number;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
  transpose: boolean;
}

/** What the chart classes need from the spreadsheet: turning a stored range back into a Range, and chart ids. */
export interface ChartHost {
  env: Env;
  range(r: ChartRange): unknown;
  newChartId(): number;
}

function copy(d: ChartData): ChartData {
  return { ...d, ranges: [...d.ranges], options: { ...d.options }, position: { ...d.position } };
}

export function newChartData(): ChartData {
  return {
    id: null,
    type: null,
    ranges: [],
    options: {},
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    hiddenDimensionStrategy: ChartHiddenDimensionStrategy.IGNORE_BOTH,
    mergeStrategy: ChartMergeStrategy.MERGE_COLUMNS,
    transpose: false,
  };
}

/** A Range of the bundle, as a stored chart range. */
function rangeOf(env: Env, r: unknown, method: string): ChartRange {
  const x = r as { _sheet?: SheetStore; _row?: number; _col?: number; _numRows?: number; _numCols?: number };
  if (!x || !x._sheet || typeof x._row !== 'number')
    throw env.exception(`The parameters (${typeof r}) don't match the method signature for Charts.${method}.`);
  return {
    sheet: x._sheet,
    row: x._row,
    col: x._col as number,
    numRows: x._numRows as number,
    numCols: x._numCols as number,
  };
}

export class FakeChartOptions extends FakeObject {
  protected get _kind() {
    return 'ChartOptions';
  }
  constructor(
    env: Env,
    private readonly o: Record<string, unknown>,
  ) {
    super(env);
  }
  /** The option set with setOption (or a builder shortcut such as setTitle), or null. */
  get(option: string): unknown {
    const v = this.o[String(option)];
    return v === undefined ? null : this.env.realm.toCtx(v);
  }
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}
instrument(FakeChartOptions, 'SpreadsheetApp', 'ChartOptions', 'read');

export class FakeContainerInfo extends FakeObject {
  protected get _kind() {
    return 'ContainerInfo';
  }
  constructor(
    env: Env,
    private readonly p: ChartData['position'],
  ) {
    super(env);
  }
  getAnchorRow(): number {
    return this.p.row;
  }
  getAnchorColumn(): number {
    return this.p.col;
  }
  getOffsetX(): number {
    return this.p.offsetX;
  }
  getOffsetY(): number {
    return this.p.offsetY;
  }
}
instrument(FakeContainerInfo, 'SpreadsheetApp', 'ContainerInfo', 'read');

export class FakeEmbeddedChart extends FakeObject {
  protected get _kind() {
    return 'EmbeddedChart';
  }
  constructor(
    private readonly h: ChartHost,
    readonly _d: ChartData,
  ) {
    super(h.env);
  }
  getChartId(): number | null {
    return this._d.id;
  }
  getRanges(): unknown[] {
    return this.env.realm.array(this._d.ranges.map((r) => this.h.range(r)));
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions(this.env, { ...this._d.options });
  }
  getContainerInfo(): FakeContainerInfo {
    return new FakeContainerInfo(this.env, { ...this._d.position });
  }
  getNumHeaders(): number {
    return this._d.numHeaders;
  }
  getHiddenDimensionStrategy(): string {
    return this._d.hiddenDimensionStrategy;
  }
  getMergeStrategy(): string {
    return this._d.mergeStrategy;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._d.transpose;
  }
  /** A builder for a copy of this chart (same id): Sheet.updateChart saves it. */
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.h, copy(this._d));
  }
}
instrument(FakeEmbeddedChart, 'SpreadsheetApp', 'EmbeddedChart', 'read');

/** Builder shortcuts of the typed builders (asColumnChart() and co.): each sets a chart option. */
const SHORTCUTS: Record<string, string> = {
  setTitle: 'title',
  setXAxisTitle: 'hAxis.title',
  setYAxisTitle: 'vAxis.title',
  setColors: 'colors',
  setLegendPosition: 'legend.position',
  setBackgroundColor: 'backgroundColor',
};

export class FakeEmbeddedChartBuilder extends FakeObject {
  protected get _kind() {
    return 'EmbeddedChartBuilder';
  }
  constructor(
    private readonly h: ChartHost,
    private readonly d: ChartData,
  ) {
    super(h.env);
  }
  addRange(range: unknown): FakeEmbeddedChartBuilder {
    const r = rangeOf(this.env, range, 'EmbeddedChartBuilder.addRange');
    // "If the range has already been added to the chart, it is not added again."
    const same = (a: ChartRange) =>
      a.sheet === r.sheet && a.row === r.row && a.col === r.col && a.numRows === r.numRows && a.numCols === r.numCols;
    if (!this.d.ranges.some(same)) this.d.ranges.push(r);
    return this;
  }
  removeRange(range: unknown): FakeEmbeddedChartBuilder {
    const r = rangeOf(this.env, range, 'EmbeddedChartBuilder.removeRange');
    this.d.ranges = this.d.ranges.filter(
      (a) =>
        !(
          a.sheet === r.sheet &&
          a.row === r.row &&
          a.col === r.col &&
          a.numRows === r.numRows &&
          a.numCols === r.numCols
        ),
    );
    return this;
  }
  clearRanges(): FakeEmbeddedChartBuilder {
    this.d.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this.env.realm.array(this.d.ranges.map((r) => this.h.range(r)));
  }
  setChartType(type: string): FakeEmbeddedChartBuilder {
    if (!Object.values(ChartType).includes(type as never))
      throw this.env.exception(
        `The parameters (${typeof type}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.`,
      );
    this.d.type = type;
    return this;
  }
  getChartType(): string | null {
    return this.d.type;
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.d.options[String(option)] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    for (const n of [anchorRowPos, anchorColPos, offsetX, offsetY])
      if (typeof n !== 'number' || !Number.isFinite(n))
        throw this.env.exception(
          "The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.",
        );
    this.d.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  getContainer(): FakeContainerInfo {
    return new FakeContainerInfo(this.env, { ...this.d.position });
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.d.numHeaders = Math.trunc(Number(headers));
    return this;
  }
  setHiddenDimensionStrategy(strategy: string): FakeEmbeddedChartBuilder {
    this.d.hiddenDimensionStrategy = String(strategy);
    return this;
  }
  setMergeStrategy(strategy: string): FakeEmbeddedChartBuilder {
    this.d.mergeStrategy = String(strategy);
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): FakeEmbeddedChartBuilder {
    this.d.transpose = !!transpose;
    return this;
  }
  asAreaChart(): FakeEmbeddedChartBuilder {
    return this.setChartType(ChartType.AREA);
  }
  asBarChart(): FakeEmbeddedChartBuilder {
    return this.setChartType(ChartType.BAR);
  }
  asColumnChart(): FakeEmbeddedChartBuilder {
    return this.setChartType(ChartType.COLUMN);
  }
  asLineChart(): FakeEmbeddedChartBuilder {
    return this.setChartType(ChartType.LINE);
  }
  asPieChart(): FakeEmbeddedChartBuilder {
    return this.setChartType(ChartType.PIE);
  }
  asTableChart(): FakeEmbeddedChartBuilder {
    return this.setChartType(ChartType.TABLE);
  }
  asScatterChart(): FakeEmbeddedChartBuilder {
    return this.setChartType(ChartType.SCATTER);
  }
  setTitle(title: string): FakeEmbeddedChartBuilder {
    return this.setOption(SHORTCUTS.setTitle, String(title));
  }
  setXAxisTitle(title: string): FakeEmbeddedChartBuilder {
    return this.setOption(SHORTCUTS.setXAxisTitle, String(title));
  }
  setYAxisTitle(title: string): FakeEmbeddedChartBuilder {
    return this.setOption(SHORTCUTS.setYAxisTitle, String(title));
  }
  setColors(colors: string[]): FakeEmbeddedChartBuilder {
    return this.setOption(SHORTCUTS.setColors, [...colors]);
  }
  setLegendPosition(position: string): FakeEmbeddedChartBuilder {
    return this.setOption(SHORTCUTS.setLegendPosition, String(position).toLowerCase());
  }
  setStacked(): FakeEmbeddedChartBuilder {
    return this.setOption('isStacked', true);
  }
  /** "This method doesn't automatically draw the chart on top of the spreadsheet": insertChart or updateChart does. */
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this.h, copy(this.d));
  }
}
instrument(FakeEmbeddedChartBuilder, 'SpreadsheetApp', 'EmbeddedChartBuilder', {
  default: 'write',
  getRanges: 'read',
  getChartType: 'read',
  getContainer: 'read',
});

/** Sheet.insertChart / updateChart / removeChart on the sheet's stored charts. Inserting always adds a chart. */
export function insertChart(h: ChartHost, sheet: SheetStore, chart: unknown): void {
  const c = chartOf(h.env, chart, 'insertChart');
  const d = copy(c._d);
  d.id = h.newChartId();
  c._d.id = d.id;
  sheet.charts.push(d);
}

export function updateChart(h: ChartHost, sheet: SheetStore, chart: unknown): void {
  const c = chartOf(h.env, chart, 'updateChart');
  const i = sheet.charts.findIndex((x) => x.id !== null && x.id === c._d.id);
  // Unconfirmed wording: the reference only says the chart must be on the sheet.
  if (i < 0) throw h.env.exception('The chart does not exist on this sheet.');
  sheet.charts[i] = copy(c._d);
}

export function removeChart(h: ChartHost, sheet: SheetStore, chart: unknown): void {
  const c = chartOf(h.env, chart, 'removeChart');
  const i = sheet.charts.findIndex((x) => x.id !== null && x.id === c._d.id);
  if (i < 0) throw h.env.exception('The chart does not exist on this sheet.');
  sheet.charts.splice(i, 1);
}

function chartOf(env: Env, chart: unknown, method: string): FakeEmbeddedChart {
  if (!(chart instanceof FakeEmbeddedChart))
    throw env.exception(
      `The parameters (${typeof chart}) don't match the method signature for SpreadsheetApp.Sheet.${method}.`,
    );
  return chart;
}

/** A chart as tests read it (emu.charts()). */
export function describeChart(d: ChartData): {
  id: number | null;
  type: string | null;
  ranges: string[];
  options: Record<string, unknown>;
  position: ChartData['position'];
} {
  return {
    id: d.id,
    type: d.type,
    ranges: d.ranges.map((r) => `${r.sheet.name}!${toA1(r.row, r.col, r.numRows, r.numCols)}`),
    options: { ...d.options },
    position: { ...d.position },
  };
}
