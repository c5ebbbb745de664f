/**
 * What makes a workbook unreadable (docs/data.md, Headers): a missing
 * required sheet, or a required column its header row does not have. Said in
 * the user's language, naming the sheet and the header, with the headers
 * Retain saw that are nearest to the one it needs ("Full name → Name?").
 */
import { describeSuggestions, suggestHeaders } from '../core/headerSuggest';
import { tr, type Msg } from '../core/i18n';
import type { Lang } from '../core/model';
import { headerLabel, SHEETS, sheetLabel, type SheetKey } from '../core/schema';
import type { SheetTable } from '../gas/sheets';

const NO_SHEET: Msg = {
  en: 'There is no "{sheet}" sheet: run Retain > Set up sheets, or rename your customer sheet to "{sheet}".',
  zh: '找不到“{sheet}”工作表：请运行 Retain > 设置表格，或将客户表重命名为“{sheet}”。',
};
const NO_COLUMN: Msg = {
  en: 'Sheet "{sheet}" has no "{header}" column (Retain looks for the header row in the first 10 rows): add it, or choose its column in Settings > Columns.',
  zh: '工作表“{sheet}”没有“{header}”列（Retain 在前 10 行中查找表头）：请添加，或在 设置 > 列 中选择对应的列。',
};
const NO_ID_COLUMN: Msg = {
  en: 'Sheet "{sheet}" has no "Customer ID" column in its header row (row {row}): run Retain > Set up sheets to add it and fill the IDs.',
  zh: '工作表“{sheet}”的表头（第 {row} 行）没有“客户编号”列：请运行 Retain > 设置表格 添加并填写编号。',
};
const NEAREST: Msg = { en: ' Nearest headers: {list}', zh: '最接近的表头：{list}' };

export interface WorkbookShape {
  lang: Lang;
  tables: Partial<Record<SheetKey, SheetTable>>;
}

/** The nearest headers of a sheet's header row for its missing fields, as a sentence; '' when none is near. */
export function nearestHeaders(t: SheetTable, lang: Lang): string {
  const row = t.values[t.headerRow] ?? [];
  const list = describeSuggestions(suggestHeaders(row, t.spec, { match: t.match }), t.spec, lang);
  return list ? tr(lang, NEAREST, { list }) : '';
}

/**
 * The first thing that makes the workbook unusable, in the user's language.
 * An optional sheet with no rows under its header is dropped from `tables`.
 */
export function missingStructure(wb: WorkbookShape, keys: SheetKey[]): string | null {
  for (const key of keys) {
    const spec = SHEETS[key];
    const t = wb.tables[key];
    if (!t) {
      if (spec.required) return tr(wb.lang, NO_SHEET, { sheet: sheetLabel(spec, wb.lang) });
      continue;
    }
    // An optional sheet with no rows yet (Set up makes Purchases with headers only) is not used:
    // an empty Purchases sheet must not turn everyone's revenue into 0.
    if (!spec.required && t.values.length <= t.headerRow + 1) {
      delete wb.tables[key];
      continue;
    }
    for (const fieldKey of t.match.missingRequired) {
      const field = spec.fields.find((f) => f.key === fieldKey);
      const header = field ? headerLabel(field, wb.lang) : fieldKey;
      return tr(wb.lang, NO_COLUMN, { sheet: t.sheetName, header }) + nearestHeaders(t, wb.lang);
    }
    // Rows are matched by Customer ID when the run writes back: without the column nothing can be written safely.
    if (key === 'customers' && t.match.columns.id === undefined)
      return tr(wb.lang, NO_ID_COLUMN, { sheet: t.sheetName, row: t.headerRow + 1 });
  }
  return null;
}
