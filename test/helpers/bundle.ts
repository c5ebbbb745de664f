/**
 * The built bundle in the local Apps Script emulator: what every end-to-end
 * test runs. Tests never import src/ for these: the product is dist/Code.js.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Emulator, type EmulatorOptions } from '../../tools/emulator';

export const ROOT = path.resolve(__dirname, '../..');
export const BUNDLE = path.join(ROOT, 'dist', 'Code.js');

let cached: string | null = null;

/** dist/Code.js; `npm test` builds it first. */
export function bundleSource(): string {
  if (cached !== null) return cached;
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build (npm test does it first)`);
  cached = fs.readFileSync(BUNDLE, 'utf8');
  return cached;
}

/** A fresh emulator with the bundle loaded; defaults to a Shanghai sheet on Monday 2026-11-16, 06:30. */
export function loadBundle(opts: EmulatorOptions = {}, sheets: Record<string, unknown[][]> = {}): Emulator {
  const emu = new Emulator({
    timeZone: 'Asia/Shanghai',
    locale: 'en',
    now: '2026-11-16T06:30:00+08:00',
    userEmail: 'rep@example.com',
    htmlDir: path.join(ROOT, 'dist'),
    ...opts,
  });
  for (const [name, rows] of Object.entries(sheets)) emu.setSheet(name, rows, { parse: true });
  emu.load(bundleSource(), 'Code.js');
  return emu;
}
