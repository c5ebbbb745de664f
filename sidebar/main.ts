/**
 * The sidebar's entry point: asks the server for SidebarData, picks the
 * language, and builds the three tabs (Log, Due, Settings).
 */
import type { CustomerSummary, SidebarData } from '../src/shared/api';
import { fill, h } from './dom';
import { setLang, t } from './i18n';
import { call } from './rpc';
import { alertBox, failureText, loadingLine } from './views/common';
import { createDueView } from './views/due';
import { createLogView } from './views/log';
import { createSettingsView } from './views/settings';
import { createTabs } from './views/tabs';

type TabKey = 'log' | 'due' | 'settings';

/** `#due` / `#settings` in the address (the local preview) asks for a tab; in Sheets the menu item decides. */
function hashTab(): TabKey | null {
  const h = (location.hash || '').replace('#', '');
  return h === 'log' || h === 'due' || h === 'settings' ? h : null;
}

function root(): HTMLElement {
  let el = document.getElementById('app');
  if (!el) {
    el = h('main', { id: 'app' });
    document.body.appendChild(el);
  }
  return el;
}

async function start(): Promise<void> {
  const app = root();
  setLang(document.documentElement.lang.startsWith('zh') || navigator.language.startsWith('zh') ? 'zh' : 'en');
  fill(app, loadingLine(t('app.loading')));
  app.setAttribute('aria-busy', 'true');
  let data: SidebarData;
  try {
    data = await call('getSidebarData', hashTab() ? { tab: hashTab() as TabKey } : {});
  } catch (e) {
    app.removeAttribute('aria-busy');
    const retry = h(
      'button',
      { type: 'button', class: 'btn btn-secondary', on: { click: () => void start() } },
      t('app.retry'),
    );
    fill(
      app,
      h('div', { class: 'alert alert-error', role: 'alert' }, h('p', null, failureText(e))),
      h('div', { class: 'actions' }, retry),
    );
    retry.focus();
    return;
  }
  app.removeAttribute('aria-busy');
  setLang(data.lang);
  document.title = t('app.title');
  render(app, data);
}

function render(app: HTMLElement, data: SidebarData): void {
  const logPanel = h('div');
  const duePanel = h('div');
  const settingsPanel = h('div');

  const due = createDueView((item, { kind, type, selectError }) => {
    const known = data.customers.find((c) => c.id === item.customerId);
    const c: CustomerSummary = known || {
      id: item.customerId,
      name: item.name,
      company: item.company,
      email: '',
      tier: item.tier,
      row: item.row,
    };
    const note = selectError
      ? t('log.selectFailed', { msg: selectError })
      : t(kind === 'complaint' ? 'log.openedComplaint' : 'log.openedFromDue', { name: c.name });
    log.choose(c, note, type);
    tabs.select('log');
    log.focus();
  });
  const log = createLogView(data, () => due.stale());
  const settings = createSettingsView();
  logPanel.appendChild(log.el);
  duePanel.appendChild(due.el);
  settingsPanel.appendChild(settings.el);

  const tabs = createTabs<TabKey>(
    t('tabs.label'),
    [
      { key: 'log', label: t('tabs.log'), panel: logPanel },
      { key: 'due', label: t('tabs.due'), panel: duePanel },
      { key: 'settings', label: t('tabs.settings'), panel: settingsPanel },
    ],
    (key) => {
      if (key === 'due') due.show();
      else if (key === 'settings') settings.show();
    },
  );

  fill(
    app,
    h(
      'header',
      { class: 'app-head' },
      h('h1', { class: 'app-title' }, t('app.title')),
      data.user ? h('p', { class: 'app-user muted' }, data.user) : null,
    ),
    data.problems && data.problems.length ? alertBox(t('app.problems'), data.problems) : null,
    tabs.list,
    tabs.panels,
  );
  if (data.tab === 'due' || data.tab === 'settings') tabs.select(data.tab);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
