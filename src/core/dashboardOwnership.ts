/**
 * Which cells of the dashboard block are the user's, and what Retain writes
 * (docs/architecture.md, A nightly run). Retain owns the `Retain dashboard`
 * sheet, but a cell the user typed there is never overwritten.
 *
 * How a user's cell is told from Retain's: Retain keeps a digest of what it
 * wrote into each cell of the block (a hash per cell, in document properties,
 * saved before each write). A cell of the block is Retain's when it is blank,
 * or when its value is one Retain wrote there (its hash is in the digest);
 * any other value, and any formula, is the user's: it is left out of the
 * write, stays out while it holds anything, and is named in the run's log.
 * Cells outside the block are never written at all.
 *
 * The digest of a cell keeps two hashes while it changes: the value it holds
 * now and the value about to be written. So a write that fails after the
 * digest was saved leaves cells the next night still knows as Retain's.
 * Without a digest (a lost property), every filled cell counts as the user's:
 * nothing is lost, and a cell the user clears is Retain's again.
 */
import type { DashCell } from './dashboard';
import { cellA1, type Rect } from './dashboardLayout';

const VERSION = 'v1';

/** A cell's value as one comparable text ('' = blank). Dates by instant: values come from another realm. */
export function cellText(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (Object.prototype.toString.call(v) === '[object Date]') return `d${(v as Date).getTime()}`;
  return `o${String(v)}`;
}

/** Hash digits: five base-36 digits keep the worst digest (every cell changing) under 6 KB. */
const HASH_SPACE = 36 ** 5;

/** FNV-1a of the text in five base-36 digits: a value the user types has a one-in-60-million chance of passing for Retain's. */
export function cellHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) % HASH_SPACE).toString(36);
}

/** What a document property holds, with room for its key (docs/platform.md, Locks, properties and time zones: 9 KB a value). */
const DIGEST_MAX = 8 * 1024;

/**
 * What setValues is handed for a value: text with a leading apostrophe, so
 * nothing Retain writes ("Nov 3", "11月3日", "001") is read as a date or a
 * number (docs/data.md, Numbers and dates); the cell shows it without.
 */
export function writtenValue(v: DashCell): string | number {
  return typeof v === 'string' && v !== '' ? `'${v}` : v;
}

type Digest = string[][][];

function encodeDigest(d: Digest, rows: number, cols: number): string {
  const lines = d.map((row) => {
    const cells = row.map((hashes) => hashes.join('.'));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells.join(',');
  });
  return `${VERSION}|${rows}x${cols}|${lines.join(';')}`;
}

/** null when missing, damaged, or for another shape of block. */
function decodeDigest(s: string | null, rows: number, cols: number): Digest | null {
  if (s === null) return null;
  const [version, shape, body] = s.split('|');
  if (version !== VERSION || shape !== `${rows}x${cols}` || body === undefined) return null;
  const lines = body.split(';');
  if (lines.length !== rows) return null;
  return lines.map((line) => {
    const cells = line === '' ? [] : line.split(',');
    return Array.from({ length: cols }, (_, c) => (cells[c] ? cells[c].split('.') : []));
  });
}

export interface BlockWrite {
  /** The block as setValues takes it; a user's cell holds its current value but is in no rect. */
  values: unknown[][];
  /** Where to write: the whole block, or rectangles that leave the user's cells out. */
  rects: Rect[];
  /** The user's cells of the block, by A1 name, row by row. */
  userCells: string[];
  /** To save before writing. */
  digest: string;
}

/**
 * The write of `next` over the block as it is (`current` values and
 * `formulas`, both the block's size), given the digest saved last time.
 */
export function planBlockWrite(
  current: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
  stored: string | null,
  next: readonly (readonly DashCell[])[],
): BlockWrite {
  const rows = next.length;
  const cols = rows > 0 ? next[0].length : 0;
  const previous = decodeDigest(stored, rows, cols);
  const user: boolean[][] = [];
  const values: unknown[][] = [];
  const digest: Digest = [];
  /** The digest without the values cells hold now, should the full one be too big to store. */
  const written: Digest = [];
  const userCells: string[] = [];
  for (let r = 0; r < rows; r++) {
    user.push([]);
    values.push([]);
    digest.push([]);
    written.push([]);
    for (let c = 0; c < cols; c++) {
      const now = cellText(current[r]?.[c]);
      const hashNow = now === '' ? '' : cellHash(now);
      const mine = formulas[r]?.[c] ? false : now === '' || (previous !== null && previous[r][c].includes(hashNow));
      user[r].push(!mine);
      if (!mine) {
        userCells.push(cellA1(r + 1, c + 1));
        values[r].push(current[r]?.[c]);
        // Nothing of Retain's: the cell stays the user's while it holds anything.
        digest[r].push([]);
        written[r].push([]);
        continue;
      }
      const v = next[r][c];
      values[r].push(writtenValue(v));
      const hashNext = v === '' ? '' : cellHash(cellText(v));
      digest[r].push([...new Set([hashNext, hashNow])].filter((h) => h !== ''));
      written[r].push(hashNext === '' ? [] : [hashNext]);
    }
  }
  let encoded = encodeDigest(digest, rows, cols);
  // Too big to store (a block far larger than today's): keep only what is written now.
  if (encoded.length > DIGEST_MAX) encoded = encodeDigest(written, rows, cols);
  return { values, rects: writableRects(user), userCells, digest: encoded };
}

/**
 * Rectangles covering every cell that is not the user's and none that is:
 * the whole block when the user has no cell in it; else bands of rows with
 * the same runs of free columns, a rectangle per run.
 */
export function writableRects(user: readonly (readonly boolean[])[]): Rect[] {
  const rows = user.length;
  const cols = rows > 0 ? user[0].length : 0;
  const runsOf = (r: number): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let c = 0;
    while (c < cols) {
      if (user[r][c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < cols && !user[r][c]) c++;
      out.push([start, c - start]);
    }
    return out;
  };
  const rects: Rect[] = [];
  let r = 0;
  while (r < rows) {
    const runs = runsOf(r);
    const key = JSON.stringify(runs);
    let end = r + 1;
    while (end < rows && JSON.stringify(runsOf(end)) === key) end++;
    for (const [start, n] of runs) rects.push({ row: r + 1, col: start + 1, rows: end - r, cols: n });
    r = end;
  }
  return rects;
}
