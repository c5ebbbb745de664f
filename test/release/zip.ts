/**
 * The release zip as the tests see it: made once per test file by the real
 * `tools/release/release.ts` (with --no-build: `npm test` has built dist/, and
 * rebuilding it here would pull it from under the other test files), opened
 * with jszip, templates read with exceljs, and a template turned into an
 * emulator workbook the way Google Sheets imports it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Emulator } from '../../tools/emulator';
import { ROOT } from '../helpers/bundle';

export interface Release {
  file: string;
  zip: JSZip;
  entries: string[];
  text(name: string): Promise<string>;
  workbook(name: string): Promise<ExcelJS.Workbook>;
}

export async function makeReleaseZip(): Promise<Release> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'retain-release-'));
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  execFileSync(tsx, [path.join(ROOT, 'tools', 'release', 'release.ts'), '--no-build', '--out', out], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const files = fs.readdirSync(out);
  if (files.length !== 1) throw new Error(`expected one zip in ${out}, found ${files.join(', ')}`);
  const file = path.join(out, files[0]);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entries = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const entry = (name: string) => {
    const e = zip.file(name);
    if (!e) throw new Error(`${name} is not in ${file}`);
    return e;
  };
  return {
    file,
    zip,
    entries,
    text: (name) => entry(name).async('string'),
    workbook: async (name) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await entry(name).async('nodebuffer')) as unknown as ExcelJS.Buffer);
      return book;
    },
  };
}

/** A worksheet's used rows as plain values (row 1 = headers), '' for empty cells. */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const width = ws.getRow(1).cellCount;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const line: unknown[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      line.push(v === null || v === undefined ? '' : v);
    }
    if (line.some((v) => v !== '')) rows.push(line);
  });
  return rows;
}

/**
 * Fills the emulator with the template as Google Sheets imports it: every
 * sheet with its cells (text stays text), each column's number format on its
 * data rows, plus `extra` data rows per sheet (typed values: numbers, Dates)
 * as a user would enter them after the import.
 */
export function importTemplate(emu: Emulator, book: ExcelJS.Workbook, extra: Record<string, unknown[][]> = {}): void {
  for (const ws of book.worksheets) {
    const rows = sheetRows(ws);
    emu.setSheet(ws.name, [...rows, ...(extra[ws.name] ?? [])], { parse: false });
    const sheet = emu.sheet(ws.name);
    const width = rows[0].length;
    for (let c = 1; c <= width; c++) {
      const fmt = ws.getColumn(c).numFmt;
      if (fmt) sheet.getRange(2, c, sheet.getMaxRows() - 1, 1).setNumberFormat(fmt);
    }
  }
}
