import { complaintItems } from '../../../src/core/rules/complaints';
import { describeDue } from '../../../src/core/rules/dueItem';
import type { Contact, Holiday } from '../../../src/core/model';
import { contact, ctx, customer, factsFor, holiday, plan, planOf, tiered } from '../fixtures';

function comp(today: string, contacts: Contact[], holidays: Holiday[] = []) {
  const rc = ctx(today, {}, holidays);
  const c = customer();
  return complaintItems(c, factsFor(c, null, contacts, rc), rc);
}

describe('complaints (docs/rules.md, Complaints)', () => {
  test('small: due the day logged, and stays due (overdue) until resolved', () => {
    const k = contact({ date: '2026-11-18', type: 'Complaint', complaintSize: 'Small' });
    const [it] = comp('2026-11-25', [k, contact({ date: '2026-11-24' })]);
    expect(it).toMatchObject({
      kind: 'complaint',
      due: '2026-11-18',
      who: 'rep',
      spreadable: false,
      detail: { size: 'Small', complaintDate: '2026-11-18' },
    });
    expect(describeDue(it, 'en')).toBe('Complaint (small) from 2026-11-18: resolve by 2026-11-18');
  });

  test('a blank size counts as small', () => {
    expect(comp('2026-11-18', [contact({ date: '2026-11-18', type: 'Complaint' })])[0].detail.size).toBe('Small');
  });

  test('big: the 3rd working day after it; logged on a Friday with a holiday on Monday', () => {
    const k = contact({ date: '2026-11-20', type: 'Complaint', complaintSize: 'Big' });
    expect(comp('2026-11-20', [k])[0].due).toBe('2026-11-25'); // Mon, Tue, Wed
    const [it] = comp('2026-11-20', [k], [holiday('2026-11-23', 'Bridge day')]);
    expect(it).toMatchObject({ due: '2026-11-26', who: 'manager' }); // Tue, Wed, Thu
    expect(describeDue(it, 'en')).toBe('Complaint (big) from 2026-11-20: resolve by 2026-11-26');
    expect(describeDue(it, 'zh')).toBe('投诉（大）2026-11-20：须于2026-11-26前解决');
  });

  test('resolved: a feedback call the next working day after Resolved on', () => {
    const k = contact({ date: '2026-11-18', type: 'Complaint', resolvedOn: '2026-11-20' });
    const [it] = comp('2026-11-20', [k]);
    expect(it).toMatchObject({
      kind: 'complaint-feedback',
      due: '2026-11-23',
      channel: 'call',
      detail: { resolvedOn: '2026-11-20' },
    });
    expect(describeDue(it, 'en')).toBe('Feedback call after complaint resolved 2026-11-20');
    expect(comp('2026-11-20', [k], [holiday('2026-11-23', 'X')])[0].due).toBe('2026-11-24');
  });

  test('feedback is done by another contact on or after its day, not before', () => {
    const k = contact({ date: '2026-11-18', type: 'Complaint', resolvedOn: '2026-11-20' });
    expect(comp('2026-11-24', [k, contact({ date: '2026-11-23' })])).toEqual([]);
    expect(comp('2026-11-24', [k, contact({ date: '2026-11-20' })])).toHaveLength(1);
  });

  test('complaints ignore snooze and are not spread', () => {
    const p = plan({
      today: '2026-11-20',
      settings: { ...ctx('2026-11-20').settings, maxFollowUpsPerDay: 1 },
      customers: [tiered('C', { snoozeUntil: '2027-03-01', lastContact: '2026-10-01' })],
      contacts: [
        contact({ date: '2026-11-18', type: 'Complaint', complaintSize: 'Small' }),
        contact({ date: '2026-11-19', type: 'Complaint', complaintSize: 'Small' }),
      ],
    });
    const cp = planOf(p, 'C1');
    expect(cp.items.map((i) => [i.kind, i.due])).toEqual([
      ['complaint', '2026-11-18'],
      ['complaint', '2026-11-19'],
      ['recurring', '2027-03-01'], // the logged complaints restart the clock (11-19 + 60), the snooze holds it to 03-01
    ]);
    expect(cp.managed.followUp).toBe('Complaint (small) from 2026-11-18: resolve by 2026-11-18 (+1 more)');
    expect(cp.managed.daysToDue).toBe(-2);
  });
});
