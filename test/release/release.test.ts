/**
 * npm run release (README, "Install without a terminal"): the zip holds the
 * three files a user pastes into the Apps Script editor, byte for byte the
 * build's, and the templates to import into Google Sheets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers/bundle';
import { makeReleaseZip, type Release } from './zip';

let release: Release;

beforeAll(async () => {
  release = await makeReleaseZip();
}, 120000);

describe('npm run release', () => {
  test('writes release/retain-<version>.zip (the version of package.json)', () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(path.basename(release.file)).toBe(`retain-${version}.zip`);
  });

  test('holds exactly the three script files and the two templates', () => {
    expect(release.entries.sort()).toEqual(
      ['Code.gs', 'Retain template.xlsx', 'Retain 模板.xlsx', 'appsscript.json', 'sidebar.html'].sort(),
    );
  });

  test('Code.gs, sidebar.html and appsscript.json are the built files, unchanged', async () => {
    const dist = (f: string) => fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8');
    expect(await release.text('Code.gs')).toBe(dist('Code.js'));
    expect(await release.text('sidebar.html')).toBe(dist('sidebar.html'));
    const manifest = JSON.parse(await release.text('appsscript.json'));
    expect(manifest).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')));
    // What the README's paste steps rely on: the manifest turns the advanced services on by itself.
    expect(manifest.dependencies.enabledAdvancedServices.map((s: { userSymbol: string }) => s.userSymbol).sort()).toEqual(
      ['Calendar', 'Gmail'],
    );
  });

  test('the Chinese file name survives the zip (UTF-8 name flag set)', () => {
    const entry = release.zip.file('Retain 模板.xlsx');
    expect(entry).not.toBeNull();
    expect((entry as unknown as { unsafeOriginalName?: string }).unsafeOriginalName ?? entry!.name).toBe(
      'Retain 模板.xlsx',
    );
  });

  test('refuses an unknown argument with its usage', async () => {
    const { execFileSync } = await import('child_process');
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    let err = '';
    try {
      execFileSync(tsx, [path.join(ROOT, 'tools', 'release', 'release.ts'), '--bogus'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr: Buffer }).stderr);
    }
    expect(err).toMatch(/Unknown argument: --bogus \(usage: npm run release -- \[--out DIR\] \[--no-build\]\)/);
  }, 60000);
});
