/**
 * The vm context the bundle runs in, and the helpers that make values in it.
 *
 * Values the emulator hands to the bundle must belong to the context's realm:
 * a Node Date is not `instanceof Date` inside the context, nor a Node Error
 * `instanceof Error`. A small prelude runs inside each context and returns
 * factories (dates, 2-D arrays, deep copies, errors) that the services use.
 *
 * The prelude also replaces the context's Date so that
 *  - `new Date()` / `Date.now()` follow the emulator's fake clock, and
 *  - local-time behaviour (`getHours`, `new Date(2026, 0, 1)`, `toString`,
 *    default Intl time zone) uses the *script* time zone, as in Apps Script,
 *    never the machine's.
 */
import * as vm from 'vm';
import { tzOffset, zonedToUtc } from './tz';

export interface Realm {
  readonly context: vm.Context;
  /** The context's global object. */
  readonly global: Record<string, unknown>;
  /** A Date of the context realm. */
  date(ms: number): Date;
  /** A context-realm copy of 2-D cell rows (Node Dates become context Dates). */
  rows(rows: ReadonlyArray<ReadonlyArray<unknown>>): unknown[][];
  /** Context-realm copy of a rectangle of stored rows (0-based origin); '' for holes. */
  block(
    rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>,
    r0: number,
    c0: number,
    nr: number,
    nc: number,
  ): unknown[][];
  /** Deep copy of plain data (arrays, plain objects, Dates) into the context realm; other objects pass through. */
  toCtx<T>(v: T): T;
  /** A context-realm array with these elements (not copied deeply). */
  array<T>(items: readonly T[]): T[];
  /** A context-realm Error with this name and message, plus extra properties. */
  error(message: string, name?: string, props?: Record<string, unknown>): Error;
  /** Evaluate source in the context. */
  run(code: string | vm.Script, filename?: string): unknown;
}

export interface RealmHost {
  now(): number;
  scriptTimeZone(): string;
}

