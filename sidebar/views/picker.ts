/**
 * The customer picker: an ARIA 1.2 combobox over SidebarData.customers.
 *
 * The field means exactly what it shows: a customer counts only once picked
 * from the list (click, or Enter on the highlighted one). Typing another name,
 * or clearing the field, leaves no customer (`get()` is null and `problem()`
 * says why) until one is picked again; leaving the field keeps what was typed,
 * so nothing changes behind the user's back. Escape closes the list; a second
 * Escape brings back the customer picked before.
 */
import type { CustomerSummary } from '../../src/shared/api';
import { fill, h, uid } from '../dom';
import { formatNumber, t } from '../i18n';
import { field, tierBadge, type Field } from './common';
import { CustomerIndex, customerText } from './customerIndex';

export interface Picker {
  field: Field;
  input: HTMLInputElement;
  /** The customer the field shows, picked from the list; null while the text is typed but not picked, or empty. */
  get(): CustomerSummary | null;
  /** Why there is no customer ('' when there is one), in the user's language. */
  problem(): string;
  set(c: CustomerSummary | null): void;
  setDisabled(disabled: boolean): void;
  /** Replaces a customer's summary (its tier may change after a log). */
  update(c: CustomerSummary): void;
}

class CustomerPicker implements Picker {
  readonly input: HTMLInputElement;
  readonly field: Field;
  private readonly listbox: HTMLUListElement;
  private readonly info: HTMLElement;
  private readonly list: CustomerSummary[];
  private index: CustomerIndex;
  /** The customer last picked (Escape brings it back). */
  private chosen: CustomerSummary | null = null;
  /** The options on screen and the highlighted one. */
  private shown: CustomerSummary[] = [];
  private active = -1;

  constructor(
    customers: CustomerSummary[],
    private readonly onChange: () => void,
  ) {
    this.list = customers.slice();
    this.index = new CustomerIndex(this.list);
    const listId = uid('customers');
    this.input = h('input', {
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      placeholder: t('log.search.placeholder'),
      class: 'input',
      name: 'customer',
    });
    this.listbox = h('ul', {
      id: listId,
      role: 'listbox',
      class: 'listbox',
      hidden: true,
      'aria-label': t('log.customer'),
    });
    this.info = h('p', { class: 'field-hint search-info', 'aria-live': 'polite' });
    this.field = field(t('log.customer'), this.input);
    this.input.after(this.listbox, this.info);
    this.listen();
  }

  get(): CustomerSummary | null {
    return this.chosen && this.input.value === customerText(this.chosen) ? this.chosen : null;
  }

  problem(): string {
    if (this.get()) return '';
    const typed = this.input.value.trim();
    if (!this.list.length) return t('log.search.empty');
    return typed ? t('log.pick.unpicked', { q: typed }) : t('log.pick.empty');
  }

  set(c: CustomerSummary | null): void {
    this.chosen = c;
    this.input.value = c ? customerText(c) : '';
    this.close();
    this.onChange();
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  update(c: CustomerSummary): void {
    const i = this.list.findIndex((x) => x.id === c.id);
    if (i >= 0) {
      this.list[i] = c;
      this.index = new CustomerIndex(this.list);
    }
    if (this.chosen && this.chosen.id === c.id) {
      const showing = this.get() !== null;
      this.chosen = c;
      if (showing) this.input.value = customerText(c);
    }
  }

  private listen(): void {
    // A click on an option must not blur the input first (that would close the list).
    this.listbox.addEventListener('mousedown', (ev) => ev.preventDefault());
    this.input.addEventListener('focus', () => this.input.select());
    this.input.addEventListener('input', () => {
      if (this.input.value.trim()) this.open(this.input.value);
      else this.close();
      this.onChange();
    });
    this.input.addEventListener('keydown', (ev) => this.onKey(ev));
    // Leaving the field closes the list and keeps the text: a name typed, not picked, stays visible (and Save off).
    this.input.addEventListener('blur', () => this.close());
  }

  private onKey(ev: KeyboardEvent): void {
    if (ev.isComposing) return;
    const isOpen = !this.listbox.hidden;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (isOpen) this.move(ev.key === 'ArrowDown' ? 1 : -1);
      else this.open(this.get() ? '' : this.input.value);
    } else if (ev.key === 'Enter' && isOpen && this.active >= 0) {
      // Enter picks the highlighted customer; it must not also submit the form.
      ev.preventDefault();
      ev.stopPropagation();
      this.choose(this.shown[this.active]);
    } else if (ev.key === 'Escape' && (isOpen || (this.chosen && !this.get()))) {
      // Escape is the picker's while it has something to undo; otherwise it is left to the page.
      ev.preventDefault();
      ev.stopPropagation();
      if (isOpen) this.close();
      else this.set(this.chosen);
    }
  }

  private move(by: 1 | -1): void {
    const n = this.shown.length;
    if (!n) return;
    this.active = (this.active + by + n) % n;
    this.markActive();
  }

  private choose(c: CustomerSummary): void {
    this.field.setError(null);
    this.set(c);
  }

  private open(query: string): void {
    const res = this.index.search(query);
    this.shown = res.items;
    this.active = this.shown.length ? 0 : -1;
    fill(
      this.listbox,
      this.shown.map((c, i) => this.option(c, i)),
    );
    if (!this.list.length) fill(this.info, t('log.search.empty'));
    else if (!res.total) fill(this.info, t('log.search.none', { q: query.trim() }));
    else if (res.total > this.shown.length)
      fill(this.info, t('log.search.more', { shown: formatNumber(this.shown.length), total: formatNumber(res.total) }));
    else fill(this.info, t('log.search.count', { n: formatNumber(res.total) }));
    this.listbox.hidden = this.shown.length === 0;
    this.input.setAttribute('aria-expanded', this.shown.length ? 'true' : 'false');
    this.markActive();
  }

  private option(c: CustomerSummary, i: number): HTMLElement {
    return h(
      'li',
      {
        role: 'option',
        id: `${this.listbox.id}-${i}`,
        class: 'option',
        'aria-selected': i === this.active ? 'true' : 'false',
        on: { click: () => this.choose(c) },
      },
      h('span', { class: 'option-main' }, h('span', { class: 'option-name' }, c.name), tierBadge(c.tier)),
      c.company || c.email
        ? h('span', { class: 'option-sub' }, [c.company, c.email].filter(Boolean).join(' · '))
        : null,
    );
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    fill(this.info);
    this.active = -1;
  }

  private markActive(): void {
    const opts = this.listbox.children;
    for (let i = 0; i < opts.length; i++) opts[i].setAttribute('aria-selected', i === this.active ? 'true' : 'false');
    const on = this.active >= 0 ? (opts[this.active] as HTMLElement | undefined) : undefined;
    if (on) {
      this.input.setAttribute('aria-activedescendant', on.id);
      on.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }
}

/** `onChange` runs whenever what the field stands for may have changed: a pick, a keystroke, a set(). */
export function createPicker(customers: CustomerSummary[], onChange: () => void): Picker {
  return new CustomerPicker(customers, onChange);
}
