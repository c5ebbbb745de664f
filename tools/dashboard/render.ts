/**
 * demo-out/dashboard.html: the dashboard figures (src/core/dashboard.ts) as
 * one self-contained page, charts drawn by Chart.js (MIT licence, 4.x, about
 * 200 KB minified), which is inlined: the page opens offline, from a file,
 * with no request to anywhere. Chart.js stays on the Node side (devDependency):
 * nothing of it goes into src/ or the bundle.
 *
 * Every text is HTML-escaped (names come from the user's sheet); the figures
 * travel to the charts as JSON in a script element, with "<" escaped so no
 * cell can close the element. Each table also carries the raw values
 * (data-value), so a test can compare the page with the core's figures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { escapeHtml } from '../../src/core/html';
import { tr, type Msg } from '../../src/core/i18n';
import type { Dashboard, DashCell, DashTable } from '../../src/core/dashboard';

// The browser build sits next to the package's main file (its exports do not list it).
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');

const NOTES = {
  trend: {
    en: 'A point for each day with a run in the Retain log: {n} of these {days} days.',
    zh: '运行记录中每个有运行的日子一个点：这{days}天中有{n}天。',
  },
  slipping: {
    en: 'Slipping away: more days since the last purchase than twice their usual gap. Revenue at stake: a year of their usual buying.',
    zh: '正在流失：距上次购买的天数超过其通常间隔的两倍。涉及销售额：按其通常节奏一年的购买额。',
  },
  backtest: {
    en: 'History cut on {cut}, {days} days before its last purchase ({end}); {customers} customers had bought by then, {back} bought again within {days} days. Precision: share of the flagged who did not buy again. Lift: precision ÷ the share of all who did not ({base}). Caught: share of those who did not buy again that were flagged.',
    zh: '在{cut}截断历史（最后一次购买{end}之前{days}天）；此前购买过的客户{customers}位，其中{back}位在{days}天内再次购买。准确率：被提醒的客户中未再购买的比例。提升度：准确率 ÷ 全部客户中未再购买的比例（{base}）。覆盖率：未再购买的客户中被提醒的比例。',
  },
  noBacktest: { en: 'Not enough purchase history for a backtest.', zh: '购买记录不足，无法回测。' },
  empty: { en: 'Nothing here yet.', zh: '暂无数据。' },
} satisfies Record<string, Msg>;

export interface RenderOptions {
  backtest?: {
    cut: string;
    end: string;
    customers: number;
    boughtAgain: number;
    baseRate: number;
    windowDays: number;
  } | null;
}

/** Numbers as the locale writes them; cents only below 1,000 (a dashboard shows sizes, the sheet keeps the exact value). */
function fmt(v: DashCell, locale: string): string {
  if (typeof v === 'number') return v.toLocaleString(locale, { maximumFractionDigits: Math.abs(v) >= 1000 ? 0 : 2 });
  return v;
}

