/**
 * The errors Apps Script really throws, word for word, for fault injection
 * (docs/platform.md, "Limits and errors"). Each entry says where its wording
 * comes from:
 *  - "docs": Google's documentation (quotas page, Calendar/Gmail API error
 *    guides);
 *  - "observed": public reports and libraries quoting the message as Apps
 *    Script printed it (the Calendar/Gmail HTTP errors as Apps Script wraps
 *    them, the Spreadsheets transient errors, the translations collected by
 *    the ErrorHandler library);
 *  - "unconfirmed": the emulator's best reading, to be checked on a real
 *    account (docs/real-account-check.md).
 *
 * Apps Script translates its own messages into the account's language
 * (Apps Script API, ExecutionError.errorMessage: "usually localized into the
 * user's language"); the advanced services' HTTP messages come from the API
 * and stay English. A product must therefore treat a message it cannot
 * classify as possibly transient.
 */

export type FaultClass = 'rate' | 'quota' | 'transient' | 'kill' | 'storage' | 'other';

/** The catalog keys a test can inject (emu.faults.inject({ error: key })). */
export type FaultKey =
  | 'rate'
  | 'quota.daily'
  | 'quota.service'
  | 'quota.computerTime'
  | 'server'
  | 'serviceError'
  | 'sheets.failed'
  | 'sheets.timedOut'
  | 'emptyResponse'
  | 'simultaneous'
  | 'lockOperations'
  | 'http.403.rate'
  | 'http.403.userRate'
  | 'http.403.quota'
  | 'http.429'
  | 'http.429.userRate'
  | 'http.500'
  | 'http.503'
  | 'kill';

export interface FaultContext {
  /** Apps Script's lower-case service word in quota messages: 'email', 'calendar', 'spreadsheets', 'properties'. */
  word: string;
  /** The capitalised name the quotas page uses ('Calendar', 'Gmail', 'Spreadsheets'). */
  title: string;
  /** 'calendar.events.insert': the API method in advanced-service errors. */
  api: string;
  /** The spreadsheet's id (for the "accessing document with id" messages). */
  documentId: string;
  /** 'Gmail' | 'Calendar' for advanced services, else undefined. */
  advanced?: 'Gmail' | 'Calendar';
  /** Now, for Gmail's "Retry after" time. */
  now: number;
}

export interface FaultEntry {
  cls: FaultClass;
  source: 'docs' | 'observed' | 'unconfirmed';
  /** Where the wording comes from. */
  ref: string;
  /** Apps Script's own message, by language ('en' always present); absent for HTTP errors. */
  text?: Record<string, (c: FaultContext) => string>;
  /** An advanced-service HTTP error: GoogleJsonResponseException "API call to {api} failed with error: {message}". */
  http?: { code: number; reason: string; domain: string; message: (c: FaultContext) => string };
}

const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const CAL_ERRORS = 'https://developers.google.com/workspace/calendar/api/guides/errors';
const GMAIL_ERRORS = 'https://developers.google.com/workspace/gmail/api/guides/handle-errors';
const ERROR_HANDLER = 'https://github.com/RomainVialard/ErrorHandler (src/ErrorHandler.gs.js)';

