/**
 * The sample workbook: a small furniture and office-equipment supplier in
 * Shanghai with about 200 customers, English and Chinese, as a salesperson's
 * sheet really looks (a few mistakes included on purpose).
 *
 *   npx tsx tools/sample/generate.ts                 rewrites samples/*.csv
 *   npx tsx tools/sample/generate.ts --customers 1000 --out /tmp/wb
 *
 * Deterministic: a seeded PRNG and a fixed "today" (2026-11-16, a Monday, the
 * demo date), never Math.random or the clock, so the committed CSVs only change
 * when this file does (a test checks they match). The benchmark calls
 * generateWorkbook with a size.
 *
 * Cells are the text a user would type (dates 'YYYY-MM-DD', amounts '12800'):
 * the emulator turns them into numbers and dates the way Sheets does on typing.
 *
 * The first rows are hand-written "featured" customers so the demo has a story
 * on the demo date (a thank-you draft in each language, day-1/3/7 calls, open
 * and resolved complaints, birthdays, snoozes, an overdue A visit). The bad
 * rows are placed among the random ones, see BAD ROWS below.
 */
import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';
import { addDays, daysBetween, toDayNumber, ymd, type CalDate } from '../../src/core/dates';
import { SHEETS, type SheetSpec } from '../../src/core/schema';
import { purchaseDays } from './rhythm';

export const SAMPLE_TODAY: CalDate = '2026-11-16';
export const SAMPLE_SEED = 20261116;
export const SAMPLE_CUSTOMERS = 200;
/** Sheet names of the sample workbook, in the order they are written and loaded. */
export const SAMPLE_SHEETS = ['Customers', 'Purchases', 'Contact log', 'Holidays'] as const;

export type SheetName = (typeof SAMPLE_SHEETS)[number];
/** Sheet name -> rows of typed text, headers in row 0. */
export type Workbook = Record<SheetName, string[][]>;

export interface GenerateOptions {
  customers?: number;
  seed?: number;
  today?: CalDate;
  /** About this many purchases per customer over two years (prospects buy nothing and some customers stop, so the result is a little lower); sample 4.5, bench 2. */
  purchasesPerCustomer?: number;
  /**
   * Scales the contact log: calls, e-mails, messages ... per customer, before the regular
   * A/B visits and the contacts that complete next steps come on top. Sample 1.1 (about 2
   * rows per customer in all), bench 0.3 (about 1).
   */
  contactsPerCustomer?: number;
}

// ---------------------------------------------------------------- PRNG

/** mulberry32: tiny, fast, and good enough for sample data; same seed, same sequence on every platform. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** Pareto(xm, alpha): alpha near 1.16 gives the classic 80/20 split in a large population. */
  pareto(xm: number, alpha: number): number {
    return xm / Math.pow(1 - this.next(), 1 / alpha);
  }
}

// ---------------------------------------------------------------- names and places

/** [character, pinyin]: pinyin makes believable e-mail addresses. */
const ZH_SURNAMES: ReadonlyArray<[string, string]> = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
];
const ZH_GIVEN: ReadonlyArray<[string, string]> = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['小明', 'xiaoming'],
  ['建国', 'jianguo'],
  ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'],
  ['晓东', 'xiaodong'],
  ['文博', 'wenbo'],
  ['佳怡', 'jiayi'],
  ['子涵', 'zihan'],
  ['浩然', 'haoran'],
  ['雨桐', 'yutong'],
  ['思远', 'siyuan'],
  ['丹丹', 'dandan'],
  ['国华', 'guohua'],
  ['立新', 'lixin'],
  ['春梅', 'chunmei'],
  ['俊杰', 'junjie'],
];
const EN_FIRST = [
  'Alice',
  'Bob',
  'Emma',
  'Oliver',
  'James',
  'Sophie',
  'Daniel',
  'Grace',
  'Henry',
  'Olivia',
  'Lucas',
  'Mia',
  'Ethan',
  'Chloe',
  'Jack',
  'Amelia',
  'Noah',
  'Isla',
  'Leo',
  'Ruby',
  'Samuel',
  'Hannah',
  'Thomas',
  'Lily',
  'William',
  'Zoe',
  'Michael',
  'Sarah',
  'David',
  'Laura',
  'Anna',
  'Peter',
];
// O'Brien and Müller on purpose: quotes and non-ASCII in English names must survive CSV, sheet and e-mail.
const EN_LAST = [
  'Chen',
  'Martin',
  'Wilson',
  'Brown',
  'Taylor',
  'Laurent',
  'Smith',
  'Johnson',
  'Lee',
  'Walker',
  'Wright',
  'Green',
  'Hall',
  'Young',
  'King',
  'Scott',
  'Adams',
  'Baker',
  'Clark',
  'Lewis',
  'Wong',
  'Müller',
  'Rossi',
  'Kim',
  'Tanaka',
  'Novak',
  'Silva',
  "O'Brien",
  'Evans',
  'Parker',
];

