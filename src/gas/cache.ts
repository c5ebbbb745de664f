/** The user's cache: short-lived values between two executions of the same user (the sidebar's tab). */
import { retryService } from './retry';

export interface UserCache {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
  remove(key: string): void;
}

/** null where the platform gives no user cache. */
export function userCache_(): UserCache | null {
  const cache = retryService('Cache', () => CacheService.getUserCache());
  if (!cache) return null;
  return {
    get: (key) => retryService('Cache', () => cache.get(key)),
    put: (key, value, seconds) => retryService('Cache', () => cache.put(key, value, seconds)),
    remove: (key) => retryService('Cache', () => cache.remove(key)),
  };
}
