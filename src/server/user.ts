/**
 * Who is running, and in which language.
 *
 * Session.getActiveUser().getEmail() needs the userinfo.email scope, which
 * Retain does not ask for (docs/platform.md, Gmail). The Gmail API's
 * users.getProfile answers with the same address under gmail.compose, which
 * Retain has anyway.
 */
import { langOfLocale } from '../core/i18n';
import type { Lang } from '../core/model';
import { profileEmail_ } from '../gas/gmail';
import { userProperties_ } from '../gas/properties';
import { activeUserLocale_, temporaryUserKey_ } from '../gas/session';
import { spreadsheetLocale_, type Spreadsheet } from '../gas/spreadsheet';

const KEY = 'retain.userEmail';

/** Kept in the user's own properties: an address does not change, so Gmail is asked once, not every night. */
export function currentUserEmail_(): string {
  const props = userProperties_();
  const known = props.get(KEY);
  if (known) return known;
  const email = profileEmail_();
  if (email) props.set(KEY, email);
  return email;
}

/** The address, or '' when it cannot be had (no Gmail profile): callers decide what that means. */
export function safeUserEmail_(): string {
  try {
    return currentUserEmail_();
  } catch (e) {
    return '';
  }
}

/**
 * Who schedules the nightly run, for its own trigger minute: the address
 * (asked now, and kept, so the nightly run in team mode never has to ask
 * Gmail), else the session's user key.
 */
export function schedulingUser_(): string {
  return safeUserEmail_() || temporaryUserKey_();
}

/** The user's language: their Google locale, else the spreadsheet's (a trigger may have no user locale); English when neither answers. */
export function userLang_(ss: Spreadsheet | null): Lang {
  let locale = activeUserLocale_();
  if (!locale && ss) {
    try {
      locale = spreadsheetLocale_(ss);
    } catch (e) {
      // The run still has to say what happened: in English, then.
    }
  }
  return langOfLocale(locale);
}