/** [name, e-mail domain]. Domains under example.com (RFC 2606) so no draft can ever reach a real company. */
const ZH_COMPANIES: ReadonlyArray<[string, string]> = [
  ['华信科技有限公司', 'huaxin.example.com'],
  ['上海美途贸易有限公司', 'meitu.example.com'],
  ['国建工程集团', 'guojian.example.com'],
  ['东方明珠物流', 'dfmz.example.com'],
  ['江南纺织有限公司', 'jiangnan.example.com'],
  ['金桥餐饮管理', 'jinqiao.example.com'],
  ['新世纪教育', 'xsj-edu.example.com'],
  ['申城医疗器械', 'shencheng.example.com'],
  ['浦江律师事务所', 'pujiang-law.example.com'],
  ['长风广告传媒', 'changfeng.example.com'],
  ['天和会计师事务所', 'tianhe-cpa.example.com'],
  ['绿源生物科技', 'lvyuan.example.com'],
  ['云帆软件', 'yunfan.example.com'],
  ['锦绣酒店管理', 'jinxiu.example.com'],
  ['恒通汽车服务', 'hengtong.example.com'],
  ['德润建材', 'derun.example.com'],
];
const EN_COMPANIES: ReadonlyArray<[string, string]> = [
  ['Chen & Partners Design', 'chenpartners.example.com'],
  ['Martin Logistics', 'martinlog.example.com'],
  ['Blue Harbor Consulting', 'blueharbor.example.com'],
  ['Redwood Trading Co.', 'redwood.example.com'],
  ['Pacific Rim Foods', 'pacificrim.example.com'],
  ['Summit Dental Clinic', 'summitdental.example.com'],
  ['Northstar Education', 'northstar.example.com'],
  ['Brightline Media', 'brightline.example.com'],
  // A comma in a company name: the CSV must quote it.
  ['Harbor & Finch, Ltd.', 'harborfinch.example.com'],
  ['Wilson Architects', 'wilsonarch.example.com'],
  ['Golden Gate Imports', 'goldengate.example.com'],
  ['Silverline Fitness', 'silverline.example.com'],
];
const PERSONAL_DOMAINS = ['example.net', 'example.org'];

const ZH_DISTRICTS = ['浦东新区', '徐汇区', '静安区', '黄浦区', '长宁区', '闵行区', '杨浦区', '普陀区'];
const ZH_STREETS = ['世纪大道', '漕溪北路', '南京西路', '淮海中路', '延安西路', '虹桥路', '张江路', '四川北路'];
const EN_DISTRICTS = ['Pudong', 'Xuhui', "Jing'an", 'Huangpu', 'Changning', 'Minhang'];
const EN_STREETS = [
  'Century Avenue',
  'Caoxi North Road',
  'West Nanjing Road',
  'Middle Huaihai Road',
  "Yan'an West Road",
  'Hongqiao Road',
];

/** The reps. rep@example.com is the demo's user (and the one team mode keeps). */
const OWNERS: ReadonlyArray<[string, number]> = [
  ['rep@example.com', 0.5],
  ['mei.lin@example.com', 0.3],
  ['tom.baker@example.com', 0.2],
];

/** [en, zh, typical price]: amounts are drawn around the customer's value, products only name them. */
const PRODUCTS: ReadonlyArray<[string, string, number]> = [
  ['Ergonomic chair', '人体工学椅', 1800],
  ['Standing desk', '升降桌', 4200],
  ['Filing cabinet', '文件柜', 1500],
  ['Meeting table', '会议桌', 9800],
  ['Sofa set', '沙发组合', 12800],
  ['Office fit-out', '办公室整体装修', 68000],
  ['Annual maintenance', '年度维护', 6000],
  ['Workstation cluster', '工位组合', 24000],
  ['Reception desk', '前台', 15800],
];

/** China's public holidays and Christmas. Spring Festival 2027 is 6 February. */
const HOLIDAYS: ReadonlyArray<[CalDate, string]> = [
  ['2026-01-01', "New Year's Day (元旦)"],
  ['2026-02-17', 'Spring Festival (春节)'],
  ['2026-02-18', 'Spring Festival (春节)'],
  ['2026-02-19', 'Spring Festival (春节)'],
  ['2026-04-05', 'Qingming Festival (清明节)'],
  ['2026-05-01', 'Labour Day (劳动节)'],
  ['2026-06-19', 'Dragon Boat Festival (端午节)'],
  ['2026-09-25', 'Mid-Autumn Festival (中秋节)'],
  ['2026-10-01', 'National Day (国庆节)'],
  ['2026-10-02', 'National Day (国庆节)'],
  ['2026-10-03', 'National Day (国庆节)'],
  ['2026-12-25', 'Christmas (圣诞节)'],
  ['2027-01-01', "New Year's Day (元旦)"],
  ['2027-02-06', 'Spring Festival (春节)'],
  ['2027-02-07', 'Spring Festival (春节)'],
  ['2027-02-08', 'Spring Festival (春节)'],
  ['2027-04-05', 'Qingming Festival (清明节)'],
  ['2027-05-01', 'Labour Day (劳动节)'],
  ['2027-06-09', 'Dragon Boat Festival (端午节)'],
  ['2027-09-15', 'Mid-Autumn Festival (中秋节)'],
  ['2027-10-01', 'National Day (国庆节)'],
  ['2027-10-02', 'National Day (国庆节)'],
  ['2027-10-03', 'National Day (国庆节)'],
  ['2027-12-25', 'Christmas (圣诞节)'],
];

// ---------------------------------------------------------------- contact texts

type Lang = 'en' | 'zh';
type ContactType = 'Visit' | 'Call' | 'Email' | 'Message' | 'Gift' | 'Complaint' | 'Other';

