/**
 * The Gmail API (advanced service, gmail.compose scope: docs/platform.md,
 * Gmail): make a draft, find one by its X-Retain-Key header, read the user's
 * address. Retain never sends. A draft made after a lost answer is found by
 * its header before it is made again.
 */
import { retryService, withRetry } from './retry';

type Drafts = GoogleAppsScript.Gmail.Collection.Users.DraftsCollection;

/** The service, or a clear message when the manifest does not enable it (else "Cannot read properties of undefined"). */
function users(): GoogleAppsScript.Gmail.Collection.UsersCollection {
  if (typeof Gmail === 'undefined' || !Gmail || !Gmail.Users)
    throw new Error('The Gmail advanced service is not enabled (appsscript.json).');
  return Gmail.Users;
}

function drafts(): Drafts {
  const u = users();
  if (!u.Drafts) throw new Error('The Gmail advanced service is not enabled (appsscript.json).');
  return u.Drafts;
}

/** The id of a draft to `to` whose header `name` is `value`, or null. Costs a list and a get per candidate. */
export function findDraft_(to: string, name: string, value: string): string | null {
  const list = retryService('Gmail', () => drafts().list('me', { q: `to:${to}`, maxResults: 50 }));
  const wanted = name.toLowerCase();
  for (const d of list.drafts ?? []) {
    const full = retryService('Gmail', () => drafts().get('me', d.id as string, { format: 'metadata' }));
    const headers = full.message?.payload?.headers ?? [];
    if (headers.some((h) => String(h.name).toLowerCase() === wanted && h.value === value)) return d.id as string;
  }
  return null;
}

/**
 * Makes a draft of the base64url MIME message `raw` and returns its id. The
 * message carries header `name: value`; after a transient error Gmail is
 * asked for a draft with it before trying again.
 */
export function createDraft_(raw: string, find: { to: string; name: string; value: string }): string {
  return withRetry(() => drafts().create({ message: { raw } }, 'me').id as string, {
    service: 'Gmail',
    recover: () => findDraft_(find.to, find.name, find.value),
  });
}

/** The user's own address, lower case ('' when Gmail gives none): users.getProfile needs no more than gmail.compose. */
export function profileEmail_(): string {
  const profile = retryService('Gmail', () => users().getProfile('me'));
  return String(profile.emailAddress || '').toLowerCase();
}
