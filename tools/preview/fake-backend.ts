/**
 * A fake server for working on the sidebar's look before (or without) the
 * real bundle: `tsx tools/preview/server.ts --fake`. It follows the SidebarApi
 * types but none of Retain's rules; the browser tests never use it.
 */
import type {
  ApiContactType,
  ApiTier,
  ContactView,
  CustomerCard,
  CustomerSummary,
  DueGroup,
  LogContactRequest,
  LogContactResult,
  SettingField,
  SheetColumns,
  SidebarApi,
  SidebarData,
  TriggerState,
} from '../../src/shared/api';

type Impl = { [K in keyof SidebarApi]: (req: Parameters<SidebarApi[K]>[0]) => ReturnType<SidebarApi[K]> };

const FIRST = [
  'Alice',
  'Bob',
  'Carla',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jon',
  '王芳',
  '李雷',
  '张伟',
  '陈静',
  '刘洋',
];
const LAST = ['Wong', 'Smith', 'Diaz', 'Okafor', 'Nguyen', 'Müller', 'Rossi', 'Tanaka', 'Kim', 'Brown'];
const COMPANY = [
  'Harbour Foods',
  'Smith & Sons',
  'Diaz Design',
  '晨光贸易',
  '雷霆科技',
  'Northwind',
  'Blue Peak Ltd',
  'Acme Parts',
];

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** @public Loaded with require() by tools/preview/server.ts --fake, which knip cannot follow. */
export function createFakeBackend(
  opts: { customers?: number; today?: string; lang?: 'en' | 'zh'; extra?: CustomerSummary[] } = {},
): Impl {
  const today = opts.today || new Date().toISOString().slice(0, 10);
  const lang = opts.lang || 'en';
  const n = opts.customers ?? 60;
  const customers: CustomerSummary[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length];
    const name = /^[\u4e00-\u9fff]/.test(first) ? first : `${first} ${LAST[(i * 7) % LAST.length]}`;
    const tier: ApiTier = i % 5 === 0 ? 'A' : i % 5 < 3 ? 'B' : 'C';
    customers.push({
      id: `C${String(i + 1).padStart(4, '0')}`,
      name,
      company: COMPANY[i % COMPANY.length],
      email: `c${i + 1}@example.com`,
      tier,
      row: i + 2,
    });
  }
  for (const c of opts.extra || []) customers.push(c);
  const log: Array<ContactView & { customerId: string }> = [];
  const settings: Record<string, unknown> = {
    tierMethod: 'revenue',
    tierCutoffs: [0.8, 0.95],
    contactEveryDays: { A: 14, B: 30, C: 60 },
    nightlyHour: 6,
    teamMode: false,
    senderName: '',
  };
  let trigger: TriggerState = { scheduled: false, hour: null, timeZone: 'Asia/Shanghai', message: '' };

  const find = (id: string): CustomerSummary | undefined => customers.find((c) => c.id === id);
  const card = (c: CustomerSummary): CustomerCard => {
    const mine = log.filter((l) => l.customerId === c.id);
    const i = Number(c.id.slice(1));
    return {
      customer: c,
      revenue: 1000 * ((i * 37) % 90) + 250.5,
      lastPurchase: addDays(today, -((i * 11) % 120)),
      lastContact: mine.length ? mine[0].date : addDays(today, -((i * 13) % 90)),
      status: i % 9 === 0 ? 'Prospect' : 'Active',
      due: [
        {
          kind: 'recurring',
          due: addDays(today, (i % 7) - 3),
          daysToDue: (i % 7) - 3,
          text: lang === 'zh' ? '定期联系（A 类每 14 天）' : 'Keep in touch (Tier A, every 14 days)',
        },
        { kind: 'visit', due: addDays(today, 10), daysToDue: 10, text: lang === 'zh' ? '上门拜访' : 'Visit due' },
      ],
      lastContacts: mine.slice(0, 5),
      openComplaints: mine.filter((m) => m.type === 'Complaint').length,
      notes: i % 4 === 0 ? 'Email "bob@" is not valid' : '',
    };
  };
  const settingFields = (): SettingField[] => [
    {
      key: 'tierMethod',
      label: 'Tier method',
      help: '',
      value: settings.tierMethod,
      kind: 'select',
      options: ['revenue', 'count'],
      optionLabels: ['Revenue share', 'Number of customers'],
    },
    {
      key: 'tierCutoffs',
      label: 'Tier cut-offs',
      help: 'two fractions a and b with 0 < a < b ≤ 1, e.g. 0.8, 0.95',
      value: settings.tierCutoffs,
      kind: 'list',
    },
    {
      key: 'contactEveryDays',
      label: 'Keep-in-touch interval',
      help: 'a whole number of days from 1 to 3650 for each of A, B and C',
      value: settings.contactEveryDays,
      kind: 'perTier',
      tiers: ['A', 'B', 'C'],
      min: 1,
      max: 3650,
      step: 1,
      unit: 'days',
      invalid: 'Keep-in-touch interval must be a whole number of days from 1 to 3650 for each of A, B and C',
    },
    {
      key: 'nightlyHour',
      label: 'Nightly run time',
      help: 'a whole hour from 0 to 23',
      value: settings.nightlyHour,
      kind: 'hour',
      min: 0,
      max: 23,
      step: 1,
      unit: ':00',
      invalid: 'Nightly run time must be a whole hour from 0 to 23',
    },
    {
      key: 'teamMode',
      label: 'Team mode (only my customers)',
      help: '',
      value: settings.teamMode,
      kind: 'boolean',
    },
    { key: 'senderName', label: 'Sender name', help: '', value: settings.senderName, kind: 'text' },
  ];

  const columns: SheetColumns = {
    sheet: 'customers',
    name: 'Customers',
    headerRow: 1,
    found: [
      { field: 'id', label: 'Customer ID', header: 'Customer ID' },
      { field: 'name', label: 'Name', header: 'Name' },
    ],
    choices: [
      {
        field: 'email',
        label: 'Email',
        required: false,
        mapped: '',
        gone: false,
        options: [
          { header: 'Work mail', near: true },
          { header: 'Notes', near: false },
        ],
      },
    ],
    problems: [],
  };

  const impl: Impl = {
    getSidebarData(req): SidebarData {
      return {
        lang,
        tab: req && req.tab ? req.tab : 'log',
        today,
        timeZone: 'Asia/Shanghai',
        user: 'rep@example.com',
        selected: customers.slice(0, Math.min(3, customers.length)),
        customers,
        contactTypes: ['Visit', 'Call', 'Email', 'Message', 'Gift', 'Complaint', 'Other'],
        problems: [],
      };
    },
    searchCustomers(req) {
      const q = req.query.toLowerCase();
      return customers
        .filter((c) => `${c.name} ${c.company} ${c.email}`.toLowerCase().includes(q))
        .slice(0, req.limit || 50);
    },
    getCustomerCard(req) {
      const c = find(req.customerId);
      if (!c) throw new Error(`No customer ${req.customerId}`);
      return card(c);
    },
    logContact(req: LogContactRequest): LogContactResult {
      const errors: Partial<Record<keyof LogContactRequest | 'form', string>> = {};
      if (!req.customerIds.length || req.customerIds.some((id) => !find(id))) errors.customerIds = 'Choose a customer.';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(req.date)) errors.date = 'Enter the date of the contact.';
      else if (req.date > today) errors.date = 'The date cannot be in the future.';
      if (req.type === 'Complaint' && !req.complaintSize)
        errors.complaintSize = 'Say whether the complaint is small or big.';
      if (req.nextStepDate && req.nextStepDate < req.date)
        errors.nextStepDate = 'The next step cannot be before the contact.';
      if (Object.keys(errors).length) return { ok: false, errors };
      for (const id of req.customerIds) {
        log.unshift({
          customerId: id,
          date: req.date,
          type: req.type as ApiContactType,
          by: 'rep@example.com',
          outcome: req.outcome,
          notes: req.notes,
          nextStep: req.nextStep,
          nextStepDate: req.nextStepDate,
        });
      }
      return {
        ok: true,
        logged: req.customerIds.length,
        cards: req.customerIds.map((id) => card(find(id) as CustomerSummary)),
      };
    },
    getDueItems(): DueGroup[] {
      const items = (from: number, to: number, text: string): DueGroup['items'] =>
        customers.slice(from, to).map((c, k) => ({
          customerId: c.id,
          name: c.name,
          company: c.company,
          tier: c.tier,
          due: addDays(today, -k),
          daysToDue: -k,
          text,
          row: c.row,
        }));
      return [
        { kind: 'complaint', label: lang === 'zh' ? '投诉' : 'Complaints', items: items(0, 1, 'Open complaint (Big)') },
        {
          kind: 'postSale',
          label: lang === 'zh' ? '售后回访' : 'After the sale',
          items: items(1, 4, 'Day 3: manager call'),
        },
        {
          kind: 'recurring',
          label: lang === 'zh' ? '定期联系' : 'Keep in touch',
          items: items(4, 9, 'Every 30 days (Tier B)'),
        },
      ];
    },
    selectCustomerRow(req) {
      const c = find(req.customerId);
      if (!c) throw new Error(`No customer ${req.customerId}`);
      return { ok: true, row: c.row };
    },
    getSettings() {
      return { fields: settingFields(), trigger };
    },
    saveSettings(req) {
      const errors: Record<string, string> = {};
      const h = Number(req.values.nightlyHour);
      if (!Number.isInteger(h) || h < 0 || h > 23)
        errors.nightlyHour = 'Nightly run time must be a whole hour from 0 to 23';
      if (Object.keys(errors).length) return { ok: false, errors };
      Object.assign(settings, req.values, { nightlyHour: h });
      return { ok: true, settings: { fields: settingFields(), trigger } };
    },
    scheduleNightly() {
      trigger = { scheduled: true, hour: Number(settings.nightlyHour), timeZone: 'Asia/Shanghai', message: '' };
      return trigger;
    },
    stopNightly() {
      trigger = { scheduled: false, hour: null, timeZone: 'Asia/Shanghai', message: '' };
      return trigger;
    },
    previewRun() {
      return {
        today,
        due: [
          { label: 'Keep in touch', count: 12 },
          { label: 'After the sale', count: 3 },
        ],
        drafts: customers
          .slice(0, 2)
          .map((c) => ({ customer: c.name, email: c.email, subject: `Thank you, ${c.name}` })),
        visits: customers
          .slice(2, 4)
          .map((c) => ({ customer: c.name, due: addDays(today, 2), tier: (c.tier || 'C') as ApiTier })),
        skipped: [
          {
            what: 'Thank-you draft',
            customer: customers[5] ? customers[5].name : '',
            reason: 'Email "bob@" is not valid',
          },
        ],
        problems: [],
      };
    },
    getColumns() {
      return { sheets: [columns] };
    },
    saveColumns(req) {
      for (const c of columns.choices) c.mapped = req.map[c.field] ?? '';
      return { ok: true, columns: { sheets: [columns] } };
    },
  };
  return impl;
}