export const FAULT_CATALOG: Record<FaultKey, FaultEntry> = {
  rate: {
    cls: 'rate',
    source: 'docs',
    ref: QUOTAS,
    text: {
      en: (c) => `Service invoked too many times in a short time: ${c.word}. Try Utilities.sleep(1000) between calls.`,
    },
  },
  'quota.daily': {
    cls: 'quota',
    source: 'observed',
    ref: `${ERROR_HANDLER}; github.com/ramkumar-kr/gmail-delay-send/issues/166`,
    text: {
      en: (c) => `Service invoked too many times for one day: ${c.word}.`,
      fr: (c) => `Trop d'appels pour ce service aujourd'hui : ${c.word}.`,
      es: (c) => `Servicio solicitado demasiadas veces en un mismo día: ${c.word}.`,
      pt: (c) => `Serviço chamado muitas vezes no mesmo dia: ${c.word}.`,
    },
  },
  'quota.service': {
    cls: 'quota',
    source: 'docs',
    ref: `${QUOTAS} ("Exception messages")`,
    text: { en: (c) => `Service invoked too many times: ${c.title}.` },
  },
  'quota.computerTime': {
    cls: 'quota',
    source: 'docs',
    ref: `${QUOTAS} ("Exception messages")`,
    text: { en: () => 'Service using too much computer time for one day.' },
  },
  server: {
    cls: 'transient',
    source: 'observed',
    ref: ERROR_HANDLER,
    text: {
      en: () => "We're sorry, a server error occurred. Please wait a bit and try again.",
      de: () => 'Ein Serverfehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
      'zh-TW': () => '很抱歉，伺服器發生錯誤，請稍後再試。',
      fr: () =>
        'Une erreur est survenue sur le serveur. Nous vous prions de nous en excuser et vous invitons à réessayer ultérieurement.',
      es: () => 'Lo sentimos, se ha producido un error en el servidor. Espera un momento y vuelve a intentarlo.',
    },
  },
  serviceError: {
    cls: 'transient',
    source: 'observed',
    ref: ERROR_HANDLER,
    text: { en: (c) => `Service error: ${c.title}`, pt: (c) => `Erro de serviço: ${c.title}` },
  },
  'sheets.failed': {
    cls: 'transient',
    source: 'observed',
    ref: 'github.com/alexwforsythe/code-blocks/issues/168 (the Documents form of the same message)',
    text: { en: (c) => `Service Spreadsheets failed while accessing document with id ${c.documentId}.` },
  },
  'sheets.timedOut': {
    cls: 'transient',
    source: 'observed',
    ref: 'public Apps Script projects retrying on it (e.g. "Service Spreadsheets timed out while accessing document with id ...")',
    text: { en: (c) => `Service Spreadsheets timed out while accessing document with id ${c.documentId}.` },
  },
  emptyResponse: {
    cls: 'transient',
    source: 'observed',
    ref: ERROR_HANDLER,
    text: {
      en: () => 'Empty response',
      es: () => 'Respuesta vacía',
      fr: () => 'Réponse vierge',
      pt: () => 'Resposta vazia',
    },
  },
  simultaneous: {
    cls: 'transient',
    source: 'observed',
    ref: 'issuetracker.google.com/issues/373461929 (quoted as "Exception: Too many simultaneous invocations: Spreadsheets")',
    text: { en: (c) => `Too many simultaneous invocations: ${c.title}` },
  },
  lockOperations: {
    cls: 'transient',
    source: 'observed',
    ref: 'github.com/googleworkspace/apps-script-oauth2/issues/207',
    text: { en: () => 'There are too many LockService operations against the same script.' },
  },
  'http.403.rate': {
    cls: 'rate',
    source: 'docs',
    ref: CAL_ERRORS,
    http: { code: 403, reason: 'rateLimitExceeded', domain: 'usageLimits', message: () => 'Rate Limit Exceeded' },
  },
  'http.403.userRate': {
    cls: 'rate',
    source: 'docs',
    ref: `${CAL_ERRORS}; ${GMAIL_ERRORS}`,
    http: {
      code: 403,
      reason: 'userRateLimitExceeded',
      domain: 'usageLimits',
      message: () => 'User Rate Limit Exceeded',
    },
  },
  'http.403.quota': {
    cls: 'quota',
    source: 'docs',
    ref: `${CAL_ERRORS} (quotaExceeded); ${GMAIL_ERRORS} (dailyLimitExceeded)`,
    http: {
      code: 403,
      reason: 'quotaExceeded',
      domain: 'usageLimits',
      message: (c) => (c.advanced === 'Gmail' ? 'Daily Limit Exceeded' : 'Calendar usage limits exceeded.'),
    },
  },
  'http.429': {
    cls: 'rate',
    source: 'observed',
    ref: `${CAL_ERRORS} (429 rateLimitExceeded); Apps Script shows "API call to calendar.events.patch failed with error: Rate Limit Exceeded"`,
    http: { code: 429, reason: 'rateLimitExceeded', domain: 'usageLimits', message: () => 'Rate Limit Exceeded' },
  },
  'http.429.userRate': {
    cls: 'rate',
    source: 'observed',
    ref: `${GMAIL_ERRORS}; ${ERROR_HANDLER} ("User-rate limit exceeded.  Retry after ...Z")`,
    http: {
      code: 429,
      reason: 'rateLimitExceeded',
      domain: 'usageLimits',
      message: (c) => `User-rate limit exceeded.  Retry after ${new Date(c.now + 15 * 60000).toISOString()}`,
    },
  },
  'http.500': {
    cls: 'transient',
    source: 'docs',
    ref: CAL_ERRORS,
    http: { code: 500, reason: 'backendError', domain: 'global', message: () => 'Backend Error' },
  },
  'http.503': {
    cls: 'transient',
    source: 'unconfirmed',
    ref: `${GMAIL_ERRORS} (500, 502, 503, 504 "Server Errors"; the 503 wording is the emulator's reading)`,
    http: { code: 503, reason: 'backendError', domain: 'global', message: () => 'Backend Error' },
  },
  kill: {
    cls: 'kill',
    source: 'docs',
    ref: `${QUOTAS} (6 min / execution)`,
    text: { en: () => 'Exceeded maximum execution time' },
  },
};

/**
 * The message of an entry in a language (falling back to English when the
 * catalog has no translation for it: the emulator never invents one).
 */
export function faultText(key: FaultKey, c: FaultContext, language = 'en'): string {
  const e = FAULT_CATALOG[key];
  if (e.http) return `API call to ${c.api} failed with error: ${e.http.message(c)}`;
  const t = e.text ?? {};
  const fn = t[language] ?? t[language.split(/[-_]/)[0]] ?? t.en;
  return fn(c);
}
