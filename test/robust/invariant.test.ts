/**
 * The invariant's own test (docs/testing.md, Kinds of tests): checkNothingLost (test/helpers/invariant.ts) is the one
 * check every robustness test relies on, so it is tested too: it passes a
 * clean run and catches each kind of loss when one is made on purpose.
 */
import type { Emulator } from '../../tools/emulator';
import { checkNothingLost, snapshot, userCellChanges, type Snapshot } from '../helpers/invariant';
import { messyWorkbook } from '../helpers/workbooks';
import { baseWorkbook } from './corpus';
import { prepared, runNightly } from './harness';

function afterCleanRun(sheets = baseWorkbook()): { emu: Emulator; before: Snapshot } {
  const emu = prepared(sheets);
  const before = snapshot(emu);
  runNightly(emu);
  return { emu, before };
}

/** Replace one cell (by sheet row and header) keeping every formula as a formula. */
function edit(emu: Emulator, sheet: string, row: number, header: string, value: unknown): void {
  const values = emu.sheetValues(sheet);
  const formulas = emu.sheetFormulas(sheet);
  const cells = values.map((r, i) => r.map((v, c) => formulas[i]?.[c] || v));
  cells[row - 1][cells[0].indexOf(header)] = value;
  emu.setSheet(sheet, cells, { parse: false });
}

describe('checkNothingLost', () => {
  test('holds after a clean run of the base workbook and of the messy workbook', () => {
    for (const sheets of [baseWorkbook(), messyWorkbook()]) {
      const { emu, before } = afterCleanRun(sheets);
      expect(checkNothingLost(before, emu)).toEqual([]);
    }
  });

  test('catches a user cell that changed', () => {
    const { emu, before } = afterCleanRun();
    edit(emu, 'Customers', 3, 'Company', 'Somebody else');
    expect(checkNothingLost(before, emu, { rerun: false }).join('\n')).toMatch(/user cell changed: .*C0002/);
  });

  test('catches a user formula replaced by its value', () => {
    const { emu, before } = afterCleanRun();
    edit(emu, 'Customers', 3, 'My own notes', 2);
    expect(checkNothingLost(before, emu, { rerun: false }).join('\n')).toMatch(/user cell changed/);
  });

  test('catches a deleted row', () => {
    const { emu, before } = afterCleanRun();
    const cells = emu.sheetValues('Customers');
    const formulas = emu.sheetFormulas('Customers');
    emu.setSheet(
      'Customers',
      cells.filter((_, i) => i !== 4).map((r, i) => r.map((v, c) => formulas[i >= 4 ? i + 1 : i]?.[c] || v)),
      { parse: false },
    );
    expect(checkNothingLost(before, emu, { rerun: false }).join('\n')).toMatch(/C0004/);
  });

  test('catches a draft the sheet does not record, and the duplicate the next run then makes', () => {
    const { emu, before } = afterCleanRun();
    const props = emu.properties.document();
    edit(emu, 'Purchases', 2, 'Thank-you draft', '');
    emu.properties.setDocument(props);
    const v = checkNothingLost(before, emu);
    expect(v.join('\n')).toMatch(/is not recorded in Purchases/);
    expect(v.join('\n')).toMatch(/a second run made 1 more draft/);
    expect(checkNothingLost(before, emu, { rerun: false }).join('\n')).toMatch(/draft made 2 times/);
  });

  test('catches a Thank-you draft cell naming a draft that does not exist', () => {
    const { emu, before } = afterCleanRun();
    edit(emu, 'Purchases', 8, 'Thank-you draft', '2026-11-16 · r000 · 2026-08-01');
    expect(checkNothingLost(before, emu, { rerun: false }).join('\n')).toMatch(
      /records draft r000, which does not exist/,
    );
  });

  test('catches a draft recorded on the wrong purchase row', () => {
    const { emu, before } = afterCleanRun();
    const rows = emu.sheetValues('Purchases');
    const col = rows[0].indexOf('Thank-you draft');
    edit(emu, 'Purchases', 7, 'Thank-you draft', rows[1][col]);
    expect(checkNothingLost(before, emu, { rerun: false }).join('\n')).toMatch(/wrong purchase row/);
  });

  test("catches an event whose customer's Next visit does not show it", () => {
    const { emu, before } = afterCleanRun();
    edit(emu, 'Customers', 2, 'Next visit', '');
    expect(checkNothingLost(before, emu, { rerun: false }).join('\n')).toMatch(/customer C0001: Next visit shows ""/);
  });

  test('catches managed cells that are not the plan (a second run changes them)', () => {
    const { emu, before } = afterCleanRun();
    edit(emu, 'Customers', 4, 'Tier', 'Z');
    expect(checkNothingLost(before, emu).join('\n')).toMatch(/a second run changed 1 cell/);
  });

  test('catches drafts and events outside a given plan', () => {
    const { emu, before } = afterCleanRun();
    const v = checkNothingLost(before, emu, { rerun: false, plannedDraftKeys: [], plannedEventKeys: [] }).join('\n');
    expect(v).toMatch(/is not in the plan/);
    expect(v).toMatch(/event C0001\|.* is not in the plan/);
  });

  test("a second column with a managed header is the user's: userCellChanges watches it", () => {
    const before: Snapshot = {
      Customers: [
        ['Customer ID', 'Name', 'Tier', 'tier'],
        ['C1', 'A', 'x', 'mine'],
      ],
    };
    const after: Snapshot = {
      Customers: [
        ['Customer ID', 'Name', 'Tier', 'tier'],
        ['C1', 'A', 'B', 'B'],
      ],
    };
    const d = userCellChanges(before, after);
    expect(d.length).toBe(1);
    expect(d[0]).toMatch(/mine/);
  });
});
