/**
 * Time-driven triggers as the platform runs them, the add-on trigger limits,
 * ScriptApp.getService() and the web app (docs/platform.md, "Triggers" and
 * "Sidebar and web app").
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Emulator, type EmulatorOptions } from '../../tools/emulator';

const CODE = `
  function nightly(hour, minute) {
    var b = ScriptApp.newTrigger('runNightly').timeBased().atHour(hour).everyDays(1).inTimezone('Asia/Shanghai');
    if (minute !== undefined) b = b.nearMinute(minute);
    return b.create().getUniqueId();
  }
  function hourly() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
  function often() { return ScriptApp.newTrigger('tick').timeBased().everyMinutes(15).create().getUniqueId(); }
  function followUp(ms) { return ScriptApp.newTrigger('runFollowUp').timeBased().after(ms).create().getUniqueId(); }
  function tryCall(name, a, b) { try { return this[name](a, b); } catch (e) { return e.message; } }
  function runNightly(e) {
    var lock = LockService.getDocumentLock();
    var got = lock.tryLock(10000);
    var props = PropertiesService.getDocumentProperties();
    props.setProperty('runs', String(Number(props.getProperty('runs') || 0) + 1));
    if (got) { Utilities.sleep(120000); SpreadsheetApp.openById('ss-1').getName(); lock.releaseLock(); }
    return { got: got, minute: e.minute, user: Session.getActiveUser().getEmail() };
  }
  function runFollowUp() { return 'follow-up'; }
  function tick() { return 'tick'; }
  function url() { return ScriptApp.getService().getUrl(); }
  function doGet(e) {
    if (e.parameter.fail) throw new Error('boom');
    if (e.parameter.bad) return 'just text';
    var t = HtmlService.createTemplateFromFile('page');
    t.who = Session.getActiveUser().getEmail();
    t.items = e.parameters.id || [];
    t.path = e.pathInfo || '';
    t.q = e.queryString;
    t.lock = LockService.getDocumentLock();
    return t.evaluate().setTitle('Retain today').addMetaTag('viewport', 'width=device-width, initial-scale=1')
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT);
  }
  function raw() { return HtmlService.createHtmlOutputFromFile('page').getContent(); }
  function badMeta() { HtmlService.createHtmlOutput('x').addMetaTag('robots', 'noindex'); }`;

function emulator(opts: EmulatorOptions = {}): Emulator {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-web-'));
  fs.writeFileSync(
    path.join(dir, 'page.html'),
    '<h1>Hi <?= who ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><p><?!= path ?>|<?= q ?>|<?= lock ?></p>',
  );
  const emu = new Emulator({
    now: '2026-11-16T01:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    userEmail: 'rep@example.com',
    htmlDir: dir,
    ...opts,
  });
  emu.load(CODE);
  return emu;
}

describe('time-driven triggers', () => {
  test('nearMinute(m) gets a minute within 15 of m, picked once and kept every day', () => {
    const emu = emulator({ seed: 7 });
    const id = emu.invoke('nightly', 2, 30) as string;
    const t = emu.triggers.list().find((x) => x.id === id)!;
    expect(t.nearMinute).toBe(30);
    expect(Math.abs(t.minute! - 30)).toBeLessThanOrEqual(15);
    const first = emu.triggers.nextRun(id)!;
    const second = emu.triggers.nextRun(id, first)!;
    expect(first.toISOString()).toBe(new Date(Date.parse('2026-11-15T18:00:00Z') + t.minute! * 60000).toISOString());
    expect(second.getTime() - first.getTime()).toBe(86400000);
    const runs = emu.triggers.runUntil('2026-11-18T03:00:00+08:00');
    expect(runs.map((r) => new Date(r.due).toISOString())).toEqual([
      first.toISOString(),
      second.toISOString(),
      new Date(second.getTime() + 86400000).toISOString(),
    ]);
    expect(runs[0].result).toMatchObject({ got: true, minute: t.minute, user: 'rep@example.com' });
  });

  test('two reps without nearMinute can get the same minute: their runs then overlap and one finds the lock taken', () => {
    // Seeds where both picks coincide exist; find one rather than hard-coding the generator.
    let emu: Emulator | undefined;
    for (let seed = 1; seed < 2000 && !emu; seed++) {
      const e = emulator({ seed });
      e.invokeAs({ user: 'a@example.com' }, 'nightly', 2);
      e.invokeAs({ user: 'b@example.com' }, 'nightly', 2);
      const [x, y] = e.triggers.list();
      if (x.minute === y.minute) emu = e;
    }
    expect(emu).toBeDefined();
    const runs = emu!.triggers.runUntil('2026-11-16T03:00:00+08:00');
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.overlapped).sort()).toEqual([false, true]);
    // Whichever took the lock first, the other waited its 10 s and gave up (the holder kept it for 2 minutes).
    expect(runs.map((r) => (r.result as { got: boolean }).got).sort()).toEqual([false, true]);
    // Both ran: the document properties saw two writes.
    expect(emu!.properties.document().runs).toBe('2');
  });

  test('with nearMinute(m) apart by more than 30, two reps never collide', () => {
    const emu = emulator({ seed: 3 });
    emu.invokeAs({ user: 'a@example.com' }, 'nightly', 2, 5);
    emu.invokeAs({ user: 'b@example.com' }, 'nightly', 2, 45);
    const runs = emu.triggers.runUntil('2026-11-16T03:00:00+08:00');
    expect(runs.map((r) => [r.overlapped, (r.result as { got: boolean }).got])).toEqual([
      [false, true],
      [false, true],
    ]);
  });

  test('after(ms) fires once and stays listed, spent; everyHours fires every hour at its minute', () => {
    const emu = emulator({ seed: 2 });
    const f = emu.invoke('followUp', 10 * 60000) as string;
    const h = emu.invoke('hourly') as string;
    const runs = emu.triggers.runUntil('2026-11-16T04:00:30+08:00');
    expect(runs.filter((r) => r.triggerId === f).map((r) => r.result)).toEqual(['follow-up']);
    expect(runs.filter((r) => r.triggerId === h)).toHaveLength(3);
    expect(emu.triggers.list().find((t) => t.id === f)).toMatchObject({ spent: true });
    expect(emu.triggers.nextRun(f)).toBeNull();
  });

  test('addOnMode: one time trigger per user per document, none more often than hourly', () => {
    const emu = emulator({ addOnMode: true });
    expect(emu.invoke('tryCall', 'often')).toBe(
      'Add-ons can only create time-based triggers that run at most once per hour.',
    );
    emu.invoke('nightly', 2);
    expect(emu.invoke('tryCall', 'followUp', 60000)).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    // Another user has their own.
    expect(typeof emu.invokeAs({ user: 'b@example.com' }, 'nightly', 2)).toBe('string');
    // A bound script has no such limit.
    const bound = emulator();
    bound.invoke('nightly', 2);
    expect(typeof bound.invoke('followUp', 60000)).toBe('string');
  });

  test('an add-on menu is titled with the add-on name in addOnMode, with the project name in a bound script', () => {
    const code = `function onOpen(){ SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'setup').addToUi();
      SpreadsheetApp.getUi().createMenu('Retain').addItem('Run', 'run').addToUi(); }`;
    const titles = (o: EmulatorOptions) => {
      const e = new Emulator(o);
      e.load(code);
      e.open();
      return e.ui.menus().map((m) => [m.title, m.addon, m.items]);
    };
    expect(titles({})).toEqual([
      ['Untitled project', true, [{ caption: 'Set up', functionName: 'setup' }]],
      ['Retain', false, [{ caption: 'Run', functionName: 'run' }]],
    ]);
    expect(titles({ projectName: 'Retain CRM' })[0][0]).toBe('Retain CRM');
    expect(titles({ addOnMode: true, addOnName: 'Retain' })[0][0]).toBe('Retain');
  });
});

describe('the web app', () => {
  test('getService().getUrl() is null until deployed, then the /exec address', () => {
    expect(emulator().invoke('url')).toBeNull();
    const emu = emulator({ webApp: { deployed: true, deploymentId: 'AKfyc123' } });
    expect(emu.invoke('url')).toBe('https://script.google.com/macros/s/AKfyc123/exec');
    expect(emu.webApp.url()).toBe('https://script.google.com/macros/s/AKfyc123/exec');
    expect(emu.calls.byMethod()).toMatchObject({ 'ScriptApp.getService': 1, 'ScriptApp.Service.getUrl': 1 });
  });

  test('doGet gets the event object and serves the evaluated template, as the visiting owner', () => {
    const emu = emulator({
      webApp: { deployed: true },
      manifest: { webapp: { executeAs: 'USER_ACCESSING', access: 'MYSELF' } },
    });
    const r = emu.webApp.get({ path: 'today', query: 'id=C1&id=<b>C2</b>' });
    expect(r).toMatchObject({
      status: 200,
      title: 'Retain today',
      ranAs: 'rep@example.com',
      xFrameOptionsMode: 'DEFAULT',
      metaTags: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
    });
    expect(r.content).toBe(
      '<h1>Hi rep@example.com</h1><li>C1</li><li>&lt;b&gt;C2&lt;/b&gt;</li><p>today|id=C1&amp;id=&lt;b&gt;C2&lt;/b&gt;|null</p>',
    );
    // Without a query string: queryString is null, parameters empty.
    // A web app runs outside the document: getDocumentLock() is null there.
    expect(emu.webApp.get().content).toBe('<h1>Hi rep@example.com</h1><p>|null|null</p>');
  });

  test('access MYSELF: another user never reaches the script; doGet failures and wrong return types show', () => {
    const emu = emulator({ webApp: { deployed: true, access: 'MYSELF', executeAs: 'USER_ACCESSING' } });
    const before = emu.executionLog.length;
    expect(emu.webApp.get({ user: 'intruder@example.com' }).status).toBe(403);
    expect(emu.webApp.get({ user: null }).status).toBe(403);
    expect(emu.executionLog.length).toBe(before);
    expect(emu.webApp.get({ query: { fail: '1' } })).toMatchObject({ status: 500, error: 'boom' });
    expect(emu.webApp.get({ query: { bad: '1' } })).toMatchObject({
      status: 500,
      error: 'The script completed but the returned value is not a supported return type.',
    });
    expect(() => emulator().webApp.get()).toThrow(/not deployed/);
  });

  test('a file served with createHtmlOutputFromFile is never run as a template; meta tags are limited', () => {
    const emu = emulator();
    expect(emu.invoke('raw')).toContain('<?= who ?>');
    expect(() => emu.invoke('badMeta')).toThrow('Invalid argument: name');
  });
});
