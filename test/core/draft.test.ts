/**
 * The thank-you draft's text, composed in the core (docs/rules.md, Drafts):
 * what the server hands to Gmail, and why a customer gets none.
 */
import { simpleParser } from 'mailparser';
import { composeDraft, draftCellText, draftKeyHeader, templateProblem } from '../../src/core/draft';
import type { DraftNeed } from '../../src/core/plan';
import type { TemplateRow } from '../../src/core/rows';
import { customer } from './fixtures';

const need = (over: Partial<DraftNeed> = {}): DraftNeed => ({
  key: 'C1|2026-11-20|1200|Widget',
  customerId: 'C1',
  purchaseRow: 2,
  customerRow: 2,
  purchaseDate: '2026-11-20',
  amount: 1200,
  product: 'Widget',
  email: 'ann@example.com',
  language: 'en',
  ...over,
});
const sender = { senderName: 'Bo Chen', userEmail: 'bo@shop.example', lang: 'en' as const };

describe('composeDraft', () => {
  test('the default template in the customer language: subject, both parts, the key header, the sender', async () => {
    const d = composeDraft(need({ language: 'zh' }), customer({ name: '王小明' }), [], sender);
    if (!d.ok) throw new Error(d.reason);
    const mail = await simpleParser(Buffer.from(d.raw, 'base64url'));
    expect(d.subject).toBe('王小明，感谢您的信任与支持');
    expect(mail.subject).toBe(d.subject);
    expect(mail.text).toContain('Widget');
    expect(mail.text).toContain('Bo Chen');
    expect(mail.html).toContain('<p>');
    expect(mail.headers.get('x-retain-key')).toBe(draftKeyHeader(need().key));
    expect(mail.from?.value[0]).toEqual({ name: 'Bo Chen', address: 'bo@shop.example' });
    expect((mail.to as { value: Array<{ address: string }> }).value[0].address).toBe('ann@example.com');
  });

  test('the sheet template, its placeholders filled; the purchase date written out in the language', async () => {
    const templates: TemplateRow[] = [
      {
        row: 2,
        key: 'thank-you',
        language: 'en',
        subject: 'Hi {{FirstName}}',
        body: '{{Product}} on {{PurchaseDate}}',
      },
    ];
    const d = composeDraft(need(), customer({ name: 'Dr. Ann Lee' }), templates, sender);
    if (!d.ok) throw new Error(d.reason);
    expect(d.subject).toBe('Hi Ann');
    expect((await simpleParser(Buffer.from(d.raw, 'base64url'))).text?.trim()).toBe('Widget on November 20, 2026');
  });

  test('no draft, with the reason: a value the template needs is blank; an address Gmail cannot carry', () => {
    const templates: TemplateRow[] = [
      { row: 2, key: 'thank-you', language: 'en', subject: 'Hi', body: 'Dear {{Company}}' },
    ];
    expect(composeDraft(need(), customer({ company: '' }), templates, sender)).toEqual({
      ok: false,
      reason: 'Thank-you draft not made: the template needs Company and this customer has none',
    });
    const r = composeDraft(need({ email: 'ann@exämple.com' }), customer(), [], { ...sender, lang: 'zh' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('非 ASCII');
  });

  test('a misspelt placeholder stops every draft of that language, naming the row and the known names', () => {
    const templates: TemplateRow[] = [{ row: 3, key: 'thank-you', language: 'en', subject: 'Hi {{Nmae}}', body: 'x' }];
    expect(templateProblem([need()], templates, 'en')).toBe(
      'No thank-you drafts were made: the English template (sheet "Templates", row 3) has an unknown placeholder {{Nmae}}. Known: Name, FirstName, Company, Product, Amount, PurchaseDate, Owner.',
    );
    const zh: TemplateRow = { row: 4, key: 'thank-you', language: 'zh', subject: '{{Name}}', body: 'x' };
    expect(templateProblem([need({ language: 'zh' })], [...templates, zh], 'en')).toBeNull();
  });

  test('the Thank-you draft cell', () => {
    expect(draftCellText('2026-11-21', 'r-123', '2026-11-20')).toBe('2026-11-21 · r-123 · 2026-11-20');
    expect(draftCellText('2026-11-21', 'r-123', null)).toBe('2026-11-21 · r-123');
  });
});
