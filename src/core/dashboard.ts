/**
 * The figures of the `Retain dashboard` sheet (总览) and of the offline
 * demo-out/dashboard.html: one plain value (strings and numbers only, labels
 * in the user's language) computed from the plan, the customers' revenue and
 * risk, the `Retain log` and the `Contact log`. Nothing is read or drawn here.
 *
 * Every table has a fixed shape (`capacity` rows, fixed columns), whatever
 * the data: the sheet writer writes each table into the same cells every
 * night with one setValues, and the native charts over those cells follow
 * without being touched. Rows past the data are blank ('').
 *
 * Weeks start on Monday. "This week" is Monday .. today.
 */
import type { Backtest } from './backtest';
import { toDayNumber, fromDayNumber, addDays, type CalDate } from './dates';
import { CONTACT_TYPE_NAMES, CONTACT_TYPE_ORDER, DUE_KIND_ORDER, KIND_NAMES, L } from './dashboardLabels';
import { tr } from './i18n';
import type { Lang, Tier } from './model';
import type { Plan } from './plan';
import type { Risk } from './risk';
import { describeRisk } from './riskText';
import { monthDayText } from './rules/dueItem';

export type DashCell = string | number;

export type DashTableKey =
  'tiers' | 'dueByReason' | 'dueByTier' | 'overdueTrend' | 'contactsByWeek' | 'slipping' | 'backtest';

/** How the table is drawn: pie (one per numeric column), stacked bars, a line, or only the table. */
export type ChartKind = 'pie' | 'stacked' | 'line' | 'table';

export interface DashTable {
  key: DashTableKey;
  title: string;
  /** Column headers; the first column names the rows (the chart's categories). */
  header: string[];
  rows: DashCell[][];
  /** Rows the sheet keeps for this table (rows.length <= capacity; the rest is written blank). */
  capacity: number;
  chart: ChartKind;
}

export interface DashFigure {
  key: 'customers' | 'revenue' | 'dueToday' | 'overdue' | 'slipping' | 'atStake' | 'drafts' | 'visits';
  label: string;
  value: number;
}

export interface Dashboard {
  title: string;
  subtitle: string;
  today: CalDate;
  lang: Lang;
  figures: DashFigure[];
  tables: DashTable[];
}

/** One `Retain log` row: its day (from Started), the overdue count (column added with the dashboard), drafts and events made. */
export interface RunLogRow {
  date: CalDate;
  overdue: number | null;
  draftsMade: number;
  eventsMade: number;
}

/** One `Contact log` row: its Date and Type (blank or unknown types count as Other). */
export interface ContactLogRow {
  date: CalDate | null;
  type: string | null;
}

export interface DashboardCustomer {
  id: string;
  name: string;
  /** As used for the tiers (revenue window), null when unknown. */
  revenue: number | null;
  /** bookRisk's answer for this customer. */
  risk: Risk | null;
}

export interface DashboardInput {
  today: CalDate;
  lang: Lang;
  /** The night's plan: each customer's tier and due items (its `excluded` ones are not slipping away: Lost, Do not contact, problems). */
  plan: Pick<Plan, 'customers'>;
  /** Names, revenue and risk by Customer ID (the first row of a duplicate ID counts). */
  customers: readonly DashboardCustomer[];
  /** Oldest first; the current run included (the dashboard is drawn at the end of a run). */
  runLog: readonly RunLogRow[];
  contactLog: readonly ContactLogRow[];
  backtest?: Backtest | null;
}

const TREND_DAYS = 56;
const CONTACT_WEEKS = 12;
const SLIPPING_ROWS = 20;
const TIER_ROWS: ReadonlyArray<Tier | null> = ['A', 'B', 'C', null];

function mondayOf(d: CalDate): number {
  const n = toDayNumber(d);
  // 1970-01-01 (day 0) was a Thursday: days since the last Monday.
  return n - ((((n + 3) % 7) + 7) % 7);
}

function tierLabel(t: Tier | null, lang: Lang): string {
  return t === null ? tr(lang, L.noTier) : t;
}

function byId(customers: readonly DashboardCustomer[]): Map<string, DashboardCustomer> {
  const m = new Map<string, DashboardCustomer>();
  for (const c of customers) if (!m.has(c.id)) m.set(c.id, c);
  return m;
}

