/**
 * The shared state of one emulator: the current execution, the clock, the call
 * counter, faults, and the realm of the vm context the bundle runs in.
 *
 * Every public method of every fake service goes through `Env.call` (see
 * `instrument`), which models what Apps Script does around a service call:
 * authorization by auth mode, the 6-minute execution limit, latency on the
 * fake clock, counting, and injected faults.
 */
import type { CallInfo, Clock, CallLog, FaultDecision, Faults, FaultKind, ServiceName } from './calls';
import { FAULT_CATALOG, faultText, type FaultContext, type FaultKey } from './faultCatalog';
import type { Realm } from './realm';

export type AuthMode = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

/**
 * What a method needs. Modelled on the "Authorization modes" table of the
 * add-on docs and the custom-function guide:
 * NONE: menus and locale only; LIMITED (simple triggers): the bound file,
 * properties, no Gmail/Calendar/triggers/sidebars; CUSTOM_FUNCTION: read-only
 * spreadsheet, properties, cache, lock, utilities.
 */
export type Cap =
  | 'free'
  | 'ui'
  | 'sidebar'
  | 'read'
  | 'write'
  | 'open'
  | 'props.read'
  | 'props.write'
  | 'lock'
  | 'cache'
  | 'trigger'
  | 'gmail'
  | 'calendar'
  | 'user'
  | 'script'
  | 'html';

const ALLOWED: Record<Cap, AuthMode[]> = {
  free: ['NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  ui: ['NONE', 'LIMITED', 'FULL'],
  html: ['NONE', 'LIMITED', 'FULL'],
  sidebar: ['FULL'],
  read: ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  write: ['LIMITED', 'FULL'],
  open: ['FULL'],
  'props.read': ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  'props.write': ['LIMITED', 'FULL'],
  lock: ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  cache: ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  trigger: ['FULL'],
  gmail: ['FULL'],
  calendar: ['FULL'],
  user: ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  script: ['LIMITED', 'FULL'],
};

const SCOPE: Partial<Record<Cap, string>> = {
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  sidebar: 'https://www.googleapis.com/auth/script.container.ui',
  read: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  write: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  open: 'https://www.googleapis.com/auth/spreadsheets',
  'props.read': 'https://www.googleapis.com/auth/script.storage',
  'props.write': 'https://www.googleapis.com/auth/script.storage',
  trigger: 'https://www.googleapis.com/auth/script.scriptapp',
  gmail: 'https://www.googleapis.com/auth/gmail.compose',
  calendar: 'https://www.googleapis.com/auth/calendar.events',
  user: 'https://www.googleapis.com/auth/userinfo.email',
};

const G = 'https://www.googleapis.com/auth/';
/** Scopes any one of which allows the capability (from the reference pages' "Authorization" sections). */
const ACCEPTED: Partial<Record<Cap, string[]>> = {
  read: [`${G}spreadsheets.currentonly`, `${G}spreadsheets`],
  write: [`${G}spreadsheets.currentonly`, `${G}spreadsheets`],
  open: [`${G}spreadsheets`],
  ui: [`${G}script.container.ui`],
  sidebar: [`${G}script.container.ui`],
  trigger: [`${G}script.scriptapp`],
  gmail: [
    `${G}gmail.compose`,
    `${G}gmail.modify`,
    'https://mail.google.com/',
    `${G}gmail.addons.current.action.compose`,
  ],
  calendar: [`${G}calendar`, `${G}calendar.events`, `${G}calendar.events.owned`],
  user: [`${G}userinfo.email`],
};

/** The capitalised service names of the quotas page's messages ("Service invoked too many times: Calendar."). */
const TITLE: Record<ServiceName, string> = {
  SpreadsheetApp: 'Spreadsheets',
  PropertiesService: 'Properties',
  LockService: 'Lock',
  ScriptApp: 'Script',
  Session: 'Session',
  Utilities: 'Utilities',
  HtmlService: 'Html',
  Gmail: 'Gmail',
  Calendar: 'Calendar',
  CacheService: 'Cache',
};

/** 'Events.remove' of Calendar -> 'calendar.events.delete': the API method name Apps Script's errors show. */
export function apiName(service: ServiceName, method: string): string {
  const m = method.replace(/\.remove$/, '.delete').toLowerCase();
  return `${SHORT[service]}.${m}`;
}

const SHORT: Record<ServiceName, string> = {
  SpreadsheetApp: 'spreadsheets',
  PropertiesService: 'properties',
  LockService: 'lock',
  ScriptApp: 'script',
  Session: 'session',
  Utilities: 'utilities',
  HtmlService: 'html',
  Gmail: 'gmail',
  Calendar: 'calendar',
  CacheService: 'cache',
};

export interface Execution {
  /** 1-based execution number; 0 for "no execution" (test helpers). */
  id: number;
  /** Inside an execution: permissions, the time limit and faults apply. */
  active: boolean;
  /** Calls are counted (false for custom-function recalculation and helpers). */
  counted: boolean;
  start: number;
  limitMs: number;
  authMode: AuthMode;
  user: string;
  trigger: boolean;
  killed: boolean;
  customFunction: boolean;
  /** Runs beside another execution (its clock is put back afterwards; its locks stay held until its end time). */
  parallel?: boolean;
  /** A web app request (doGet): outside the context of the document (getDocumentLock() is null). */
  webApp?: boolean;
}

export const NO_EXECUTION: Execution = Object.freeze({
  id: 0,
  active: false,
  counted: false,
  start: 0,
  limitMs: Infinity,
  authMode: 'FULL' as AuthMode,
  user: '',
  trigger: false,
  killed: false,
  customFunction: false,
}) as Execution;

/** Apps Script's limit for one execution (docs/platform.md, "Limits and errors": 6 minutes). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** And for one custom-function call. */
export const CUSTOM_FUNCTION_LIMIT_MS = 30 * 1000;

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug' | 'Logger';
  text: string;
  execution: number;
  at: number;
}

