/**
 * npm run preview: the sidebar in a browser at http://127.0.0.1:PORT, talking
 * to the built bundle (dist/Code.js) running in the local Apps Script
 * emulator with the sample workbook.
 *
 * The page is dist/sidebar.html exactly as Apps Script would serve it, with
 * one script injected right before the sidebar's own: a stand-in for
 * `google.script.run` that POSTs {name, args} to /rpc. Like the real one it
 * refuses private functions (ending in `_`) and Dates in arguments, and the
 * server refuses results that google.script.run could not carry (a Date
 * anywhere makes the real call fail silently), naming the path of the value.
 *
 * Tests start it in-process with startPreviewServer({ port: 0, emulator }).
 * `backend` (a plain object of functions) replaces the emulator for quick UI
 * work before the server functions exist; it is never used by the tests that
 * prove the product works.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';

const ROOT = path.resolve(__dirname, '../..');

/** The part of tools/emulator's Emulator the preview uses. */
export interface EmulatorLike {
  load(code: string, fileName?: string): unknown;
  invoke(fn: string, ...args: unknown[]): unknown;
  invokeAs?(ctx: Partial<Selection>, fn: string, ...args: unknown[]): unknown;
  setSheet(name: string, rows: unknown[][]): unknown;
  sheetValues(name: string): unknown[][];
}

export interface Selection {
  activeSheet: string;
  activeRange: string;
}

export type Backend = Record<string, (arg: unknown) => unknown>;

export interface PreviewOptions {
  /** 0 picks a free port. Default: PORT from the environment, else 8787. */
  port?: number;
  /** An emulator with the bundle and a workbook already loaded. Default: a new one with dist/Code.js and the sample workbook. */
  emulator?: EmulatorLike;
  /** A fake server (UI work only). Takes the place of the emulator. */
  backend?: Backend;
  /** The page to serve. Default dist/sidebar.html (read on every request, so a rebuild shows on reload). */
  htmlFile?: string;
  /** The bundle loaded into a new emulator. Default dist/Code.js. */
  codeFile?: string;
  /** The user's selection in the sheet when the sidebar opens (e.g. activeRange 'A2:A4' or 'A2,A5'). Default Customers!A2. */
  selection?: Selection;
  /** Options for a new emulator (ignored when `emulator` is given). */
  emulatorOptions?: { timeZone?: string; locale?: string; now?: Date | string; userEmail?: string };
  /** Extra latency per call in ms (a number, or by function name), to see loading states and test double submits. */
  delayMs?: number | ((name: string) => number);
  /** One line per call (default: none). */
  log?: (line: string) => void;
}

