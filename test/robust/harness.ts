/**
 * Shared by the robustness tests (docs/testing.md, Kinds of tests): a fresh emulator with the built
 * bundle, the nightly run as the trigger fires it, and ways to compare what
 * two runs wrote. Builds on test/helpers (bundle, invariant, workbooks) and
 * tools/sample; nothing here imports src/: the product is dist/Code.js.
 */
import type { Emulator, EmulatorOptions } from '../../tools/emulator';
import { readWorkbookDir } from '../../tools/sample/load';
import { loadBundle } from '../helpers/bundle';
import { draftKey, managedColumns, normalizeName, retainEvents, sheetKind } from '../helpers/invariant';

export interface RunSummary {
  mode: string;
  today: string;
  locked: boolean;
  fatal: string;
  customersRead: number;
  rowsWithProblems: number;
  draftsMade: number;
  eventsMade: number;
  skipped: Array<{ what: string; customerId: string; row: number; reason: string }>;
  errors: string[];
  mustContinue: boolean;
  drafts: Array<{ customerId: string; email: string; purchaseDate: string; status: string }>;
  visits: Array<{ customerId: string; due: string; start: string; status: string }>;
  problems: Array<{ sheet: string; row: number; column: string; message: string }>;
}

/** A workbook in the emulator, Set up run (as a user would first), the nightly trigger installed. */
export function prepared(
  sheets: Record<string, unknown[][]>,
  opts: { setup?: boolean; schedule?: boolean; emulator?: EmulatorOptions; settings?: Record<string, unknown> } = {},
): Emulator {
  const emu = loadBundle(opts.emulator ?? {}, sheets);
  if (opts.setup !== false) emu.invoke('setupSheets');
  if (opts.settings) {
    const r = emu.invoke('saveSettings', { values: opts.settings }) as { ok: boolean; errors?: unknown };
    if (!r.ok) throw new Error(`settings refused: ${JSON.stringify(r.errors)}`);
  }
  if (opts.schedule !== false) emu.invoke('scheduleNightlyRun');
  return emu;
}

/** The nightly trigger firing (a time-driven execution: no active spreadsheet, no UI). */
export function runNightly(emu: Emulator): RunSummary {
  const t = emu.triggers.list().find((x) => x.handler === 'runNightly');
  if (!t) throw new Error('no runNightly trigger');
  return emu.invokeAs({ trigger: true, user: t.user }, 'runNightly', { triggerUid: t.id }) as RunSummary;
}

/** The follow-up trigger when one is waiting, else the nightly trigger: what the next execution would be. */
export function runNext(emu: Emulator): RunSummary {
  const f = emu.triggers.list().find((x) => x.handler === 'runFollowUp');
  if (f) return emu.invokeAs({ trigger: true, user: f.user }, 'runFollowUp', { triggerUid: f.id }) as RunSummary;
  return runNightly(emu);
}

let sampleCache: Record<string, unknown[][]> | null = null;

/** The committed sample workbook (samples/*.csv), read once per test file. */
export function sampleSheets(): Record<string, unknown[][]> {
  sampleCache ??= readWorkbookDir(require('path').resolve(__dirname, '../../samples'));
  return sampleCache;
}

/** Column of the Customer ID (or ID) header, by Retain's matching. */
export function columnsByName(header: unknown[]): { id?: number } {
  const want = new Set(['customerid', '客户编号', 'id']);
  const i = header.findIndex((h) => want.has(normalizeName(h)));
  return i >= 0 ? { id: i } : {};
}

/** Draft ids differ between runs (Gmail makes them): written cells are compared with the id masked. */
export function maskDraftIds(v: unknown): unknown {
  return typeof v === 'string' ? v.replace(/^(\d{4}-\d{2}-\d{2} · )\S+/, '$1<draft>') : v;
}

/**
 * Every managed cell of Customers and Purchases, keyed by the row's Customer
 * ID (Customers) or the row's content (Purchases), so two runs can be
 * compared even if the rows moved.
 */
export function managedState(emu: Emulator): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of emu.sheetNames()) {
    const kind = sheetKind(name);
    if (kind !== 'customers' && kind !== 'purchases') continue;
    const rows = emu.sheetValues(name);
    if (rows.length === 0) continue;
    const managed = managedColumns(name, rows[0]);
    const cols = columnsByName(rows[0]);
    const userCols = rows[0].map((_, c) => c).filter((c) => !managed.has(c));
    const seen = new Map<string, number>();
    for (let r = 1; r < rows.length; r++) {
      const base =
        kind === 'customers'
          ? `${name}:${String(rows[r][cols.id ?? 0])}`
          : `${name}:${JSON.stringify(userCols.map((c) => rows[r][c]))}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      for (const [c, header] of managed) {
        const v = rows[r][c];
        out.set(`${base}#${n}|${header}`, v instanceof Date ? `date:${v.getTime()}` : maskDraftIds(v));
      }
    }
  }
  return out;
}

/** Differences between two managedState maps, as text. */
export function managedDiff(a: Map<string, unknown>, b: Map<string, unknown>, limit = 8): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? '';
    const y = b.get(k) ?? '';
    if (x !== y) out.push(`${k}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  }
  return out.slice(0, limit);
}

/** Keys of the Retain drafts and events in the emulator. */
export function madeKeys(emu: Emulator): { drafts: string[]; events: string[] } {
  return {
    drafts: emu.gmail
      .drafts()
      .map((d) => draftKey(d.raw))
      .filter(Boolean),
    events: retainEvents(emu).map((e) => e.key),
  };
}
