/**
 * Which date columns hold serial numbers among their dates (docs/data.md,
 * Numbers and dates). Decided per column, not per cell: 46329 alone could be
 * an amount typed into the wrong column, but in a column of dates it is the
 * date whose format was lost.
 */
import { parseDateText } from './dates';
import { isDateValue } from './parsed';
import { isPlausibleSerial } from './serials';

/**
 * True when the column's numbers are date serials: it has a number that is a
 * plausible serial (1910-2100), and its other cells are dates: of the
 * non-blank cells that are not such numbers, more than half are Date cells or
 * text in a date shape (and at least one is). A column of numbers only stays
 * numbers: nothing says they are dates.
 */
export function dateSerialColumn(cells: readonly unknown[]): boolean {
  let serials = 0;
  for (const v of cells) if (typeof v === 'number' && isPlausibleSerial(v)) serials++;
  // Most columns have no number at all: decided without reading any text.
  if (serials === 0) return false;
  let nonBlank = 0;
  let dates = 0;
  for (const v of cells) {
    if (v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '')) continue;
    nonBlank++;
    if (isDateValue(v) || (typeof v === 'string' && parseDateText(v) !== 'unrecognized')) dates++;
  }
  return dates > 0 && dates * 2 > nonBlank - serials;
}

/**
 * The fields among `keys` whose column (in `columns`, 0-based) holds date
 * serials, looking at the data rows below `headerRow` (0-based). For the
 * parse context's `dateSerials`.
 */
export function dateSerialFields(
  values: readonly unknown[][],
  headerRow: number,
  columns: Readonly<Record<string, number>>,
  keys: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const c = columns[key];
    if (c === undefined) continue;
    const cells: unknown[] = [];
    for (let r = headerRow + 1; r < values.length; r++) cells.push(values[r]?.[c]);
    if (dateSerialColumn(cells)) out.add(key);
  }
  return out;
}
