import { capText, visitDescription, visitEventResource, visitTitle, type VisitFacts } from '../../src/core/visitEvent';
import { formatAmount } from '../../src/core/amount';

function facts(over: Partial<VisitFacts> = {}, customer: Partial<VisitFacts['customer']> = {}): VisitFacts {
  return {
    customer: {
      id: 'C0042',
      name: 'Bob Smith',
      company: 'Acme Ltd',
      address: '12 High St, Leeds',
      phone: '+44 113 496 0000',
      email: 'bob@acme.example',
      ...customer,
    },
    tier: 'A',
    lastPurchase: '2026-10-02',
    lastPurchaseAmount: 12500,
    lastPurchaseProduct: 'X200 printer',
    lastContact: '2026-10-20',
    lastContactNotes: 'Asked about the toner subscription',
    openComplaints: [],
    rowUrl: 'https://docs.google.com/spreadsheets/d/SHEET/edit#gid=0&range=A7',
    dueDate: '2026-11-17',
    ...over,
  };
}

describe('visitTitle', () => {
  it('en with and without company', () => {
    expect(visitTitle(facts(), 'en')).toBe('Visit: Bob Smith · Acme Ltd');
    expect(visitTitle(facts({}, { company: '' }), 'en')).toBe('Visit: Bob Smith');
    expect(visitTitle(facts({}, { company: '   ' }), 'en')).toBe('Visit: Bob Smith');
  });
  it('zh with and without company', () => {
    const f = facts({}, { name: '王伟', company: '华南贸易有限公司' });
    expect(visitTitle(f, 'zh')).toBe('拜访：王伟 · 华南贸易有限公司');
    expect(visitTitle(facts({}, { name: '王伟', company: '' }), 'zh')).toBe('拜访：王伟');
  });
  it('falls back on the company, then the ID; keeps one line', () => {
    expect(visitTitle(facts({}, { name: '' }), 'en')).toBe('Visit: Acme Ltd');
    expect(visitTitle(facts({}, { name: '', company: '' }), 'en')).toBe('Visit: C0042');
    expect(visitTitle(facts({}, { name: 'Bob\nSmith' }), 'en')).toBe('Visit: Bob Smith · Acme Ltd');
  });
  it('keeps customer text as given (no escaping, no markup)', () => {
    expect(visitTitle(facts({}, { name: '<b>Bob</b> & Co' }), 'en')).toBe('Visit: <b>Bob</b> & Co · Acme Ltd');
  });
});

