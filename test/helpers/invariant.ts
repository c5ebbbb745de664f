/**
 * The nothing-lost invariant (docs/testing.md, Kinds of tests), one reusable check for every
 * end-to-end test: after any run,
 *  - every non-managed cell of every sheet equals its value before the run
 *    (rows matched by Customer ID, so a sort or insert by the user in the
 *    middle of a run is allowed for);
 *  - no row was deleted: every customer ID before is still there;
 *  - every draft and event made is recorded in the sheet, once.
 */
import { createHash } from 'crypto';
import type { Emulator } from '../../tools/emulator';
import { wallTime } from '../../tools/emulator';

/**
 * Headers Retain owns, per sheet kind, as [English, Chinese] pairs (one pair =
 * one managed field). Matched the way Retain matches headers (case, spaces,
 * punctuation and full-width forms ignored); only the FIRST column of a field
 * is managed: Retain writes that one, so a second column with the same header
 * is the user's and must be left alone.
 */
const MANAGED_FIELDS: Record<'customers' | 'purchases', Array<[string, string]>> = {
  customers: [
    ['Tier', '等级'],
    ['Next follow-up', '下次跟进'],
    ['Follow-up', '跟进事项'],
    ['Days to due', '剩余天数'],
    ['Thank-you draft', '感谢信'],
    ['Next visit', '下次拜访'],
    ['Retain notes', '提示'],
  ],
  purchases: [['Thank-you draft', '感谢信']],
};
/** Sheets Retain writes whole rows to (its log), and the dashboard it rewrites each run (its user cells: test/bundle/dashboard.test.ts). */
const OWN_SHEETS = new Set(['Retain log', '运行记录', 'Retain dashboard', '总览']);

/** A header or sheet name as Retain compares it (src/core/headers.ts normalizeHeader, restated). */
export function normalizeName(s: unknown): string {
  return typeof s === 'string'
    ? s
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\p{P}\p{S}\p{Z}\p{Cf}]/gu, '')
    : '';
}

/** Which Retain sheet a sheet name is, if any. */
export function sheetKind(
  name: string,
): 'customers' | 'purchases' | 'contactLog' | 'runLog' | 'templates' | 'holidays' | null {
  const n = normalizeName(name);
  if (n === 'customers' || n === '客户') return 'customers';
  if (n === 'purchases' || n === '购买记录') return 'purchases';
  if (n === 'contactlog' || n === '联系记录') return 'contactLog';
  if (n === 'retainlog' || n === '运行记录') return 'runLog';
  if (n === 'templates' || n === '模板') return 'templates';
  if (n === 'holidays' || n === '节假日') return 'holidays';
  return null;
}

const KEY_HEADERS = new Set(['customerid', '客户编号', 'id', 'name', '姓名', 'firstname', 'fullname', 'customername']);

/**
 * The 0-based header row of a sheet: for Retain's data sheets, the first of
 * the first ten rows holding a Customer ID or Name header (a title may sit
 * above the table: docs/data.md, Headers); row 0 otherwise.
 */
export function headerRowOf(sheet: string, rows: readonly unknown[][]): number {
  const kind = sheetKind(sheet);
  if (kind !== 'customers' && kind !== 'purchases' && kind !== 'contactLog') return 0;
  for (let r = 0; r < Math.min(rows.length, 10); r++)
    if ((rows[r] ?? []).some((h) => KEY_HEADERS.has(normalizeName(h)))) return r;
  return 0;
}

