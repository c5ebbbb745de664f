/**
 * The script's triggers (docs/platform.md, Triggers): list, make a daily or a
 * one-off time trigger, delete. Which trigger belongs to which spreadsheet is
 * the server's business (server/schedule.ts). A trigger made after a lost
 * answer shows up in the list: it is then the one made, not a second.
 */
import { retryService, withRetry } from './retry';

type Trigger = GoogleAppsScript.Script.Trigger;

export interface TriggerInfo {
  id: string;
  handler: string;
  /** The platform's handle, for deleteTrigger_. */
  trigger: Trigger;
}

function info(t: Trigger, handler: string): TriggerInfo {
  return { id: retryService('ScriptApp', () => t.getUniqueId()), handler, trigger: t };
}

/** This user's triggers of this script whose handler is `handler`. */
export function triggersOf_(handler: string): TriggerInfo[] {
  const all = retryService('ScriptApp', () => ScriptApp.getProjectTriggers());
  const out: TriggerInfo[] = [];
  for (const t of all) {
    const handlerName = retryService('ScriptApp', () => t.getHandlerFunction());
    if (handlerName === handler) out.push(info(t, handler));
  }
  return out;
}

export function deleteTrigger_(t: TriggerInfo): void {
  retryService('ScriptApp', () => ScriptApp.deleteTrigger(t.trigger));
}

/** `known`: the ids of the handler's triggers before this one; a new id in the list after a lost answer is this one. */
function create(handler: string, build: () => Trigger, known: readonly string[]): TriggerInfo {
  const made = withRetry(build, {
    service: 'ScriptApp',
    recover: () => triggersOf_(handler).find((t) => known.indexOf(t.id) < 0)?.trigger ?? null,
  });
  return info(made, handler);
}

/**
 * Every day at `hour` o'clock in `timeZone`, near `minute`: Apps Script picks
 * the minute once (within 15 of the one asked for) and keeps it, so two
 * users' triggers asked for different minutes do not start together every
 * night (docs/platform.md, Triggers).
 */
export function createDailyTrigger_(
  handler: string,
  at: { hour: number; minute: number; timeZone: string },
  known: readonly string[],
): TriggerInfo {
  return create(
    handler,
    () =>
      ScriptApp.newTrigger(handler)
        .timeBased()
        .everyDays(1)
        .atHour(at.hour)
        .nearMinute(at.minute)
        .inTimezone(at.timeZone)
        .create(),
    known,
  );
}

/**
 * Whether the script runs as a published Editor add-on
 * (ScriptApp.getInstallationSource(): NONE for a bound script). An add-on may
 * hold one time trigger per user and document (docs/platform.md, Triggers),
 * and shows its menu under Extensions. When the answer cannot be had (it
 * throws in some contexts), the bound script is assumed: that is how Retain
 * is installed.
 */
export function isAddOn_(): boolean {
  try {
    const source = ScriptApp.getInstallationSource();
    return String(source) !== String(ScriptApp.InstallationSource.NONE);
  } catch (e) {
    return false;
  }
}

/** Once, `ms` from now. */
export function createOneOffTrigger_(handler: string, ms: number, known: readonly string[]): TriggerInfo {
  return create(handler, () => ScriptApp.newTrigger(handler).timeBased().after(ms).create(), known);
}
