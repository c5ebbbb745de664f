/**
 * The Due tab's list: one section per reason, with its count, and one button
 * per customer saying what is due and when (overdue in words, not only in red).
 */
import type { DueGroup } from '../../src/shared/api';
import { h, uid } from '../dom';
import { daysText, formatDate, formatNumber, t } from '../i18n';
import { dueClass } from './card';
import { tierBadge } from './common';

export type DueItem = DueGroup['items'][number];

export type OnItem = (item: DueItem, kind: string, btn: HTMLButtonElement) => void;

function itemButton(it: DueItem, kind: string, onItem: OnItem): HTMLButtonElement {
  const btn: HTMLButtonElement = h(
    'button',
    { type: 'button', class: `due-button ${dueClass(it.daysToDue)}`, 'data-customer-id': it.customerId },
    h('span', { class: 'due-line1' }, h('span', { class: 'due-name' }, it.name), tierBadge(it.tier)),
    it.company ? h('span', { class: 'due-company muted' }, it.company) : null,
    h('span', { class: 'due-text' }, it.text),
    h(
      'span',
      { class: 'due-when' },
      h('span', { class: 'due-days' }, daysText(it.daysToDue)),
      ' · ',
      formatDate(it.due),
    ),
  );
  btn.addEventListener('click', () => onItem(it, kind, btn));
  return btn;
}

function groupSection(g: DueGroup, onItem: OnItem): HTMLElement {
  const headId = uid(`due-${g.kind}`);
  return h(
    'section',
    { class: 'due-group', 'aria-labelledby': headId, 'data-kind': g.kind },
    h(
      'h3',
      { class: 'group-title', id: headId },
      h('span', null, g.label),
      h(
        'span',
        { class: 'count', 'aria-label': t('due.groupCount', { label: g.label, n: g.items.length }) },
        formatNumber(g.items.length),
      ),
    ),
    h(
      'ul',
      { class: 'due-items' },
      g.items.map((it) => h('li', null, itemButton(it, g.kind, onItem))),
    ),
  );
}

/** The groups that have items, or a line saying nothing is due. */
export function renderDueGroups(groups: DueGroup[], onItem: OnItem): HTMLElement[] {
  const nonEmpty = groups.filter((g) => g.items.length);
  if (!nonEmpty.length) return [h('p', { class: 'empty' }, t('due.empty'))];
  const total = nonEmpty.reduce((n, g) => n + g.items.length, 0);
  return [
    h(
      'p',
      { class: 'muted small' },
      t('due.total', { n: formatNumber(total), g: formatNumber(nonEmpty.length) }),
      ' ',
      t('due.hint'),
    ),
    ...nonEmpty.map((g) => groupSection(g, onItem)),
  ];
}
