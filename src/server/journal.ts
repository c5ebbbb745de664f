/**
 * A write-ahead journal of drafts and visits, so a run that dies between
 * making something and writing the sheet never makes it twice.
 *
 * Drafts: before a draft is made its key is written as 'pending'; after, the
 * draft's id. Properties are written at once (no batching), unlike the sheet,
 * so the journal survives a run killed before its single sheet write. A
 * 'pending' entry found by the next run means "maybe made": the run then asks
 * Gmail (see drafts.ts) before making it again (docs/platform.md, Gmail).
 * Entries are removed once the sheet records the draft, which keeps the store
 * far below its 500 KB.
 *
 * Visits: each carries its key in a private extended property that the run
 * looks up before inserting; the journal also remembers the visits made, with
 * their start, so a visit the user deleted is not made again for the same due
 * date even once Calendar has forgotten the deleted event (docs/platform.md,
 * Calendar).
 *
 * Keys are user text (a purchase key holds the Product): each is bounded
 * (core/digest.ts) before it becomes a property's key or value, so no entry
 * can outgrow the 9 KB a property holds.
 */
import { boundKey } from '../core/digest';
import { base64Url, utf8Bytes } from '../core/utf8';
import { documentProperties_ } from '../gas/properties';

const DRAFT = 'journal.draft.';
const VISIT = 'journal.visit.';

export type JournalEntry = { state: 'pending'; at: number } | { state: 'made'; id: string; at: number };

/** A visit Retain made: the event's id and its start (ms). */
export interface VisitEntry {
  id: string;
  start: number;
  at: number;
}

export interface Journal {
  get(key: string): JournalEntry | null;
  pending(key: string): void;
  made(key: string, id: string): void;
  forget(key: string): void;
  /** Forgets entries written before this instant (ms). */
  prune(before: number): void;
  keys(): string[];
  visit(key: string): VisitEntry | null;
  visitMade(key: string, id: string, start: number): void;
  /** How many visits were journaled at or after this instant (ms). */
  visitsSince(at: number): number;
}

/** Keys can hold any characters; property keys are safer plain. Encoded in JavaScript: no service call per key. */
function propKey(prefix: string, key: string): string {
  return prefix + base64Url(utf8Bytes(key));
}

function parse(text: string): ({ key: string } & Record<string, unknown>) | null {
  try {
    const e = JSON.parse(text) as { key?: unknown };
    return e && typeof e.key === 'string' ? (e as { key: string } & Record<string, unknown>) : null;
  } catch (err) {
    // A damaged entry is dropped: at worst Gmail is asked once more.
    return null;
  }
}

/** `all`: the document properties when the caller has read them already (one read a run). */
export function openJournal_(all?: Record<string, string>): Journal {
  const props = documentProperties_();
  const store = all ?? props.all();
  const drafts = new Map<string, JournalEntry>();
  const visits = new Map<string, VisitEntry>();
  for (const k of Object.keys(store)) {
    const isDraft = k.indexOf(DRAFT) === 0;
    if (!isDraft && k.indexOf(VISIT) !== 0) continue;
    const e = parse(store[k]);
    if (!e) continue;
    if (isDraft) drafts.set(e.key, e as unknown as JournalEntry);
    else visits.set(e.key, e as unknown as VisitEntry);
  }
  function put(key: string, e: JournalEntry): void {
    const k = boundKey(key);
    drafts.set(k, e);
    props.set(propKey(DRAFT, k), JSON.stringify({ key: k, ...e }));
  }
  return {
    get: (key) => drafts.get(boundKey(key)) ?? null,
    pending: (key) => put(key, { state: 'pending', at: Date.now() }),
    made: (key, id) => put(key, { state: 'made', id, at: Date.now() }),
    forget(key) {
      const k = boundKey(key);
      if (!drafts.has(k)) return;
      drafts.delete(k);
      props.remove(propKey(DRAFT, k));
    },
    prune(before) {
      for (const [k, e] of Array.from(drafts.entries()))
        if (e.at < before) {
          drafts.delete(k);
          props.remove(propKey(DRAFT, k));
        }
      for (const [k, e] of Array.from(visits.entries()))
        if (e.at < before) {
          visits.delete(k);
          props.remove(propKey(VISIT, k));
        }
    },
    keys: () => Array.from(drafts.keys()),
    visit: (key) => visits.get(boundKey(key)) ?? null,
    visitMade(key, id, start) {
      const k = boundKey(key);
      const e: VisitEntry = { id, start, at: Date.now() };
      visits.set(k, e);
      props.set(propKey(VISIT, k), JSON.stringify({ key: k, ...e }));
    },
    visitsSince: (at) => Array.from(visits.values()).filter((e) => e.at >= at).length,
  };
}

/** A preview must not write even the journal; a run whose journal cannot be read makes no draft. This one remembers nothing. */
export function readOnlyJournal(): Journal {
  return {
    get: () => null,
    pending: () => undefined,
    made: () => undefined,
    forget: () => undefined,
    prune: () => undefined,
    keys: () => [],
    visit: () => null,
    visitMade: () => undefined,
    visitsSince: () => 0,
  };
}
