import { compareItems, describeDue, monthDayText, type DueItem } from '../../../src/core/rules/dueItem';

function item(over: Partial<DueItem>): DueItem {
  return {
    customerId: 'C1',
    kind: 'recurring',
    due: '2026-11-20',
    baseDue: '2026-11-20',
    channel: 'call',
    who: 'rep',
    detail: {},
    spreadable: false,
    ...over,
  };
}

describe('describeDue: the Follow-up text in en and zh', () => {
  const cases: Array<[Partial<DueItem>, string, string]> = [
    [
      { kind: 'thank-you', detail: { step: 1, day: 1, purchaseDate: '2026-11-20', product: 'Widget' } },
      'Thank-you call (purchase 2026-11-20)',
      '感谢电话（2026-11-20购买）',
    ],
    [
      {
        kind: 'post-sale-call',
        who: 'manager',
        detail: { step: 2, day: 3, purchaseDate: '2026-11-20', product: 'Widget' },
      },
      'Day-3 manager call after purchase of Widget on 2026-11-20',
      '购买Widget后第3天经理回访（2026-11-20）',
    ],
    [
      { kind: 'post-sale-call', detail: { step: 3, day: 7, purchaseDate: '2026-11-20' } },
      'Day-7 check-in call after purchase on 2026-11-20',
      '购买后第7天回访（2026-11-20）',
    ],
    [
      { kind: 'recurring', detail: { tier: 'B', everyDays: 30 } },
      'Keep in touch (B: every 30 days)',
      '保持联系（B类：每30天）',
    ],
    [
      { kind: 'visit', channel: 'visit', detail: { tier: 'A', everyDays: 30 } },
      'Visit (A: every 30 days)',
      '上门拜访（A类：每30天）',
    ],
    [
      { kind: 'birthday', channel: 'greeting', detail: { occasionDate: '2026-11-25' } },
      'Birthday greeting (Nov 25)',
      '生日祝福（11月25日）',
    ],
    [
      { kind: 'anniversary', channel: 'greeting', detail: { occasionDate: '2026-01-05', years: 3 } },
      'Purchase anniversary greeting (3 yr, Jan 5)',
      '购买周年问候（3周年，1月5日）',
    ],
    [
      { kind: 'holiday', channel: 'greeting', detail: { holiday: 'Spring Festival' } },
      'Holiday greeting: Spring Festival',
      '节日问候：Spring Festival',
    ],
    [
      { kind: 'complaint', due: '2026-11-23', detail: { complaintDate: '2026-11-18', size: 'Big' } },
      'Complaint (big) from 2026-11-18: resolve by 2026-11-23',
      '投诉（大）2026-11-18：须于2026-11-23前解决',
    ],
    [
      { kind: 'complaint-feedback', detail: { resolvedOn: '2026-11-20' } },
      'Feedback call after complaint resolved 2026-11-20',
      '投诉已于2026-11-20解决，回访征求意见',
    ],
    [
      { kind: 'next-step', detail: { nextStep: 'send price list' } },
      'Next step: send price list',
      '下一步：send price list',
    ],
  ];
  test.each(cases.map(([over, en, zh]) => [en, over, zh] as const))('%s', (en, over, zh) => {
    expect(describeDue(item(over), 'en')).toBe(en);
    expect(describeDue(item(over), 'zh')).toBe(zh);
  });

  test('customer text is not expanded as a placeholder', () => {
    expect(describeDue(item({ kind: 'next-step', detail: { nextStep: 'quote {date}' } }), 'en')).toBe(
      'Next step: quote {date}',
    );
  });

  test('monthDayText', () => {
    expect(monthDayText('2027-02-28', 'en')).toBe('Feb 28');
    expect(monthDayText('2027-12-01', 'zh')).toBe('12月1日');
  });
});

describe('compareItems', () => {
  test('due date first, then priority: complaints before next steps before post-sale before greetings before routine', () => {
    const items = [
      item({ kind: 'recurring', due: '2026-11-20' }),
      item({ kind: 'birthday', due: '2026-11-20' }),
      item({ kind: 'complaint', due: '2026-11-21' }),
      item({ kind: 'thank-you', due: '2026-11-20' }),
      item({ kind: 'next-step', due: '2026-11-20' }),
      item({ kind: 'complaint', due: '2026-11-20' }),
    ];
    expect(items.sort(compareItems).map((i) => `${i.due} ${i.kind}`)).toEqual([
      '2026-11-20 complaint',
      '2026-11-20 next-step',
      '2026-11-20 thank-you',
      '2026-11-20 birthday',
      '2026-11-20 recurring',
      '2026-11-21 complaint',
    ]);
  });
});