export interface RpcRecord {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface PreviewServer {
  url: string;
  port: number;
  emulator?: EmulatorLike;
  /** Every /rpc call so far, in the order they finished. */
  calls: RpcRecord[];
  close(): Promise<void>;
}

/**
 * The google.script.run stand-in. Plain ES5 so it runs before anything else;
 * window.__retainRpc lets tests see how many calls were in flight at once.
 */
export const RUN_STANDIN = `<script>
(function () {
  var stats = window.__retainRpc = { inFlight: 0, maxInFlight: 0, calls: [] };
  function firstBad(v, where, seen) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
    if (typeof v === 'number') return null;
    if (typeof v === 'undefined') return null;
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return where + ' is a ' + typeof v;
    if (Object.prototype.toString.call(v) === '[object Date]') return where + ' is a Date';
    if (seen.indexOf(v) >= 0) return where + ' is circular';
    var bad = null;
    seen.push(v);
    if (Array.isArray(v)) {
      for (var i = 0; i < v.length && !bad; i++) bad = firstBad(v[i], where + '[' + i + ']', seen);
    } else {
      var proto = Object.getPrototypeOf(v);
      if (proto !== null && proto !== Object.prototype) bad = where + ' is not a plain object';
      for (var k in v) { if (!bad && Object.prototype.hasOwnProperty.call(v, k)) bad = firstBad(v[k], where + '.' + k, seen); }
    }
    seen.pop();
    return bad;
  }
  function runner(onOk, onFail) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, onFail); };
        if (name === 'withFailureHandler') return function (f) { return runner(onOk, f); };
        if (name === 'withUserObject') return function () { return runner(onOk, onFail); };
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (msg) { setTimeout(function () { if (onFail) onFail(new Error(msg)); else console.error(msg); }, 0); };
          var bad = firstBad(args, 'argument', []);
          if (bad) return fail('google.script.run cannot pass this value: ' + bad);
          stats.inFlight++;
          stats.calls.push(name);
          if (stats.inFlight > stats.maxInFlight) stats.maxInFlight = stats.inFlight;
          if (stats.inFlight > 10) console.error('google.script.run: more than 10 calls in flight');
          fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              stats.inFlight--;
              if (res.ok) { if (onOk) onOk(res.value); }
              else if (onFail) onFail(new Error(res.error));
              else console.error(res.error);
            }, function (err) {
              stats.inFlight--;
              if (onFail) onFail(new Error('The preview server did not answer: ' + (err && err.message)));
            });
        };
      }
    });
  }
  window.google = { script: {
    run: runner(null, null),
    host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } }
  } };
})();
</script>
`;

/** Inserts the stand-in right before the page's first script; the rest of the file is unchanged. */
export function injectStandin(html: string): string {
  const at = html.search(/<script[\s>]/i);
  if (at < 0) throw new Error('the sidebar page has no <script>: was it built? (node tools/build/build.js)');
  return html.slice(0, at) + RUN_STANDIN + html.slice(at);
}

/**
 * Why google.script.run could not carry `v`, or null if it can: only
 * strings, numbers, booleans, null and plain objects/arrays of them. Works on
 * values from the emulator's own realm (no instanceof).
 */
export function notPlainData(v: unknown, where = 'result'): string | null {
  // Ancestors only: the same object reached twice (selected and customers) is fine; a cycle is not.
  const stack = new Set<unknown>();
  const walk = (x: unknown, at: string): string | null => {
    if (x === null || x === undefined || typeof x === 'string' || typeof x === 'boolean') return null;
    if (typeof x === 'number') return null;
    if (typeof x !== 'object') return `${at} is a ${typeof x}`;
    if (Object.prototype.toString.call(x) === '[object Date]') return `${at} is a Date (send an ISO string)`;
    if (stack.has(x)) return `${at} is circular`;
    const inner = (): string | null => {
      if (Array.isArray(x)) {
        for (let i = 0; i < x.length; i++) {
          const r = walk(x[i], `${at}[${i}]`);
          if (r) return r;
        }
        return null;
      }
      const proto = Object.getPrototypeOf(x);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) return `${at} is not a plain object`;
      for (const k of Object.keys(x as object)) {
        const r = walk((x as Record<string, unknown>)[k], `${at}.${k}`);
        if (r) return r;
      }
      return null;
    };
    stack.add(x);
    const r = inner();
    stack.delete(x);
    return r;
  };
  return walk(v, where);
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
    return (e as { message: string }).message;
  return String(e);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A tiny workbook for when the sample (tools/sample/load.ts, samples/) is not there. */
export function loadTinyWorkbook(emu: EmulatorLike): void {
  // Dates typed as a user types them: the emulator turns '2026-10-20' into a date cell, as Sheets does.
  emu.setSheet('Customers', [
    [
      'Customer ID',
      'Name',
      'Company',
      'Email',
      'Phone',
      'Address',
      'Language',
      'Revenue',
      'Last purchase',
      'Customer since',
      'Last contact',
      'Status',
    ],
    [
      'C0001',
      'Alice Wong',
      'Harbour Foods',
      'alice@harbour.example',
      '555-0101',
      '1 Quay St',
      'en',
      52000,
      '2026-10-20',
      '2021-03-01',
      '2026-10-01',
      'Active',
    ],
    [
      'C0002',
      '王芳',
      '晨光贸易',
      'wangfang@chenguang.example',
      '138-0000-0002',
      '上海市浦东新区',
      'zh',
      18000,
      '2026-09-02',
      '2022-05-10',
      '2026-08-15',
      '',
    ],
    [
      'C0003',
      'Bob Smith',
      'Smith & Sons',
      'bob@smith.example',
      '555-0103',
      '7 Mill Rd',
      'en',
      4200,
      '2026-06-11',
      '2023-01-20',
      '',
      'Active',
    ],
    [
      'C0004',
      'Carla Diaz',
      'Diaz Design',
      'carla@diaz.example',
      '',
      '',
      'en',
      900,
      '2026-02-01',
      '2024-02-01',
      '2026-03-01',
      'Prospect',
    ],
    [
      'C0005',
      '李雷',
      '雷霆科技',
      'lilei@leiting.example',
      '',
      '北京市海淀区',
      'zh',
      27000,
      '2026-11-10',
      '2020-07-07',
      '',
      '',
    ],
  ]);
  emu.setSheet('Contact log', [
    [
      'Logged at',
      'Customer ID',
      'Customer',
      'Date',
      'Type',
      'By',
      'Outcome',
      'Notes',
      'Next step',
      'Next step date',
      'Complaint size',
      'Resolved on',
    ],
    [
      '2026-10-01',
      'C0001',
      'Alice Wong',
      '2026-10-01',
      'Call',
      'rep@example.com',
      'Happy with the order',
      '',
      'Send catalogue',
      '2026-10-15',
      '',
      '',
    ],
  ]);
}

interface EmulatorModule {
  Emulator: new (o: {
    timeZone: string;
    locale: string;
    now: Date | string;
    userEmail: string;
    htmlDir?: string;
  }) => EmulatorLike;
}

/** A new emulator with the bundle and the sample workbook (or the tiny one). */
export function createDefaultEmulator(opts: PreviewOptions = {}): EmulatorLike {
  // Loaded at run time so this file does not depend on the emulator's internals to compile.

  const mod = require(path.join(ROOT, 'tools/emulator')) as EmulatorModule;
  const eo = opts.emulatorOptions || {};
  const codeFile = opts.codeFile || path.join(ROOT, 'dist/Code.js');
  if (!fs.existsSync(codeFile))
    throw new Error(`${path.relative(ROOT, codeFile)} is missing: run node tools/build/build.js first`);
  const emu = new mod.Emulator({
    timeZone: eo.timeZone || 'Asia/Shanghai',
    locale: eo.locale || 'en',
    now: eo.now || new Date(),
    userEmail: eo.userEmail || 'rep@example.com',
    htmlDir: path.dirname(codeFile),
  });
  // The sample workbook when it is there, else a tiny one: the preview always has something to show.
  let sample: { loadSampleInto?: (e: EmulatorLike) => unknown } | null = null;
  try {
    sample = require(path.join(ROOT, 'tools/sample/load'));
  } catch (e) {
    if (!/Cannot find module/.test(errorText(e))) throw e;
  }
  let loaded = false;
  if (sample && typeof sample.loadSampleInto === 'function') {
    try {
      sample.loadSampleInto(emu);
      loaded = true;
    } catch (e) {
      if (opts.log) opts.log(`sample workbook not loaded (${errorText(e)}): using a tiny one`);
    }
  }
  if (!loaded) loadTinyWorkbook(emu);
  emu.load(fs.readFileSync(codeFile, 'utf8'), 'Code.js');
  return emu;
}

export async function startPreviewServer(opts: PreviewOptions = {}): Promise<PreviewServer> {
  const htmlFile = opts.htmlFile || path.join(ROOT, 'dist/sidebar.html');
  const backend = opts.backend;
  const emulator = backend ? undefined : opts.emulator || createDefaultEmulator(opts);
  const log = opts.log || ((): void => undefined);
  const calls: RpcRecord[] = [];
  // The user's selection is set once, before the first call; after that the emulator keeps it, and
  // selectCustomerRow moves it as it would in Sheets.
  let pendingSelection: Selection | null = { ...(opts.selection || { activeSheet: 'Customers', activeRange: 'A2' }) };

  async function invoke(name: string, args: unknown[]): Promise<unknown> {
    if (backend) {
      const fn = backend[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return await fn(args[0]);
    }
    const emu = emulator as EmulatorLike;
    const sel = pendingSelection;
    pendingSelection = null;
    const value = emu.invokeAs ? emu.invokeAs(sel || {}, name, ...args) : emu.invoke(name, ...args);
    return await Promise.resolve(value);
  }

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    let name = '?';
    let reply: { ok: true; value: unknown } | { ok: false; error: string };
    try {
      const body = JSON.parse(await readBody(req, 5 * 1024 * 1024)) as { name?: unknown; args?: unknown };
      if (typeof body.name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(body.name)) throw new Error('bad function name');
      name = body.name;
      if (name.endsWith('_')) throw new Error(`Script function not found: ${name} (functions ending in _ are private)`);
      const args = Array.isArray(body.args) ? body.args : [];
      const delay = typeof opts.delayMs === 'function' ? opts.delayMs(name) : opts.delayMs || 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const value = await invoke(name, args);
      // Real google.script.run hands the page null here, silently; the preview says why, loudly.
      const bad = notPlainData(value, `the result of ${name}`);
      if (bad) throw new Error(`google.script.run cannot return this (the sidebar would get null): ${bad}`);
      reply = { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
    } catch (e) {
      reply = { ok: false, error: errorText(e) };
    }
    const rec: RpcRecord = { name, ok: reply.ok, ms: Date.now() - started };
    if (!reply.ok) rec.error = reply.error;
    calls.push(rec);
    log(`${reply.ok ? 'ok  ' : 'FAIL'} ${name} ${rec.ms} ms${reply.ok ? '' : ': ' + reply.error}`);
    const out = JSON.stringify(reply);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(out);
  }

  const server = http.createServer((req, res) => {
    const url = (req.url || '/').split('?')[0];
    if (req.method === 'POST' && url === '/rpc') {
      void handleRpc(req, res);
      return;
    }
    if (req.method === 'GET' && (url === '/' || url === '/sidebar.html')) {
      let html: string;
      try {
        html = injectStandin(fs.readFileSync(htmlFile, 'utf8'));
      } catch (e) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Cannot serve ${htmlFile}: ${errorText(e)}\nBuild first: node tools/build/build.js`);
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // Proves the page needs nothing from outside: any outside load is blocked and reported.
        'Content-Security-Policy':
          "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
      });
      res.end(html);
      return;
    }
    if (url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
  });

  const port = opts.port !== undefined ? opts.port : Number(process.env.PORT) || 8787;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    emulator,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const fake = argv.includes('--fake');
  let backend: Backend | undefined;
  if (fake) {
    backend = (
      require('./fake-backend') as { createFakeBackend: (o?: { customers?: number }) => Backend }
    ).createFakeBackend({
      customers: Number(process.env.FAKE_CUSTOMERS) || 60,
    });
  }
  const server = await startPreviewServer({
    backend,
    // PREVIEW_LOCALE=zh-CN shows the Chinese sidebar; PREVIEW_TODAY=2026-11-16 fixes the date.
    emulatorOptions: {
      locale: process.env.PREVIEW_LOCALE || undefined,
      timeZone: process.env.PREVIEW_TZ || undefined,
      now: process.env.PREVIEW_TODAY ? new Date(`${process.env.PREVIEW_TODAY}T02:00:00Z`) : undefined,
    },
    delayMs: Number(process.env.PREVIEW_DELAY_MS) || 0,
    log: (line) => console.log(line),
  });
  console.log(`Retain sidebar preview${fake ? ' (fake server)' : ''}: ${server.url}`);
  console.log('Ctrl+C stops it.');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(errorText(e));
    process.exit(1);
  });
}
