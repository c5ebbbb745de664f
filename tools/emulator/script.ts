/**
 * ScriptApp: installable triggers and the enums. Installable triggers run as
 * the user who made them; a user may have at most 20 per script
 * (guides/services/quotas). Creating or listing them needs full
 * authorization (the script.scriptapp scope).
 */
import { FakeObject, instrument, type Env } from './runtime';
import type { WebAppConfig } from './webapp';
import { isValidTimeZone } from './tz';
import { isDateValue } from './realm';

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
/** How the script came to be installed as an add-on (reference/script/installation-source): NONE when it is not one. */
export const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;

export const MAX_TRIGGERS_PER_USER = 20;

export interface TriggerRecord {
  id: string;
  handler: string;
  type: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  atHour?: number;
  nearMinute?: number;
  /** The minute Apps Script picked for this trigger, once, kept every day (docs/platform.md, "Triggers"). */
  minute?: number;
  /** A one-off trigger (after/at) that has run: it stays listed but never fires again. */
  spent?: boolean;
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  after?: number;
  at?: string;
  timezone?: string;
  user: string;
  /** The document the trigger belongs to (the bound spreadsheet). */
  spreadsheetId?: string;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  created: number;
}

export class TriggerTable {
  list: TriggerRecord[] = [];
}

export interface ScriptHost {
  env: Env;
  triggers: TriggerTable;
  /** Editor add-on limits: one time trigger per user per document, none more often than hourly. */
  addOnMode: boolean;
  /** How far (minutes) the picked minute may be from nearMinute(m): "plus or minus 15 minutes". */
  minuteJitter: number;
  /** The web app's deployment, for getService(). */
  webApp: WebAppConfig;
  /** The id of the bound spreadsheet. */
  documentId: string;
  /** Script id, for ScriptApp.getScriptId(). */
  scriptId: string;
}

export class FakeTrigger extends FakeObject {
  protected get _kind() {
    return 'Trigger';
  }
  constructor(
    env: Env,
    readonly _t: TriggerRecord,
  ) {
    super(env);
  }
  getUniqueId(): string {
    return this._t.id;
  }
  getHandlerFunction(): string {
    return this._t.handler;
  }
  getEventType(): string {
    return this._t.type;
  }
  getTriggerSource(): string {
    return this._t.source;
  }
  getTriggerSourceId(): string | null {
    return this._t.sourceId;
  }
}
instrument(FakeTrigger, 'ScriptApp', 'Trigger', 'trigger');

/** The error Apps Script gives an add-on that makes a second time-driven trigger in a document (observed wording). */
export const ADDON_TOO_MANY_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
/** The emulator's wording for an add-on trigger more frequent than hourly (unconfirmed: the docs state the rule only). */
export const ADDON_TOO_FREQUENT = 'Add-ons can only create time-based triggers that run at most once per hour.';

