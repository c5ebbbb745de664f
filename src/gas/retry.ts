/**
 * The retry policy every adapter in src/gas calls its service through.
 *
 * Apps Script reports both rate limits and daily quotas as plain Errors; the
 * message is all there is to go on (docs/platform.md, Limits and errors).
 * Transient ones are retried with exponential backoff (Utilities.sleep: there
 * is no setTimeout); a daily quota stops that kind of action for the night;
 * the 6-minute kill cannot be handled at all and is rethrown at once. A call
 * that creates something passes `recover`, which looks for what it made
 * before trying again, so a lost answer never makes a second one.
 */

export type ErrorKind = 'transient' | 'quota' | 'killed' | 'other';

export function classifyError(e: unknown): ErrorKind {
  const msg = e instanceof Error ? e.message : String(e);
  if (/Exceeded maximum execution time/i.test(msg)) return 'killed';
  if (
    /for one day|too much computer time|quota|Daily Limit|dailyLimitExceeded|Calendar usage limits exceeded/i.test(msg)
  )
    return 'quota';
  if (
    /too many times in a short time|Rate Limit|rateLimitExceeded|userRateLimitExceeded|\b429\b|\b50[0-4]\b|Backend Error|Service unavailable|temporarily unavailable|Internal error|timed out|Service error|a server error occurred/i.test(
      msg,
    )
  )
    return 'transient';
  return 'other';
}

export class QuotaError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} quota reached: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'QuotaError';
  }
}

export interface RetryOptions<T> {
  service: string;
  tries?: number;
  baseMs?: number;
  /**
   * Asked after a transient error, before trying again: a call that creates
   * something may have succeeded with its answer lost, and trying again
   * blindly would make it twice. A non-null answer is taken as the result.
   */
  recover?: () => T | null;
}

/**
 * fn(), retried on transient errors (4 tries: waits 1 s, 2 s, 4 s plus jitter-free
 * spacing, deterministic so tests and the emulator's clock agree). A quota
 * error becomes QuotaError; anything else is thrown as it is.
 */
export function withRetry<T>(fn: () => T, opts: RetryOptions<T>): T {
  const tries = opts.tries ?? 4;
  const base = opts.baseMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      const kind = classifyError(e);
      if (kind === 'quota') throw new QuotaError(opts.service, e);
      if (kind !== 'transient' || attempt >= tries) throw e;
      Utilities.sleep(base * Math.pow(2, attempt - 1));
      const found = opts.recover ? opts.recover() : null;
      if (found !== null) return found;
    }
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Spreadsheet calls that only read, or write the same values to the same cells again, are safe to retry on a rate limit. */
export function retrySheets<T>(fn: () => T): T {
  return withRetry(fn, { service: 'Spreadsheet' });
}

/** A call to another service that reads, or writes the same thing again: safe to retry as it is. */
export function retryService<T>(service: string, fn: () => T): T {
  return withRetry(fn, { service });
}
