/**
 * The write step of a run (docs/architecture.md, A nightly run): the plan's
 * managed values of every planned row, plus what tonight's actions recorded
 * (the draft cell, the next visit, the notes of what could not be made),
 * written in one pass over Customers and one over Purchases.
 */
import type { CalDate } from '../core/dates';
import { draftCellText } from '../core/draft';
import { tr, type Msg } from '../core/i18n';
import type { Lang } from '../core/model';
import type { Plan } from '../core/plan';
import { purchaseRowKeys } from '../core/purchaseKey';
import { parsePurchases } from '../core/rows';
import { SHEETS } from '../core/schema';
import type { DraftsResult } from './drafts';
import type { RunSummary } from './runSummary';
import type { VisitsResult } from './visits';
import { parseContext_, type Workbook } from './workbook';
import { notesCell, writeCustomers_, writePurchaseDrafts_, type RowValues } from './writeBack';

const NOT_WRITTEN: Msg = {
  en: 'Customer {id} was not found when writing (row deleted or its ID changed during the run).',
  zh: '写入时找不到客户 {id}（运行期间该行被删除或编号被修改）。',
};
const ROW_FAILED: Msg = {
  en: '{sheet} row {row} could not be written ({error}): its Retain columns keep their old values.',
  zh: '{sheet} 第 {row} 行无法写入（{error}）：其 Retain 列保持原值。',
};
const LONG_NOTES: Msg = {
  en: 'Customer {id} (row {row}) has more problems than Retain notes can show; the rest: {rest}',
  zh: '客户 {id}（第 {row} 行）的问题多于“提示”列能显示的；其余：{rest}',
};
const FORMULA_COLUMN: Msg = {
  en: 'Column "{header}" holds formulas: Retain read it and did not write it.',
  zh: '“{header}”列含有公式：Retain 只读取，不写入。',
};

/** What tonight's actions add to the rows, by customer ID (purchase cells by purchase key). */
interface Recorded {
  notes: Map<string, string[]>;
  draftCell: Map<string, string>;
  purchaseCells: Map<string, string>;
  nextVisit: Map<string, string>;
}

function recordedByActions(drafts: DraftsResult, visits: VisitsResult, today: CalDate): Recorded {
  const r: Recorded = {
    notes: new Map(),
    draftCell: new Map(),
    purchaseCells: new Map(),
    nextVisit: new Map(visits.upcoming),
  };
  const addNote = (id: string, note: string) => {
    const list = r.notes.get(id) ?? [];
    if (!list.includes(note)) list.push(note);
    r.notes.set(id, list);
  };
  for (const o of drafts.outcomes) {
    if ((o.status === 'made' || o.status === 'found') && o.draftId) {
      if (o.need.purchaseRow !== null) r.purchaseCells.set(o.need.key, draftCellText(today, o.draftId, null));
      r.draftCell.set(o.need.customerId, draftCellText(today, o.draftId, o.need.purchaseDate));
    } else if (o.reason && (o.status === 'skipped' || o.status === 'failed') && !drafts.stopped)
      addNote(o.need.customerId, o.reason);
  }
  for (const o of visits.outcomes) {
    if (o.start && (o.status === 'made' || o.status === 'found' || o.status === 'skipped'))
      r.nextVisit.set(o.need.customerId, o.start);
    if (o.status === 'skipped' && !o.start && o.reason) addNote(o.need.customerId, o.reason);
    // The visit the user deleted is not shown as the next one any more (unless another is booked).
    if (o.deleted && !visits.upcoming.has(o.need.customerId)) r.nextVisit.set(o.need.customerId, '');
    if (o.status === 'failed' && o.reason) addNote(o.need.customerId, o.reason);
  }
  return r;
}

