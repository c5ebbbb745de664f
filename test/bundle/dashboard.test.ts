/**
 * The `Retain dashboard` sheet (总览) through the built bundle in the emulator
 * (docs/architecture.md, A nightly run): made by Set up, refreshed by each
 * run within three Spreadsheet calls, its charts made once, a user's cell on
 * it never overwritten, in the workbook's language; preview writes nothing,
 * and a failing dashboard costs the night nothing.
 */
import type { Emulator } from '../../tools/emulator';
import { SAMPLES_DIR } from '../../tools/sample/generate';
import { readWorkbookDir } from '../../tools/sample/load';
import { loadBundle } from '../helpers/bundle';

const DASH = 'Retain dashboard';
const FIGURES = ['customers', 'revenue', 'dueToday', 'overdue', 'slipping', 'atStake', 'drafts', 'visits'];
/** Where the tables start (core/dashboardLayout.ts): the tiers' first row, the trend's last. */
const TIER_A_ROW = 42;
const TREND_LAST_ROW = 166;

type Summary = { fatal: string; errors: string[]; draftsMade: number; eventsMade: number; overdue: number };

function sample(opts = {}): Emulator {
  const emu = loadBundle(opts, readWorkbookDir(SAMPLES_DIR) as Record<string, unknown[][]>);
  emu.invoke('setupSheets');
  emu.invoke('scheduleNightlyRun');
  return emu;
}

function night(emu: Emulator): Summary {
  return emu.triggers.fire('runNightly') as Summary;
}

function figures(emu: Emulator, sheet = DASH): Record<string, unknown> {
  const row = emu.sheetValues(sheet)[4];
  return Object.fromEntries(FIGURES.map((k, i) => [k, row[i]]));
}