function create(h: ScriptHost, rec: Omit<TriggerRecord, 'id' | 'user' | 'created'>): FakeTrigger {
  const env = h.env;
  const user = env.user;
  if (h.triggers.list.filter((t) => t.user === user).length >= MAX_TRIGGERS_PER_USER) {
    throw env.exception(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  if (h.addOnMode && rec.type === 'CLOCK') {
    // workspace/add-ons/concepts/editor-triggers, "Restrictions".
    if (rec.everyMinutes !== undefined) throw env.exception(ADDON_TOO_FREQUENT);
    const mine = h.triggers.list.filter(
      (t) => t.user === user && t.type === 'CLOCK' && t.spreadsheetId === rec.spreadsheetId,
    );
    if (mine.length > 0) throw env.exception(ADDON_TOO_MANY_TRIGGERS);
  }
  const t: TriggerRecord = {
    ...rec,
    id: String(1000000000 + Math.floor(env.random() * 8999999999)),
    user,
    created: env.clock.ms(),
  };
  if (rec.type === 'CLOCK' && (rec.atHour !== undefined || rec.everyHours !== undefined)) t.minute = pickMinute(h, rec);
  h.triggers.list.push(t);
  return new FakeTrigger(env, t);
}

/**
 * Apps Script picks a trigger's minute once, when it is made, and keeps it
 * every day: near nearMinute(m) (within plus or minus 15 minutes), else at
 * random in the hour. Two triggers without nearMinute can land on the same
 * minute.
 */
function pickMinute(h: ScriptHost, rec: Omit<TriggerRecord, 'id' | 'user' | 'created'>): number {
  if (rec.nearMinute === undefined) return Math.floor(h.env.random() * 60);
  const j = h.minuteJitter;
  const off = j > 0 ? Math.floor(h.env.random() * (2 * j + 1)) - j : 0;
  return Math.min(59, Math.max(0, rec.nearMinute + off));
}

export class FakeClockTriggerBuilder extends FakeObject {
  protected get _kind() {
    return 'ClockTriggerBuilder';
  }
  private r: Partial<TriggerRecord> = {};
  constructor(
    private readonly h: ScriptHost,
    private readonly handler: string,
  ) {
    super(h.env);
  }
  private _int(n: unknown, name: string): number {
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw this.env.exception(
        `The parameters (${typeof n}) don't match the method signature for ScriptApp.ClockTriggerBuilder.${name}.`,
      );
    return Math.trunc(n);
  }
  after(durationMilliseconds: number): FakeClockTriggerBuilder {
    this.r.after = this._int(durationMilliseconds, 'after');
    return this;
  }
  at(date: Date): FakeClockTriggerBuilder {
    if (!isDateValue(date))
      throw this.env.exception(
        "The parameters (String) don't match the method signature for ScriptApp.ClockTriggerBuilder.at.",
      );
    this.r.at = new Date(date.getTime()).toISOString();
    return this;
  }
  atHour(hour: number): FakeClockTriggerBuilder {
    const h = this._int(hour, 'atHour');
    if (h < 0 || h > 23) throw this.env.exception('The hour must be between 0 and 23.');
    this.r.atHour = h;
    return this;
  }
  nearMinute(minute: number): FakeClockTriggerBuilder {
    const m = this._int(minute, 'nearMinute');
    if (m < 0 || m > 59) throw this.env.exception('The minute must be between 0 and 59.');
    this.r.nearMinute = m;
    return this;
  }
  everyMinutes(n: number): FakeClockTriggerBuilder {
    const m = this._int(n, 'everyMinutes');
    if (![1, 5, 10, 15, 30].includes(m)) throw this.env.exception('The number of minutes must be 1, 5, 10, 15 or 30.');
    this.r.everyMinutes = m;
    return this;
  }
  everyHours(n: number): FakeClockTriggerBuilder {
    const m = this._int(n, 'everyHours');
    if (![1, 2, 4, 6, 8, 12].includes(m)) throw this.env.exception('The number of hours must be 1, 2, 4, 6, 8 or 12.');
    this.r.everyHours = m;
    return this;
  }
  everyDays(n: number): FakeClockTriggerBuilder {
    const d = this._int(n, 'everyDays');
    if (d < 1) throw this.env.exception('The number of days must be at least 1.');
    this.r.everyDays = d;
    return this;
  }
  everyWeeks(n: number): FakeClockTriggerBuilder {
    const w = this._int(n, 'everyWeeks');
    if (w < 1) throw this.env.exception('The number of weeks must be at least 1.');
    this.r.everyWeeks = w;
    return this;
  }
  onWeekDay(day: string): FakeClockTriggerBuilder {
    this.r.onWeekDay = String(day);
    return this;
  }
  inTimezone(timezone: string): FakeClockTriggerBuilder {
    if (!isValidTimeZone(timezone)) throw this.env.exception(`Invalid argument: timezone`);
    this.r.timezone = timezone;
    return this;
  }
  create(): FakeTrigger {
    const r = this.r;
    const recurrences = [r.everyMinutes, r.everyHours, r.everyDays, r.everyWeeks].filter((x) => x !== undefined).length;
    const oneShot = [r.after, r.at].filter((x) => x !== undefined).length;
    if (r.atHour !== undefined && r.everyDays === undefined && r.everyWeeks === undefined) {
      throw this.env.exception('atHour() can only be used with everyDays() or everyWeeks().');
    }
    if (recurrences + oneShot === 0)
      throw this.env.exception(
        'The clock trigger needs a schedule: use after(), at(), everyMinutes(), everyHours(), everyDays() or everyWeeks().',
      );
    if (recurrences + oneShot > 1) throw this.env.exception('The clock trigger can have only one schedule.');
    return create(this.h, {
      handler: this.handler,
      type: 'CLOCK',
      ...r,
      // A time trigger fires in the script's time zone unless inTimezone() says otherwise.
      timezone: r.timezone ?? this.env.config.scriptTimeZone,
      spreadsheetId: this.h.documentId,
      source: 'CLOCK',
      sourceId: null,
    });
  }
}
instrument(FakeClockTriggerBuilder, 'ScriptApp', 'ClockTriggerBuilder', 'trigger');

export class FakeSpreadsheetTriggerBuilder extends FakeObject {
  protected get _kind() {
    return 'SpreadsheetTriggerBuilder';
  }
  private type: TriggerRecord['type'] | undefined;
  constructor(
    private readonly h: ScriptHost,
    private readonly handler: string,
    private readonly ssId: string,
  ) {
    super(h.env);
  }
  onOpen(): FakeSpreadsheetTriggerBuilder {
    this.type = 'ON_OPEN';
    return this;
  }
  onEdit(): FakeSpreadsheetTriggerBuilder {
    this.type = 'ON_EDIT';
    return this;
  }
  onChange(): FakeSpreadsheetTriggerBuilder {
    this.type = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): FakeSpreadsheetTriggerBuilder {
    this.type = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): FakeTrigger {
    if (!this.type)
      throw this.env.exception(
        'The spreadsheet trigger needs an event: use onOpen(), onEdit(), onChange() or onFormSubmit().',
      );
    return create(this.h, {
      handler: this.handler,
      type: this.type,
      spreadsheetId: this.ssId,
      source: 'SPREADSHEETS',
      sourceId: this.ssId,
    });
  }
}
instrument(FakeSpreadsheetTriggerBuilder, 'ScriptApp', 'SpreadsheetTriggerBuilder', 'trigger');

export class FakeTriggerBuilder extends FakeObject {
  protected get _kind() {
    return 'TriggerBuilder';
  }
  constructor(
    private readonly h: ScriptHost,
    private readonly handler: string,
  ) {
    super(h.env);
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.h, this.handler);
  }
  forSpreadsheet(sheet: string | { getId(): string }): FakeSpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet?.getId?.();
    if (typeof id !== 'string')
      throw this.env.exception(
        "The parameters (Object) don't match the method signature for ScriptApp.TriggerBuilder.forSpreadsheet.",
      );
    return new FakeSpreadsheetTriggerBuilder(this.h, this.handler, id);
  }
}
instrument(FakeTriggerBuilder, 'ScriptApp', 'TriggerBuilder', 'trigger');

