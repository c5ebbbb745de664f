/**
 * The Log tab: choose a customer (or all selected rows), describe the
 * contact, save. Enter in a field saves (Ctrl+Enter in the notes); a second
 * save while one is running is ignored. The server checks everything; its
 * messages appear next to the fields they are about.
 */
import type {
  ApiContactType,
  CustomerCard,
  CustomerSummary,
  LogContactRequest,
  SidebarData,
} from '../../src/shared/api';
import { fill, h } from '../dom';
import { joinNames, label, t } from '../i18n';
import { call } from '../rpc';
import { renderCard } from './card';
import { failureText, field, isBusy, loadingLine, statusLine, withBusy, type Field } from './common';
import { createPicker, customerText } from './picker';

type ErrorKey = keyof LogContactRequest | 'form';

export interface LogView {
  el: HTMLElement;
  /** Chooses `c` (from the Due tab) and shows `note` above the form. */
  choose(c: CustomerSummary, note?: string): void;
  /** Moves focus into the form. */
  focus(): void;
}

const DEFAULT_TYPES: ApiContactType[] = ['Visit', 'Call', 'Email', 'Message', 'Gift', 'Complaint', 'Other'];

export function createLogView(data: SidebarData, onLogged: (cards: CustomerCard[]) => void): LogView {
  const status = statusLine();
  const cardArea = h('div', { class: 'card-area', 'aria-live': 'polite' });
  let cardToken = 0;

  const picker = createPicker(data.customers, (c) => {
    status.clear();
    if (c) void loadCard(c);
  });

  // "Log for all N selected": only when the selection spans several customers.
  const selected = data.selected;
  const allBox = h('input', { type: 'checkbox', class: 'checkbox', name: 'allSelected' });
  const allField =
    selected.length > 1 ? field(t('log.allSelected', { n: selected.length }), allBox, { inline: true }) : null;
  const allNames = h('p', { class: 'field-hint selected-names', hidden: true }, joinNames(selected.map((c) => c.name)));
  allBox.addEventListener('change', () => {
    picker.setDisabled(allBox.checked);
    allNames.hidden = !allBox.checked;
    picker.field.setError(null);
  });

  const date = h('input', { type: 'date', class: 'input', name: 'date', required: true, props: { value: data.today } });
  const types = data.contactTypes && data.contactTypes.length ? data.contactTypes : DEFAULT_TYPES;
  const type = h(
    'select',
    { class: 'input', name: 'type' },
    types.map((ty) => h('option', { value: ty }, label('type', ty))),
  );
  const size = h(
    'select',
    { class: 'input', name: 'complaintSize' },
    h('option', { value: 'Small' }, label('size', 'Small')),
    h('option', { value: 'Big' }, label('size', 'Big')),
  );
  const resolvedOn = h('input', { type: 'date', class: 'input', name: 'resolvedOn' });
  const outcome = h('input', { type: 'text', class: 'input', name: 'outcome', maxlength: '500' });
  const notes = h('textarea', { class: 'input', name: 'notes', rows: '3', maxlength: '5000' });
  const nextStep = h('input', { type: 'text', class: 'input', name: 'nextStep', maxlength: '500' });
  const nextStepDate = h('input', { type: 'date', class: 'input', name: 'nextStepDate' });

  const fields: Record<Exclude<ErrorKey, 'form'>, Field> = {
    customerIds: picker.field,
    date: field(t('log.date'), date),
    type: field(t('log.type'), type),
    complaintSize: field(t('log.complaintSize'), size),
    resolvedOn: field(t('log.resolvedOn'), resolvedOn, { hint: t('log.resolvedOn.hint') }),
    outcome: field(t('log.outcome'), outcome),
    notes: field(t('log.notes'), notes, { hint: t('log.notes.hint') }),
    nextStep: field(t('log.nextStep'), nextStep),
    nextStepDate: field(t('log.nextStepDate'), nextStepDate),
  };
  // Screen order, for "focus the first bad field".
  const order: Array<Exclude<ErrorKey, 'form'>> = [
    'customerIds',
    'date',
    'type',
    'complaintSize',
    'resolvedOn',
    'outcome',
    'notes',
    'nextStep',
    'nextStepDate',
  ];

  const complaintGroup = h(
    'div',
    { class: 'complaint-group', hidden: true },
    fields.complaintSize.wrap,
    fields.resolvedOn.wrap,
  );
  const syncComplaint = (): void => {
    complaintGroup.hidden = type.value !== 'Complaint';
  };
  type.addEventListener('change', syncComplaint);

  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('log.save'));
  const formError = h('div', { class: 'form-error', role: 'alert', hidden: true });

  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'log-heading' },
    formError,
    fields.customerIds.wrap,
    allField ? allField.wrap : null,
    allField ? allNames : null,
    h('div', { class: 'row' }, fields.date.wrap, fields.type.wrap),
    complaintGroup,
    fields.outcome.wrap,
    fields.notes.wrap,
    fields.nextStep.wrap,
    fields.nextStepDate.wrap,
    h('div', { class: 'actions' }, save),
  );

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submit();
  });
  form.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' || ev.isComposing) return;
    const tag = (ev.target as HTMLElement).tagName;
    if (tag === 'TEXTAREA') {
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        void submit();
      }
      return;
    }
    if (tag === 'INPUT' || tag === 'SELECT') {
      ev.preventDefault();
      void submit();
    }
  });

  function clearErrors(): void {
    for (const k of order) fields[k].setError(null);
    formError.hidden = true;
    fill(formError);
  }

  function showErrors(errors: Partial<Record<ErrorKey, string>>): void {
    let first: HTMLElement | null = null;
    const stray: string[] = [];
    for (const key of Object.keys(errors) as ErrorKey[]) {
      const msg = errors[key];
      if (!msg) continue;
      if (key !== 'form' && fields[key]) continue;
      stray.push(msg);
    }
    for (const key of order) {
      const msg = errors[key];
      if (!msg) continue;
      fields[key].setError(msg);
      if (key === 'complaintSize' || key === 'resolvedOn') complaintGroup.hidden = false;
      if (!first) first = key === 'customerIds' && allBox.checked ? allBox : fields[key].control;
    }
    if (stray.length) {
      fill(
        formError,
        stray.map((m) => h('p', null, m)),
      );
      formError.hidden = false;
    }
    status.error(t('log.fix'));
    (first || save).focus();
  }

  async function submit(): Promise<void> {
    if (isBusy(save)) return;
    clearErrors();
    const ids =
      allField && allBox.checked
        ? selected.map((c) => c.id)
        : picker.get()
          ? [(picker.get() as CustomerSummary).id]
          : [];
    if (!ids.length) {
      status.clear();
      picker.field.setError(t('log.noCustomer'));
      picker.input.focus();
      return;
    }
    const isComplaint = type.value === 'Complaint';
    const req: LogContactRequest = {
      customerIds: ids,
      date: date.value,
      type: type.value as ApiContactType,
      outcome: outcome.value,
      notes: notes.value,
      nextStep: nextStep.value,
      nextStepDate: nextStepDate.value,
      complaintSize: isComplaint ? (size.value as LogContactRequest['complaintSize']) : '',
      resolvedOn: isComplaint ? resolvedOn.value : '',
    };
    status.info(t('log.saving'));
    await withBusy(save, t('log.saving'), async () => {
      try {
        const res = await call('logContact', req);
        if (res.ok) {
          const names = res.cards.map((c) => c.customer.name);
          status.ok(t('log.saved', { names: joinNames(names.length ? names : ids) }));
          for (const card of res.cards) picker.update(card.customer);
          showCards(res.cards);
          for (const el of [outcome, notes, nextStep, nextStepDate, resolvedOn]) el.value = '';
          size.value = 'Small';
          onLogged(res.cards);
        } else {
          showErrors(res.errors || {});
        }
      } catch (e) {
        status.error(failureText(e));
      }
    });
  }

  function showCards(cards: CustomerCard[]): void {
    cardToken += 1; // a card still loading for an earlier choice must not replace these
    fill(
      cardArea,
      cards.length ? h('h2', { class: 'section-title' }, t('log.cardHeading')) : null,
      cards.map(renderCard),
    );
  }

  async function loadCard(c: CustomerSummary): Promise<void> {
    const token = ++cardToken;
    fill(cardArea, loadingLine(t('log.cardLoading')));
    try {
      const card = await call('getCustomerCard', { customerId: c.id });
      if (token !== cardToken) return;
      picker.update(card.customer);
      fill(cardArea, h('h2', { class: 'section-title' }, t('log.cardHeading')), renderCard(card));
    } catch (e) {
      if (token !== cardToken) return;
      fill(cardArea, h('p', { class: 'status status-error' }, failureText(e)));
    }
  }

  const el = h(
    'div',
    { class: 'log-view' },
    h('h2', { id: 'log-heading', class: 'sr-only' }, t('log.heading')),
    status.el,
    form,
    cardArea,
  );

  syncComplaint();
  if (selected.length) {
    picker.set(selected[0]);
    void loadCard(selected[0]);
  }

  return {
    el,
    choose(c, note) {
      clearErrors();
      if (allField) {
        // The sheet's selection is now this one row: "all selected" no longer means what it said.
        allBox.checked = false;
        allNames.hidden = true;
        allField.wrap.hidden = true;
        picker.setDisabled(false);
      }
      picker.set(c);
      if (note) status.info(note);
      else status.clear();
      void loadCard(c);
    },
    focus() {
      if (picker.input.disabled) date.focus();
      else picker.input.focus();
    },
  };
}

export { customerText };
