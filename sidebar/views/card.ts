/**
 * The customer card: who they are, what they are worth, what is due and why,
 * and the last five contacts. Overdue items say so in words, not only in red.
 */
import type { ContactView, CustomerCard, DueView } from '../../src/shared/api';
import { h } from '../dom';
import { daysText, formatDate, formatNumber, label, t } from '../i18n';
import { tierBadge } from './common';

export function dueClass(days: number): string {
  return days < 0 ? 'due-overdue' : days === 0 ? 'due-today' : 'due-later';
}

function dueItem(d: DueView): HTMLElement {
  return h(
    'li',
    { class: `due-item ${dueClass(d.daysToDue)}` },
    h('span', { class: 'due-text' }, d.text),
    h('span', { class: 'due-when' }, h('span', { class: 'due-days' }, daysText(d.daysToDue)), ' · ', formatDate(d.due)),
  );
}

function contactItem(c: ContactView): HTMLElement {
  const next = c.nextStep
    ? c.nextStepDate
      ? t('card.nextStepOn', { step: c.nextStep, date: formatDate(c.nextStepDate) })
      : t('card.nextStep', { step: c.nextStep })
    : '';
  return h(
    'li',
    { class: 'contact' },
    h(
      'p',
      { class: 'contact-head' },
      h('span', { class: 'contact-type' }, label('type', c.type)),
      ' · ',
      formatDate(c.date),
      c.by ? h('span', { class: 'muted' }, ' · ', t('card.by', { by: c.by })) : null,
    ),
    c.outcome ? h('p', { class: 'contact-line' }, c.outcome) : null,
    c.notes ? h('p', { class: 'contact-line muted pre' }, c.notes) : null,
    next ? h('p', { class: 'contact-line' }, next) : null,
  );
}

function fact(name: string, value: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', null, name), h('dd', null, value || t('card.none')));
}

export function renderCard(card: CustomerCard): HTMLElement {
  const c = card.customer;
  const complaints = card.openComplaints > 0;
  return h(
    'article',
    { class: 'card', 'aria-label': c.name, 'data-customer-id': c.id },
    h(
      'header',
      { class: 'card-head' },
      h('h3', { class: 'card-name' }, c.name),
      tierBadge(c.tier) || h('span', { class: 'badge tier-none' }, t('tier.none')),
    ),
    c.company || c.email ? h('p', { class: 'card-sub muted' }, [c.company, c.email].filter(Boolean).join(' · ')) : null,
    h(
      'dl',
      { class: 'facts' },
      fact(t('card.revenue'), formatNumber(card.revenue)),
      fact(t('card.lastPurchase'), formatDate(card.lastPurchase)),
      fact(t('card.lastContact'), formatDate(card.lastContact)),
      fact(t('card.status'), card.status ? label('status', card.status) : label('status', 'Active')),
    ),
    complaints
      ? h('p', { class: 'complaints' }, t('card.openComplaints', { n: formatNumber(card.openComplaints) }))
      : null,
    h('h4', { class: 'card-title' }, t('card.due')),
    card.due.length
      ? h('ul', { class: 'due-list' }, card.due.map(dueItem))
      : h('p', { class: 'muted' }, t('card.nothingDue')),
    h('h4', { class: 'card-title' }, t('card.lastContacts')),
    card.lastContacts.length
      ? h('ul', { class: 'contacts' }, card.lastContacts.slice(0, 5).map(contactItem))
      : h('p', { class: 'muted' }, t('card.noContacts')),
    card.notes
      ? h(
          'div',
          { class: 'card-notes' },
          h('h4', { class: 'card-title' }, t('card.notes')),
          h('p', { class: 'pre' }, card.notes),
        )
      : null,
  );
}