/** Every planned row's values, by customer ID (several for an ID on several rows, in plan order). */
function rowValues(plan: Plan, r: Recorded): Map<string, RowValues[]> {
  const values = new Map<string, RowValues[]>();
  for (const cp of plan.customers) {
    if (!cp.customerId) continue;
    const extra = r.notes.get(cp.customerId) ?? [];
    const notes = [cp.managed.notes, ...extra].filter(Boolean).join('; ');
    const v: RowValues = { ...cp.managed, notes };
    const draft = r.draftCell.get(cp.customerId);
    if (draft !== undefined) v.thankYouDraft = draft;
    const visit = r.nextVisit.get(cp.customerId);
    if (visit !== undefined) v.nextVisit = visit;
    const list = values.get(cp.customerId) ?? [];
    list.push(v);
    values.set(cp.customerId, list);
  }
  return values;
}

/** The problems cut from a row's `Retain notes` go to the log, so none is lost from sight. */
function reportLongNotes(values: Map<string, RowValues[]>, plan: Plan, summary: RunSummary, lang: Lang): void {
  for (const cp of plan.customers) {
    const v = values.get(cp.customerId)?.[0];
    if (!v || notesCell(v.notes, lang).left === 0) continue;
    const shown = notesCell(v.notes, lang).text.split('; ').length - 1;
    const rest = v.notes.split('; ').slice(shown).join('; ');
    summary.errors.push(tr(lang, LONG_NOTES, { id: cp.customerId, row: cp.row, rest }));
  }
}

/** The Purchases sheet's `Thank-you draft` cells, found again by purchase key after a re-read. */
function writePurchaseCells(
  wb: Workbook,
  cells: Map<string, string>,
  lang: Lang,
  recorded: Set<string>,
  summary: RunSummary,
): void {
  const purchases = wb.tables.purchases;
  if (!purchases || cells.size === 0) return;
  const written = writePurchaseDrafts_(
    purchases.sheet,
    cells,
    (rows, headerRow, match) => {
      const table = { sheetName: purchases.sheetName, spec: SHEETS.purchases, values: rows, formulas: null, match };
      const parsed = parsePurchases({ ...table, headerRow }, parseContext_(wb, { ...purchases, ...table, headerRow }));
      const byRow = purchaseRowKeys(parsed.purchases);
      return rows.map((_, i) => byRow.get(i + 1) ?? null);
    },
    lang,
    wb.columnMap.purchases,
  );
  for (const k of written.recorded) recorded.add(k);
  for (const f of written.failedRows)
    summary.errors.push(tr(lang, ROW_FAILED, { sheet: purchases.sheetName, row: f.row, error: f.error }));
}

/** Writes the run's values; returns the draft keys the sheet now records (their journal entries can go). */
export function writeRun_(
  wb: Workbook,
  plan: Plan,
  drafts: DraftsResult,
  visits: VisitsResult,
  summary: RunSummary,
  lang: Lang,
): Set<string> {
  const recorded = new Set<string>();
  const r = recordedByActions(drafts, visits, plan.today);
  const customers = wb.tables.customers;
  if (customers) {
    const values = rowValues(plan, r);
    const w = writeCustomers_(customers.sheet, values, {
      toCalDate: (d) => wb.clock.toCalDate(d),
      lang,
      map: wb.columnMap.customers,
    });
    for (const id of w.missing) summary.errors.push(tr(lang, NOT_WRITTEN, { id }));
    for (const f of w.failedRows)
      summary.errors.push(tr(lang, ROW_FAILED, { sheet: customers.sheetName, row: f.row, error: f.error }));
    if (w.columns.has('retainNotes')) reportLongNotes(values, plan, summary, lang);
    for (const header of w.formulaColumns)
      if (header !== 'Tier' && header !== '等级') summary.errors.push(tr(lang, FORMULA_COLUMN, { header }));
    // Drafts for a Customers row's Last purchase are recorded in that row.
    if (w.columns.has('thankYouDraft')) {
      for (const o of drafts.outcomes)
        if (o.need.purchaseRow === null && w.written.has(o.need.customerId)) recorded.add(o.need.key);
    }
  }
  writePurchaseCells(wb, r.purchaseCells, lang, recorded, summary);
  return recorded;
}
