/**
 * "How Retain read your file": the demo's account of a user's customer sheet,
 * made with the product's own reading functions (src/core: findHeaderRow,
 * isTotalsRow, the name columns, suggestHeaders), so what it prints is what
 * Retain understands, column by column and row by row.
 */
import { cellLocale } from '../../src/core/cells';
import { findHeaderRow, isTotalsRow, type HeaderRowFound } from '../../src/core/headerRow';
import { describeSuggestions, suggestHeaders, type HeaderSuggestion } from '../../src/core/headerSuggest';
import { columnLetter } from '../../src/core/headers';
import { nameOf } from '../../src/core/nameColumns';
import { SHEETS, type SheetSpec } from '../../src/core/schema';

export interface ColumnReading {
  /** 0-based. */
  column: number;
  header: string;
  /** The field it became (its English header), or null when Retain does not use it. */
  field: string | null;
  /** Why, when it is not the plain header match: 'first name', 'duplicate of B' ... */
  note?: string;
}

export interface IgnoredRow {
  /** 1-based sheet row. */
  row: number;
  why: 'title' | 'blank' | 'totals';
  text?: string;
}

export interface SheetReading {
  spec: SheetSpec;
  /** Null when no header row was found: the sheet cannot be read. */
  found: HeaderRowFound | null;
  columns: ColumnReading[];
  suggestions: HeaderSuggestion[];
  /** 0-based indexes of the rows read as records (customers, purchases ...). */
  records: number[];
  ignored: IgnoredRow[];
}

function blankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

function columnsOf(header: readonly unknown[], found: HeaderRowFound, spec: SheetSpec): ColumnReading[] {
  const byColumn = new Map<number, string>();
  for (const [key, c] of Object.entries(found.match.columns)) byColumn.set(c, key);
  const dupOf = new Map<number, number>();
  for (const d of found.match.duplicates) for (const c of d.columns.slice(1)) dupOf.set(c, d.columns[0]);
  const parts = found.nameParts && found.match.columns.name === undefined ? found.nameParts : null;
  const partOf = new Map<number, string>();
  if (parts)
    for (const k of ['first', 'middle', 'last'] as const) if (parts[k] !== null) partOf.set(parts[k]!, `${k} name`);
  const label = (key: string) => spec.fields.find((f) => f.key === key)?.en ?? key;
  const out: ColumnReading[] = [];
  header.forEach((cell, column) => {
    const text = cell === null || cell === undefined ? '' : String(cell).trim();
    if (text === '') return;
    const key = byColumn.get(column);
    if (key !== undefined) out.push({ column, header: text, field: label(key) });
    else if (partOf.has(column))
      out.push({ column, header: text, field: 'Name', note: `${partOf.get(column)}, joined` });
    else if (dupOf.has(column))
      out.push({ column, header: text, field: null, note: `same field as ${columnLetter(dupOf.get(column)!)}` });
    else out.push({ column, header: text, field: null });
  });
  return out;
}

/** How Retain reads one sheet of the file: header row, columns, the rows it reads and the ones it ignores. */
export function readSheet(rows: readonly unknown[][], spec: SheetSpec = SHEETS.customers): SheetReading {
  const found = findHeaderRow(rows, spec);
  if (!found) {
    const header = rows[0] ?? [];
    return { spec, found, columns: [], suggestions: suggestHeaders(header, spec), records: [], ignored: [] };
  }
  const ignored: IgnoredRow[] = [];
  for (let r = 0; r < found.row; r++) ignored.push({ row: r + 1, why: blankRow(rows[r]) ? 'blank' : 'title' });
  const records: number[] = [];
  for (let r = found.row + 1; r < rows.length; r++) {
    const row = rows[r];
    if (blankRow(row)) ignored.push({ row: r + 1, why: 'blank' });
    else if (spec.key === 'customers' && isTotalsRow(row, found.match, found.nameParts)) {
      const name = nameOf(row, found.match.columns.name, found.nameParts);
      ignored.push({ row: r + 1, why: 'totals', text: name || String(row.find((v) => String(v ?? '').trim()) ?? '') });
    } else records.push(r);
  }
  return {
    spec,
    found,
    columns: columnsOf(rows[found.row], found, spec),
    suggestions: suggestHeaders(rows[found.row], spec, { match: found.match }),
    records,
    ignored,
  };
}

/** '3, 5-7, 9'. */
function rowList(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j;
  }
  return parts.join(', ');
}

