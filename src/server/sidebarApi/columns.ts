/**
 * The Settings tab's Columns section (docs/data.md, Column map): the fields
 * Retain found in each of the user's sheets, and for the others a column to
 * choose. The choice is kept in document properties (settingsStore.ts) and
 * read by every run, the sidebar and Set up.
 */
import { MAPPABLE_SHEETS, type FieldMap } from '../../core/columnMap';
import { checkSheetMap, sheetColumns } from '../../core/columnsView';
import { tr, type Msg } from '../../core/i18n';
import type { Lang } from '../../core/model';
import { SHEETS, sheetLabel } from '../../core/schema';
import { findHeaderRow_, findSheet_, sheetsByName_ } from '../../gas/sheets';
import { sheetName_, type Sheet, type Spreadsheet } from '../../gas/spreadsheet';
import type { ApiSheetKey, ColumnsView, SaveColumnsResult, SheetColumns } from '../../shared/api';
import { loadColumnMap_, saveColumnMap_ } from '../settingsStore';
import { openSpreadsheetOrThrow_ } from '../spreadsheet';
import { userLang_ } from '../user';

const NO_SHEET: Msg = {
  en: 'There is no "{sheet}" sheet to choose columns in.',
  zh: '没有可选择列的“{sheet}”工作表。',
};
const WHICH_SHEET: Msg = {
  en: 'Choose the sheet whose columns to save: Customers, Purchases or Contact log.',
  zh: '请选择要保存列的工作表：客户、购买记录或联系记录。',
};

/** One sheet's section, from its header row (one read of its first ten rows); null when the workbook has no such sheet. */
function sheetSection(
  sheets: Map<string, Sheet>,
  key: ApiSheetKey,
  map: FieldMap | undefined,
  lang: Lang,
): SheetColumns | null {
  const sheet = findSheet_(sheets, SHEETS[key]);
  if (!sheet) return null;
  const { row, header } = findHeaderRow_(sheet, SHEETS[key], map);
  return sheetColumns(key, sheetName_(sheet), row, header, map, lang);
}

function columnsView(ss: Spreadsheet, lang: Lang): ColumnsView {
  const map = loadColumnMap_();
  const byName = sheetsByName_(ss);
  const sheets: SheetColumns[] = [];
  for (const key of MAPPABLE_SHEETS) {
    const section = sheetSection(byName, key as ApiSheetKey, map[key], lang);
    if (section) sheets.push(section);
  }
  return { sheets };
}

export function getColumns(_req: Record<string, never>): ColumnsView {
  const ss = openSpreadsheetOrThrow_();
  return columnsView(ss, userLang_(ss));
}

export function saveColumns(req: { sheet: ApiSheetKey; map: Record<string, string> }): SaveColumnsResult {
  const ss = openSpreadsheetOrThrow_();
  const lang = userLang_(ss);
  const key = req && typeof req === 'object' ? req.sheet : undefined;
  if (typeof key !== 'string' || !(MAPPABLE_SHEETS as readonly string[]).includes(key))
    return { ok: false, errors: { form: tr(lang, WHICH_SHEET) } };
  const sheet = findSheet_(sheetsByName_(ss), SHEETS[key]);
  if (!sheet) return { ok: false, errors: { form: tr(lang, NO_SHEET, { sheet: sheetLabel(SHEETS[key], lang) }) } };
  const { row, header } = findHeaderRow_(sheet, SHEETS[key], loadColumnMap_()[key]);
  const checked = checkSheetMap(key, sheetName_(sheet), row, header, req.map, lang);
  if (!checked.ok) return checked;
  saveColumnMap_({ ...loadColumnMap_(), [key]: checked.map });
  return { ok: true, columns: columnsView(ss, lang) };
}
