/**
 * The user's locale. onOpen in the add-on's no-authorization mode and some
 * trigger contexts have none, and asking throws: the answer is then ''.
 */
import { retryService } from './retry';

export function activeUserLocale_(): string {
  try {
    return retryService('Session', () => Session.getActiveUserLocale()) || '';
  } catch (e) {
    return '';
  }
}

/** A key unique to the user (Session.getTemporaryActiveUserKey: no scope needed; it changes every 30 days), or ''. */
export function temporaryUserKey_(): string {
  try {
    return retryService('Session', () => Session.getTemporaryActiveUserKey()) || '';
  } catch (e) {
    return '';
  }
}
