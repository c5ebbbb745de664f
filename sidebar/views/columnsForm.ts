/**
 * One sheet's column map as a form: what Retain reads, one drop-down per
 * field it did not find (the sheet's headers, nearest first, or "Not in this
 * sheet"), and Save. The server checks the choice and saves all of it or
 * none; its messages land next to their fields.
 */
import type { ColumnsView, ColumnChoice, SheetColumns } from '../../src/shared/api';
import { h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { alertBox, failureText, field, isBusy, statusLine, withBusy, type Field } from './common';
import { enterSubmits, formErrors } from './form';

export interface SheetColumnsForm {
  sheet: string;
  el: HTMLElement;
  /** Says "saved" and puts focus back on Save (after the form was built anew from the saved view). */
  saved(): void;
}

interface Bound {
  choice: ColumnChoice;
  select: HTMLSelectElement;
  field: Field;
}

function bindChoice(s: SheetColumns, c: ColumnChoice): Bound {
  const select = h('select', { class: 'input', id: `columns-${s.sheet}-${c.field}`, name: c.field });
  select.appendChild(h('option', { value: '' }, t('columns.none')));
  const headers = c.options.map((o) => o.header);
  // A chosen header that is gone stays selectable, so the user sees what was chosen.
  if (c.mapped && !headers.includes(c.mapped)) select.appendChild(h('option', { value: c.mapped }, c.mapped));
  for (const o of c.options)
    select.appendChild(h('option', { value: o.header }, o.near ? t('columns.near', { header: o.header }) : o.header));
  select.value = c.mapped;
  const label = c.required ? t('columns.required', { field: c.label }) : c.label;
  const f = field(label, select, { hint: c.gone ? t('columns.gone', { header: c.mapped }) : undefined });
  return { choice: c, select, field: f };
}

export function sheetColumnsForm(s: SheetColumns, onSaved: (view: ColumnsView) => void): SheetColumnsForm {
  const headingId = `columns-${s.sheet}-heading`;
  const bound = s.choices.map((c) => bindChoice(s, c));
  const errors = formErrors(() => bound.map((b) => [b.choice.field, b.field]));
  const status = statusLine();
  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('columns.save'));
  const found = s.found.length
    ? h(
        'div',
        { class: 'columns-found' },
        h('p', { class: 'field-label' }, t('columns.found')),
        h(
          'ul',
          { class: 'plain-list' },
          s.found.map((f) => h('li', null, t('columns.foundLine', { field: f.label, header: f.header }))),
        ),
      )
    : null;
  const form = h(
    'form',
    { class: 'form columns-form', novalidate: true, 'aria-labelledby': headingId },
    h('h3', { class: 'sub-title', id: headingId }, t('columns.sheet', { name: s.name, row: s.headerRow })),
    s.problems.length ? alertBox(s.problems[0], s.problems.slice(1)) : null,
    found,
    errors.box,
    bound.length ? bound.map((b) => b.field.wrap) : h('p', { class: 'muted' }, t('columns.all')),
    bound.length ? h('div', { class: 'actions' }, save, status.el) : null,
  );

  async function submit(): Promise<void> {
    if (isBusy(save) || bound.length === 0) return;
    errors.clear();
    const map: Record<string, string> = {};
    for (const b of bound) map[b.choice.field] = b.select.value;
    await withBusy(save, t('settings.saving'), async () => {
      try {
        const res = await call('saveColumns', { sheet: s.sheet, map });
        if (res.ok) onSaved(res.columns);
        else {
          status.error(t('settings.fix'));
          (errors.show(res.errors || {}) || save).focus();
        }
      } catch (e) {
        status.error(failureText(e));
      }
    });
  }
  enterSubmits(form, () => void submit());

  return {
    sheet: s.sheet,
    el: form,
    saved() {
      status.ok(t('columns.saved'));
      save.focus();
    },
  };
}