export class FakeAuthorizationInfo extends FakeObject {
  protected get _kind() {
    return 'AuthorizationInfo';
  }
  getAuthorizationStatus(): string {
    return AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
  getAuthorizedScopes(): string[] {
    return this.env.realm.array(this.env.config.scopes ?? []);
  }
}
instrument(FakeAuthorizationInfo, 'ScriptApp', 'AuthorizationInfo', 'free');

export class FakeService extends FakeObject {
  protected get _kind() {
    return 'Service';
  }
  constructor(
    env: Env,
    private readonly w: WebAppConfig,
  ) {
    super(env);
  }
  /** "Returns the URL of the web app, if it has been deployed; otherwise returns null." (reference/script/service) */
  getUrl(): string | null {
    return this.w.deployed ? webAppUrl(this.w) : null;
  }
  isEnabled(): boolean {
    return this.w.deployed;
  }
}
instrument(FakeService, 'ScriptApp', 'Service', 'script');

export function webAppUrl(w: WebAppConfig): string {
  return `https://script.google.com/macros/s/${w.deploymentId}/exec`;
}

export class ScriptAppService extends FakeObject {
  protected get _kind() {
    return 'ScriptApp';
  }
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly InstallationSource = InstallationSource;
  constructor(private readonly h: ScriptHost) {
    super(h.env);
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw this.env.exception("The parameters (Object) don't match the method signature for ScriptApp.newTrigger.");
    return new FakeTriggerBuilder(this.h, functionName);
  }
  /** The current user's installable triggers of this project. */
  getProjectTriggers(): FakeTrigger[] {
    const user = this.env.user;
    return this.env.realm.array(
      this.h.triggers.list.filter((t) => t.user === user).map((t) => new FakeTrigger(this.env, t)),
    );
  }
  /** The current user's triggers of this script in the given document. */
  getUserTriggers(document: { getId(): string }): FakeTrigger[] {
    const id = document?.getId?.();
    if (typeof id !== 'string')
      throw this.env.exception("The parameters (null) don't match the method signature for ScriptApp.getUserTriggers.");
    const user = this.env.user;
    return this.env.realm.array(
      this.h.triggers.list
        .filter((t) => t.user === user && t.spreadsheetId === id)
        .map((t) => new FakeTrigger(this.env, t)),
    );
  }
  getScriptTriggers(): FakeTrigger[] {
    return this.getProjectTriggers();
  }
  deleteTrigger(trigger: FakeTrigger): void {
    if (!(trigger instanceof FakeTrigger))
      throw this.env.exception("The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.");
    const i = this.h.triggers.list.findIndex((t) => t.id === trigger._t.id && t.user === this.env.user);
    if (i >= 0) this.h.triggers.list.splice(i, 1);
  }
  getScriptId(): string {
    return this.h.scriptId;
  }
  /** The web app's deployment: getUrl() is null until the script is deployed as a web app. */
  getService(): FakeService {
    return new FakeService(this.env, this.h.webApp);
  }
  getAuthorizationInfo(_authMode: string): FakeAuthorizationInfo {
    return new FakeAuthorizationInfo(this.env);
  }
  /** NONE for a bound script; a published add-on the user installed (addOnMode) is WEB_STORE_ADD_ON. */
  getInstallationSource(): string {
    return this.h.addOnMode ? InstallationSource.WEB_STORE_ADD_ON : InstallationSource.NONE;
  }
  getOAuthToken(): string {
    return 'emulator-oauth-token';
  }
}
instrument(ScriptAppService, 'ScriptApp', '', {
  default: 'trigger',
  getService: 'script',
  getScriptId: 'free',
  getAuthorizationInfo: 'free',
  getInstallationSource: 'free',
});
