/**
 * The advanced services, or a clear message when the manifest does not enable
 * them (appsscript.json `enabledAdvancedServices`). Without this, a missing
 * service shows up as "Cannot read properties of undefined".
 */
export function gmailDrafts_(): GoogleAppsScript.Gmail.Collection.Users.DraftsCollection {
  if (typeof Gmail === 'undefined' || !Gmail || !Gmail.Users || !Gmail.Users.Drafts)
    throw new Error('The Gmail advanced service is not enabled (appsscript.json).');
  return Gmail.Users.Drafts;
}

export function gmailUsers_(): GoogleAppsScript.Gmail.Collection.UsersCollection {
  if (typeof Gmail === 'undefined' || !Gmail || !Gmail.Users)
    throw new Error('The Gmail advanced service is not enabled (appsscript.json).');
  return Gmail.Users;
}

export function calendarEvents_(): GoogleAppsScript.Calendar.Collection.EventsCollection {
  if (typeof Calendar === 'undefined' || !Calendar || !Calendar.Events)
    throw new Error('The Calendar advanced service is not enabled (appsscript.json).');
  return Calendar.Events;
}
