/**
 * The local Apps Script emulator: runs the real built bundle (dist/Code.js)
 * in a Node vm context whose globals are in-memory fakes of the services
 * Retain uses. See docs/architecture.md, "The emulator"; the platform facts it models are in docs/platform.md.
 *
 * Executions: every invoke() is one Apps Script execution. As in Apps Script,
 * each execution starts from a fresh global scope in which the bundle's
 * top-level code runs again (in that execution's auth mode), its locks are
 * released when it ends, and it is killed after 6 minutes of (fake) time.
 */
import * as path from 'path';
import * as util from 'util';
import * as vm from 'vm';
import { columnLetter, parseA1, splitSheet } from './a1';
import { CalendarStore, createCalendar, type CalendarEvent, type CalendarOptions } from './calendar';
import {
  addEventDirect,
  deleteEvent,
  listAll,
  markFree,
  moveEvent,
  respond,
  storedEvents,
  type ResponseStatus,
} from './calendarActions';
import { CacheServiceFake, CacheStores } from './cache';
import { CallLog, Clock, Faults, type ServiceName } from './calls';
import type { CellValue } from './cells';
import { createCharts, describeChart } from './charts';
import { writeEml, writeIcs } from './export';
import type { BundleFunction, CustomFunctionHost } from './formulas';
import { createGmail, GmailStore } from './gmail';
import { FakeHtmlOutput, HtmlServiceFake } from './html';
import { LockServiceFake, LockTable } from './lock';
import { PropertiesServiceFake, PropertyStores } from './properties';
import { createRealm, isDateValue, type Realm } from './realm';
import {
  CUSTOM_FUNCTION_LIMIT_MS,
  Env,
  EXECUTION_LIMIT_MS,
  NO_EXECUTION,
  type AuthMode,
  type Execution,
  type LogLine,
} from './runtime';
import { ScriptAppService, TriggerTable, webAppUrl, type TriggerRecord } from './script';
import { nextFire, type FiredRun } from './triggerClock';
import {
  mayOpen,
  requestEvent,
  UNSUPPORTED_RETURN,
  webAppConfig,
  type WebAppConfig,
  type WebAppOptions,
  type WebRequest,
  type WebResponse,
} from './webapp';
import { SessionService } from './session';
import { SheetStore, WorkbookStore } from './sheetstore';
import {
  createSheetStore,
  ensureFresh,
  fillSheet,
  FakeRange,
  FakeSheet,
  FakeSpreadsheet,
  SpreadsheetAppService,
  type SheetsHost,
} from './spreadsheet';
import { UiLog } from './ui';
import { UtilitiesService } from './utilities';
import { isValidTimeZone, wallTime } from './tz';

export type { ServiceName } from './calls';
export type { CalendarEvent } from './calendar';
export type { FaultKind, FaultSpec } from './calls';
export type { FaultKey } from './faultCatalog';
export { FAULT_CATALOG } from './faultCatalog';
export type { FiredRun } from './triggerClock';
export type { WebRequest, WebResponse, WebAppOptions } from './webapp';
export type { CalendarOptions } from './calendar';
export type { ResponseStatus } from './calendarActions';
export type { AuthMode, LogLine } from './runtime';
export { Clock } from './calls';
export { FakeSpreadsheet, FakeSheet } from './spreadsheet';
export { wallTime } from './tz';

export interface EmulatorOptions {
  /** Spreadsheet time zone, default 'Europe/London'. */
  timeZone?: string;
  /**
   * The time zone of the user's calendars (a calendar has its own, set in
   * Google Calendar; events.list returns it), default = timeZone.
   */
  calendarTimeZone?: string;
  /** How deleted events behave where the Calendar docs leave room (see CalendarOptions). */
  calendar?: CalendarOptions;
  /** Script time zone (appsscript.json), default = timeZone. Date's local time inside the bundle uses it. */
  scriptTimeZone?: string;
  /** Session.getActiveUserLocale(), default 'en'. */
  locale?: string;
  /** Spreadsheet locale (how typed numbers and dates parse), default 'en_US'. */
  spreadsheetLocale?: string;
  /**
   * What `03-14` typed into a cell becomes: 'text' (default) or a date of
   * this year. Unconfirmed on a real en_US or zh_CN sheet; test both.
   */
  dashMonthDay?: 'text' | 'date';
  /** The default user, default 'rep@example.com'. */
  userEmail?: string;
  /** Initial fake clock; default the real now. */
  now?: Date | string;
  spreadsheetId?: string;
  spreadsheetName?: string;
  /** Fake-clock milliseconds each call of a service costs (default 0). */
  latencyMs?: Partial<Record<ServiceName, number>>;
  /** Where createHtmlOutputFromFile('sidebar') finds sidebar.html (default <cwd>/dist). */
  htmlDir?: string;
  /** Keep console output of the bundle out of the terminal (default true); it is kept in emu.logs either way. */
  quiet?: boolean;
  /**
   * The script project's name. In a bound script Ui.createAddonMenu() is
   * titled with it (docs/platform.md, "Entry points and the bundle"); a new
   * project is called 'Untitled project' (the default).
   */
  projectName?: string;
  /** The account's language for Apps Script's own error messages (fault injection), default 'en'; e.g. 'de', 'zh-TW'. */
  errorLanguage?: string;
  /** The error for one property value over 9 KB: 'quota' (the storage-quota message, default) or 'argument' ("Argument too large: value"). */
  propertyValueTooLarge?: 'quota' | 'argument';
  /** Seed for generated ids (draft, event, trigger ids, UUIDs), default 1. */
  seed?: number;
  /** OAuth scopes granted (appsscript.json oauthScopes); default: all. */
  scopes?: string[];
  /** Run each execution in a fresh global scope, as Apps Script does (default true). */
  freshContextPerExecution?: boolean;
  /**
   * Run as a published Editor add-on: one time-driven trigger per user per
   * document, none more often than hourly (workspace/add-ons/concepts/
   * editor-triggers, "Restrictions"); the add-on menu is titled addOnName.
   */
  addOnMode?: boolean;
  /** The published add-on's name (the add-on menu's title in addOnMode), default 'Retain'. */
  addOnName?: string;
  /** How far the minute Apps Script picks may be from nearMinute(m), default 15 ("plus or minus 15 minutes"); 0 for exact. */
  triggerMinuteJitter?: number;
  /** The web app deployment (getService().getUrl(), emu.webApp.get()); not deployed by default. */
  webApp?: WebAppOptions;
  /** appsscript.json, for its webapp block (access, executeAs). */
  manifest?: { webapp?: { access?: string; executeAs?: string } };
}

