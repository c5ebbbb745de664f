import { normalizeHeader } from '../../src/core/headers';
import {
  fieldOf,
  headerLabel,
  headerNames,
  managedFields,
  SHEET_KEYS,
  SHEETS,
  sheetLabel,
} from '../../src/core/schema';

describe('SHEETS', () => {
  it('has the six sheets with their English and Chinese names', () => {
    expect(SHEET_KEYS.map((k) => [SHEETS[k].en, SHEETS[k].zh])).toEqual([
      ['Customers', '客户'],
      ['Purchases', '购买记录'],
      ['Contact log', '联系记录'],
      ['Templates', '模板'],
      ['Holidays', '节假日'],
      ['Retain log', '运行记录'],
    ]);
    for (const k of SHEET_KEYS) expect(SHEETS[k].key).toBe(k);
    expect(SHEET_KEYS.filter((k) => SHEETS[k].required)).toEqual(['customers']);
  });

  it('lists the Customers columns of SPEC section 1 with their aliases', () => {
    const c = SHEETS.customers;
    expect(c.fields.filter((f) => !f.managed).map((f) => [f.key, ...headerNames(f)])).toEqual([
      ['id', 'Customer ID', '客户编号', 'ID'],
      ['name', 'Name', '姓名', 'Customer', '客户名称'],
      ['company', 'Company', '公司'],
      ['email', 'Email', '邮箱', 'E-mail'],
      ['phone', 'Phone', '电话', '手机'],
      ['address', 'Address', '地址'],
      ['owner', 'Owner', '负责人', 'Sales rep', '销售顾问'],
      ['language', 'Language', '语言'],
      ['revenue', 'Revenue', '销售额', 'Sales'],
      ['lastPurchase', 'Last purchase', '最近购买'],
      ['lastPurchaseAmount', 'Last purchase amount', '最近购买金额'],
      ['customerSince', 'Customer since', '首次购买', 'First purchase'],
      ['birthday', 'Birthday', '生日'],
      ['lastContact', 'Last contact', '最近联系'],
      ['snoozeUntil', 'Snooze until', '暂缓至'],
      ['status', 'Status', '状态'],
      ['referredBy', 'Referred by', '介绍人'],
    ]);
    expect(c.fields.filter((f) => f.required).map((f) => f.key)).toEqual(['name']);
  });

  it('has the managed Customers columns in SPEC order', () => {
    expect(managedFields(SHEETS.customers).map((f) => [f.en, f.zh])).toEqual([
      ['Tier', '等级'],
      ['Next follow-up', '下次跟进'],
      ['Follow-up', '跟进事项'],
      ['Days to due', '剩余天数'],
      ['Thank-you draft', '感谢信'],
      ['Next visit', '下次拜访'],
      ['Retain notes', '提示'],
    ]);
    expect(managedFields(SHEETS.purchases).map((f) => f.en)).toEqual(['Thank-you draft']);
    expect(managedFields(SHEETS.contactLog)).toEqual([]);
  });

  it('has the other sheets columns in SPEC order', () => {
    const en = (k: keyof typeof SHEETS) => SHEETS[k].fields.map((f) => f.en);
    expect(en('purchases')).toEqual(['Customer ID', 'Date', 'Amount', 'Product', 'Thank-you draft']);
    expect(en('contactLog')).toEqual([
      'Logged at',
      'Customer ID',
      'Customer',
      'Date',
      'Type',
      'By',
      'Outcome',
      'Notes',
      'Next step',
      'Next step date',
      'Complaint size',
      'Resolved on',
    ]);
    expect(en('templates')).toEqual(['Key', 'Language', 'Subject', 'Body']);
    expect(en('holidays')).toEqual(['Date', 'Name']);
    expect(SHEETS.runLog.fields.map((f) => f.key)).toEqual([
      'started',
      'finished',
      'mode',
      'customersRead',
      'rowsWithProblems',
      'tiersChanged',
      'draftsMade',
      'eventsMade',
      'skipped',
      'errors',
      'mustContinue',
    ]);
  });

  it('uses the model property names as keys', () => {
    expect(SHEETS.contactLog.fields.map((f) => f.key)).toEqual([
      'loggedAt',
      'customerId',
      'customerName',
      'date',
      'type',
      'by',
      'outcome',
      'notes',
      'nextStep',
      'nextStepDate',
      'complaintSize',
      'resolvedOn',
    ]);
    expect(SHEETS.purchases.fields.map((f) => f.key)).toEqual([
      'customerId',
      'date',
      'amount',
      'product',
      'thankYouDraft',
    ]);
  });

  it('gives every field an English and a Chinese header, and no two fields of a sheet share a name', () => {
    for (const k of SHEET_KEYS) {
      const owner = new Map<string, string>();
      const keys = new Set<string>();
      for (const f of SHEETS[k].fields) {
        expect(keys.has(f.key)).toBe(false);
        keys.add(f.key);
        expect(f.en).toMatch(/^[A-Z]/);
        expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
        for (const name of headerNames(f)) {
          const norm = normalizeHeader(name);
          expect(norm).not.toBe('');
          const other = owner.get(norm);
          if (other !== undefined && other !== f.key) throw new Error(`${k}: "${name}" is both ${other} and ${f.key}`);
          owner.set(norm, f.key);
        }
      }
    }
  });

  it('keeps the same Chinese name for the same column across sheets', () => {
    // A holiday's Name is 名称, a person's 姓名: deliberately different.
    const zh = (sheet: keyof typeof SHEETS, key: string) => fieldOf(SHEETS[sheet], key).zh;
    expect(new Set([zh('customers', 'id'), zh('purchases', 'customerId'), zh('contactLog', 'customerId')])).toEqual(
      new Set(['客户编号']),
    );
    expect(new Set([zh('purchases', 'date'), zh('contactLog', 'date'), zh('holidays', 'date')])).toEqual(
      new Set(['日期']),
    );
    expect(zh('customers', 'thankYouDraft')).toBe(zh('purchases', 'thankYouDraft'));
    expect(zh('customers', 'language')).toBe(zh('templates', 'language'));
  });
});

describe('labels', () => {
  it('gives the header and sheet name in a language', () => {
    const tier = fieldOf(SHEETS.customers, 'tier');
    expect(headerLabel(tier, 'en')).toBe('Tier');
    expect(headerLabel(tier, 'zh')).toBe('等级');
    expect(sheetLabel(SHEETS.contactLog, 'en')).toBe('Contact log');
    expect(sheetLabel(SHEETS.contactLog, 'zh')).toBe('联系记录');
  });

  it('fieldOf throws on an unknown key', () => {
    expect(() => fieldOf(SHEETS.customers, 'nope')).toThrow(/no field "nope"/);
  });
});
