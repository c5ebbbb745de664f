/**
 * The plain data the core works on: what the adapters read out of the sheets
 * (already parsed into calendar dates and numbers) and the settings. Nothing
 * here knows about Apps Script; a row number is kept only so messages and
 * writes can point back at the user's sheet.
 */
import type { CalDate } from './dates';

export type Tier = 'A' | 'B' | 'C';
export const TIERS: readonly Tier[] = ['A', 'B', 'C'];

export type Lang = 'en' | 'zh';

export type Status = 'Active' | 'Prospect' | 'Do not contact' | 'Lost';
export const STATUSES: readonly Status[] = ['Active', 'Prospect', 'Do not contact', 'Lost'];

export type ContactType = 'Visit' | 'Call' | 'Email' | 'Message' | 'Gift' | 'Complaint' | 'Other';
export const CONTACT_TYPES: readonly ContactType[] = [
  'Visit',
  'Call',
  'Email',
  'Message',
  'Gift',
  'Complaint',
  'Other',
];

export type ComplaintSize = 'Small' | 'Big';

/** A birthday may come without a year ("03-14"). */
export interface MonthDay {
  month: number;
  day: number;
  year?: number;
}

/** A problem found in one row: shown in `Retain notes` and the run summary. */
export interface RowProblem {
  sheet: string;
  row: number;
  /** The user's own header of the cell. */
  column?: string;
  /**
   * The field key of the cell ('email', 'revenue' ...): what the problem
   * costs is what needs that field (docs/data.md, Numbers and dates; see
   * core/cellProblems.ts). Absent for a problem of the row as a whole.
   */
  field?: string;
  message: string;
}

export interface Customer {
  /** 1-based sheet row it was read from. */
  row: number;
  id: string;
  name: string;
  company: string;
  email: string;
  phone: string;
  address: string;
  owner: string;
  language: Lang | null;
  revenue: number | null;
  lastPurchase: CalDate | null;
  lastPurchaseAmount: number | null;
  customerSince: CalDate | null;
  birthday: MonthDay | null;
  lastContact: CalDate | null;
  snoozeUntil: CalDate | null;
  status: Status;
  referredBy: string;
  /** What the `Tier` cell shows now (a value Retain wrote, or a formula's result). */
  tierFromSheet: Tier | null;
  /** The user keeps a formula (e.g. =RETAIN_TIER(F2:F)) in `Tier`: read it, never overwrite it. */
  tierIsFormula: boolean;
  /** What the thank-you cell says (purchase recorded from the Customers sheet when there is no Purchases sheet). */
  thankYouDraft: string;
  /** What the `Next visit` cell says. */
  nextVisit: string;
  /** The problems' messages, for `Retain notes` (what each costs: cellProblems). */
  problems: string[];
  /**
   * The same problems with their cell (column and field key); absent when
   * the row has none. A cell with a problem is read as blank, and only what
   * needs that field is left out (core/cellProblems.ts, fieldOk).
   */
  cellProblems?: RowProblem[];
}

export interface Purchase {
  row: number;
  customerId: string;
  date: CalDate | null;
  amount: number | null;
  product: string;
  /** The `Thank-you draft` cell: non-empty once a draft was made (date and draft id). */
  thankYouDraft: string;
  problems: string[];
}

export interface Contact {
  row: number;
  loggedAt: string;
  customerId: string;
  customerName: string;
  date: CalDate | null;
  type: ContactType | null;
  by: string;
  outcome: string;
  notes: string;
  nextStep: string;
  nextStepDate: CalDate | null;
  complaintSize: ComplaintSize | null;
  resolvedOn: CalDate | null;
  problems: string[];
}

export interface Holiday {
  date: CalDate;
  name: string;
}

export interface TimeWindow {
  /** 'HH:MM', 24-hour, in the spreadsheet's time zone. */
  start: string;
  end: string;
}

/** The settings (README, Settings). Stored in document properties; defaults in settings.ts. */
export interface Settings {
  tierMethod: 'revenue' | 'count';
  tierCutoffs: [number, number];
  revenueWindowDays: number;
  minFollowUpAmount: number;
  postSaleSteps: number[];
  postSaleWindowDays: number;
  contactEveryDays: Record<Tier, number>;
  visitEveryDays: Record<Tier, number | null>;
  thankYouWindowDays: number;
  maxFollowUpsPerDay: number;
  /** 0 = Sunday ... 6 = Saturday. */
  workingDays: number[];
  visitWindows: Record<Tier, TimeWindow>;
  visitMinutes: number;
  visitLookaheadDays: number;
  maxVisitsPerDay: number;
  calendarId: string;
  nightlyHour: number;
  runBudgetSeconds: number;
  teamMode: boolean;
  senderName: string;
}
