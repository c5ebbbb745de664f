/**
 * The nightly run's state in the Settings tab, with Schedule and Stop. The
 * buttons are rebuilt after each answer, so focus is put back on the one the
 * user can press next.
 */
import type { TriggerState } from '../../src/shared/api';
import { fill, h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { failureText, statusLine, withBusy } from './common';

export interface TriggerSection {
  el: HTMLElement;
  render(tr: TriggerState): void;
}

function stateLine(tr: TriggerState): string {
  if (tr.message) return tr.message;
  if (!tr.scheduled) return t('trigger.off');
  return t('trigger.on', { hour: tr.hour === null ? '?' : String(tr.hour).padStart(2, '0'), tz: tr.timeZone });
}

export function createTriggerSection(): TriggerSection {
  const el = h('section', { class: 'section', 'aria-labelledby': 'trigger-heading' });
  const status = statusLine();

  const act = (btn: HTMLButtonElement, name: 'scheduleNightly' | 'stopNightly'): void => {
    void withBusy(btn, t('trigger.working'), async () => {
      status.clear();
      try {
        const next = await call(name, {});
        render(next);
        const again = document.getElementById(next.scheduled ? 'trigger-stop' : 'trigger-schedule');
        if (again) again.focus();
      } catch (e) {
        status.error(failureText(e));
      }
    });
  };

  function render(tr: TriggerState): void {
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
    schedule.addEventListener('click', () => act(schedule, 'scheduleNightly'));
    stop.addEventListener('click', () => act(stop, 'stopNightly'));
    fill(
      el,
      h('h2', { class: 'section-title', id: 'trigger-heading' }, t('trigger.heading')),
      h(
        'p',
        { class: `trigger-state ${tr.scheduled ? 'is-on' : 'is-off'}`, id: 'trigger-state', role: 'status' },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        stateLine(tr),
      ),
      h('div', { class: 'actions' }, schedule, stop),
      status.el,
    );
  }

  return { el, render };
}
