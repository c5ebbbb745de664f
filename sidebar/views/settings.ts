/**
 * The Settings tab: the nightly trigger (trigger.ts), the run preview
 * (preview.ts), every setting as a form (settingsForm.ts) built from the
 * server's SettingField list, and the column map (columns.ts). Loaded the
 * first time the tab is shown.
 */
import type { SettingsView } from '../../src/shared/api';
import { fill, h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { createColumnsSection } from './columns';
import { failureText, loadingLine, statusLine } from './common';
import { createPreviewPanel } from './preview';
import { SettingsForm } from './settingsForm';
import { createTriggerSection } from './trigger';

export interface SettingsTab {
  el: HTMLElement;
  show(): void;
}

export function createSettingsView(): SettingsTab {
  const status = statusLine();
  const trigger = createTriggerSection();
  const formBox = h('div', { class: 'settings-form' });
  const columns = createColumnsSection();
  let loaded = false;

  function render(view: SettingsView, afterSave = false): void {
    trigger.render(view.trigger);
    const form = new SettingsForm(view, status, (saved) => render(saved, true));
    fill(formBox, form.el);
    if (afterSave) {
      status.ok(t('settings.saved'));
      form.save.focus();
    }
  }

  async function load(): Promise<void> {
    loaded = true;
    void columns.load();
    fill(formBox, loadingLine(t('settings.loading')));
    try {
      render(await call('getSettings', {}));
    } catch (e) {
      loaded = false;
      fill(formBox, h('p', { class: 'status status-error', role: 'alert' }, failureText(e)));
    }
  }

  return {
    // The column map is a section of its own beside the settings view: its forms save on their own.
    el: h(
      'div',
      { class: 'settings-tab' },
      h(
        'div',
        { class: 'settings-view' },
        trigger.el,
        createPreviewPanel(),
        h(
          'section',
          { class: 'section' },
          h('h2', { class: 'section-title', id: 'settings-heading' }, t('settings.heading')),
          formBox,
        ),
      ),
      columns.el,
    ),
    show() {
      if (!loaded) void load();
    },
  };
}
