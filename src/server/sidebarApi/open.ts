/** The sidebar opens: its first data (docs/architecture.md, A sidebar save). */
import { customerIdText } from '../../core/customerId';
import { MAX_SELECTED } from '../../core/logRequest';
import { CONTACT_TYPES, type Customer } from '../../core/model';
import { selectionOn_, timeZone_ } from '../../gas/spreadsheet';
import type { SidebarData } from '../../shared/api';
import { takeSidebarTab_ } from '../sidebarTab';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { safeUserEmail_, userLang_ } from '../user';
import { context_, customersById, plansById, summaryOf, type Context } from './context';

/** Customer IDs of the selected rows on the Customers sheet, the active row first. */
function selectedIds(ctx: Context): string[] {
  const table = ctx.wb.tables.customers;
  const idCol = table?.match.columns.id;
  if (!table || idCol === undefined) return [];
  const selection = selectionOn_(ctx.ss, table.sheetName);
  if (!selection) return [];
  const rows: number[] = [];
  if (selection.activeRow !== null) rows.push(selection.activeRow);
  for (const r of selection.ranges) {
    for (let i = r.row; i < r.row + r.rows && rows.length < MAX_SELECTED; i++) rows.push(i);
  }
  const ids: string[] = [];
  for (const row of rows) {
    const v = table.values[row - 1];
    // Read as the plan reads it: a date or number typed as an ID matches its customer.
    const id = v ? customerIdText(v[idCol], (d) => ctx.wb.clock.toCalDate(d)) : '';
    // Rows above and at the header row are a title and the headers, never a customer.
    if (row > table.headerRow + 1 && id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function getSidebarData(req: { tab?: 'log' | 'due' | 'settings' }): SidebarData {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const tab = takeSidebarTab_() ?? (req && (req.tab === 'due' || req.tab === 'settings') ? req.tab : 'log');
  const base: SidebarData = {
    lang,
    tab,
    today: '',
    timeZone: timeZone_(ss),
    user: safeUserEmail_(),
    selected: [],
    customers: [],
    contactTypes: CONTACT_TYPES.slice(),
    problems: [],
  };
  let ctx: Context;
  try {
    ctx = context_();
  } catch (e) {
    base.problems.push(e instanceof Error ? e.message : String(e));
    return base;
  }
  const byPlan = plansById(ctx.plan);
  const byId = customersById(ctx.wb);
  base.today = ctx.today;
  base.customers = ctx.wb.customers.filter((c) => c.id).map((c) => summaryOf(c, byPlan.get(c.id)));
  base.selected = selectedIds(ctx)
    .map((id) => byId.get(id))
    .filter((c): c is Customer => !!c)
    .map((c) => summaryOf(c, byPlan.get(c.id)));
  return base;
}
