/**
 * The entry file: only `global.NAME = ...` wiring and the JSDoc Apps Script
 * shows. gas-webpack-plugin turns each assignment into a top-level
 * `function NAME(...)` with the comment above it (docs/platform.md, Entry
 * points and the bundle: entry points must be top-level declarations). The
 * arrow functions give the generated stubs their parameter names. No service
 * is called at top level.
 */
import { retainRfm } from './core/rfmFunction';
import { retainRisk } from './core/riskFunction';
import { retainTier } from './core/tiers';
import { cellContext_ } from './gas/cellContext';
import { buildMenu_ } from './server/menu';
import {
  runFollowUpTrigger_,
  runNightlyTrigger_,
  runNow_,
  scheduleNightlyRun_,
  setupSheetsNow_,
  showHelp_,
  stopNightlyRun_,
  toastRetain_,
} from './server/menuActions';
import * as api from './server/sidebarApi';
import { openSidebar_ } from './server/sidebarTab';
import type { SidebarApi } from './shared/api';

// The server implements the sidebar's contract exactly: the same function
// names, each with the contract's argument and result types. A compile-time
// check only (types emit nothing).
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SameFunction<F, G> = F extends (...args: infer A) => infer R
  ? G extends (...args: infer B) => infer S
    ? Same<[A, R], [B, S]>
    : false
  : false;
type Assert<T extends true> = T;
type _SameNames = Assert<Same<keyof typeof api, keyof SidebarApi>>;
type _SameTypes = Assert<
  { [K in keyof SidebarApi]: SameFunction<(typeof api)[K], SidebarApi[K]> }[keyof SidebarApi] extends true
    ? true
    : false
>;

declare global {
  var onOpen: (e?: unknown) => void;
  var onInstall: (e?: unknown) => void;
  var showLogContact: () => void;
  var showDueToday: () => void;
  var showSettings: () => void;
  var showHelp: () => void;
  var runFollowUpsNow: () => unknown;
  var previewTonightsRun: () => unknown;
  var scheduleNightlyRun: () => unknown;
  var stopNightlyRun: () => unknown;
  var setupSheets: () => unknown;
  var runNightly: (e?: { triggerUid?: string }) => unknown;
  var runFollowUp: (e?: { triggerUid?: string }) => unknown;
  var RETAIN_TIER: (revenue: unknown, a_cutoff?: unknown, b_cutoff?: unknown, method?: unknown) => string[][];
  var RETAIN_RISK: (
    customer_ids: unknown,
    purchase_customer_ids: unknown,
    purchase_dates: unknown,
    factor?: unknown,
    today?: unknown,
  ) => unknown[][];
  var RETAIN_RFM: (recency_days: unknown, frequency: unknown, monetary: unknown) => unknown[][];
  var getSidebarData: SidebarApi['getSidebarData'];
  var searchCustomers: SidebarApi['searchCustomers'];
  var getCustomerCard: SidebarApi['getCustomerCard'];
  var logContact: SidebarApi['logContact'];
  var getDueItems: SidebarApi['getDueItems'];
  var selectCustomerRow: SidebarApi['selectCustomerRow'];
  var getSettings: SidebarApi['getSettings'];
  var saveSettings: SidebarApi['saveSettings'];
  var scheduleNightly: SidebarApi['scheduleNightly'];
  var stopNightly: SidebarApi['stopNightly'];
  var previewRun: SidebarApi['previewRun'];
  var getColumns: SidebarApi['getColumns'];
  var saveColumns: SidebarApi['saveColumns'];
}

/**
 * Adds the Retain menu. Runs in the add-on's no-authorization mode too, so it
 * only builds the menu.
 * @param {Object} e The open event.
 */
global.onOpen = (e) => buildMenu_();

/**
 * Called when the add-on is installed: builds the menu at once.
 * @param {Object} e The install event.
 */
global.onInstall = (e) => global.onOpen(e);

/** Menu: opens the sidebar on the Log tab. */
global.showLogContact = () => openSidebar_('log');

/** Menu: opens the sidebar on the Due tab. */
global.showDueToday = () => openSidebar_('due');

/** Menu: opens the sidebar on the Settings tab. */
global.showSettings = () => openSidebar_('settings');

/** Menu: what Retain does, in a dialog. */
global.showHelp = () => showHelp_();

/** Menu: runs tonight's follow-ups now (drafts, visits, managed columns) and reports. */
global.runFollowUpsNow = () => runNow_('manual');

/** Menu: computes tonight's plan and shows it; makes and writes nothing. */
global.previewTonightsRun = () => runNow_('preview');

/** Menu: installs the daily trigger for runNightly at the nightlyHour setting. */
global.scheduleNightlyRun = () => {
  const r = scheduleNightlyRun_();
  toastRetain_(r.message);
  return r;
};

/** Menu: removes this user's nightly trigger for this spreadsheet. */
global.stopNightlyRun = () => {
  const r = stopNightlyRun_();
  toastRetain_(r.message);
  return r;
};

