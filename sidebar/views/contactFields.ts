/**
 * The Log form's description of the contact: date, type, complaint size and
 * resolution (only for a complaint), outcome, notes, next step and its date,
 * and who made it (`By`: the user, filled in; a field to type a name only
 * when the server could not tell who the user is).
 */
import type { ApiContactType, LogContactRequest } from '../../src/shared/api';
import { h } from '../dom';
import { label, t } from '../i18n';
import { field, type Field } from './common';

export type ContactKey = Exclude<keyof LogContactRequest, 'customerIds'>;
export type ContactValues = Omit<LogContactRequest, 'customerIds'>;

export interface ContactFields {
  /** What goes into the form, in screen order. */
  nodes: HTMLElement[];
  /** Each field by request key, in screen order (for "focus the first bad field"). */
  list(): Array<[ContactKey, Field]>;
  read(): ContactValues;
  /** Everything about the last contact cleared; the date back to `today`. `By` stays: it is the user. */
  reset(today: string): void;
  setType(type: ApiContactType): void;
  /** Shows the complaint fields (a server message may be about them). */
  showComplaint(): void;
  firstControl(): HTMLElement;
}

const DEFAULT_TYPES: ApiContactType[] = ['Visit', 'Call', 'Email', 'Message', 'Gift', 'Complaint', 'Other'];

function controls(types: ApiContactType[], today: string) {
  return {
    date: h('input', { type: 'date', class: 'input', name: 'date', required: true, props: { value: today } }),
    type: h(
      'select',
      { class: 'input', name: 'type' },
      types.map((ty) => h('option', { value: ty }, label('type', ty))),
    ),
    size: h(
      'select',
      { class: 'input', name: 'complaintSize' },
      h('option', { value: 'Small' }, label('size', 'Small')),
      h('option', { value: 'Big' }, label('size', 'Big')),
    ),
    resolvedOn: h('input', { type: 'date', class: 'input', name: 'resolvedOn' }),
    outcome: h('input', { type: 'text', class: 'input', name: 'outcome', maxlength: '500' }),
    notes: h('textarea', { class: 'input', name: 'notes', rows: '3', maxlength: '5000' }),
    nextStep: h('input', { type: 'text', class: 'input', name: 'nextStep', maxlength: '500' }),
    nextStepDate: h('input', { type: 'date', class: 'input', name: 'nextStepDate' }),
    by: h('input', { type: 'text', class: 'input', name: 'by', maxlength: '200', autocomplete: 'name' }),
  };
}

export function createContactFields(opts: { types?: ApiContactType[]; today: string; user: string }): ContactFields {
  const types = opts.types && opts.types.length ? opts.types : DEFAULT_TYPES;
  const c = controls(types, opts.today);
  const f: Record<ContactKey, Field> = {
    date: field(t('log.date'), c.date),
    type: field(t('log.type'), c.type),
    complaintSize: field(t('log.complaintSize'), c.size),
    resolvedOn: field(t('log.resolvedOn'), c.resolvedOn, { hint: t('log.resolvedOn.hint') }),
    outcome: field(t('log.outcome'), c.outcome),
    notes: field(t('log.notes'), c.notes, { hint: t('log.notes.hint') }),
    nextStep: field(t('log.nextStep'), c.nextStep),
    nextStepDate: field(t('log.nextStepDate'), c.nextStepDate),
    by: field(t('log.by'), c.by, { hint: t('log.by.hint') }),
  };
  // A known user is shown, not asked: one less field to pass on every save.
  const byNode = opts.user ? h('p', { class: 'by-line muted' }, t('log.byLine', { by: opts.user })) : f.by.wrap;
  const complaint = h('div', { class: 'complaint-group', hidden: true }, f.complaintSize.wrap, f.resolvedOn.wrap);
  const syncComplaint = (): void => {
    complaint.hidden = c.type.value !== 'Complaint';
  };
  c.type.addEventListener('change', syncComplaint);
  const order: ContactKey[] = [
    'date',
    'type',
    'complaintSize',
    'resolvedOn',
    'outcome',
    'notes',
    'nextStep',
    'nextStepDate',
  ];
  if (!opts.user) order.push('by');
  return {
    nodes: [
      h('div', { class: 'row' }, f.date.wrap, f.type.wrap),
      complaint,
      f.outcome.wrap,
      f.notes.wrap,
      f.nextStep.wrap,
      f.nextStepDate.wrap,
      byNode,
    ],
    list: () => order.map((k) => [k, f[k]]),
    read() {
      const isComplaint = c.type.value === 'Complaint';
      return {
        date: c.date.value,
        type: c.type.value as ApiContactType,
        outcome: c.outcome.value,
        notes: c.notes.value,
        nextStep: c.nextStep.value,
        nextStepDate: c.nextStepDate.value,
        complaintSize: isComplaint ? (c.size.value as LogContactRequest['complaintSize']) : '',
        resolvedOn: isComplaint ? c.resolvedOn.value : '',
        by: opts.user || c.by.value.trim(),
      };
    },
    reset(today) {
      for (const el of [c.outcome, c.notes, c.nextStep, c.nextStepDate, c.resolvedOn]) el.value = '';
      c.date.value = today;
      c.type.value = types[0];
      c.size.value = 'Small';
      syncComplaint();
    },
    setType(type) {
      if (types.includes(type)) c.type.value = type;
      syncComplaint();
    },
    showComplaint: () => {
      complaint.hidden = false;
    },
    firstControl: () => c.date,
  };
}
