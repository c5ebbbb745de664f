/**
 * The fake clock, the call counter and fault injection.
 *
 * Apps Script cost is service calls, not JavaScript (docs/platform.md, "Speed"), so
 * the benchmark reads these counts; the reliability tests use the faults to
 * make a chosen call fail the ways Google documents: rate limits, daily
 * quotas, the 6-minute kill, and a response lost after the work was done.
 */
import type { FaultKey } from './faultCatalog';

export type ServiceName =
  | 'SpreadsheetApp'
  | 'PropertiesService'
  | 'LockService'
  | 'ScriptApp'
  | 'Session'
  | 'Utilities'
  | 'HtmlService'
  | 'Gmail'
  | 'Calendar'
  | 'CacheService';

/** The fake clock. Every execution, Date inside the bundle and every TTL follow it. */
export class Clock {
  private t: number;
  constructor(start?: Date | string | number) {
    this.t = start === undefined ? Date.now() : toMs(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  /** Milliseconds since the epoch (no allocation). */
  ms(): number {
    return this.t;
  }
  set(d: Date | string | number): void {
    this.t = toMs(d);
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`clock.advance: ms must be >= 0, got ${ms}`);
    this.t += ms;
  }
}

function toMs(d: Date | string | number): number {
  const t = typeof d === 'number' ? d : typeof d === 'string' ? Date.parse(d) : d.getTime();
  if (Number.isNaN(t)) throw new Error(`Invalid clock time: ${String(d)}`);
  return t;
}

export interface CallRecord {
  seq: number;
  service: ServiceName;
  method: string;
  /** Which execution made it (1-based, as counted by the Emulator). */
  execution: number;
}

/** Counts every service call the bundle makes (nested internal calls excluded). */
export class CallLog {
  log: CallRecord[] = [];
  private seq = 0;

  /** @internal */
  record(service: ServiceName, method: string, execution: number): number {
    const seq = ++this.seq;
    this.log.push({ seq, service, method, execution });
    return seq;
  }
  /** Calls of one service, or all calls. */
  count(service?: ServiceName): number {
    if (!service) return this.log.length;
    let n = 0;
    for (const c of this.log) if (c.service === service) n++;
    return n;
  }
  total(): number {
    return this.log.length;
  }
  /** 'Service.method' -> count, e.g. 'SpreadsheetApp.Range.getValues', 'Gmail.Users.Drafts.create'. */
  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.log) {
      const k = `${c.service}.${c.method}`;
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  }
  /** Service -> count. */
  byService(): Partial<Record<ServiceName, number>> {
    const out: Partial<Record<ServiceName, number>> = {};
    for (const c of this.log) out[c.service] = (out[c.service] ?? 0) + 1;
    return out;
  }
  /** Forget what was counted so far (sequence numbers keep increasing). */
  reset(): void {
    this.log = [];
  }
}

/**
 * The fault kinds of failCall (kept for the fault sweep; each maps to a
 * catalog entry in faultCatalog.ts, see Env.faultError):
 * transient: rate limit ("Service invoked too many times in a short time", HTTP 429)
 * backend: HTTP 503 "Backend Error" (Gmail/Calendar) or a server error (others)
 * quota: the daily quota is spent ("Service invoked too many times for one day")
 * timeout: the 6-minute limit hits during this call; the execution is dead
 * lostResponse: the call does its work, then throws as if the response was lost
 */
export type FaultKind = 'transient' | 'backend' | 'quota' | 'timeout' | 'lostResponse';

export interface CallInfo {
  service: ServiceName;
  method: string;
  seq: number;
  args: unknown[];
  /** The execution making the call. */
  execution: number;
  /** Fake-clock time of the call. */
  at: number;
}

/** Which calls a fault or hook counts: by service and/or method ('Users.Drafts.create' or 'Gmail.Users.Drafts.create' or a RegExp). */
export interface CallFilter {
  service?: ServiceName | ServiceName[];
  method?: string | RegExp;
}

/**
 * A fault to inject (emu.faults.inject): which error, on which calls, and
 * whether the call's effect happens first.
 */
export interface FaultSpec {
  /** A catalog key ('quota.service', 'http.429', 'sheets.timedOut', ...), a failCall kind, or an Error to throw as is. */
  error: FaultKey | FaultKind | Error;
  /** Which calls count (default: the services in Faults.scope). */
  filter?: CallFilter;
  /** The k-th matching call from now fails first (1-based, default 1). */
  at?: number;
  /** How many matching calls in a row fail from there (a burst; default 1, Infinity for all). */
  count?: number;
  /** 'before' (default): the call has no effect; 'after': its effect happens, then it throws (a lost response). */
  when?: 'before' | 'after';
  /**
   * A spent daily quota: once it fires, every later matching call fails too,
   * for the rest of this execution ('execution') or for 24 hours of fake time
   * from the first failure ('day': quotas "reset 24 hours after the first
   * request", guides/services/quotas).
   */
  persist?: 'execution' | 'day';
  /** The account's language for Apps Script's own messages (default: EmulatorOptions.errorLanguage). */
  language?: string;
}

type Matcher = (c: CallInfo) => boolean;

interface ActiveFault {
  spec: FaultSpec;
  match: Matcher;
  /** Matching calls still to let through before the first failure. */
  skip: number;
  /** Failures left in the burst. */
  left: number;
  /** Set once a persistent fault has fired. */
  stickyExecution?: number;
  stickyUntil?: number;
}
interface CountedHook {
  remaining: number;
  fn: (c: CallInfo) => void;
  match: Matcher;
}

