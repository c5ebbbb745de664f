/**
 * Set up's part that touches the user's own tables (docs/data.md, Headers):
 * it never writes into a sheet it cannot read, and fills a Customer ID only
 * on rows that are customers. A sheet is read from its header row (the first
 * of the first ten rows with the headers Retain needs, with the column map);
 * the rows above it are a title and are never written.
 */
import type { FieldMap } from '../core/columnMap';
import { isTotalsRow } from '../core/headerRow';
import { describeSuggestions, suggestHeaders } from '../core/headerSuggest';
import { tr, type Msg } from '../core/i18n';
import type { Lang } from '../core/model';
import { nameOf } from '../core/nameColumns';
import { headerLabel, SHEETS, type SheetKey } from '../core/schema';
import { setValues_ } from '../gas/ranges';
import { findHeaderRow_, readGrid_ } from '../gas/sheets';
import { sheetName_, type Sheet } from '../gas/spreadsheet';
import { locateTable } from '../core/headerRow';

const CANNOT_READ: Msg = {
  en: 'Set up changed nothing: sheet "{sheet}" has no {missing} column in its first 10 rows. Headers seen (row {row}): {seen}.{near} Rename the header, or choose its column in Settings > Columns, then run Set up again.',
  zh: '设置未做任何更改：工作表“{sheet}”的前 10 行中没有{missing}列。看到的表头（第 {row} 行）：{seen}。{near}请修改表头，或在 设置 > 列 中选择对应的列，然后再次运行设置。',
};
const SKIPPED: Msg = {
  en: 'Sheet "{sheet}" was left as it is: it has no {missing} column. Headers seen (row {row}): {seen}.{near}',
  zh: '工作表“{sheet}”未做更改：没有{missing}列。看到的表头（第 {row} 行）：{seen}。{near}',
};
const NEAR: Msg = { en: ' Nearest: {list}.', zh: '最接近：{list}。' };
const NONE: Msg = { en: 'none', zh: '无' };

/** The row among `top` with the most text cells: what the user would call the headers when Retain found none. */
function likelyHeaderRow(top: readonly unknown[][]): number {
  let best = 0;
  let most = -1;
  top.forEach((row, r) => {
    const n = row.filter((v) => typeof v === 'string' && v.trim() !== '').length;
    if (n > most) {
      most = n;
      best = r;
    }
  });
  return best;
}

/**
 * Why Set up must not write into this sheet (it has no column for a
 * required field, e.g. no Name), naming the headers it saw and the nearest
 * matches ("Full name → Name?"); null when it can read the sheet. For
 * Customers the whole of Set up stops (`whole`); for another sheet only that
 * sheet is left alone.
 */
export function cannotRead_(
  sheet: Sheet,
  key: SheetKey,
  lang: Lang,
  map: FieldMap | undefined,
  whole: boolean,
): string | null {
  const spec = SHEETS[key];
  const { found } = findHeaderRow_(sheet, spec, map);
  if (found.match.missingRequired.length === 0) return null;
  const top = readGrid_(sheet, false).values.slice(0, 10);
  const r = likelyHeaderRow(top);
  const row = top[r] ?? [];
  const seen = row.filter((v) => typeof v === 'string' && v.trim() !== '').map((v) => String(v).trim());
  const missing = found.match.missingRequired
    .map((k) => spec.fields.find((f) => f.key === k))
    .map((f) => (f ? `"${headerLabel(f, lang)}"` : ''))
    .join(lang === 'zh' ? '、' : ', ');
  const list = describeSuggestions(suggestHeaders(row, spec), spec, lang);
  return tr(lang, whole ? CANNOT_READ : SKIPPED, {
    sheet: sheetName_(sheet),
    missing,
    row: r + 1,
    seen: seen.length ? seen.slice(0, 30).join(', ') : tr(lang, NONE),
    near: list ? tr(lang, NEAR, { list }) : '',
  });
}

/**
 * C0001, C0002 …: continues after the highest ID of that shape, so existing
 * IDs never clash. Only on rows that are customers: below the header row,
 * with a name (or name parts), not a totals row. A blank line, a section
 * label without a name or a "Total" row gets no ID.
 */
export function fillCustomerIds_(sheet: Sheet, map: FieldMap | undefined): number {
  const values = readGrid_(sheet, false).values;
  const found = locateTable(values, SHEETS.customers, map);
  const { match, nameParts } = found;
  const idCol = match.columns.id;
  const nameCol = match.columns.name;
  if (idCol === undefined || (nameCol === undefined && nameParts === null)) return 0;
  let max = 0;
  for (let i = found.row + 1; i < values.length; i++) {
    const m = /^C(\d+)$/i.exec(String(values[i][idCol]).trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  const blanks: number[] = [];
  for (let i = found.row + 1; i < values.length; i++) {
    const row = values[i];
    if (String(row[idCol] ?? '').trim() !== '') continue;
    if (nameOf(row, nameCol, nameParts).trim() === '' || isTotalsRow(row, match, nameParts)) continue;
    blanks.push(i);
  }
  // Contiguous blank IDs are written together; each run is one call.
  let k = 0;
  while (k < blanks.length) {
    let end = k;
    while (end + 1 < blanks.length && blanks[end + 1] === blanks[end] + 1) end++;
    const block: string[][] = [];
    for (let j = k; j <= end; j++) block.push(['C' + String(++max).padStart(4, '0')]);
    setValues_(sheet, blanks[k] + 1, idCol + 1, block);
    k = end + 1;
  }
  return blanks.length;
}
