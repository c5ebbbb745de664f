/**
 * What every sidebar call starts from (docs/architecture.md, A sidebar
 * save): the open spreadsheet, the user's language, the workbook read once,
 * the settings and tonight's plan; and the plain views the answers share.
 */
import type { CalDate } from '../../core/dates';
import { tr, type Msg } from '../../core/i18n';
import type { Customer, Lang, Settings } from '../../core/model';
import { planNightly, type CustomerPlan, type Plan } from '../../core/plan';
import type { Spreadsheet } from '../../gas/spreadsheet';
import type { CustomerSummary } from '../../shared/api';
import { loadSettings_ } from '../settingsStore';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { userLang_ } from '../user';
import { readWorkbook_, type Workbook } from '../workbook';

export interface Context {
  ss: Spreadsheet;
  settings: Settings;
  lang: Lang;
  wb: Workbook;
  plan: Plan;
  today: CalDate;
}

/** Reads and plans the whole workbook; throws the workbook's fatal problem (no Customers sheet ...) in the user's language. */
export function context_(): Context {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const wb = readWorkbook_(ss, lang);
  if (wb.fatal) throw new Error(wb.fatal);
  const { settings } = loadSettings_();
  const today = wb.clock.today();
  const plan = planNightly({
    today,
    settings,
    lang,
    customers: wb.customers,
    purchases: wb.purchases,
    contacts: wb.contacts,
    holidays: wb.holidays,
  });
  return { ss, settings, lang, wb, plan, today };
}

export function summaryOf(c: Customer, cp: CustomerPlan | undefined): CustomerSummary {
  const tier = cp?.tier ?? c.tierFromSheet ?? '';
  return { id: c.id, name: c.name, company: c.company, email: c.email, tier, row: c.row };
}

/** The first customer plan of each ID. */
export function plansById(plan: Plan): Map<string, CustomerPlan> {
  const m = new Map<string, CustomerPlan>();
  for (const cp of plan.customers) if (cp.customerId && !m.has(cp.customerId)) m.set(cp.customerId, cp);
  return m;
}

/** The first customer row of each ID. */
export function customersById(wb: Workbook): Map<string, Customer> {
  const m = new Map<string, Customer>();
  for (const c of wb.customers) if (c.id && !m.has(c.id)) m.set(c.id, c);
  return m;
}

export const NOT_FOUND: Msg = {
  en: 'Customer {id} was not found on the Customers sheet.',
  zh: '客户表中找不到客户 {id}。',
};

/** A customer ID from the browser: a string of sane length, else '' (which is found nowhere). */
export function requestedId(req: unknown): string {
  const v =
    req && typeof req === 'object' && Object.prototype.hasOwnProperty.call(req, 'customerId')
      ? (req as { customerId: unknown }).customerId
      : '';
  return typeof v === 'string' && v.length <= 100 ? v.trim() : '';
}

/** The Due tab's groups and the preview's counts, in this order. */
export const KIND_LABELS: Record<string, Msg> = {
  complaint: { en: 'Open complaints', zh: '未解决的投诉' },
  'complaint-feedback': { en: 'Feedback after a complaint', zh: '投诉解决后回访' },
  'thank-you': { en: 'Thank-you calls', zh: '感谢电话' },
  'post-sale-call': { en: 'Post-sale calls', zh: '售后回访' },
  'next-step': { en: 'Next steps', zh: '下一步' },
  visit: { en: 'Visits', zh: '拜访' },
  birthday: { en: 'Birthdays', zh: '生日' },
  anniversary: { en: 'Anniversaries', zh: '周年' },
  holiday: { en: 'Holiday greetings', zh: '节日问候' },
  recurring: { en: 'Keep in touch', zh: '保持联系' },
};

export function kindLabel(kind: string, lang: Lang): string {
  return tr(lang, KIND_LABELS[kind] ?? { en: kind, zh: kind });
}
