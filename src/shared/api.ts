/**
 * What crosses google.script.run between the sidebar and the server.
 *
 * Both sides import this one file, so a renamed field breaks the build, not
 * the user. Only plain data crosses: strings, numbers, booleans, null, arrays
 * and plain objects. Dates are ISO strings ('YYYY-MM-DD' for calendar dates)
 * because a Date anywhere in a call makes google.script.run fail silently.
 */

export type ApiLang = 'en' | 'zh';
export type ApiTier = 'A' | 'B' | 'C';
export type ApiContactType = 'Visit' | 'Call' | 'Email' | 'Message' | 'Gift' | 'Complaint' | 'Other';

/** Every server function the sidebar may call, with its argument and result. */
export interface SidebarApi {
  /** First call when the sidebar opens. */
  getSidebarData(req: { tab?: 'log' | 'due' | 'settings' }): SidebarData;
  searchCustomers(req: { query: string; limit?: number }): CustomerSummary[];
  getCustomerCard(req: { customerId: string }): CustomerCard;
  logContact(req: LogContactRequest): LogContactResult;
  getDueItems(req: Record<string, never>): DueGroup[];
  /** Select the customer's row in the sheet (from the Due tab). */
  selectCustomerRow(req: { customerId: string }): { ok: true; row: number };
  getSettings(req: Record<string, never>): SettingsView;
  saveSettings(req: { values: Record<string, unknown> }): SaveSettingsResult;
  scheduleNightly(req: Record<string, never>): TriggerState;
  stopNightly(req: Record<string, never>): TriggerState;
  previewRun(req: Record<string, never>): RunPreview;
  /** The column map: for each of the user's sheets, the fields Retain found and the ones to choose a column for. */
  getColumns(req: Record<string, never>): ColumnsView;
  /** Saves one sheet's column map (field -> header; '' = not in this sheet): all of it or none. */
  saveColumns(req: { sheet: ApiSheetKey; map: Record<string, string> }): SaveColumnsResult;
}

export type ApiName = keyof SidebarApi;

export interface SidebarData {
  lang: ApiLang;
  /** The tab the menu item asked for (Log a contact, Due today, Settings). */
  tab: 'log' | 'due' | 'settings';
  today: string;
  timeZone: string;
  user: string;
  /** Customers of the selected rows (the active row first); empty when the selection is not on Customers. */
  selected: CustomerSummary[];
  customers: CustomerSummary[];
  contactTypes: ApiContactType[];
  /** Problems that stop the sidebar from working (e.g. no Customers sheet), already in `lang`. */
  problems: string[];
}

export interface CustomerSummary {
  id: string;
  name: string;
  company: string;
  email: string;
  tier: ApiTier | '';
  row: number;
}

export interface ContactView {
  date: string;
  type: string;
  by: string;
  outcome: string;
  notes: string;
  nextStep: string;
  nextStepDate: string;
}

export interface DueView {
  kind: string;
  due: string;
  daysToDue: number;
  text: string;
}

export interface CustomerCard {
  customer: CustomerSummary;
  revenue: number | null;
  lastPurchase: string;
  lastContact: string;
  status: string;
  due: DueView[];
  lastContacts: ContactView[];
  openComplaints: number;
  notes: string;
}

export interface LogContactRequest {
  /** One customer, or every selected row at once. */
  customerIds: string[];
  date: string;
  type: ApiContactType;
  outcome: string;
  notes: string;
  nextStep: string;
  nextStepDate: string;
  complaintSize: '' | 'Small' | 'Big';
  resolvedOn: string;
  /** Who made the contact (the Contact log's `By`); empty or absent: the user's own address. */
  by?: string;
}

/** Field errors are keyed by request field name and already in the user's language. */
export type LogContactResult =
  | { ok: true; logged: number; cards: CustomerCard[] }
  | { ok: false; errors: Partial<Record<keyof LogContactRequest | 'form', string>> };

export interface DueGroup {
  kind: string;
  label: string;
  items: Array<{
    customerId: string;
    name: string;
    company: string;
    tier: ApiTier | '';
    due: string;
    daysToDue: number;
    text: string;
    row: number;
  }>;
}

/**
 * How the Settings form shows a setting: one control per kind, never raw JSON.
 * 'number' and 'hour' are number inputs; 'time' a time picker; 'days' seven
 * day checkboxes; 'perTier' one number per tier (with "none" when
 * `noneLabel` is given); 'windows' a start and an end time per tier; 'list'
 * a small text input that takes what the hint shows ("1, 3, 7"), sent as
 * typed. 'json' is kept for a setting no other kind fits.
 */
export type SettingKind =
  'number' | 'text' | 'boolean' | 'select' | 'hour' | 'time' | 'days' | 'perTier' | 'windows' | 'list' | 'json';

export interface SettingField {
  key: string;
  label: string;
  help: string;
  /** JSON-friendly current value. */
  value: unknown;
  kind: SettingKind;
  /** select: the values sent ... */
  options?: string[];
  /** ... and what the user reads for each, in their language. */
  optionLabels?: string[];
  /** number, hour, perTier: the allowed range; step 1 = whole numbers, 'any' = decimals too. */
  min?: number;
  max?: number;
  step?: number | 'any';
  /** number, perTier, hour: shown after the input, in the user's language ('days', '天', ':00'). */
  unit?: string;
  /** perTier, windows: one control per tier, in this order. */
  tiers?: ApiTier[];
  /** perTier: a tier may have no value; the checkbox that says so has this label. */
  noneLabel?: string;
  /** The message for a value the form can tell is wrong before sending (a number input holding no number). */
  invalid?: string;
}

export interface TriggerState {
  scheduled: boolean;
  hour: number | null;
  timeZone: string;
  message: string;
}

export interface SettingsView {
  fields: SettingField[];
  trigger: TriggerState;
}

export type SaveSettingsResult = { ok: true; settings: SettingsView } | { ok: false; errors: Record<string, string> };

export interface RunPreview {
  today: string;
  due: Array<{ label: string; count: number }>;
  drafts: Array<{ customer: string; email: string; subject: string }>;
  visits: Array<{ customer: string; due: string; tier: ApiTier }>;
  skipped: Array<{ what: string; customer: string; reason: string }>;
  problems: string[];
}

/** The user's sheets whose columns may be mapped. */
export type ApiSheetKey = 'customers' | 'purchases' | 'contactLog';

/** A field Retain did not find by its header (or one the user mapped): pick its column from the sheet's headers. */
export interface ColumnChoice {
  field: string;
  /** The field's name in the user's language. */
  label: string;
  required: boolean;
  /** The header the user chose, or ''. */
  mapped: string;
  /** The chosen header is no longer in the sheet (renamed or deleted): the field is not read. */
  gone: boolean;
  /** The sheet's headers Retain does not use, nearest to the field first; `near` when close enough to suggest. */
  options: Array<{ header: string; near: boolean }>;
}

export interface SheetColumns {
  sheet: ApiSheetKey;
  /** The sheet's name in the workbook. */
  name: string;
  /** 1-based row of its headers. */
  headerRow: number;
  /** Fields Retain reads, and the header of each (a name from two columns: "First Name + Last Name"). */
  found: Array<{ field: string; label: string; header: string }>;
  choices: ColumnChoice[];
  /** Messages in the user's language: a mapped column that is gone, a required field with no column. */
  problems: string[];
}

export interface ColumnsView {
  sheets: SheetColumns[];
}

export type SaveColumnsResult = { ok: true; columns: ColumnsView } | { ok: false; errors: Record<string, string> };
