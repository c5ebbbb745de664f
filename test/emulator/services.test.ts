/**
 * PropertiesService, LockService, ScriptApp triggers, CacheService,
 * HtmlService, the Ui, auth modes, executions and call counting.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Emulator } from '../../tools/emulator';

function emulator(code: string, opts: ConstructorParameters<typeof Emulator>[0] = {}): Emulator {
  const emu = new Emulator({ now: '2026-11-02T10:00:00Z', ...opts });
  emu.load(code);
  return emu;
}

describe('PropertiesService', () => {
  const CODE = `
    function set(k, v){ PropertiesService.getDocumentProperties().setProperty(k, v); return typeof PropertiesService.getDocumentProperties().getProperty(k); }
    function get(k){ return PropertiesService.getDocumentProperties().getProperty(k); }
    function setUser(k, v){ PropertiesService.getUserProperties().setProperty(k, v); }
    function getUser(k){ return PropertiesService.getUserProperties().getProperty(k); }
    function many(obj, del){ var p = PropertiesService.getScriptProperties(); p.setProperties(obj, del); return [p.getKeys().sort(), p.getProperties()]; }
    function big(n){ PropertiesService.getDocumentProperties().setProperty('big', new Array(n + 1).join('x')); }
    function fill(){ var p = PropertiesService.getDocumentProperties(); for (var i = 0; i < 60; i++) p.setProperty('k' + i, new Array(9000).join('y')); }`;

  test('values are strings; document properties are shared, user properties are per user', () => {
    const emu = emulator(CODE);
    expect(emu.invoke('set', 'n', 5)).toBe('string');
    expect(emu.invokeAs({ user: 'other@example.com' }, 'get', 'n')).toBe('5');
    expect(emu.invoke('get', 'missing')).toBeNull();
    emu.invoke('setUser', 'lang', 'zh');
    expect(emu.invoke('getUser', 'lang')).toBe('zh');
    expect(emu.invokeAs({ user: 'other@example.com' }, 'getUser', 'lang')).toBeNull();
    expect(emu.invoke('many', { a: 1, b: 'x' }, false)).toEqual([['a', 'b'], { a: '1', b: 'x' }]);
    expect(emu.invoke('many', { c: true }, true)).toEqual([['c'], { c: 'true' }]);
    expect(emu.properties.document()).toEqual({ n: '5' });
  });

  test('9 KB per value and 500 KB per store', () => {
    const emu = emulator(CODE);
    expect(() => emu.invoke('big', 9 * 1024 - 3)).not.toThrow();
    expect(() => emu.invoke('big', 9 * 1024)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    const other = emulator(CODE, { propertyValueTooLarge: 'argument' });
    expect(() => other.invoke('big', 9 * 1024)).toThrow('Argument too large: value');
    expect(() => emu.invoke('fill')).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  });

  test('properties need authorization: AuthMode.NONE throws', () => {
    const emu = emulator(CODE);
    expect(() => emu.invokeAs({ authMode: 'NONE' }, 'get', 'x')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties. Required permissions: https://www.googleapis.com/auth/script.storage',
    );
    expect(emu.invokeAs({ authMode: 'LIMITED' }, 'get', 'x')).toBeNull();
  });
});

describe('LockService', () => {
  const CODE = `
    function run(){ var lock = LockService.getDocumentLock(); var t0 = Date.now(); var ok = lock.tryLock(30000); return [ok, lock.hasLock(), Date.now() - t0]; }
    function keep(){ LockService.getDocumentLock().waitLock(1000); }
    function wait(){ LockService.getDocumentLock().waitLock(5000); }
    function nightly(){ return LockService.getDocumentLock() !== null; }`;

  test('tryLock fails (after waiting on the fake clock) while another execution holds the lock', () => {
    const emu = emulator(CODE);
    emu.locks.holdDocumentLock();
    expect(emu.invoke('run')).toEqual([false, false, 30000]);
    expect(() => emu.invoke('wait')).toThrow('Lock timeout: another process was holding the lock for too long.');
    emu.locks.releaseDocumentLock();
    expect(emu.invoke('run')).toEqual([true, true, 0]);
  });

  test('locks are released when an execution ends; a trigger execution gets the document lock', () => {
    const emu = emulator(CODE);
    emu.invoke('keep');
    expect(emu.invoke('run')).toEqual([true, true, 0]);
    expect(emu.invokeAs({ trigger: true }, 'nightly')).toBe(true);
  });
});

describe('ScriptApp triggers', () => {
  const CODE = `
    function install(h){ return ScriptApp.newTrigger('runNightly').timeBased().everyDays(1).atHour(h).inTimezone('Asia/Shanghai').create().getUniqueId(); }
    function installOpen(){ ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create(); }
    function list(){ return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) {
      return [t.getHandlerFunction(), String(t.getEventType()), t.getEventType() === ScriptApp.EventType.CLOCK, t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK]; }); }
    function removeAll(){ ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getHandlerFunction() === 'runNightly') ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
    function runNightly(e){ return ['ran', e.triggerUid, SpreadsheetApp.getActiveSpreadsheet(), Session.getActiveUser().getEmail()]; }
    function bad(){ ScriptApp.newTrigger('x').timeBased().atHour(5).create(); }`;

  test('create, list, delete; 20 per user', () => {
    const emu = emulator(CODE);
    const id = emu.invoke('install', 6) as string;
    emu.invoke('installOpen');
    expect(emu.invoke('list')).toEqual([
      ['runNightly', 'CLOCK', true, true],
      ['onOpenInstalled', 'ON_OPEN', false, false],
    ]);
    expect(emu.triggers.list()[0]).toEqual({
      id,
      handler: 'runNightly',
      type: 'CLOCK',
      everyDays: 1,
      atHour: 6,
      // Without nearMinute, Apps Script picks the minute.
      minute: expect.any(Number),
      timezone: 'Asia/Shanghai',
      user: 'rep@example.com',
      spreadsheetId: 'ss-1',
    });
    expect(emu.invoke('removeAll')).toBe(1);
    for (let i = 0; i < 19; i++) emu.invoke('install', i);
    expect(() => emu.invoke('install', 1)).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    // another user has their own 20
    expect(() => emu.invokeAs({ user: 'b@example.com' }, 'install', 1)).not.toThrow();
    expect(() => emu.invoke('bad')).toThrow(/atHour/);
  });

  test('firing a time trigger runs as its creator with no active spreadsheet', () => {
    const emu = emulator(CODE);
    const id = emu.invokeAs({ user: 'boss@example.com' }, 'install', 6) as string;
    expect(emu.triggers.fire(id)).toEqual(['ran', id, null, 'boss@example.com']);
  });

  test('triggers need full authorization', () => {
    const emu = emulator(CODE);
    expect(() => emu.invokeAs({ authMode: 'LIMITED' }, 'install', 6)).toThrow(
      /You do not have permission to call ScriptApp.newTrigger/,
    );
  });
});

describe('Ui, HtmlService, CacheService', () => {
  test('menus in AuthMode.NONE, sidebars from files, alerts, toasts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-html-'));
    fs.writeFileSync(path.join(dir, 'sidebar.html'), '<p>Hello</p>');
    const emu = emulator(
      `function onOpen(e){ SpreadsheetApp.getUi().createAddonMenu().addItem('Log a contact…', 'showSidebar').addSeparator()
          .addSubMenu(SpreadsheetApp.getUi().createMenu('More').addItem('Help', 'help')).addToUi(); return e.authMode === ScriptApp.AuthMode.NONE; }
       function showSidebar(){ SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Retain')); }
       function ask(){ var ui = SpreadsheetApp.getUi(); return ui.alert('Stop?', 'Really stop the nightly run?', ui.ButtonSet.YES_NO) === ui.Button.YES; }
       function toast(){ SpreadsheetApp.getActive().toast('Done', 'Retain', 3); }
       function missing(){ HtmlService.createHtmlOutputFromFile('nope'); }`,
      { htmlDir: dir, projectName: 'Retain' },
    );
    expect(emu.open('NONE')).toBe(true);
    expect(emu.ui.menus()[0]).toMatchObject({
      title: 'Retain',
      addon: true,
      items: [
        { caption: 'Log a contact…', functionName: 'showSidebar' },
        { separator: true },
        { submenu: 'More', items: [{ caption: 'Help', functionName: 'help' }] },
      ],
    });
    expect(emu.ui.menuItems().map((i) => i.functionName)).toEqual(['showSidebar', 'help']);
    expect(() => emu.invokeAs({ authMode: 'LIMITED' }, 'showSidebar')).toThrow(
      /You do not have permission to call Ui.showSidebar/,
    );
    emu.invoke('showSidebar');
    expect(emu.ui.last('sidebar')).toMatchObject({ title: 'Retain', html: '<p>Hello</p>', width: 300 });
    expect(emu.invoke('ask')).toBe(false);
    emu.ui.respond('YES');
    expect(emu.invoke('ask')).toBe(true);
    expect(emu.ui.alerts()[1]).toMatchObject({
      title: 'Stop?',
      message: 'Really stop the nightly run?',
      buttons: 'YES_NO',
      response: 'YES',
    });
    emu.invoke('toast');
    expect(emu.ui.toasts()).toEqual([expect.objectContaining({ message: 'Done', title: 'Retain', timeoutSeconds: 3 })]);
    expect(() => emu.invoke('missing')).toThrow('No HTML file named nope was found.');
  });

  test('cache entries expire on the fake clock', () => {
    const emu = emulator(
      `function put(){ CacheService.getScriptCache().put('k', 42, 60); } function get(){ return CacheService.getScriptCache().get('k'); }`,
    );
    emu.invoke('put');
    expect(emu.invoke('get')).toBe('42');
    emu.clock.advance(61000);
    expect(emu.invoke('get')).toBeNull();
  });
});

describe('executions', () => {
  test('each execution starts from a fresh global scope and reruns top-level code', () => {
    const emu = emulator(
      `var counter = 0; var loads = (typeof loads === 'number' ? loads : 0) + 1; function bump(){ counter++; return [counter, loads]; }`,
    );
    expect(emu.invoke('bump')).toEqual([1, 1]);
    expect(emu.invoke('bump')).toEqual([1, 1]);
  });

  test('top-level service calls run in the execution auth mode (and fail in NONE)', () => {
    const emu = emulator(
      `var SETTINGS = PropertiesService.getDocumentProperties().getProperty('x'); function onOpen(){ return 'menu'; }`,
    );
    expect(() => emu.open('NONE')).toThrow(
      /You do not have permission to call PropertiesService.getDocumentProperties/,
    );
    expect(emu.open('LIMITED')).toBe('menu');
  });

  test('unknown functions, errors leave invoke() as Node errors with Apps Script names', () => {
    const emu = emulator(`function boom(){ SpreadsheetApp.getActive().getSheets()[0].getRange(0, 1); }`);
    expect(() => emu.invoke('nope')).toThrow('Script function not found: nope');
    let err: unknown;
    try {
      emu.invoke('boom');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('Exception');
  });

  test('a gas-webpack-plugin shaped bundle: stubs replaced by the webpack global assignments', () => {
    const emu = emulator(`
      /** @customfunction */
      function RETAIN_TIER(revenue) {
      }
      function onOpen(e) {
      }
      (() => { var __webpack_require__ = {}; __webpack_require__.g = globalThis;
        const tier = (rows) => rows.map((r) => [r[0] > 10 ? 'A' : 'C']);
        __webpack_require__.g.RETAIN_TIER = (revenue) => tier(revenue);
        __webpack_require__.g.onOpen = (e) => { SpreadsheetApp.getUi().createAddonMenu().addItem('Set up sheets', 'setupSheets').addToUi(); return 'ok'; };
      })();`);
    emu.setSheet('S', [['Rev', 'Tier'], [20, '=RETAIN_TIER(A2:A3)'], [3]]);
    expect(emu.sheetValues('S')).toEqual([
      ['Rev', 'Tier'],
      [20, 'A'],
      [3, 'C'],
    ]);
    expect(emu.open('NONE')).toBe('ok');
    // An add-on menu of a bound script is titled with the project's name: 'Untitled project' until renamed.
    expect(emu.ui.menuItems()).toEqual([
      { caption: 'Set up sheets', functionName: 'setupSheets', path: ['Untitled project'] },
    ]);
  });

  test('results come back as Node values; globals of the bundle are visible', () => {
    const emu = emulator(
      `function RETAIN_TIER(x){ return x; } function when(){ return { at: new Date(0), list: [1, [2]] }; }`,
    );
    const r = emu.invoke('when') as { at: Date; list: unknown[] };
    expect(r.at).toBeInstanceOf(Date);
    expect(r.list).toBeInstanceOf(Array);
    expect(typeof emu.global('RETAIN_TIER')).toBe('function');
    expect(emu.global('SpreadsheetApp')).toBeDefined();
  });

  test('setSheet types values in like a user (or a CSV import); {parse: false} keeps strings', () => {
    const emu =
      emulator(`function types(){ return SpreadsheetApp.getActive().getSheetByName('S').getRange('A2:E2').getValues()[0].map(function (v) {
      return v instanceof Date ? 'Date' : typeof v; }); }`);
    emu.setSheet('S', [
      ['a', 'b', 'c', 'd', 'e'],
      ['2026-11-02', '1,200', "'007", '=1+1', 'text'],
    ]);
    expect(emu.invoke('types')).toEqual(['Date', 'number', 'string', 'number', 'string']);
    expect(emu.sheetNames()).toEqual(['S']);
    emu.setSheet(
      'S',
      [
        ['a', 'b', 'c', 'd', 'e'],
        ['2026-11-02', '1,200', "'007", '=1+1', 'text'],
      ],
      { parse: false },
    );
    expect(emu.invoke('types')).toEqual(['string', 'string', 'string', 'number', 'string']);
    expect(emu.sheetValues('S')[1].slice(0, 3)).toEqual(['2026-11-02', '1,200', "'007"]);
  });

  test('scriptRun behaves like google.script.run: no private functions, no Dates', () => {
    const emu = emulator(
      `function getCard(id){ return { id: id, tier: 'A', when: new Date() }; } function ok(o){ return { got: o.id }; } function secret_(){ return 1; }`,
    );
    expect(emu.scriptRun('ok', { id: 'C0001' })).toEqual({ got: 'C0001' });
    expect(emu.scriptRun('getCard', 'C0001')).toBeNull();
    expect(() => emu.scriptRun('secret_')).toThrow('Script function not found: secret_');
    expect(() => emu.scriptRun('ok', { id: new Date() })).toThrow('Failed due to illegal value in property: 0.id');
  });

  test('declared OAuth scopes are enforced: openById needs the full spreadsheets scope', () => {
    const emu = emulator(
      `function open(){ return SpreadsheetApp.openById('ss-1').getName(); } function active(){ return SpreadsheetApp.getActive().getName(); }`,
      {
        scopes: [
          'https://www.googleapis.com/auth/spreadsheets.currentonly',
          'https://www.googleapis.com/auth/script.container.ui',
        ],
      },
    );
    expect(emu.invoke('active')).toBe('Retain customers');
    expect(() => emu.invoke('open')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });
});

describe('call counting', () => {
  test('every method call on a service object counts, per method and per service', () => {
    const emu =
      emulator(`function run(){ var ss = SpreadsheetApp.getActive(); var sh = ss.getSheetByName('S'); var v = sh.getDataRange().getValues();
        sh.getRange(1, 1, v.length, v[0].length).setValues(v); PropertiesService.getDocumentProperties().getProperty('x');
        Utilities.formatDate(new Date(), 'UTC', 'yyyy'); return v.length; }`);
    emu.setSheet('S', [
      ['a', 'b'],
      [1, 2],
    ]);
    emu.invoke('run');
    expect(emu.calls.byMethod()).toEqual({
      'SpreadsheetApp.getActive': 1,
      'SpreadsheetApp.Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.Sheet.getDataRange': 1,
      'SpreadsheetApp.Range.getValues': 1,
      'SpreadsheetApp.Sheet.getRange': 1,
      'SpreadsheetApp.Range.setValues': 1,
      'PropertiesService.getDocumentProperties': 1,
      'PropertiesService.Properties.getProperty': 1,
      'Utilities.formatDate': 1,
    });
    expect(emu.calls.count('SpreadsheetApp')).toBe(6);
    expect(emu.calls.total()).toBe(9);
    expect(emu.calls.log[0]).toMatchObject({ seq: 1, service: 'SpreadsheetApp', method: 'getActive', execution: 1 });
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
    // helpers are not counted
    emu.sheetValues('S');
    emu.sheet('S').getRange('A1').getValue();
    expect(emu.calls.total()).toBe(0);
  });

  test('latency per service moves the fake clock', () => {
    const emu = emulator(
      `function run(){ var t = Date.now(); SpreadsheetApp.getActive().getSheets(); return Date.now() - t; }`,
      { latencyMs: { SpreadsheetApp: 250 } },
    );
    expect(emu.invoke('run')).toBe(500);
  });
});
