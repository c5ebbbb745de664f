/**
 * The column map through the built bundle (docs/data.md, Column map): a
 * Customers sheet whose Name and Email columns are headed "Kundenname" and
 * "Work mail" cannot be read until the user chooses those columns in
 * Settings > Columns; then Set up, every run and the sidebar read them. A
 * mapped column that is renamed is reported in the run log and the sidebar,
 * and nothing is guessed in its place.
 */
import type { Emulator } from '../../tools/emulator';
import type { ColumnsView } from '../../src/shared/api';
import { loadBundle } from '../helpers/bundle';
import { checkNothingLost, snapshot } from '../helpers/invariant';

const TODAY = '2026-11-16';

function sheets(): Record<string, unknown[][]> {
  return {
    Customers: [
      ['Kundenname', 'Work mail', 'Revenue', 'Last purchase'],
      ['Lukas Müller', 'lukas@example.de', '12000', TODAY],
      ['Anna Schmidt', 'anna@example.de', '900', '2026-10-01'],
    ],
  };
}

function runNightly(emu: Emulator): {
  fatal: string;
  errors: string[];
  customersRead: number;
  draftsMade: number;
  problems: Array<{ message: string }>;
} {
  emu.invoke('scheduleNightlyRun');
  const t = emu.triggers.list().find((x) => x.handler === 'runNightly');
  return emu.invokeAs({ trigger: true }, 'runNightly', { triggerUid: t?.id }) as ReturnType<typeof runNightly>;
}

describe('the column map', () => {
  test('without it: the run stops naming the column and the nearest header; Set up changes nothing', () => {
    const emu = loadBundle({}, sheets());
    const before = emu.sheetValues('Customers');
    const setup = emu.invoke('setupSheets') as { message: string };
    expect(setup.message).toMatch(/^Set up changed nothing: sheet "Customers" has no "Name" column/);
    expect(setup.message).toContain('Kundenname → Name?');
    expect(emu.sheetNames()).toEqual(['Customers']);
    expect(emu.sheetValues('Customers')).toEqual(before);
    const s = runNightly(emu);
    expect(s.fatal).toMatch(
      /Sheet "Customers" has no "Name" column .*Settings > Columns.*Nearest headers: Kundenname → Name\?/,
    );
  });

  test('with it: Set up, the run and the sidebar read the chosen columns', () => {
    const emu = loadBundle({}, sheets());
    const before = emu.invoke('getColumns', {}) as ColumnsView;
    const choices = before.sheets[0].choices;
    expect(choices[0]).toMatchObject({ field: 'name', required: true, mapped: '' });
    expect(choices[0].options[0]).toEqual({ header: 'Kundenname', near: true });
    expect(choices.find((c) => c.field === 'email')!.options[0]).toEqual({ header: 'Work mail', near: true });

    const saved = emu.invoke('saveColumns', { sheet: 'customers', map: { name: 'Kundenname', email: 'Work mail' } });
    expect(saved).toMatchObject({ ok: true });
    const setup = emu.invoke('setupSheets') as { idsFilled: number };
    expect(setup.idsFilled).toBe(2);
    // Set up added a Customer ID column, not a Name or Email one: those are the user's, as mapped.
    const header = emu.sheetValues('Customers')[0];
    expect(header.slice(0, 5)).toEqual(['Kundenname', 'Work mail', 'Revenue', 'Last purchase', 'Customer ID']);
    expect(header).not.toContain('Name');

    const snap = snapshot(emu);
    const s = runNightly(emu);
    expect(s.fatal).toBe('');
    expect(s.customersRead).toBe(2);
    expect(s.draftsMade).toBe(1);
    expect(emu.gmail.drafts()[0].raw).toMatch(/^To: .*lukas@example\.de/m);
    expect(checkNothingLost(snap, emu)).toEqual([]);

    const data = emu.invoke('getSidebarData', {}) as { customers: Array<{ name: string; email: string }> };
    expect(data.customers.map((c) => [c.name, c.email])).toEqual([
      ['Lukas Müller', 'lukas@example.de'],
      ['Anna Schmidt', 'anna@example.de'],
    ]);
  });

  test('a mapped column that is renamed is reported in the run log and the sidebar, and not guessed', () => {
    const emu = loadBundle({}, sheets());
    emu.invoke('saveColumns', { sheet: 'customers', map: { name: 'Kundenname', email: 'Work mail' } });
    emu.invoke('setupSheets');
    const rows = emu.sheetValues('Customers');
    rows[0] = rows[0].map((h) => (h === 'Work mail' ? 'Mail 2' : h));
    emu.setSheet('Customers', rows);
    const s = runNightly(emu);
    const gone =
      'Column map: "Work mail" (Email) is no longer a column of "Customers" (renamed or deleted?): that field is not read. Choose its column again in Settings > Columns.';
    expect(s.errors).toContain(gone);
    const log = emu.sheetValues('Retain log');
    expect(String(log[log.length - 1][log[0].indexOf('Errors')])).toContain(gone);
    // Not guessed: "Mail 2" is not read as the email, so no draft goes anywhere.
    expect(s.draftsMade).toBe(0);
    const view = emu.invoke('getColumns', {}) as ColumnsView;
    expect(view.sheets[0].problems).toContain(gone);
    expect(view.sheets[0].choices.find((c) => c.field === 'email')).toMatchObject({ mapped: 'Work mail', gone: true });
  });

  test('saveColumns refuses a header the sheet does not have, or one header for two fields, and saves nothing', () => {
    const emu = loadBundle({}, sheets());
    expect(emu.invoke('saveColumns', { sheet: 'customers', map: { name: 'Nope' } })).toEqual({
      ok: false,
      errors: { name: '"Nope" is not a header of row 1 of "Customers".' },
    });
    expect(
      emu.invoke('saveColumns', { sheet: 'customers', map: { name: 'Kundenname', company: 'Kundenname' } }),
    ).toEqual({
      ok: false,
      errors: { company: '"Kundenname" is chosen for Name and for Company: one column is one field.' },
    });
    expect(emu.invoke('saveColumns', { sheet: 'templates', map: {} })).toMatchObject({ ok: false });
    expect(emu.properties.document().columns).toBeUndefined();
  });
});
