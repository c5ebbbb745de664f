/**
 * ScriptApp.getInstallationSource() (reference/script/installation-source):
 * NONE when the script is not running as an add-on (a bound script), an
 * add-on's source when it is (the emulator's addOnMode: installed by the user
 * from the store, WEB_STORE_ADD_ON). Free to call, in any auth mode.
 */
import { Emulator } from '../../tools/emulator';

const CODE = `
  function source() {
    return [String(ScriptApp.getInstallationSource()), String(ScriptApp.InstallationSource.NONE)];
  }`;

function run(opts: ConstructorParameters<typeof Emulator>[0], authMode: 'NONE' | 'FULL'): unknown {
  const emu = new Emulator({ now: '2026-11-16T06:30:00+08:00', ...opts });
  emu.load(CODE);
  return emu.invokeAs({ authMode }, 'source');
}

test('a bound script: NONE, even in the no-authorization mode of onOpen', () => {
  expect(run({}, 'FULL')).toEqual(['NONE', 'NONE']);
  expect(run({}, 'NONE')).toEqual(['NONE', 'NONE']);
});

test('a published add-on: WEB_STORE_ADD_ON', () => {
  expect(run({ addOnMode: true }, 'NONE')).toEqual(['WEB_STORE_ADD_ON', 'NONE']);
});