/** 0-based indexes of the columns Retain manages in this sheet (the first column of each managed field). */
export function managedColumns(sheet: string, header: unknown[]): Map<number, string> {
  const kind = sheetKind(sheet);
  const out = new Map<number, string>();
  if (kind !== 'customers' && kind !== 'purchases') return out;
  for (const [en, zh] of MANAGED_FIELDS[kind]) {
    const names = new Set([normalizeName(en), normalizeName(zh)]);
    const c = header.findIndex((h) => typeof h === 'string' && names.has(normalizeName(h)));
    if (c >= 0) out.set(c, en);
  }
  return out;
}

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
    if (OWN_SHEETS.has(sheet) || sheetKind(sheet) === 'runLog') continue;
    const rowsAfter = after[sheet];
    if (!rowsAfter) {
      diffs.push(`${sheet}: sheet removed`);
      continue;
    }
    const top = headerRowOf(sheet, rowsBefore);
    // Rows above the header row (a title) are the user's, cell for cell.
    for (let r = 0; r < top; r++)
      (rowsBefore[r] ?? []).forEach((v, c) => {
        if (norm(v) !== norm(rowsAfter[r]?.[c]))
          diffs.push(
            `${sheet}!R${r + 1}C${c + 1} (above the header row): ${JSON.stringify(norm(v))} became ${JSON.stringify(norm(rowsAfter[r]?.[c]))}`,
          );
      });
    const headerBefore = rowsBefore[top] ?? [];
    const headerAfter = rowsAfter[top] ?? [];
    const managed = managedColumns(sheet, headerBefore);
    // Columns are matched by header text; a user column must keep its header and position.
    const userCols: Array<{ before: number; after: number; name: string }> = [];
    headerBefore.forEach((h, c) => {
      const name = typeof h === 'string' ? h : String(h);
      if (managed.has(c)) return;
      if (norm(headerAfter[c]) !== norm(h))
        diffs.push(
          `${sheet}!R${top + 1}C${c + 1}: header ${JSON.stringify(h)} became ${JSON.stringify(headerAfter[c])}`,
        );
      userCols.push({ before: c, after: c, name });
    });
    const idCol = keyColumn(headerBefore);
    const rowKey = (row: unknown[]) => (idCol >= 0 ? String(norm(row[idCol])) : '');
    const afterByKey = new Map<string, unknown[][]>();
    for (let r = top + 1; r < rowsAfter.length; r++) {
      const k = idCol >= 0 ? rowKey(rowsAfter[r]) : '';
      const list = afterByKey.get(k) ?? [];
      list.push(rowsAfter[r]);
      afterByKey.set(k, list);
    }
    const usedAfter = new Set<unknown[]>();
    for (let r = top + 1; r < rowsBefore.length; r++) {
      const rb = rowsBefore[r];
      const userText = userCols.map((u) => norm(rb[u.before]));
      if (userText.every((v) => v === '')) continue;
      let match: unknown[] | undefined;
      if (idCol >= 0) {
        // Among rows with the same ID (IDs may be blank or duplicated), the one whose user cells all agree.
        match = (afterByKey.get(rowKey(rb)) ?? []).find(
          (ra) => !usedAfter.has(ra) && userCols.every((u) => norm(ra[u.after]) === norm(rb[u.before])),
        );
        if (!match && rowKey(rb) === '') {
          // Set up fills blank IDs: look for the row among all rows by its other cells.
          for (const list of afterByKey.values()) {
            match = list.find(
              (ra) =>
                !usedAfter.has(ra) &&
                userCols.every((u) => u.before === idCol || norm(ra[u.after]) === norm(rb[u.before])),
            );
            if (match) break;
          }
        }
      } else {
        match = rowsAfter[r];
        const bad = userCols.filter((u) => norm(match?.[u.after]) !== norm(rb[u.before]));
        if (bad.length === 0) match = rowsAfter[r];
        else {
          for (const u of bad)
            diffs.push(
              `${sheet}!R${r + 1}C${u.before + 1} (${u.name}): ${JSON.stringify(norm(rb[u.before]))} became ${JSON.stringify(norm(match?.[u.after]))}`,
            );
          continue;
        }
      }
      if (!match) {
        diffs.push(
          `${sheet} row ${r + 1} (${idCol >= 0 ? 'ID ' + JSON.stringify(rb[idCol]) : 'no ID'}): no row after the run has the same user cells ${JSON.stringify(userText).slice(0, 200)}`,
        );
        continue;
      }
      usedAfter.add(match);
    }
    if (opts.appendOnly?.includes(sheet) && rowsAfter.length < rowsBefore.length)
      diffs.push(`${sheet}: rows were removed`);
  }
  return diffs;
}

/** Draft keys recorded in the sheet must each correspond to exactly one draft in Gmail, and vice versa. */
export function draftsRecorded(
  emu: Emulator,
  sheet = 'Purchases',
): { drafts: number; recorded: number; unrecorded: string[]; duplicates: string[] } {
  const drafts = emu.gmail.drafts();
  const ids = drafts.map((d) => d.id);
  const text =
    JSON.stringify(emu.sheetValues(sheet)) +
    JSON.stringify(emu.sheetNames().includes('Customers') ? emu.sheetValues('Customers') : []);
  const unrecorded = ids.filter((id) => !text.includes(id));
  const keys = drafts.map((d) => /X-Retain-Key: (\S+)/.exec(d.raw)?.[1] ?? '');
  const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
  return { drafts: drafts.length, recorded: ids.length - unrecorded.length, unrecorded, duplicates };
}