export interface InvokeOptions {
  authMode?: AuthMode;
  user?: string;
  /** A time-driven trigger execution: no active spreadsheet, no UI. */
  trigger?: boolean;
  /** A web app request: no active spreadsheet, no UI, no document lock. */
  webApp?: boolean;
  /** The user's selection, e.g. 'B5', 'Customers!A2:D4', or several: 'A2:A3,A7'. */
  activeRange?: string;
  activeSheet?: string;
}

export interface ExecutionRecord {
  id: number;
  function: string;
  user: string;
  trigger: boolean;
  /** Fake-clock start and end (ms). */
  start: number;
  end: number;
  killed: boolean;
}

export interface TriggerInfo {
  id: string;
  handler: string;
  type: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  atHour?: number;
  /** What nearMinute() asked for. */
  nearMinute?: number;
  /** The minute Apps Script picked (near nearMinute, else at random), kept every day. */
  minute?: number;
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  after?: number;
  timezone?: string;
  user: string;
  spreadsheetId?: string;
  /** A one-off trigger that has run (it stays listed until deleted). */
  spent?: boolean;
}

let serviceAliases: vm.Script | undefined;

const SERVICE_GLOBALS = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'HtmlService',
  'CacheService',
  'Gmail',
  'Calendar',
  'Charts',
  'Logger',
  'console',
];

export class Emulator {
  readonly clock: Clock;
  readonly calls = new CallLog();
  readonly faults = new Faults();
  readonly ui = new UiLog();
  readonly spreadsheet: FakeSpreadsheet;
  readonly gmail: {
    drafts(): Array<{
      id: string;
      raw: string;
      userEmail: string;
      problems: string[];
      messageId: string;
      threadId: string;
    }>;
    sendAttempts(): Array<{ method: string; userEmail: string; at: number }>;
  };
  /** The user's calendars, changed the way the user would (not counted; 'primary' is the default user's). */
  readonly calendar: {
    /** Every event (deleted ones too, with status 'cancelled'), as the API returns them. */
    events(calendarId?: string): CalendarEvent[];
    /** Put an event on a calendar; with an `organizer` other than the calendar's owner it is an invitation. */
    addEvent(calendarId: string, ev: Partial<CalendarEvent>): CalendarEvent;
    /** Create a calendar, or change its time zone. */
    addCalendar(calendarId: string, timeZone?: string): void;
    /** The calendar's own time zone (what events.list returns as timeZone). */
    timeZone(calendarId?: string): string;
    /** Answer an invitation as the calendar's owner (or as `email`). */
    respond(calendarId: string, eventId: string, status: ResponseStatus, email?: string): CalendarEvent;
    /** Decline an invitation (responseStatus 'declined' on the owner's attendee entry). */
    decline(calendarId: string, eventId: string): CalendarEvent;
    /** Mark an event free (transparency 'transparent'), or busy again with free = false. */
    markFree(calendarId: string, eventId: string, free?: boolean): CalendarEvent;
    /** Move an event to another time. */
    moveEvent(
      calendarId: string,
      eventId: string,
      to: { start: CalendarEvent['start']; end: CalendarEvent['end'] },
    ): CalendarEvent;
    /** Delete an event as the user does in Calendar: it becomes status 'cancelled'. */
    deleteEvent(calendarId: string, eventId: string): void;
  };
  readonly triggers: {
    list(): TriggerInfo[];
    /** Fire a trigger (by id or handler name) as Apps Script would: as its user, time triggers without an active spreadsheet. */
    fire(idOrHandler: string, event?: Record<string, unknown>): unknown;
    /** When a time-driven trigger fires next after `after` (default now), or null (spent, or not a time trigger). */
    nextRun(idOrHandler: string, after?: Date | string | number): Date | null;
    /**
     * Let fake time pass until `until`, firing every time-driven trigger when
     * it falls due, in order; one falling due during another's execution
     * starts while that one runs (between two of its service calls).
     */
    runUntil(until: Date | string | number): FiredRun[];
  };
  /** The script deployed as a web app (EmulatorOptions.webApp). */
  readonly webApp: {
    /** Its /exec address, or null until deployed (what ScriptApp.getService().getUrl() returns). */
    url(): string | null;
    /** A GET: doGet(e) with the request's event object, as the user the deployment runs as. */
    get(req?: WebRequest): WebResponse;
  };
  readonly locks: {
    holdDocumentLock(): void;
    releaseDocumentLock(): void;
    holdScriptLock(): void;
    releaseScriptLock(): void;
  };
  readonly properties: {
    document(): Record<string, string>;
    user(email?: string): Record<string, string>;
    script(): Record<string, string>;
    setDocument(props: Record<string, string>): void;
    setUser(props: Record<string, string>, email?: string): void;
    setScript(props: Record<string, string>): void;
  };

