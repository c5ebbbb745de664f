import { planNightly, type Plan, type PlanInput } from '../../src/core/plan';
import { addDays } from '../../src/core/dates';
import type { Contact, Customer, Purchase } from '../../src/core/model';
import { contact, customer, plan, planOf, purchase, settings, tiered, withProblem } from './fixtures';

const TODAY = '2026-11-20'; // a Friday

describe('planNightly: tiers', () => {
  const customers = () => [
    customer({ id: 'C1', row: 2, revenue: 8000, tierFromSheet: 'B' }),
    customer({ id: 'C2', row: 3, revenue: 1500, tierFromSheet: 'B' }),
    customer({ id: 'C3', row: 4, revenue: 500, tierFromSheet: 'C' }),
    customer({ id: 'C4', row: 5, revenue: null }),
  ];

  test('computed over the customers by revenue (no Purchases sheet: the Revenue column); changes counted', () => {
    const p = plan({ today: TODAY, customers: customers() });
    expect(p.customers.map((c) => [c.customerId, c.tier, c.previousTier, c.managed.tier])).toEqual([
      ['C1', 'A', 'B', 'A'],
      ['C2', 'B', 'B', 'B'],
      ['C3', 'C', 'C', 'C'],
      ['C4', null, null, ''],
    ]);
    expect(p.summary.tiersChanged).toBe(1);
  });

  test('with a Purchases sheet: revenue over the last revenueWindowDays (today and the 364 days before)', () => {
    const p = plan({
      today: TODAY,
      customers: [customer({ id: 'C1', row: 2, revenue: 1 }), customer({ id: 'C2', row: 3, revenue: 1_000_000 })],
      purchases: [
        purchase({ customerId: 'C1', date: addDays(TODAY, -364), amount: 900 }),
        purchase({ customerId: 'C2', date: addDays(TODAY, -365), amount: 5000 }), // outside the window
        purchase({ customerId: 'C2', date: '2026-11-01', amount: 100 }),
      ],
    });
    // 900 against 100 (the 5,000 is 365 days old): C1 is A and C2, after 90 %, is B.
    expect(p.customers.map((c) => c.tier)).toEqual(['A', 'B']);
  });

  test("a Tier formula is the user's: its value is kept and not counted as a change", () => {
    const cs = customers();
    cs[2] = { ...cs[2], tierIsFormula: true, tierFromSheet: 'A' };
    const p = plan({ today: TODAY, customers: cs });
    expect(planOf(p, 'C3')).toMatchObject({ tier: 'A', previousTier: 'A', managed: { tier: 'A' } });
    expect(p.summary.tiersChanged).toBe(1);
    // ... and its tier decides the cadence.
    expect(planOf(p, 'C3').items.find((i) => i.kind === 'recurring')!.detail.tier).toBe('A');
  });

  test('an unreadable Revenue leaves that customer out of the tiers; another bad cell does not', () => {
    const cs = customers();
    cs[0] = withProblem(cs[0], 'revenue', 'Revenue: "8k" is not a number');
    const p = plan({ today: TODAY, customers: cs });
    // Without C1's 8,000, C3 (500 after 1,500 of 2,000) is within the first 80 %.
    expect(p.customers.map((c) => c.tier)).toEqual([null, 'A', 'A', null]);
    // ... and it is kept in touch at the C cadence, and its note says so.
    expect(planOf(p, 'C1').items.find((i) => i.kind === 'recurring')!.detail.everyDays).toBe(
      settings().contactEveryDays.C,
    );
    expect(planOf(p, 'C1').managed.notes).toBe(
      'Revenue: "8k" is not a number: no tier; kept in touch at the C cadence',
    );
    const named = customers();
    named[0] = withProblem(named[0], 'name', 'Name is blank');
    expect(plan({ today: TODAY, customers: named }).customers.map((c) => c.tier)).toEqual(['A', 'B', 'C', null]);
  });
});

