/**
 * `Retain template.xlsx` (and its Chinese twin): a workbook to import into
 * Google Sheets, holding every sheet Retain knows with its headers, the default
 * email templates Set up would write, drop-down lists, frozen header rows,
 * column widths and formats. Everything Retain reads comes from the product's
 * own sources (schema, model, templates), so a sheet or column added there
 * appears here at the next release.
 */
import ExcelJS from 'exceljs';
import { tr, type Msg } from '../../src/core/i18n';
import type { Lang } from '../../src/core/model';
import { headerLabel, SHEETS, SHEET_KEYS, sheetLabel, type SheetKey, type SheetSpec } from '../../src/core/schema';
import { DEFAULT_TEMPLATES } from '../../src/core/templates';
import { lookOf, type ColumnLook } from './columns';

/** Rows that get a drop-down list: Google Sheets opens an import with 1,000 rows; this leaves room to grow. */
export const LIST_ROWS = 5000;

/** The file name of the template in each language. */
export const TEMPLATE_FILE: Record<Lang, string> = {
  en: 'Retain template.xlsx',
  zh: 'Retain 模板.xlsx',
};

// The lists hold the values Retain reads and the sidebar writes; the Chinese
// words are accepted too (docs/data.md, Headers), so the list only warns.
const LIST_HELP: Partial<Record<string, Msg>> = {
  'customers.status': {
    en: 'Active, Prospect, Do not contact or Lost. Blank means Active.',
    zh: 'Active（活跃）、Prospect（潜在）、Do not contact（勿扰）或 Lost（流失）。留空即为 Active。',
  },
  'contactLog.type': {
    en: 'Visit, Call, Email, Message, Gift, Complaint or Other.',
    zh: 'Visit（拜访）、Call（电话）、Email（邮件）、Message（消息）、Gift（礼物）、Complaint（投诉）或 Other（其他）。',
  },
};

const NOT_IN_LIST: Msg = {
  en: "Retain will not recognise this value: the customer's row will say so in Retain notes.",
  zh: 'Retain 无法识别该值，会在该客户行的“提示”列中说明。',
};

interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** Header cells of the columns Retain writes get this fill, so a user sees which columns are Retain's. */
const MANAGED_FILL = 'FFE8F0FE';

function addSheet(book: ExcelJS.Workbook, key: SheetKey, lang: Lang): ExcelJS.Worksheet {
  const spec = SHEETS[key];
  const sheet = book.addWorksheet(sheetLabel(spec, lang), { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = spec.fields.map((f) => headerLabel(f, lang));
  sheet.columns = spec.fields.map((f, i) => columnOf(key, f.key, headers[i]));
  const header = sheet.getRow(1);
  header.values = headers;
  spec.fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    // The header row is text whatever the column below holds.
    cell.numFmt = '@';
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle' };
    if (f.managed)
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MANAGED_FILL } } as ExcelJS.FillPattern;
    const look = lookOf(key, f.key, headers[i]);
    if (look.list) addList(sheet, i + 1, look.list, LIST_HELP[`${key}.${f.key}`], lang);
  });
  return sheet;
}

function columnOf(key: SheetKey, field: string, header: string): Partial<ExcelJS.Column> {
  const look: ColumnLook = lookOf(key, field, header);
  const style: Partial<ExcelJS.Style> = {};
  if (look.numFmt) style.numFmt = look.numFmt;
  if (look.wrap) style.alignment = { wrapText: true, vertical: 'top' };
  return { key: field, width: look.width, style };
}

function addList(sheet: ExcelJS.Worksheet, col: number, values: readonly string[], help: Msg | undefined, lang: Lang) {
  const letter = sheet.getColumn(col).letter;
  // One range, not 5,000 cells: exceljs has Worksheet.dataValidations.add(range) but its types do not declare it.
  const validations = (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
  validations.add(`${letter}2:${letter}${LIST_ROWS}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showInputMessage: !!help,
    prompt: help ? tr(lang, help) : undefined,
    showErrorMessage: true,
    // A warning, not a refusal: Retain reads other spellings too ('Phone', '电话') and says when it cannot.
    errorStyle: 'warning',
    error: tr(lang, NOT_IN_LIST),
  });
}

/** The default templates, the user's language first: the rows Set up writes into a new Templates sheet. */
function addTemplateRows(sheet: ExcelJS.Worksheet, spec: SheetSpec, lang: Lang): void {
  const ordered = DEFAULT_TEMPLATES.slice().sort((a, b) => (a.language === lang ? -1 : b.language === lang ? 1 : 0));
  for (const t of ordered) {
    const row: Record<string, string> = { key: t.key, language: t.language, subject: t.subject, body: t.body };
    sheet.addRow(spec.fields.map((f) => row[f.key] ?? ''));
  }
}

export function templateWorkbook(lang: Lang): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Retain';
  book.title = lang === 'zh' ? 'Retain 客户表' : 'Retain customers';
  for (const key of SHEET_KEYS) {
    const sheet = addSheet(book, key, lang);
    if (key === 'templates') addTemplateRows(sheet, SHEETS.templates, lang);
  }
  return book;
}

export async function templateBuffer(lang: Lang): Promise<Buffer> {
  return Buffer.from(await templateWorkbook(lang).xlsx.writeBuffer());
}