  private readonly env: Env;
  private readonly webAppConfig: WebAppConfig;
  private readonly book: WorkbookStore;
  private readonly sheetsHost: SheetsHost;
  private readonly propStores = new PropertyStores();
  private readonly lockTable = new LockTable();
  private readonly triggerTable = new TriggerTable();
  private readonly gmailStore = new GmailStore();
  private readonly calendarStore: CalendarStore;
  private readonly cacheStores = new CacheStores();
  private readonly globals: Record<string, unknown>;
  private readonly fresh: boolean;
  private script: vm.Script | undefined;
  private realm: Realm;
  private executions = 0;
  private running = 0;
  /** The execution being started runs beside another one (see runTriggersUntil). */
  private parallel = false;
  /** Every execution so far: which function, as whom, when, and whether the 6-minute limit killed it. */
  readonly executionLog: ExecutionRecord[] = [];

  constructor(opts: EmulatorOptions = {}) {
    const timeZone = opts.timeZone ?? 'Europe/London';
    const scriptTimeZone = opts.scriptTimeZone ?? timeZone;
    for (const tz of [timeZone, scriptTimeZone]) if (!isValidTimeZone(tz)) throw new Error(`Unknown time zone: ${tz}`);
    this.clock = new Clock(opts.now);
    this.fresh = opts.freshContextPerExecution !== false;
    this.webAppConfig = webAppConfig(opts.webApp, opts.manifest, opts.userEmail ?? 'rep@example.com');
    this.env = new Env(
      {
        scriptTimeZone,
        locale: opts.locale ?? 'en',
        defaultUser: opts.userEmail ?? 'rep@example.com',
        latencyMs: { ...opts.latencyMs },
        quiet: opts.quiet !== false,
        htmlDir: opts.htmlDir ?? path.join(process.cwd(), 'dist'),
        projectName: opts.addOnMode ? (opts.addOnName ?? 'Retain') : (opts.projectName ?? 'Untitled project'),
        seed: opts.seed ?? 1,
        scopes: opts.scopes,
        errorLanguage: opts.errorLanguage ?? 'en',
        documentId: opts.spreadsheetId ?? 'ss-1',
        propertyValueTooLarge: opts.propertyValueTooLarge ?? 'quota',
      },
      this.clock,
      this.calls,
      this.faults,
    );
    this.book = new WorkbookStore(
      opts.spreadsheetId ?? 'ss-1',
      opts.spreadsheetName ?? 'Retain customers',
      timeZone,
      opts.spreadsheetLocale ?? 'en_US',
    );
    this.book.dashMonthDay = opts.dashMonthDay ?? 'text';
    createSheetStore(this.book, 'Sheet1');
    const calendarTimeZone = opts.calendarTimeZone ?? timeZone;
    if (!isValidTimeZone(calendarTimeZone)) throw new Error(`Unknown time zone: ${calendarTimeZone}`);
    this.calendarStore = new CalendarStore(calendarTimeZone, opts.calendar);
    let ss: FakeSpreadsheet | undefined;
    this.sheetsHost = {
      env: this.env,
      book: this.book,
      ui: this.ui,
      customFunctions: () => this.customFunctionHost(),
      spreadsheet: () => ss as FakeSpreadsheet,
    };
    ss = new FakeSpreadsheet(this.sheetsHost);
    this.spreadsheet = ss;

    const documentId = () => this.book.id;
    const logger = {
      log: (...args: unknown[]) => {
        this.env.log('Logger', formatLogger(args));
        return logger;
      },
      getLog: () =>
        this.env.logs
          .filter((l) => l.level === 'Logger')
          .map((l) => l.text)
          .join('\n'),
      clear: () => {
        this.env.logs = this.env.logs.filter((l) => l.level !== 'Logger');
      },
    };
    const consoleFake = Object.fromEntries(
      (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => [
        level,
        (...args: unknown[]) => this.env.log(level, util.format(...args)),
      ]),
    );
    this.globals = {
      SpreadsheetApp: new SpreadsheetAppService(this.sheetsHost),
      PropertiesService: new PropertiesServiceFake(this.env, this.propStores, documentId),
      // "If this method is called outside of the context of a containing document (such as from a
      // standalone script or web app), null is returned." (reference/lock/lock-service#getDocumentLock)
      LockService: new LockServiceFake(this.env, this.lockTable, () => (this.env.exec.webApp ? null : this.book.id)),
      ScriptApp: new ScriptAppService({
        env: this.env,
        triggers: this.triggerTable,
        documentId: this.book.id,
        scriptId: `script-${this.book.id}`,
        addOnMode: !!opts.addOnMode,
        minuteJitter: opts.triggerMinuteJitter ?? 15,
        webApp: this.webAppConfig,
      }),
      Session: new SessionService(this.env),
      Utilities: new UtilitiesService(this.env),
      HtmlService: new HtmlServiceFake(this.env),
      CacheService: new CacheServiceFake(this.env, this.cacheStores, documentId),
      Gmail: createGmail({ env: this.env, store: this.gmailStore }),
      Calendar: createCalendar({ env: this.env, store: this.calendarStore }),
      Charts: createCharts(),
      Logger: logger,
      console: consoleFake,
    };
    this.realm = this.newRealm();
    this.env.realm = this.realm;

    this.gmail = {
      drafts: () =>
        this.gmailStore.drafts.map((d) => ({
          id: d.id,
          raw: d.raw.toString('utf8'),
          userEmail: d.userEmail,
          problems: [...d.problems],
          messageId: d.messageId,
          threadId: d.threadId,
        })),
      sendAttempts: () => [...this.gmailStore.sendAttempts],
    };
    const calId = (id?: string) => (id === undefined || id === 'primary' ? this.env.config.defaultUser : id);
    const userAct = <T>(fn: () => T): T => this.env.outside(fn);
    this.calendar = {
      events: (calendarId) =>
        listAll(this.calendarStore, calendarId === undefined ? undefined : calId(calendarId), this.clock.ms()),
      addEvent: (calendarId, ev) => userAct(() => addEventDirect(this.env, this.calendarStore, calId(calendarId), ev)),
      addCalendar: (calendarId, tz) => void this.calendarStore.ensure(calId(calendarId), tz),
      timeZone: (calendarId) => this.calendarStore.ensure(calId(calendarId)).timeZone,
      respond: (calendarId, eventId, status, email) =>
        userAct(() =>
          respond(this.env, this.calendarStore, calId(calendarId), eventId, status, email ?? calId(calendarId)),
        ),
      decline: (calendarId, eventId) =>
        userAct(() => respond(this.env, this.calendarStore, calId(calendarId), eventId, 'declined', calId(calendarId))),
      markFree: (calendarId, eventId, free) =>
        userAct(() => markFree(this.env, this.calendarStore, calId(calendarId), eventId, free)),
      moveEvent: (calendarId, eventId, to) =>
        userAct(() => moveEvent(this.env, this.calendarStore, calId(calendarId), eventId, to)),
      deleteEvent: (calendarId, eventId) =>
        userAct(() => deleteEvent(this.env, this.calendarStore, calId(calendarId), eventId)),
    };
    this.triggers = {
      list: () => this.triggerTable.list.map(toTriggerInfo),
      fire: (idOrHandler, event) => this.fireTrigger(idOrHandler, event),
      nextRun: (idOrHandler, after) => {
        const at = nextFire(
          this.findTrigger(idOrHandler),
          after === undefined ? this.clock.ms() : new Clock(after).ms(),
        );
        return at === undefined ? null : new Date(at);
      },
      runUntil: (until) => this.runTriggersUntil(new Clock(until).ms()),
    };
    this.webApp = {
      url: () => (this.webAppConfig.deployed ? webAppUrl(this.webAppConfig) : null),
      get: (req) => this.webGet(req ?? {}),
    };
    this.locks = {
      holdDocumentLock: () => this.lockTable.holdPhantom(`document:${this.book.id}`),
      releaseDocumentLock: () => this.lockTable.releasePhantom(`document:${this.book.id}`),
      holdScriptLock: () => this.lockTable.holdPhantom('script'),
      releaseScriptLock: () => this.lockTable.releasePhantom('script'),
    };
    const obj = (m: Map<string, string>) => Object.fromEntries(m);
    const set = (m: Map<string, string>, p: Record<string, string>) => {
      m.clear();
      for (const [k, v] of Object.entries(p)) m.set(k, String(v));
    };
    this.properties = {
      document: () => obj(this.propStores.documentStore(this.book.id)),
      user: (email) => obj(this.propStores.userStore(email ?? this.env.config.defaultUser)),
      script: () => obj(this.propStores.script),
      setDocument: (p) => set(this.propStores.documentStore(this.book.id), p),
      setUser: (p, email) => set(this.propStores.userStore(email ?? this.env.config.defaultUser), p),
      setScript: (p) => set(this.propStores.script, p),
    };
  }

