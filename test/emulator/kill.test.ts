/**
 * The 6-minute kill (docs/platform.md, "Limits and errors"): the platform
 * halts the script, so nothing in its catch or finally has an effect, the
 * execution ends with the kill, its locks are released, and the next
 * execution sees the properties as they were last written.
 */
import { Emulator } from '../../tools/emulator';

const CODE = `
  function run(steps) {
    var props = PropertiesService.getDocumentProperties();
    var lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    props.setProperty('inProgress', 'yes');
    try {
      for (var i = 0; i < steps; i++) {
        Utilities.sleep(60000);
        props.setProperty('done', String(i + 1));
      }
      return 'finished';
    } catch (e) {
      console.log('caught: ' + e.message);
      SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('caught');
      return 'swallowed';
    } finally {
      props.deleteProperty('inProgress');
      lock.releaseLock();
    }
  }
  function state() { var p = PropertiesService.getDocumentProperties(); return [p.getProperty('inProgress'), p.getProperty('done')]; }
  function lockFree() { return LockService.getDocumentLock().tryLock(0); }`;

function emulator(): Emulator {
  const emu = new Emulator({ now: '2026-11-16T06:30:00+08:00' });
  emu.load(CODE);
  emu.setSheet('S', [['x']]);
  return emu;
}

describe('the 6-minute kill', () => {
  test('a run that finishes in time clears its marker in finally', () => {
    const emu = emulator();
    expect(emu.invoke('run', 3)).toBe('finished');
    expect(emu.invoke('state')).toEqual([null, '3']);
  });

  test('killed: no catch, no finally; the execution fails; the next one sees the marker and the last progress', () => {
    const emu = emulator();
    expect(() => emu.invoke('run', 10)).toThrow('Exceeded maximum execution time');
    // The catch wrote nothing and logged nothing; finally did not clear the marker.
    expect(emu.sheetValues('S')).toEqual([['x']]);
    expect(emu.logs.map((l) => l.text)).toEqual([]);
    expect(emu.invoke('state')).toEqual(['yes', '6']);
    expect(emu.executionLog.map((e) => [e.function, e.killed])).toEqual([
      ['run', true],
      ['state', false],
    ]);
    // The platform released the lock when the killed execution ended.
    expect(emu.invoke('lockFree')).toBe(true);
  });

  test('a kill injected at a chosen call: before it takes effect, or after', () => {
    const emu = emulator();
    emu.faults.inject({ error: 'kill', filter: { method: 'Properties.setProperty' }, at: 3 });
    expect(() => emu.invoke('run', 10)).toThrow('Exceeded maximum execution time');
    expect(emu.invoke('state')).toEqual(['yes', '1']);
    const after = emulator();
    after.faults.inject({ error: 'kill', filter: { method: 'Properties.setProperty' }, at: 3, when: 'after' });
    expect(() => after.invoke('run', 10)).toThrow('Exceeded maximum execution time');
    expect(after.invoke('state')).toEqual(['yes', '2']);
  });
});
