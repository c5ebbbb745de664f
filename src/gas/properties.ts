/**
 * Document and user properties (docs/platform.md, Locks, properties and time
 * zones): a store is opened once per use, and every read and write goes
 * through the retry policy. Writing a property twice writes the same value:
 * safe to retry.
 */
import { retryService } from './retry';

export interface PropertyStore {
  all(): Record<string, string>;
  get(key: string): string | null;
  set(key: string, value: string): void;
  setAll(values: Record<string, string>): void;
  remove(key: string): void;
}

function store(open: () => GoogleAppsScript.Properties.Properties): PropertyStore {
  const props = retryService('Properties', open);
  const retried = <T>(fn: () => T): T => retryService('Properties', fn);
  return {
    all: () => retried(() => props.getProperties()),
    get: (key) => retried(() => props.getProperty(key)),
    set: (key, value) => {
      retried(() => props.setProperty(key, value));
    },
    setAll: (values) => {
      retried(() => props.setProperties(values));
    },
    remove: (key) => {
      retried(() => props.deleteProperty(key));
    },
  };
}

/** Shared by everyone who uses the spreadsheet: settings, the drafts' journal. */
export function documentProperties_(): PropertyStore {
  return store(() => PropertiesService.getDocumentProperties());
}

/** This user's own, across spreadsheets: trigger records, the cached address. */
export function userProperties_(): PropertyStore {
  return store(() => PropertiesService.getUserProperties());
}