  /** Everything the bundle logged (console.* and Logger.log), in order. */
  get logs(): LogLine[] {
    return this.env.logs;
  }

  // ---- workbook helpers (not counted) ----

  /** Change what each service call costs on the fake clock from now on (benchmarks: latency after a free set-up). */
  setLatency(latencyMs: Partial<Record<ServiceName, number>>): void {
    this.env.config.latencyMs = { ...latencyMs };
  }

  /**
   * Create or replace a sheet with these cell values (row 1 = headers), as if
   * a user typed them in (or imported a CSV): '=...' becomes a formula,
   * '2026-11-02' a date cell, '1,200' the number 1200, "'007" the text 007.
   * Numbers, booleans and Dates are stored as they are. With {parse: false}
   * strings are stored as given (except '=...', still a formula).
   */
  setSheet(name: string, rows: unknown[][], opts: { parse?: boolean } = {}): void {
    this.env.outside(() => {
      let store = this.book.byNameInsensitive(name);
      if (!store) {
        // The untouched 'Sheet1' of a new spreadsheet becomes the first sheet a test sets.
        const first = this.book.sheets[0];
        if (!this.sheet1Used && this.book.sheets.length === 1 && first.name === 'Sheet1' && first.lastRow() === 0) {
          store = first;
          store.name = name;
        } else store = createSheetStore(this.book, name);
      }
      this.sheet1Used = true;
      const prepared =
        opts.parse === false
          ? rows.map((r) => r.map((v) => (typeof v === 'string' && !v.startsWith('=') && v !== '' ? `'${v}` : v)))
          : rows;
      fillSheet(this.sheetsHost, store, prepared);
    });
  }
  private sheet1Used = false;