export interface EnvConfig {
  scriptTimeZone: string;
  locale: string;
  defaultUser: string;
  latencyMs: Partial<Record<ServiceName, number>>;
  quiet: boolean;
  htmlDir: string;
  projectName: string;
  seed: number;
  /** The account's language for Apps Script's own error messages (faultCatalog.ts), default 'en'. */
  errorLanguage: string;
  /** The bound spreadsheet's id (for "accessing document with id" messages). */
  documentId: string;
  /** The message for one property value over 9 KB (properties.ts). */
  propertyValueTooLarge: 'quota' | 'argument';
  /**
   * OAuth scopes the script has (appsscript.json oauthScopes). When set, a
   * call needing a scope that is not granted throws like Apps Script does;
   * undefined means everything is granted.
   */
  scopes?: string[];
}

export class Env {
  exec: Execution = NO_EXECUTION;
  depth = 0;
  logs: LogLine[] = [];
  realm!: Realm;
  private rng: number;

  constructor(
    readonly config: EnvConfig,
    readonly clock: Clock,
    readonly calls: CallLog,
    readonly faults: Faults,
  ) {
    this.rng = config.seed >>> 0 || 1;
  }

  /** The user the current execution runs as (the default user outside executions). */
  get user(): string {
    return this.exec.user || this.config.defaultUser;
  }

  /**
   * Run one service method as Apps Script would. Nested calls (a service
   * method implemented with another) are not counted or checked again.
   */
  call<T>(service: ServiceName, method: string, args: ArrayLike<unknown>, cap: Cap, fn: () => T): T {
    const ex = this.exec;
    if (this.depth > 0 || !ex.active) return this.nested(fn);
    if (ex.killed) throw this.timeLimitError();
    if (this.clock.ms() - ex.start > ex.limitMs) throw this.kill(ex);
    if (!ALLOWED[cap].includes(ex.authMode)) throw this.permissionError(service, method, cap);
    const scopes = this.config.scopes;
    if (scopes) {
      const accepted = ACCEPTED[cap];
      if (accepted && !accepted.some((s) => scopes.includes(s)))
        throw this.permissionError(service, method, cap, accepted.join(', '));
    }
    if (!ex.counted) return this.nested(fn);

    const seq = this.calls.record(service, method, ex.id);
    const lat = this.config.latencyMs[service];
    if (lat) this.clock.advance(lat);
    const info: CallInfo = {
      service,
      method,
      seq,
      args: Array.prototype.slice.call(args),
      execution: ex.id,
      at: this.clock.ms(),
    };
    // The 6-minute limit passed while this call was on its way: the platform kills the execution mid-call.
    if (this.clock.ms() - ex.start > ex.limitMs) {
      this.runHooks(info);
      throw this.kill(ex);
    }
    const decision = this.faults.decide(info);
    if (decision && decision.when === 'before') {
      this.runHooks(info);
      throw this.decisionError(ex, service, method, decision);
    }
    let ok = false;
    try {
      const r = this.nested(fn);
      ok = true;
      return r;
    } finally {
      this.runHooks(info);
      // Thrown from finally only after a successful effect: the response was lost, or the limit passed during it.
      /* eslint-disable no-unsafe-finally */
      if (ok && decision) throw this.decisionError(ex, service, method, decision);
      if (ok && this.clock.ms() - ex.start > ex.limitMs) throw this.kill(ex);
      /* eslint-enable no-unsafe-finally */
    }
  }