const PRELUDE = String.raw`(function (host) {
  'use strict';
  var RealDate = Date;
  var proto = RealDate.prototype;
  var getTime = proto.getTime;
  var setTime = proto.setTime;
  var orig = {};
  ['getFullYear', 'getMonth', 'getDate', 'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds',
   'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (n) { orig[n] = proto[n]; });
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function off(t) { return host.offset(t); }
  // A Date whose UTC fields are the script-zone wall clock of d.
  function wall(d) {
    var t = getTime.call(d);
    if (t !== t) return null;
    return new RealDate(t + off(t));
  }
  function fromWall(w) {
    return host.toUtc(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(),
      w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
  }
  function timeClip(t) {
    if (!isFinite(t) || Math.abs(t) > 8.64e15) return NaN;
    return Math.trunc(t) + 0;
  }
  function getter(utcName) {
    return function () {
      var w = wall(this);
      return w === null ? NaN : w[utcName]();
    };
  }
  function setter(utcName, fromEpochIfNaN) {
    return function () {
      var t = getTime.call(this);
      var w;
      if (t !== t) {
        if (!fromEpochIfNaN) return NaN;
        w = new RealDate(0);
      } else {
        w = new RealDate(t + off(t));
      }
      w[utcName].apply(w, arguments);
      var wt = getTime.call(w);
      return setTime.call(this, wt !== wt ? NaN : timeClip(fromWall(w)));
    };
  }
  var fields = { FullYear: 1, Month: 1, Date: 1, Hours: 1, Minutes: 1, Seconds: 1, Milliseconds: 1 };
  Object.keys(fields).forEach(function (f) {
    Object.defineProperty(proto, 'get' + f, { value: getter('getUTC' + f), writable: true, configurable: true });
    Object.defineProperty(proto, 'set' + f, { value: setter('setUTC' + f, f === 'FullYear'), writable: true, configurable: true });
  });
  Object.defineProperty(proto, 'getDay', { value: getter('getUTCDay'), writable: true, configurable: true });
  Object.defineProperty(proto, 'getTimezoneOffset', { value: function () {
    var t = getTime.call(this);
    return t !== t ? NaN : -off(t) / 60000;
  }, writable: true, configurable: true });
  if (proto.getYear) {
    Object.defineProperty(proto, 'getYear', { value: function () { return this.getFullYear() - 1900; }, writable: true, configurable: true });
  }
  function p2(n) { return (n < 10 ? '0' : '') + n; }
  function gmt(t) {
    var o = off(t) / 60000, s = o < 0 ? '-' : '+';
    o = Math.abs(o);
    return 'GMT' + s + p2(Math.floor(o / 60)) + p2(o % 60);
  }
  function dateText(w) {
    var y = w.getUTCFullYear();
    var ys = y < 0 ? '-' + String(-y).padStart(6, '0') : String(y).padStart(4, '0');
    return DAYS[w.getUTCDay()] + ' ' + MONTHS[w.getUTCMonth()] + ' ' + p2(w.getUTCDate()) + ' ' + ys;
  }
  function timeText(w, t) {
    return p2(w.getUTCHours()) + ':' + p2(w.getUTCMinutes()) + ':' + p2(w.getUTCSeconds()) + ' ' + gmt(t) +
      ' (' + host.zoneName(t) + ')';
  }
  Object.defineProperty(proto, 'toString', { value: function () {
    var w = wall(this);
    return w === null ? 'Invalid Date' : dateText(w) + ' ' + timeText(w, getTime.call(this));
  }, writable: true, configurable: true });
  Object.defineProperty(proto, 'toDateString', { value: function () {
    var w = wall(this);
    return w === null ? 'Invalid Date' : dateText(w);
  }, writable: true, configurable: true });
  Object.defineProperty(proto, 'toTimeString', { value: function () {
    var w = wall(this);
    return w === null ? 'Invalid Date' : timeText(w, getTime.call(this));
  }, writable: true, configurable: true });
  function withZone(options) {
    var o = options == null ? {} : Object(options);
    if (o.timeZone !== undefined) return o;
    var c = Object.assign({}, o);
    c.timeZone = host.tz();
    return c;
  }
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (n) {
    Object.defineProperty(proto, n, { value: function (locales, options) {
      return orig[n].call(this, locales, withZone(options));
    }, writable: true, configurable: true });
  });

  // Strings without an explicit zone are local time (ES spec), i.e. script-zone here.
  var ABSOLUTE = /(Z|[+-]\d\d:?\d\d|\bGMT|\bUTC|\b[ECMP][SD]T)\s*(\([^)]*\))?\s*$/i;
  var DATE_ONLY = /^\s*[+-]?\d{4,6}(-\d\d(-\d\d)?)?\s*$/;
  function parseText(s) {
    s = String(s);
    var t = RealDate.parse(s);
    if (t !== t || DATE_ONLY.test(s) || ABSOLUTE.test(s)) return t;
    var h = new RealDate(t);
    return host.toUtc(orig.getFullYear.call(h), orig.getMonth.call(h), orig.getDate.call(h),
      orig.getHours.call(h), orig.getMinutes.call(h), orig.getSeconds.call(h), orig.getMilliseconds.call(h));
  }
  function isDate(v) { return Object.prototype.toString.call(v) === '[object Date]'; }

  function ZonedDate(a0, a1, a2, a3, a4, a5, a6) {
    var n = arguments.length, t;
    if (!new.target) return new RealDate(host.now()).toString();
    if (n === 0) {
      t = host.now();
    } else if (n === 1) {
      if (typeof a0 === 'object' && a0 !== null && isDate(a0)) {
        t = getTime.call(a0);
      } else {
        var p = (typeof a0 === 'object' && a0 !== null) || typeof a0 === 'function' ? toPrimitive(a0) : a0;
        t = typeof p === 'string' ? parseText(p) : Number(p);
      }
    } else {
      var y = Number(a0), mo = Number(a1), d = n > 2 ? Number(a2) : 1, h = n > 3 ? Number(a3) : 0,
        mi = n > 4 ? Number(a4) : 0, s = n > 5 ? Number(a5) : 0, ms = n > 6 ? Number(a6) : 0;
      if (!isFinite(y) || !isFinite(mo) || !isFinite(d) || !isFinite(h) || !isFinite(mi) || !isFinite(s) || !isFinite(ms)) {
        t = NaN;
      } else {
        y = Math.trunc(y);
        if (y >= 0 && y <= 99) y += 1900;
        t = host.toUtc(y, Math.trunc(mo), Math.trunc(d), Math.trunc(h), Math.trunc(mi), Math.trunc(s), Math.trunc(ms));
      }
    }
    return Reflect.construct(RealDate, [timeClip(t)], new.target);
  }
  function toPrimitive(v) {
    var f = v[Symbol.toPrimitive];
    if (typeof f === 'function') return f.call(v, 'default');
    var r = v.valueOf();
    if (r === null || (typeof r !== 'object' && typeof r !== 'function')) return r;
    return v.toString();
  }
  Object.defineProperty(ZonedDate, 'length', { value: 7 });
  Object.defineProperty(ZonedDate, 'name', { value: 'Date' });
  ZonedDate.prototype = proto;
  ZonedDate.now = function now() { return host.now(); };
  ZonedDate.parse = function parse(s) { return timeClip(parseText(s)); };
  ZonedDate.UTC = RealDate.UTC;
  Object.defineProperty(proto, 'constructor', { value: ZonedDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: ZonedDate, writable: true, configurable: true });

  var RealDTF = Intl.DateTimeFormat;
  function DateTimeFormat(locales, options) {
    var o = withZone(options);
    return new.target ? Reflect.construct(RealDTF, [locales, o], new.target) : RealDTF(locales, o);
  }
  DateTimeFormat.prototype = RealDTF.prototype;
  DateTimeFormat.supportedLocalesOf = RealDTF.supportedLocalesOf;
  Object.defineProperty(RealDTF.prototype, 'constructor', { value: DateTimeFormat, writable: true, configurable: true });
  Object.defineProperty(Intl, 'DateTimeFormat', { value: DateTimeFormat, writable: true, configurable: true });

  var hasOwn = Object.prototype.hasOwnProperty;
  function copy(v, hostObjectProto) {
    if (v === null || typeof v !== 'object') return v;
    if (isDate(v)) return new RealDate(getTime.call(v));
    if (Array.isArray(v)) {
      var a = new Array(v.length);
      for (var i = 0; i < v.length; i++) a[i] = copy(v[i], hostObjectProto);
      return a;
    }
    var p = Object.getPrototypeOf(v);
    if (p !== hostObjectProto && p !== Object.prototype && p !== null) return v;
    var o = {};
    for (var k in v) if (hasOwn.call(v, k)) o[k] = copy(v[k], hostObjectProto);
    return o;
  }
  return {
    date: function (ms) { return new RealDate(ms); },
    rows: function (rows) {
      var n = rows.length, out = new Array(n);
      for (var i = 0; i < n; i++) {
        var r = rows[i], m = r.length, o = new Array(m);
        for (var j = 0; j < m; j++) {
          var v = r[j];
          o[j] = typeof v === 'object' && v !== null ? new RealDate(getTime.call(v)) : v;
        }
        out[i] = o;
      }
      return out;
    },
    // A rectangle of stored rows (holes and missing rows read as ''), Node Dates become context Dates.
    block: function (rows, r0, c0, nr, nc) {
      var out = new Array(nr);
      for (var i = 0; i < nr; i++) {
        var r = rows[r0 + i], o = new Array(nc);
        if (r === undefined) {
          for (var j = 0; j < nc; j++) o[j] = '';
        } else {
          for (var j = 0; j < nc; j++) {
            var v = r[c0 + j];
            o[j] = v === undefined ? '' : typeof v === 'object' && v !== null ? new RealDate(getTime.call(v)) : v;
          }
        }
        out[i] = o;
      }
      return out;
    },
    copy: copy,
    array: function (items) { return Array.prototype.slice.call(items); },
    error: function (message, name, props) {
      var e = new Error(message);
      if (name && name !== 'Error') {
        Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false });
      }
      if (props) for (var k in props) e[k] = copy(props[k], host.objectProto);
      return e;
    }
  };
})`;

