/**
 * One typed promise per server call over google.script.run.
 *
 * google.script.run allows at most 10 calls in flight, so further calls wait
 * in a queue and start as earlier ones finish. Failures become an RpcError
 * whose message is readable (Apps Script's "Exception: " prefix removed).
 */
import type { ApiName, SidebarApi } from '../src/shared/api';

type Handler = (value: unknown) => void;

/** The part of google.script.run the sidebar uses. */
interface ScriptRunner {
  withSuccessHandler(fn: Handler): ScriptRunner;
  withFailureHandler(fn: Handler): ScriptRunner;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

export const MAX_IN_FLIGHT = 10;

export class RpcError extends Error {
  constructor(
    message: string,
    /** The server function that failed. */
    readonly fn: string,
    /** 'unavailable': there is no google.script.run (the page was opened outside Sheets). */
    readonly code: 'failed' | 'unavailable' = 'failed',
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

const UNAVAILABLE = 'google.script.run is not available';

export type Req<K extends ApiName> = Parameters<SidebarApi[K]>[0];
export type Res<K extends ApiName> = ReturnType<SidebarApi[K]>;

interface Job {
  name: string;
  req: unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const queue: Job[] = [];
let inFlight = 0;

/** Call server function `name` with `req`; resolves with its result. */
export function call<K extends ApiName>(name: K, req: Req<K>): Promise<Res<K>> {
  return new Promise<Res<K>>((resolve, reject) => {
    queue.push({ name, req, resolve: resolve as (v: unknown) => void, reject });
    pump();
  });
}

/** Calls started and not finished yet (for tests). */
export function pending(): { inFlight: number; queued: number } {
  return { inFlight, queued: queue.length };
}

function pump(): void {
  while (inFlight < MAX_IN_FLIGHT && queue.length) {
    const job = queue.shift() as Job;
    inFlight += 1;
    let settled = false;
    const done = (ok: boolean, value: unknown): void => {
      if (settled) return;
      settled = true;
      inFlight -= 1;
      if (ok) job.resolve(value);
      else {
        const msg = errorMessage(value);
        job.reject(new RpcError(msg, job.name, msg === UNAVAILABLE ? 'unavailable' : 'failed'));
      }
      pump();
    };
    try {
      const run = typeof google !== 'undefined' && google && google.script ? google.script.run : undefined;
      if (!run) throw new Error(UNAVAILABLE);
      const runner = run.withSuccessHandler((v) => done(true, v)).withFailureHandler((e) => done(false, e));
      const fn = runner[job.name];
      if (typeof fn !== 'function') throw new Error(`Unknown server function ${job.name}`);
      (fn as (arg: unknown) => void).call(runner, job.req);
    } catch (e) {
      done(false, e);
    }
  }
}

/** A message a person can read, from whatever the failure handler was given. */
export function errorMessage(e: unknown): string {
  let msg = '';
  if (e instanceof Error) msg = e.message;
  else if (typeof e === 'string') msg = e;
  else if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
    msg = (e as { message: string }).message;
  msg = msg.replace(/^\w*(?:Exception|Error):\s*/, '').trim();
  return msg;
}
