/**
 * The Settings tab: the nightly trigger, the run preview, and every setting
 * as a form built from the server's SettingField list. The server validates
 * and saves all or nothing; its messages appear next to the fields.
 */
import type { SettingField, SettingsView, TriggerState } from '../../src/shared/api';
import { fill, h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { failureText, field, isBusy, loadingLine, statusLine, withBusy, type Field } from './common';
import { createPreviewPanel } from './preview';

export interface SettingsTab {
  el: HTMLElement;
  show(): void;
}

interface Bound {
  spec: SettingField;
  field: Field;
  read(): { ok: true; value: unknown } | { ok: false; error: string };
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

function jsonText(v: unknown): string {
  if (v === undefined) return '';
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** One control per setting kind; read() turns what the user typed back into a JSON value. */
function bind(spec: SettingField): Bound {
  const id = `setting-${spec.key}`;
  const hint = spec.help || undefined;
  switch (spec.kind) {
    case 'boolean': {
      const box = h('input', {
        type: 'checkbox',
        class: 'checkbox',
        id,
        name: spec.key,
        props: { checked: spec.value === true },
      });
      return {
        spec,
        field: field(spec.label, box, { hint, inline: true }),
        read: () => ({ ok: true, value: box.checked }),
      };
    }
    case 'select': {
      const opts = spec.options && spec.options.length ? spec.options : [String(spec.value ?? '')];
      const sel = h(
        'select',
        { class: 'input', id, name: spec.key },
        opts.map((o) => h('option', { value: o }, o)),
      );
      sel.value = String(spec.value ?? '');
      return { spec, field: field(spec.label, sel, { hint }), read: () => ({ ok: true, value: sel.value }) };
    }
    case 'json': {
      const text = jsonText(spec.value);
      const area = h('textarea', {
        class: 'input mono',
        id,
        name: spec.key,
        rows: String(Math.min(4, Math.max(1, Math.ceil(text.length / 34)))),
        spellcheck: 'false',
      });
      area.value = text;
      return {
        spec,
        field: field(spec.label, area, { hint }),
        read: () => {
          try {
            return { ok: true, value: JSON.parse(area.value) };
          } catch (e) {
            return { ok: false, error: t('settings.json', { msg: e instanceof Error ? e.message : String(e) }) };
          }
        },
      };
    }
    case 'number': {
      // Text, not type=number: the browser would turn "12x" into "" and the server could not name the mistake.
      const input = h('input', { type: 'text', inputmode: 'decimal', class: 'input', id, name: spec.key });
      input.value = spec.value === null || spec.value === undefined ? '' : String(spec.value);
      return {
        spec,
        field: field(spec.label, input, { hint }),
        read: () => {
          const s = input.value.trim();
          return { ok: true, value: NUMBER.test(s) ? Number(s) : s };
        },
      };
    }
    default: {
      const input = h('input', { type: 'text', class: 'input', id, name: spec.key });
      input.value = spec.value === null || spec.value === undefined ? '' : String(spec.value);
      return { spec, field: field(spec.label, input, { hint }), read: () => ({ ok: true, value: input.value }) };
    }
  }
}

export function createSettingsView(): SettingsTab {
  const status = statusLine();
  const triggerStatus = statusLine();
  const triggerBox = h('section', { class: 'section', 'aria-labelledby': 'trigger-heading' });
  const formBox = h('div', { class: 'settings-form' });
  let loaded = false;

  async function load(): Promise<void> {
    loaded = true;
    fill(formBox, loadingLine(t('settings.loading')));
    try {
      render(await call('getSettings', {}));
    } catch (e) {
      loaded = false;
      fill(formBox, h('p', { class: 'status status-error', role: 'alert' }, failureText(e)));
    }
  }

  function renderTrigger(tr: TriggerState): void {
    const line =
      tr.message ||
      (tr.scheduled
        ? t('trigger.on', { hour: tr.hour === null ? '?' : String(tr.hour).padStart(2, '0'), tz: tr.timeZone })
        : t('trigger.off'));
    const schedule: HTMLButtonElement = h(
      'button',
      { type: 'button', class: 'btn btn-secondary', id: 'trigger-schedule' },
      tr.scheduled ? t('trigger.reschedule') : t('trigger.schedule'),
    );
    const stop: HTMLButtonElement = h(
      'button',
      { type: 'button', class: 'btn btn-quiet', id: 'trigger-stop', disabled: !tr.scheduled },
      t('trigger.stop'),
    );
    const act = (btn: HTMLButtonElement, name: 'scheduleNightly' | 'stopNightly'): void => {
      void withBusy(btn, t('trigger.working'), async () => {
        triggerStatus.clear();
        try {
          const next = await call(name, {});
          renderTrigger(next);
          // The buttons were rebuilt: keep keyboard focus in this section.
          const again = document.getElementById(next.scheduled ? 'trigger-stop' : 'trigger-schedule');
          if (again) again.focus();
        } catch (e) {
          triggerStatus.error(failureText(e));
        }
      });
    };
    schedule.addEventListener('click', () => act(schedule, 'scheduleNightly'));
    stop.addEventListener('click', () => act(stop, 'stopNightly'));
    fill(
      triggerBox,
      h('h2', { class: 'section-title', id: 'trigger-heading' }, t('trigger.heading')),
      h(
        'p',
        { class: `trigger-state ${tr.scheduled ? 'is-on' : 'is-off'}`, id: 'trigger-state', role: 'status' },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        line,
      ),
      h('div', { class: 'actions' }, schedule, stop),
      triggerStatus.el,
    );
  }

  function render(view: SettingsView, focusSave = false): void {
    renderTrigger(view.trigger);
    const bound = view.fields.map(bind);
    const save: HTMLButtonElement = h('button', { type: 'submit', class: 'btn btn-primary' }, t('settings.save'));
    const formError = h('div', { class: 'form-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-labelledby': 'settings-heading' },
      formError,
      bound.map((b) => b.field.wrap),
      h('div', { class: 'actions settings-actions' }, save, status.el),
    );

    async function submit(): Promise<void> {
      if (isBusy(save)) return;
      formError.hidden = true;
      fill(formError);
      const values: Record<string, unknown> = {};
      const errors: Record<string, string> = {};
      for (const b of bound) {
        b.field.setError(null);
        const r = b.read();
        if (r.ok) values[b.spec.key] = r.value;
        else errors[b.spec.key] = r.error;
      }
      if (Object.keys(errors).length) {
        showErrors(errors);
        return;
      }
      status.info(t('settings.saving'));
      await withBusy(save, t('settings.saving'), async () => {
        try {
          const res = await call('saveSettings', { values });
          if (res.ok) {
            render(res.settings, true);
            status.ok(t('settings.saved'));
          } else showErrors(res.errors || {});
        } catch (e) {
          status.error(failureText(e));
        }
      });
    }

    function showErrors(errors: Record<string, string>): void {
      let first: HTMLElement | null = null;
      const stray: string[] = [];
      for (const b of bound) {
        const msg = errors[b.spec.key];
        if (!msg) continue;
        b.field.setError(msg);
        if (!first) first = b.field.control;
      }
      for (const key of Object.keys(errors)) if (!bound.some((b) => b.spec.key === key)) stray.push(errors[key]);
      if (stray.length) {
        fill(
          formError,
          stray.map((m) => h('p', null, m)),
        );
        formError.hidden = false;
      }
      status.error(t('settings.fix'));
      (first || save).focus();
    }

    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void submit();
    });
    form.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' || ev.isComposing) return;
      const tag = (ev.target as HTMLElement).tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || (tag === 'TEXTAREA' && (ev.ctrlKey || ev.metaKey))) {
        ev.preventDefault();
        void submit();
      }
    });
    fill(formBox, form);
    if (focusSave) save.focus();
  }

  const el = h(
    'div',
    { class: 'settings-view' },
    triggerBox,
    createPreviewPanel(),
    h(
      'section',
      { class: 'section' },
      h('h2', { class: 'section-title', id: 'settings-heading' }, t('settings.heading')),
      formBox,
    ),
  );

  return {
    el,
    show() {
      if (!loaded) void load();
    },
  };
}
