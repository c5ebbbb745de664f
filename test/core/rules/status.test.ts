import { applySnooze, statusAllows } from '../../../src/core/rules/status';
import { workCalendar } from '../../../src/core/dates';
import type { DueItem, DueKind } from '../../../src/core/rules/dueItem';
import { contact, customer, holiday, plan, planOf, purchase, tiered } from '../fixtures';

const TODAY = '2026-11-20';

/** A customer with something of every kind going on. */
function busy(over = {}) {
  return tiered('A', {
    email: 'ann@example.com',
    birthday: { month: 11, day: 23 }, // shown from 11-20: the contact on 11-19 does not complete it
    customerSince: '2024-11-23',
    lastContact: '2026-10-01',
    ...over,
  });
}
const busyRows = {
  purchases: [purchase({ date: '2026-11-19' })],
  contacts: [
    contact({ date: '2026-11-18', type: 'Complaint', complaintSize: 'Small' }),
    contact({ date: '2026-11-19', type: 'Call', nextStep: 'send price list', nextStepDate: '2026-11-24' }),
  ],
  holidays: [holiday('2026-11-26', 'Thanksgiving')],
};

const kinds = (items: DueItem[]) => Array.from(new Set(items.map((i) => i.kind))).sort();

describe('status (docs/rules.md, Status, snooze and prospects)', () => {
  test('an Active customer gets every kind (the baseline for the tests below)', () => {
    const p = plan({ today: TODAY, customers: [busy()], ...busyRows });
    expect(kinds(planOf(p, 'C1').items)).toEqual(
      (
        [
          'anniversary',
          'birthday',
          'complaint',
          'holiday',
          'next-step',
          'post-sale-call',
          'recurring',
          'thank-you',
          'visit',
        ] as DueKind[]
      ).sort(),
    );
    expect(p.drafts).toHaveLength(1);
    expect(p.visits).toHaveLength(1);
  });

  test.each([
    ['Do not contact', 'Status is Do not contact: no follow-ups'],
    ['Lost', 'Status is Lost: no follow-ups'],
  ] as const)('%s: no items, drafts or visits, and excluded says why', (status, why) => {
    const p = plan({ today: TODAY, customers: [busy({ status })], ...busyRows });
    const cp = planOf(p, 'C1');
    expect(cp.items).toEqual([]);
    expect(cp.next).toBeNull();
    expect(cp.excluded).toBe(why);
    expect(cp.managed).toEqual({ tier: 'A', nextFollowUp: '', followUp: '', daysToDue: '', notes: '' });
    expect(p.drafts).toEqual([]);
    expect(p.visits).toEqual([]);
  });

  test('Prospect: the recurring contact only (plus what the user logged: complaints, next steps); no drafts, visits, post-sale or greetings', () => {
    const p = plan({ today: TODAY, customers: [busy({ status: 'Prospect' })], ...busyRows });
    expect(kinds(planOf(p, 'C1').items)).toEqual(['complaint', 'next-step', 'recurring']);
    expect(p.drafts).toEqual([]);
    expect(p.visits).toEqual([]);
    const q = plan({ today: TODAY, customers: [customer({ status: 'Prospect', lastContact: '2026-11-01' })] });
    expect(planOf(q, 'C1').items.map((i) => [i.kind, i.due])).toEqual([['recurring', '2026-12-31']]);
    expect(statusAllows(customer({ status: 'Prospect' }), 'birthday')).toBe(false);
  });

  test('snooze: complaints stay, cadences and next steps wait for the snooze date, post-sale steps and greetings before it are dropped', () => {
    const p = plan({ today: TODAY, customers: [busy({ snoozeUntil: '2026-11-25' })], ...busyRows });
    const cp = planOf(p, 'C1');
    expect(cp.items.map((i) => [i.kind, i.due])).toEqual([
      ['complaint', '2026-11-18'],
      ['next-step', '2026-11-25'], // due 11-24
      ['visit', '2026-11-25'], // overdue since 2024-12-23
      ['post-sale-call', '2026-11-27'], // day 7 = 11-26, a holiday: on/after the snooze date, kept
      ['recurring', '2026-12-10'], // 11-26 (end of the sequence) + 14
    ]);
    expect(cp.next!.kind).toBe('complaint');
    // A thank-you draft is still made: it is only a draft, the user decides.
    expect(p.drafts).toHaveLength(1);
  });

  test('snooze to a Saturday: held-back items come back on Monday; a snooze in the past does nothing', () => {
    const p = plan({
      today: TODAY,
      customers: [tiered('C', { lastContact: '2026-09-01', snoozeUntil: '2026-11-28' })],
    });
    expect(planOf(p, 'C1').items.map((i) => i.due)).toEqual(['2026-11-30']);
    const q = plan({
      today: TODAY,
      customers: [tiered('C', { lastContact: '2026-09-01', snoozeUntil: '2026-11-19' })],
    });
    expect(planOf(q, 'C1').items.map((i) => i.due)).toEqual(['2026-11-02']);
  });

  test('snooze until today still holds back what was due before today', () => {
    const p = plan({ today: TODAY, customers: [tiered('C', { lastContact: '2026-09-01', snoozeUntil: TODAY })] });
    expect(planOf(p, 'C1').items.map((i) => i.due)).toEqual([TODAY]);
  });

  test('applySnooze keeps items due on the snooze date and never changes its input', () => {
    const cal = workCalendar();
    const it: DueItem = {
      customerId: 'C1',
      kind: 'birthday',
      due: '2026-11-25',
      baseDue: '2026-11-25',
      channel: 'greeting',
      who: 'rep',
      detail: {},
      spreadable: false,
    };
    expect(applySnooze([it], '2026-11-25', TODAY, cal)).toEqual([it]);
    expect(applySnooze([it], '2026-11-26', TODAY, cal)).toEqual([]);
    const r: DueItem = { ...it, kind: 'recurring', channel: 'call' };
    const out = applySnooze([r], '2026-11-26', TODAY, cal);
    expect([out[0].due, out[0].baseDue, r.due]).toEqual(['2026-11-26', '2026-11-25', '2026-11-25']);
  });
});
