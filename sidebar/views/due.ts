/**
 * The Due tab: what is due today and overdue, grouped by reason. Each
 * customer is a button: it selects their row in the sheet and opens the Log
 * tab with them chosen.
 */
import type { DueGroup } from '../../src/shared/api';
import { fill, h } from '../dom';
import { daysText, formatDate, formatNumber, t } from '../i18n';
import { call } from '../rpc';
import { dueClass } from './card';
import { failureText, loadingLine, statusLine, tierBadge, withBusy } from './common';

type DueItem = DueGroup['items'][number];

export interface DueTab {
  el: HTMLElement;
  /** Loads the list the first time, and again after `stale()`. */
  show(): void;
  stale(): void;
}

export function createDueView(onPick: (item: DueItem, selectError: string | null) => void): DueTab {
  const status = statusLine();
  const body = h('div', { class: 'due-body' });
  const refresh = h(
    'button',
    { type: 'button', class: 'btn btn-quiet btn-small', on: { click: () => void load() } },
    t('due.refresh'),
  );
  let loaded = false;
  let loading = false;

  async function load(): Promise<void> {
    if (loading) return;
    loading = true;
    loaded = true;
    status.clear();
    refresh.setAttribute('aria-busy', 'true');
    fill(body, loadingLine(t('due.loading')));
    try {
      render(await call('getDueItems', {}));
    } catch (e) {
      loaded = false;
      fill(body, h('p', { class: 'status status-error', role: 'alert' }, failureText(e)));
    } finally {
      loading = false;
      refresh.removeAttribute('aria-busy');
    }
  }

  function render(groups: DueGroup[]): void {
    const nonEmpty = groups.filter((g) => g.items.length);
    if (!nonEmpty.length) {
      fill(body, h('p', { class: 'empty' }, t('due.empty')));
      return;
    }
    const total = nonEmpty.reduce((n, g) => n + g.items.length, 0);
    fill(
      body,
      h(
        'p',
        { class: 'muted small' },
        t('due.total', { n: formatNumber(total), g: formatNumber(nonEmpty.length) }),
        ' ',
        t('due.hint'),
      ),
      nonEmpty.map((g) => {
        const headId = `due-${g.kind}-${Math.random().toString(36).slice(2, 8)}`;
        return h(
          'section',
          { class: 'due-group', 'aria-labelledby': headId },
          h(
            'h3',
            { class: 'group-title', id: headId },
            h('span', null, g.label),
            h(
              'span',
              { class: 'count', 'aria-label': t('due.groupCount', { label: g.label, n: g.items.length }) },
              formatNumber(g.items.length),
            ),
          ),
          h(
            'ul',
            { class: 'due-items' },
            g.items.map((it) => h('li', null, itemButton(it))),
          ),
        );
      }),
    );
  }

  function itemButton(it: DueItem): HTMLButtonElement {
    const btn: HTMLButtonElement = h(
      'button',
      { type: 'button', class: `due-button ${dueClass(it.daysToDue)}`, 'data-customer-id': it.customerId },
      h('span', { class: 'due-line1' }, h('span', { class: 'due-name' }, it.name), tierBadge(it.tier)),
      it.company ? h('span', { class: 'due-company muted' }, it.company) : null,
      h('span', { class: 'due-text' }, it.text),
      h(
        'span',
        { class: 'due-when' },
        h('span', { class: 'due-days' }, daysText(it.daysToDue)),
        ' · ',
        formatDate(it.due),
      ),
    );
    btn.addEventListener('click', () => {
      void withBusy(btn, null, async () => {
        let err: string | null = null;
        status.info(t('due.opening'));
        try {
          await call('selectCustomerRow', { customerId: it.customerId });
        } catch (e) {
          err = failureText(e);
        }
        status.clear();
        onPick(it, err);
      });
    });
    return btn;
  }

  const el = h(
    'div',
    { class: 'due-view' },
    h('div', { class: 'view-head' }, h('h2', { class: 'view-title' }, t('due.heading')), refresh),
    status.el,
    body,
  );

  return {
    el,
    show() {
      if (!loaded) void load();
    },
    stale() {
      loaded = false;
    },
  };
}
