/**
 * Embedded charts for the dashboard (docs/platform.md, "Speed" counts them as
 * Spreadsheet calls): build, insert, read back, modify and update, remove; they
 * outlive the execution that made them.
 */
import { Emulator } from '../../tools/emulator';

const CODE = `
  function sh_() { return SpreadsheetApp.getActive().getSheetByName('Dash'); }
  function make(type, a1, title) {
    var sh = sh_();
    var chart = sh.newChart().setChartType(Charts.ChartType[type]).addRange(sh.getRange(a1))
      .setPosition(2, 5, 10, 20).setOption('title', title).setNumHeaders(1).build();
    var before = chart.getChartId();
    sh.insertChart(chart);
    return [before, chart.getChartId()];
  }
  function describe() {
    return sh_().getCharts().map(function (c) {
      var info = c.getContainerInfo();
      return { id: c.getChartId(), title: c.getOptions().get('title'), ranges: c.getRanges().map(function (r) { return r.getA1Notation(); }),
        anchor: [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()], headers: c.getNumHeaders(),
        missing: c.getOptions().get('nope') };
    });
  }
  function retitle(title) {
    var sh = sh_(); var c = sh.getCharts()[0];
    var changed = c.modify().setOption('title', title).clearRanges().addRange(sh.getRange('A1:C9')).build();
    var before = sh_().getCharts()[0].getOptions().get('title');
    sh.updateChart(changed);
    return before;
  }
  function typed() {
    var sh = sh_();
    var c = sh.newChart().asColumnChart().setTitle('Revenue by tier').setXAxisTitle('Tier').addRange(sh.getRange('A1:B4')).build();
    sh.insertChart(c);
    return [c.modify().getChartType() === Charts.ChartType.COLUMN, c.getOptions().get('hAxis.title')];
  }
  function removeAll() { var sh = sh_(); sh.getCharts().forEach(function (c) { sh.removeChart(c); }); return sh.getCharts().length; }
  function updateGone() { var sh = sh_(); var c = sh.newChart().setChartType(Charts.ChartType.PIE).addRange(sh.getRange('A1:B2')).build(); sh.updateChart(c); }`;

function emulator(): Emulator {
  const emu = new Emulator({ now: '2026-11-16T06:30:00+08:00' });
  emu.load(CODE);
  emu.setSheet('Dash', [
    ['Tier', 'Customers', 'Revenue'],
    ['A', 3, 9000],
    ['B', 5, 3000],
    ['C', 12, 800],
  ]);
  return emu;
}

describe('embedded charts', () => {
  test('a built chart has no id until inserted; getCharts reads it back with ranges, options and position', () => {
    const emu = emulator();
    const [before, after] = emu.invoke('make', 'COLUMN', 'A1:B4', 'Customers by tier') as [number | null, number];
    expect(before).toBeNull();
    expect(typeof after).toBe('number');
    expect(emu.invoke('describe')).toEqual([
      { id: after, title: 'Customers by tier', ranges: ['A1:B4'], anchor: [2, 5, 10, 20], headers: 1, missing: null },
    ]);
    expect(emu.charts('Dash')).toEqual([
      {
        id: after,
        type: 'COLUMN',
        ranges: ['Dash!A1:B4'],
        options: { title: 'Customers by tier' },
        position: { row: 2, col: 5, offsetX: 10, offsetY: 20 },
      },
    ]);
  });

  test('charts outlive the execution; every insert adds one, so a refresh must update, not insert', () => {
    const emu = emulator();
    for (const t of ['BAR', 'LINE', 'PIE', 'TABLE']) emu.invoke('make', t, 'A1:B4', t);
    expect(emu.charts().map((c) => c.type)).toEqual(['BAR', 'LINE', 'PIE', 'TABLE']);
    emu.invoke('make', 'BAR', 'A1:B4', 'BAR');
    expect(emu.charts()).toHaveLength(5);
    expect(new Set(emu.charts().map((c) => c.id)).size).toBe(5);
  });

  test('modify() edits a copy that updateChart saves under the same id', () => {
    const emu = emulator();
    const [, id] = emu.invoke('make', 'COLUMN', 'A1:B4', 'old') as [null, number];
    expect(emu.invoke('retitle', 'new')).toBe('old');
    expect(emu.charts()).toEqual([expect.objectContaining({ id, options: { title: 'new' }, ranges: ['Dash!A1:C9'] })]);
  });

  test('typed builders (asColumnChart) set the type and their shortcuts set options', () => {
    const emu = emulator();
    expect(emu.invoke('typed')).toEqual([true, 'Tier']);
    expect(emu.charts()[0]).toMatchObject({
      type: 'COLUMN',
      options: { title: 'Revenue by tier', 'hAxis.title': 'Tier' },
    });
  });

  test('removeChart; updateChart of a chart not on the sheet fails; every chart call is a counted Spreadsheet call', () => {
    const emu = emulator();
    emu.invoke('make', 'COLUMN', 'A1:B4', 'x');
    emu.calls.reset();
    expect(emu.invoke('removeAll')).toBe(0);
    expect(emu.calls.byMethod()).toMatchObject({
      'SpreadsheetApp.Sheet.getCharts': 2,
      'SpreadsheetApp.Sheet.removeChart': 1,
    });
    expect(() => emu.invoke('updateGone')).toThrow('The chart does not exist on this sheet.');
  });
});
