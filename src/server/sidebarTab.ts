/**
 * Opening the sidebar on a tab. The page is a static file, so the tab the
 * menu asked for waits in the user cache for the sidebar's first call
 * (getSidebarData), which takes it.
 */
import { tr, type Msg } from '../core/i18n';
import { userCache_ } from '../gas/cache';
import { showSidebar_ } from '../gas/ui';
import { openSpreadsheetOrThrow_ } from './spreadsheet';
import { userLang_ } from './user';

export type SidebarTab = 'log' | 'due' | 'settings';

const SIDEBAR_TAB_KEY = 'retain.sidebarTab';

const TITLES: Record<SidebarTab, Msg> = {
  log: { en: 'Retain · Log a contact', zh: 'Retain · 记录联系' },
  due: { en: 'Retain · Due today', zh: 'Retain · 今日待跟进' },
  settings: { en: 'Retain · Settings', zh: 'Retain · 设置' },
};

export function openSidebar_(tab: SidebarTab): void {
  const lang = userLang_(openSpreadsheetOrThrow_());
  userCache_()?.put(SIDEBAR_TAB_KEY, tab, 60);
  showSidebar_('sidebar', tr(lang, TITLES[tab]));
}

export function takeSidebarTab_(): SidebarTab | null {
  const cache = userCache_();
  const tab = cache ? cache.get(SIDEBAR_TAB_KEY) : null;
  if (tab && cache) cache.remove(SIDEBAR_TAB_KEY);
  return tab === 'log' || tab === 'due' || tab === 'settings' ? tab : null;
}