/** Retain events: none may share a key. */
export function eventKeyDuplicates(emu: Emulator): string[] {
  const keys = emu.calendar
    .events()
    .map(
      (e) =>
        (e as { extendedProperties?: { private?: Record<string, string> } }).extendedProperties?.private?.retainKey ??
        '',
    );
  return keys.filter((k, i) => k && keys.indexOf(k) !== i);
}

// ---------------------------------------------------------------- checkNothingLost

type AnyEvent = {
  id: string;
  status?: string;
  start?: { dateTime?: string; date?: string };
  extendedProperties?: { private?: Record<string, string> };
};

export interface NothingLostOptions {
  /**
   * How "the plan" is checked: after a successful run the managed columns must
   * equal what a fresh run on the resulting workbook writes, so a second run
   * must change no cell outside the `Retain log` and make no draft or event.
   * true (default): run it (the nightly trigger when one is installed, else
   * `runFollowUpsNow`); a function: run it that way; false: skip (e.g. right
   * after a run that was meant to fail). The rerun appends to `Retain log`.
   */
  rerun?: boolean | ((emu: Emulator) => unknown);
  /** Sheets rows may only be appended to (passed on to userCellChanges). */
  appendOnly?: string[];
  /** When given, every Retain draft must carry one of these keys (the plan's purchases). */
  plannedDraftKeys?: Iterable<string>;
  /** When given, every Retain event must carry one of these keys (the plan's visits). */
  plannedEventKeys?: Iterable<string>;
  /** Customer IDs whose rows the user deleted on purpose: their events need no `Next visit` cell. */
  deletedCustomers?: Iterable<string>;
}

/**
 * A purchase key as Retain bounds it (src/core/digest.ts, docs/platform.md,
 * Limits and errors): over 200 characters, its first 120 (no half surrogate
 * pair), '~' and the SHA-256 of the whole, computed here with Node's own
 * crypto so the product's hash is checked, not copied.
 */