  /**
   * The 6-minute kill: the execution is dead from here on. Apps Script halts
   * the script, so nothing the bundle does afterwards has an effect (every
   * later call throws, its console output is dropped) and invoke() ends with
   * this error whatever the bundle's catch or finally returned.
   */
  kill(ex: Execution): Error {
    ex.killed = true;
    this.clock.set(Math.max(this.clock.ms(), ex.start + ex.limitMs + 1));
    return this.timeLimitError();
  }

  private decisionError(ex: Execution, service: ServiceName, method: string, d: FaultDecision): Error {
    if (d.error) return this.foreignError(d.error);
    if (d.kind === 'timeout' || d.kind === 'kill') return this.kill(ex);
    return this.faultError(service, method, d.kind as FaultKind | FaultKey, d.language);
  }

  private nested<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  /** Called after every counted call, outside the execution (the trigger clock starts overlapping executions from here). */
  tick: ((info: CallInfo) => void) | undefined;

  private runHooks(info: CallInfo): void {
    for (const h of this.faults.hooksAfter(info)) this.outside(() => h(info));
    const tick = this.tick;
    if (tick) this.outside(() => tick(info));
  }

  /** Run emulator-side code (test helpers, hooks) outside the current execution: nothing counted or checked. */
  outside<T>(fn: () => T): T {
    const ex = this.exec;
    const depth = this.depth;
    this.exec = NO_EXECUTION;
    this.depth = 0;
    try {
      return fn();
    } finally {
      this.exec = ex;
      this.depth = depth;
    }
  }

  /** Run fn as a different execution (custom-function recalculation), restoring afterwards. */
  withExecution<T>(ex: Execution, fn: () => T): T {
    const saved = this.exec;
    const depth = this.depth;
    this.exec = ex;
    this.depth = 0;
    try {
      return fn();
    } finally {
      this.exec = saved;
      this.depth = depth;
    }
  }

  // ---- errors, in the bundle's realm so `e instanceof Error` holds there ----

  /** Apps Script's own exceptions print as "Exception: message". */
  exception(message: string, props?: Record<string, unknown>): Error {
    return this.realm
      ? this.realm.error(message, 'Exception', props)
      : Object.assign(new Error(message), { name: 'Exception' }, props);
  }

  error(message: string, name = 'Error'): Error {
    return this.realm ? this.realm.error(message, name) : Object.assign(new Error(message), { name });
  }

  /** Errors of advanced services (Gmail, Calendar) as the API reports them. */
  apiError(api: string, code: number, message: string, reason?: string): Error {
    const details = { code, message, errors: [{ domain: 'global', reason: reason ?? defaultReason(code), message }] };
    return this.realm
      ? this.realm.error(`API call to ${api} failed with error: ${message}`, 'GoogleJsonResponseException', { details })
      : Object.assign(new Error(`API call to ${api} failed with error: ${message}`), {
          name: 'GoogleJsonResponseException',
          details,
        });
  }

  timeLimitError(): Error {
    return this.error('Exceeded maximum execution time');
  }

  permissionError(service: ServiceName, method: string, cap: Cap, needed?: string): Error {
    const name =
      method.includes('.') && service !== 'Gmail' && service !== 'Calendar' ? method : `${service}.${method}`;
    const scope = needed ?? SCOPE[cap];
    return this.exception(
      `You do not have permission to call ${name}.${scope ? ` Required permissions: ${scope}` : ''}`,
    );
  }

  /** What a catalog entry's message says for this call (faultCatalog.ts). */
  faultContext(service: ServiceName, method: string): FaultContext {
    const advanced = service === 'Gmail' || service === 'Calendar' ? service : undefined;
    return {
      word: SHORT[service],
      title: TITLE[service],
      api: apiName(service, method),
      documentId: this.config.documentId,
      advanced,
      now: this.clock.ms(),
    };
  }

