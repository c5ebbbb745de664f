/**
 * The committed src/core/calendar/officialHolidays.json is what the installed
 * chinese-days and date-holidays give (tools/build/holidays-data.js): an
 * upgrade of either package (a new State Council schedule) fails here until
 * the file is rebuilt with `node tools/build/holidays-data.js`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { officialHolidays } from '../../../src/core/calendar/officialHolidays';

const generator = require('../../../tools/build/holidays-data.js') as { OUT: string; FIRST_YEAR: number };

test('the committed data is what the installed packages give', () => {
  // In a plain Node process: date-holidays runs some 15 times slower inside Jest's module system.
  const fresh = execFileSync(
    process.execPath,
    [
      '-e',
      "const g = require('./tools/build/holidays-data.js'); process.stdout.write(g.serialize(g.officialHolidayData()))",
    ],
    { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  expect(fs.readFileSync(generator.OUT, 'utf8')).toBe(fresh);
});

test("every day of chinese-days' schedule from the first year kept comes out of officialHolidays with its type", () => {
  const cd = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const byYear = new Map<number, Map<string, string>>();
  const typeOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    if (!byYear.has(year)) {
      const r = officialHolidays('CN', year, 'en', { greetings: false });
      expect(r.scheduled).toBe(true);
      byYear.set(year, new Map(r.rows.map((row) => [row.date, row.type])));
    }
    return byYear.get(year)?.get(date);
  };
  let checked = 0;
  for (const [kind, list] of [
    ['Holiday', cd.holidays],
    ['Working day', cd.workdays],
  ] as const)
    for (const date of Object.keys(list))
      if (Number(date.slice(0, 4)) >= generator.FIRST_YEAR) {
        expect([date, typeOf(date)]).toEqual([date, kind]);
        checked++;
      }
  expect(checked).toBeGreaterThan(60);
  // And nothing more: the rows are exactly those days.
  let rows = 0;
  for (const m of byYear.values()) rows += m.size;
  expect(rows).toBe(checked);
});