/** [outcome, notes, next step] per type and language. */
const CONTACT_TEXT: Record<Exclude<ContactType, 'Complaint'>, Record<Lang, ReadonlyArray<[string, string, string]>>> = {
  Visit: {
    en: [
      [
        'Good meeting',
        'Walked the office with the facilities manager; chairs in heavy use',
        'Send quote for 10 more chairs',
      ],
      ['Interested', 'Expanding to a second floor next spring', 'Prepare fit-out proposal'],
      ['Satisfied', 'Reviewed last order, no issues', ''],
      ['Met new contact', 'New purchasing manager; left catalogue and cards', 'Call in two weeks'],
    ],
    zh: [
      ['洽谈顺利', '与行政经理一起看了办公室，椅子使用频繁', '发 10 把椅子的报价'],
      ['有意向', '明年春天扩租一层', '准备装修方案'],
      ['满意', '回顾上次订单，没有问题', ''],
      ['认识新联系人', '新的采购经理，留了样册和名片', '两周后回电'],
    ],
  },
  Call: {
    en: [
      ['Happy with the order', 'Delivery went well', ''],
      ['Asked for a quote', 'Wants standing desks for the sales team', 'Send quote'],
      ['No answer', 'Left a voicemail', 'Call back'],
      ['Will reorder', 'Budget approved for next quarter', 'Call back in January'],
    ],
    zh: [
      ['对订单满意', '送货顺利', ''],
      ['要报价', '销售部要升降桌', '发报价'],
      ['未接通', '已留言', '再打一次'],
      ['会再订', '下季度预算已批', '一月回访'],
    ],
  },
  Email: {
    en: [
      ['Sent catalogue', 'New autumn range', ''],
      ['Confirmed delivery date', 'Delivery on Thursday morning', ''],
      ['Invoice sent', 'Payment due in 30 days', 'Check payment'],
    ],
    zh: [
      ['已发样册', '秋季新品', ''],
      ['确认送货日期', '周四上午送货', ''],
      ['已发发票', '30 天内付款', '跟进付款'],
    ],
  },
  Message: {
    en: [
      ['Replied', 'Asked about delivery time on WeChat', ''],
      ['Thanked us', 'Sent photos of the new meeting room', ''],
    ],
    zh: [
      ['已回复', '微信询问送货时间', ''],
      ['表示感谢', '发来新会议室的照片', ''],
    ],
  },
  Gift: {
    en: [
      ['Delivered', 'Mooncakes for Mid-Autumn', ''],
      ['Delivered', 'New Year gift basket', ''],
    ],
    zh: [
      ['已送达', '中秋月饼', ''],
      ['已送达', '新年礼篮', ''],
    ],
  },
  Other: {
    en: [['Referral', 'Introduced a friend who needs desks', 'Thank them for the referral']],
    zh: [['转介绍', '介绍了一位需要办公桌的朋友', '感谢转介绍']],
  },
};

/** [what happened, what they want, small or big]. */
const COMPLAINTS: Record<Lang, ReadonlyArray<[string, string, 'Small' | 'Big']>> = {
  en: [
    ['Armrest broken on one chair', 'Replacement part', 'Small'],
    ['Delivery two days late', 'An apology and a firm date next time', 'Small'],
    ['Invoice amount wrong', 'Corrected invoice', 'Small'],
    ['Desk motor failed on three desks', 'Repair on site this week', 'Big'],
    ['Wrong colour for the whole order', 'Exchange of all items', 'Big'],
  ],
  zh: [
    ['一把椅子扶手坏了', '更换配件', 'Small'],
    ['送货晚了两天', '道歉并保证下次准时', 'Small'],
    ['发票金额有误', '重开发票', 'Small'],
    ['三张桌子电机故障', '本周上门维修', 'Big'],
    ['整单颜色发错', '全部换货', 'Big'],
  ],
};

// ---------------------------------------------------------------- model

interface Person {
  id: string;
  name: string;
  lang: Lang;
  /** Pinyin or ASCII name parts for the e-mail address. */
  mailName: string;
  company: string;
  domain: string;
}

interface CustomerRow {
  id: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  address: string;
  owner: string;
  language: string;
  revenue: string;
  lastPurchase: string;
  lastPurchaseAmount: string;
  customerSince: string;
  birthday: string;
  lastContact: string;
  snoozeUntil: string;
  status: string;
  referredBy: string;
}

interface PurchaseRow {
  customerId: string;
  date: CalDate;
  amount: number;
  product: string;
}

interface ContactRow {
  loggedAt: string;
  customerId: string;
  customerName: string;
  date: CalDate;
  type: ContactType;
  by: string;
  outcome: string;
  notes: string;
  nextStep: string;
  nextStepDate: string;
  complaintSize: string;
  resolvedOn: string;
}

/** What the generator knows about a customer beyond its row: drives purchases and contacts. */
interface Plan {
  row: CustomerRow;
  lang: Lang;
  /** Yearly spend in yuan, Pareto-distributed. */
  value: number;
  /** Rough tier by value rank, only to pick visit frequency in the history. */
  tier: 'A' | 'B' | 'C';
}

// ---------------------------------------------------------------- generator