function cell(emu: Emulator, a1: string, sheet = DASH): unknown {
  const m = /^([A-Z])(\d+)$/.exec(a1) as RegExpExecArray;
  return emu.sheetValues(sheet)[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}

function logRows(emu: Emulator, sheet = 'Retain log'): Array<Record<string, unknown>> {
  const [header, ...rows] = emu.sheetValues(sheet);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

function spreadsheetCalls(emu: Emulator, run: () => unknown): { total: number; byMethod: Record<string, number> } {
  emu.calls.reset();
  run();
  const byMethod: Record<string, number> = {};
  for (const [k, n] of Object.entries(emu.calls.byMethod()))
    if (k.startsWith('SpreadsheetApp.')) byMethod[k.slice('SpreadsheetApp.'.length)] = n;
  return { total: emu.calls.count('SpreadsheetApp'), byMethod };
}

describe('the Retain dashboard sheet', () => {
  test("Set up makes it: tonight's figures, and six native charts over its tables, clear of the figures", () => {
    const emu = sample();
    expect(emu.sheetNames()).toContain(DASH);
    const v = emu.sheetValues(DASH);
    expect(v[0][0]).toBe('Retain dashboard');
    expect(v[3].slice(0, 8)).toEqual([
      'Customers',
      'Revenue',
      'Due today',
      'Overdue',
      'Slipping away',
      'Revenue at stake',
      'Drafts this week',
      'Visits this week',
    ]);
    const customers = emu.sheetValues('Customers').length - 1;
    expect(figures(emu)).toMatchObject({ customers, drafts: 0, visits: 0 });
    expect(figures(emu).slipping as number).toBeGreaterThan(0);
    expect(v[TIER_A_ROW - 1][0]).toBe('A');
    const charts = emu.charts(DASH);
    expect(charts.map((c) => c.type)).toEqual(['PIE', 'PIE', 'COLUMN', 'BAR', 'COLUMN', 'LINE']);
    for (const c of charts) {
      expect(c.position.row).toBeGreaterThanOrEqual(7);
      for (const r of c.ranges) expect(r.startsWith(`${DASH}!`)).toBe(true);
    }
    expect(charts[0].options).toMatchObject({ title: 'Customers by tier' });
    expect(charts[3].options).toMatchObject({ isStacked: true });
    // Nothing Retain wrote sits under a chart: rows 6 to 39 are blank.
    for (let r = 5; r < 39; r++) expect(v[r].every((x) => x === '')).toBe(true);
    // Set up added the Overdue column to the Retain log.
    expect(emu.sheetValues('Retain log')[0]).toContain('Overdue');
  });

  test("a run refreshes it: this week's drafts and visits, today's overdue count, logged in the Retain log's Overdue column", () => {
    const emu = sample();
    const s = night(emu);
    expect(s.fatal).toBe('');
    expect(s.errors).toEqual([]);
    expect(s.draftsMade).toBeGreaterThan(0);
    expect(figures(emu)).toMatchObject({ drafts: s.draftsMade, visits: s.eventsMade, overdue: s.overdue });
    expect(emu.sheetValues(DASH)[TREND_LAST_ROW - 1].slice(0, 2)).toEqual(['Nov 16', s.overdue]);
    expect(logRows(emu).at(-1)).toMatchObject({ Overdue: s.overdue, 'Drafts made': s.draftsMade });

    // The next morning (Tuesday, the same week): yesterday's point stays, today's is added, the week adds up.
    emu.clock.set('2026-11-17T06:30:00+08:00');
    const t = night(emu);
    const v = emu.sheetValues(DASH);
    expect(v[TREND_LAST_ROW - 2].slice(0, 2)).toEqual(['Nov 16', s.overdue]);
    expect(v[TREND_LAST_ROW - 1].slice(0, 2)).toEqual(['Nov 17', t.overdue]);
    expect(figures(emu)).toMatchObject({ drafts: s.draftsMade + t.draftsMade, visits: s.eventsMade + t.eventsMade });
  });

  test('refreshed without growing the number of charts, also after the user moved one or deleted one', () => {
    const emu = sample();
    const ids = emu.charts(DASH).map((c) => c.id);
    night(emu);
    night(emu);
    expect(emu.charts(DASH).map((c) => c.id)).toEqual(ids);
    // The user drags the second chart further down the sheet, and deletes the fourth.
    const sheet = emu.sheet(DASH);
    const moved = sheet.getCharts()[1];
    sheet.updateChart(moved.modify().setPosition(200, 12, 5, 5).build());
    sheet.removeChart(sheet.getCharts()[3]);
    night(emu);
    expect(emu.charts(DASH)).toHaveLength(5);
    // Set up makes only the missing one; the moved one stays where the user put it.
    emu.invoke('setupSheets');
    const after = emu.charts(DASH);
    expect(after).toHaveLength(6);
    expect(after.find((c) => c.id === ids[1])?.position).toEqual({ row: 200, col: 12, offsetX: 5, offsetY: 5 });
    expect(after.filter((c) => ids.includes(c.id))).toHaveLength(5);
    expect(new Set(after.map((c) => c.ranges.join())).size).toBe(6);
    night(emu);
    emu.invoke('setupSheets');
    expect(emu.charts(DASH)).toHaveLength(6);
  });

  test('within the call budget: at most 3 more Spreadsheet calls than the same run without the dashboard', () => {
    const withIt = sample();
    const without = sample();
    without.spreadsheet.deleteSheet(without.sheet(DASH));
    const a1 = spreadsheetCalls(withIt, () => night(withIt));
    const b1 = spreadsheetCalls(without, () => night(without));
    const a2 = spreadsheetCalls(withIt, () => night(withIt));
    const b2 = spreadsheetCalls(without, () => night(without));
    const diff = (a: Record<string, number>, b: Record<string, number>) =>
      Object.fromEntries(
        [...new Set([...Object.keys(a), ...Object.keys(b)])]
          .filter((k) => (a[k] ?? 0) !== (b[k] ?? 0))
          .map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)]),
      );
    console.log(
      `Spreadsheet calls of a run: ${a1.total} with the dashboard, ${b1.total} without (first night); ` +
        `${a2.total} and ${b2.total} the night after; the difference by method: ${JSON.stringify(diff(a2.byMethod, b2.byMethod))}`,
    );
    expect(a1.total - b1.total).toBeLessThanOrEqual(3);
    expect(a2.total - b2.total).toBeLessThanOrEqual(3);
    // The dashboard is read and written: the difference is not zero because nothing happened.
    expect(a2.byMethod['Range.getFormulas'] - b2.byMethod['Range.getFormulas']).toBe(1);
    // A deleted dashboard stays deleted at night: the user turned it off.
    expect(without.sheetNames()).not.toContain(DASH);
  });

  test("never overwrites a cell the user typed on it; the log names the cells kept; a cleared cell is Retain's again", () => {
    const emu = sample();
    night(emu);
    const sheet = emu.sheet(DASH);
    const typed: Record<string, unknown> = {
      B5: 'my revenue', // over a figure
      C10: 'note under the charts', // a blank cell of the block
      D42: 7, // beside the tier table
      A109: 'My trend', // over a table title
      L3: 'outside the block',
      A200: 'far below',
    };
    for (const [a1, v] of Object.entries(typed)) sheet.getRange(a1).setValue(v);
    // A formula whose value is the very number Retain wrote there is the user's too.
    const tierA = cell(emu, `B${TIER_A_ROW}`) as number;
    sheet.getRange(`B${TIER_A_ROW}`).setFormula(`=${tierA - 1}+1`);
    const before = emu.sheetValues(DASH);

    emu.clock.set('2026-11-17T06:30:00+08:00');
    const s = night(emu);
    for (const [a1, v] of Object.entries(typed)) expect([a1, cell(emu, a1)]).toEqual([a1, v]);
    expect(emu.sheetFormulas(DASH)[TIER_A_ROW - 1][1]).toBe(`=${tierA - 1}+1`);
    // Everything else was refreshed: the trend moved on a day, the subtitle too.
    expect(cell(emu, 'A2')).toBe('As of 2026-11-17');
    expect(emu.sheetValues(DASH)[TREND_LAST_ROW - 1][0]).toBe('Nov 17');
    expect(emu.sheetValues(DASH)).not.toEqual(before);
    // The note names the block's cells the user holds, not the ones outside it.
    const note = s.errors.find((e) => e.startsWith(DASH)) as string;
    expect(note).toContain('5 cell(s)');
    for (const a1 of ['B5', 'C10', 'D42', 'A109', `B${TIER_A_ROW}`]) expect(note).toContain(a1);
    expect(note).not.toContain('L3');
    expect(String(logRows(emu).at(-1)?.Errors)).toContain('B5');

    // The user clears B5: the next run writes the revenue there again.
    sheet.getRange('B5').clearContent();
    const t = night(emu);
    expect(typeof cell(emu, 'B5')).toBe('number');
    expect(t.errors.find((e) => e.startsWith(DASH))).toContain('4 cell(s)');
  });

  test('in a Chinese workbook: the sheet is 总览, its labels and chart titles Chinese, the log column 逾期', () => {
    const emu = loadBundle(
      { locale: 'zh-CN' },
      {
        客户: [
          ['客户编号', '姓名', '销售额', '最近购买'],
          ['C0001', '王小明', '80000', '2026-10-01'],
          ['C0002', '李华', '5000', '2026-06-01'],
        ],
      },
    );
    emu.invoke('setupSheets');
    emu.invoke('scheduleNightlyRun');
    expect(emu.sheetNames()).toContain('总览');
    expect(emu.sheetNames()).not.toContain(DASH);
    const s = night(emu);
    expect(s.fatal).toBe('');
    const v = emu.sheetValues('总览');
    expect(v[0][0]).toBe('总览');
    expect(v[1][0]).toBe('截至 2026-11-16');
    expect(v[3].slice(0, 2)).toEqual(['客户', '销售额']);
    expect(v[TIER_A_ROW - 3][0]).toBe('各等级客户数与销售额');
    expect(v[TREND_LAST_ROW - 1][0]).toBe('11月16日');
    expect(figures(emu, '总览')).toMatchObject({ customers: 2 });
    expect(emu.charts('总览').map((c) => c.options.title)).toEqual([
      '各等级客户数',
      '各等级销售额',
      '今天到期与逾期事项（按等级）',
      '今天到期与逾期事项（按事项）',
      '每周联系次数（近12周）',
      '逾期事项（近8周）',
    ]);
    expect(emu.sheetValues('运行记录')[0]).toContain('逾期');
    expect(logRows(emu, '运行记录').at(-1)?.['逾期']).toBe(s.overdue);
  });

  test('the preview writes nothing on it', () => {
    const emu = sample();
    night(emu);
    const before = emu.sheetValues(DASH);
    const digest = emu.properties.document()['dashboard.digest'];
    emu.clock.set('2026-11-17T06:30:00+08:00');
    emu.invoke('previewTonightsRun');
    emu.invoke('previewRun', {});
    expect(emu.sheetValues(DASH)).toEqual(before);
    expect(emu.properties.document()['dashboard.digest']).toBe(digest);
  });

  test('a failing dashboard costs the night nothing: managed columns and log row written, the error logged; the next run refreshes it', () => {
    const emu = sample();
    // The daily quota runs out on the read of the dashboard block (after the night's own writes).
    let sawBlock = false;
    emu.faults.failWhen((c) => {
      if (c.method === 'Sheet.getRange' && c.args[0] === 1 && c.args[1] === 1 && c.args[3] === 10) sawBlock = true;
      else if (sawBlock && c.method === 'Range.getValues') {
        sawBlock = false;
        return 'quota';
      }
      return undefined;
    });
    const s = night(emu);
    emu.faults.clear();
    expect(s.fatal).toBe('');
    expect(s.draftsMade).toBeGreaterThan(0);
    expect(s.errors.some((e) => e.startsWith(`${DASH} was not refreshed`))).toBe(true);
    const customers = emu.sheetValues('Customers');
    const tierCol = customers[0].indexOf('Tier');
    expect(customers.slice(1).filter((r) => r[tierCol] !== '').length).toBeGreaterThan(100);
    expect(String(logRows(emu).at(-1)?.Errors)).toContain(`${DASH} was not refreshed`);
    expect(figures(emu).drafts).toBe(0);
    const t = night(emu);
    expect(t.errors).toEqual([]);
    expect(figures(emu).drafts).toBe(s.draftsMade);

    // The write itself failing (after the log row): the log row is there, the run says why.
    emu.faults.failWhen((c) =>
      c.method === 'Range.setValues' && (c.args[0] as unknown[][]).length === TREND_LAST_ROW ? 'quota' : undefined,
    );
    const rows = logRows(emu).length;
    const u = night(emu);
    emu.faults.clear();
    expect(logRows(emu)).toHaveLength(rows + 1);
    expect(u.errors.some((e) => e.startsWith(`${DASH} was not refreshed`))).toBe(true);
  });

  test('old Retain log rows without an Overdue column count as unknown; Set up adds the column', () => {
    const sheets = readWorkbookDir(SAMPLES_DIR) as Record<string, unknown[][]>;
    const old = ['Started', 'Finished', 'Mode', 'Customers read', 'Rows with problems', 'Tiers changed'];
    const more = ['Drafts made', 'Events made', 'Skipped', 'Errors', 'Continue'];
    sheets['Retain log'] = [
      [...old, ...more],
      ['2026-11-09 06:30', '2026-11-09 06:31', 'nightly', 200, 0, 0, 3, 1, 0, '', 'no'],
      ['2026-11-10 06:30', '2026-11-10 06:31', 'nightly', 200, 0, 0, 0, 0, 0, '', 'no'],
    ];
    const emu = loadBundle({}, sheets);
    emu.invoke('setupSheets');
    emu.invoke('scheduleNightlyRun');
    expect(emu.sheetValues('Retain log')[0]).toEqual([...old, ...more, 'Overdue']);
    const s = night(emu);
    const trend = emu
      .sheetValues(DASH)
      .slice(TREND_LAST_ROW - 8, TREND_LAST_ROW)
      .map((r) => r.slice(0, 2));
    expect(trend).toEqual([
      ['Nov 9', ''],
      ['Nov 10', ''],
      ['Nov 11', ''],
      ['Nov 12', ''],
      ['Nov 13', ''],
      ['Nov 14', ''],
      ['Nov 15', ''],
      ['Nov 16', s.overdue],
    ]);
    // Last week's drafts are not this week's.
    expect(figures(emu).drafts).toBe(s.draftsMade);
  });
});
