/**
 * RETAIN_RISK and RETAIN_RFM as a user meets them: formulas in a sheet,
 * evaluated by the emulator with the built dist/Code.js in CUSTOM_FUNCTION
 * mode (read-only services), spilling one result per row.
 *
 * "Today" is Monday 2026-11-16 06:30 in Asia/Shanghai, which is still
 * Sunday the 15th in UTC: the functions must count days in the sheet's zone.
 */
import { bundleSource, loadBundle } from '../helpers/bundle';

const PURCHASES = [
  ['Customer ID', 'Date', 'Amount'],
  // C0001: every 30 days, last on 2026-09-02 (75 days before the 16th).
  ['C0001', '2026-07-04', '100'],
  ['C0001', '2026-08-03', '100'],
  ['C0001', '2026-09-02', '100'],
  // C0002: every 30 days, last 10 days ago.
  ['C0002', '2026-09-07', '100'],
  ['C0002', '2026-10-07', '100'],
  ['C0002', '2026-11-06', '100'],
  // C0003: a bad date, C0004: one purchase 70 days ago.
  ['C0003', '2026-05-01', '100'],
  ['C0003', '2026-13-45', '100'],
  ['C0004', '2026-09-07', '100'],
];

function riskBook(formula: string): Record<string, unknown[][]> {
  return {
    Customers: [['Customer ID', 'Risk'], ['C0001', formula], ['C0002'], [''], ['C0003'], ['C0004'], ['C0005']],
    Purchases: PURCHASES,
  };
}

describe('RETAIN_RISK in a sheet', () => {
  test('one formula answers the whole column, in the sheet zone', () => {
    const emu = loadBundle({}, riskBook('=RETAIN_RISK(A2:A7, Purchases!A2:A, Purchases!B2:B)'));
    const risk = emu.sheetValues('Customers').map((r) => r[1]);
    expect(risk).toEqual([
      'Risk',
      '15 d overdue: 75 d since, usually 30 d',
      '',
      '',
      expect.stringMatching(/^#VALUE: purchase_dates row 8: .*2026-13-45/),
      '10 d overdue: 70 d since, 1 purchase; others usually 30 d',
      '',
    ]);
    expect(emu.sheetFormulas('Customers')[1][1]).toBe('=RETAIN_RISK(A2:A7, Purchases!A2:A, Purchases!B2:B)');
    expect(emu.formulaErrors()).toEqual([]);
  });

  test('factor and today arguments', () => {
    const emu = loadBundle({}, riskBook('=RETAIN_RISK(A2:A7, Purchases!A2:A, Purchases!B2:B, 3, "2026-12-31")'));
    const risk = emu.sheetValues('Customers').map((r) => r[1]);
    // On 2026-12-31 with factor 3: C0001 is 120 days since, past 90; C0002 55 days since, inside 90.
    expect(risk[1]).toBe('30 d overdue: 120 d since, usually 30 d');
    expect(risk[2]).toBe('');
  });

  test('speaks the spreadsheet locale, not the user locale', () => {
    const zh = loadBundle(
      { spreadsheetLocale: 'zh_CN', locale: 'en' },
      riskBook('=RETAIN_RISK(A2:A7, Purchases!A2:A, Purchases!B2:B)'),
    );
    expect(zh.sheetValues('Customers')[1][1]).toBe('逾期15天：已75天未购，通常每30天');
    const en = loadBundle(
      { spreadsheetLocale: 'en_US', locale: 'zh-CN' },
      riskBook('=RETAIN_RISK(A2:A7, Purchases!A2:A, Purchases!B2:B)'),
    );
    expect(en.sheetValues('Customers')[1][1]).toBe('15 d overdue: 75 d since, usually 30 d');
  });

  test('a single cell for the customers is #ERROR! with the way to fix it', () => {
    const emu = loadBundle({}, riskBook('=RETAIN_RISK(A2, Purchases!A2:A, Purchases!B2:B)'));
    expect(emu.sheetValues('Customers')[1][1]).toBe('#ERROR!');
    expect(emu.formulaErrors()[0].message).toMatch(/customer_ids must be the whole column/);
  });
});

describe('RETAIN_RFM in a sheet', () => {
  const book = (formula: string, locale = 'en_US') =>
    loadBundle(
      { spreadsheetLocale: locale },
      {
        Customers: [
          ['Recency', 'Frequency', 'Monetary', 'R', 'F', 'M', 'Segment'],
          ['5', '12', '9000', formula],
          ['10', '8', '5000'],
          ['40', '3', '1200'],
          ['90', '2', '800'],
          ['400', '1', '100'],
          ['', '', ''],
          ['abc', '4', '50'],
          ['2026-11-06', '6', '3000'],
        ],
      },
    );

  test('spills R, F, M and the segment; a last purchase date counts as days to today', () => {
    const emu = book('=RETAIN_RFM(A2:A9, B2:B9, C2:C9)');
    const out = emu
      .sheetValues('Customers')
      .slice(1)
      .map((r) => r.slice(3, 7));
    // Six rows are scored (the blank and the bad one are not): score = 1 + floor(5 × worse / 6).
    expect(out).toEqual([
      [5, 5, 5, 'Champions'],
      [3, 4, 4, 'Loyal'],
      [2, 2, 2, 'Hibernating'],
      [1, 1, 1, 'Lost'],
      [1, 1, 1, 'Lost'],
      ['', '', '', ''],
      ['#VALUE: recency_days "abc" is not a number', '', '', ''],
      // 2026-11-06 is 10 days before the 16th: the same recency as row 2.
      [3, 3, 3, 'Potential loyalist'],
    ]);
  });

  test('segment names in Chinese for a Chinese spreadsheet', () => {
    const emu = book('=RETAIN_RFM(A2:A9, B2:B9, C2:C9)', 'zh_CN');
    expect(emu.sheetValues('Customers')[1][6]).toBe('冠军客户');
  });
});

describe('their JSDoc in the bundle', () => {
  const src = bundleSource();
  test.each([
    ['RETAIN_RISK', ['customer_ids', 'purchase_customer_ids', 'purchase_dates', 'factor', 'today']],
    ['RETAIN_RFM', ['recency_days', 'frequency', 'monetary']],
  ])('%s is a top-level function with @customfunction and a @param per argument', (name, params) => {
    const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(([^)]*)\\)`).exec(src);
    expect(m).not.toBeNull();
    const [, doc, args] = m as RegExpExecArray;
    expect(doc).toContain('@customfunction');
    for (const p of params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} `));
    expect(args.split(',').map((s) => s.trim())).toEqual(params);
  });
});
