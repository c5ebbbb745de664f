import { activeHolidays, anniversaryItem, birthdayItem, holidayItems } from '../../../src/core/rules/occasions';
import { describeDue } from '../../../src/core/rules/dueItem';
import type { Contact, Customer, Holiday, Tier } from '../../../src/core/model';
import { contact, ctx, customer, factsFor, holiday, plan, planOf, purchase, tiered } from '../fixtures';

function bday(today: string, c: Customer, contacts: Contact[] = []) {
  const rc = ctx(today);
  return birthdayItem(c, factsFor(c, null, contacts, rc), rc);
}

describe('birthday (docs/rules.md, Occasions)', () => {
  const c = customer({ birthday: { month: 11, day: 25 } });

  test('on the day, shown from 3 days before through the day', () => {
    expect(bday('2026-11-21', c)).toBeNull(); // 4 days before
    const it = bday('2026-11-22', c)!;
    expect(it).toMatchObject({
      kind: 'birthday',
      due: '2026-11-25',
      baseDue: '2026-11-25',
      channel: 'greeting',
      detail: { occasionDate: '2026-11-25' },
    });
    expect(bday('2026-11-25', c)!.due).toBe('2026-11-25');
    expect(bday('2026-11-26', c)).toBeNull(); // the day after
    expect(describeDue(it, 'en')).toBe('Birthday greeting (Nov 25)');
    expect(describeDue(it, 'zh')).toBe('生日祝福（11月25日）');
  });

  test('a birth year is ignored; a birthday early in January is shown at the end of December', () => {
    expect(bday('2026-11-23', customer({ birthday: { month: 11, day: 25, year: 1980 } }))!.due).toBe('2026-11-25');
    expect(bday('2026-12-30', customer({ birthday: { month: 1, day: 2 } }))!.due).toBe('2027-01-02');
  });

  test('completed by a contact on or after the first day shown, not the day before', () => {
    expect(bday('2026-11-24', c, [contact({ date: '2026-11-22' })])).toBeNull();
    expect(bday('2026-11-24', c, [contact({ date: '2026-11-21' })])).not.toBeNull();
  });

  test('29 February: on 28 February in a common year, 29 February in a leap year', () => {
    const leap = customer({ birthday: { month: 2, day: 29 } });
    expect(bday('2027-02-24', leap)).toBeNull();
    expect(bday('2027-02-25', leap)!.baseDue).toBe('2027-02-28');
    expect(bday('2028-02-26', leap)!.baseDue).toBe('2028-02-29');
    expect(bday('2028-02-25', leap)).toBeNull();
  });

  test('moved before the window by a long weekend: greeted on the moved day counts', () => {
    // Sunday 11-22 birthday (shown from 11-19), Thursday and Friday off: due Wednesday 11-18.
    const hs = [holiday('2026-11-19', 'Off'), holiday('2026-11-20', 'Off')];
    const rc = ctx('2026-11-19', {}, hs);
    const c2 = customer({ birthday: { month: 11, day: 22 } });
    expect(birthdayItem(c2, factsFor(c2, null, [contact({ date: '2026-11-18' })], rc), rc)).toBeNull();
    expect(birthdayItem(c2, factsFor(c2, null, [contact({ date: '2026-11-17' })], rc), rc)).not.toBeNull();
    const p = plan({
      today: '2026-11-19',
      customers: [tiered('C', { birthday: { month: 11, day: 22 } })],
      holidays: hs,
    });
    expect(planOf(p, 'C1').items.find((i) => i.kind === 'birthday')!.due).toBe('2026-11-18');
  });

  test('in the plan a greeting on a weekend moves to the working day before', () => {
    // 2027-02-28 is a Sunday: greet on Friday 02-26.
    const p = plan({ today: '2027-02-25', customers: [tiered('C', { birthday: { month: 2, day: 29 } })] });
    const it = planOf(p, 'C1').items.find((i) => i.kind === 'birthday')!;
    expect([it.baseDue, it.due]).toEqual(['2027-02-28', '2027-02-26']);
  });
});

