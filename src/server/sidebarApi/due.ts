/** The Due tab: what is due today and overdue, grouped by reason (docs/rules.md, Which item is shown). */
import { daysBetween } from '../../core/dates';
import { describeDue } from '../../core/plan';
import type { DueGroup } from '../../shared/api';
import { context_, customersById, KIND_LABELS, kindLabel } from './context';

export function getDueItems(_req: Record<string, never>): DueGroup[] {
  const ctx = context_();
  const byId = customersById(ctx.wb);
  const groups = new Map<string, DueGroup>();
  for (const cp of ctx.plan.customers) {
    const c = byId.get(cp.customerId);
    if (!c) continue;
    for (const it of cp.items) {
      if (it.due > ctx.today) continue;
      let g = groups.get(it.kind);
      if (!g) {
        g = { kind: it.kind, label: kindLabel(it.kind, ctx.lang), items: [] };
        groups.set(it.kind, g);
      }
      g.items.push({
        customerId: c.id,
        name: c.name,
        company: c.company,
        tier: cp.tier ?? '',
        due: it.due,
        daysToDue: daysBetween(ctx.today, it.due),
        text: describeDue(it, ctx.lang),
        row: c.row,
      });
    }
  }
  const order = Object.keys(KIND_LABELS);
  return Array.from(groups.values())
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((g) => ({
      ...g,
      items: g.items.sort((a, b) =>
        a.due < b.due ? -1 : a.due > b.due ? 1 : a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.row - b.row,
      ),
    }));
}