  /** The sheet as the bundle would see it (a FakeSheet); calls made through it outside invoke() are not counted. */
  sheet(name: string): FakeSheet {
    const s = this.book.byNameInsensitive(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return new FakeSheet(this.sheetsHost, s);
  }

  private store(name: string): SheetStore {
    const s = this.book.byNameInsensitive(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  /** Current values of a sheet (like getDataRange().getValues(), Node values). */
  sheetValues(name: string): unknown[][] {
    return this.env.outside(() => {
      const s = this.store(name);
      ensureFresh(this.sheetsHost, s);
      if (s.lastRow() === 0) return [];
      return new FakeRange(this.sheetsHost, s, 1, 1, s.lastRow(), s.lastCol())._read() as CellValue[][];
    });
  }

  /** Display values of a sheet's data range (what the user sees). */
  sheetDisplayValues(name: string): string[][] {
    return this.env.outside(() => {
      const s = this.store(name);
      ensureFresh(this.sheetsHost, s);
      if (s.lastRow() === 0) return [];
      return (new FakeRange(this.sheetsHost, s, 1, 1, s.lastRow(), s.lastCol()).getDisplayValues() as string[][]).map(
        (r) => [...r],
      );
    });
  }

  /** Formulas of a sheet's data range ('' where none). */
  sheetFormulas(name: string): string[][] {
    return this.env.outside(() => {
      const s = this.store(name);
      if (s.lastRow() === 0) return [];
      return new FakeRange(this.sheetsHost, s, 1, 1, s.lastRow(), s.lastCol())._grid((m) => m?.formula ?? '');
    });
  }

  /** The embedded charts on a sheet (or on every sheet): type, ranges (A1 with sheet), options, position. */
  charts(sheet?: string): ReturnType<typeof describeChart>[] {
    const stores = sheet === undefined ? this.book.sheets : [this.store(sheet)];
    return stores.flatMap((s) => s.charts.map(describeChart));
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  /** Give a formula the emulator cannot evaluate a value ('Sheet!A1' or sheet + a1). */
  setFormulaValue(sheet: string, a1: string, value: CellValue): void {
    const s = this.store(sheet);
    const ref = parseA1(a1);
    if (!ref) throw new Error(`Bad A1 reference: ${a1}`);
    const meta = s.ensureMeta(ref.row - 1, ref.col - 1);
    if (meta.formula === undefined) throw new Error(`${sheet}!${a1} holds no formula`);
    meta.fixed = value;
    this.book.dirty = true;
  }

  /** Why formula cells show errors: [{sheet, a1, value, message}]. */
  formulaErrors(): Array<{ sheet: string; a1: string; value: unknown; message: string }> {
    const out: Array<{ sheet: string; a1: string; value: unknown; message: string }> = [];
    this.env.outside(() => {
      for (const s of this.book.sheets) {
        ensureFresh(this.sheetsHost, s);
        for (const { r, c, meta } of s.formulaCells()) {
          if (meta.error)
            out.push({
              sheet: s.name,
              a1: `${columnLetter(c + 1)}${r + 1}`,
              value: s.value(r, c),
              message: meta.error,
            });
        }
      }
    });
    return out;
  }

  // ---- the bundle ----

  /** Compile the bundle and run its top-level code once (outside any execution). */
  load(code: string, filename = 'Code.js'): void {
    if (this.script) throw new Error('Emulator.load may be called once per Emulator');
    this.script = new vm.Script(code, { filename });
    this.realm = this.newRealm();
    this.env.realm = this.realm;
    this.env.outside(() => this.realm.run(this.script as vm.Script));
    // Formulas read before the bundle was there showed #NAME?: compute them again.
    this.book.dirty = this.book.hasFormulas();
  }

  /** A global of the current context (after load: the last execution's). */
  global(name: string): unknown {
    return this.realm.global[name];
  }

  invoke(fnName: string, ...args: unknown[]): unknown {
    return this.invokeAs({}, fnName, ...args);
  }

  invokeAs(opts: InvokeOptions, fnName: string, ...args: unknown[]): unknown {
    if (!this.script) throw new Error('Emulator: load() the bundle before invoke()');
    if (this.env.exec.active) throw new Error('Emulator: invoke() cannot be nested inside an execution');
    const id = ++this.executions;
    this.applySelection(opts);
    const exec: Execution = {
      id,
      active: true,
      counted: true,
      start: this.clock.ms(),
      limitMs: EXECUTION_LIMIT_MS,
      authMode: opts.authMode ?? 'FULL',
      user: opts.user ?? this.env.config.defaultUser,
      trigger: !!opts.trigger || !!opts.webApp,
      webApp: !!opts.webApp,
      killed: false,
      customFunction: false,
      parallel: this.parallel,
    };
    const outerRealm = this.env.realm;
    const nested = this.running > 0;
    this.running++;
    const realm = this.fresh ? this.newRealm() : this.realm;
    this.realm = realm;
    this.env.realm = realm;
    this.env.exec = exec;
    this.env.depth = 0;
    try {
      let result: unknown;
      let failure: { e: unknown } | undefined;
      try {
        if (this.fresh) realm.run(this.script);
        const fn = realm.global[fnName];
        if (typeof fn !== 'function') throw realm.error(`Script function not found: ${fnName}`, 'ScriptError');
        result = (fn as BundleFunction).apply(undefined, realm.toCtx(args));
      } catch (e) {
        failure = { e };
      }
      // A killed execution ends with the kill, whatever its catch or finally did (docs/platform.md, "Limits and errors").
      if (exec.killed) throw this.env.timeLimitError();
      if (failure) throw failure.e;
      return toNode(result);
    } catch (e) {
      throw toNodeError(e);
    } finally {
      this.env.exec = NO_EXECUTION;
      this.env.depth = 0;
      // The platform releases an execution's locks when it ends, killed or not.
      if (this.parallel) this.lockTable.releaseExecutionAt(id, this.clock.ms());
      else this.lockTable.releaseExecution(id);
      this.running--;
      this.executionLog.push({
        id,
        function: fnName,
        user: exec.user,
        trigger: exec.trigger,
        start: exec.start,
        end: this.clock.ms(),
        killed: exec.killed,
      });
      // An execution started from a hook inside another one hands the outer one its realm back.
      if (nested) {
        this.env.realm = outerRealm;
        this.realm = outerRealm;
      }
    }
  }

  /**
   * Call a server function the way the sidebar's google.script.run does:
   * private functions (ending in _) are not callable; arguments may only be
   * primitives, null, and plain objects/arrays of them (else the call fails);
   * a result holding a Date or another illegal value arrives as null.
   * Returns a Node-realm JSON copy of the result.
   */
  scriptRun(fnName: string, ...args: unknown[]): unknown {
    if (fnName.endsWith('_')) throw new Error(`Script function not found: ${fnName}`);
    args.forEach((a, i) => {
      const bad = illegalPath(a, String(i));
      if (bad !== undefined) throw new Error(`Failed due to illegal value in property: ${bad}`);
    });
    const result = this.invoke(fnName, ...args);
    if (result === undefined) return undefined;
    const bad = illegalPath(result, 'result');
    if (bad !== undefined) {
      this.env.log(
        'warn',
        `google.script.run: ${fnName} returned an illegal value at ${bad} (a Date?); the client receives null`,
      );
      return null;
    }
    return JSON.parse(JSON.stringify(result));
  }

  /** The spreadsheet is opened: run onOpen as a simple trigger (LIMITED for a bound script, NONE for an add-on not yet used in this document). */
  open(authMode: AuthMode = 'LIMITED'): unknown {
    return this.invokeAs({ authMode }, 'onOpen', {
      authMode,
      source: this.spreadsheet,
      user: this.env.config.defaultUser,
    });
  }

  // ---- exports ----

  exportEml(dir: string): string[] {
    return writeEml(this.gmailStore.drafts, dir);
  }

  exportIcs(file: string, calendarId?: string): void {
    const id = calendarId === 'primary' ? this.env.config.defaultUser : calendarId;
    writeIcs(storedEvents(this.calendarStore, id), file, this.clock.ms());
  }

  // ---- internals ----

  private newRealm(): Realm {
    const realm = createRealm({ now: () => this.clock.ms(), scriptTimeZone: () => this.env.config.scriptTimeZone });
    for (const name of SERVICE_GLOBALS) {
      Object.defineProperty(realm.global, name, {
        value: this.globals[name],
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    // Fast lookups (see realm.ts): script-scope bindings for the services too.
    serviceAliases ??= new vm.Script(SERVICE_GLOBALS.map((n) => `let ${n} = globalThis.${n};`).join('\n'), {
      filename: 'emulator-services.js',
    });
    realm.run(serviceAliases);
    return realm;
  }

  private applySelection(opts: InvokeOptions): void {
    if (opts.activeSheet === undefined && opts.activeRange === undefined) return;
    let sheet = opts.activeSheet !== undefined ? this.store(opts.activeSheet) : undefined;
    const ranges: Array<{ row: number; col: number; numRows: number; numCols: number }> = [];
    for (const part of (opts.activeRange ?? 'A1').split(',')) {
      const { sheet: named, range } = splitSheet(part.trim());
      if (named !== undefined) sheet = this.store(named);
      const ref = parseA1(range);
      if (!ref) throw new Error(`Bad activeRange: ${opts.activeRange}`);
      const target =
        sheet ?? (this.book.selection ? this.book.byId(this.book.selection.sheetId) : undefined) ?? this.book.sheets[0];
      sheet = target;
      ranges.push({
        row: ref.row,
        col: ref.col,
        numRows: (ref.endRow ?? target.maxRows) - ref.row + 1,
        numCols: (ref.endCol ?? target.maxCols) - ref.col + 1,
      });
    }
    const target = sheet ?? this.book.sheets[0];
    this.book.selection = { sheetId: target.id, ranges };
  }

  private customFunctionHost(): CustomFunctionHost | undefined {
    const script = this.script;
    if (!script) return undefined;
    return {
      run: <T>(body: (resolve: (name: string) => BundleFunction | undefined) => T): T => {
        // Each recalculation runs as its own execution, in a fresh scope, in CUSTOM_FUNCTION mode.
        const realm = this.newRealm();
        const savedRealm = this.env.realm;
        this.env.realm = realm;
        try {
          const exec: Execution = {
            id: this.env.exec.id,
            active: true,
            counted: false,
            start: this.clock.ms(),
            limitMs: CUSTOM_FUNCTION_LIMIT_MS,
            authMode: 'CUSTOM_FUNCTION',
            user: this.env.user,
            trigger: false,
            killed: false,
            customFunction: true,
          };
          let topLevelError: unknown;
          try {
            this.env.withExecution(exec, () => realm.run(script));
          } catch (e) {
            topLevelError = e;
          }
          const resolve = (name: string): BundleFunction | undefined => {
            const fn = lookupCustomFunction(realm.global, name);
            if (fn && topLevelError !== undefined) {
              return () => {
                throw topLevelError;
              };
            }
            return fn;
          };
          return body(resolve);
        } finally {
          this.env.realm = savedRealm;
        }
      },
    };
  }

  private findTrigger(idOrHandler: string): TriggerRecord {
    const t =
      this.triggerTable.list.find((x) => x.id === idOrHandler) ??
      this.triggerTable.list.find((x) => x.handler === idOrHandler);
    if (!t) throw new Error(`No trigger ${idOrHandler}`);
    return t;
  }

  private fireTrigger(idOrHandler: string, event?: Record<string, unknown>): unknown {
    const t = this.findTrigger(idOrHandler);
    const e = { authMode: 'FULL', triggerUid: t.id, ...(event ?? {}) } as Record<string, unknown>;
    if (t.type === 'CLOCK') {
      // A one-off trigger runs once; it stays listed (it still counts toward the 20) until deleted.
      if (t.after !== undefined || t.at !== undefined) t.spent = true;
      return this.invokeAs({ trigger: true, user: t.user }, t.handler, { ...timeEvent(this.clock.ms(), t), ...e });
    }
    return this.invokeAs({ user: t.user }, t.handler, { source: this.spreadsheet, user: t.user, ...e });
  }

  private runTriggersUntil(until: number): FiredRun[] {
    const begin = this.clock.ms();
    const done = new Map<string, number>();
    const running = new Set<string>();
    const runs: FiredRun[] = [];
    const due = (): { t: TriggerRecord; at: number } | undefined => {
      let best: { t: TriggerRecord; at: number } | undefined;
      for (const t of this.triggerTable.list) {
        if (running.has(t.id)) continue;
        const at = nextFire(t, Math.max(begin, done.get(t.id) ?? -Infinity));
        if (at !== undefined && at <= until && (!best || at < best.at)) best = { t, at };
      }
      return best;
    };
    const run = (d: { t: TriggerRecord; at: number }, overlapped: boolean) => {
      done.set(d.t.id, d.at);
      running.add(d.t.id);
      const r: FiredRun = {
        triggerId: d.t.id,
        handler: d.t.handler,
        user: d.t.user,
        due: d.at,
        start: this.clock.ms(),
        end: 0,
        overlapped,
      };
      runs.push(r);
      const wasParallel = this.parallel;
      this.parallel = overlapped;
      try {
        r.result = this.fireTrigger(d.t.id);
      } catch (e) {
        r.error = e instanceof Error ? e.message : String(e);
      } finally {
        this.parallel = wasParallel;
        running.delete(d.t.id);
        r.end = this.clock.ms();
        // It ran beside the current execution: that one carries on at its own time (the locks stay held until r.end).
        if (overlapped) this.clock.set(r.start);
      }
    };
    const savedTick = this.env.tick;
    // Another trigger falling due while an execution runs starts right then, beside it.
    this.env.tick = () => {
      const d = due();
      if (d && d.at <= this.clock.ms()) run(d, true);
    };
    try {
      for (let d = due(); d; d = due()) {
        if (this.clock.ms() < d.at) this.clock.set(d.at);
        run(d, false);
      }
    } finally {
      this.env.tick = savedTick;
    }
    if (this.clock.ms() < until) this.clock.set(until);
    return runs;
  }

  private webGet(req: WebRequest): WebResponse {
    const w = this.webAppConfig;
    if (!w.deployed)
      throw new Error('emu.webApp.get: the script is not deployed as a web app (EmulatorOptions.webApp)');
    const visitor = req.user === undefined ? w.owner : req.user;
    const base = { title: '', content: '', xFrameOptionsMode: 'DEFAULT', metaTags: [] };
    // Someone the deployment does not admit never reaches the script (the page text is Google's, unconfirmed here).
    if (!mayOpen(w, visitor)) return { ...base, status: 403, content: 'You need access' };
    const as = w.executeAs === 'USER_ACCESSING' && visitor ? visitor : w.owner;
    let out: unknown;
    try {
      out = this.invokeAs({ user: as, webApp: true }, 'doGet', requestEvent(req));
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      return { ...base, status: 500, content: error, ranAs: as, error };
    }
    if (!(out instanceof FakeHtmlOutput))
      return { ...base, status: 500, content: UNSUPPORTED_RETURN, ranAs: as, error: UNSUPPORTED_RETURN };
    return {
      status: 200,
      title: out.getTitle(),
      content: out.getContent(),
      xFrameOptionsMode: out._xFrameOptionsMode,
      metaTags: [...out._metaTags],
      ranAs: as,
    };
  }
}

/**
 * Results leave invoke() as Node-realm data: arrays, plain objects and Dates
 * are copied (so `instanceof Date` / `toBeInstanceOf(Date)` work in tests);
 * anything else (service objects, functions) is returned as is.
 */
function toNode(v: unknown, seen = new Map<object, unknown>()): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  if (isDateValue(v)) return new Date(v.getTime());
  const hit = seen.get(v);
  if (hit !== undefined) return hit;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    seen.set(v, out);
    for (let i = 0; i < v.length; i++) out[i] = toNode(v[i], seen);
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return v; // class instances
  if (proto !== null && proto !== Object.prototype && proto.constructor?.name !== 'Object') return v;
  const out: Record<string, unknown> = {};
  seen.set(v, out);
  for (const k of Object.keys(v)) out[k] = toNode((v as Record<string, unknown>)[k], seen);
  return out;
}

/**
 * Errors leave invoke() as Node-realm Errors (same name, message, stack and
 * extra properties such as `details`), so tests can use `instanceof Error`.
 */
function toNodeError(e: unknown): unknown {
  if (e instanceof Error || typeof e !== 'object' || e === null) return e;
  if (Object.prototype.toString.call(e) !== '[object Error]') return e;
  const src = e as Error & Record<string, unknown>;
  const out = new Error(src.message) as Error & Record<string, unknown>;
  Object.defineProperty(out, 'name', { value: src.name, writable: true, configurable: true, enumerable: false });
  if (typeof src.stack === 'string') out.stack = src.stack;
  for (const k of Object.keys(src)) out[k] = src[k];
  return out;
}

/** The event object of a time-driven trigger (guides/triggers/events, "Time-driven events"). */
function timeEvent(now: number, t: TriggerRecord): Record<string, unknown> {
  const tz = t.timezone ?? 'UTC';
  const w = wallTime(tz, now);
  return {
    'day-of-month': w.day,
    'day-of-week': w.weekday === 0 ? 7 : w.weekday,
    hour: w.hour,
    minute: w.minute,
    month: w.month,
    second: w.second,
    timezone: tz,
    year: w.year,
  };
}

function toTriggerInfo(t: TriggerRecord): TriggerInfo {
  const out: TriggerInfo = { id: t.id, handler: t.handler, type: t.type, user: t.user };
  if (t.atHour !== undefined) out.atHour = t.atHour;
  if (t.nearMinute !== undefined) out.nearMinute = t.nearMinute;
  if (t.minute !== undefined) out.minute = t.minute;
  if (t.spent) out.spent = true;
  if (t.everyDays !== undefined) out.everyDays = t.everyDays;
  if (t.everyHours !== undefined) out.everyHours = t.everyHours;
  if (t.everyMinutes !== undefined) out.everyMinutes = t.everyMinutes;
  if (t.after !== undefined) out.after = t.after;
  if (t.timezone !== undefined) out.timezone = t.timezone;
  if (t.spreadsheetId !== undefined) out.spreadsheetId = t.spreadsheetId;
  return out;
}

/** Sheets matches custom function names case-insensitively; private names (ending in _) are not callable. */
function lookupCustomFunction(global: Record<string, unknown>, name: string): BundleFunction | undefined {
  const candidates = [name, name.toUpperCase()];
  for (const c of candidates) {
    const f = global[c];
    if (typeof f === 'function' && !c.endsWith('_')) return f as BundleFunction;
  }
  const lower = name.toLowerCase();
  for (const k of Object.keys(global)) {
    if (k.toLowerCase() === lower && !k.endsWith('_') && typeof global[k] === 'function')
      return global[k] as BundleFunction;
  }
  return undefined;
}

/** Logger.log(format, values...) substitutes %s; Logger.log(value) logs the value. */
function formatLogger(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && rest.length) {
    let i = 0;
    return first.replace(/%s/g, () => (i < rest.length ? show(rest[i++]) : '%s'));
  }
  return show(first);
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDateValue(v)) return v.toString();
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** First path to a value google.script.run cannot carry, if any. */
function illegalPath(v: unknown, at: string, seen = new Set<unknown>()): string | undefined {
  if (v === null || v === undefined) return undefined;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return undefined;
  if (t === 'function' || t === 'symbol' || t === 'bigint') return at;
  if (isDateValue(v)) return at;
  if (seen.has(v)) return at;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = illegalPath(v[i], `${at}.${i}`, seen);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && proto.constructor?.name !== 'Object') return at;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const bad = illegalPath(x, `${at}.${k}`, seen);
    if (bad !== undefined) return bad;
  }
  return undefined;
}