export function boundedKey(key: string): string {
  if (key.length <= 200) return key;
  let head = key.slice(0, 120);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return `${head}~${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** The idempotency key of a draft (its X-Retain-Key header, base64url of the UTF-8 key). */
export function draftKey(raw: string): string {
  const m = /^X-Retain-Key:\s*(\S+)/im.exec(raw.split(/\r?\n\r?\n/)[0] ?? '');
  if (!m) return '';
  return Buffer.from(m[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** The To address of a draft (lower case). */
export function draftTo(raw: string): string {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const m = /^To:\s*(.*)$/im.exec(head);
  if (!m) return '';
  const angle = /<([^<>]*)>\s*$/.exec(m[1]);
  return (angle ? angle[1] : m[1]).trim().toLowerCase();
}

/** Retain's own events (those with a private retainKey) of the user's primary calendar. */
export function retainEvents(emu: Emulator): Array<AnyEvent & { key: string; customer: string }> {
  return (emu.calendar.events() as unknown as AnyEvent[])
    .filter((e) => e.status !== 'cancelled' && e.extendedProperties?.private?.retainKey)
    .map((e) => ({
      ...e,
      key: e.extendedProperties?.private?.retainKey ?? '',
      customer: e.extendedProperties?.private?.retainCustomer ?? '',
    }));
}

function timeZoneOf(emu: Emulator): string {
  return emu.spreadsheet.getSpreadsheetTimeZone();
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** A cell as Retain's calendar-date text in the sheet's zone: Dates as 'YYYY-MM-DD' (and ' HH:mm' when not midnight). */
function cellDateText(v: unknown, tz: string, withTime: boolean): string {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const w = wallTime(tz, (v as Date).getTime());
    const d = `${w.year}-${p2(w.month)}-${p2(w.day)}`;
    return withTime ? `${d} ${p2(w.hour)}:${p2(w.minute)}` : d;
  }
  return typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
}

/** A cell as Retain reads it as text: booleans as Sheets shows them, Dates as calendar dates in the sheet's zone. */
function plainText(v: unknown, tz?: string): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (tz && Object.prototype.toString.call(v) === '[object Date]') return cellDateText(v, tz, false);
  return v === null || v === undefined ? '' : String(v).trim();
}

/** 'YYYY-MM-DD · <draft id>[ · YYYY-MM-DD]': what Retain writes in a `Thank-you draft` cell. */
function recordedDraftId(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^\d{4}-\d{2}-\d{2} · (\S+)(?: · \d{4}-\d{2}-\d{2})?$/.exec(v.trim());
  return m ? m[1] : null;
}

function columnOf(header: unknown[], en: string, zh: string): number {
  const names = new Set([normalizeName(en), normalizeName(zh)]);
  return header.findIndex((h) => typeof h === 'string' && names.has(normalizeName(h)));
}

function sheetByKind(emu: Emulator, kind: string): string | undefined {
  return emu.sheetNames().find((n) => sheetKind(n) === kind);
}

/** Every cell of every sheet but Retain's log, as comparable text, for "the second run changed nothing". */
function flatCells(s: Snapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [sheet, rows] of Object.entries(s)) {
    if (OWN_SHEETS.has(sheet) || sheetKind(sheet) === 'runLog') continue;
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const n = norm(v);
        if (n !== '') out.set(`${sheet}!R${r + 1}C${c + 1}`, n);
      }),
    );
  }
  return out;
}

function defaultRerun(emu: Emulator): unknown {
  const t = emu.triggers.list().find((x) => x.handler === 'runNightly');
  if (t) return emu.invokeAs({ trigger: true, user: t.user }, 'runNightly', { triggerUid: t.id });
  return emu.invoke('runFollowUpsNow');
}

/**
 * The nothing-lost invariant, in one check. `before` is the snapshot taken
 * before the run(s) being checked (after Set up). Returns the violations
 * (empty = the invariant holds):
 *  1. every non-managed cell equals its value before (userCellChanges);
 *  2. every managed cell equals the plan: a second run changes no cell
 *     outside `Retain log` and makes no draft or event (see `rerun`);
 *  3. every Retain draft is recorded in the sheet: its id is in the
 *     `Thank-you draft` cell of its own purchase (Purchases, matched by the
 *     draft's key) or of its customer (Customers, without a Purchases sheet);
 *     no such cell names a draft that does not exist;
 *  4. every Retain event is recorded: the `Next visit` of its customer shows
 *     the start of that customer's next Retain visit;
 *  5. nothing twice: no two drafts with one key, no two events with one key,
 *     no customer with two upcoming Retain visits;
 *  6. with plannedDraftKeys / plannedEventKeys: nothing outside the plan.
 */
export function checkNothingLost(before: Snapshot, emu: Emulator, opts: NothingLostOptions = {}): string[] {
  const v: string[] = [];
  const tz = timeZoneOf(emu);
  const after = snapshot(emu);
  for (const d of userCellChanges(before, after, { appendOnly: opts.appendOnly })) v.push(`user cell changed: ${d}`);
  // Formulas are never overwritten, in user and managed columns alike (a managed column holding formulas is read, never written).
  for (const [sheet, rows] of Object.entries(before)) {
    if (OWN_SHEETS.has(sheet) || sheetKind(sheet) === 'runLog' || !after[sheet]) continue;
    const count = (rs: unknown[][]) => {
      const m = new Map<string, number>();
      const header = rs[0] ?? [];
      rs.slice(1).forEach((r) =>
        r.forEach((x, c) => {
          if (x && typeof x === 'object' && 'formula' in (x as object)) {
            const k = `${String(header[c])}\u0000${(x as { formula: string }).formula}`;
            m.set(k, (m.get(k) ?? 0) + 1);
          }
        }),
      );
      return m;
    };
    const had = count(rows);
    const has = count(after[sheet]);
    for (const [k, n] of had) {
      const [col, f] = k.split('\u0000');
      if ((has.get(k) ?? 0) < n) v.push(`${sheet}: a formula ${f} in column ${JSON.stringify(col)} was overwritten`);
    }
  }

  // 3. drafts recorded, once.
  const drafts = emu.gmail.drafts();
  const draftIds = new Set(drafts.map((d) => d.id));
  const keyCount = new Map<string, number>();
  for (const d of drafts) {
    const k = draftKey(d.raw);
    if (!k) continue;
    keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
  }
  for (const [k, n] of keyCount) if (n > 1) v.push(`draft made ${n} times for purchase ${JSON.stringify(k)}`);
  const recorded = new Map<string, string[]>(); // draft id -> where
  const purchasesName = sheetByKind(emu, 'purchases');
  const customersName = sheetByKind(emu, 'customers');
  const purchaseRows = purchasesName ? emu.sheetValues(purchasesName) : [];
  const customerRows = customersName ? emu.sheetValues(customersName) : [];
  const beforeText = JSON.stringify(before);
  const noteRecorded = (sheet: string, rows: unknown[][], col: number, rowKey: (row: unknown[]) => string) => {
    for (let r = 1; r < rows.length; r++) {
      const id = recordedDraftId(rows[r][col]);
      if (!id) continue;
      const list = recorded.get(id) ?? [];
      list.push(`${sheet}!R${r + 1}|${rowKey(rows[r])}`);
      recorded.set(id, list);
      if (!draftIds.has(id) && !beforeText.includes(id))
        v.push(`${sheet} row ${r + 1} records draft ${id}, which does not exist`);
    }
  };
  let purchaseKeyOfRow: ((row: unknown[]) => string) | null = null;
  // Purchases can record a draft only in a Thank-you draft column free of formulas.
  let purchasesCanRecord = false;
  if (purchasesName && purchaseRows.length > 1) {
    const h = purchaseRows[headerRowOf(purchasesName, purchaseRows)];
    const c = {
      id: columnOf(h, 'Customer ID', '客户编号'),
      date: columnOf(h, 'Date', '日期'),
      amount: columnOf(h, 'Amount', '金额'),
      product: columnOf(h, 'Product', '产品'),
      draft: columnOf(h, 'Thank-you draft', '感谢信'),
    };
    const pf = emu.sheetFormulas(purchasesName);
    purchasesCanRecord = c.draft >= 0 && !pf.slice(1).some((r) => r[c.draft]);
    if (c.id < 0) c.id = columnOf(h, 'ID', 'ID');
    purchaseKeyOfRow = (row) =>
      boundedKey(
        `${plainText(row[c.id], tz)}|${cellDateText(row[c.date], tz, false)}|${plainText(row[c.amount])}|${c.product >= 0 ? plainText(row[c.product], tz) : ''}`,
      );
    if (c.draft >= 0) noteRecorded(purchasesName, purchaseRows, c.draft, purchaseKeyOfRow);
  }
  if (customersName && customerRows.length > 1) {
    const h = customerRows[headerRowOf(customersName, customerRows)];
    let idc = columnOf(h, 'Customer ID', '客户编号');
    if (idc < 0) idc = columnOf(h, 'ID', 'ID');
    const dc = columnOf(h, 'Thank-you draft', '感谢信');
    if (dc >= 0) noteRecorded(customersName, customerRows, dc, (row) => (idc >= 0 ? plainText(row[idc], tz) : ''));
  }
  for (const d of drafts) {
    const key = draftKey(d.raw);
    if (!key) continue; // not Retain's
    const where = recorded.get(d.id) ?? [];
    const cid = key.split('|')[0];
    const baseKey = key.replace(/#\d+$/, '');
    if (purchaseKeyOfRow) {
      const own = where.filter((w) => w.startsWith(`${purchasesName}!`));
      // Where Purchases cannot take the record (its Thank-you draft column holds formulas), the customer's row must.
      const inCustomers =
        !purchasesCanRecord && where.some((w) => w.startsWith(`${customersName}!`) && w.split('|')[1] === cid);
      if (own.length === 0 && !inCustomers) v.push(`draft ${d.id} (${key}) is not recorded in ${purchasesName}`);
      for (const w of own)
        if (w.split('|').slice(1).join('|') !== baseKey)
          v.push(`draft ${d.id} (${key}) is recorded on the wrong purchase row: ${w}`);
      if (own.length > 1) v.push(`draft ${d.id} is recorded on ${own.length} purchase rows: ${own.join(', ')}`);
    } else {
      const own = where.filter((w) => w.startsWith(`${customersName}!`) && w.split('|')[1] === cid);
      if (own.length === 0)
        v.push(`draft ${d.id} (${key}) is not recorded in the Thank-you draft cell of customer ${cid}`);
    }
    if (opts.plannedDraftKeys && !new Set(opts.plannedDraftKeys).has(key))
      v.push(`draft ${d.id} (${key}) is not in the plan`);
  }

  // 4-5. events recorded, once.
  const events = retainEvents(emu);
  const evKeys = new Map<string, number>();
  for (const e of events) evKeys.set(e.key, (evKeys.get(e.key) ?? 0) + 1);
  for (const [k, n] of evKeys) if (n > 1) v.push(`event made ${n} times for visit ${k}`);
  const now = emu.clock.ms();
  const upcomingByCustomer = new Map<string, Array<AnyEvent & { key: string }>>();
  for (const e of events) {
    const start = Date.parse(e.start?.dateTime ?? e.start?.date ?? '');
    if (!(start >= now)) continue;
    const list = upcomingByCustomer.get(e.customer) ?? [];
    list.push(e);
    upcomingByCustomer.set(e.customer, list);
  }
  for (const [cid, list] of upcomingByCustomer)
    if (list.length > 1)
      v.push(`customer ${cid} has ${list.length} upcoming Retain visits: ${list.map((e) => e.key).join(', ')}`);
  const deleted = new Set(opts.deletedCustomers ?? []);
  if (customersName) {
    const h = customerRows[headerRowOf(customersName, customerRows)] ?? [];
    let idc = columnOf(h, 'Customer ID', '客户编号');
    if (idc < 0) idc = columnOf(h, 'ID', 'ID');
    const nv = columnOf(h, 'Next visit', '下次拜访');
    for (const [cid, list] of upcomingByCustomer) {
      if (deleted.has(cid)) continue;
      const rows = customerRows.slice(1).filter((r) => idc >= 0 && plainText(r[idc], tz) === cid);
      if (rows.length === 0) {
        v.push(`event ${list[0].key} belongs to customer ${cid}, who has no row in ${customersName}`);
        continue;
      }
      if (nv < 0) {
        v.push(`event ${list[0].key}: ${customersName} has no Next visit column to record it`);
        continue;
      }
      const first = list
        .slice()
        .sort((a, b) => Date.parse(a.start?.dateTime ?? '') - Date.parse(b.start?.dateTime ?? ''))[0];
      const want = cellDateText(new Date(Date.parse(first.start?.dateTime ?? first.start?.date ?? '')), tz, true);
      for (const r of rows) {
        const got = cellDateText(r[nv], tz, true);
        if (got !== want)
          v.push(`customer ${cid}: Next visit shows ${JSON.stringify(got)}, the calendar has ${want} (${first.key})`);
      }
    }
  }
  if (opts.plannedEventKeys) {
    const planned = new Set(opts.plannedEventKeys);
    for (const e of events) if (!planned.has(e.key)) v.push(`event ${e.key} is not in the plan`);
  }

  // 2. the plan: a second run changes nothing but the log and makes nothing.
  if (opts.rerun !== false) {
    const draftsBefore = drafts.length;
    const eventsBefore = emu.calendar.events().length;
    const cellsBefore = flatCells(after);
    let threw: unknown;
    try {
      if (typeof opts.rerun === 'function') opts.rerun(emu);
      else defaultRerun(emu);
    } catch (e) {
      threw = e;
    }
    if (threw !== undefined) v.push(`the second run threw: ${threw instanceof Error ? threw.message : String(threw)}`);
    const cellsAfter = flatCells(snapshot(emu));
    const changed: string[] = [];
    for (const k of new Set([...cellsBefore.keys(), ...cellsAfter.keys()])) {
      if (cellsBefore.get(k) !== cellsAfter.get(k))
        changed.push(`${k}: ${JSON.stringify(cellsBefore.get(k) ?? '')} -> ${JSON.stringify(cellsAfter.get(k) ?? '')}`);
    }
    if (changed.length)
      v.push(
        `a second run changed ${changed.length} cell(s), so the first did not write the plan: ${changed.slice(0, 5).join('; ')}`,
      );
    const madeDrafts = emu.gmail.drafts().length - draftsBefore;
    const madeEvents = emu.calendar.events().length - eventsBefore;
    if (madeDrafts) v.push(`a second run made ${madeDrafts} more draft(s)`);
    if (madeEvents) v.push(`a second run made ${madeEvents} more event(s)`);
  }
  return v;
}
