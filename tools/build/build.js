#!/usr/bin/env node
/**
 * npm run build: dist/Code.js (webpack), dist/sidebar.html (one self-contained
 * file) and dist/appsscript.json. Fails loudly on any compile error.
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const { buildSidebar } = require('./sidebar-build');
const { formatSizes } = require('./bundle-sizes');
const { finishBundle } = require('./finish');

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

function runWebpack() {
  const config = require('./webpack.config.js');
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(finishBundle(stats.compilation, path.join(dist, 'Code.js')));
    });
  });
}

async function main() {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  const sizes = await runWebpack();
  await buildSidebar(path.join(dist, 'sidebar.html'));
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  const size = (f) => (fs.statSync(path.join(dist, f)).size / 1024).toFixed(1) + ' KB';
  console.log(
    `built dist/Code.js (${size('Code.js')}), dist/sidebar.html (${size('sidebar.html')}), dist/appsscript.json`,
  );
  console.log(formatSizes(sizes));
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
