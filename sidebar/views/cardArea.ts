/**
 * The customer card under the Log form: loaded when a customer is picked,
 * replaced by the cards a save returns. A card still loading for an earlier
 * pick never replaces a newer one.
 */
import type { CustomerCard, CustomerSummary } from '../../src/shared/api';
import { fill, h } from '../dom';
import { t } from '../i18n';
import { call } from '../rpc';
import { renderCard } from './card';
import { failureText, loadingLine } from './common';

export interface CardArea {
  el: HTMLElement;
  /** Loads `c`'s card; `onCard` gets the fresh summary (its tier may have changed). */
  load(c: CustomerSummary, onCard: (card: CustomerCard) => void): void;
  show(cards: CustomerCard[]): void;
  /** The customer whose card was asked for last ('' after show()). */
  current(): string;
}

export function createCardArea(): CardArea {
  const el = h('div', { class: 'card-area', 'aria-live': 'polite' });
  let token = 0;
  let current = '';
  const heading = (): HTMLElement => h('h2', { class: 'section-title' }, t('log.cardHeading'));
  return {
    el,
    current: () => current,
    load(c, onCard) {
      const mine = ++token;
      current = c.id;
      fill(el, loadingLine(t('log.cardLoading')));
      call('getCustomerCard', { customerId: c.id }).then(
        (card) => {
          if (mine !== token) return;
          onCard(card);
          fill(el, heading(), renderCard(card));
        },
        (e: unknown) => {
          if (mine === token) fill(el, h('p', { class: 'status status-error' }, failureText(e)));
        },
      );
    },
    show(cards) {
      token += 1;
      current = cards.length === 1 ? cards[0].customer.id : '';
      fill(el, cards.length ? heading() : null, cards.map(renderCard));
    },
  };
}
