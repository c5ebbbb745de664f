/**
 * One amount formatter for the draft and the visit's description, in both
 * languages (docs/rules.md, Drafts): the same number reads the same wherever
 * Retain writes it.
 */
import { simpleParser } from 'mailparser';
import { formatAmount } from '../../src/core/amount';
import { customerFacts } from '../../src/core/customerFacts';
import { composeDraft } from '../../src/core/draft';
import type { DraftNeed } from '../../src/core/plan';
import { visitDescription, visitFactsOf } from '../../src/core/visitEvent';
import { customer, purchase } from './fixtures';

describe('formatAmount', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [1200, '1,200'],
    [1234.5, '1,234.50'],
    [1234.001, '1,234'],
    [0.125, '0.13'],
    [-0.125, '-0.13'],
    [99.999, '100'],
    [0.004, '0'],
    [1234567.891, '1,234,567.89'],
    [-5000, '-5,000'],
    [-1234.5, '-1,234.50'],
    [-0.001, '0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
  ])('%p is %p', (n, text) => {
    expect(formatAmount(n)).toBe(text);
  });
});

describe('the draft and the visit say the same amount', () => {
  const TODAY = '2026-11-20';
  const options = {
    today: TODAY,
    revenueWindowDays: 365,
    minFollowUpAmount: 0,
    postSaleSteps: [1, 3, 7],
    postSaleWindowDays: 14,
  };

  async function draftAmount(amount: number, lang: 'en' | 'zh'): Promise<string> {
    const need: DraftNeed = {
      key: `C1|${TODAY}|${amount}|Widget`,
      customerId: 'C1',
      purchaseRow: 2,
      customerRow: 2,
      purchaseDate: TODAY,
      amount,
      product: 'Widget',
      email: 'ann@example.com',
      language: lang,
    };
    const templates = [{ row: 2, key: 'thank-you', language: lang, subject: 'Thanks', body: 'Paid: {{Amount}}.' }];
    const d = composeDraft(need, customer({ row: 2 }), templates, { senderName: 'Bo', userEmail: '', lang });
    if (!d.ok) throw new Error(d.reason);
    const mail = await simpleParser(Buffer.from(d.raw, 'base64url'));
    return /Paid: (.*)\./.exec(mail.text ?? '')![1];
  }

  function visitAmount(amount: number, lang: 'en' | 'zh'): string {
    const c = customer({ row: 2 });
    const f = customerFacts(c, [purchase({ row: 2, date: TODAY, amount, product: '' })], [], options);
    const text = visitDescription(visitFactsOf(c, f, { tier: 'A', due: TODAY }, ''), lang);
    return new RegExp(`${TODAY} · ([^\\n]*)`).exec(text)![1];
  }

  test.each([1234.001, 1234.5, 1200, -80])('%p, in English and in Chinese', async (amount) => {
    for (const lang of ['en', 'zh'] as const) {
      expect(await draftAmount(amount, lang)).toBe(formatAmount(amount));
      expect(visitAmount(amount, lang)).toBe(formatAmount(amount));
    }
  });
});
