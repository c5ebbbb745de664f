/* global window, document, getComputedStyle */
// demo-out/dashboard.html's script: draws each chart from the figures in #dashboard-data
// (src/core/dashboard.ts, tools/dashboard/render.ts). Plain ES2017, no build step: it is inlined as written.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var C = window.Chart;
  C.defaults.font.family = getComputedStyle(document.body).fontFamily;
  C.defaults.animation = false;
  C.defaults.maintainAspectRatio = false;
  var palette = ['#2f6fde', '#f0a202', '#2bb673', '#9aa5b1', '#d1495b', '#7b4fd6', '#00a6a6', '#e86a33', '#6c757d'];
  var tables = {};
  data.tables.forEach(function (t) {
    tables[t.key] = t;
  });
  var made = [];
  function num(v) {
    return typeof v === 'number' ? v : null;
  }
  function draw(id, config) {
    var el = document.getElementById(id);
    if (el) made.push(new C(el, config));
  }
  function stackedBar(id, t, horizontal, skipZeroRows) {
    var rows = skipZeroRows
      ? t.rows.filter(function (r) {
          return r.slice(1).some(function (v) {
            return typeof v === 'number' && v > 0;
          });
        })
      : t.rows;
    var datasets = t.header
      .slice(1)
      .map(function (label, j) {
        return {
          label: label,
          data: rows.map(function (r) {
            return num(r[j + 1]);
          }),
          backgroundColor: palette[j % palette.length],
        };
      })
      .filter(function (ds) {
        return ds.data.some(function (v) {
          return v !== null && v > 0;
        });
      });
    draw(id, {
      type: 'bar',
      data: { labels: rows.map((r) => r[0]), datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true, beginAtZero: true } },
      },
    });
  }
  if (tables.tiers) {
    var tierRows = tables.tiers.rows.filter(function (r) {
      return r[1] > 0;
    });
    [1, 2].forEach(function (j) {
      draw('chart-tiers-' + (j - 1), {
        type: 'doughnut',
        data: {
          labels: tierRows.map((r) => r[0]),
          datasets: [{ data: tierRows.map((r) => r[j]), backgroundColor: palette }],
        },
        options: { plugins: { title: { display: true, text: tables.tiers.header[j] }, legend: { position: 'right' } } },
      });
    });
  }
  if (tables.dueByReason) stackedBar('chart-dueByReason-0', tables.dueByReason, true, true);
  if (tables.dueByTier) stackedBar('chart-dueByTier-0', tables.dueByTier, false, false);
  if (tables.contactsByWeek) stackedBar('chart-contactsByWeek-0', tables.contactsByWeek, false, false);
  var trend = tables.overdueTrend;
  if (trend) {
    draw('chart-overdueTrend-0', {
      type: 'line',
      data: {
        labels: trend.rows.map((r) => r[0]),
        datasets: [
          {
            label: trend.header[1],
            data: trend.rows.map((r) => num(r[1])),
            borderColor: palette[4],
            backgroundColor: palette[4],
            spanGaps: true,
            pointRadius: 2,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true } }, plugins: { legend: { display: false } } },
    });
  }
  var slipping = tables.slipping;
  if (slipping) {
    var who = slipping.rows.filter((r) => r[0] !== '');
    draw('chart-slipping-0', {
      type: 'bar',
      data: {
        labels: who.map((r) => r[1]),
        datasets: [{ label: slipping.header[3], data: who.map((r) => r[3]), backgroundColor: palette[4] }],
      },
      options: { plugins: { legend: { display: false } } },
    });
  }
  var bt = tables.backtest;
  if (bt) {
    var lift = bt.header.length - 2;
    draw('chart-backtest-0', {
      type: 'bar',
      data: {
        labels: bt.rows.map((r) => r[0]),
        datasets: [
          { label: bt.header[lift], data: bt.rows.map((r) => num(r[lift])), backgroundColor: [palette[0], palette[3]] },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } }, plugins: { legend: { display: false } } },
    });
  }
  window.__dashboard = { ready: true, charts: made.length };
})();