function tierTable(input: DashboardInput, info: Map<string, DashboardCustomer>): DashTable {
  const { lang } = input;
  const count = new Map<Tier | null, number>();
  const revenue = new Map<Tier | null, number>();
  for (const p of input.plan.customers) {
    count.set(p.tier, (count.get(p.tier) ?? 0) + 1);
    const r = info.get(p.customerId)?.revenue ?? null;
    if (r !== null && r > 0) revenue.set(p.tier, (revenue.get(p.tier) ?? 0) + r);
  }
  return {
    key: 'tiers',
    title: tr(lang, L.tiersTitle),
    header: [tr(lang, L.tier), tr(lang, L.customers), tr(lang, L.revenue)],
    rows: TIER_ROWS.map((t) => [tierLabel(t, lang), count.get(t) ?? 0, round2(revenue.get(t) ?? 0)]),
    capacity: TIER_ROWS.length,
    chart: 'pie',
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Items due today and overdue, by kind and by tier. */
function dueTables(input: DashboardInput): [DashTable, DashTable] {
  const { lang, today } = input;
  const kinds = new Map<string, [number, number]>(DUE_KIND_ORDER.map((k) => [k, [0, 0]]));
  const tiers = new Map<Tier | null, [number, number]>(TIER_ROWS.map((t) => [t, [0, 0]]));
  for (const p of input.plan.customers) {
    for (const it of p.items) {
      if (it.due > today) continue;
      const col = it.due === today ? 0 : 1;
      const k = kinds.get(it.kind);
      if (k !== undefined) k[col]++;
      (tiers.get(p.tier) as [number, number])[col]++;
    }
  }
  const header = (first: string) => [first, tr(lang, L.dueToday), tr(lang, L.overdue)];
  // One row per kind of DUE_KIND_ORDER, whatever the night: the sheet keeps that many rows. A kind
  // outside the list (none today: a test checks every DueKind is in it) is still counted by tier.
  const kindRows = DUE_KIND_ORDER.map((k) => {
    const [d, o] = kinds.get(k) as [number, number];
    return [tr(lang, KIND_NAMES[k]), d, o];
  });
  return [
    {
      key: 'dueByReason',
      title: tr(lang, L.byReasonTitle),
      header: header(tr(lang, L.reason)),
      rows: kindRows,
      capacity: DUE_KIND_ORDER.length,
      chart: 'stacked',
    },
    {
      key: 'dueByTier',
      title: tr(lang, L.byTierTitle),
      header: header(tr(lang, L.tier)),
      rows: TIER_ROWS.map((t) => [tierLabel(t, lang), ...(tiers.get(t) as [number, number])]),
      capacity: TIER_ROWS.length,
      chart: 'stacked',
    },
  ];
}

/** The overdue count of the last run of each of the last 56 days ('' for a day without a run or a count). */
function trendTable(input: DashboardInput): DashTable {
  const { lang, today } = input;
  const last = new Map<CalDate, number>();
  for (const r of input.runLog) if (r.overdue !== null) last.set(r.date, r.overdue);
  const rows: DashCell[][] = [];
  for (let i = TREND_DAYS - 1; i >= 0; i--) {
    const d = addDays(today, -i);
    rows.push([monthDayText(d, lang), last.get(d) ?? '']);
  }
  return {
    key: 'overdueTrend',
    title: tr(lang, L.trendTitle),
    header: [tr(lang, L.date), tr(lang, L.overdue)],
    rows,
    capacity: TREND_DAYS,
    chart: 'line',
  };
}

/** Contact log rows per week (Monday to Sunday) and type, the last 12 weeks up to today. */
function contactTable(input: DashboardInput): DashTable {
  const { lang, today } = input;
  const first = mondayOf(today) - 7 * (CONTACT_WEEKS - 1);
  const counts = Array.from({ length: CONTACT_WEEKS }, () => new Array<number>(CONTACT_TYPE_ORDER.length).fill(0));
  const other = CONTACT_TYPE_ORDER.indexOf('Other');
  for (const c of input.contactLog) {
    if (c.date === null || c.date > today) continue;
    const w = Math.floor((toDayNumber(c.date) - first) / 7);
    if (w < 0) continue;
    const t = c.type === null ? -1 : CONTACT_TYPE_ORDER.indexOf(c.type);
    counts[w][t < 0 ? other : t]++;
  }
  return {
    key: 'contactsByWeek',
    title: tr(lang, L.contactsTitle),
    header: [tr(lang, L.week), ...CONTACT_TYPE_ORDER.map((t) => tr(lang, CONTACT_TYPE_NAMES[t]))],
    rows: counts.map((row, w) => [monthDayText(fromDayNumber(first + 7 * w), lang), ...row]),
    capacity: CONTACT_WEEKS,
    chart: 'stacked',
  };
}

interface Slipping {
  id: string;
  name: string;
  tier: Tier | null;
  risk: Risk;
}

/** Customers slipping away who may be contacted, most revenue at stake first. */
function slippingCustomers(input: DashboardInput, info: Map<string, DashboardCustomer>): Slipping[] {
  const out: Slipping[] = [];
  const seen = new Set<string>();
  for (const p of input.plan.customers) {
    if (p.excluded !== undefined || seen.has(p.customerId)) continue;
    seen.add(p.customerId);
    const c = info.get(p.customerId);
    if (c === undefined || c.risk === null || !c.risk.slipping) continue;
    out.push({ id: c.id, name: c.name, tier: p.tier, risk: c.risk });
  }
  return out.sort(
    (a, b) =>
      b.risk.revenueAtStake - a.risk.revenueAtStake ||
      b.risk.daysOverdue - a.risk.daysOverdue ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function slippingTable(lang: Lang, slipping: Slipping[]): DashTable {
  return {
    key: 'slipping',
    title: tr(lang, L.slippingTitle),
    header: [L.id, L.name, L.tier, L.atStake, L.daysSince, L.usualGap, L.why].map((m) => tr(lang, m)),
    rows: slipping
      .slice(0, SLIPPING_ROWS)
      .map((s) => [
        s.id,
        s.name,
        s.tier ?? '',
        s.risk.revenueAtStake,
        s.risk.daysSince,
        s.risk.usualGap,
        describeRisk(s.risk, lang),
      ]),
    capacity: SLIPPING_ROWS,
    chart: 'table',
  };
}

function ratio(x: number | null): DashCell {
  return x === null ? '' : Math.round(x * 1000) / 1000;
}

/** The backtest as a table (demo-out/dashboard.html shows it; the sheet does not: the night runs no backtest). */
export function backtestTable(lang: Lang, b: Backtest | null): DashTable {
  const row = (label: string, r: Backtest['rhythm']): DashCell[] => [
    label,
    r.flagged,
    r.flaggedBoughtAgain,
    r.unflagged,
    r.unflaggedBoughtAgain,
    ratio(r.precision),
    ratio(r.lift),
    ratio(r.recall),
  ];
  const heads = [L.rule, L.flagged, L.flaggedBack, L.unflagged, L.unflaggedBack, L.precision, L.lift, L.recall];
  return {
    key: 'backtest',
    title: tr(lang, L.backtestTitle),
    header: heads.map((m) => tr(lang, m)),
    rows:
      b === null
        ? []
        : [row(tr(lang, L.ruleRhythm), b.rhythm), row(tr(lang, L.ruleNaive, { days: b.windowDays }), b.naive)],
    capacity: 2,
    chart: 'table',
  };
}

function figures(input: DashboardInput, tables: DashTable[], slipping: Slipping[]): DashFigure[] {
  const { lang, today } = input;
  const sum = (t: DashTable, col: number) => t.rows.reduce((s, r) => s + (typeof r[col] === 'number' ? r[col] : 0), 0);
  const tiers = tables[0];
  const byTier = tables[2];
  const monday = fromDayNumber(mondayOf(today));
  let drafts = 0;
  let visits = 0;
  for (const r of input.runLog) {
    if (r.date < monday || r.date > today) continue;
    drafts += r.draftsMade;
    visits += r.eventsMade;
  }
  const fig = (key: DashFigure['key'], label: keyof typeof L, value: number): DashFigure => ({
    key,
    label: tr(lang, L[label]),
    value,
  });
  return [
    fig('customers', 'figCustomers', sum(tiers, 1)),
    fig('revenue', 'figRevenue', round2(sum(tiers, 2))),
    fig('dueToday', 'figDueToday', sum(byTier, 1)),
    fig('overdue', 'figOverdue', sum(byTier, 2)),
    fig('slipping', 'figSlipping', slipping.length),
    fig('atStake', 'figAtStake', round2(slipping.reduce((s, x) => s + x.risk.revenueAtStake, 0))),
    fig('drafts', 'figDrafts', drafts),
    fig('visits', 'figVisits', visits),
  ];
}

export function dashboardFigures(input: DashboardInput): Dashboard {
  const { lang, today } = input;
  const info = byId(input.customers);
  const slipping = slippingCustomers(input, info);
  const tables: DashTable[] = [
    tierTable(input, info),
    ...dueTables(input),
    trendTable(input),
    contactTable(input),
    slippingTable(lang, slipping),
  ];
  if (input.backtest !== undefined) tables.push(backtestTable(lang, input.backtest));
  return {
    title: tr(lang, L.title),
    subtitle: tr(lang, L.subtitle, { date: today }),
    today,
    lang,
    figures: figures(input, tables, slipping),
    tables,
  };
}