describe('planNightly: team mode (onlyOwner)', () => {
  test("plans only the owner's rows (case-insensitive) while tiers are computed over everyone", () => {
    const p = plan({
      today: TODAY,
      onlyOwner: 'Rep@Example.com',
      customers: [
        customer({ id: 'C1', row: 2, owner: 'other@example.com', revenue: 10000 }),
        customer({ id: 'C2', row: 3, owner: ' rep@example.COM ', revenue: 100 }),
        customer({ id: 'C3', row: 4, owner: '', revenue: 50 }),
      ],
      purchases: null,
    });
    expect(p.customers.map((c) => c.customerId)).toEqual(['C2']);
    expect(planOf(p, 'C2').tier).toBe('C'); // over all three, C2 is small
    expect(p.summary.customers).toBe(1);
  });

  test('drafts, visits and row problems of other owners are not in the plan', () => {
    const p = plan({
      today: TODAY,
      onlyOwner: 'rep@example.com',
      customers: [
        tiered('A', { id: 'C1', row: 2, owner: 'other@example.com' }),
        tiered('A', { id: 'C2', row: 3, owner: 'rep@example.com' }),
      ],
      purchases: [
        purchase({ customerId: 'C1', date: TODAY }),
        purchase({ customerId: 'C2', date: TODAY }),
        purchase({ customerId: 'C1', date: '2026-12-01', row: 90 }),
        purchase({ customerId: 'C9', date: TODAY, row: 91 }),
      ],
    });
    expect(p.drafts.map((d) => d.customerId)).toEqual(['C2']);
    expect(p.visits.map((v) => v.customerId)).toEqual(['C2']);
    expect(p.problems.map((x) => x.row)).toEqual([91]); // unknown ID: everyone's; C1's future row: not ours
  });
});

describe('planNightly: thank-you drafts (docs/rules.md, Drafts)', () => {
  function drafts(purchases: Purchase[] | null, cust: Customer = customer(), over: Partial<PlanInput> = {}): Plan {
    return plan({ today: TODAY, customers: [cust], purchases, ...over });
  }

  test('window: today and today-2 included, today-3 not; a future purchase is a problem and ignored', () => {
    const p = drafts([
      purchase({ row: 2, date: TODAY }),
      purchase({ row: 3, date: '2026-11-18' }),
      purchase({ row: 4, date: '2026-11-17' }),
      purchase({ row: 5, date: '2026-11-21' }),
    ]);
    expect(p.drafts.map((d) => [d.purchaseRow, d.purchaseDate])).toEqual([
      [3, '2026-11-18'],
      [2, TODAY],
    ]);
    expect(p.problems).toEqual([{ sheet: 'Purchases', row: 5, message: 'Date 2026-11-21 is in the future' }]);
    expect(p.skipped).toEqual([
      { sheet: 'Purchases', row: 5, customerId: 'C1', what: 'row', reason: 'Date 2026-11-21 is in the future' },
    ]);
    expect(planOf(p, 'C1').managed.notes).toBe('Purchases row 5: Date 2026-11-21 is in the future');
  });

  test('a draft need carries what the template needs and a stable key', () => {
    const p = drafts(
      [purchase({ row: 7, date: TODAY, amount: 1200, product: 'Widget' })],
      customer({ row: 4, language: 'zh', email: ' ann@example.com ' }),
    );
    expect(p.drafts).toEqual([
      {
        key: 'C1|2026-11-20|1200|Widget',
        customerId: 'C1',
        purchaseRow: 7,
        customerRow: 4,
        purchaseDate: TODAY,
        amount: 1200,
        product: 'Widget',
        email: 'ann@example.com',
        language: 'zh',
      },
    ]);
    expect(drafts([purchase({ date: TODAY })], customer(), { lang: 'zh' }).drafts[0].language).toBe('zh');
    expect(drafts([purchase({ date: TODAY })]).drafts[0].language).toBe('en');
  });

  test('duplicate identical purchases get distinct keys, by row order', () => {
    const p = drafts([
      purchase({ row: 9, date: TODAY }),
      purchase({ row: 8, date: TODAY }),
      purchase({ row: 10, date: TODAY, amount: 5 }),
    ]);
    expect(p.drafts.map((d) => [d.purchaseRow, d.key])).toEqual([
      [8, 'C1|2026-11-20|1200|Widget'],
      [9, 'C1|2026-11-20|1200|Widget#2'],
      [10, 'C1|2026-11-20|5|Widget'],
    ]);
  });

  test('no draft when one was made, below the minimum, or for Prospect / Do not contact / Lost', () => {
    expect(drafts([purchase({ date: TODAY, thankYouDraft: '2026-11-20 r-123' })]).drafts).toEqual([]);
    expect(
      drafts([purchase({ date: TODAY, amount: 50 })], customer(), { settings: settings({ minFollowUpAmount: 100 }) })
        .drafts,
    ).toEqual([]);
    for (const status of ['Prospect', 'Do not contact', 'Lost'] as const)
      expect(drafts([purchase({ date: TODAY })], customer({ status })).drafts).toEqual([]);
  });

  test('no email: skipped with the reason, which also goes to the notes', () => {
    const p = drafts([purchase({ date: TODAY })], customer({ row: 6, email: '' }));
    expect(p.drafts).toEqual([]);
    expect(p.skipped).toEqual([
      {
        sheet: 'Customers',
        row: 6,
        customerId: 'C1',
        what: 'draft',
        reason: 'No email: no thank-you draft for the purchase of 2026-11-20',
      },
    ]);
    expect(planOf(p, 'C1').managed.notes).toBe('No email: no thank-you draft for the purchase of 2026-11-20');
    const bad = drafts([purchase({ date: TODAY })], customer({ email: 'bob@' }));
    expect(bad.skipped[0].reason).toBe('Email "bob@" is not valid: no thank-you draft for the purchase of 2026-11-20');
  });

  test('without a Purchases sheet: the Last purchase, unless the thank-you cell names that date', () => {
    const c = customer({ lastPurchase: '2026-11-19', lastPurchaseAmount: 300 });
    expect(drafts(null, c).drafts).toMatchObject([
      { key: 'C1|2026-11-19|300|', purchaseRow: null, purchaseDate: '2026-11-19', amount: 300 },
    ]);
    expect(drafts(null, { ...c, thankYouDraft: 'Draft 2026-11-19 (r-1)' }).drafts).toEqual([]);
    expect(drafts(null, { ...c, thankYouDraft: 'Draft 2026-10-01 (r-0)' }).drafts).toHaveLength(1);
    expect(drafts(null, { ...c, lastPurchase: '2026-11-17' }).drafts).toEqual([]);
  });

  test('snooze does not stop a draft', () => {
    expect(drafts([purchase({ date: TODAY })], customer({ snoozeUntil: '2026-12-31' })).drafts).toHaveLength(1);
  });
});

