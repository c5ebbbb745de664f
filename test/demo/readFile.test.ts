/**
 * The demo's reading of a user's file (tools/demo/readFile.ts, report.ts,
 * workbook.ts) and its new options (issue 11 item 9).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { SHEETS } from '../../src/core/schema';
import { parseDemoArgs, runDemo, todayIn } from '../../tools/demo';
import { REAL_DIR } from '../../tools/fixtures/make-real';
import { decodeText, isDateFormat, parseCsvText, readBook, serialToUtcFields } from '../../tools/demo/readFile';
import { describeReading, guessLocale, readSheet } from '../../tools/demo/report';

const TEXT = 'Name,Revenue\n王小明,1.2万\nZoe Müller,€ 5\n';

function tmp(name: string, bytes: Buffer | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retain-read-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16be')])],
    ['UTF-16LE', iconv.encode(TEXT, 'utf16le')],
    ['UTF-16BE', iconv.encode(TEXT, 'utf16be')],
    ['GB18030', iconv.encode(TEXT, 'gbk')],
    ['GB18030', iconv.encode(TEXT, 'gb18030')],
  ])('reads %s', (encoding, bytes) => {
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding });
  });

  it('reads GB18030 beyond GBK (a four-byte character) and short GBK names', () => {
    const rare = '姓名\n𠀀先生\n';
    expect(decodeText(iconv.encode(rare, 'gb18030')).text).toBe(rare);
    // Two Chinese characters in GBK are four high bytes, never valid UTF-8.
    expect(decodeText(iconv.encode('王芳', 'gbk'))).toEqual({ text: '王芳', encoding: 'GB18030' });
  });

  it('takes ASCII for UTF-8', () => {
    expect(decodeText(Buffer.from('Name\nBob\n'))).toEqual({ text: 'Name\nBob\n', encoding: 'UTF-8' });
  });
});

describe('parseCsvText', () => {
  it('finds the delimiter, keeps blank rows inside, drops them at the end, pads to one width', () => {
    expect(parseCsvText('a;b\n1;2\n\n3;4\n5;\n\n\n')).toEqual({
      rows: [
        ['a', 'b'],
        ['1', '2'],
        ['', ''],
        ['3', '4'],
        ['5', ''],
      ],
      delimiter: ';',
    });
    expect(parseCsvText('a\tb\n"x, y"\tz\n').delimiter).toBe('\t');
    expect(parseCsvText('a,b,c\n1\n').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
    expect(parseCsvText('"Harbor & Finch, Ltd.",x\n').rows).toEqual([['Harbor & Finch, Ltd.', 'x']]);
  });
});

describe('XLSX', () => {
  it('knows date number formats', () => {
    for (const f of ['yyyy-mm-dd', 'd/m/yyyy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月d日', 'mmm d, yyyy', 'dd.mm.yy'])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of [undefined, 'General', '0.00', '#,##0', '"$"#,##0.00', '[Red](0.00)', 'h:mm', '@', '0%'])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  it('counts serials from 1899-12-30, or 1904-01-01 in a 1904 workbook', () => {
    expect(serialToUtcFields(46328).toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(serialToUtcFields(46328.5).toISOString()).toBe('2026-11-02T12:00:00.000Z');
    expect(serialToUtcFields(0, true).toISOString()).toBe('1904-01-01T00:00:00.000Z');
  });

  it('reads the Customers sheet (not the first), its other sheets, dates in the zone and custom-format serials', async () => {
    const book = await readBook(path.join(REAL_DIR, 'serial-dates.xlsx'), { timeZone: 'Asia/Shanghai' });
    expect(book.format).toBe('xlsx');
    expect(Object.keys(book.sheets)).toEqual(['customers', 'purchases', 'contactLog', 'holidays']);
    const [header, first, second] = book.sheets.customers.rows;
    expect(header).toEqual(['Customer ID', 'Name', 'Email', 'Revenue', 'Last purchase', 'Customer since', 'Birthday']);
    // Midnight in Shanghai is 16:00 UTC the day before.
    expect((first[4] as Date).toISOString()).toBe('2026-11-11T16:00:00.000Z');
    // 'yyyy"年"m"月"d"日"' is a date format: the serial under it is a date.
    expect((first[5] as Date).toISOString()).toBe('2020-05-16T16:00:00.000Z');
    // A serial in a General cell stays a number: the core decides per column (cells/dateColumns.ts).
    expect(second[4]).toBe(46330);
    expect(book.sheets.holidays!.rows[1][1]).toBe('Christmas Day');
  });

  it('reads a sheet named 客户 and the first sheet otherwise', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['x']);
    book.addWorksheet('客户').addRows([
      ['姓名', '销售额'],
      ['王芳', 26800],
    ]);
    const file = tmp('zh.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect((await readBook(file)).sheets.customers).toEqual({
      name: '客户',
      rows: [
        ['姓名', '销售额'],
        ['王芳', 26800],
      ],
    });
  });

  it('refuses other formats and missing files with a clear message', async () => {
    await expect(readBook('/nonexistent/x.csv')).rejects.toThrow(/No such file/);
    await expect(readBook(tmp('x.numbers', ''))).rejects.toThrow(/\.csv or \.xlsx/);
  });
});

describe('How Retain read your file', () => {
  it('names the header row, each column and its field, the columns not used and the rows ignored', async () => {
    const book = await readBook(path.join(REAL_DIR, 'title-and-totals.csv'));
    const rows = book.sheets.customers.rows;
    const lines = describeReading(readSheet(rows, SHEETS.customers), 'title-and-totals');
    expect(lines).toEqual([
      '  title-and-totals: header row 4 (rows 1-3 above it are not read)',
      '    A  Customer ID     -> Customer ID',
      '    B  Customer name   -> Name',
      '    C  Email           -> Email',
      '    D  Mobile          -> Phone',
      '    E  Total sales     -> Revenue',
      '    F  Last order      -> Last purchase',
      '    G  Customer since  -> Customer since',
      '    H  Status          -> Status',
      '    Rows: 38 below the header; 36 customers read',
      '    Ignored, title rows: 1-2',
      '    Ignored, totals rows: 42 ("TOTAL:")',
      '    Ignored, blank rows: 3, 41',
    ]);
  });

  it('says what it could not read and the nearest headers', () => {
    const lines = describeReading(
      readSheet([
        ['Kundenname', 'Umsatz'],
        ['A', '1'],
      ]),
      'mine',
    );
    expect(lines).toEqual([
      '  mine: no header row in the first 10 rows holds a Name header.',
      '  Nearest headers: Kundenname → Name?',
    ]);
  });

  it('marks name parts, duplicates and unused columns', () => {
    const rows = [
      ['First Name', 'Last Name', 'Email', 'E-mail', 'Tags'],
      ['Alice', 'Chen', 'a@example.com', 'b@example.com', 'vip'],
    ];
    const lines = describeReading(readSheet(rows), 'shop');
    expect(lines.slice(1, 4)).toEqual([
      '    A  First Name  -> Name (first name, joined)',
      '    B  Last Name   -> Name (last name, joined)',
      '    C  Email       -> Email',
    ]);
    expect(lines[4]).toBe('    Not used: D E-mail (same field as C), E Tags');
  });

  it('guesses the spreadsheet locale from the cells', async () => {
    const guess = async (file: string) => {
      const rows = (await readBook(path.join(REAL_DIR, file))).sheets.customers.rows;
      return guessLocale(rows, readSheet(rows)).locale;
    };
    expect(await guess('de-decimal-comma.csv')).toBe('de_DE');
    expect(await guess('en-gb-day-first.csv')).toBe('en_GB');
    expect(await guess('crm-export.csv')).toBe('en_US');
    expect(await guess('zh-wan-amounts.csv')).toBe('zh_CN');
    expect(await guess('mixed-names-no-language.csv')).toBe('en_US');
    const dots = [
      ['Name', 'Last purchase'],
      ['A', '25.03.2026'],
    ];
    expect(guessLocale(dots, readSheet(dots)).locale).toBe('de_DE');
  });
});

describe('demo options', () => {
  it('parses the new flags', () => {
    expect(
      parseDemoArgs(['--customers', 'a.csv', '--tz', 'Europe/Berlin', '--locale=de_DE', '--holidays', 'h.csv']),
    ).toEqual({ customers: 'a.csv', timeZone: 'Europe/Berlin', locale: 'de_DE', holidays: 'h.csv' });
    // The demo no longer prepares a file for the product (the product reads header rows itself).
    expect(() => parseDemoArgs(['--as-is'])).toThrow(/Unknown option --as-is/);
  });

  it("today is the date in the zone's wall clock", () => {
    const at = new Date('2026-11-19T20:00:00Z');
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-11-20');
    expect(todayIn('America/New_York', at)).toBe('2026-11-19');
  });

  it('runs a user file for the real today in the given zone, with no holidays, and prints how it read the file', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'retain-demo-'));
    const lines: string[] = [];
    const file = path.join(REAL_DIR, 'gbk-title-totals.csv');
    const result = await runDemo({ customers: file, timeZone: 'Asia/Tokyo', out, print: (l) => lines.push(l) });
    expect(result.today).toBe(todayIn('Asia/Tokyo'));
    expect(lines[0]).toContain('(Asia/Tokyo)');
    const report = lines.join('\n');
    expect(report).toContain('How Retain read your file (gbk-title-totals.csv: GB18030, comma-separated)');
    expect(report).toContain('Ignored, totals rows: 39 ("合计")');
    expect(report).toContain('No holidays');
    // The product reads the file as it is: the header row below the title, the totals row left out.
    expect(report).toContain('header row 3 (rows 1-2 above it are not read)');
    expect(report).not.toContain('the demo');
    const customers = fs.readFileSync(path.join(out, 'Customers.csv'), 'utf8').replace('\ufeff', '');
    expect(customers.split('\n')[0]).toMatch(/^2026年客户名单/);
    const holidays = fs.readFileSync(path.join(out, 'Holidays.csv'), 'utf8');
    expect(holidays.replace('\ufeff', '').trim().split('\n')).toHaveLength(1);
    await expect(runDemo({ customers: file, timeZone: 'Mars/Base', print: () => undefined })).rejects.toThrow(
      /--tz must be a time zone/,
    );
  });
});
