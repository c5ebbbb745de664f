import { workCalendar } from '../../../src/core/dates';
import { moveItem, moveToWorkingDay } from '../../../src/core/rules/moves';
import type { DueItem } from '../../../src/core/rules/dueItem';

describe('working-day moves (docs/rules.md, Working days)', () => {
  const cal = workCalendar([1, 2, 3, 4, 5], ['2026-11-23']);

  test('calls and visits go forward, greetings go back', () => {
    expect(moveToWorkingDay('2026-11-21', 'call', cal)).toBe('2026-11-24'); // Sat -> Tue (Mon is a holiday)
    expect(moveToWorkingDay('2026-11-22', 'visit', cal)).toBe('2026-11-24');
    expect(moveToWorkingDay('2026-11-22', 'greeting', cal)).toBe('2026-11-20'); // Sun -> Fri
    expect(moveToWorkingDay('2026-11-23', 'greeting', cal)).toBe('2026-11-20'); // holiday Mon -> Fri
    expect(moveToWorkingDay('2026-11-20', 'call', cal)).toBe('2026-11-20');
  });

  test('a six-day week keeps Saturday', () => {
    expect(moveToWorkingDay('2026-11-21', 'call', workCalendar([1, 2, 3, 4, 5, 6]))).toBe('2026-11-21');
  });

  test('moveItem keeps baseDue and does not change its input', () => {
    const it: DueItem = {
      customerId: 'C1',
      kind: 'recurring',
      due: '2026-11-21',
      baseDue: '2026-11-21',
      channel: 'call',
      who: 'rep',
      detail: {},
      spreadable: true,
    };
    const moved = moveItem(it, cal);
    expect([moved.baseDue, moved.due, it.due]).toEqual(['2026-11-21', '2026-11-24', '2026-11-21']);
    const same: DueItem = { ...it, due: '2026-11-20' };
    expect(moveItem(same, cal)).toBe(same);
  });
});