/** The printout's lines for one sheet. */
export function describeReading(reading: SheetReading, sheetName: string): string[] {
  const lines: string[] = [];
  const { found } = reading;
  if (!found) {
    lines.push(`  ${sheetName}: no header row in the first 10 rows holds a ${requiredText(reading.spec)} header.`);
    if (reading.suggestions.length)
      lines.push(`  Nearest headers: ${describeSuggestions(reading.suggestions, reading.spec, 'en')}`);
    return lines;
  }
  const above = found.row > 0 ? ` (rows 1-${found.row} above it are not read)` : '';
  lines.push(`  ${sheetName}: header row ${found.row + 1}${above}`);
  const width = Math.max(...reading.columns.map((c) => shownWidth(c.header)), 6);
  for (const c of reading.columns.filter((c) => c.field !== null)) {
    const note = c.note ? ` (${c.note})` : '';
    const pad = ' '.repeat(width - shownWidth(c.header));
    lines.push(`    ${columnLetter(c.column).padEnd(3)}${c.header}${pad}  -> ${c.field}${note}`);
  }
  const unused = reading.columns.filter((c) => c.field === null);
  if (unused.length)
    lines.push(
      `    Not used: ${unused.map((c) => `${columnLetter(c.column)} ${c.header}${c.note ? ` (${c.note})` : ''}`).join(', ')}`,
    );
  if (reading.suggestions.length)
    lines.push(`    Not found, nearest headers: ${describeSuggestions(reading.suggestions, reading.spec, 'en')}`);
  const dataRows = reading.records.length + reading.ignored.filter((r) => r.row > found.row + 1).length;
  const what = reading.spec.key === 'customers' ? 'customers' : 'rows';
  const n = reading.records.length;
  lines.push(`    Rows: ${dataRows} below the header; ${n} ${n === 1 ? what.slice(0, -1) : what} read`);
  const group = (why: IgnoredRow['why']) => reading.ignored.filter((r) => r.why === why);
  const title = group('title');
  if (title.length) lines.push(`    Ignored, title rows: ${rowList(title.map((r) => r.row))}`);
  const totals = group('totals');
  if (totals.length)
    lines.push(`    Ignored, totals rows: ${totals.map((r) => `${r.row} ("${r.text ?? ''}")`).join(', ')}`);
  const blank = group('blank');
  if (blank.length) lines.push(`    Ignored, blank rows: ${rowList(blank.map((r) => r.row))}`);
  return lines;
}

/** Terminal columns of a text: CJK and full-width characters take two. */
function shownWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function requiredText(spec: SheetSpec): string {
  return spec.fields
    .filter((f) => f.required)
    .map((f) => f.en)
    .join(', ');
}

// ---------------------------------------------------------------- the spreadsheet locale

export interface LocaleGuess {
  locale: string;
  why: string;
}

const COMMA_AMOUNT = /^[^\d-]*-?\d{1,3}(?:[. ]\d{3})*,\d{1,2}(?:\s*\D*)?$/;
const POINT_AMOUNT = /^[^\d-]*-?\d{1,3}(?:,\d{3})*\.\d{1,2}(?:\s*\D*)?$/;
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2\d{4}$/;

/**
 * The locale a spreadsheet made from this file most likely has, from the
 * cells themselves: amounts with a decimal comma ('1.234,50 €') say de_DE;
 * dates with a day over 12 first ('25/03/2026') say en_GB ('25.03.2026' with
 * dots: de_DE); over 12 second, en_US; Chinese headers, zh_CN; else en_US.
 */
export function guessLocale(rows: readonly unknown[][], reading: SheetReading): LocaleGuess {
  let comma = 0;
  let point = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let dots = 0;
  let example = { comma: '', dayFirst: '', monthFirst: '' };
  for (const r of reading.records)
    for (const v of rows[r]) {
      if (typeof v !== 'string') continue;
      const s = v.trim();
      if (COMMA_AMOUNT.test(s) && !POINT_AMOUNT.test(s)) {
        comma++;
        example = { ...example, comma: example.comma || s };
      } else if (POINT_AMOUNT.test(s)) point++;
      const m = DAY_MONTH.exec(s);
      if (m && Number(m[1]) > 12 && Number(m[3]) <= 12) {
        dayFirst++;
        if (m[2] === '.') dots++;
        example = { ...example, dayFirst: example.dayFirst || s };
      } else if (m && Number(m[3]) > 12 && Number(m[1]) <= 12) {
        monthFirst++;
        example = { ...example, monthFirst: example.monthFirst || s };
      }
    }
  if (comma > point) return { locale: 'de_DE', why: `guessed from decimal commas such as "${example.comma}"` };
  if (dayFirst > monthFirst)
    return dots * 2 > dayFirst
      ? { locale: 'de_DE', why: `guessed from dates day first with dots such as "${example.dayFirst}"` }
      : { locale: 'en_GB', why: `guessed from dates day first such as "${example.dayFirst}"` };
  if (monthFirst > dayFirst)
    return { locale: 'en_US', why: `guessed from dates month first such as "${example.monthFirst}"` };
  const header = reading.found ? rows[reading.found.row] : (rows[0] ?? []);
  if (header.some((h) => typeof h === 'string' && /\p{Script=Han}/u.test(h)))
    return { locale: 'zh_CN', why: 'guessed from the Chinese headers' };
  return { locale: 'en_US', why: 'the default: nothing in the file says otherwise' };
}

/** How a locale reads numbers and dates, for the printout. */
export function localeRules(locale: string): string {
  const l = cellLocale(locale);
  const decimals = l.decimalComma ? '1.234,50 is 1234.5' : '1,234.50 is 1234.5';
  const order =
    l.dayMonth === 'DM'
      ? '3/11/2026 is 3 November'
      : l.dayMonth === 'MD'
        ? '3/11/2026 is March 11'
        : '3/11/2026 is refused as ambiguous';
  return `${decimals}; ${order}`;
}
