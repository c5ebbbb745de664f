/**
 * What each npm package adds to dist/Code.js, printed by every build
 * (docs/platform.md, Entry points and the bundle): Apps Script evaluates the
 * whole file on every call, custom functions included, so a library's size
 * is paid each time.
 *
 * Sizes are the bytes of each module's generated code in the output (the
 * bundle is not minified and modules are not concatenated, so they are
 * exactly what the file holds), grouped by the package a module comes from.
 * Retain's own prebuilt data (src/core/calendar/officialHolidays.json, made
 * from chinese-days and date-holidays by holidays-data.js) is its own line.
 */
const fs = require('fs');
const path = require('path');

const DATA_FILE = path.join('src', 'core', 'calendar', 'officialHolidays.json');

function packageOf(resource) {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(resource);
  if (!m) return null;
  const name = m[1].replace(/\\/g, '/');
  const dir = resource.slice(0, m.index + m[0].length);
  let pkg = {};
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    // A package without a readable package.json is still listed, by name.
  }
  return {
    key: name,
    label: `${name} ${pkg.version || '?'}`,
    license: pkg.license || '?',
    name,
    version: pkg.version || '?',
    dir,
  };
}

function sourceOf(resource, root) {
  const pkg = packageOf(resource);
  if (pkg) return pkg;
  if (path.relative(root, resource) === DATA_FILE) {
    return { key: '(holiday data)', label: `holiday data (${DATA_FILE})`, license: 'MIT, CC BY-SA 3.0' };
  }
  return { key: '(retain)', label: 'Retain (src/)', license: '' };
}

/**
 * What a finished webpack compilation put in the bundle: rows { label,
 * license, bytes, modules } by source, largest first, and the bundled npm
 * packages ({ name, version, license, dir }, for their licence notices).
 */
function bundleContents(compilation) {
  const root = compilation.compiler.context;
  const rows = new Map();
  const packages = new Map();
  for (const chunk of compilation.chunks)
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      const source = compilation.codeGenerationResults.getSource(module, chunk.runtime, 'javascript');
      const bytes = source ? Buffer.byteLength(source.source().toString(), 'utf8') : 0;
      const from = sourceOf(module.resource || module.identifier(), root);
      const row = rows.get(from.key) || { label: from.label, license: from.license, bytes: 0, modules: 0 };
      row.bytes += bytes;
      row.modules += 1;
      rows.set(from.key, row);
      if (from.dir)
        packages.set(from.key, { name: from.name, version: from.version, license: from.license, dir: from.dir });
    }
  return {
    rows: [...rows.values()].sort((a, b) => b.bytes - a.bytes),
    packages: [...packages.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    hasHolidayData: rows.has('(holiday data)'),
  };
}

/**
 * The size table of the emitted file: the contents' rows, the appended
 * licence notices (their bytes), the webpack runtime (the rest) and the total.
 */
function bundleSizes(contents, file, noticeBytes = 0) {
  const total = fs.statSync(file).size;
  const counted = contents.rows.reduce((s, r) => s + r.bytes, 0);
  const rows = [...contents.rows];
  if (noticeBytes > 0) rows.push({ label: 'licence notices (appended)', license: '', bytes: noticeBytes, modules: 0 });
  rows.push({
    label: 'webpack runtime, module wrappers, entry stubs',
    license: '',
    bytes: total - counted - noticeBytes,
    modules: 0,
  });
  return { rows, total };
}

function formatSizes({ rows, total }, name = 'dist/Code.js') {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
  const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + '%';
  const width = Math.max(...rows.map((r) => r.label.length), 10);
  const lines = rows.map(
    (r) => `  ${r.label.padEnd(width)} ${kb(r.bytes)} ${pct(r.bytes)}${r.license ? '  ' + r.license : ''}`,
  );
  return [`${name} by source:`, ...lines, `  ${'total'.padEnd(width)} ${kb(total)}`].join('\n');
}

module.exports = { bundleContents, bundleSizes, formatSizes };