describe('visitDescription', () => {
  it('en: facts, checklist, phone, link, and the last line', () => {
    const d = visitDescription(facts(), 'en');
    const lines = d.split('\n');
    expect(lines).toContain('Tier: A');
    expect(lines).toContain('Visit due: 2026-11-17');
    expect(lines).toContain('Last purchase: 2026-10-02 · 12,500 · X200 printer');
    expect(lines).toContain('Last contact: 2026-10-20');
    expect(d).toContain('Notes: Asked about the toner subscription');
    expect(lines).toContain('Open complaints: none');
    expect(lines).toContain('Phone: +44 113 496 0000');
    expect(lines).toContain('Before the visit, prepare:');
    for (const item of [
      'Purpose of the visit',
      'Time agreed with the customer',
      'Likely questions and answers',
      'Competitor information',
      'A small gift',
      'Product material',
      'Business cards',
      'Contract',
    ]) {
      expect(lines).toContain('• ' + item);
    }
    expect(lines).toContain('During the visit, learn:');
    for (const item of [
      'Their business: how it is going',
      'Their credit',
      'New products they are developing',
      'How we compare with competitors',
      'What we should improve',
    ]) {
      expect(lines).toContain('• ' + item);
    }
    expect(lines).toContain('Customer row: https://docs.google.com/spreadsheets/d/SHEET/edit#gid=0&range=A7');
    expect(lines[lines.length - 1]).toBe('Made by Retain');
    // The prepare list comes before the learn list.
    expect(d.indexOf('Before the visit')).toBeLessThan(d.indexOf('During the visit'));
  });

  it('zh: the seeds’ wording', () => {
    const d = visitDescription(facts(), 'zh');
    const lines = d.split('\n');
    expect(lines).toContain('客户等级：A');
    expect(lines).toContain('最近购买：2026-10-02 · 12,500 · X200 printer');
    expect(lines).toContain('最近联系：2026-10-20');
    expect(lines).toContain('未解决的投诉：无');
    expect(lines).toContain('电话：+44 113 496 0000');
    expect(lines).toContain('拜访前准备：');
    for (const item of [
      '拜访目的',
      '拜访时间预设',
      '可能遇到的问题准备',
      '竞品信息',
      '小礼品',
      '产品资料',
      '名片',
      '合同',
    ]) {
      expect(lines).toContain('• ' + item);
    }
    expect(lines).toContain('拜访时了解：');
    for (const item of ['客户的经营状况', '客户的信用状况', '客户是否在开发新产品', '哪些地方需要改进']) {
      expect(lines).toContain('• ' + item);
    }
    expect(d).toContain('https://docs.google.com/spreadsheets/d/SHEET/edit#gid=0&range=A7');
    expect(lines[lines.length - 1]).toBe('由 Retain 创建');
    expect(d).not.toMatch(/Tier|Before|Made by/);
  });

  it('lists open complaints oldest first with date, size and notes', () => {
    const f = facts({
      openComplaints: [
        { date: '2026-11-05', size: 'Small', notes: 'Invoice address wrong' },
        { date: '2026-10-30', size: 'Big', notes: 'Printer jams daily' },
      ],
    });
    const en = visitDescription(f, 'en');
    expect(en).toContain('Open complaints (2):');
    expect(en).toContain('2026-10-30 (Big): Printer jams daily');
    expect(en).toContain('2026-11-05 (Small): Invoice address wrong');
    expect(en.indexOf('2026-10-30')).toBeLessThan(en.indexOf('2026-11-05'));
    expect(en).not.toContain('Open complaints: none');
    const zh = visitDescription(f, 'zh');
    expect(zh).toContain('未解决的投诉（2）：');
    expect(zh).toContain('2026-10-30（大）：Printer jams daily');
    expect(zh).toContain('2026-11-05（小）：Invoice address wrong');
  });

  it('summarises a long list of complaints', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({
      date: `2026-10-${String(i + 10)}`,
      size: 'Small' as const,
      notes: `n${i}`,
    }));
    const d = visitDescription(facts({ openComplaints: many }), 'en');
    expect(d).toContain('Open complaints (13):');
    expect(d).toContain('2026-10-19 (Small): n9');
    expect(d).not.toContain('n10');
    expect(d).toContain('… and 3 more');
  });

  it('blank facts read as none, and blank lines are left out', () => {
    const f = facts(
      {
        lastPurchase: null,
        lastPurchaseAmount: null,
        lastPurchaseProduct: undefined,
        lastContact: null,
        lastContactNotes: '',
        rowUrl: '',
      },
      { phone: '' },
    );
    const lines = visitDescription(f, 'en').split('\n');
    expect(lines).toContain('Last purchase: none');
    expect(lines).toContain('Last contact: none');
    expect(lines.some((l) => l.includes('Notes:'))).toBe(false);
    expect(lines.some((l) => l.startsWith('Phone:'))).toBe(false);
    expect(lines.some((l) => l.startsWith('Customer row:'))).toBe(false);
    expect(lines[lines.length - 1]).toBe('Made by Retain');
    expect(visitDescription(f, 'zh')).toContain('最近购买：无');
  });

  it('last purchase without an amount or product shows what there is', () => {
    expect(visitDescription(facts({ lastPurchaseAmount: null, lastPurchaseProduct: '' }), 'en')).toContain(
      'Last purchase: 2026-10-02\n',
    );
    expect(visitDescription(facts({ lastPurchaseAmount: 99.5 }), 'en')).toContain(
      'Last purchase: 2026-10-02 · 99.50 · X200 printer',
    );
  });

  it('caps very long notes at 500 characters with an ellipsis', () => {
    const long = 'x'.repeat(2000);
    const d = visitDescription(
      facts({ lastContactNotes: long, openComplaints: [{ date: '2026-11-01', size: 'Big', notes: long }] }),
      'en',
    );
    expect(d).toContain('Notes: ' + 'x'.repeat(499) + '…');
    expect(d).not.toContain('x'.repeat(500));
    expect(d.length).toBeLessThan(2500);
  });

  it('keeps customer text as given, multi-line notes indented', () => {
    const d = visitDescription(facts({ lastContactNotes: 'Wants <a href="x">demo</a> & price\r\nCall after 3' }), 'en');
    expect(d).toContain('Notes: Wants <a href="x">demo</a> & price\n    Call after 3');
  });
});

