/**
 * How each column of the template looks: number format, width and drop-down
 * list. The sheets and headers come from src/core/schema.ts; this file only
 * dresses them, so a column added to the schema appears in the template with
 * the defaults below and needs an entry here only to look better.
 *
 * Keys are `sheetKey.fieldKey`; test/release/template.test.ts fails on a key
 * the schema does not have, so a renamed field cannot leave an entry behind.
 */
import { CONTACT_TYPES, STATUSES } from '../../src/core/model';
import type { SheetKey } from '../../src/core/schema';

export interface ColumnLook {
  /** Excel number format ('@' = plain text). */
  numFmt?: string;
  /** Width in characters. */
  width?: number;
  wrap?: boolean;
  /** Values of the drop-down list. */
  list?: readonly string[];
}

const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';
// Plain text: what is typed stays as typed (IDs and phone numbers keep their
// leading zeros, a birthday typed as 03-14 stays 03-14 instead of becoming a
// date in the current year: docs/data.md, Numbers and dates).
const TEXT = '@';

/**
 * The formats of Retain's managed columns are the ones Set up gives them when
 * it adds them (src/server/setup.ts, COLUMN_FORMATS): Set up never reformats a
 * column that exists, and in the template they all exist. The template test
 * compares these with what the built bundle's Set up writes.
 */
export const LOOKS: Partial<Record<`${SheetKey}.${string}`, ColumnLook>> = {
  'customers.id': { numFmt: TEXT, width: 13 },
  'customers.name': { width: 22 },
  'customers.company': { width: 22 },
  'customers.email': { width: 28 },
  'customers.phone': { numFmt: TEXT, width: 16 },
  'customers.address': { width: 30 },
  'customers.owner': { width: 24 },
  'customers.language': { width: 10 },
  'customers.revenue': { width: 12 },
  'customers.lastPurchase': { numFmt: DATE, width: 14 },
  'customers.lastPurchaseAmount': { width: 12 },
  'customers.customerSince': { numFmt: DATE, width: 14 },
  'customers.birthday': { numFmt: TEXT, width: 12 },
  'customers.lastContact': { numFmt: DATE, width: 14 },
  'customers.snoozeUntil': { numFmt: DATE, width: 14 },
  'customers.status': { width: 16, list: STATUSES },
  'customers.referredBy': { width: 18 },
  'customers.tier': { width: 8 },
  'customers.nextFollowUp': { numFmt: DATE, width: 14 },
  'customers.followUp': { numFmt: TEXT, width: 40 },
  'customers.daysToDue': { numFmt: '0', width: 11 },
  'customers.thankYouDraft': { numFmt: TEXT, width: 26 },
  'customers.nextVisit': { numFmt: DATE_TIME, width: 17 },
  'customers.retainNotes': { numFmt: TEXT, width: 50 },

  'purchases.customerId': { numFmt: TEXT, width: 13 },
  'purchases.date': { numFmt: DATE, width: 12 },
  'purchases.amount': { width: 12 },
  'purchases.product': { width: 28 },
  'purchases.thankYouDraft': { numFmt: TEXT, width: 26 },

  'contactLog.loggedAt': { numFmt: DATE_TIME, width: 17 },
  'contactLog.customerId': { numFmt: TEXT, width: 13 },
  'contactLog.customerName': { width: 22 },
  'contactLog.date': { numFmt: DATE, width: 12 },
  'contactLog.type': { width: 12, list: CONTACT_TYPES },
  'contactLog.by': { width: 24 },
  'contactLog.outcome': { width: 30 },
  'contactLog.notes': { width: 40 },
  'contactLog.nextStep': { width: 30 },
  'contactLog.nextStepDate': { numFmt: DATE, width: 14 },
  'contactLog.complaintSize': { width: 14 },
  'contactLog.resolvedOn': { numFmt: DATE, width: 13 },

  'templates.key': { numFmt: TEXT, width: 12 },
  'templates.language': { numFmt: TEXT, width: 10 },
  'templates.subject': { numFmt: TEXT, width: 36, wrap: true },
  'templates.body': { numFmt: TEXT, width: 90, wrap: true },

  'holidays.date': { numFmt: DATE, width: 12 },
  'holidays.name': { width: 28 },

  'runLog.started': { numFmt: DATE_TIME, width: 17 },
  'runLog.finished': { numFmt: DATE_TIME, width: 17 },
  'runLog.errors': { width: 60 },
};

/** Characters a header takes on screen: a CJK character is two columns wide. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/** The look of a column; one with no entry is plain, wide enough for its header. */
export function lookOf(sheet: SheetKey, field: string, header: string): ColumnLook {
  const look = LOOKS[`${sheet}.${field}`] ?? {};
  return { ...look, width: Math.max(look.width ?? 0, Math.min(displayWidth(header) + 4, 40), 8) };
}
