/**
 * Who the Log form saves for: the customer picked in the field, or, when the
 * sheet's selection spans several customers and the box is ticked, all of
 * them (their names listed under the box). Nothing else: a name typed and not
 * picked is no one (picker.ts).
 */
import type { CustomerSummary } from '../../src/shared/api';
import { h } from '../dom';
import { joinNames, t } from '../i18n';
import { field, type Field } from './common';
import { createPicker, type Picker } from './picker';

export interface LogTarget {
  picker: Picker;
  nodes: HTMLElement[];
  /** The customer IDs a save is for; empty when problem() says why. */
  ids(): string[];
  problem(): string;
  /** The one customer (from the Due tab): "all selected" no longer means what it said. */
  chooseOne(c: CustomerSummary): void;
  /** The control that decides who: the box when it is ticked, else the customer field. */
  control(): HTMLElement;
  field(): Field;
}

export function createLogTarget(
  customers: CustomerSummary[],
  selected: CustomerSummary[],
  onChange: () => void,
): LogTarget {
  const picker = createPicker(customers, onChange);
  const allBox = h('input', { type: 'checkbox', class: 'checkbox', name: 'allSelected' });
  const all =
    selected.length > 1 ? field(t('log.allSelected', { n: selected.length }), allBox, { inline: true }) : null;
  const allNames = h('p', { class: 'field-hint selected-names', hidden: true }, joinNames(selected.map((c) => c.name)));
  const forAll = (): boolean => !!all && !all.wrap.hidden && allBox.checked;
  allBox.addEventListener('change', () => {
    picker.setDisabled(allBox.checked);
    allNames.hidden = !allBox.checked;
    picker.field.setError(null);
    onChange();
  });
  return {
    picker,
    nodes: [picker.field.wrap, ...(all ? [all.wrap, allNames] : [])],
    ids() {
      if (forAll()) return selected.map((c) => c.id);
      const c = picker.get();
      return c ? [c.id] : [];
    },
    problem: () => (forAll() ? '' : picker.problem()),
    chooseOne(c) {
      if (all) {
        allBox.checked = false;
        allNames.hidden = true;
        all.wrap.hidden = true;
        picker.setDisabled(false);
      }
      picker.set(c);
    },
    control: () => (forAll() ? allBox : picker.input),
    field: () => (forAll() && all ? all : picker.field),
  };
}
