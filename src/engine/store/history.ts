// Retained history of the store: every revision's events since the compaction revision, oldest first. Watch replay
// reads it forward; reads at a past revision are answered from it and the current values (each event carries the
// key's previous value), so a write only appends its record: no per-key version lists to keep up on the write path.
import type { KeyValue, StoreEvent } from './types';

/** one write revision and its events (several for a txn) */
export interface RevisionRecord {
  readonly revision: number;
  readonly events: readonly StoreEvent[];
}

/** first index of records with revision > rev (records are in revision order) */
function firstAfter(log: readonly RevisionRecord[], from: number, rev: number): number {
  let lo = from;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((log[mid] as RevisionRecord).revision <= rev) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** the key's value just before event e (undefined: it did not exist) */
function before(e: StoreEvent): KeyValue | undefined {
  return e.type === 'ADDED' ? undefined : e.prevKv;
}

export class History {
  private log: RevisionRecord[] = [];
  private head = 0;

  record(rec: RevisionRecord): void {
    this.log.push(rec);
  }

  /**
   * The key's value as of rev (the caller checked rev is retained): the value before its first change after rev, or,
   * when nothing changed it since, the current one.
   */
  getAt(key: string, rev: number, current: KeyValue | undefined): KeyValue | undefined {
    const log = this.log;
    for (let i = firstAfter(log, this.head, rev); i < log.length; i++) {
      const events = (log[i] as RevisionRecord).events;
      for (let j = 0; j < events.length; j++) {
        const e = events[j] as StoreEvent;
        if (e.key === key) return before(e);
      }
    }
    return current;
  }

  /**
   * Keys under prefix changed after rev, each with its value as of rev (undefined: it did not exist then). A key
   * not in the map has the same value at rev as now.
   */
  changedSince(prefix: string, rev: number): Map<string, KeyValue | undefined> {
    const out = new Map<string, KeyValue | undefined>();
    const log = this.log;
    for (let i = firstAfter(log, this.head, rev); i < log.length; i++) {
      for (const e of (log[i] as RevisionRecord).events) {
        if (e.key.startsWith(prefix) && !out.has(e.key)) out.set(e.key, before(e));
      }
    }
    return out;
  }

  /** retained revision records with revision > rev, oldest first */
  *recordsAfter(rev: number): Generator<RevisionRecord> {
    const log = this.log;
    for (let i = firstAfter(log, this.head, rev); i < log.length; i++) yield log[i] as RevisionRecord;
  }

  /** drop revision records <= rev: no read at a revision >= rev needs them */
  compact(rev: number): void {
    this.head = firstAfter(this.log, this.head, rev);
    if (this.head > 1024 && this.head * 2 > this.log.length) {
      this.log = this.log.slice(this.head);
      this.head = 0;
    }
  }
}
