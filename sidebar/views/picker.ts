/**
 * The customer picker: an ARIA 1.2 combobox over SidebarData.customers,
 * searched in the browser as the user types (name, company, email or ID).
 *
 * Fast with thousands of customers: each customer's search text is lowered
 * once, a keystroke is one pass of `includes` over those strings, and at most
 * MAX_SHOWN options are rendered.
 */
import type { CustomerSummary } from '../../src/shared/api';
import { fill, h, uid } from '../dom';
import { formatNumber, t } from '../i18n';
import { field, tierBadge, type Field } from './common';

export const MAX_SHOWN = 50;

function norm(s: string): string {
  // NFKC folds full-width letters and digits (typed with a Chinese IME) to ASCII.
  return String(s || '')
    .normalize('NFKC')
    .toLowerCase();
}

export class CustomerIndex {
  private keys: string[];
  private names: string[];

  constructor(private customers: CustomerSummary[]) {
    this.keys = customers.map((c) => norm(`${c.name}\u0001${c.company}\u0001${c.email}\u0001${c.id}`));
    this.names = customers.map((c) => norm(c.name));
  }

  /**
   * Customers matching every word of `query`; names that start with the
   * query first, then names with a word starting with it, then the rest, each
   * in sheet order. `total` counts all matches, `items` holds at most `limit`.
   */
  search(query: string, limit = MAX_SHOWN): { items: CustomerSummary[]; total: number } {
    const q = norm(query).trim();
    if (!q) return { items: this.customers.slice(0, limit), total: this.customers.length };
    const terms = q.split(/\s+/);
    const buckets: number[][] = [[], [], []];
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i];
      let all = true;
      for (const term of terms) {
        if (key.indexOf(term) < 0) {
          all = false;
          break;
        }
      }
      if (!all) continue;
      const name = this.names[i];
      const rank = name.startsWith(q) ? 0 : name.indexOf(' ' + terms[0]) >= 0 ? 1 : 2;
      buckets[rank].push(i);
    }
    const total = buckets[0].length + buckets[1].length + buckets[2].length;
    const items: CustomerSummary[] = [];
    for (const b of buckets) {
      for (const i of b) {
        if (items.length >= limit) break;
        items.push(this.customers[i]);
      }
    }
    return { items, total };
  }
}

export function customerText(c: CustomerSummary): string {
  return c.company ? `${c.name} · ${c.company}` : c.name;
}

export interface Picker {
  field: Field;
  input: HTMLInputElement;
  get(): CustomerSummary | null;
  set(c: CustomerSummary | null): void;
  setDisabled(disabled: boolean): void;
  /** Replaces a customer's summary (its tier may change after a log). */
  update(c: CustomerSummary): void;
}

export function createPicker(customers: CustomerSummary[], onChange: (c: CustomerSummary | null) => void): Picker {
  const list = customers.slice();
  let index = new CustomerIndex(list);
  let chosen: CustomerSummary | null = null;
  let shown: CustomerSummary[] = [];
  let active = -1;

  const listId = uid('customers');
  const input = h('input', {
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
  const listbox = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'listbox',
    hidden: true,
    'aria-label': t('log.customer'),
  });
  const info = h('p', { class: 'field-hint search-info', 'aria-live': 'polite' });
  const f = field(t('log.customer'), input);
  input.after(listbox, info);

  // A click on an option must not blur the input first (that would close the list).
  listbox.addEventListener('mousedown', (ev) => ev.preventDefault());

  function open(query: string): void {
    const res = index.search(query);
    shown = res.items;
    active = shown.length ? 0 : -1;
    fill(
      listbox,
      shown.map((c, i) =>
        h(
          'li',
          {
            role: 'option',
            id: `${listId}-${i}`,
            class: 'option',
            'aria-selected': i === active ? 'true' : 'false',
            on: { click: () => choose(c) },
          },
          h('span', { class: 'option-main' }, h('span', { class: 'option-name' }, c.name), tierBadge(c.tier)),
          c.company || c.email
            ? h('span', { class: 'option-sub' }, [c.company, c.email].filter(Boolean).join(' · '))
            : null,
        ),
      ),
    );
    if (!list.length) fill(info, t('log.search.empty'));
    else if (!res.total) fill(info, t('log.search.none', { q: query.trim() }));
    else if (res.total > shown.length)
      fill(info, t('log.search.more', { shown: formatNumber(shown.length), total: formatNumber(res.total) }));
    else fill(info, t('log.search.count', { n: formatNumber(res.total) }));
    listbox.hidden = shown.length === 0;
    input.setAttribute('aria-expanded', shown.length ? 'true' : 'false');
    markActive();
  }

  function close(): void {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    fill(info);
    active = -1;
  }

  function markActive(): void {
    const opts = listbox.children;
    for (let i = 0; i < opts.length; i++) opts[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
    if (active >= 0 && opts[active]) {
      input.setAttribute('aria-activedescendant', opts[active].id);
      (opts[active] as HTMLElement).scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function choose(c: CustomerSummary): void {
    const changed = !chosen || chosen.id !== c.id;
    chosen = c;
    input.value = customerText(c);
    close();
    f.setError(null);
    if (changed) onChange(c);
  }

  input.addEventListener('focus', () => input.select());
  input.addEventListener('input', () => {
    if (input.value.trim()) open(input.value);
    else close();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.isComposing) return;
    const isOpen = !listbox.hidden;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!isOpen) {
        open(chosen && input.value === customerText(chosen) ? '' : input.value);
        return;
      }
      const n = shown.length;
      if (!n) return;
      active = ev.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n;
      markActive();
    } else if (ev.key === 'Enter' && isOpen && active >= 0) {
      // Enter picks the highlighted customer; it must not also submit the form.
      ev.preventDefault();
      ev.stopPropagation();
      choose(shown[active]);
    } else if (ev.key === 'Escape' && isOpen) {
      ev.preventDefault();
      ev.stopPropagation();
      close();
      input.value = chosen ? customerText(chosen) : '';
    }
  });
  input.addEventListener('blur', () => {
    close();
    // Leaving the field with half-typed text keeps the customer chosen before.
    input.value = chosen ? customerText(chosen) : '';
  });

  return {
    field: f,
    input,
    get: () => chosen,
    set(c) {
      chosen = c;
      input.value = c ? customerText(c) : '';
      close();
    },
    setDisabled(disabled) {
      input.disabled = disabled;
    },
    update(c) {
      const i = list.findIndex((x) => x.id === c.id);
      if (i >= 0) {
        list[i] = c;
        index = new CustomerIndex(list);
      }
      if (chosen && chosen.id === c.id) chosen = c;
    },
  };
}
