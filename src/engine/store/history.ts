// Retained history of the store: every revision's events (for watch replay) and each key's versions (for reads
// at a past revision, by binary search). compact(rev) drops what no read at a revision >= rev can need.
import type { KeyValue, StoreEvent } from './types';
import { LazySortedKeys } from './lazySortedKeys';
import { locateKey, scopeOfPrefix } from './keyspace';

/** one write revision and its events (several for a txn) */
export interface RevisionRecord {
  readonly revision: number;
  readonly events: readonly StoreEvent[];
}

/** a key's value from `revision` on; kv undefined = deleted at that revision */
interface VersionEntry {
  readonly revision: number;
  readonly kv: KeyValue | undefined;
}

/** index of the last entry with revision <= rev, or -1 */
function lastAtOrBefore(entries: readonly VersionEntry[], rev: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as VersionEntry).revision <= rev) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export class History {
  private versions = new Map<string, VersionEntry[]>();
  /** keys with retained history (live, or deleted within the window), per plural */
  private keysByPlural = new Map<string, LazySortedKeys>();
  private log: RevisionRecord[] = [];
  private head = 0;

  record(rec: RevisionRecord): void {
    this.log.push(rec);
    for (let i = 0; i < rec.events.length; i++) {
      const e = rec.events[i] as StoreEvent;
      let entries = this.versions.get(e.key);
      if (!entries) {
        this.versions.set(e.key, (entries = []));
        this.keySet(locateKey(e.key).plural).add(e.key);
      }
      entries.push({ revision: rec.revision, kv: e.type === 'DELETED' ? undefined : e.kv });
    }
  }

  /** the key's value as of rev (the caller checked rev is retained) */
  getAt(key: string, rev: number): KeyValue | undefined {
    const entries = this.versions.get(key);
    if (!entries) return undefined;
    const i = lastAtOrBefore(entries, rev);
    return i < 0 ? undefined : (entries[i] as VersionEntry).kv;
  }

  /** keys with retained history under prefix, sorted */
  keysWithPrefix(prefix: string): string[] {
    const scope = scopeOfPrefix(prefix);
    const sets =
      scope.kind === 'all' ? [...this.keysByPlural.values()] : [this.keysByPlural.get(scope.plural)];
    const out: string[] = [];
    for (const set of sets) if (set) for (const k of set.withPrefix(prefix)) out.push(k);
    return scope.kind === 'all' ? out.sort() : out;
  }

  /** retained revision records with revision > rev, oldest first */
  *recordsAfter(rev: number): Generator<RevisionRecord> {
    const first = this.log[this.head];
    if (!first) return;
    for (let i = this.head + Math.max(0, rev + 1 - first.revision); i < this.log.length; i++) {
      yield this.log[i] as RevisionRecord;
    }
  }

  /** drop revision records <= rev and every key version no read at a revision >= rev can see */
  compact(rev: number): void {
    const touched = new Set<string>();
    while (this.head < this.log.length && (this.log[this.head] as RevisionRecord).revision <= rev) {
      for (const e of (this.log[this.head] as RevisionRecord).events) touched.add(e.key);
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.log.length) {
      this.log = this.log.slice(this.head);
      this.head = 0;
    }
    for (const key of touched) this.trimKey(key, rev);
  }

  private trimKey(key: string, rev: number): void {
    const entries = this.versions.get(key);
    if (!entries) return;
    let keep = lastAtOrBefore(entries, rev);
    // the newest version at or before rev still answers reads at rev; a deletion there answers them by absence
    if (keep >= 0 && (entries[keep] as VersionEntry).kv === undefined) keep++;
    if (keep > 0) entries.splice(0, keep);
    if (entries.length === 0) {
      this.versions.delete(key);
      this.keysByPlural.get(locateKey(key).plural)?.delete(key);
    }
  }

  private keySet(plural: string): LazySortedKeys {
    let set = this.keysByPlural.get(plural);
    if (!set) this.keysByPlural.set(plural, (set = new LazySortedKeys()));
    return set;
  }
}
