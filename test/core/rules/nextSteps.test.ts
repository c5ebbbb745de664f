import { nextStepItems } from '../../../src/core/rules/nextSteps';
import { describeDue } from '../../../src/core/rules/dueItem';
import type { Contact, Customer } from '../../../src/core/model';
import { contact, ctx, customer, factsFor, plan, planOf, tiered } from '../fixtures';

function steps(today: string, contacts: Contact[], c: Customer = customer()) {
  const rc = ctx(today);
  return nextStepItems(c, factsFor(c, null, contacts, rc), rc);
}

describe('next steps from the contact log', () => {
  const k = contact({ row: 10, date: '2026-11-10', nextStep: 'send price list', nextStepDate: '2026-11-13' });

  test('a Next step date gives a call on that date with the words', () => {
    const [it] = steps('2026-11-11', [k]);
    expect(it).toMatchObject({
      kind: 'next-step',
      due: '2026-11-13',
      channel: 'call',
      detail: { nextStep: 'send price list', loggedOn: '2026-11-10' },
    });
    expect(describeDue(it, 'en')).toBe('Next step: send price list');
    expect(describeDue(it, 'zh')).toBe('下一步：send price list');
    // Still open (overdue) after its date while nothing later was logged.
    expect(steps('2026-11-20', [k])).toHaveLength(1);
  });

  test('completed by any later contact: a later date, or the same day further down the log', () => {
    expect(steps('2026-11-20', [k, contact({ row: 11, date: '2026-11-12' })])).toEqual([]);
    expect(steps('2026-11-20', [k, contact({ row: 11, date: '2026-11-10' })])).toEqual([]);
    expect(steps('2026-11-20', [k, contact({ row: 9, date: '2026-11-10' })])).toHaveLength(1);
    expect(steps('2026-11-20', [k, contact({ row: 11, date: '2026-11-09' })])).toHaveLength(1);
    expect(steps('2026-11-20', [k], customer({ lastContact: '2026-11-11' }))).toEqual([]);
    expect(steps('2026-11-20', [k], customer({ lastContact: '2026-11-10' }))).toHaveLength(1);
  });

  test('a later contact with its own next step replaces the older one', () => {
    const later = contact({
      row: 11,
      date: '2026-11-13',
      nextStep: 'call about the order',
      nextStepDate: '2026-11-27',
    });
    expect(steps('2026-11-20', [k, later]).map((i) => i.detail.nextStep)).toEqual(['call about the order']);
  });

  test('no date, nothing scheduled; a date without words still is', () => {
    expect(steps('2026-11-20', [contact({ nextStep: 'maybe later' })])).toEqual([]);
    const [it] = steps('2026-11-20', [contact({ date: '2026-11-10', nextStepDate: '2026-11-12' })]);
    expect(describeDue(it, 'en')).toBe('Next step (logged 2026-11-10)');
  });

  test('in the plan a next step on a Saturday moves to Monday', () => {
    const p = plan({
      today: '2026-11-20',
      customers: [tiered('B')],
      contacts: [contact({ date: '2026-11-19', nextStep: 'demo', nextStepDate: '2026-11-21' })],
    });
    const it = planOf(p, 'C1').items.find((i) => i.kind === 'next-step')!;
    expect(it.due).toBe('2026-11-23');
  });
});