describe('planNightly: bad rows', () => {
  test('a blank name and an unreadable birthday: tier and items as usual, no draft or visit; each note says what it costs', () => {
    let bad = tiered('A', { id: 'C1', row: 3 });
    bad = withProblem(bad, 'name', 'Name is blank');
    bad = withProblem(bad, 'birthday', 'Birthday: "31/31" is not a real date');
    const p = plan({ today: TODAY, customers: [bad], purchases: [purchase({ date: TODAY })] });
    const cp = planOf(p, 'C1');
    expect(cp.tier).toBe('A');
    expect(cp.excluded).toBeUndefined();
    // Its purchase today still starts the post-sale steps; the visit is still shown as due.
    expect(cp.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['thank-you', 'visit', 'recurring']));
    expect(cp.managed).toMatchObject({
      tier: 'A',
      nextFollowUp: TODAY,
      notes: 'Name is blank: no draft or visit event; Birthday: "31/31" is not a real date: treated as blank',
    });
    expect(p.drafts).toEqual([]);
    expect(p.visits).toEqual([]);
    expect(p.skipped.map((s) => [s.sheet, s.row, s.what, s.reason])).toEqual([
      ['Customers', 3, 'draft', `Name is blank: no thank-you draft for the purchase of ${TODAY}`],
      ['Customers', 3, 'visit', 'Name is blank: no visit event'],
    ]);
    // Each problem is reported by its cell.
    expect(p.problems.map((x) => [x.sheet, x.row, x.column, x.message])).toEqual([
      ['Customers', 3, 'name', 'Name is blank'],
      ['Customers', 3, 'birthday', 'Birthday: "31/31" is not a real date'],
    ]);
    expect(p.summary.withProblems).toBe(1);
  });

  test('purchases and contacts with problems or unknown IDs are ignored, each with a skip and a problem', () => {
    const p = plan({
      today: TODAY,
      customers: [tiered('C', { lastContact: '2026-11-01' })],
      purchases: [
        purchase({ row: 2, date: TODAY, problems: ['Amount "abc" is not a number'] }),
        purchase({ row: 3, customerId: 'C404', date: TODAY }),
      ],
      contacts: [
        contact({ row: 5, date: '2026-11-19', problems: ['Type "Fax" is not known'] }),
        contact({ row: 6, customerId: 'C404' }),
      ],
    });
    expect(p.problems).toEqual([
      { sheet: 'Purchases', row: 2, message: 'Amount "abc" is not a number' },
      { sheet: 'Purchases', row: 3, message: 'Customer ID "C404" is not in Customers' },
      { sheet: 'Contact log', row: 5, message: 'Type "Fax" is not known' },
      { sheet: 'Contact log', row: 6, message: 'Customer ID "C404" is not in Customers' },
    ]);
    expect(p.skipped.map((s) => [s.sheet, s.row, s.what, s.customerId])).toEqual([
      ['Purchases', 2, 'row', 'C1'],
      ['Purchases', 3, 'row', undefined],
      ['Contact log', 5, 'row', 'C1'],
      ['Contact log', 6, 'row', undefined],
    ]);
    expect(p.drafts).toEqual([]);
    const cp = planOf(p, 'C1');
    expect(cp.managed.notes).toBe(
      'Purchases row 2: Amount "abc" is not a number; Contact log row 5: Type "Fax" is not known',
    );
    // The ignored contact does not restart the clock: 11-01 + 60.
    expect(cp.next!.baseDue).toBe('2026-12-31');
  });
});