export function generateWorkbook(options: GenerateOptions = {}): Workbook {
  const n = options.customers ?? SAMPLE_CUSTOMERS;
  if (!Number.isInteger(n) || n < 60)
    throw new Error(`customers must be an integer >= 60 (the featured and bad rows need room), got ${n}`);
  const today = options.today ?? SAMPLE_TODAY;
  const ppc = options.purchasesPerCustomer ?? 4.5;
  const cpc = options.contactsPerCustomer ?? 1.1;
  const dice = new Dice(makeRng(options.seed ?? SAMPLE_SEED));

  // C0001 for the sample, C000001 for 100k customers: sorts as text either way.
  const width = Math.max(4, String(n + 999).length);
  const idOf = (k: number) => 'C' + String(k).padStart(width, '0');
  const d = (offset: number) => addDays(today, offset);

  const plans: Plan[] = [];
  const purchases: PurchaseRow[] = [];
  const contacts: ContactRow[] = [];

  // ---- featured customers: a story for the demo date, relative to today.
  const featured = featuredCustomers(today, idOf);
  for (const f of featured) {
    plans.push({ row: f.row, lang: f.lang, value: f.value, tier: f.tier });
    purchases.push(...f.purchases);
    contacts.push(...f.contacts);
  }

  // ---- random customers.
  for (let k = featured.length + 1; k <= n; k++) {
    const person = randomPerson(dice, idOf(k));
    const owner = pickWeighted(dice, OWNERS);
    const r = dice.next();
    const status =
      r < 0.04 ? 'Prospect' : r < 0.06 ? 'Do not contact' : r < 0.09 ? 'Lost' : dice.chance(0.8) ? 'Active' : '';
    const row: CustomerRow = {
      id: person.id,
      name: person.name,
      company: person.company,
      email: dice.chance(0.06) ? '' : emailOf(person),
      phone: phoneOf(dice, person.lang),
      address: dice.chance(0.05) ? '' : addressOf(dice, person.lang),
      owner,
      // A few blank languages: Retain then uses the workbook's language.
      language: dice.chance(0.03) ? '' : person.lang,
      revenue: '',
      lastPurchase: '',
      lastPurchaseAmount: '',
      customerSince: '',
      birthday: birthdayOf(dice),
      lastContact: '',
      snoozeUntil: '',
      status,
      referredBy: '',
    };
    // alpha 1.05 rather than 1.16: the cap and a mere 200 rows trim the tail, and this lands
    // the sample near 80/20 (the top fifth of customers bring ~80 % of revenue).
    plans.push({ row, lang: person.lang, value: Math.min(dice.pareto(3000, 1.05), 900000), tier: 'C' });
  }

  // Rough tiers by value (80/95 % of cumulative value), for visit frequency in the history only.
  const byValue = plans.filter((p) => p.row.status !== 'Prospect').sort((a, b) => b.value - a.value);
  const total = byValue.reduce((s, p) => s + p.value, 0);
  let before = 0;
  for (const p of byValue) {
    p.tier = before < 0.8 * total ? 'A' : before < 0.95 * total ? 'B' : 'C';
    before += p.value;
  }
  const rankOf = new Map(byValue.map((p, i) => [p, 1 - i / byValue.length] as const));

  // Referrals: some customers were introduced by an earlier one (by name, as people write it).
  for (let i = featured.length; i < plans.length; i++) {
    if (dice.chance(0.08)) plans[i].row.referredBy = plans[dice.int(0, i - 1)].row.name;
  }

  // ---- history for the random customers.
  const featuredCount = featured.length;
  for (let i = featuredCount; i < plans.length; i++) {
    const p = plans[i];
    const status = p.row.status;
    if (status !== 'Prospect') {
      // Bigger customers buy more often: 0.5x to 1.5x the average count, at a rhythm of
      // their own (two years / that count between purchases, varying around it).
      const count = Math.max(1, Math.round(ppc * (0.5 + (rankOf.get(p) ?? 0)) * (0.6 + 0.8 * dice.next())));
      // Lost customers stopped buying more than a year ago; some others stopped at
      // some moment of the two years without saying so (what the win-back rule is for).
      const newest = status === 'Lost' ? -dice.int(400, 600) : dice.chance(0.3) ? -dice.int(1, 700) : 0;
      const days = historyDays(dice, today, count, newest);
      for (const at of days) {
        const amount = roundAmount(((p.value * 2) / Math.max(count, days.length)) * (0.5 + dice.next()));
        purchases.push({ customerId: p.row.id, date: d(at), amount, product: productFor(dice, amount, p.lang) });
      }
    }
    // Contacts: A customers get regular visits, everyone gets calls and e-mails.
    const count = Math.max(
      0,
      Math.round(cpc * (p.tier === 'A' ? 1.8 : p.tier === 'B' ? 1.1 : 0.6) * (0.5 + dice.next())),
    );
    const oldest = status === 'Lost' ? -700 : -365;
    const newest = status === 'Lost' ? -380 : -1;
    // A rep who keeps up: the last A visit 3-33 days ago (30-day cadence), most B visits 10-92 days
    // ago (90-day cadence), so a handful are due around the demo date instead of every row at once.
    const mine: ContactRow[] = [];
    if (p.tier === 'A' && status !== 'Lost') mine.push(contactOf(dice, p, 'Visit', d(-dice.int(3, 33)), today));
    if (p.tier === 'B' && status !== 'Lost' && dice.chance(0.9))
      mine.push(contactOf(dice, p, 'Visit', d(-dice.int(10, 92)), today));
    for (let j = 0; j < count; j++) {
      const type = pickWeighted<ContactType>(dice, [
        ['Call', 0.4],
        ['Email', 0.2],
        ['Visit', p.tier === 'C' ? 0.03 : 0.15],
        ['Message', 0.12],
        ['Gift', 0.04],
        ['Complaint', 0.05],
        ['Other', 0.03],
      ]);
      mine.push(contactOf(dice, p, type, d(dice.int(oldest, newest)), today));
    }
    contacts.push(...mine, ...followThrough(dice, p, mine, today));
  }

  // ---- derived columns: what the rep's sheet says after keeping it up to date by hand.
  const byCustomer = groupBy(purchases, (x) => x.customerId);
  const contactsBy = groupBy(contacts, (x) => x.customerId);
  for (let i = featuredCount; i < plans.length; i++) {
    const row = plans[i].row;
    const own = (byCustomer.get(row.id) ?? []).filter((x) => x.date <= today);
    if (own.length > 0) {
      const last = own.reduce((a, b) => (b.date > a.date ? b : a));
      const first = own.reduce((a, b) => (b.date < a.date ? b : a));
      const yearly = own.filter((x) => daysBetween(x.date, today) < 365).reduce((s, x) => s + x.amount, 0);
      row.revenue = yearly > 0 ? String(yearly) : '0';
      row.lastPurchase = last.date;
      row.lastPurchaseAmount = String(last.amount);
      // Many were customers before the two years of purchases kept here.
      row.customerSince = dice.chance(0.04)
        ? ''
        : dice.chance(0.5)
          ? addDays(first.date, -dice.int(30, 1500))
          : first.date;
    }
    const seen = contactsBy.get(row.id) ?? [];
    if (seen.length > 0) row.lastContact = seen.reduce((a, b) => (b.date > a.date ? b : a)).date;
  }

  // ---- BAD ROWS: each mistake once, among the random rows, at positions that scale with n.
  const at = (fraction: number) => plans[Math.max(featuredCount, Math.floor(n * fraction))];
  // A duplicate Customer ID: the ID of the featured Lost customer typed again on another row. No history of its own.
  const dup = at(0.62);
  dropHistory(dup, purchases, contacts);
  dup.row.id = featured.find((f) => f.row.status === 'Lost')!.row.id;
  // A blank ID (Set up fills it in). No purchases can point at it.
  const blank = at(0.31);
  dropHistory(blank, purchases, contacts);
  blank.row.id = '';
  // Revenue typed as "3k".
  at(0.44).row.revenue = '3k';
  // An impossible date.
  at(0.53).row.lastContact = '2026-13-45';
  // A row with no name (the rest filled in).
  at(0.71).row.name = '';
  // Two bad purchases: one dated in the future, one for a Customer ID that does not exist.
  purchases.push({ customerId: plans[featuredCount + 3].row.id, date: d(17), amount: 5200, product: 'Standing desk' });
  purchases.push({ customerId: idOf(n + 799), date: d(-20), amount: 3600, product: 'Filing cabinet' });

  purchases.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  contacts.sort((a, b) => (a.loggedAt < b.loggedAt ? -1 : a.loggedAt > b.loggedAt ? 1 : 0));

  return {
    Customers: toSheet(
      SHEETS.customers,
      plans.map((p) => p.row as unknown as Record<string, string>),
    ),
    Purchases: toSheet(
      SHEETS.purchases,
      purchases.map((x) => ({ customerId: x.customerId, date: x.date, amount: String(x.amount), product: x.product })),
    ),
    'Contact log': toSheet(SHEETS.contactLog, contacts as unknown as Array<Record<string, string>>),
    Holidays: toSheet(
      SHEETS.holidays,
      HOLIDAYS.map(([date, name]) => ({ date, name })),
    ),
  };
}

