/**
 * A WAI-ARIA tablist: one tab stop for the whole list (roving tabindex),
 * Left/Right (and Up/Down) move and activate, Home/End jump to the ends.
 */
import { h } from '../dom';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  panel: HTMLElement;
}

export interface Tabs<K extends string> {
  list: HTMLElement;
  panels: HTMLElement[];
  select(key: K, opts?: { focus?: boolean }): void;
  current(): K;
  tab(key: K): HTMLButtonElement;
}

export function createTabs<K extends string>(
  label: string,
  specs: Array<TabSpec<K>>,
  onSelect: (key: K) => void,
): Tabs<K> {
  let active = specs[0].key;
  const buttons = specs.map((s) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${s.key}`,
        class: 'tab',
        'aria-controls': `panel-${s.key}`,
        'aria-selected': 'false',
        tabindex: '-1',
        on: { click: () => select(s.key, { focus: true }) },
      },
      s.label,
    ),
  );
  for (const s of specs) {
    s.panel.id = `panel-${s.key}`;
    s.panel.setAttribute('role', 'tabpanel');
    s.panel.setAttribute('aria-labelledby', `tab-${s.key}`);
    s.panel.setAttribute('tabindex', '-1');
    s.panel.classList.add('panel');
  }
  const list = h('div', { role: 'tablist', class: 'tabs', 'aria-label': label }, buttons);
  list.addEventListener('keydown', (ev) => {
    const i = specs.findIndex((s) => s.key === active);
    let next = -1;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = (i + 1) % specs.length;
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = (i - 1 + specs.length) % specs.length;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = specs.length - 1;
    if (next < 0) return;
    ev.preventDefault();
    select(specs[next].key, { focus: true });
  });

  function select(key: K, opts: { focus?: boolean } = {}): void {
    active = key;
    specs.forEach((s, i) => {
      const on = s.key === key;
      buttons[i].setAttribute('aria-selected', on ? 'true' : 'false');
      buttons[i].tabIndex = on ? 0 : -1;
      s.panel.hidden = !on;
    });
    if (opts.focus) buttons[specs.findIndex((s) => s.key === key)].focus();
    onSelect(key);
  }

  // Initial state without calling onSelect: main decides what loads first.
  specs.forEach((s, i) => {
    const on = i === 0;
    buttons[i].setAttribute('aria-selected', on ? 'true' : 'false');
    buttons[i].tabIndex = on ? 0 : -1;
    s.panel.hidden = !on;
  });

  return {
    list,
    panels: specs.map((s) => s.panel),
    select,
    current: () => active,
    tab: (key) => buttons[specs.findIndex((s) => s.key === key)],
  };
}
