/**
 * Platform behaviours the emulator models that the bundle did not meet at
 * first. A behaviour waiting for its product fix is a `test.failing` here,
 * marked PRODUCT FIX PENDING; the fix turns it into a plain `test`
 * (docs/platform.md). None is pending now.
 */
import { loadBundle } from '../helpers/bundle';

describe('platform behaviours once pending a product fix', () => {
  // Issue 9.1: in a bound script createAddonMenu() is titled with the project's name ("Untitled project"
  // until renamed), so the menu comes from createMenu('Retain').
  test('onOpen puts a menu titled Retain in the menu bar of a bound spreadsheet', () => {
    const emu = loadBundle();
    emu.invokeAs({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(emu.ui.menus().map((m) => m.title)).toEqual(['Retain']);
    expect(emu.ui.menus()[0].addon).toBe(false);
  });

  test('published as an add-on, the menu is the add-on menu (Extensions > Retain), named after the add-on', () => {
    const emu = loadBundle({ addOnMode: true, addOnName: 'Retain' });
    emu.invokeAs({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(emu.ui.menus().map((m) => [m.title, m.addon])).toEqual([['Retain', true]]);
  });
});
