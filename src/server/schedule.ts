/**
 * The nightly trigger and the one-off follow-up trigger a run sets when its
 * time budget runs out (docs/platform.md, Triggers).
 *
 * A time trigger may run without an active spreadsheet, so the spreadsheet's
 * ID is stored in the user's properties under the trigger's unique ID when it
 * is made; the handler looks it up from the event's `triggerUid`. Triggers
 * are matched by handler name and that stored ID, so one user's triggers for
 * another spreadsheet are never touched.
 */
import { sha256Hex } from '../core/digest';
import { userProperties_, type PropertyStore } from '../gas/properties';
import {
  createDailyTrigger_,
  createOneOffTrigger_,
  deleteTrigger_,
  isAddOn_,
  triggersOf_,
  type TriggerInfo,
} from '../gas/triggers';

/** The handlers' names: top-level functions of src/index.ts. */
export const NIGHTLY_HANDLER = 'runNightly';
export const FOLLOW_UP_HANDLER = 'runFollowUp';
const KEY = 'retain.trigger.';
const LAST_SS = 'retain.lastSpreadsheet';

/** The handler's triggers that belong to this spreadsheet, and the ids of all of its triggers. */
function triggersFor(
  handler: string,
  spreadsheetId: string,
  props: PropertyStore,
): { mine: TriggerInfo[]; all: string[] } {
  const all = triggersOf_(handler);
  const mine = all.filter((t) => {
    const owner = props.get(KEY + t.id);
    // A trigger with no record was made before Retain kept records: treat it as this spreadsheet's.
    return owner === null || owner === spreadsheetId;
  });
  return { mine, all: all.map((t) => t.id) };
}

function forget(t: TriggerInfo, props: PropertyStore): void {
  props.remove(KEY + t.id);
  deleteTrigger_(t);
}

/**
 * The minute a user's nightly trigger asks for: the same for the same user,
 * spread over the hour for different users, so the reps of one shared sheet
 * do not all start at once and wait for each other's lock every night
 * (docs/platform.md, Triggers).
 */
export function nightlyMinute(user: string): number {
  return parseInt(sha256Hex(user.trim().toLowerCase()).slice(0, 8), 16) % 60;
}

/** `user`: who schedules (their address, or any stable key of theirs); their trigger gets its own minute. */
export function scheduleNightly_(spreadsheetId: string, hour: number, timeZone: string, user: string): void {
  const props = userProperties_();
  const { mine, all } = triggersFor(NIGHTLY_HANDLER, spreadsheetId, props);
  for (const t of mine) forget(t, props);
  const others = all.filter((id) => !mine.some((t) => t.id === id));
  const trigger = createDailyTrigger_(NIGHTLY_HANDLER, { hour, minute: nightlyMinute(user), timeZone }, others);
  props.set(KEY + trigger.id, spreadsheetId);
  props.set(LAST_SS, spreadsheetId);
}

export function stopNightly_(spreadsheetId: string): number {
  const props = userProperties_();
  const { mine } = triggersFor(NIGHTLY_HANDLER, spreadsheetId, props);
  for (const t of mine) forget(t, props);
  return mine.length;
}

export function nightlyScheduled_(spreadsheetId: string): boolean {
  return triggersFor(NIGHTLY_HANDLER, spreadsheetId, userProperties_()).mine.length > 0;
}

/**
 * A one-off run `ms` from now, to finish what the time budget cut short or
 * to run when the lock is free again; at most one waits at a time. False when
 * none can be made: a published add-on may hold only its nightly trigger
 * (docs/platform.md, Triggers), so there the next night does the rest.
 */
export function scheduleFollowUp_(spreadsheetId: string, ms: number): boolean {
  if (isAddOn_()) return false;
  const props = userProperties_();
  const { mine, all } = triggersFor(FOLLOW_UP_HANDLER, spreadsheetId, props);
  if (mine.length > 0) return true;
  const trigger = createOneOffTrigger_(FOLLOW_UP_HANDLER, ms, all);
  props.set(KEY + trigger.id, spreadsheetId);
  return true;
}

/** Removes the follow-up trigger that is firing now (one-off triggers stay listed until deleted). */
export function clearFollowUps_(spreadsheetId: string): void {
  const props = userProperties_();
  for (const t of triggersFor(FOLLOW_UP_HANDLER, spreadsheetId, props).mine) forget(t, props);
}

/** The spreadsheet a trigger event belongs to: by the trigger's record, else the last one scheduled. */
export function spreadsheetIdForTrigger_(e: { triggerUid?: string } | undefined): string | null {
  const props = userProperties_();
  if (e && e.triggerUid) {
    const id = props.get(KEY + e.triggerUid);
    if (id) return id;
  }
  return props.get(LAST_SS);
}
