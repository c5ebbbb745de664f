/**
 * The nothing-lost invariant (issue 6), one reusable check for every
 * end-to-end test: after any run,
 *  - every non-managed cell of every sheet equals its value before the run
 *    (rows matched by Customer ID, so a sort or insert by the user in the
 *    middle of a run is allowed for);
 *  - no row was deleted: every customer ID before is still there;
 *  - every draft and event made is recorded in the sheet, once.
 */
import type { Emulator } from '../../tools/emulator';

/** Headers Retain owns, per sheet, in English and Chinese. */
const MANAGED: Record<string, string[]> = {
  Customers: ['Tier', 'Next follow-up', 'Follow-up', 'Days to due', 'Thank-you draft', 'Next visit', 'Retain notes', '等级', '下次跟进', '跟进事项', '剩余天数', '感谢信', '下次拜访', '提示'],
  客户: ['Tier', 'Next follow-up', 'Follow-up', 'Days to due', 'Thank-you draft', 'Next visit', 'Retain notes', '等级', '下次跟进', '跟进事项', '剩余天数', '感谢信', '下次拜访', '提示'],
  Purchases: ['Thank-you draft', '感谢信'],
  购买记录: ['Thank-you draft', '感谢信'],
};
/** Sheets Retain writes whole rows to (its log), or appends to (contact log from the sidebar). */
const OWN_SHEETS = new Set(['Retain log', '运行记录']);

export type Snapshot = Record<string, unknown[][]>;

export function snapshot(emu: Emulator): Snapshot {
  const out: Snapshot = {};
  for (const name of emu.sheetNames()) {
    const values = emu.sheetValues(name);
    const formulas = emu.sheetFormulas(name);
    // A formula cell is compared by its formula, a value cell by its value.
    out[name] = values.map((row, r) => row.map((v, c) => (formulas[r]?.[c] ? { formula: formulas[r][c] } : v)));
  }
  return out;
}

/** A comparable primitive: Dates by instant, formulas by text. */
function norm(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Date]') return `date:${(v as Date).getTime()}`;
  if (v && typeof v === 'object') return JSON.stringify(v);
  return v === undefined || v === null ? '' : v;
}

function keyColumn(header: unknown[]): number {
  const i = header.findIndex((h) => typeof h === 'string' && /^(customer id|客户编号|id)$/i.test(h.trim()));
  return i;
}

/**
 * Every user cell of `before` is in `after`, unchanged. On sheets with a
 * Customer ID column, rows are matched by ID (first occurrence) and by
 * content otherwise; elsewhere by position. Returns a list of differences
 * (empty = the invariant holds), each naming the sheet, row and column.
 */
export function userCellChanges(before: Snapshot, after: Snapshot, opts: { appendOnly?: string[] } = {}): string[] {
  const diffs: string[] = [];
  for (const [sheet, rowsBefore] of Object.entries(before)) {
    if (OWN_SHEETS.has(sheet)) continue;
    const rowsAfter = after[sheet];
    if (!rowsAfter) {
      diffs.push(`${sheet}: sheet removed`);
      continue;
    }
    const headerBefore = rowsBefore[0] ?? [];
    const headerAfter = rowsAfter[0] ?? [];
    const managed = new Set(MANAGED[sheet] ?? []);
    // Columns are matched by header text; a user column must keep its header and position.
    const userCols: Array<{ before: number; after: number; name: string }> = [];
    headerBefore.forEach((h, c) => {
      const name = typeof h === 'string' ? h : String(h);
      if (typeof h === 'string' && managed.has(h.trim())) return;
      if (norm(headerAfter[c]) !== norm(h)) diffs.push(`${sheet}!R1C${c + 1}: header ${JSON.stringify(h)} became ${JSON.stringify(headerAfter[c])}`);
      userCols.push({ before: c, after: c, name });
    });
    const idCol = keyColumn(headerBefore);
    const rowKey = (row: unknown[]) => (idCol >= 0 ? String(norm(row[idCol])) : '');
    const afterByKey = new Map<string, unknown[][]>();
    for (let r = 1; r < rowsAfter.length; r++) {
      const k = idCol >= 0 ? rowKey(rowsAfter[r]) : '';
      const list = afterByKey.get(k) ?? [];
      list.push(rowsAfter[r]);
      afterByKey.set(k, list);
    }
    const usedAfter = new Set<unknown[]>();
    for (let r = 1; r < rowsBefore.length; r++) {
      const rb = rowsBefore[r];
      const userText = userCols.map((u) => norm(rb[u.before]));
      if (userText.every((v) => v === '')) continue;
      let match: unknown[] | undefined;
      if (idCol >= 0) {
        // Among rows with the same ID (IDs may be blank or duplicated), the one whose user cells all agree.
        match = (afterByKey.get(rowKey(rb)) ?? []).find((ra) => !usedAfter.has(ra) && userCols.every((u) => norm(ra[u.after]) === norm(rb[u.before])));
        if (!match && rowKey(rb) === '') {
          // Set up fills blank IDs: look for the row among all rows by its other cells.
          for (const list of afterByKey.values()) {
            match = list.find((ra) => !usedAfter.has(ra) && userCols.every((u) => u.before === idCol || norm(ra[u.after]) === norm(rb[u.before])));
            if (match) break;
          }
        }
      } else {
        match = rowsAfter[r];
        const bad = userCols.filter((u) => norm(match?.[u.after]) !== norm(rb[u.before]));
        if (bad.length === 0) match = rowsAfter[r];
        else {
          for (const u of bad) diffs.push(`${sheet}!R${r + 1}C${u.before + 1} (${u.name}): ${JSON.stringify(norm(rb[u.before]))} became ${JSON.stringify(norm(match?.[u.after]))}`);
          continue;
        }
      }
      if (!match) {
        diffs.push(`${sheet} row ${r + 1} (${idCol >= 0 ? 'ID ' + JSON.stringify(rb[idCol]) : 'no ID'}): no row after the run has the same user cells ${JSON.stringify(userText).slice(0, 200)}`);
        continue;
      }
      usedAfter.add(match);
    }
    if (opts.appendOnly?.includes(sheet) && rowsAfter.length < rowsBefore.length) diffs.push(`${sheet}: rows were removed`);
  }
  return diffs;
}

/** Draft keys recorded in the sheet must each correspond to exactly one draft in Gmail, and vice versa. */
export function draftsRecorded(emu: Emulator, sheet = 'Purchases'): { drafts: number; recorded: number; unrecorded: string[]; duplicates: string[] } {
  const drafts = emu.gmail.drafts();
  const ids = drafts.map((d) => d.id);
  const text = JSON.stringify(emu.sheetValues(sheet)) + JSON.stringify(emu.sheetNames().includes('Customers') ? emu.sheetValues('Customers') : []);
  const unrecorded = ids.filter((id) => !text.includes(id));
  const keys = drafts.map((d) => /X-Retain-Key: (\S+)/.exec(d.raw)?.[1] ?? '');
  const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
  return { drafts: drafts.length, recorded: ids.length - unrecorded.length, unrecorded, duplicates };
}

/** Retain events: none may share a key. */
export function eventKeyDuplicates(emu: Emulator): string[] {
  const keys = emu.calendar.events().map((e) => (e as { extendedProperties?: { private?: Record<string, string> } }).extendedProperties?.private?.retainKey ?? '');
  return keys.filter((k, i) => k && keys.indexOf(k) !== i);
}
