/**
 * The nightly trigger (SPEC section 4) and the one-off follow-up trigger a run
 * sets when its time budget runs out.
 *
 * A time trigger may run without an active spreadsheet (PLATFORM.md), so the
 * spreadsheet's ID is stored in the user's properties under the trigger's
 * unique ID when it is made; the handler looks it up from the event's
 * `triggerUid`. Triggers are matched by handler name and that stored ID, so
 * one user's triggers for another spreadsheet are never touched.
 */
export const NIGHTLY_HANDLER = 'runNightly';
export const FOLLOW_UP_HANDLER = 'runFollowUp';
const KEY = 'retain.trigger.';
const LAST_SS = 'retain.lastSpreadsheet';

type Trigger = GoogleAppsScript.Script.Trigger;

function triggersFor_(handler: string, spreadsheetId: string): Trigger[] {
  const props = PropertiesService.getUserProperties();
  return ScriptApp.getProjectTriggers().filter((t) => {
    if (t.getHandlerFunction() !== handler) return false;
    const owner = props.getProperty(KEY + t.getUniqueId());
    // A trigger with no record was made before Retain kept records: treat it as this spreadsheet's.
    return owner === null || owner === spreadsheetId;
  });
}

function forget_(t: Trigger): void {
  PropertiesService.getUserProperties().deleteProperty(KEY + t.getUniqueId());
  ScriptApp.deleteTrigger(t);
}

export function scheduleNightly_(spreadsheetId: string, hour: number, timeZone: string): Trigger {
  for (const t of triggersFor_(NIGHTLY_HANDLER, spreadsheetId)) forget_(t);
  const trigger = ScriptApp.newTrigger(NIGHTLY_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone(timeZone)
    .create();
  const props = PropertiesService.getUserProperties();
  props.setProperty(KEY + trigger.getUniqueId(), spreadsheetId);
  props.setProperty(LAST_SS, spreadsheetId);
  return trigger;
}

export function stopNightly_(spreadsheetId: string): number {
  const ts = triggersFor_(NIGHTLY_HANDLER, spreadsheetId);
  for (const t of ts) forget_(t);
  return ts.length;
}

export function nightlyScheduled_(spreadsheetId: string): boolean {
  return triggersFor_(NIGHTLY_HANDLER, spreadsheetId).length > 0;
}

/** A one-off run a minute from now to finish what the time budget cut short; at most one waits at a time. */
export function scheduleFollowUp_(spreadsheetId: string): void {
  if (triggersFor_(FOLLOW_UP_HANDLER, spreadsheetId).length > 0) return;
  const trigger = ScriptApp.newTrigger(FOLLOW_UP_HANDLER)
    .timeBased()
    .after(60 * 1000)
    .create();
  PropertiesService.getUserProperties().setProperty(KEY + trigger.getUniqueId(), spreadsheetId);
}

/** Removes the follow-up trigger that is firing now (one-off triggers stay listed until deleted). */
export function clearFollowUps_(spreadsheetId: string): void {
  for (const t of triggersFor_(FOLLOW_UP_HANDLER, spreadsheetId)) forget_(t);
}

/** The spreadsheet a trigger event belongs to: by the trigger's record, else the last one scheduled. */
export function spreadsheetIdForTrigger_(e: { triggerUid?: string } | undefined): string | null {
  const props = PropertiesService.getUserProperties();
  if (e && e.triggerUid) {
    const id = props.getProperty(KEY + e.triggerUid);
    if (id) return id;
  }
  return props.getProperty(LAST_SS);
}