describe('planNightly: managed values', () => {
  test('next follow-up, days to due (negative = overdue) and the text with the count of other due items', () => {
    const p = plan({
      today: TODAY,
      customers: [tiered('C', { lastContact: '2026-09-01', customerSince: '2020-01-01' })],
      contacts: [
        contact({ date: '2026-09-01', nextStep: 'send price list', nextStepDate: '2026-11-18' }),
        contact({ date: '2026-11-16', type: 'Complaint' }),
      ],
    });
    const cp = planOf(p, 'C1');
    // The complaint (11-16) also restarted the clock: recurring 11-16 + 60. The next step was done by it.
    expect(cp.items.map((i) => i.kind)).toEqual(['complaint', 'recurring']);
    expect(cp.managed).toEqual({
      tier: 'C',
      nextFollowUp: '2026-11-16',
      followUp: 'Complaint (small) from 2026-11-16: resolve by 2026-11-16',
      daysToDue: -4,
      notes: '',
    });
  });

  test('(+N more) counts the other items due today or before; zh text', () => {
    const input = {
      today: TODAY,
      customers: [tiered('C', { lastContact: '2026-09-01' })],
      contacts: [
        contact({ date: '2026-09-01', type: 'Complaint', complaintSize: 'Big' as const }),
        contact({ date: '2026-09-01', row: 99, nextStep: 'quote', nextStepDate: '2026-12-01' }),
      ],
    };
    const en = planOf(plan(input), 'C1');
    expect(en.items.map((i) => [i.kind, i.due])).toEqual([
      ['complaint', '2026-09-04'],
      ['recurring', '2026-11-02'],
      ['next-step', '2026-12-01'],
    ]);
    expect(en.managed.followUp).toBe('Complaint (big) from 2026-09-01: resolve by 2026-09-04 (+1 more)');
    const zh = planOf(plan({ ...input, lang: 'zh' }), 'C1');
    expect(zh.managed.followUp).toBe('投诉（大）2026-09-01：须于2026-09-04前解决（另有1项）');
  });

  test('summary counts', () => {
    const p = plan({
      today: TODAY,
      customers: [
        tiered('A', { id: 'C1', row: 2, lastContact: '2026-11-06', customerSince: '2026-11-01' }), // recurring today, visit 12-01
        tiered('B', { id: 'C2', row: 3, lastContact: '2026-10-01' }), // recurring 10-31 -> 11-02 overdue, visit today (no base)
        tiered('C', { id: 'C3', row: 4, lastContact: '2026-11-19' }), // recurring in January
        // A blank name costs its drafts and events only: its recurring contact (no base: today) is counted.
        withProblem(customer({ id: 'C4', row: 5, lastContact: '2026-11-19' }), 'name', 'Name is blank'),
      ],
    });
    expect(p.summary.customers).toBe(4);
    expect(p.summary.withProblems).toBe(1);
    expect(p.summary.due.recurring).toBe(2);
    expect(p.summary.due.visit).toBe(1);
    expect(p.summary.dueByTier).toEqual({ A: 1, B: 2, C: 0 });
    expect(p.summary.overdue).toBe(1);
    expect(p.summary.dueToday).toBe(2);
  });
});