describe('capText / formatAmount', () => {
  it('caps by code point, never splitting an emoji', () => {
    expect(capText('abc', 5)).toBe('abc');
    expect(capText('abcdef', 5)).toBe('abcd…');
    expect(capText('😀😀😀😀😀😀', 3)).toBe('😀😀…');
  });
  it('groups thousands and shows cents only when there are any', () => {
    expect(formatAmount(0)).toBe('0');
    expect(formatAmount(999)).toBe('999');
    expect(formatAmount(1200)).toBe('1,200');
    expect(formatAmount(1234567.891)).toBe('1,234,567.89');
    expect(formatAmount(-5000)).toBe('-5,000');
  });
});

describe('visitEventResource', () => {
  const keys = { key: 'C0042|2026-11-17', spreadsheetId: 'SHEET123' };
  const slot = { date: '2026-11-17', start: '09:00', end: '10:00' };

  it('is a Calendar v3 event with local times, the zone, and private keys', () => {
    const r = visitEventResource(facts(), slot, 'Asia/Shanghai', 'en', keys);
    expect(r).toEqual({
      summary: 'Visit: Bob Smith · Acme Ltd',
      location: '12 High St, Leeds',
      description: visitDescription(facts(), 'en'),
      start: { dateTime: '2026-11-17T09:00:00', timeZone: 'Asia/Shanghai' },
      end: { dateTime: '2026-11-17T10:00:00', timeZone: 'Asia/Shanghai' },
      extendedProperties: {
        private: { retainKey: 'C0042|2026-11-17', retainSheet: 'SHEET123', retainCustomer: 'C0042' },
      },
      reminders: { useDefault: true },
    });
  });

  it('has no offset in dateTime and no attendees', () => {
    const r = visitEventResource(facts(), slot, 'Europe/London', 'zh', keys) as unknown as Record<string, unknown>;
    const start = r.start as { dateTime: string };
    const end = r.end as { dateTime: string };
    expect(start.dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
    expect(end.dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
    expect(start.dateTime).not.toMatch(/Z|[+-]\d{2}:\d{2}$/);
    expect(r).not.toHaveProperty('attendees');
    expect(r.summary).toBe('拜访：Bob Smith · Acme Ltd');
    expect(String(r.description)).toContain('由 Retain 创建');
  });

  it('a visit ending at 24:00 ends at 00:00 the next day', () => {
    const r = visitEventResource(facts(), { date: '2026-12-31', start: '23:00', end: '24:00' }, 'UTC', 'en', keys);
    expect(r.start.dateTime).toBe('2026-12-31T23:00:00');
    expect(r.end.dateTime).toBe('2027-01-01T00:00:00');
  });

  it('leaves location out when the address is blank', () => {
    const r = visitEventResource(facts({}, { address: ' ' }), slot, 'UTC', 'en', keys);
    expect(r).not.toHaveProperty('location');
  });

  it('rejects a malformed slot or a missing zone', () => {
    expect(() => visitEventResource(facts(), { ...slot, date: '2026-13-01' }, 'UTC', 'en', keys)).toThrow();
    expect(() => visitEventResource(facts(), { ...slot, end: '09:00' }, 'UTC', 'en', keys)).toThrow();
    expect(() => visitEventResource(facts(), { ...slot, start: '9am' }, 'UTC', 'en', keys)).toThrow();
    expect(() => visitEventResource(facts(), slot, '', 'en', keys)).toThrow();
  });
});