/** The rows of one sheet: the schema's English headers of the user's (unmanaged) columns, then the values by field key. */
function toSheet(spec: SheetSpec, rows: Array<Record<string, string>>): string[][] {
  const fields = spec.fields.filter((f) => !f.managed);
  return [fields.map((f) => f.en), ...rows.map((r) => fields.map((f) => r[f.key] ?? ''))];
}

/** Call before changing the row's ID: removes the purchases and contacts filed under its current one. */
function dropHistory(p: Plan, purchases: PurchaseRow[], contacts: ContactRow[]): void {
  const id = p.row.id;
  for (const list of [purchases, contacts] as Array<Array<{ customerId: string }>>) {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].customerId === id) list.splice(i, 1);
  }
  Object.assign(p.row, { revenue: '', lastPurchase: '', lastPurchaseAmount: '', lastContact: '' });
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function pickWeighted<T>(dice: Dice, options: ReadonlyArray<readonly [T, number]>): T {
  const sum = options.reduce((s, [, w]) => s + w, 0);
  let r = dice.next() * sum;
  for (const [v, w] of options) {
    r -= w;
    if (r < 0) return v;
  }
  return options[options.length - 1][0];
}

function randomPerson(dice: Dice, id: string): Person {
  const zh = dice.chance(0.6);
  const individual = dice.chance(0.12);
  if (zh) {
    const [s, sp] = dice.pick(ZH_SURNAMES);
    const [g, gp] = dice.pick(ZH_GIVEN);
    const [company, domain] = individual ? ['', dice.pick(PERSONAL_DOMAINS)] : dice.pick(ZH_COMPANIES);
    return { id, name: s + g, lang: 'zh', mailName: `${gp}.${sp}`, company, domain };
  }
  const first = dice.pick(EN_FIRST);
  const last = dice.pick(EN_LAST);
  const [company, domain] = individual ? ['', dice.pick(PERSONAL_DOMAINS)] : dice.pick(EN_COMPANIES);
  return { id, name: `${first} ${last}`, lang: 'en', mailName: `${first}.${last}`, company, domain };
}

function emailOf(p: Person): string {
  const local = p.mailName
    .toLowerCase()
    .replace(/ü/g, 'ue')
    .replace(/[^a-z.]/g, '');
  return `${local}@${p.domain}`;
}

/** Chinese mobiles and Shanghai landlines; never a leading '+', which Sheets would read as a formula. */
function phoneOf(dice: Dice, lang: Lang): string {
  const four = () => String(dice.int(0, 9999)).padStart(4, '0');
  if (lang === 'en' && dice.chance(0.3)) return `021-${String(dice.int(5000, 6999))} ${four()}`;
  return `1${dice.pick(['38', '39', '35', '86', '58', '37'])} ${four()} ${four()}`;
}

function addressOf(dice: Dice, lang: Lang): string {
  const no = dice.int(1, 1888);
  if (lang === 'zh') return `上海市${dice.pick(ZH_DISTRICTS)}${dice.pick(ZH_STREETS)}${no}号`;
  return `${no} ${dice.pick(EN_STREETS)}, ${dice.pick(EN_DISTRICTS)}, Shanghai`;
}

