/**
 * A Customers sheet with two title rows above its headers and a totals row
 * below its customers, through the built bundle (docs/data.md, Headers):
 * Set up adds its columns in the header row and fills IDs only on customer
 * rows; the run writes only below the header row and not in the totals row,
 * and says once that it left the totals row out; the sidebar's selection and
 * logging use the real rows.
 */
import type { Emulator } from '../../tools/emulator';
import { loadBundle } from '../helpers/bundle';

function sheets(): Record<string, unknown[][]> {
  return {
    Customers: [
      ['Customer list 2026', '', '', ''],
      ['Exported 2026-11-15', '', '', ''],
      ['Name', 'Email', 'Total spent', 'Last order date'],
      ['Alice Chen', 'alice@example.com', '48000', '2026-11-15'],
      ['Bob Martin', 'bob@example.com', '1200', '2026-09-30'],
      ['Total', '', '=SUM(C4:C5)', ''],
    ],
  };
}

function ready(): Emulator {
  const emu = loadBundle({}, sheets());
  emu.invoke('setupSheets');
  emu.invoke('scheduleNightlyRun');
  return emu;
}

test('Set up and the run write only below the header row, never in the title or the totals row', () => {
  const emu = ready();
  const rows = emu.sheetValues('Customers');
  expect(rows[0].slice(0, 4)).toEqual(['Customer list 2026', '', '', '']);
  expect(rows[0].slice(4).every((v) => v === '')).toBe(true);
  expect(rows[2].slice(4, 6)).toEqual(['Customer ID', 'Tier']);
  expect(rows.slice(3).map((r) => r[4])).toEqual(['C0001', 'C0002', '']);
  const t = emu.triggers.list().find((x) => x.handler === 'runNightly');
  const s = emu.invokeAs({ trigger: true }, 'runNightly', { triggerUid: t?.id }) as {
    fatal: string;
    customersRead: number;
    draftsMade: number;
    problems: Array<{ sheet: string; row: number; column: string; message: string }>;
  };
  expect(s.fatal).toBe('');
  expect(s.customersRead).toBe(2);
  expect(s.draftsMade).toBe(1);
  expect(s.problems).toEqual([
    {
      sheet: 'Customers',
      row: 6,
      column: 'Name',
      message: 'Row(s) 6 are totals rows ("Total"), not customers: not read',
    },
  ]);
  const after = emu.sheetValues('Customers');
  const header = after[2];
  const tier = header.indexOf('Tier');
  expect(after.map((r) => r[tier])).toEqual(['', '', 'Tier', 'A', 'C', '']);
  expect(after[0].slice(4).every((v) => v === '')).toBe(true);
  expect(after[1].slice(4).every((v) => v === '')).toBe(true);
  expect(after[5].slice(4).every((v) => v === '')).toBe(true);
  expect(emu.sheetFormulas('Customers')[5][2]).toBe('=SUM(C4:C5)');
});

test('the sidebar: a selected customer row is that customer; the title and header rows are nobody', () => {
  const emu = ready();
  const data = (range: string) =>
    (
      emu.invokeAs({ activeSheet: 'Customers', activeRange: range }, 'getSidebarData', {}) as {
        selected: Array<{ id: string; name: string; row: number }>;
      }
    ).selected.map((c) => [c.row, c.name]);
  expect(data('A4')).toEqual([[4, 'Alice Chen']]);
  expect(data('A1:A3')).toEqual([]);
  expect(data('A5:A6')).toEqual([[5, 'Bob Martin']]);
  const res = emu.invoke('logContact', {
    customerIds: ['C0002'],
    date: '2026-11-16',
    type: 'Call',
    outcome: 'ok',
    notes: '',
    nextStep: '',
    nextStepDate: '',
    complaintSize: '',
    resolvedOn: '',
  }) as { ok: boolean };
  expect(res.ok).toBe(true);
  const rows = emu.sheetValues('Customers');
  const followUp = rows[2].indexOf('Next follow-up');
  // Bob's row got his new follow-up; the title rows and the totals row are untouched.
  expect(rows[4][followUp]).not.toBe('');
  for (const r of [0, 1, 5]) expect(rows[r][followUp]).toBe('');
});
