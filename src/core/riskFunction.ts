/**
 * The logic of `=RETAIN_RISK(customer_ids, purchase_customer_ids,
 * purchase_dates, [factor], [today])` (docs/platform.md, Custom functions;
 * the rule: docs/rules.md, Win-back, and risk.ts). For each customer row: ''
 * when fine (or never bought), else how far past their rhythm they are, e.g.
 * "15 d overdue: 75 d since, usually 30 d". Customers with fewer than 3
 * purchase days are measured against the typical rhythm of the others in the
 * column (there are no tiers here).
 *
 * "Today" is the spreadsheet's today when the formula is calculated. Sheets
 * recalculates a custom function only when one of its arguments changes, and
 * volatile functions such as NOW() may not be passed to one (Apps Script
 * custom-function guide, "Arguments"): so the cells refresh when the columns
 * change, not by themselves each morning. `today` pins the date explicitly
 * (a date typed in a cell) for a reproducible result or a look back.
 */
import { parseDate } from './cells';
import {
  columnArg,
  idText,
  isBlankCell,
  numberArg,
  sameLength,
  shaped,
  todayArg,
  type CellContext,
} from './customArgs';
import { tr, type Msg } from './i18n';
import { rhythmTable, tableRisks } from './risk';
import { riskCellText } from './riskText';
import { toDayNumber } from './dates';

const FN = 'RETAIN_RISK';

const BAD_DATE: Msg = {
  en: '#VALUE: purchase_dates row {row}: {message}',
  zh: '#VALUE: purchase_dates 第{row}行：{message}',
};

function factorArg(v: unknown): number {
  const f = numberArg(FN, 'factor', v, 2);
  if (!(f >= 1 && f <= 100)) {
    throw new Error(`${FN}: factor must be between 1 and 100 (2 = twice the usual gap between purchases), got ${f}`);
  }
  return f;
}

interface Purchases {
  customerOf: Int32Array;
  dayOf: Int32Array;
  /** First bad date per customer group, as the cell's error text. */
  bad: Map<number, string>;
}

/** Purchases matched to the customers' groups; a bad date marks its customer, blanks and strangers are skipped. */
function readPurchases(ids: unknown[], dates: unknown[], groupOf: Map<string, number>, ctx: CellContext): Purchases {
  const n = ids.length;
  const customerOf = new Int32Array(n).fill(-1);
  const dayOf = new Int32Array(n);
  const bad = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const g = groupOf.get(idText(ids[i]));
    if (g === undefined) continue;
    const v = dates[i];
    const parsed = parseDate(v, ctx.toCalDate);
    if (parsed === null) continue;
    if (!parsed.ok) {
      if (!bad.has(g)) bad.set(g, tr(ctx.lang, BAD_DATE, { row: i + 1, message: parsed.message[ctx.lang] }));
      continue;
    }
    customerOf[i] = g;
    dayOf[i] = toDayNumber(parsed.value);
  }
  return { customerOf, dayOf, bad };
}

export function retainRisk(
  customerIds: unknown,
  purchaseCustomerIds: unknown,
  purchaseDates: unknown,
  factor: unknown,
  today: unknown,
  ctx: CellContext,
): unknown[][] {
  const customers = columnArg(FN, 'customer_ids', customerIds);
  const pIds = columnArg(FN, 'purchase_customer_ids', purchaseCustomerIds);
  const pDates = columnArg(FN, 'purchase_dates', purchaseDates);
  sameLength(FN, [
    ['purchase_customer_ids', pIds],
    ['purchase_dates', pDates],
  ]);
  const f = factorArg(factor);
  const day = toDayNumber(todayArg(FN, today, ctx));

  const groupOf = new Map<string, number>();
  const groupAt = new Int32Array(customers.cells.length);
  for (let i = 0; i < customers.cells.length; i++) {
    const id = isBlankCell(customers.cells[i]) ? '' : idText(customers.cells[i]);
    if (id === '') {
      groupAt[i] = -1;
      continue;
    }
    let g = groupOf.get(id);
    if (g === undefined) groupOf.set(id, (g = groupOf.size));
    groupAt[i] = g;
  }

  const p = readPurchases(pIds.cells, pDates.cells, groupOf, ctx);
  const amounts = new Float64Array(p.customerOf.length).fill(NaN);
  const table = rhythmTable(p.customerOf, p.dayOf, amounts, groupOf.size, day);
  const risks = tableRisks(table, new Array(groupOf.size).fill(null), day, { factor: f, minPurchases: 3 });

  const rows: unknown[][] = new Array(groupAt.length);
  for (let i = 0; i < groupAt.length; i++) {
    const g = groupAt[i];
    rows[i] = [g < 0 ? '' : (p.bad.get(g) ?? riskCellText(risks[g], ctx.lang))];
  }
  return shaped(rows, customers.horizontal);
}
