/**
 * "Preview tonight's run": what the nightly run would do today, computed by
 * the server without making or writing anything.
 */
import type { RunPreview } from '../../src/shared/api';
import { fill, h, type Child } from '../dom';
import { formatDate, formatNumber, t } from '../i18n';
import { call } from '../rpc';
import { failureText, loadingLine, withBusy } from './common';

const MAX_ROWS = 50;

function list<T>(items: T[], row: (item: T) => Child): HTMLElement {
  if (!items.length) return h('p', { class: 'muted' }, t('preview.none'));
  return h(
    'ul',
    { class: 'plain-list' },
    items.slice(0, MAX_ROWS).map((it) => h('li', null, row(it))),
    items.length > MAX_ROWS
      ? h('li', { class: 'muted' }, t('preview.more', { n: formatNumber(items.length - MAX_ROWS) }))
      : null,
  );
}

export function renderPreview(p: RunPreview): HTMLElement {
  return h(
    'div',
    { class: 'preview' },
    h('p', { class: 'muted' }, t('preview.for', { date: formatDate(p.today) })),
    p.problems.length
      ? h(
          'div',
          { class: 'alert alert-warn' },
          h('p', { class: 'alert-title' }, t('preview.problems', { n: formatNumber(p.problems.length) })),
          list(p.problems, (m) => m),
        )
      : null,
    h('h3', { class: 'sub-title' }, t('preview.due')),
    p.due.length
      ? h(
          'dl',
          { class: 'counts' },
          p.due.map((d) => [h('dt', null, d.label), h('dd', null, formatNumber(d.count))]),
        )
      : h('p', { class: 'muted' }, t('preview.none')),
    h('h3', { class: 'sub-title' }, t('preview.drafts', { n: formatNumber(p.drafts.length) })),
    list(p.drafts, (d) => [
      h('span', { class: 'strong' }, d.customer),
      ' ',
      h('span', { class: 'muted' }, d.email),
      h('span', { class: 'line muted' }, d.subject),
    ]),
    h('h3', { class: 'sub-title' }, t('preview.visits', { n: formatNumber(p.visits.length) })),
    list(p.visits, (v) => [
      h('span', { class: 'strong' }, v.customer),
      h('span', { class: 'line muted' }, t('preview.visitLine', { date: formatDate(v.due), tier: v.tier })),
    ]),
    h('h3', { class: 'sub-title' }, t('preview.skipped', { n: formatNumber(p.skipped.length) })),
    list(p.skipped, (s) => [
      h('span', { class: 'strong' }, s.customer),
      ' · ',
      s.what,
      h('span', { class: 'line muted' }, s.reason),
    ]),
  );
}

export function createPreviewPanel(): HTMLElement {
  const result = h('div', { class: 'preview-result', 'aria-live': 'polite' });
  const btn: HTMLButtonElement = h(
    'button',
    { type: 'button', class: 'btn btn-secondary', id: 'preview-run' },
    t('preview.button'),
  );
  btn.addEventListener('click', () => {
    void withBusy(btn, t('preview.loading'), async () => {
      fill(result, loadingLine(t('preview.loading')));
      try {
        fill(result, renderPreview(await call('previewRun', {})));
      } catch (e) {
        fill(result, h('p', { class: 'status status-error', role: 'alert' }, failureText(e)));
      }
    });
  });
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'preview-heading' },
    h('h2', { class: 'section-title', id: 'preview-heading' }, t('preview.heading')),
    h('p', { class: 'field-hint' }, t('preview.hint')),
    btn,
    result,
  );
}