/** Menu: creates missing sheets and managed columns, fills blank Customer IDs. */
global.setupSheets = () => setupSheetsNow_();

/**
 * The nightly trigger's handler: opens the spreadsheet stored when the trigger
 * was installed and runs the follow-ups.
 * @param {Object} e The time-driven trigger event.
 */
global.runNightly = (e) => runNightlyTrigger_(e);

/**
 * One-off trigger set by a run that reached its time budget: finishes the rest.
 * @param {Object} e The time-driven trigger event.
 */
global.runFollowUp = (e) => runFollowUpTrigger_(e);

/**
 * ABC tiers for a whole column of revenue, e.g. =RETAIN_TIER(F2:F). A: the
 * customers making the first 80% of revenue, B: up to 95%, C: the rest.
 *
 * @param {number[][]} revenue The revenue column (or row), e.g. F2:F.
 * @param {number} a_cutoff Optional. Share for A: 0.8 (revenue method) or 0.2 (count method).
 * @param {number} b_cutoff Optional. Share for A and B together: 0.95 (revenue) or 0.5 (count).
 * @param {string} method Optional. "revenue" (cumulative revenue share, default) or "count" (customer rank share).
 * @return {string[][]} A, B or C for each row, blank for blank rows.
 * @customfunction
 */
global.RETAIN_TIER = (revenue, a_cutoff, b_cutoff, method) => retainTier(revenue, a_cutoff, b_cutoff, method);

/**
 * Customers slipping away against their own buying rhythm, e.g.
 * =RETAIN_RISK(A2:A, Purchases!A2:A, Purchases!B2:B). Blank when a customer is
 * fine, else how far past the rhythm: "15 d overdue: 75 d since, usually 30 d".
 * Refreshes when the columns change, not by itself each day: pass today to pin the date.
 *
 * @param {string[][]} customer_ids The Customer ID column, e.g. A2:A.
 * @param {string[][]} purchase_customer_ids The Customer ID column of the purchases, e.g. Purchases!A2:A.
 * @param {Date[][]} purchase_dates The Date column of the purchases, same rows, e.g. Purchases!B2:B.
 * @param {number} factor Optional. Slipping when the days since the last purchase exceed factor × the usual gap (default 2).
 * @param {Date} today Optional. The date to judge on (default: today in the spreadsheet's time zone).
 * @return {string[][]} One cell per customer: blank, or days overdue and the rhythm.
 * @customfunction
 */
global.RETAIN_RISK = (customer_ids, purchase_customer_ids, purchase_dates, factor, today) =>
  retainRisk(customer_ids, purchase_customer_ids, purchase_dates, factor, today, cellContext_());

/**
 * RFM scores (1-5, quintiles) and segment for each customer, e.g.
 * =RETAIN_RFM(H2:H, I2:I, J2:J): four columns R, F, M and the segment
 * (Champions, Loyal, ... Lost) in the spreadsheet's language.
 *
 * @param {number[][]} recency_days Days since the last purchase (or the last purchase date), one per customer.
 * @param {number[][]} frequency Number of purchases, same rows.
 * @param {number[][]} monetary Money spent, same rows.
 * @return {Array[][]} R, F, M and segment for each row; blank for blank rows.
 * @customfunction
 */
global.RETAIN_RFM = (recency_days, frequency, monetary) => retainRfm(recency_days, frequency, monetary, cellContext_());

/** Sidebar: first data when the sidebar opens. */
global.getSidebarData = (req) => api.getSidebarData(req);

/** Sidebar: customers matching a search. */
global.searchCustomers = (req) => api.searchCustomers(req);

/** Sidebar: one customer's card. */
global.getCustomerCard = (req) => api.getCustomerCard(req);

/** Sidebar: logs a contact for one or more customers. */
global.logContact = (req) => api.logContact(req);

/** Sidebar: what is due today and overdue, grouped by reason. */
global.getDueItems = (req) => api.getDueItems(req);

/** Sidebar: selects a customer's row. */
global.selectCustomerRow = (req) => api.selectCustomerRow(req);

/** Sidebar: the settings and the nightly trigger's state. */
global.getSettings = (req) => api.getSettings(req);

/** Sidebar: validates and saves settings (all or none). */
global.saveSettings = (req) => api.saveSettings(req);

/** Sidebar: schedules the nightly run. */
global.scheduleNightly = (req) => api.scheduleNightly(req);

/** Sidebar: stops the nightly run. */
global.stopNightly = (req) => api.stopNightly(req);

/** Sidebar: tonight's plan without making anything. */
global.previewRun = (req) => api.previewRun(req);

/** Sidebar: the column map, the fields Retain found and the ones to choose a column for. */
global.getColumns = (req) => api.getColumns(req);

/** Sidebar: saves one sheet's column map (all or nothing). */
global.saveColumns = (req) => api.saveColumns(req);

export {};
