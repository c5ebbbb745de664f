/**
 * The one writer at a time (docs/platform.md, Locks, properties and time
 * zones): the document lock of the spreadsheet, or the script lock where
 * there is no document (a trigger in some contexts). tryLock answers false
 * when another run holds it; only a service error is retried.
 */
import { retryService } from './retry';

export interface DocumentLock {
  /** True when this execution now holds the lock. */
  tryLock(ms: number): boolean;
  release(): void;
}

export function documentLock_(): DocumentLock {
  const lock = retryService('Lock', () => LockService.getDocumentLock() ?? LockService.getScriptLock());
  return {
    tryLock: (ms) => retryService('Lock', () => lock.tryLock(ms)),
    release: () => retryService('Lock', () => lock.releaseLock()),
  };
}
