/**
 * Where the dashboard goes on the `Retain dashboard` sheet (总览): one block
 * of cells from A1 whose shape never changes, whatever the data, and the
 * native charts over its tables. Pure: the sheet writer
 * (server/dashboardSheet.ts) writes `dashboardBlock` with one setValues, Set
 * up draws `dashboardCharts` once, and the demo reads the sheet back with
 * `dashboardFromBlock`.
 *
 *   rows 1-2    the title and "As of <date>"
 *   rows 4-5    the key figures: labels, values (columns A-H)
 *   rows 7-38   the charts, two rows of three; no cell under them is written
 *   rows 40-    the tables, one under the other: title, header, rows, a blank row
 *
 * The charts read fixed ranges of the tables, so a night's new figures move
 * them without a chart being touched.
 */
import type { Dashboard, DashCell, DashFigure, DashTable, DashTableKey } from './dashboard';
import { DUE_KIND_ORDER, L } from './dashboardLabels';
import { columnLetter, normalizeHeader } from './headers';
import { tr } from './i18n';
import type { Lang } from './model';

export const DASHBOARD_SHEET = { en: 'Retain dashboard', zh: '总览' } as const;

export function dashboardSheetLabel(lang: Lang): string {
  return lang === 'zh' ? DASHBOARD_SHEET.zh : DASHBOARD_SHEET.en;
}

/** The dashboard among the sheet names, by the rule of headers.ts findSheet (exact name first, then case and spacing ignored). */
export function dashboardSheetName(names: readonly string[]): string | null {
  if (names.includes(DASHBOARD_SHEET.en)) return DASHBOARD_SHEET.en;
  if (names.includes(DASHBOARD_SHEET.zh)) return DASHBOARD_SHEET.zh;
  const wanted = new Set([normalizeHeader(DASHBOARD_SHEET.en), normalizeHeader(DASHBOARD_SHEET.zh)]);
  for (const name of names) if (typeof name === 'string' && wanted.has(normalizeHeader(name))) return name;
  return null;
}

/** A block of cells, 1-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function rectA1(r: Rect): string {
  const first = `${columnLetter(r.col - 1)}${r.row}`;
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${columnLetter(r.col + r.cols - 2)}${r.row + r.rows - 1}`;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col - 1)}${row}`;
}

interface Shape {
  key: DashTableKey;
  capacity: number;
  width: number;
}

/** The tables in sheet order with their rows and columns (the shapes of core/dashboard.ts; a test checks they agree). */
const SHAPES: readonly Shape[] = [
  { key: 'tiers', capacity: 4, width: 3 },
  { key: 'dueByReason', capacity: DUE_KIND_ORDER.length, width: 3 },
  { key: 'dueByTier', capacity: 4, width: 3 },
  { key: 'contactsByWeek', capacity: 12, width: 10 },
  { key: 'slipping', capacity: 20, width: 7 },
  { key: 'overdueTrend', capacity: 56, width: 2 },
];

export interface TablePlace extends Shape {
  titleRow: number;
  headerRow: number;
  /** The first data row; the table's rows are firstRow .. firstRow + capacity - 1. */
  firstRow: number;
}

const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
const FIGURE_LABEL_ROW = 4;
const FIGURE_VALUE_ROW = 5;
const CHARTS_ROW = 7;
/** Rows a chart row takes: 16 rows of Sheets' default 21 px hold a 300 px chart and a gap. */
const CHART_BAND_ROWS = 16;
const CHARTS_PER_ROW = 3;
const CHART_WIDTH = 400;
const CHART_HEIGHT = 300;
/** Charts are placed by pixel offset from A-column cells, so a column the user widens moves none of them. */
const CHART_STEP_X = 420;
const TABLES_ROW = CHARTS_ROW + 2 * CHART_BAND_ROWS + 1;

export const BLOCK_COLS = Math.max(...SHAPES.map((s) => s.width));

function places(): TablePlace[] {
  const out: TablePlace[] = [];
  let row = TABLES_ROW;
  for (const s of SHAPES) {
    out.push({ ...s, titleRow: row, headerRow: row + 1, firstRow: row + 2 });
    row += s.capacity + 3;
  }
  return out;
}

export const TABLE_PLACES: readonly TablePlace[] = places();

const lastPlace = TABLE_PLACES[TABLE_PLACES.length - 1];
export const BLOCK_ROWS = lastPlace.firstRow + lastPlace.capacity - 1;

export function tablePlace(key: DashTableKey): TablePlace {
  return TABLE_PLACES.find((p) => p.key === key) as TablePlace;
}

/** The whole block, BLOCK_ROWS x BLOCK_COLS, '' where nothing goes. Rows and columns past a table's shape are cut. */
export function dashboardBlock(d: Dashboard): DashCell[][] {
  const block: DashCell[][] = Array.from({ length: BLOCK_ROWS }, () => new Array<DashCell>(BLOCK_COLS).fill(''));
  const put = (row: number, col: number, v: DashCell) => {
    if (row <= BLOCK_ROWS && col <= BLOCK_COLS) block[row - 1][col - 1] = v;
  };
  put(TITLE_ROW, 1, d.title);
  put(SUBTITLE_ROW, 1, d.subtitle);
  d.figures.forEach((f, i) => {
    put(FIGURE_LABEL_ROW, i + 1, f.label);
    put(FIGURE_VALUE_ROW, i + 1, f.value);
  });
  for (const p of TABLE_PLACES) {
    const t = d.tables.find((x) => x.key === p.key);
    if (t === undefined) continue;
    put(p.titleRow, 1, t.title);
    t.header.slice(0, p.width).forEach((h, c) => put(p.headerRow, c + 1, h));
    t.rows.slice(0, p.capacity).forEach((r, i) => r.slice(0, p.width).forEach((v, c) => put(p.firstRow + i, c + 1, v)));
  }
  return block;
}

