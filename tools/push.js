#!/usr/bin/env node
/**
 * npm run push: build, then `clasp push` the dist/ folder (.clasp.json has
 * "rootDir": "dist", so only the build output goes to Google). Stops with a
 * clear message when .clasp.json still has the placeholder script ID.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const clasp = JSON.parse(fs.readFileSync(path.join(root, '.clasp.json'), 'utf8'));
if (!clasp.scriptId || /REPLACE/.test(clasp.scriptId)) {
  console.error('Set your script ID in .clasp.json first (see README, "Deploy to your spreadsheet").');
  process.exit(1);
}
execFileSync(process.execPath, [path.join(__dirname, 'build', 'build.js')], { stdio: 'inherit' });
execFileSync(path.join(root, 'node_modules', '.bin', 'clasp'), ['push', '--force'], { stdio: 'inherit', cwd: root });