describe('purchase anniversary (docs/rules.md, Occasions)', () => {
  function ann(
    today: string,
    c: Customer,
    purchases: ReturnType<typeof purchase>[] | null = null,
    contacts: Contact[] = [],
  ) {
    const rc = ctx(today);
    return anniversaryItem(c, factsFor(c, purchases, contacts, rc), rc);
  }

  test('yearly on Customer since, same window as the birthday, with the number of years', () => {
    const c = customer({ customerSince: '2024-11-25' });
    expect(ann('2026-11-21', c)).toBeNull();
    const it = ann('2026-11-22', c)!;
    expect(it).toMatchObject({ kind: 'anniversary', due: '2026-11-25', channel: 'greeting', detail: { years: 2 } });
    expect(describeDue(it, 'en')).toBe('Purchase anniversary greeting (2 yr, Nov 25)');
    expect(describeDue(it, 'zh')).toBe('购买周年问候（2周年，11月25日）');
    expect(ann('2026-11-26', c)).toBeNull();
  });

  test('not in the first year', () => {
    expect(ann('2025-11-23', customer({ customerSince: '2025-11-25' }))).toBeNull();
    expect(ann('2026-11-23', customer({ customerSince: '2025-11-25' }))!.detail.years).toBe(1);
  });

  test('the first purchase in Purchases when Customer since is blank', () => {
    const c = customer();
    const it = ann('2026-11-23', c, [purchase({ date: '2026-03-01' }), purchase({ date: '2023-11-24' })])!;
    expect(it.due).toBe('2026-11-24');
    expect(it.detail.years).toBe(3);
    expect(ann('2026-11-23', c, [])).toBeNull();
  });

  test('done by a contact in the window', () => {
    expect(
      ann('2026-11-24', customer({ customerSince: '2024-11-25' }), null, [contact({ date: '2026-11-22' })]),
    ).toBeNull();
  });
});

describe('holiday greetings (docs/rules.md, Occasions)', () => {
  const xmas: Holiday[] = [holiday('2026-12-25', 'Christmas')];

  function hol(today: string, tier: Tier | null, contacts: Contact[] = [], holidays = xmas) {
    const rc = ctx(today, {}, holidays);
    const c = customer();
    return holidayItems(c, factsFor(c, null, contacts, rc), tier, activeHolidays(holidays, today), rc);
  }

  test('A and B get a greeting due 2 days before, shown from 7 days before until the holiday', () => {
    expect(hol('2026-12-17', 'A')).toEqual([]);
    const [it] = hol('2026-12-18', 'A');
    expect(it).toMatchObject({
      kind: 'holiday',
      due: '2026-12-23',
      baseDue: '2026-12-23',
      channel: 'greeting',
      detail: { holiday: 'Christmas' },
    });
    expect(describeDue(it, 'en')).toBe('Holiday greeting: Christmas');
    expect(hol('2026-12-25', 'B')).toHaveLength(1);
    expect(hol('2026-12-26', 'A')).toEqual([]);
    expect(hol('2026-12-20', 'C')).toEqual([]);
    expect(hol('2026-12-20', null)).toEqual([]);
  });

  test('done by a contact on or after the due date, not before', () => {
    expect(hol('2026-12-24', 'A', [contact({ date: '2026-12-23' })])).toEqual([]);
    expect(hol('2026-12-24', 'A', [contact({ date: '2026-12-22' })])).toHaveLength(1);
  });

  test('due on a weekend: greeted the Friday before, and a contact that Friday completes it', () => {
    // Holiday Monday 11-30: due Saturday 11-28 -> Friday 11-27.
    const hs = [holiday('2026-11-30', 'Founders Day')];
    const p = plan({ today: '2026-11-25', customers: [tiered('A')], holidays: hs });
    const it = planOf(p, 'C1').items.find((i) => i.kind === 'holiday')!;
    expect([it.baseDue, it.due]).toEqual(['2026-11-28', '2026-11-27']);
    expect(hol('2026-11-28', 'A', [contact({ date: '2026-11-27' })], hs)).toEqual([]);
  });

  test('a holiday listed one row per day gets one greeting; duplicate rows are merged', () => {
    const hs = [
      holiday('2027-02-06', '春节'),
      holiday('2027-02-07', '春节'),
      holiday('2027-02-08', '春节'),
      holiday('2027-02-06', '春节'),
      holiday('2027-02-09', 'Other'),
    ];
    const shown = activeHolidays(hs, '2027-02-03');
    expect(shown.map((h) => [h.date, h.name])).toEqual([
      ['2027-02-06', '春节'],
      ['2027-02-09', 'Other'],
    ]);
    const it = hol('2027-02-03', 'A', [], hs);
    expect(describeDue(it[0], 'zh')).toBe('节日问候：春节');
  });
});
