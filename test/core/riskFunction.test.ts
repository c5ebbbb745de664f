import type { CellContext } from '../../src/core/customArgs';
import { addDays } from '../../src/core/dates';
import { retainRisk } from '../../src/core/riskFunction';

const col = (...cells: unknown[]) => cells.map((c) => [c]);
let todayAsked = 0;
const ctx = (lang: 'en' | 'zh' = 'en', today = '2026-11-16'): CellContext => ({
  lang,
  today: () => {
    todayAsked++;
    return today;
  },
  // Date cells are midnight UTC here.
  toCalDate: (d: Date) => d.toISOString().slice(0, 10),
});
const D = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ago = (n: number) => addDays('2026-11-16', -n);

describe('RETAIN_RISK', () => {
  // C1 buys every 30 days, last 75 days ago; C2 every 30, last 10 days ago; C3 never.
  const ids = col('C1', 'C2', '', 'C3', 1001);
  const pIds: unknown[][] = [];
  const pDates: unknown[][] = [];
  const add = (id: unknown, date: unknown) => {
    pIds.push([id]);
    pDates.push([date]);
  };
  for (const n of [135, 105, 75]) add('C1', D(ago(n)));
  for (const n of [70, 40, 10]) add(' C2 ', ago(n)); // typed dates, a stray space in the ID
  for (const n of [200, 100, 3]) add(1001, D(ago(n))); // numeric IDs match numeric IDs
  add('', D(ago(1)));
  add('C9', D(ago(1)));
  add('C2', '');

  it('answers one cell per customer: blank when fine, else days overdue and the rhythm', () => {
    expect(retainRisk(ids, pIds, pDates, '', '', ctx())).toEqual([
      ['15 d overdue: 75 d since, usually 30 d'],
      [''],
      [''],
      [''],
      [''],
    ]);
  });

  it('speaks the spreadsheet language', () => {
    expect(retainRisk(ids, pIds, pDates, undefined, undefined, ctx('zh'))[0][0]).toBe(
      '逾期15天：已75天未购，通常每30天',
    );
  });

  it('takes a factor and a today', () => {
    // factor 3: 75 days is not past 90.
    expect(retainRisk(ids, pIds, pDates, 3, '', ctx())[0][0]).toBe('');
    expect(retainRisk(ids, pIds, pDates, '2.5', '', ctx())[0][0]).toBe('');
    // Looked at 20 days earlier, C1 was 55 days since: fine.
    expect(retainRisk(ids, pIds, pDates, 2, ago(20), ctx())[0][0]).toBe('');
    expect(retainRisk(ids, pIds, pDates, 2, D(ago(-60)), ctx())[1][0]).toBe('10 d overdue: 70 d since, usually 30 d');
  });

  it('asks the spreadsheet for today only when no today is given', () => {
    todayAsked = 0;
    retainRisk(ids, pIds, pDates, 2, ago(0), ctx());
    expect(todayAsked).toBe(0);
    retainRisk(ids, pIds, pDates, 2, '', ctx());
    expect(todayAsked).toBe(1);
  });

  it('measures a customer with few purchases against the others', () => {
    const out = retainRisk(
      col('C1', 'N'),
      col('C1', 'C1', 'C1', 'N'),
      col(ago(135), ago(105), ago(75), ago(70)),
      2,
      '',
      ctx(),
    );
    expect(out[1][0]).toBe('10 d overdue: 70 d since, 1 purchase; others usually 30 d');
  });

  it('marks only the customer whose purchase date is bad, naming the row and the value', () => {
    const out = retainRisk(
      col('C1', 'C2'),
      col('C1', 'C1', 'C1', 'C2', 'C2'),
      col(ago(135), ago(105), '2026-13-45', ago(9), ago(3)),
      2,
      '',
      ctx(),
    );
    expect(out[0][0]).toMatch(/^#VALUE: purchase_dates row 3: .*2026-13-45/);
    expect(out[1][0]).toBe('');
  });

  it('ignores purchases after today', () => {
    const out = retainRisk(
      col('C1'),
      col('C1', 'C1', 'C1', 'C1'),
      col(ago(135), ago(105), ago(75), ago(-5)),
      2,
      '',
      ctx(),
    );
    expect(out[0][0]).toBe('15 d overdue: 75 d since, usually 30 d');
  });

  it('answers in a row for a row of customers', () => {
    expect(retainRisk([['C1', 'C2']], pIds, pDates, 2, '', ctx())).toEqual([
      ['15 d overdue: 75 d since, usually 30 d', ''],
    ]);
  });

  it('refuses single cells, misaligned columns and a bad factor, with the way to fix it', () => {
    expect(() => retainRisk('C1', pIds, pDates, 2, '', ctx())).toThrow(
      'RETAIN_RISK: customer_ids must be the whole column, e.g. =RETAIN_RISK(A2:A, Purchases!A2:A, Purchases!B2:B) — got a single value',
    );
    expect(() => retainRisk(ids, pIds, pDates.slice(1), 2, '', ctx())).toThrow(
      /purchase_dates \(11 cells\) must line up with purchase_customer_ids \(12 cells\)/,
    );
    expect(() => retainRisk(ids, pIds, pDates, 0.5, '', ctx())).toThrow(/factor must be between 1 and 100/);
    expect(() => retainRisk(ids, pIds, pDates, 'high', '', ctx())).toThrow(
      'RETAIN_RISK: factor must be a number, got "high"',
    );
    expect(() => retainRisk(ids, pIds, pDates, 2, 'soon', ctx())).toThrow(/RETAIN_RISK: today: .*soon/);
  });
});
