#!/usr/bin/env node
/**
 * npm run push: build, then `clasp push` dist/ into the Apps Script project
 * bound to your spreadsheet (README, "Deploy to your spreadsheet").
 *
 *   SCRIPT_ID=<id> npm run push          the ID for this push
 *   npm run push                         the ID from your own .clasp.json (not tracked by git)
 *   npm run push -- --dry-run            check the ID, print what would run; no build, no clasp
 *
 * Whatever .clasp.json says about folders, only the build output is pushed:
 * the push uses a project file written into dist/ with the ID alone. clasp
 * push replaces every file of the script project (the Apps Script API's
 * projects.updateContent clears the existing files), so anything else in the
 * project is gone after it.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

const HOW_TO_GET_ONE = `No Apps Script script ID: npm run push needs the ID of the script bound to your spreadsheet.
To find it:
  1. Open the spreadsheet in Google Sheets, then Extensions > Apps Script.
  2. In the Apps Script editor, click Project Settings (the gear at the left).
  3. Under IDs, copy the Script ID.
Then either push with it once:
  SCRIPT_ID=<the Script ID> npm run push
or keep it in .clasp.json (git ignores that file):
  cp .clasp.json.example .clasp.json     and replace the placeholder with the Script ID.
See README, "Deploy to your spreadsheet".`;

const USAGE = 'usage: npm run push [-- --dry-run]   (script ID from $SCRIPT_ID or .clasp.json)';

/** A script ID as Google shows it, or the editor's address that holds one. */
function cleanScriptId(raw) {
  const text = String(raw || '').trim();
  const fromUrl = /\/projects\/([A-Za-z0-9_-]+)/.exec(text) || /\/d\/([A-Za-z0-9_-]+)/.exec(text);
  const id = fromUrl ? fromUrl[1] : text;
  // A placeholder such as PASTE_YOUR_SCRIPT_ID_HERE is capitals and underscores; a real ID mixes cases and digits.
  return /^[A-Za-z0-9_-]{20,}$/.test(id) && !/^[A-Z_]+$/.test(id) ? id : null;
}

/**
 * The ID to push to: $SCRIPT_ID first (an explicit choice for this push), then
 * `scriptId` in <root>/.clasp.json. Returns {id, source} or {problem}.
 */
function resolveScriptId(root, env) {
  if (env.SCRIPT_ID !== undefined && String(env.SCRIPT_ID).trim() !== '') {
    const id = cleanScriptId(env.SCRIPT_ID);
    if (!id) return { problem: `SCRIPT_ID="${env.SCRIPT_ID}" is not a script ID (letters, digits, - and _).` };
    return { id, source: 'SCRIPT_ID' };
  }
  const file = path.join(root, '.clasp.json');
  if (!fs.existsSync(file)) return { problem: '' };
  let config;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { problem: `.clasp.json is not valid JSON (${e.message}).` };
  }
  const id = cleanScriptId(config && config.scriptId);
  if (!id) return { problem: `.clasp.json has no script ID yet ("scriptId": "${(config && config.scriptId) || ''}").` };
  return { id, source: '.clasp.json' };
}

/**
 * The push, with everything from outside passed in so a test can run it
 * without Google: `run(file, args)` runs a command (throws on failure).
 * Returns the exit code.
 */
function main({ argv = [], env = {}, root = ROOT, run, out = console.log, err = console.error } = {}) {
  const extra = argv.filter((a) => a !== '--dry-run');
  if (extra.length > 0) {
    err(`Unknown argument: ${extra[0]}\n${USAGE}`);
    return 2;
  }
  const dryRun = argv.includes('--dry-run');
  const found = resolveScriptId(root, env);
  if (!found.id) {
    err((found.problem ? found.problem + '\n' : '') + HOW_TO_GET_ONE);
    return 1;
  }
  const dist = path.join(root, 'dist');
  const project = path.join(dist, '.clasp.json');
  const clasp = path.join(root, 'node_modules', '.bin', 'clasp');
  const pushArgs = ['push', '--force', '--project', project];
  out(`Script ID ${found.id} (from ${found.source}).`);
  out('clasp push replaces every file of that script project with dist/: Code.js, sidebar.html, appsscript.json.');
  if (dryRun) {
    out(`Would run: node tools/build/build.js, then ${clasp} ${pushArgs.join(' ')}`);
    return 0;
  }
  try {
    run(process.execPath, [path.join(root, 'tools', 'build', 'build.js')]);
  } catch (e) {
    err('The build failed (see above): nothing was pushed.');
    return 1;
  }
  // Written after the build (which empties dist/); clasp's default ignore rules keep it out of the push.
  fs.writeFileSync(project, JSON.stringify({ scriptId: found.id, rootDir: '.' }, null, 2) + '\n');
  try {
    run(clasp, pushArgs);
  } catch (e) {
    err(
      'clasp push failed. Are you logged in (npx clasp login) and is the Apps Script API on ' +
        '(https://script.google.com/home/usersettings)? Is the Script ID the one of your spreadsheet?',
    );
    return 1;
  }
  out('Pushed. Reload the spreadsheet: the Retain menu appears; run Retain > Set up sheets once.');
  return 0;
}

if (require.main === module) {
  const run = (file, args) => execFileSync(file, args, { stdio: 'inherit', cwd: ROOT });
  process.exitCode = main({ argv: process.argv.slice(2), env: process.env, run });
}

module.exports = { main, resolveScriptId, cleanScriptId, HOW_TO_GET_ONE };
