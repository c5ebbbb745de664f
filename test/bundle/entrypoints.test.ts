/**
 * The built dist/Code.js is the product: these tests read it as Apps Script
 * would (one global scope, top-level function declarations) and run it in
 * the emulator.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import { bundleSource, loadBundle, ROOT } from '../helpers/bundle';

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'showLogContact',
  'showDueToday',
  'showSettings',
  'showHelp',
  'runFollowUpsNow',
  'previewTonightsRun',
  'scheduleNightlyRun',
  'stopNightlyRun',
  'setupSheets',
  'runNightly',
  'runFollowUp',
  'RETAIN_TIER',
  'getSidebarData',
  'searchCustomers',
  'getCustomerCard',
  'logContact',
  'getDueItems',
  'selectCustomerRow',
  'getSettings',
  'saveSettings',
  'scheduleNightly',
  'stopNightly',
  'previewRun',
];

describe('dist/Code.js', () => {
  const src = bundleSource();

  test('parses as ES2020 script (what Apps Script V8 accepts)', () => {
    expect(() => acorn.parse(src, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  test('every entry point is a top-level function declaration', () => {
    const ast = acorn.parse(src, { ecmaVersion: 2020, sourceType: 'script' }) as unknown as {
      body: Array<{ type: string; id?: { name: string } }>;
    };
    const declared = ast.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id?.name);
    for (const name of ENTRY_POINTS) expect(declared).toContain(name);
    // Nothing private (ending in _) is a top-level function the sidebar could call.
    expect(declared.filter((n) => n && n.endsWith('_'))).toEqual([]);
  });

  test('RETAIN_TIER keeps its JSDoc right above it, with its parameter names', () => {
    const m = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function RETAIN_TIER\(([^)]*)\)/.exec(src);
    expect(m).not.toBeNull();
    const doc = (m as RegExpExecArray)[1];
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/@param \{number\[\]\[\]\} revenue/);
    expect(doc).toMatch(/@param \{number\} a_cutoff/);
    expect(doc).toMatch(/@param \{number\} b_cutoff/);
    expect(doc).toMatch(/@param \{string\} method/);
    expect((m as RegExpExecArray)[2].split(',').map((s) => s.trim())).toEqual([
      'revenue',
      'a_cutoff',
      'b_cutoff',
      'method',
    ]);
  });

  test('calls no service at top level', () => {
    const emu = loadBundle();
    expect(emu.calls.total()).toBe(0);
    for (const name of ENTRY_POINTS) expect(typeof emu.global(name)).toBe('function');
  });

  test('uses no outside network: no UrlFetchApp, no fetch, no full-mailbox GmailApp', () => {
    expect(src).not.toMatch(/UrlFetchApp|\bfetch\(|XMLHttpRequest|GmailApp|CalendarApp|DriveApp/);
  });

  test('onOpen builds the Retain menu in no-authorization mode', () => {
    const emu = loadBundle();
    emu.invokeAs({ authMode: 'NONE' }, 'onOpen', { authMode: 'NONE' });
    expect(emu.ui.menus().length).toBe(1);
    // A top-level menu named Retain (createMenu), not the add-on menu a bound script would title "Untitled project".
    expect(emu.ui.menus()[0].addon).toBe(false);
    expect(emu.ui.menus()[0].title).toBe('Retain');
    const items = emu.ui.menuItems().map((i) => [i.caption, i.functionName]);
    expect(items).toEqual([
      ['Log a contact…', 'showLogContact'],
      ['Due today…', 'showDueToday'],
      ['Run follow-ups now', 'runFollowUpsNow'],
      ["Preview tonight's run", 'previewTonightsRun'],
      ['Schedule nightly run', 'scheduleNightlyRun'],
      ['Stop nightly run', 'stopNightlyRun'],
      ['Set up sheets', 'setupSheets'],
      ['Settings…', 'showSettings'],
      ['Help', 'showHelp'],
    ]);
    // Every menu handler exists in the bundle.
    for (const [, fn] of items) expect(typeof emu.global(fn as string)).toBe('function');
  });

  test('onInstall builds the menu too; a Chinese locale gets Chinese captions', () => {
    const emu = loadBundle({ locale: 'zh-CN' });
    emu.invoke('onInstall', { authMode: 'FULL' });
    expect(emu.ui.menuItems()[0].caption).toBe('记录联系…');
  });

  test('RETAIN_TIER tiers a 2-D range as Sheets passes it', () => {
    const emu = loadBundle();
    const out = emu.invoke('RETAIN_TIER', [
      [1000],
      [''],
      [500],
      [300],
      [100],
      [50],
      ['1,200'],
      ['3k'],
      [0],
      [-5],
    ]) as string[][];
    expect(out.length).toBe(10);
    expect(out.map((r) => r[0])).toEqual(['A', '', 'A', 'B', 'C', 'C', 'A', expect.stringContaining('3k'), 'C', 'C']);
  });

  test('RETAIN_TIER on one cell tells the user to pass the column', () => {
    const emu = loadBundle();
    expect(() => emu.invoke('RETAIN_TIER', 1000)).toThrow(/whole column/);
  });

  test('appsscript.json asks exactly the scopes the README lists (Permissions) and enables the two advanced services', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.slice().sort()).toEqual([
      'https://www.googleapis.com/auth/calendar.events',
      'https://www.googleapis.com/auth/gmail.compose',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets',
    ]);
    const services = manifest.dependencies.enabledAdvancedServices.map(
      (s: { userSymbol: string; version: string }) => `${s.userSymbol}/${s.version}`,
    );
    expect(services.sort()).toEqual(['Calendar/v3', 'Gmail/v1']);
    expect(JSON.stringify(manifest)).not.toMatch(/mail\.google\.com|auth\/calendar"|auth\/drive|external_request/);
  });
});
