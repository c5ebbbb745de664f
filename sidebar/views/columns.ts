/**
 * The Settings tab's Columns section (docs/data.md, Column map): for each of
 * the user's sheets, the fields Retain reads and from which header, and a
 * drop-down of the sheet's headers, nearest first, for each field it did not
 * find. Each sheet saves on its own (columnsForm.ts). Loaded with the tab.
 */
import type { ColumnsView } from '../../src/shared/api';
import { fill, h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { failureText, loadingLine } from './common';
import { sheetColumnsForm } from './columnsForm';

export interface ColumnsSection {
  el: HTMLElement;
  load(): Promise<void>;
}

export function createColumnsSection(): ColumnsSection {
  const box = h('div', { class: 'columns-sheets' });

  function render(view: ColumnsView, focusSheet?: string): void {
    if (view.sheets.length === 0) {
      fill(box, h('p', { class: 'muted' }, t('columns.nothing')));
      return;
    }
    const forms = view.sheets.map((s) => sheetColumnsForm(s, (saved) => render(saved, s.sheet)));
    fill(
      box,
      forms.map((f) => f.el),
    );
    const again = forms.find((f) => f.sheet === focusSheet);
    if (again) again.saved();
  }

  async function load(): Promise<void> {
    fill(box, loadingLine(t('columns.loading')));
    try {
      render(await call('getColumns', {}));
    } catch (e) {
      fill(box, h('p', { class: 'status status-error', role: 'alert' }, failureText(e)));
    }
  }

  return {
    el: h(
      'section',
      { class: 'section columns-section', 'aria-labelledby': 'columns-heading' },
      h('h2', { class: 'section-title', id: 'columns-heading' }, t('columns.heading')),
      h('p', { class: 'field-hint' }, t('columns.intro')),
      box,
    ),
    load,
  };
}
