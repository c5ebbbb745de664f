/**
 * What the Log and Settings forms share: Enter saves, and the server's
 * messages (keyed by field) land next to their fields, with the ones that
 * belong to no field in a box at the top of the form.
 */
import { fill, h } from '../dom';
import type { Field } from './common';

/**
 * Enter in a text field or a list saves; in a multi-line text only Ctrl+Enter
 * (or Cmd+Enter) does, since Enter starts a new line there. A key pressed
 * while an input method is composing (Chinese) is the IME's, not ours.
 */
export function enterSubmits(form: HTMLFormElement, submit: () => void): void {
  form.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' || ev.isComposing) return;
    const tag = (ev.target as HTMLElement).tagName;
    if (tag === 'TEXTAREA' && !(ev.ctrlKey || ev.metaKey)) return;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
      ev.preventDefault();
      submit();
    }
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit();
  });
}

export interface FormErrors {
  /** The box for messages that belong to no field. */
  box: HTMLElement;
  clear(): void;
  /**
   * Shows each message at its field (in `fields`' order, which is the
   * screen's) and the rest in the box; returns the first field's element to
   * focus, or null when only the box has messages.
   */
  show(errors: Record<string, string | undefined>): HTMLElement | null;
}

export function formErrors(fields: () => Array<[string, Field]>): FormErrors {
  const box = h('div', { class: 'form-error', role: 'alert', hidden: true });
  return {
    box,
    clear() {
      for (const [, f] of fields()) f.setError(null);
      box.hidden = true;
      fill(box);
    },
    show(errors) {
      const list = fields();
      let first: HTMLElement | null = null;
      for (const [key, f] of list) {
        const msg = errors[key];
        if (!msg) continue;
        f.setError(msg);
        if (!first) first = f.focusTarget ? f.focusTarget() : f.control;
      }
      const known = new Set(list.map(([key]) => key));
      const stray = Object.keys(errors).filter((k) => errors[k] && !known.has(k));
      if (stray.length) {
        fill(
          box,
          stray.map((k) => h('p', null, errors[k] as string)),
        );
        box.hidden = false;
      }
      return first;
    },
  };
}
