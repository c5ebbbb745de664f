/**
 * Who is running, and in which language.
 *
 * Session.getActiveUser().getEmail() needs the userinfo.email scope, which
 * SPEC section 8 does not grant. The Gmail API's users.getProfile answers with
 * the same address under gmail.compose, which Retain has anyway.
 */
import { gmailUsers_ } from './services';
import { langOfLocale } from '../core/i18n';
import type { Lang } from '../core/model';

const KEY = 'retain.userEmail';

/** Kept in the user's own properties: an address does not change, so Gmail is asked once, not every night. */
export function currentUserEmail_(): string {
  const props = PropertiesService.getUserProperties();
  const known = props.getProperty(KEY);
  if (known) return known;
  const profile = gmailUsers_().getProfile('me');
  const email = String(profile.emailAddress || '').toLowerCase();
  if (email) props.setProperty(KEY, email);
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