function tableHtml(t: DashTable, locale: string): string {
  const rows = t.rows.filter((r) => r.some((c) => c !== '' && c !== 0) || t.key !== 'slipping');
  const head = t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        '<tr>' +
        r
          .map(
            (c) =>
              `<td class="${typeof c === 'number' ? 'num' : 'text'}" data-value="${escapeHtml(String(c))}" data-type="${typeof c}">${escapeHtml(fmt(c, locale))}</td>`,
          )
          .join('') +
        '</tr>',
    )
    .join('');
  return `<table class="data" data-key="${t.key}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Where each table's charts go: how many canvases. */
const CANVASES: Record<DashTable['key'], number> = {
  tiers: 2,
  dueByReason: 1,
  dueByTier: 1,
  overdueTrend: 1,
  contactsByWeek: 1,
  slipping: 1,
  backtest: 1,
};

function note(d: Dashboard, t: DashTable, o: RenderOptions): string {
  const lang = d.lang;
  let text = '';
  if (t.key === 'overdueTrend')
    text = tr(lang, NOTES.trend, { n: t.rows.filter((r) => typeof r[1] === 'number').length, days: t.rows.length });
  if (t.key === 'slipping') text = tr(lang, t.rows.length === 0 ? NOTES.empty : NOTES.slipping);
  if (t.key === 'backtest') {
    const b = o.backtest;
    text =
      b === null || b === undefined
        ? tr(lang, NOTES.noBacktest)
        : tr(lang, NOTES.backtest, {
            cut: b.cut,
            end: b.end,
            days: b.windowDays,
            customers: b.customers,
            back: b.boughtAgain,
            base: `${Math.round(b.baseRate * 1000) / 10}%`,
          });
  }
  return text === '' ? '' : `<p class="note">${escapeHtml(text)}</p>`;
}

function card(d: Dashboard, t: DashTable, locale: string, o: RenderOptions): string {
  const canvases = Array.from(
    { length: CANVASES[t.key] },
    (_, i) =>
      `<div class="chart"><canvas id="chart-${t.key}-${i}" role="img" aria-label="${escapeHtml(t.title)}"></canvas></div>`,
  ).join('');
  const wide = t.key === 'slipping' || t.key === 'contactsByWeek' || t.key === 'backtest' ? ' wide' : '';
  return (
    `<article class="card${wide}" data-table="${t.key}"><h2>${escapeHtml(t.title)}</h2>` +
    `<div class="charts n${CANVASES[t.key]}">${canvases}</div>${note(d, t, o)}${tableHtml(t, locale)}</article>`
  );
}

/** JSON for a script element: nothing in it can end the element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:24px 28px;background:#f4f6f8;color:#1d2733;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
header h1{margin:0;font-size:24px}header p{margin:2px 0 18px;color:#5b6b7b}
.figures{display:grid;grid-template-columns:repeat(8,1fr);gap:10px;margin-bottom:18px}
.figure{background:#fff;border-radius:8px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.figure .value{display:block;font-size:20px;font-weight:600}.figure .label{color:#5b6b7b;font-size:12px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.card{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08);min-width:0}
.card.wide{grid-column:1 / -1}.card h2{margin:0 0 8px;font-size:16px}
.charts{display:grid;gap:12px}.charts.n2{grid-template-columns:1fr 1fr}
.chart{position:relative;height:240px}.card.wide .chart{height:280px}.card.wide[data-table="backtest"] .chart{height:130px}
.note{color:#5b6b7b;font-size:12px;margin:6px 0}
table.data{width:100%;border-collapse:collapse;margin-top:8px;font-size:12px}
table.data th,table.data td{padding:3px 6px;border-bottom:1px solid #e4e8ec;text-align:left}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums}
article[data-table="overdueTrend"] table.data,article[data-table="contactsByWeek"] table.data,article[data-table="dueByReason"] table.data{display:none}
`;

/** The page's own script (draws the charts from the figures): plain JavaScript, read as it is. */
const PAGE_JS = require.resolve('./page.js');

export function renderDashboard(d: Dashboard, o: RenderOptions = {}): string {
  const locale = d.lang === 'zh' ? 'zh-CN' : 'en-US';
  const figures = d.figures
    .map(
      (f) =>
        `<div class="figure" data-key="${f.key}" data-value="${f.value}"><span class="value">${escapeHtml(fmt(f.value, locale))}</span><span class="label">${escapeHtml(f.label)}</span></div>`,
    )
    .join('');
  const cards = d.tables.map((t) => card(d, t, locale, o)).join('\n');
  const chartJs = fs.readFileSync(CHART_JS, 'utf8');
  if (/<\/script/i.test(chartJs)) throw new Error('chart.js contains </script>: it cannot be inlined as is');
  return `<!doctype html>
<html lang="${d.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)} — ${escapeHtml(d.today)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(d.title)}</h1><p>${escapeHtml(d.subtitle)}</p></header>
<section class="figures">${figures}</section>
<section class="grid">
${cards}
</section>
<script>${chartJs}</script>
<script type="application/json" id="dashboard-data">${scriptJson(d)}</script>
<script>${fs.readFileSync(PAGE_JS, 'utf8')}</script>
</body>
</html>
`;
}