/** Birthdays as people keep them: a full date, a month-day without the year, or nothing. */
function birthdayOf(dice: Dice): string {
  const r = dice.next();
  if (r < 0.45) return '';
  const month = dice.int(1, 12);
  const day = dice.int(1, 28);
  if (r < 0.8) return ymd(dice.int(1958, 1998), month, day);
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole yuan above 1,000 rounded to tens, the way prices are quoted. */
/**
 * Purchase days (offsets from today, -729 .. newest - 1) of a customer who
 * buys about `count` times in two years at a steady rhythm (rhythm.ts); at
 * least one, so every customer in the history has bought.
 */
function historyDays(dice: Dice, today: CalDate, count: number, newest: number): number[] {
  const gap = 730 / count;
  const t = toDayNumber(today);
  const days = purchaseDays(() => dice.next(), { from: t - 729 - Math.ceil(gap), to: t + newest, gap, sigma: 0.3 })
    .map((x) => x - t)
    .filter((x) => x >= -729);
  return days.length > 0 ? days : [dice.int(-729, Math.max(-729, newest - 1))];
}

function roundAmount(x: number): number {
  const v = Math.max(99, x);
  return v >= 1000 ? Math.round(v / 10) * 10 : Math.round(v);
}

function productFor(dice: Dice, amount: number, lang: Lang): string {
  // The product whose typical price is nearest the amount, sometimes a neighbour.
  const sorted = [...PRODUCTS].sort((a, b) => Math.abs(a[2] - amount) - Math.abs(b[2] - amount));
  const [en, zh] = sorted[dice.chance(0.7) ? 0 : 1];
  return lang === 'zh' ? zh : en;
}

/** Working-hours time for `Logged at` (the sidebar writes date and time). */
function loggedAt(dice: Dice, date: CalDate): string {
  return `${date} ${String(dice.int(9, 18)).padStart(2, '0')}:${String(dice.pick([0, 5, 10, 15, 20, 30, 40, 45, 50])).padStart(2, '0')}`;
}

function contactOf(dice: Dice, p: Plan, type: ContactType, date: CalDate, today: CalDate): ContactRow {
  const base = {
    loggedAt: loggedAt(dice, date),
    customerId: p.row.id,
    customerName: p.row.name,
    date,
    type,
    by: p.row.owner,
    nextStepDate: '',
    complaintSize: '',
    resolvedOn: '',
  };
  if (type === 'Complaint') {
    const [what, want, size] = dice.pick(COMPLAINTS[p.lang]);
    // Old complaints were resolved within days; a generated one is never left open (featured rows cover that).
    const resolvedOn = addDays(date, size === 'Small' ? dice.int(0, 1) : dice.int(1, 4));
    return {
      ...base,
      outcome: want,
      notes: what,
      nextStep: '',
      complaintSize: size,
      resolvedOn: resolvedOn < today ? resolvedOn : date,
    };
  }
  const [outcome, notes, nextStep] = dice.pick(CONTACT_TEXT[type][p.lang]);
  const nextStepDate = nextStep ? addDays(date, dice.int(7, 30)) : '';
  return { ...base, outcome, notes, nextStep, nextStepDate };
}

/**
 * A rep mostly does the next steps they write down: for most next steps whose
 * date has passed and that no later contact covers, the contact that did it.
 * Without this, every next step of the past year would be overdue tonight.
 */
function followThrough(dice: Dice, p: Plan, mine: ContactRow[], today: CalDate): ContactRow[] {
  const done: ContactRow[] = [];
  for (const c of mine) {
    if (!c.nextStepDate || c.nextStepDate >= today || !dice.chance(0.85)) continue;
    if (mine.some((o) => o.date >= c.nextStepDate && o !== c)) continue;
    const date = addDays(c.nextStepDate, dice.int(0, 2));
    if (date >= today) continue;
    const f = contactOf(dice, p, dice.chance(0.6) ? 'Call' : 'Email', date, today);
    done.push({ ...f, nextStep: '', nextStepDate: '' });
  }
  return done;
}

// ---------------------------------------------------------------- featured customers

interface Featured {
  row: CustomerRow;
  lang: Lang;
  value: number;
  tier: 'A' | 'B' | 'C';
  purchases: PurchaseRow[];
  contacts: ContactRow[];
}

/**
 * Hand-written customers, each showing one rule on the demo date (offsets are
 * days from today; today is a Monday, so -1 is a Sunday and -3 a Friday).
 */
function featuredCustomers(today: CalDate, idOf: (k: number) => string): Featured[] {
  const d = (offset: number) => addDays(today, offset);
  const out: Featured[] = [];
  let k = 0;
  const add = (
    spec: Partial<CustomerRow> & { name: string; lang: Lang; email: string },
    value: number,
    tier: 'A' | 'B' | 'C',
    buys: Array<[number, number, string]>,
    talks: Array<Partial<ContactRow> & { at: number; type: ContactType }>,
  ) => {
    const id = idOf(++k);
    const owner = spec.owner ?? (k % 3 === 0 ? 'mei.lin@example.com' : 'rep@example.com');
    const purchases = buys.map(([at, amount, product]) => ({ customerId: id, date: d(at), amount, product }));
    const contacts: ContactRow[] = talks.map((t) => ({
      loggedAt: `${d(t.at)} ${String(10 + (k % 7)).padStart(2, '0')}:${k % 2 ? '15' : '40'}`,
      customerId: id,
      customerName: spec.name,
      date: d(t.at),
      type: t.type,
      by: owner,
      outcome: t.outcome ?? '',
      notes: t.notes ?? '',
      nextStep: t.nextStep ?? '',
      nextStepDate: t.nextStepDate ?? '',
      complaintSize: t.complaintSize ?? '',
      resolvedOn: t.resolvedOn ?? '',
    }));
    const past = purchases.filter((x) => x.date <= today);
    const last = past.length ? past.reduce((a, b) => (b.date > a.date ? b : a)) : null;
    const yearly = past.filter((x) => daysBetween(x.date, today) < 365).reduce((s, x) => s + x.amount, 0);
    const lastContact = contacts.length ? contacts.reduce((a, b) => (b.date > a.date ? b : a)).date : '';
    const row: CustomerRow = {
      id,
      name: spec.name,
      company: spec.company ?? '',
      email: spec.email,
      phone:
        spec.phone ??
        (spec.lang === 'zh'
          ? `138 ${String(1000 + k * 37).slice(-4)} ${String(2000 + k * 91).slice(-4)}`
          : `021-6${String(100 + k * 13).slice(-3)} ${String(3000 + k * 57).slice(-4)}`),
      address: spec.address ?? '',
      owner,
      language: spec.lang,
      revenue: past.length ? String(yearly) : '',
      lastPurchase: last ? last.date : '',
      lastPurchaseAmount: last ? String(last.amount) : '',
      customerSince: spec.customerSince ?? (past.length ? past.reduce((a, b) => (b.date < a.date ? b : a)).date : ''),
      birthday: spec.birthday ?? '',
      lastContact,
      snoozeUntil: spec.snoozeUntil ?? '',
      status: spec.status ?? 'Active',
      referredBy: spec.referredBy ?? '',
    };
    out.push({ row, lang: spec.lang, value, tier, purchases, contacts });
  };

  // Bought yesterday: a Chinese thank-you draft and the day-1 call are due today.
  add(
    {
      name: '王小明',
      lang: 'zh',
      email: 'xiaoming.wang@huaxin.example.com',
      company: '华信科技有限公司',
      address: '上海市浦东新区世纪大道88号',
      customerSince: '2019-04-12',
      birthday: '1982-11-25',
    },
    400000,
    'A',
    [
      [-300, 98000, '工位组合'],
      [-120, 45000, '会议桌'],
      [-1, 68000, '办公室整体装修'],
    ],
    [
      {
        at: -20,
        type: 'Visit',
        outcome: '洽谈顺利',
        notes: '讨论新办公室装修',
        nextStep: '发装修方案',
        nextStepDate: d(-10),
      },
      { at: -8, type: 'Call', outcome: '确认订单', notes: '周日送货安装' },
    ],
  );
  // Bought on Saturday: an English thank-you draft.
  add(
    {
      name: 'Alice Chen',
      lang: 'en',
      email: 'alice.chen@chenpartners.example.com',
      company: 'Chen & Partners Design',
      address: "1288 West Nanjing Road, Jing'an, Shanghai",
      customerSince: '2021-06-01',
      birthday: '06-21',
    },
    180000,
    'A',
    [
      [-200, 24000, 'Workstation cluster'],
      [-2, 12800, 'Sofa set'],
    ],
    [
      {
        at: -25,
        type: 'Visit',
        outcome: 'Good meeting',
        notes: 'Wants a lounge corner for clients',
        nextStep: 'Send sofa options',
      },
    ],
  );
  // An open big complaint from last Wednesday: the third working day is today.
  add(
    {
      name: '李娜',
      lang: 'zh',
      email: 'na.li@meitu.example.com',
      company: '上海美途贸易有限公司',
      address: '上海市徐汇区漕溪北路366号',
      birthday: '1990-05-03',
    },
    90000,
    'A',
    [[-60, 42000, '升降桌']],
    [{ at: -5, type: 'Complaint', outcome: '本周上门维修', notes: '三张桌子电机故障', complaintSize: 'Big' }],
  );
  // A complaint resolved on Friday: the feedback call is due on the next working day, today.
  add(
    {
      name: '陈建国',
      lang: 'zh',
      email: 'jianguo.chen@guojian.example.com',
      company: '国建工程集团',
      address: '上海市闵行区虹桥路1500号',
      birthday: '1975-08-08',
      customerSince: '2018-03-20',
    },
    60000,
    'B',
    [
      [-90, 15800, '前台'],
      [-45, 9800, '会议桌'],
    ],
    [
      {
        at: -10,
        type: 'Complaint',
        outcome: '重开发票',
        notes: '发票金额有误',
        complaintSize: 'Small',
        resolvedOn: d(-3),
      },
    ],
  );
  // Bob's e-mail is "bob@": his purchase yesterday gets no draft, and the row says why.
  add(
    {
      name: 'Bob Martin',
      lang: 'en',
      email: 'bob@',
      company: 'Martin Logistics',
      address: '55 Hongqiao Road, Changning, Shanghai',
    },
    25000,
    'B',
    [[-1, 4200, 'Standing desk']],
    [],
  );
  // Bought last Friday: the day-3 manager call is due today (no draft: outside the 2-day window).
  add(
    {
      name: 'Emma Wilson',
      lang: 'en',
      email: 'emma.wilson@wilsonarch.example.com',
      company: 'Wilson Architects',
      address: '900 Century Avenue, Pudong, Shanghai',
      birthday: '1988-02-14',
    },
    50000,
    'B',
    [[-3, 9800, 'Meeting table']],
    [{ at: -30, type: 'Email', outcome: 'Sent catalogue', notes: 'New autumn range' }],
  );
  // Bought a week ago: the day-7 check-in call is due today.
  add(
    {
      name: '张伟',
      lang: 'zh',
      email: 'wei.zhang@yunfan.example.com',
      company: '云帆软件',
      address: '上海市浦东新区张江路200号',
    },
    40000,
    'B',
    [[-7, 6000, '年度维护']],
    [{ at: -6, type: 'Call', outcome: '对订单满意', notes: '送货顺利' }],
  );
  // Do not contact: bought on Saturday, but gets no draft and nothing due.
  add(
    {
      name: 'David Kim',
      lang: 'en',
      email: 'david.kim@redwood.example.com',
      company: 'Redwood Trading Co.',
      status: 'Do not contact',
    },
    8000,
    'C',
    [[-2, 1800, 'Ergonomic chair']],
    [],
  );
  // Birthday on Wednesday, stored without a year: shown from 3 days before.
  add(
    {
      name: '刘芳',
      lang: 'zh',
      email: 'fang.liu@example.net',
      birthday: d(2).slice(5),
      address: '上海市静安区南京西路1601号',
    },
    12000,
    'C',
    [[-150, 3600, '文件柜']],
    [{ at: -70, type: 'Message', outcome: '表示感谢', notes: '发来新会议室的照片' }],
  );
  // Birthday tomorrow, a full date.
  add(
    {
      name: 'James Taylor',
      lang: 'en',
      email: 'james.taylor@blueharbor.example.com',
      company: 'Blue Harbor Consulting',
      birthday: `1980-${d(1).slice(5)}`,
    },
    30000,
    'B',
    [[-80, 15800, 'Reception desk']],
    [{ at: -40, type: 'Call', outcome: 'Happy with the order', notes: 'Delivery went well' }],
  );
  // Born on 29 February, stored as month-day.
  add(
    {
      name: '赵敏',
      lang: 'zh',
      email: 'min.zhao@tianhe-cpa.example.com',
      company: '天和会计师事务所',
      birthday: '02-29',
    },
    15000,
    'C',
    [[-200, 4200, '升降桌']],
    [],
  );
  // Snoozed until December, but an open small complaint phoned in on Sunday is due anyway (today, the next working day).
  add(
    {
      name: 'Sophie Laurent',
      lang: 'en',
      email: 'sophie.laurent@brightline.example.com',
      company: 'Brightline Media',
      snoozeUntil: d(15),
    },
    20000,
    'C',
    [[-100, 7200, 'Ergonomic chair']],
    [
      {
        at: -1,
        type: 'Complaint',
        outcome: 'Replacement part',
        notes: 'Armrest broken on one chair',
        complaintSize: 'Small',
      },
    ],
  );
  // Snoozed until Friday: nothing due before.
  add(
    { name: '周杰', lang: 'zh', email: 'jie.zhou@changfeng.example.com', company: '长风广告传媒', snoozeUntil: d(4) },
    18000,
    'C',
    [[-75, 5400, '人体工学椅']],
    [{ at: -75, type: 'Call', outcome: '会再订', notes: '下季度预算已批' }],
  );
  // An open small complaint from last Friday: overdue.
  add(
    {
      name: '孙丽',
      lang: 'zh',
      email: 'li.sun@jinxiu.example.com',
      company: '锦绣酒店管理',
      address: '上海市黄浦区淮海中路500号',
    },
    70000,
    'B',
    [[-50, 24000, '工位组合']],
    [{ at: -3, type: 'Complaint', outcome: '道歉并保证下次准时', notes: '送货晚了两天', complaintSize: 'Small' }],
  );
  // A top customer last visited seven weeks ago: a visit is overdue and goes on the calendar.
  add(
    {
      name: 'Oliver Brown',
      lang: 'en',
      email: 'oliver.brown@goldengate.example.com',
      company: 'Golden Gate Imports',
      address: '77 Middle Huaihai Road, Huangpu, Shanghai',
      customerSince: '2017-09-01',
      birthday: '1979-07-30',
    },
    350000,
    'A',
    [
      [-330, 68000, 'Office fit-out'],
      [-160, 48000, 'Workstation cluster'],
      [-40, 19600, 'Meeting table'],
    ],
    [
      { at: -48, type: 'Visit', outcome: 'Satisfied', notes: 'Reviewed last order, no issues' },
      { at: -20, type: 'Email', outcome: 'Invoice sent', notes: 'Payment due in 30 days' },
    ],
  );
  // A prospect: only the recurring contact applies.
  add(
    { name: '吴婷', lang: 'zh', email: 'ting.wu@lvyuan.example.com', company: '绿源生物科技', status: 'Prospect' },
    0,
    'C',
    [],
    [
      {
        at: -35,
        type: 'Visit',
        outcome: '有意向',
        notes: '明年春天扩租一层',
        nextStep: '准备装修方案',
        nextStepDate: d(-5),
      },
    ],
  );
  // Lost: nothing is due. (Its ID is reused by the duplicate-ID bad row.)
  add(
    {
      name: 'Michael Scott',
      lang: 'en',
      email: 'michael.scott@northstar.example.com',
      company: 'Northstar Education',
      status: 'Lost',
    },
    5000,
    'C',
    [[-500, 3600, 'Filing cabinet']],
    [{ at: -480, type: 'Call', outcome: 'No answer', notes: 'Left a voicemail' }],
  );
  // Two more sales over the weekend, one in each language (added last, so the IDs above stay as they were).
  add(
    {
      name: 'Grace Lee',
      lang: 'en',
      email: 'grace.lee@example.org',
      address: '12 Caoxi North Road, Xuhui, Shanghai',
      birthday: '1992-04-09',
    },
    9000,
    'C',
    [[-1, 3600, 'Filing cabinet']],
    [{ at: -9, type: 'Message', outcome: 'Replied', notes: 'Asked about delivery time on WeChat' }],
  );
  add(
    {
      name: '黄磊',
      lang: 'zh',
      email: 'lei.huang@derun.example.com',
      company: '德润建材',
      address: '上海市普陀区延安西路2000号',
      customerSince: '2024-06-18',
    },
    45000,
    'B',
    [
      [-250, 15800, '前台'],
      [-2, 9800, '会议桌'],
    ],
    [{ at: -60, type: 'Visit', outcome: '洽谈顺利', notes: '看了会议室样品' }],
  );
  return out;
}

// ---------------------------------------------------------------- CSV

/** '\n' line ends: the committed files diff cleanly; papaparse quotes only where needed. */
export function toCsv(rows: unknown[][]): string {
  return Papa.unparse(rows as unknown[][], { newline: '\n' }) + '\n';
}

/** File name -> CSV text, one per sheet. */
export function workbookToCsv(wb: Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SAMPLE_SHEETS) out[`${name}.csv`] = toCsv(wb[name]);
  return out;
}

export function writeWorkbookDir(wb: Workbook, dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, text] of Object.entries(workbookToCsv(wb))) {
    const p = path.join(dir, file);
    fs.writeFileSync(p, text, 'utf8');
    written.push(p);
  }
  return written;
}

export const SAMPLES_DIR = path.resolve(__dirname, '../../samples');

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const customers = arg('--customers') ? Number(arg('--customers')) : undefined;
  const seed = arg('--seed') ? Number(arg('--seed')) : undefined;
  const today = arg('--today');
  const out = path.resolve(arg('--out') ?? SAMPLES_DIR);
  const wb = generateWorkbook({ customers, seed, today });
  for (const file of writeWorkbookDir(wb, out)) {
    const sheet = path.basename(file, '.csv') as SheetName;
    console.log(`${path.relative(process.cwd(), file) || file}: ${wb[sheet].length - 1} rows`);
  }
}

if (require.main === module) main(process.argv.slice(2));
