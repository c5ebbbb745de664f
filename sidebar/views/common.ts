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
  /** The control (the first one, for a group of several). */
  control: Control;
  /** Shows `msg` next to the field (aria-invalid, aria-describedby), or clears it with null; `at` marks one control of a group. */
  setError(msg: string | null, at?: Control): void;
  /** Where focus goes to fix the field: the control marked bad, else the first one that can take focus. */
  focusTarget?(): HTMLElement;
}

/**
 * The error slot of a field or group: each control's aria-describedby names
 * it while it is shown, so a screen reader reads the message on focus.
 */
function errorSlot(
  errId: string,
  controls: Control[],
  wrap: () => HTMLElement,
): Pick<Field, 'setError'> & { el: HTMLElement; bad(): Control | null } {
  const el = h('p', { class: 'field-error', id: errId, hidden: true });
  let bad: Control | null = null;
  return {
    el,
    bad: () => bad,
    setError(msg, at) {
      bad = msg ? at || null : null;
      if (msg) fill(el, msg);
      else fill(el);
      el.hidden = !msg;
      wrap().classList.toggle('has-error', !!msg);
      for (const c of controls) {
        toggleToken(c, 'aria-describedby', errId, !!msg);
        if (msg && (!at || at === c)) c.setAttribute('aria-invalid', 'true');
        else c.removeAttribute('aria-invalid');
      }
    },
  };
}

function hintFor(id: string, text: string | undefined, controls: Control[]): HTMLElement | null {
  if (!text) return null;
  const hint = h('p', { class: 'field-hint', id: `${id}-hint` }, text);
  for (const c of controls) toggleToken(c, 'aria-describedby', hint.id, true);
  return hint;
}

/**
 * A label, the control, an optional hint and an error slot. `after` sits
 * right after the control (a unit such as "days").
 */
export function field(
  labelText: string,
  control: Control,
  opts: { hint?: string; id?: string; inline?: boolean; after?: Child } = {},
): Field {
  if (!control.id) control.id = opts.id || uid('f');
  let wrap: HTMLElement | null = null;
  const slot = errorSlot(`${control.id}-err`, [control], () => wrap as HTMLElement);
  const hint = hintFor(control.id, opts.hint, [control]);
  const lab = h('label', { for: control.id, class: 'field-label' }, labelText);
  const input = opts.after ? h('div', { class: 'with-unit' }, control, opts.after) : control;
  wrap = opts.inline
    ? h('div', { class: 'field field-inline' }, control, lab, hint, slot.el)
    : h('div', { class: 'field' }, lab, input, hint, slot.el);
  return { wrap, control, setError: slot.setError };
}

/**
 * Several controls under one name (seven day boxes, one number per tier): a
 * fieldset whose legend is the name, one hint and one error slot for all.
 */
export function fieldGroup(
  legend: string,
  controls: Control[],
  body: Child[],
  opts: { id: string; hint?: string },
): Field {
  let wrap: HTMLElement | null = null;
  const slot = errorSlot(`${opts.id}-err`, controls, () => wrap as HTMLElement);
  const hint = hintFor(opts.id, opts.hint, controls);
  wrap = h(
    'fieldset',
    { class: 'field field-group', id: opts.id },
    h('legend', { class: 'field-label' }, legend),
    body,
    hint,
    slot.el,
  );
  return {
    wrap,
    control: controls[0],
    setError: slot.setError,
    focusTarget: () => slot.bad() || controls.find((c) => !c.disabled) || controls[0],
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