function dashCell(v: unknown): DashCell {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return '';
  return String(v);
}

/**
 * The dashboard as the sheet shows it: every text and number read from the
 * block's cells; what the cells do not hold (keys, chart kinds, capacities,
 * the day and language) from `template`, e.g. dashboardFigures of no data.
 * Only the slipping-away list has a variable length: its rows end at the
 * first blank Customer ID.
 */
export function dashboardFromBlock(values: readonly (readonly unknown[])[], template: Dashboard): Dashboard {
  const at = (row: number, col: number) => dashCell(values[row - 1]?.[col - 1]);
  const figures: DashFigure[] = template.figures.map((f, i) => {
    const v = at(FIGURE_VALUE_ROW, i + 1);
    return {
      key: f.key,
      label: String(at(FIGURE_LABEL_ROW, i + 1)),
      value: typeof v === 'number' ? v : Number(v) || 0,
    };
  });
  const tables: DashTable[] = template.tables.map((t) => {
    const p = TABLE_PLACES.find((x) => x.key === t.key);
    if (p === undefined) return t;
    const width = Math.min(p.width, t.header.length);
    const cols = Array.from({ length: width }, (_, c) => c + 1);
    let rows = Array.from({ length: p.capacity }, (_, i) => cols.map((c) => at(p.firstRow + i, c)));
    const end = rows.findIndex((r) => r[0] === '');
    if (t.key === 'slipping' && end >= 0) rows = rows.slice(0, end);
    return { ...t, title: String(at(p.titleRow, 1)), header: cols.map((c) => String(at(p.headerRow, c))), rows };
  });
  return { ...template, title: String(at(TITLE_ROW, 1)), subtitle: String(at(SUBTITLE_ROW, 1)), figures, tables };
}

export type ChartType = 'PIE' | 'BAR' | 'COLUMN' | 'LINE';

export interface ChartPlace {
  /** How a later Set up knows the chart is there: a chart reading this range, its first (the user may move it, retitle it). */
  key: string;
  type: ChartType;
  ranges: Rect[];
  title: string;
  stacked: boolean;
  /** Anchor cell (1-based) and pixel offsets from its top left corner. */
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
}

/** A table's header and data rows, columns `from`..`from + cols - 1`. */
function columns(p: TablePlace, from: number, cols: number): Rect {
  return { row: p.headerRow, col: from, rows: p.capacity + 1, cols };
}

/** The native charts, as the table's `chart` kind says: a pie per numeric column, stacked bars or columns, a line. */
export function dashboardCharts(lang: Lang, d: Dashboard): ChartPlace[] {
  const title = (key: DashTableKey) => d.tables.find((t) => t.key === key)?.title ?? '';
  const tiers = tablePlace('tiers');
  const charts: Array<Omit<ChartPlace, 'key' | 'row' | 'col' | 'offsetX' | 'offsetY' | 'width' | 'height'>> = [
    { type: 'PIE', ranges: [columns(tiers, 1, 2)], title: tr(lang, L.tiersCustomersChart), stacked: false },
    {
      type: 'PIE',
      ranges: [columns(tiers, 1, 1), columns(tiers, 3, 1)],
      title: tr(lang, L.tiersRevenueChart),
      stacked: false,
    },
    { type: 'COLUMN', ranges: [columns(tablePlace('dueByTier'), 1, 3)], title: title('dueByTier'), stacked: true },
    { type: 'BAR', ranges: [columns(tablePlace('dueByReason'), 1, 3)], title: title('dueByReason'), stacked: true },
    {
      type: 'COLUMN',
      ranges: [columns(tablePlace('contactsByWeek'), 1, tablePlace('contactsByWeek').width)],
      title: title('contactsByWeek'),
      stacked: true,
    },
    { type: 'LINE', ranges: [columns(tablePlace('overdueTrend'), 1, 2)], title: title('overdueTrend'), stacked: false },
  ];
  return charts.map((c, i) => ({
    ...c,
    key: rectA1(c.ranges[0]),
    row: CHARTS_ROW + Math.floor(i / CHARTS_PER_ROW) * CHART_BAND_ROWS,
    col: 1,
    offsetX: (i % CHARTS_PER_ROW) * CHART_STEP_X,
    offsetY: 0,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  }));
}

/** What Set up formats once, when it makes the sheet: bold titles and headers, the title larger, money without cents. */
export function dashboardStyle(): { title: string; bold: string[]; money: string[] } {
  const bold = [rectA1({ row: FIGURE_LABEL_ROW, col: 1, rows: 1, cols: BLOCK_COLS })];
  for (const p of TABLE_PLACES)
    bold.push(cellA1(p.titleRow, 1), rectA1({ row: p.headerRow, col: 1, rows: 1, cols: p.width }));
  const money = [
    cellA1(FIGURE_VALUE_ROW, 2),
    cellA1(FIGURE_VALUE_ROW, 6),
    rectA1({ row: tablePlace('tiers').firstRow, col: 3, rows: tablePlace('tiers').capacity, cols: 1 }),
    rectA1({ row: tablePlace('slipping').firstRow, col: 4, rows: tablePlace('slipping').capacity, cols: 1 }),
  ];
  return { title: cellA1(TITLE_ROW, 1), bold, money };
}
