/**
 * Small pieces every tab uses: labelled fields with an error slot, status
 * lines, tier badges, and the polite wording of a failed call.
 */
import type { ApiTier } from '../../src/shared/api';
import { h, fill, toggleToken, uid, type Child } from '../dom';
import { t } from '../i18n';
import { RpcError } from '../rpc';

/** What to show when a call failed. */
export function failureText(e: unknown): string {
  if (e instanceof RpcError && e.code === 'unavailable') return t('error.noGoogle');
  const msg = e instanceof RpcError || e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return msg ? t('error.server', { msg }) : t('error.unknown');
}

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field {
  wrap: HTMLElement;
  control: Control;
  /** Shows `msg` next to the field (aria-invalid, aria-describedby), or clears it with null. */
  setError(msg: string | null): void;
}

/**
 * A label, the control, an optional hint and an error slot. The control's
 * aria-describedby names the hint and (when shown) the error, so a screen
 * reader reads the message when the field gets focus.
 */
export function field(
  labelText: string,
  control: Control,
  opts: { hint?: string; id?: string; inline?: boolean } = {},
): Field {
  if (!control.id) control.id = opts.id || uid('f');
  const errId = `${control.id}-err`;
  const err = h('p', { class: 'field-error', id: errId, hidden: true });
  let hint: HTMLElement | null = null;
  if (opts.hint) {
    hint = h('p', { class: 'field-hint', id: `${control.id}-hint` }, opts.hint);
    toggleToken(control, 'aria-describedby', hint.id, true);
  }
  const lab = h('label', { for: control.id, class: 'field-label' }, labelText);
  const wrap = opts.inline
    ? h('div', { class: 'field field-inline' }, control, lab, hint, err)
    : h('div', { class: 'field' }, lab, control, hint, err);
  return {
    wrap,
    control,
    setError(msg) {
      if (msg) {
        fill(err, msg);
        err.hidden = false;
        control.setAttribute('aria-invalid', 'true');
        toggleToken(control, 'aria-describedby', errId, true);
        wrap.classList.add('has-error');
      } else {
        fill(err);
        err.hidden = true;
        control.removeAttribute('aria-invalid');
        toggleToken(control, 'aria-describedby', errId, false);
        wrap.classList.remove('has-error');
      }
    },
  };
}

/** A live region for short results ("Saved.") and failures. */
export function statusLine(): {
  el: HTMLElement;
  ok(msg: string): void;
  error(msg: string): void;
  info(msg: string): void;
  clear(): void;
} {
  const el = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const show = (cls: string, msg: string): void => {
    el.className = `status ${cls}`;
    fill(el, msg);
  };
  return {
    el,
    ok: (msg) => show('status-ok', msg),
    error: (msg) => show('status-error', msg),
    info: (msg) => show('status-info', msg),
    clear: () => show('', ''),
  };
}

/** A bordered box listing messages (problems, form-level errors). */
export function alertBox(title: string, messages: string[], kind: 'error' | 'warn' = 'warn'): HTMLElement {
  return h(
    'div',
    { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'note' },
    h('p', { class: 'alert-title' }, title),
    messages.length
      ? h(
          'ul',
          null,
          messages.map((m) => h('li', null, m)),
        )
      : null,
  );
}

export function tierBadge(tier: ApiTier | '' | undefined): HTMLElement | null {
  if (!tier) return null;
  const text = t('tier.badge', { tier });
  return h('span', { class: `badge tier-${tier}`, title: text, 'aria-label': text }, tier);
}

export function loadingLine(text: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** A section heading plus content. */
export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'section' }, h('h2', { class: 'section-title' }, title), ...children);
}

/**
 * Marks a button busy while `work` runs and shows `busyText` in it; a second
 * click meanwhile does nothing (returns undefined). aria-disabled rather than
 * disabled, so a keyboard user's focus stays on the button.
 */
export async function withBusy<T>(
  btn: HTMLButtonElement,
  busyText: string | null,
  work: () => Promise<T>,
): Promise<T | undefined> {
  if (isBusy(btn)) return undefined;
  // A button holding more than text (a Due item) keeps its content and only looks busy.
  const text = busyText === null ? null : btn.textContent || '';
  btn.setAttribute('aria-disabled', 'true');
  btn.setAttribute('aria-busy', 'true');
  if (busyText !== null) btn.textContent = busyText;
  try {
    return await work();
  } finally {
    btn.removeAttribute('aria-disabled');
    btn.removeAttribute('aria-busy');
    if (text !== null) btn.textContent = text;
  }
}

export function isBusy(btn: HTMLElement): boolean {
  return btn.getAttribute('aria-busy') === 'true';
}
