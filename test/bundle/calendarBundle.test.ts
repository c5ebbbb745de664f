/**
 * The calendar data (src/core/calendar: solarlunar, the prebuilt official
 * holidays) bundled the way dist/Code.js is (tools/build/webpack-config.js),
 * from a small entry next to RETAIN_TIER, and run in the emulator: the
 * library code works with no Node API, in a script time zone west of UTC,
 * as a custom function too; it leaves the entry stubs and their JSDoc alone;
 * and the build's size table counts what it adds.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import webpack from 'webpack';
import { Emulator } from '../../tools/emulator';
import { nextAnnualOccurrence } from '../../src/core/calendar/annual';
import { countryOfLocale } from '../../src/core/calendar/locales';
import { addDays } from '../../src/core/dates';
import { lunarOf } from '../../src/core/calendar/lunar';
import { parseLunarMonthDay } from '../../src/core/calendar/lunarText';
import { officialHolidays } from '../../src/core/calendar/officialHolidays';

const ROOT = path.resolve(__dirname, '../..');
const abs = (p: string) => JSON.stringify(path.join(ROOT, p));

// A miniature src/index.ts: `global.NAME =` wiring with JSDoc, as GasPlugin expects.
const ENTRY = `
import { nextAnnualOccurrence } from ${abs('src/core/calendar/annual')};
import { countryOfLocale } from ${abs('src/core/calendar/locales')};
import { addDays } from ${abs('src/core/dates')};
import { lunarOf, nextLunarOccurrence } from ${abs('src/core/calendar/lunar')};
import { parseLunarMonthDay } from ${abs('src/core/calendar/lunarText')};
import { officialHolidays } from ${abs('src/core/calendar/officialHolidays')};
import { retainTier } from ${abs('src/core/tiers')};

declare global {
  var RETAIN_TIER: (revenue: unknown, a_cutoff?: unknown, b_cutoff?: unknown, method?: unknown) => string[][];
  var LUNAR_BIRTHDAY: (month: number, day: number, year: number) => string;
  var calNextLunar: (month: number, day: number, leap: boolean, from: string) => string;
  var calOfficial: (country: string, year: number, lang: 'en' | 'zh') => string;
  var calParse: (text: string) => string;
  var calAnnual: (month: number, day: number, from: string, feb29: 'Feb 28' | 'Mar 1') => string;
  var calCountry: (locale: string) => string | null;
  var calLunarDays: (from: string, n: number) => string;
}

/**
 * ABC tiers.
 * @param {number[][]} revenue The revenue column.
 * @param {number} a_cutoff Optional.
 * @param {number} b_cutoff Optional.
 * @param {string} method Optional.
 * @return {string[][]} Tiers.
 * @customfunction
 */
global.RETAIN_TIER = (revenue, a_cutoff, b_cutoff, method) => retainTier(revenue, a_cutoff, b_cutoff, method);

/**
 * The Gregorian date of a lunar birthday in a year.
 * @param {number} month The lunar month.
 * @param {number} day The lunar day.
 * @param {number} year The Gregorian year.
 * @return {string} The date.
 * @customfunction
 */
global.LUNAR_BIRTHDAY = (month, day, year) => nextLunarOccurrence({ month, day, leap: false }, year + '-01-01');

global.calNextLunar = (month, day, leap, from) => nextLunarOccurrence({ month, day, leap }, from);
global.calOfficial = (country, year, lang) => JSON.stringify(officialHolidays(country, year, lang));
global.calParse = (text) => JSON.stringify(parseLunarMonthDay(text));
global.calAnnual = (month, day, from, feb29) => nextAnnualOccurrence(month, day, from, feb29);
global.calCountry = (locale) => countryOfLocale(locale);
global.calLunarDays = (from, n) =>
  JSON.stringify(Array.from({ length: n }, (_, i) => lunarOf(addDays(from, i))));
