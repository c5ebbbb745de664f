/**
 * Searching the customers in the browser as the user types (name, company,
 * email or ID). Fast with thousands of customers: each customer's search
 * text is lowered once, a keystroke is one pass of `includes` over those
 * strings, and at most MAX_SHOWN are returned.
 */
import type { CustomerSummary } from '../../src/shared/api';

export const MAX_SHOWN = 50;

function norm(s: string): string {
  // NFKC folds full-width letters and digits (typed with a Chinese IME) to ASCII.
  return String(s || '')
    .normalize('NFKC')
    .toLowerCase();
}

export class CustomerIndex {
  private keys: string[];
  private names: string[];

  constructor(private customers: CustomerSummary[]) {
    this.keys = customers.map((c) => norm(`${c.name}\u0001${c.company}\u0001${c.email}\u0001${c.id}`));
    this.names = customers.map((c) => norm(c.name));
  }

  /**
   * Customers matching every word of `query`; names that start with the
   * query first, then names with a word starting with it, then the rest, each
   * in sheet order. `total` counts all matches, `items` holds at most `limit`.
   */
  search(query: string, limit = MAX_SHOWN): { items: CustomerSummary[]; total: number } {
    const q = norm(query).trim();
    if (!q) return { items: this.customers.slice(0, limit), total: this.customers.length };
    const terms = q.split(/\s+/);
    const buckets: number[][] = [[], [], []];
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i];
      let all = true;
      for (const term of terms) {
        if (key.indexOf(term) < 0) {
          all = false;
          break;
        }
      }
      if (!all) continue;
      const name = this.names[i];
      const rank = name.startsWith(q) ? 0 : name.indexOf(' ' + terms[0]) >= 0 ? 1 : 2;
      buckets[rank].push(i);
    }
    const total = buckets[0].length + buckets[1].length + buckets[2].length;
    const items: CustomerSummary[] = [];
    for (const b of buckets) {
      for (const i of b) {
        if (items.length >= limit) break;
        items.push(this.customers[i]);
      }
    }
    return { items, total };
  }
}

export function customerText(c: CustomerSummary): string {
  return c.company ? `${c.name} · ${c.company}` : c.name;
}