let preludeScript: vm.Script | undefined;
let aliasScript: vm.Script | undefined;

const BUILTINS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'parseFloat',
  'parseInt',
  'Boolean',
  'String',
  'Symbol',
  'Date',
  'Promise',
  'RegExp',
  'Error',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'JSON',
  'Math',
  'Intl',
  'ArrayBuffer',
  'Uint8Array',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'Uint8ClampedArray',
  'DataView',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Proxy',
  'Reflect',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'unescape',
  'isFinite',
  'isNaN',
];

/** Create a fresh context with the Date/Intl prelude applied, and its factories. */
export function createRealm(host: RealmHost): Realm {
  const context = vm.createContext({}, { name: 'Apps Script (emulated)' });
  preludeScript ??= new vm.Script(PRELUDE, { filename: 'emulator-prelude.js' });
  const factory = preludeScript.runInContext(context) as (h: unknown) => {
    date(ms: number): Date;
    rows(rows: ReadonlyArray<ReadonlyArray<unknown>>): unknown[][];
    block(
      rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>,
      r0: number,
      c0: number,
      nr: number,
      nc: number,
    ): unknown[][];
    copy(v: unknown, hostProto: object): unknown;
    array<T>(items: readonly T[]): T[];
    error(message: string, name?: string, props?: Record<string, unknown>): Error;
  };
  const zoneNames = new Map<string, Intl.DateTimeFormat>();
  const helpers = factory({
    objectProto: Object.prototype,
    now: () => host.now(),
    tz: () => host.scriptTimeZone(),
    offset: (t: number) => tzOffset(host.scriptTimeZone(), t),
    toUtc: (y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) =>
      zonedToUtc(host.scriptTimeZone(), y, mo, d, h, mi, s, ms),
    zoneName: (t: number) => {
      const tz = host.scriptTimeZone();
      let f = zoneNames.get(tz);
      if (!f) {
        f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long' });
        zoneNames.set(tz, f);
      }
      return f.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? tz;
    },
  });
  const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
  // Global lookups in a vm context go through interceptors and are very slow
  // (30-250x). Script-scope `let` bindings are resolved before the global
  // object, so aliasing the built-ins keeps the bundle's hot loops fast.
  aliasScript ??= new vm.Script(BUILTINS.map((n) => `let ${n} = globalThis.${n};`).join('\n'), {
    filename: 'emulator-aliases.js',
  });
  aliasScript.runInContext(context);
  const nodeObjectProto = Object.prototype;
  return {
    context,
    global,
    date: (ms) => helpers.date(ms),
    rows: (rows) => helpers.rows(rows),
    block: (rows, r0, c0, nr, nc) => helpers.block(rows, r0, c0, nr, nc),
    toCtx: <T>(v: T) => helpers.copy(v, nodeObjectProto) as T,
    array: (items) => helpers.array(items),
    error: (message, name = 'Exception', props) => helpers.error(message, name, props),
    run: (code, filename) =>
      typeof code === 'string' ? vm.runInContext(code, context, { filename }) : code.runInContext(context),
  };
}

/** Cross-realm Date test. */
export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
