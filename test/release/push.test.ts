/**
 * npm run push (tools/push.js) without Google: where the script ID comes from,
 * what it says when there is none, and the commands it would run, with the
 * command runner injected so clasp is never called.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers/bundle';

// tools/push.js is plain Node (CommonJS): required as the script itself is run.
const push = require('../../tools/push.js') as {
  main(opts: {
    argv?: string[];
    env?: Record<string, string | undefined>;
    root?: string;
    run?: (file: string, args: string[]) => void;
    out?: (s: string) => void;
    err?: (s: string) => void;
  }): number;
};

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefghijklmnopq';

interface Outcome {
  code: number;
  calls: Array<{ file: string; args: string[] }>;
  out: string;
  err: string;
  root: string;
}

/** Runs push.js's main in a scratch root with an optional .clasp.json; `fail` makes the n-th command fail. */
function runPush(opts: { argv?: string[]; env?: Record<string, string>; clasp?: string; fail?: number } = {}): Outcome {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'retain-push-'));
  fs.mkdirSync(path.join(root, 'dist'));
  if (opts.clasp !== undefined) fs.writeFileSync(path.join(root, '.clasp.json'), opts.clasp);
  const calls: Outcome['calls'] = [];
  const out: string[] = [];
  const err: string[] = [];
  const code = push.main({
    argv: opts.argv ?? [],
    env: opts.env ?? {},
    root,
    run: (file, args) => {
      calls.push({ file, args });
      if (opts.fail === calls.length) throw new Error('command failed');
    },
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  return { code, calls, out: out.join('\n'), err: err.join('\n'), root };
}

describe('npm run push', () => {
  test('with neither SCRIPT_ID nor .clasp.json: says how to get the ID, exits non-zero, runs nothing', () => {
    const r = runPush();
    expect(r.code).not.toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.err).toMatch(/Extensions > Apps Script/);
    expect(r.err).toMatch(/Project Settings/);
    expect(r.err).toMatch(/Script ID/);
    expect(r.err).toMatch(/SCRIPT_ID=<the Script ID> npm run push/);
    expect(r.err).toMatch(/cp \.clasp\.json\.example \.clasp\.json/);
  });

  test('the .clasp.json.example placeholder counts as no ID', () => {
    const example = fs.readFileSync(path.join(ROOT, '.clasp.json.example'), 'utf8');
    const r = runPush({ clasp: example });
    expect(r.code).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.err).toMatch(/\.clasp\.json has no script ID yet/);
    expect(r.err).toMatch(/Project Settings/);
  });

  test('a .clasp.json that is not JSON is named, and nothing runs', () => {
    const r = runPush({ clasp: '{ "scriptId": ' });
    expect(r.code).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.err).toMatch(/\.clasp\.json is not valid JSON/);
  });

  test('SCRIPT_ID: builds, then pushes dist/ with a project file holding only that ID', () => {
    const r = runPush({ env: { SCRIPT_ID: ID } });
    expect(r.code).toBe(0);
    expect(r.calls).toHaveLength(2);
    expect(r.calls[0]).toEqual({ file: process.execPath, args: [path.join(r.root, 'tools', 'build', 'build.js')] });
    const project = path.join(r.root, 'dist', '.clasp.json');
    expect(r.calls[1]).toEqual({
      file: path.join(r.root, 'node_modules', '.bin', 'clasp'),
      args: ['push', '--force', '--project', project],
    });
    expect(JSON.parse(fs.readFileSync(project, 'utf8'))).toEqual({ scriptId: ID, rootDir: '.' });
    expect(r.out).toMatch(/from SCRIPT_ID/);
    expect(r.out).toMatch(/replaces every file/);
  });

  test('SCRIPT_ID wins over .clasp.json; an editor address is read for its ID', () => {
    const other = 'Xy1'.repeat(14);
    const r = runPush({
      env: { SCRIPT_ID: `https://script.google.com/home/projects/${ID}/edit` },
      clasp: JSON.stringify({ scriptId: other, rootDir: 'src' }),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(r.root, 'dist', '.clasp.json'), 'utf8')).scriptId).toBe(ID);
  });

  test('the ID from .clasp.json; its rootDir cannot send anything but dist/', () => {
    const r = runPush({ clasp: JSON.stringify({ scriptId: ID, rootDir: 'src' }) });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/from \.clasp\.json/);
    expect(JSON.parse(fs.readFileSync(path.join(r.root, 'dist', '.clasp.json'), 'utf8'))).toEqual({
      scriptId: ID,
      rootDir: '.',
    });
  });

  test('a SCRIPT_ID that is not an ID is refused before anything runs', () => {
    const r = runPush({ env: { SCRIPT_ID: 'REPLACE ME' } });
    expect(r.code).toBe(1);
    expect(r.calls).toEqual([]);
    expect(r.err).toMatch(/SCRIPT_ID="REPLACE ME" is not a script ID/);
  });

  test('--dry-run checks the ID and prints the commands; no build, no clasp', () => {
    const r = runPush({ argv: ['--dry-run'], env: { SCRIPT_ID: ID } });
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([]);
    expect(r.out).toMatch(/Would run: node tools\/build\/build\.js, then .*clasp push --force --project/);
    expect(fs.existsSync(path.join(r.root, 'dist', '.clasp.json'))).toBe(false);
  });

  test('an unknown argument is refused with the usage', () => {
    const r = runPush({ argv: ['--yes'], env: { SCRIPT_ID: ID } });
    expect(r.code).toBe(2);
    expect(r.calls).toEqual([]);
    expect(r.err).toMatch(/Unknown argument: --yes/);
  });

  test('a failing build pushes nothing; a failing clasp push says what to check', () => {
    const build = runPush({ env: { SCRIPT_ID: ID }, fail: 1 });
    expect(build.code).toBe(1);
    expect(build.calls).toHaveLength(1);
    expect(build.err).toMatch(/nothing was pushed/);
    const clasp = runPush({ env: { SCRIPT_ID: ID }, fail: 2 });
    expect(clasp.code).toBe(1);
    expect(clasp.err).toMatch(/npx clasp login/);
    expect(clasp.err).toMatch(/Apps Script API/);
  });

  test('as a command: node tools/push.js --dry-run with SCRIPT_ID exits 0 and calls nothing', () => {
    const stdout = execFileSync(process.execPath, [path.join(ROOT, 'tools', 'push.js'), '--dry-run'], {
      cwd: ROOT,
      env: { ...process.env, SCRIPT_ID: ID },
      encoding: 'utf8',
    });
    expect(stdout).toMatch(new RegExp(`Script ID ${ID} \\(from SCRIPT_ID\\)`));
    expect(stdout).toMatch(/Would run:/);
  });

  test('.clasp.json is not tracked and is git-ignored; the example is tracked', () => {
    const tracked = execFileSync('git', ['ls-files', '.clasp.json', '.clasp.json.example'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(tracked.trim().split('\n')).toEqual(['.clasp.json.example']);
    const ignored = execFileSync('git', ['check-ignore', '.clasp.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(ignored.trim()).toBe('.clasp.json');
  });
});
