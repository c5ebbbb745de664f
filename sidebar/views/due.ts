/**
 * The Due tab: what is due today and overdue, grouped by reason (dueList.ts).
 * Each customer is a button: it selects their row in the sheet and opens the
 * Log tab with them chosen and the contact type the item calls for.
 */
import type { ApiContactType, DueGroup } from '../../src/shared/api';
import { fill, h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { failureText, loadingLine, statusLine, withBusy } from './common';
import { renderDueGroups, type DueItem } from './dueList';
import { typeForDue } from './dueType';

export interface DueTab {
  el: HTMLElement;
  /** Loads the list the first time, and again after `stale()`. */
  show(): void;
  stale(): void;
}

/** How an item was opened: its reason, the contact type that fits it, and why its row could not be selected (or null). */
export interface Picked {
  kind: string;
  type: ApiContactType;
  selectError: string | null;
}

export type OnPick = (item: DueItem, how: Picked) => void;

export function createDueView(onPick: OnPick): DueTab {
  const status = statusLine();
  const body = h('div', { class: 'due-body' });
  const state = { loaded: false, loading: false };
  const refresh = h(
    'button',
    { type: 'button', class: 'btn btn-quiet btn-small', on: { click: () => void load() } },
    t('due.refresh'),
  );

  const open = (it: DueItem, kind: string, btn: HTMLButtonElement): void => {
    void withBusy(btn, null, async () => {
      let err: string | null = null;
      status.info(t('due.opening'));
      try {
        await call('selectCustomerRow', { customerId: it.customerId });
      } catch (e) {
        err = failureText(e);
      }
      status.clear();
      onPick(it, { kind, type: typeForDue(kind), selectError: err });
    });
  };

  async function load(): Promise<void> {
    if (state.loading) return;
    Object.assign(state, { loading: true, loaded: true });
    status.clear();
    refresh.setAttribute('aria-busy', 'true');
    fill(body, loadingLine(t('due.loading')));
    try {
      const groups: DueGroup[] = await call('getDueItems', {});
      fill(body, renderDueGroups(groups, open));
    } catch (e) {
      state.loaded = false;
      fill(body, h('p', { class: 'status status-error', role: 'alert' }, failureText(e)));
    } finally {
      state.loading = false;
      refresh.removeAttribute('aria-busy');
    }
  }

  return {
    el: h(
      'div',
      { class: 'due-view' },
      h('div', { class: 'view-head' }, h('h2', { class: 'view-title' }, t('due.heading')), refresh),
      status.el,
      body,
    ),
    show() {
      if (!state.loaded) void load();
    },
    stale() {
      state.loaded = false;
    },
  };
}
