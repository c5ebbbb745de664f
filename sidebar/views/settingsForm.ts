/**
 * The settings form: one control per setting (settingControls.ts), Save for
 * all of them. The server validates and saves all or nothing; its messages,
 * which name each setting by its label, appear next to the fields, and focus
 * goes to the first of them.
 */
import type { SettingsView } from '../../src/shared/api';
import { h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { failureText, isBusy, withBusy, type Control } from './common';
import { enterSubmits, formErrors, type FormErrors } from './form';
import { bindSetting } from './settingControls';
import type { Bound } from './settingInputs';

type Status = { el: HTMLElement; ok(m: string): void; error(m: string): void; info(m: string): void };

export class SettingsForm {
  readonly el: HTMLFormElement;
  readonly save: HTMLButtonElement;
  private readonly bound: Bound[];
  private readonly errors: FormErrors;

  /** `onSaved` gets the settings as saved (the form is then built anew from them). */
  constructor(
    view: SettingsView,
    private readonly status: Status,
    private readonly onSaved: (view: SettingsView) => void,
  ) {
    this.bound = view.fields.map(bindSetting);
    this.errors = formErrors(() => this.bound.map((b) => [b.spec.key, b.field]));
    this.save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('settings.save'));
    this.el = h(
      'form',
      { class: 'form', novalidate: true, 'aria-labelledby': 'settings-heading' },
      this.errors.box,
      this.bound.map((b) => b.field.wrap),
      h('div', { class: 'actions settings-actions' }, this.save, status.el),
    );
    enterSubmits(this.el, () => void this.submit());
  }

  private read(): { values: Record<string, unknown>; bad: Array<[Bound, string, Control | undefined]> } {
    const values: Record<string, unknown> = {};
    const bad: Array<[Bound, string, Control | undefined]> = [];
    for (const b of this.bound) {
      const r = b.read();
      if (r.ok) values[b.spec.key] = r.value;
      else bad.push([b, r.error, r.at]);
    }
    return { values, bad };
  }

  private async submit(): Promise<void> {
    if (isBusy(this.save)) return;
    this.errors.clear();
    const { values, bad } = this.read();
    if (bad.length) {
      for (const [b, msg, at] of bad) b.field.setError(msg, at);
      this.fix(bad[0][0].field.focusTarget ? bad[0][0].field.focusTarget() : bad[0][0].field.control);
      return;
    }
    this.status.info(t('settings.saving'));
    await withBusy(this.save, t('settings.saving'), async () => {
      try {
        const res = await call('saveSettings', { values });
        if (res.ok) this.onSaved(res.settings);
        else this.fix(this.errors.show(res.errors || {}));
      } catch (e) {
        this.status.error(failureText(e));
      }
    });
  }

  private fix(first: HTMLElement | null): void {
    this.status.error(t('settings.fix'));
    (first || this.save).focus();
  }
}