describe('planNightly: determinism', () => {
  function shuffled<T>(xs: T[], seed: number): T[] {
    const a = xs.slice();
    let s = seed;
    for (let i = a.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  test('the same rows in any order give the identical plan', () => {
    const customers: Customer[] = [];
    const purchases: Purchase[] = [];
    const contacts: Contact[] = [];
    for (let i = 0; i < 60; i++) {
      const id = `C${String(i).padStart(3, '0')}`;
      customers.push(
        customer({
          id,
          row: i + 2,
          revenue: (i * 37) % 11,
          birthday: { month: 11, day: 20 + (i % 5) },
          customerSince: `20${10 + (i % 10)}-11-2${i % 4}`,
        }),
      );
      purchases.push(purchase({ row: 2 * i + 2, customerId: id, date: addDays(TODAY, -(i % 9)), amount: i * 10 }));
      purchases.push(purchase({ row: 2 * i + 3, customerId: id, date: addDays(TODAY, -(i % 9)), amount: i * 10 }));
      contacts.push(
        contact({
          row: i + 2,
          customerId: id,
          date: addDays(TODAY, -(i % 40)),
          type: i % 7 === 0 ? 'Complaint' : 'Visit',
          nextStep: 'x',
          nextStepDate: addDays(TODAY, i % 3),
        }),
      );
    }
    const input: PlanInput = {
      today: TODAY,
      settings: settings({ maxFollowUpsPerDay: 3 }),
      lang: 'en',
      customers,
      purchases,
      contacts,
      holidays: [{ date: '2026-11-26', name: 'T' }],
    };
    const a = JSON.stringify(planNightly(input));
    const b = JSON.stringify(
      planNightly({
        ...input,
        customers: shuffled(customers, 7),
        purchases: shuffled(purchases, 11),
        contacts: shuffled(contacts, 13),
      }),
    );
    expect(b).toBe(a);
    expect(JSON.stringify(planNightly(input))).toBe(a);
  });

  test('the input is not changed', () => {
    const input: PlanInput = {
      today: TODAY,
      settings: settings(),
      lang: 'en',
      customers: [tiered('A', { lastContact: '2026-09-01' })],
      purchases: [purchase({ date: TODAY })],
      contacts: [contact({ date: '2026-11-01' })],
      holidays: [],
    };
    const before = JSON.stringify(input);
    planNightly(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('planNightly at scale', () => {
  test('100,000 customers, 200,000 purchases, 100,000 contacts: completes and the counts add up', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const N = 100_000;
    const customers: Customer[] = [];
    for (let i = 0; i < N; i++) {
      const c: Customer = {
        ...customer({ id: `C${i}`, row: i + 2 }),
        owner: i % 2 ? 'a@x.com' : 'b@x.com',
        birthday: i % 3 ? { month: 1 + rnd(12), day: 1 + rnd(28) } : null,
        customerSince: i % 4 ? addDays(TODAY, -rnd(3000)) : null,
        status: i % 50 === 0 ? 'Lost' : i % 40 === 0 ? 'Prospect' : 'Active',
        snoozeUntil: i % 97 === 0 ? addDays(TODAY, rnd(30)) : null,
      };
      customers.push(i % 1000 === 0 ? withProblem(c, 'name', 'Name is blank') : c);
    }
    const purchases: Purchase[] = [];
    for (let i = 0; i < 2 * N; i++)
      purchases.push(
        purchase({ row: i + 2, customerId: `C${rnd(N)}`, date: addDays(TODAY, -rnd(700)), amount: 1 + rnd(5000) }),
      );
    const contacts: Contact[] = [];
    for (let i = 0; i < N; i++) {
      contacts.push(
        contact({
          row: i + 2,
          customerId: `C${rnd(N)}`,
          date: addDays(TODAY, -rnd(200)),
          type: (['Call', 'Visit', 'Email', 'Complaint'] as const)[rnd(4)],
          resolvedOn: i % 2 ? addDays(TODAY, -rnd(10)) : null,
          nextStepDate: i % 5 === 0 ? addDays(TODAY, rnd(20)) : null,
        }),
      );
    }
    const p = planNightly({
      today: TODAY,
      settings: settings(),
      lang: 'en',
      customers,
      purchases,
      contacts,
      holidays: [{ date: '2026-12-25', name: 'Christmas' }],
    });

    expect(p.customers).toHaveLength(N);
    expect(p.summary.withProblems).toBe(N / 1000);
    const tiers: Record<string, number> = { A: 0, B: 0, C: 0, none: 0 };
    for (const c of p.customers) tiers[c.tier ?? 'none']++;
    // A blank name costs no tier (revenue comes from Purchases): every customer is tiered.
    expect(tiers.none).toBe(0);
    expect(tiers.A + tiers.B + tiers.C).toBe(N);
    // ... but it costs every draft and visit of those customers.
    const nameless = new Set(customers.filter((c) => c.name === '').map((c) => c.id));
    expect(nameless.size).toBe(N / 1000);
    expect(p.drafts.filter((d) => nameless.has(d.customerId))).toEqual([]);
    expect(p.visits.filter((v) => nameless.has(v.customerId))).toEqual([]);
    // Every planned active customer has a next follow-up (at least the recurring contact).
    for (const c of p.customers) {
      if (c.excluded === undefined) {
        expect(c.next).not.toBeNull();
        expect(c.managed.nextFollowUp).toBe(c.next!.due);
      } else expect(c.items).toHaveLength(0);
    }
    const dueNow = Object.values(p.summary.due).reduce((a, b) => a + b, 0);
    expect(dueNow).toBe(p.summary.overdue + p.summary.dueToday);
    let counted = 0;
    for (const c of p.customers) for (const it of c.items) if (it.due <= TODAY) counted++;
    expect(counted).toBe(dueNow);
    // Load spreading held: no future day has more than 20 recurring items.
    const perDay = new Map<string, number>();
    for (const c of p.customers)
      for (const it of c.items)
        if (it.kind === 'recurring' && it.due > TODAY) perDay.set(it.due, (perDay.get(it.due) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(20);
    expect(p.drafts.length).toBeGreaterThan(0);
    expect(new Set(p.drafts.map((d) => d.key)).size).toBe(p.drafts.length);
  });
});

describe('planNightly: Chinese', () => {
  test("notes, reasons and follow-up texts in the user's language", () => {
    const p = plan({
      today: TODAY,
      lang: 'zh',
      customers: [
        tiered('A', { email: '', lastContact: '2026-11-10', customerSince: '2026-11-01' }),
        customer({ id: 'C2', row: 50, status: 'Lost' }),
      ],
      purchases: [
        purchase({ row: 3, date: TODAY }),
        purchase({ row: 4, date: TODAY, problems: ['金额“abc”不是数字'] }),
        purchase({ row: 5, customerId: 'C2', date: '2026-11-25' }),
      ],
    });
    const cp = planOf(p, 'C1');
    expect(cp.managed.notes).toBe('购买记录第4行：金额“abc”不是数字; 没有邮箱：2026-11-20的购买无法生成感谢信草稿');
    expect(cp.managed.followUp).toBe('感谢电话（2026-11-20购买）');
    expect(planOf(p, 'C2').excluded).toBe('状态为"已流失"：不安排跟进');
    expect(p.problems.find((x) => x.row === 5)!.message).toBe('日期2026-11-25晚于今天');
  });
});
