/**
 * The Retain menu (docs/platform.md, Entry points and the bundle): a
 * top-level menu named Retain in the bound script, the add-on menu when
 * published as an add-on. onOpen may run in the add-on's no-authorization
 * mode, where properties and most services are off limits: it only builds
 * the menu. The locale is read when allowed, to label the menu in the user's
 * language; English otherwise.
 */
import { langOfLocale, tr, type Msg } from '../core/i18n';
import { activeUserLocale_ } from '../gas/session';
import { isAddOn_ } from '../gas/triggers';
import { menu_ } from '../gas/ui';

export interface MenuItem {
  caption: Msg;
  fn: string;
}

/** null = separator. Every handler named here is a top-level function in src/index.ts. */
export const MENU: Array<MenuItem | null> = [
  { caption: { en: 'Log a contact…', zh: '记录联系…' }, fn: 'showLogContact' },
  { caption: { en: 'Due today…', zh: '今日待跟进…' }, fn: 'showDueToday' },
  null,
  { caption: { en: 'Run follow-ups now', zh: '立即运行跟进' }, fn: 'runFollowUpsNow' },
  { caption: { en: "Preview tonight's run", zh: '预览今晚的运行' }, fn: 'previewTonightsRun' },
  { caption: { en: 'Schedule nightly run', zh: '安排每晚运行' }, fn: 'scheduleNightlyRun' },
  { caption: { en: 'Stop nightly run', zh: '停止每晚运行' }, fn: 'stopNightlyRun' },
  null,
  { caption: { en: 'Set up sheets', zh: '设置表格' }, fn: 'setupSheets' },
  { caption: { en: 'Settings…', zh: '设置…' }, fn: 'showSettings' },
  { caption: { en: 'Help', zh: '帮助' }, fn: 'showHelp' },
];

export function buildMenu_(): void {
  const lang = langOfLocale(activeUserLocale_());
  const items = MENU.map((item) => (item === null ? null : { caption: tr(lang, item.caption), fn: item.fn }));
  menu_('Retain', isAddOn_(), items);
}
