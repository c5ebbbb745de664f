/**
 * A write-ahead journal of drafts, so a run that dies between making a draft
 * and writing the sheet never makes that draft twice.
 *
 * Before a draft is made its key is written as 'pending'; after, the draft's
 * id. Properties are written at once (no batching), unlike the sheet, so the
 * journal survives a run killed before its single sheet write. A 'pending'
 * entry found by the next run means "maybe made": the run then asks Gmail
 * (see drafts.ts) before making it again (docs/platform.md, Gmail). Entries are removed once the sheet
 * records the draft, which keeps the store far below its 500 KB.
 *
 * Calendar events need no journal: each carries its key in a private
 * extended property that the run looks up before inserting.
 */
import { base64Url, utf8Bytes } from '../core/utf8';
import { documentProperties_ } from '../gas/properties';

const PREFIX = 'journal.draft.';

export type JournalEntry = { state: 'pending'; at: number } | { state: 'made'; id: string; at: number };

export interface Journal {
  get(key: string): JournalEntry | null;
  pending(key: string): void;
  made(key: string, id: string): void;
  forget(key: string): void;
  /** Forgets entries written before this instant (ms). */
  prune(before: number): void;
  keys(): string[];
}

/** Keys can hold any characters; property keys are safer plain. Encoded in JavaScript: no service call per key. */
function propKey(key: string): string {
  return PREFIX + base64Url(utf8Bytes(key));
}

export function openJournal_(): Journal {
  const props = documentProperties_();
  // One read of the whole store up front; every later change is a single write.
  const all = props.all();
  const entries = new Map<string, JournalEntry>();
  for (const k of Object.keys(all)) {
    if (k.indexOf(PREFIX) !== 0) continue;
    try {
      const e = JSON.parse(all[k]) as JournalEntry & { key: string };
      entries.set(e.key, e);
    } catch (err) {
      // A damaged entry is dropped: at worst Gmail is asked once more.
    }
  }
  function put(key: string, e: JournalEntry): void {
    entries.set(key, e);
    props.set(propKey(key), JSON.stringify({ key, ...e }));
  }
  return {
    get: (key) => entries.get(key) ?? null,
    pending: (key) => put(key, { state: 'pending', at: Date.now() }),
    made: (key, id) => put(key, { state: 'made', id, at: Date.now() }),
    forget(key) {
      if (!entries.has(key)) return;
      entries.delete(key);
      props.remove(propKey(key));
    },
    prune(before) {
      for (const [key, e] of Array.from(entries.entries())) {
        if (e.at < before) {
          entries.delete(key);
          props.remove(propKey(key));
        }
      }
    },
    keys: () => Array.from(entries.keys()),
  };
}

/** A preview must not write even the journal: this one remembers nothing. */
export function readOnlyJournal(): Journal {
  return {
    get: () => null,
    pending: () => undefined,
    made: () => undefined,
    forget: () => undefined,
    prune: () => undefined,
    keys: () => [],
  };
}