`;

const { configFor } = require('../../tools/build/webpack-config.js') as {
  configFor(entry: string, outDir: string, filename?: string): webpack.Configuration;
};
const { formatSizes } = require('../../tools/build/bundle-sizes.js') as {
  formatSizes(sizes: Sizes): string;
};
const { finishBundle } = require('../../tools/build/finish.js') as {
  finishBundle(compilation: webpack.Compilation, file: string): Sizes;
};

interface Sizes {
  rows: Array<{ label: string; license: string; bytes: number; modules: number }>;
  total: number;
}

let dir = '';
let file = '';
let source = '';
let sizes: Sizes;

beforeAll(async () => {
  // Inside the project (test-out/ is git-ignored): GasPlugin only reads entries under webpack's context.
  fs.mkdirSync(path.join(ROOT, 'test-out'), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, 'test-out', 'calendar-bundle-'));
  const entry = path.join(dir, 'index.ts');
  fs.writeFileSync(entry, ENTRY);
  file = path.join(dir, 'Code.js');
  sizes = await new Promise((resolve, reject) =>
    webpack(configFor(entry, dir), (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true })));
      resolve(finishBundle(stats.compilation, file));
    }),
  );
  source = fs.readFileSync(file, 'utf8');
}, 120000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function load(timeZone: string): Emulator {
  const emu = new Emulator({ timeZone, locale: 'en', now: '2026-11-16T06:30:00Z', userEmail: 'rep@example.com' });
  emu.load(source, 'Code.js');
  return emu;
}

describe('the size table', () => {
  test('lists solarlunar and the holiday data with their bytes; the rows add up to the file', () => {
    const by = (re: RegExp) => sizes.rows.find((r) => re.test(r.label));
    const lunar = by(/^solarlunar \d+\.\d+\.\d+$/);
    expect(lunar).toMatchObject({ license: 'ISC' });
    expect(lunar?.bytes).toBeGreaterThan(10000);
    expect(lunar?.bytes).toBeLessThan(40000);
    const data = by(/^holiday data/);
    expect(data?.bytes).toBeGreaterThan(40000);
    expect(data?.modules).toBe(1);
    const retain = by(/^Retain/);
    expect(retain?.modules).toBeGreaterThan(5);
    expect(sizes.total).toBe(fs.statSync(file).size);
    expect(sizes.rows.reduce((s, r) => s + r.bytes, 0)).toBe(sizes.total);
    // The data is in the file as written: its bytes are at least the JSON's minified size.
    const json = JSON.stringify(
      JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/calendar/officialHolidays.json'), 'utf8')),
    );
    expect(data?.bytes).toBeGreaterThanOrEqual(Buffer.byteLength(json, 'utf8'));
    // No other package: chinese-days and date-holidays are build-time only.
    expect(sizes.rows.filter((r) => /\d+\.\d+\.\d+/.test(r.label)).map((r) => r.label.split(' ')[0])).toEqual([
      'solarlunar',
    ]);
  });

  test('the licence notices are appended: the ISC text of solarlunar, the data attributions', () => {
    const notices = sizes.rows.find((r) => r.label.startsWith('licence notices'));
    expect(notices?.bytes).toBeGreaterThan(1000);
    const tail = source.slice(source.lastIndexOf('Third-party software and data in this file.'));
    expect(tail).toContain('solarlunar 3.1.0 (ISC)');
    expect(tail).toContain('Copyright (c) 2015, yize');
    expect(tail).toMatch(/chinese-days \d+\.\d+\.\d+ \(MIT\)/);
    expect(tail).toContain('Copyright (c) 2024 Yawei sun');
    expect(tail).toContain('CC BY-SA 3.0');
    expect(Buffer.byteLength(tail, 'utf8')).toBeLessThan(notices?.bytes ?? 0);
  });

  test('prints one line a source, sizes in KB, and the total', () => {
    const text = formatSizes(sizes);
    if (process.env.SHOW_SIZES) console.log(text);
    const lines = text.split('\n');
    expect(lines[0]).toBe('dist/Code.js by source:');
    expect(lines).toHaveLength(sizes.rows.length + 2);
    expect(text).toMatch(/solarlunar 3\.1\.0 +\d+\.\d KB +\d+\.\d% +ISC/);
    expect(lines[lines.length - 1]).toMatch(new RegExp(`total +${(sizes.total / 1024).toFixed(1)} KB$`));
  });
});

describe('the bundle', () => {
  test('is an ES2020 script that uses no Node API and fetches nothing', () => {
    expect(() => acorn.parse(source, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(source).not.toMatch(/(?<![\w$])require\(|\bimport\(|\bprocess\.|\bfetch\(|setTimeout|TextEncoder/);
  });

  test('keeps the top-level stubs and the @customfunction JSDoc', () => {
    const ast = acorn.parse(source, { ecmaVersion: 2020, sourceType: 'script' }) as unknown as {
      body: Array<{ type: string; id?: { name: string } }>;
    };
    const declared = ast.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id?.name);
    expect(declared).toEqual(
      expect.arrayContaining(['RETAIN_TIER', 'LUNAR_BIRTHDAY', 'calNextLunar', 'calOfficial', 'calParse']),
    );
    const m = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function LUNAR_BIRTHDAY\(([^)]*)\)/.exec(source);
    expect(m?.[1]).toContain('@customfunction');
    expect(m?.[2].split(',').map((s) => s.trim())).toEqual(['month', 'day', 'year']);
    expect(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function RETAIN_TIER\(/.exec(source)?.[1]).toContain('@customfunction');
  });

  test.each(['America/Los_Angeles', 'Asia/Shanghai'])('gives what the sources give, script zone %s', (zone) => {
    const emu = load(zone);
    expect(emu.calls.total()).toBe(0);
    expect(emu.invoke('calNextLunar', 8, 15, false, '2026-01-01')).toBe('2026-09-25');
    expect(emu.invoke('calNextLunar', 6, 10, true, '2025-01-01')).toBe('2025-08-03');
    expect(emu.invoke('calNextLunar', 12, 20, false, '2026-01-01')).toBe('2026-02-07');
    for (const [cc, year, lang] of [
      ['CN', 2026, 'zh'],
      ['CN', 2027, 'en'],
      ['US', 2026, 'en'],
      ['GB', 2026, 'zh'],
    ] as const)
      expect(JSON.parse(emu.invoke('calOfficial', cc, year, lang) as string)).toEqual(officialHolidays(cc, year, lang));
    for (const text of ['农历闰四月初八', 'Ｌ８－１５', 'L13-1', '03-14'])
      expect(JSON.parse(emu.invoke('calParse', text) as string)).toEqual(parseLunarMonthDay(text));
    expect(emu.invoke('calAnnual', 2, 29, '2027-01-01', 'Mar 1')).toBe(
      nextAnnualOccurrence(2, 29, '2027-01-01', 'Mar 1'),
    );
    expect(emu.invoke('calCountry', 'zh_CN')).toBe(countryOfLocale('zh_CN'));
    // The lunar date of every day of two years (solarlunar reads these through local-time Dates).
    const days = JSON.parse(emu.invoke('calLunarDays', '2025-01-01', 730) as string);
    expect(days).toEqual(Array.from({ length: 730 }, (_, i) => lunarOf(addDays('2025-01-01', i))));
    expect(days[0]).toEqual({ year: 2024, month: 12, day: 2, leap: false });
  });

  test('as custom functions in a sheet, next to RETAIN_TIER', () => {
    const emu = load('America/Los_Angeles');
    emu.setSheet('S', [
      ['Rev', 'Tier', 'Mid-autumn'],
      [1000, '=RETAIN_TIER(A2:A4)', '=LUNAR_BIRTHDAY(8, 15, 2027)'],
      [100],
      [10],
    ]);
    expect(emu.sheetValues('S')).toEqual([
      ['Rev', 'Tier', 'Mid-autumn'],
      [1000, 'A', '2027-09-15'],
      [100, 'B', ''],
      [10, 'C', ''],
    ]);
    expect(emu.formulaErrors()).toEqual([]);
  });
});
