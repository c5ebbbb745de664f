/**
 * The one way the sidebar makes elements. Text only ever goes in through
 * text nodes (document.createTextNode) or the `value` property, never through
 * HTML parsing, so a customer called `<img src=x onerror=...>` is shown as
 * exactly those characters and runs nothing.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

type Handler = (ev: Event) => void;

export interface Attrs {
  /** CSS classes, space-separated. */
  class?: string;
  /** Event listeners, e.g. `{ click: fn }`. */
  on?: Record<string, Handler>;
  /** DOM properties set directly (value, checked, disabled, ...), not attributes. */
  props?: Record<string, unknown>;
  /** Any other attribute: id, type, role, aria-*, data-*, for, ... `false`/null/undefined leave it off. */
  [attr: string]: string | number | boolean | null | undefined | Record<string, Handler> | Record<string, unknown>;
}

/** `h('p', { class: 'muted' }, 'Hello ', name)`: an element with attributes and text/element children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const key of Object.keys(attrs)) {
      const v = attrs[key];
      if (key === 'on') {
        const on = v as Record<string, Handler>;
        for (const ev of Object.keys(on)) el.addEventListener(ev, on[ev]);
      } else if (key === 'props') {
        const props = v as Record<string, unknown>;
        for (const p of Object.keys(props)) (el as unknown as Record<string, unknown>)[p] = props[p];
      } else if (key === 'class') {
        if (v) el.className = String(v);
      } else if (v === true) {
        el.setAttribute(key, '');
      } else if (v !== false && v !== null && v !== undefined) {
        // setAttribute stores the string as is: it is never parsed as markup.
        el.setAttribute(key, String(v));
      }
    }
  }
  append(el, children);
  return el;
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (typeof c === 'string' || typeof c === 'number') parent.appendChild(document.createTextNode(String(c)));
    else parent.appendChild(c);
  }
}

/** Replaces everything inside `el` with `children`. */
export function fill(el: Element, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
}

let idCounter = 0;
/** A unique element id (for label `for`, aria-describedby, aria-controls). */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Toggles one token in a space-separated attribute such as aria-describedby. */
export function toggleToken(el: Element, attr: string, token: string, on: boolean): void {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter((t) => t && t !== token);
  if (on) tokens.push(token);
  if (tokens.length) el.setAttribute(attr, tokens.join(' '));
  else el.removeAttribute(attr);
}
