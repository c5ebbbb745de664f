/**
 * The Log tab: choose a customer (or all selected rows), describe the
 * contact, save. Save is on only while the field shows a customer picked from
 * the list, and a note beside it says why when it is off. Enter in a field
 * saves (Ctrl+Enter in the notes); a second save while one is running is
 * ignored. After a save the form is ready for the next contact (the date is
 * today again) and focus goes back to the customer field. The server checks
 * everything; its messages appear next to the fields they are about, and
 * focus goes to the first of them.
 */
import type {
  ApiContactType,
  CustomerCard,
  CustomerSummary,
  LogContactResult,
  SidebarData,
} from '../../src/shared/api';
import { fill, h, toggleToken, uid } from '../dom';
import { joinNames, t } from '../i18n';
import { call } from '../rpc';
import { createCardArea, type CardArea } from './cardArea';
import { failureText, isBusy, statusLine, withBusy } from './common';
import { createContactFields, type ContactFields } from './contactFields';
import { enterSubmits, formErrors, type FormErrors } from './form';
import { createLogTarget, type LogTarget } from './logTarget';

export interface LogView {
  el: HTMLElement;
  /** Chooses `c` (from the Due tab), sets the contact type that fits the item, and shows `note` above the form. */
  choose(c: CustomerSummary, note?: string, type?: ApiContactType): void;
  /** Moves focus into the form. */
  focus(): void;
}

type Errors = Extract<LogContactResult, { ok: false }>['errors'];

class LogTab implements LogView {
  readonly el: HTMLElement;
  private readonly status = statusLine();
  private readonly cards: CardArea = createCardArea();
  private readonly contact: ContactFields;
  private readonly target: LogTarget;
  private readonly errors: FormErrors;
  private readonly save: HTMLButtonElement;
  private readonly saveNote: HTMLElement;
  /** A save was tried while no customer was picked: the field shows why until one is. */
  private pickError = false;

  constructor(
    private readonly data: SidebarData,
    private readonly onLogged: (cards: CustomerCard[]) => void,
  ) {
    this.contact = createContactFields({ types: data.contactTypes, today: data.today, user: data.user });
    this.target = createLogTarget(data.customers, data.selected, () => this.onTarget());
    this.errors = formErrors(() => [['customerIds', this.target.field()], ...this.contact.list()]);
    const noteId = uid('save-note');
    // Not a live region: it changes with every keystroke; the field and Save are described by it instead.
    this.saveNote = h('p', { class: 'save-note', id: noteId, hidden: true });
    this.save = h('button', { type: 'submit', class: 'btn btn-primary', 'aria-describedby': noteId }, t('log.save'));
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-labelledby': 'log-heading' },
      this.errors.box,
      this.target.nodes,
      this.contact.nodes,
      h('div', { class: 'actions actions-stack' }, this.saveNote, this.save),
    );
    enterSubmits(form, () => void this.submit());
    this.el = h(
      'div',
      { class: 'log-view' },
      h('h2', { id: 'log-heading', class: 'sr-only' }, t('log.heading')),
      this.status.el,
      form,
      this.cards.el,
    );
    if (data.selected.length) this.target.picker.set(data.selected[0]);
    else this.syncSave();
  }

  choose(c: CustomerSummary, note?: string, type?: ApiContactType): void {
    this.errors.clear();
    this.pickError = false;
    this.target.chooseOne(c);
    if (type) this.contact.setType(type);
    this.loadCard(c);
    if (note) this.status.info(note);
    else this.status.clear();
  }

  focus(): void {
    const el = this.target.control();
    if ((el as HTMLInputElement).disabled) this.contact.firstControl().focus();
    else el.focus();
  }

  /** The field changed what it stands for: Save follows, and a newly picked customer's card loads. */
  private onTarget(): void {
    this.syncSave();
    const c = this.target.picker.get();
    if (c && c.id !== this.cards.current()) {
      this.status.clear();
      this.loadCard(c);
    }
  }

  private syncSave(): void {
    const why = this.target.problem();
    this.save.disabled = why !== '';
    this.saveNote.hidden = !why;
    fill(this.saveNote, why);
    toggleToken(this.target.picker.input, 'aria-describedby', this.saveNote.id, !!why);
    if (this.pickError) this.target.picker.field.setError(why || null);
    if (!why) this.pickError = false;
  }

  private loadCard(c: CustomerSummary): void {
    this.cards.load(c, (card) => this.target.picker.update(card.customer));
  }

  private async submit(): Promise<void> {
    if (isBusy(this.save)) return;
    this.errors.clear();
    if (this.target.problem()) {
      this.pickError = true;
      this.syncSave();
      this.status.clear();
      this.target.control().focus();
      return;
    }
    const req = { customerIds: this.target.ids(), ...this.contact.read() };
    this.status.info(t('log.saving'));
    await withBusy(this.save, t('log.saving'), async () => {
      try {
        const res = await call('logContact', req);
        if (res.ok) this.saved(res.cards, req.customerIds);
        else this.failed(res.errors || {});
      } catch (e) {
        this.status.error(failureText(e));
      }
    });
  }

  private saved(cards: CustomerCard[], ids: string[]): void {
    const names = cards.map((c) => c.customer.name);
    this.status.ok(t('log.saved', { names: joinNames(names.length ? names : ids) }));
    for (const card of cards) this.target.picker.update(card.customer);
    this.cards.show(cards);
    this.contact.reset(this.data.today);
    this.onLogged(cards);
    this.target.control().focus();
  }

  private failed(errors: Errors): void {
    if (errors.complaintSize || errors.resolvedOn) this.contact.showComplaint();
    const first = this.errors.show(errors);
    this.status.error(t('log.fix'));
    (first || this.save).focus();
  }
}

export function createLogView(data: SidebarData, onLogged: (cards: CustomerCard[]) => void): LogView {
  return new LogTab(data, onLogged);
}
