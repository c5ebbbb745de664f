/**
 * The retry policy every adapter in src/gas calls its service through.
 *
 * Apps Script reports rate limits, daily quotas and server trouble as plain
 * Errors (the advanced services as a GoogleJsonResponseException carrying
 * the HTTP code); the message and the code are all there is to go on
 * (docs/platform.md, Limits and errors). Apps Script translates its own
 * messages into the account's language, so the English patterns below are
 * not the whole story: an error they do not recognise is retried once, as a
 * transient one would be, and then fails only the action it belongs to.
 *
 *  - rate: backed off and retried (1, 2, 4, 8 s);
 *  - transient: retried (1, 2, 4 s);
 *  - quota: a daily quota, spent for the day: QuotaError at once, so the
 *    caller stops that kind of action for the run;
 *  - killed: the 6-minute kill cannot be handled at all: rethrown at once;
 *  - permanent: a mistake that trying again cannot fix (a cell over 50,000
 *    characters, a full property store, a bad argument): thrown at once;
 *  - unknown: retried once.
 * A rate or transient error that outlasts its retries becomes
 * UnavailableError: the service is not answering tonight, and the caller
 * stops that kind of action as for a quota. Waits use Utilities.sleep (there
 * is no setTimeout) and are deterministic, so tests and the emulator's clock
 * agree. A call that creates something passes `recover`, which looks for what
 * it made before trying again, so a lost answer never makes a second one.
 */

export type ErrorKind = 'rate' | 'transient' | 'quota' | 'killed' | 'permanent' | 'unknown';

const KILLED = /Exceeded maximum execution time/i;
const RATE =
  /too many times in a short time|Rate Limit Exceeded|User-rate limit exceeded|rateLimitExceeded|userRateLimitExceeded/i;
/** Checked before QUOTA: a full property store says "quota" but is not a daily quota. */
const PERMANENT =
  /maximum of 50000 characters|property storage quota|Argument too large|is not enabled|don't match the method signature|Invalid argument|Invalid value|do not have permission|You do not have access|Action not allowed|identifier already exists/i;
const QUOTA =
  /Service invoked too many times(?! in a short time)|for one day|too much computer time|Daily Limit Exceeded|dailyLimitExceeded|quotaExceeded|usage limits exceeded/i;
const TRANSIENT =
  /a server error occurred|failed while accessing document|timed out while accessing document|Service error|Empty response|Too many simultaneous invocations|Backend Error|too many LockService operations|Service unavailable|temporarily unavailable|Internal error|timed out/i;

/** The HTTP status of an advanced service's error (GoogleJsonResponseException details), or 0. */
function httpCode(e: unknown): number {
  const details = e && typeof e === 'object' ? (e as { details?: { code?: unknown } }).details : undefined;
  const code = details && typeof details.code === 'number' ? details.code : 0;
  return code;
}

export function classifyError(e: unknown): ErrorKind {
  const msg = errorMessage(e);
  if (KILLED.test(msg)) return 'killed';
  if (RATE.test(msg)) return 'rate';
  if (PERMANENT.test(msg)) return 'permanent';
  if (QUOTA.test(msg)) return 'quota';
  const code = httpCode(e);
  if (code === 429) return 'rate';
  if (code >= 500 && code <= 504) return 'transient';
  if (TRANSIENT.test(msg)) return 'transient';
  if (code >= 400 && code < 500) return 'permanent';
  return 'unknown';
}

/** A daily quota is spent: stop this kind of action for the run (the quota resets within a day). */
export class QuotaError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} quota reached: ${errorMessage(cause)}`);
    this.name = 'QuotaError';
  }
}

/** A service kept failing through every retry: stop this kind of action for the run, as for a quota. */
export class UnavailableError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} is not answering: ${errorMessage(cause)}`);
    this.name = 'UnavailableError';
  }
}

/** Whether an error means "stop this kind of action for the run" (a quota, or a service that stopped answering). */
export function stopsKind(e: unknown): e is QuotaError | UnavailableError {
  return e instanceof QuotaError || e instanceof UnavailableError;
}

export interface RetryOptions<T> {
  service: string;
  /** Tries for a transient error (default 4); a rate limit gets one more, an unknown error two in all. */
  tries?: number;
  baseMs?: number;
  /**
   * Asked after a failure, before trying again: a call that creates something
   * may have succeeded with its answer lost, and trying again blindly would
   * make it twice. A non-null answer is taken as the result.
   */
  recover?: () => T | null;
}

function triesFor(kind: ErrorKind, transientTries: number): number {
  if (kind === 'rate') return transientTries + 1;
  if (kind === 'transient') return transientTries;
  if (kind === 'unknown') return 2;
  return 1;
}

/** fn(), retried as the kind of its error says (see the top of this file). */
export function withRetry<T>(fn: () => T, opts: RetryOptions<T>): T {
  const transientTries = opts.tries ?? 4;
  const base = opts.baseMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      // A nested call already gave up: its verdict stands, without a second round of retries.
      if (stopsKind(e)) throw e;
      const kind = classifyError(e);
      if (kind === 'quota') throw new QuotaError(opts.service, e);
      if (attempt >= triesFor(kind, transientTries)) {
        if (kind === 'rate' || kind === 'transient') throw new UnavailableError(opts.service, e);
        throw e;
      }
      pause(base * Math.pow(2, attempt - 1));
      const found = opts.recover ? opts.recover() : null;
      if (found !== null) return found;
    }
  }
}

/** Utilities.sleep is a service call too: one that fails only shortens the wait. */
function pause(ms: number): void {
  try {
    Utilities.sleep(ms);
  } catch (e) {
    if (classifyError(e) === 'killed') throw e;
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Spreadsheet calls that only read, or write the same values to the same cells again, are safe to retry. */
export function retrySheets<T>(fn: () => T): T {
  return withRetry(fn, { service: 'Spreadsheet' });
}

/** A call to another service that reads, or writes the same thing again: safe to retry as it is. */
export function retryService<T>(service: string, fn: () => T): T {
  return withRetry(fn, { service });
}
