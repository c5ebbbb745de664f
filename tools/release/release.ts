/**
 * npm run release: builds, then writes release/retain-<version>.zip, what a
 * user without Node installs from (README, "Install without a terminal"):
 *
 *   Code.gs                 dist/Code.js, pasted over the editor's Code.gs
 *   sidebar.html            dist/sidebar.html, pasted into an HTML file named "sidebar"
 *   appsscript.json         dist/appsscript.json, the manifest (scopes, advanced services)
 *   Retain template.xlsx    every sheet with its headers, to import into Google Sheets
 *   Retain 模板.xlsx         the same with Chinese sheet names and headers
 *
 *   npm run release -- [--out DIR] [--no-build]
 *
 * --no-build packs the dist/ that is there (the tests use it: they run after
 * `npm test` has built, and must not rebuild dist/ under other tests' feet).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { TEMPLATE_FILE, templateBuffer } from './template';

export const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');

/** Zip entry name -> file in dist/. Apps Script calls its script files .gs; the content is the same. */
export const SCRIPT_FILES: Record<string, string> = {
  'Code.gs': 'Code.js',
  'sidebar.html': 'sidebar.html',
  'appsscript.json': 'appsscript.json',
};

export interface ReleaseOptions {
  /** Folder the zip goes to (default release/). */
  outDir?: string;
  /** Run `npm run build` first (default true). */
  build?: boolean;
}

export function releaseVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function makeRelease(opts: ReleaseOptions = {}): Promise<string> {
  if (opts.build !== false)
    execFileSync(process.execPath, [path.join(ROOT, 'tools', 'build', 'build.js')], { stdio: 'inherit', cwd: ROOT });
  const zip = new JSZip();
  for (const [entry, file] of Object.entries(SCRIPT_FILES)) {
    const full = path.join(DIST, file);
    if (!fs.existsSync(full)) throw new Error(`${full} is missing: run npm run build (or npm run release without --no-build)`);
    zip.file(entry, fs.readFileSync(full));
  }
  zip.file(TEMPLATE_FILE.en, await templateBuffer('en'));
  zip.file(TEMPLATE_FILE.zh, await templateBuffer('zh'));
  const outDir = opts.outDir ?? path.join(ROOT, 'release');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `retain-${releaseVersion()}.zip`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  fs.writeFileSync(out, bytes);
  return out;
}

function parseArgs(argv: string[]): ReleaseOptions {
  const opts: ReleaseOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--out' && argv[i + 1]) opts.outDir = path.resolve(argv[++i]);
    else throw new Error(`Unknown argument: ${a} (usage: npm run release -- [--out DIR] [--no-build])`);
  }
  return opts;
}

if (require.main === module) {
  makeRelease(parseArgs(process.argv.slice(2)))
    .then((out) => {
      const kb = (fs.statSync(out).size / 1024).toFixed(0);
      console.log(`wrote ${path.relative(process.cwd(), out) || out} (${kb} KB): ${Object.keys(SCRIPT_FILES).join(', ')}, ${TEMPLATE_FILE.en}, ${TEMPLATE_FILE.zh}`);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