  /** The error a fault of this kind (a failCall kind or a catalog key) produces for this service. */
  faultError(service: ServiceName, method: string, kind: FaultKind | FaultKey, language?: string): Error {
    const advanced = service === 'Gmail' || service === 'Calendar';
    const key: FaultKey =
      kind === 'transient'
        ? advanced
          ? 'http.429'
          : 'rate'
        : kind === 'quota'
          ? service === 'SpreadsheetApp'
            ? 'quota.computerTime'
            : 'quota.daily'
          : kind === 'backend' || kind === 'lostResponse'
            ? advanced
              ? 'http.503'
              : 'server'
            : kind === 'timeout'
              ? 'kill'
              : kind;
    const entry = FAULT_CATALOG[key];
    const c = this.faultContext(service, method);
    const message = faultText(key, c, language ?? this.config.errorLanguage);
    if (entry.http) {
      const h = entry.http;
      const details = {
        code: h.code,
        message: h.message(c),
        errors: [{ domain: h.domain, reason: h.reason, message: h.message(c) }],
      };
      return this.realm
        ? this.realm.error(message, 'GoogleJsonResponseException', { details })
        : Object.assign(new Error(message), { name: 'GoogleJsonResponseException', details });
    }
    return key === 'kill' ? this.error(message) : this.exception(message);
  }

  private foreignError(e: Error): Error {
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(e)) props[k] = (e as unknown as Record<string, unknown>)[k];
    return this.realm ? this.realm.error(e.message, e.name, props) : e;
  }

  // ---- misc ----

  /** Deterministic pseudo-random numbers (mulberry32), so ids are stable across runs. */
  random(): number {
    let t = (this.rng = (this.rng + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  randomId(length: number, alphabet = '0123456789abcdef'): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.random() * alphabet.length)];
    return s;
  }

  log(level: LogLine['level'], text: string): void {
    // A killed execution runs nothing more, so it logs nothing more.
    if (this.exec.killed) return;
    this.logs.push({ level, text, execution: this.exec.id, at: this.clock.ms() });
    if (!this.config.quiet) {
      const out = level === 'error' ? console.error : level === 'warn' ? console.warn : console.log;
      out(`[gas] ${text}`);
    }
  }
}

function defaultReason(code: number): string {
  switch (code) {
    case 400:
      return 'badRequest';
    case 401:
      return 'authError';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'duplicate';
    case 429:
      return 'rateLimitExceeded';
    default:
      return 'backendError';
  }
}

/** Anything with an Env, i.e. every fake service object. */
export interface HasEnv {
  readonly env: Env;
}

/**
 * Route every public prototype method of `cls` (names not starting with '_')
 * through Env.call, counted as `${prefix}.${name}` (or `name` when prefix is
 * empty) of `service`. `caps` gives what each method needs.
 */
export function instrument(
  cls: { prototype: object },
  service: ServiceName,
  prefix: string,
  caps: Cap | ({ default: Cap } & Record<string, Cap>),
): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name === 'toString' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const fn = desc.value as (...a: unknown[]) => unknown;
    const method = prefix ? `${prefix}.${name}` : name;
    const cap: Cap = typeof caps === 'string' ? caps : (caps[name] ?? caps.default);
    const wrapped = function (this: HasEnv, ...args: unknown[]) {
      return this.env.call(service, method, args, cap, () => fn.apply(this, args));
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { ...desc, value: wrapped });
  }
}

/** Describe argument types the way Apps Script's signature errors do: (String,number). */
export function signatureOf(args: ArrayLike<unknown>): string {
  const parts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === null || v === undefined) parts.push('null');
    else if (typeof v === 'string') parts.push('String');
    else if (typeof v === 'number') parts.push('number');
    else if (typeof v === 'boolean') parts.push('Boolean');
    else if (Array.isArray(v))
      parts.push(Array.isArray(v[0]) ? 'number[][]'.replace('number', typeOfCell(v[0][0])) : `${typeOfCell(v[0])}[]`);
    else if (Object.prototype.toString.call(v) === '[object Date]') parts.push('Date');
    else parts.push((v as { toString(): string }).toString?.() === '[object Object]' ? 'Object' : String(v));
  }
  return `(${parts.join(',')})`;
}

function typeOfCell(v: unknown): string {
  return typeof v === 'string'
    ? 'String'
    : typeof v === 'number'
      ? 'number'
      : typeof v === 'boolean'
        ? 'Boolean'
        : 'Object';
}

/** Base class of fake service objects: Apps Script objects print as their class name. */
export abstract class FakeObject implements HasEnv {
  constructor(readonly env: Env) {
    Object.defineProperty(this, 'env', { enumerable: false });
  }
  protected abstract get _kind(): string;
  toString(): string {
    return this._kind;
  }
}
