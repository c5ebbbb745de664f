/**
 * The dashboard block on its sheet (core/dashboardLayout.ts): read with its
 * formulas, the user's cells told from Retain's by the digest in document
 * properties (core/dashboardOwnership.ts), then written. The write is split
 * from the read so the nightly run can write the log row in between: the
 * dashboard comes last and can cost the night nothing.
 */
import type { Dashboard } from '../core/dashboard';
import { BLOCK_COLS, BLOCK_ROWS, dashboardBlock, type Rect } from '../core/dashboardLayout';
import { planBlockWrite } from '../core/dashboardOwnership';
import { readBlock_, writeBlock_ } from '../gas/block';
import { documentProperties_ } from '../gas/properties';
import { setValues_ } from '../gas/ranges';
import type { Sheet } from '../gas/spreadsheet';

/** What Retain last wrote into the block, a hash per cell (about 4 KB, under the 9 KB a property holds). */
const DIGEST_KEY = 'dashboard.digest';

export interface PendingBlock {
  /** The user's cells in the block, by A1 name: left out of the write. */
  userCells: string[];
  write(): void;
}

function part(values: unknown[][], r: Rect): unknown[][] {
  return values.slice(r.row - 1, r.row - 1 + r.rows).map((row) => row.slice(r.col - 1, r.col - 1 + r.cols));
}

/** Reads the block and plans the write of `d`; nothing is written until write(). */
export function readDashboardBlock_(sheet: Sheet, d: Dashboard): PendingBlock {
  const block = readBlock_(sheet, BLOCK_ROWS, BLOCK_COLS);
  const props = documentProperties_();
  const plan = planBlockWrite(block.values, block.formulas, props.get(DIGEST_KEY), dashboardBlock(d));
  return {
    userCells: plan.userCells,
    write() {
      // The digest first: cells a failed write leaves as they were are still in it, as Retain's.
      props.set(DIGEST_KEY, plan.digest);
      if (plan.userCells.length === 0) writeBlock_(block, plan.values);
      else for (const r of plan.rects) setValues_(sheet, r.row, r.col, part(plan.values, r));
    },
  };
}
