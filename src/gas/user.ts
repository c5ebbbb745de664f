/**
 * Who is running, and in which language.
 *
 * Session.getActiveUser().getEmail() needs the userinfo.email scope, which
 * SPEC section 8 does not grant. The Gmail API's users.getProfile answers with
 * the same address under gmail.compose, which Retain has anyway; the answer is
 * cached for six hours in the user cache (CacheService needs no scope).
 */
import { gmailUsers_ } from './services';
import { langOfLocale } from '../core/i18n';
import type { Lang } from '../core/model';

const CACHE_KEY = 'retain.userEmail';

export function currentUserEmail_(): string {
  const cache = CacheService.getUserCache();
  const cached = cache ? cache.get(CACHE_KEY) : null;
  if (cached) return cached;
  const profile = gmailUsers_().getProfile('me');
  const email = String(profile.emailAddress || '').toLowerCase();
  if (email && cache) cache.put(CACHE_KEY, email, 21600);
  return email;
}

/** The user's language: their Google locale, else the spreadsheet's (a trigger may have no user locale). */
export function userLang_(ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null): Lang {
  let locale = '';
  try {
    locale = Session.getActiveUserLocale();
  } catch (e) {
    // No locale in some trigger contexts: fall back to the spreadsheet's.
  }
  if (!locale && ss) locale = ss.getSpreadsheetLocale();
  return langOfLocale(locale);
}