export type FaultPredicate = (c: CallInfo) => Error | FaultKind | undefined | null | false | void;

export interface FaultDecision {
  kind: FaultKind | FaultKey | 'custom';
  error?: Error;
  when: 'before' | 'after';
  language?: string;
}

export class Faults {
  /** Services that failCall/afterCall count when no filter names a service. */
  scope: ServiceName[] = ['SpreadsheetApp', 'Gmail', 'Calendar'];
  /** Every fault that fired, in order. */
  fired: Array<{ seq: number; service: ServiceName; method: string; kind: FaultKind | FaultKey | 'custom' }> = [];
  private active: ActiveFault[] = [];
  private preds: FaultPredicate[] = [];
  private hooks: CountedHook[] = [];

  /**
   * Make the k-th matching call from now (1-based) fail. Without a filter the
   * calls counted are those of the services in `scope` (as it is now).
   */
  failCall(k: number, kind: FaultKind = 'transient', filter?: CallFilter): void {
    if (!(k >= 1)) throw new Error('failCall: k must be >= 1');
    this.inject({ error: kind, at: k, filter, when: kind === 'lostResponse' ? 'after' : 'before' });
  }
  /**
   * Inject a fault from the catalog (faultCatalog.ts): e.g.
   * inject({ error: 'quota.service', filter: { method: 'Events.insert' }, persist: 'day' }),
   * inject({ error: 'http.429', at: 3, count: 4 }) (a burst),
   * inject({ error: 'server', language: 'de' }).
   */
  inject(spec: FaultSpec): void {
    const at = spec.at ?? 1;
    const count = spec.count ?? 1;
    if (!(at >= 1)) throw new Error('faults.inject: at must be >= 1');
    if (!(count >= 1)) throw new Error('faults.inject: count must be >= 1');
    this.active.push({ spec, match: this.matcher(spec.filter), skip: at - 1, left: count });
  }
  /** Called for every counted call; return an Error (thrown as is, in the bundle's realm) or a FaultKind to fail it. */
  failWhen(pred: FaultPredicate): void {
    this.preds.push(pred);
  }
  /** Run `fn` right after the k-th matching call from now completes (e.g. the user sorts rows mid-run). Its own service use is not counted. */
  afterCall(k: number, fn: (c: CallInfo) => void, filter?: CallFilter): void {
    if (!(k >= 1)) throw new Error('afterCall: k must be >= 1');
    this.hooks.push({ remaining: k, fn, match: this.matcher(filter) });
  }
  clear(): void {
    this.active = [];
    this.preds = [];
    this.hooks = [];
  }

  private matcher(filter?: CallFilter): Matcher {
    const services = filter?.service
      ? ([] as ServiceName[]).concat(filter.service)
      : filter?.method
        ? null
        : [...this.scope];
    const m = filter?.method;
    return (c) => {
      if (services && !services.includes(c.service)) return false;
      if (m === undefined) return true;
      const full = `${c.service}.${c.method}`;
      return typeof m === 'string' ? c.method === m || full === m : m.test(c.method) || m.test(full);
    };
  }

  /** @internal Decide whether this call fails. Counts down every matching fault. */
  decide(c: CallInfo): FaultDecision | undefined {
    let decision: FaultDecision | undefined;
    for (const f of this.active) {
      if (!f.match(c)) continue;
      let fires = false;
      if (f.stickyExecution !== undefined || f.stickyUntil !== undefined) {
        fires = f.spec.persist === 'execution' ? f.stickyExecution === c.execution : c.at < (f.stickyUntil as number);
      } else if (f.skip > 0) f.skip--;
      else if (f.left > 0) {
        f.left--;
        fires = true;
        if (f.spec.persist === 'execution') f.stickyExecution = c.execution;
        if (f.spec.persist === 'day') f.stickyUntil = c.at + 24 * 3600 * 1000;
      }
      if (fires && !decision) decision = toDecision(f.spec);
    }
    this.active = this.active.filter(
      (f) =>
        f.left > 0 ||
        (f.spec.persist === 'day' && f.stickyUntil !== undefined && c.at < f.stickyUntil) ||
        f.spec.persist === 'execution',
    );
    if (!decision) {
      for (const p of this.preds) {
        const r = p(c);
        if (!r) continue;
        decision =
          typeof r === 'string'
            ? { kind: r, when: r === 'lostResponse' ? 'after' : 'before' }
            : { kind: 'custom', error: r, when: 'before' };
        break;
      }
    }
    if (decision) this.fired.push({ seq: c.seq, service: c.service, method: c.method, kind: decision.kind });
    return decision;
  }

  /** @internal Hooks due after this call. */
  hooksAfter(c: CallInfo): Array<(c: CallInfo) => void> {
    const due: Array<(c: CallInfo) => void> = [];
    for (const h of this.hooks) {
      if (h.remaining > 0 && h.match(c)) {
        h.remaining--;
        if (h.remaining === 0) due.push(h.fn);
      }
    }
    this.hooks = this.hooks.filter((h) => h.remaining > 0);
    return due;
  }
}

function toDecision(spec: FaultSpec): FaultDecision {
  const when = spec.when ?? 'before';
  if (spec.error instanceof Error) return { kind: 'custom', error: spec.error, when };
  return { kind: spec.error, when, language: spec.language };
}
