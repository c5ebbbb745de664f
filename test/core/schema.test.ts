import { MORE_ALIASES } from '../../src/core/headerAliases';
import { matchHeaders, normalizeHeader } from '../../src/core/headers';
import { namePartHeaders } from '../../src/core/nameColumns';
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

  it('lists the Customers columns of SPEC section 1 with their aliases first', () => {
    const c = SHEETS.customers;
    const spec: string[][] = [
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
    ];
    const user = c.fields.filter((f) => !f.managed);
    expect(user.map((f) => f.key)).toEqual(spec.map((s) => s[0]));
    user.forEach((f, i) => expect(headerNames(f).slice(0, spec[i].length - 1)).toEqual(spec[i].slice(1)));
    expect(c.fields.filter((f) => f.required).map((f) => f.key)).toEqual(['name']);
  });

  // Issue "Real data in", item 2: the headers real customer lists use.
  it.each([
    ['name', ['Full name', 'Customer name', 'Client', 'Contact', 'Contact name', '联系人']],
    ['email', ['E-mail Address', 'Email address', 'Mail', '电子邮件']],
    ['phone', ['Mobile', 'Phone number', 'Tel', 'Telephone', '联系电话', '手机号']],
    [
      'revenue',
      ['Total spent', 'Total sales', 'Lifetime value', 'Total', 'Sales amount', '累计消费', '消费金额', '总金额'],
    ],
    [
      'lastPurchase',
      ['Last order', 'Last order date', 'Last purchase date', '最后购买日期', '最近购买日期', '最近下单'],
    ],
    [
      'customerSince',
      ['Created', 'Created at', 'Date added', 'Customer since date', '注册日期', '首次购买日期', '成为客户日期'],
    ],
    ['company', ['Organization', 'Organisation', 'Business', '单位', '公司名称']],
    ['address', ['Street', 'Billing address', '收货地址']],
    ['owner', ['Assigned to', 'Account owner', '客户经理']],
    ['birthday', ['Date of birth', 'DOB', '出生日期']],
    ['status', ['Stage', '客户状态']],
  ])('knows the %s headers of real exports', (field, names) => {
    for (const name of names) {
      for (const written of [name, name.toUpperCase(), ` ${name.replace(/ /g, '_')}: `]) {
        const m = matchHeaders([written], SHEETS.customers);
        expect([written, m.columns]).toEqual([written, { [field]: 0 }]);
      }
    }
  });

  it('gives each ambiguous name to one field, as decided', () => {
    const fieldOfHeader = (h: string) => {
      const cols = matchHeaders([h], SHEETS.customers).columns;
      return Object.keys(cols)[0] ?? null;
    };
    expect(fieldOfHeader('Total')).toBe('revenue');
    expect(fieldOfHeader('Total orders')).toBeNull();
    expect(fieldOfHeader('Contact')).toBe('name');
    expect(fieldOfHeader('Last contact')).toBe('lastContact');
    expect(fieldOfHeader('Last contacted')).toBe('lastContact');
    expect(fieldOfHeader('Last activity date')).toBeNull();
    expect(fieldOfHeader('Contact owner')).toBe('owner');
    expect(fieldOfHeader('Created')).toBe('customerSince');
    expect(fieldOfHeader('Create Date')).toBe('customerSince');
    expect(fieldOfHeader('Mail')).toBe('email');
    expect(fieldOfHeader('Mailing address')).toBe('address');
    expect(fieldOfHeader('Client')).toBe('name');
    expect(fieldOfHeader('Client ID')).toBe('id');
    expect(fieldOfHeader('Customer #')).toBe('id');
    expect(fieldOfHeader('Lifecycle Stage')).toBe('status');
    expect(fieldOfHeader('Lead Status')).toBeNull();
    expect(fieldOfHeader('销售')).toBeNull();
    expect(fieldOfHeader('First name')).toBeNull();
  });

  it('adds the extra aliases only to fields that exist', () => {
    for (const [sheet, fields] of Object.entries(MORE_ALIASES)) {
      const spec = SHEETS[sheet as keyof typeof SHEETS];
      expect(spec).toBeDefined();
      for (const key of Object.keys(fields)) expect(() => fieldOf(spec, key)).not.toThrow();
    }
  });

  it('no name-part header (First name, 姓 ...) is also a Customers header', () => {
    const customers = new Set(SHEETS.customers.fields.flatMap((f) => headerNames(f).map(normalizeHeader)));
    for (const h of namePartHeaders()) expect([h, customers.has(normalizeHeader(h))]).toEqual([h, false]);
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
      'overdue',
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
