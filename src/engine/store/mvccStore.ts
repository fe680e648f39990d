// The etcd-like MVCC store: one global revision, per-key create/mod revision and version, deep-frozen values,
// sorted key and label indexes for list, retained history for reads at past revisions, and watch with replay.
import type { KubeObject } from '../types/object';
import type {
  KeyValue,
  ListOptions,
  ListResult,
  MvccStore,
  StoreEvent,
  TxnCompare,
  TxnOp,
  WatchHandle,
  WatchListener,
  WatchOptions,
} from './types';
import { StoreError } from './types';
import { deepFreeze } from './deepFreeze';
import { History } from './history';
import { KeyIndex } from './keyIndex';
import { WatchHub } from './watchHub';

export interface StoreOptions {
  /** revisions of history kept; older ones are compacted automatically (default 100,000) */
  historyLimit?: number;
}

/** a write to apply: a value to put, or undefined to delete */
interface Change {
  key: string;
  value: KubeObject | undefined;
}

class Store implements MvccStore {
  revision = 0;
  compactRevision = 0;
  private readonly current = new Map<string, KeyValue>();
  private readonly index = new KeyIndex();
  private readonly history = new History();
  private readonly hub = new WatchHub();
  private readonly historyLimit: number;

  constructor(options: StoreOptions) {
    this.historyLimit = Math.max(1, Math.floor(options.historyLimit ?? 100_000));
  }

  get(key: string): KeyValue | undefined {
    return this.current.get(key);
  }

  getAt(key: string, revision: number): KeyValue | undefined {
    this.checkReadable(revision);
    const current = this.current.get(key);
    return revision === this.revision ? current : this.history.getAt(key, revision, current);
  }

  list(prefix: string, options: ListOptions = {}): ListResult {
    const selector =
      options.labelSelector && !options.labelSelector.empty() ? options.labelSelector : undefined;
    const limit = options.limit !== undefined && options.limit > 0 ? Math.floor(options.limit) : undefined;
    const keys = selector
      ? this.index.keysMatching(
          prefix,
          selector,
          (k) => this.current.get(k)?.value.metadata.labels,
          options.continueKey,
        )
      : this.index.keysWithPrefix(prefix, options.continueKey, limit === undefined ? undefined : limit + 1);
    const more = limit !== undefined && keys.length > limit;
    const page = more ? keys.slice(0, limit) : keys;
    const result: ListResult = {
      items: page.map((k) => this.current.get(k) as KeyValue),
      revision: this.revision,
    };
    if (more) result.continueKey = page[page.length - 1];
    return result;
  }

  listAt(prefix: string, revision: number): ListResult {
    this.checkReadable(revision);
    if (revision === this.revision) return this.list(prefix);
    // the keys changed since, as they were then; every other key is as it is now
    const changed = this.history.changedSince(prefix, revision);
    const items: KeyValue[] = [];
    for (const key of this.index.keysWithPrefix(prefix))
      if (!changed.has(key)) items.push(this.current.get(key) as KeyValue);
    for (const kv of changed.values()) if (kv) items.push(kv);
    items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { items, revision };
  }

  count(prefix: string): number {
    return this.index.countWithPrefix(prefix);
  }

  create(key: string, value: KubeObject): KeyValue {
    if (this.current.has(key)) throw new StoreError('KeyExists', `key already exists: ${key}`);
    return this.apply([{ key, value }])[0] as KeyValue;
  }

  update(key: string, value: KubeObject, expectedModRevision?: number): KeyValue {
    this.checkExpected(key, expectedModRevision);
    return this.apply([{ key, value }])[0] as KeyValue;
  }

  delete(key: string, expectedModRevision?: number): KeyValue {
    this.checkExpected(key, expectedModRevision);
    return this.apply([{ key, value: undefined }])[0] as KeyValue;
  }

  txn(compares: readonly TxnCompare[], ops: readonly TxnOp[]): boolean {
    // etcd Compare on mod_revision: a missing key has mod_revision 0
    for (const c of compares) if ((this.current.get(c.key)?.modRevision ?? 0) !== c.modRevision) return false;
    const seen = new Set<string>();
    for (const op of ops) {
      // mirrors etcd's checkRequestPuts/checkIntervals: one txn may not touch a key twice
      if (seen.has(op.key)) throw new Error(`etcdserver: duplicate key given in txn request: ${op.key}`);
      seen.add(op.key);
    }
    const changes: Change[] = [];
    for (const op of ops) {
      if (op.op === 'put') changes.push({ key: op.key, value: op.value });
      else if (this.current.has(op.key)) changes.push({ key: op.key, value: undefined });
    }
    // etcd bumps the revision only when the txn changed something
    if (changes.length > 0) this.apply(changes);
    return true;
  }

  watch(prefix: string, listener: WatchListener, options: WatchOptions = {}): WatchHandle {
    const from = options.fromRevision;
    if (from !== undefined && from < this.compactRevision) {
      // message as the apiserver watch cache words it (cacher/watch_cache.go: "too old resource version: %d (%d)")
      throw new StoreError(
        'Compacted',
        `too old resource version: ${from} (${this.compactRevision})`,
        this.compactRevision,
      );
    }
    const start = from ?? this.revision;
    const backlog = start < this.revision ? this.history.recordsAfter(start) : [];
    return this.hub.add(prefix, listener, options.labelSelector, start, backlog);
  }

  compact(revision: number): void {
    if (revision > this.revision) {
      throw new StoreError('FutureRevision', 'mvcc: required revision is a future revision');
    }
    if (revision <= this.compactRevision) return;
    this.history.compact(revision);
    this.compactRevision = revision;
  }

  /** apply changes as one revision, update indexes and history, then notify watchers */
  private apply(changes: readonly Change[]): KeyValue[] {
    const rev = this.revision + 1;
    const events: StoreEvent[] = [];
    const results: KeyValue[] = [];
    // index loops on the write path: no iterator objects per write
    for (let c = 0; c < changes.length; c++) {
      const { key, value } = changes[c] as Change;
      const prev = this.current.get(key);
      let event: StoreEvent;
      if (value === undefined) {
        if (!prev) continue;
        const kv = Object.freeze({ ...prev, modRevision: rev });
        this.current.delete(key);
        this.index.remove(key, prev.value.metadata.labels);
        event = { type: 'DELETED', key, revision: rev, kv, prevKv: prev };
      } else {
        const kv: KeyValue = Object.freeze({
          key,
          value: deepFreeze(value),
          createRevision: prev ? prev.createRevision : rev,
          modRevision: rev,
          version: prev ? prev.version + 1 : 1,
        });
        this.current.set(key, kv);
        if (prev) this.index.relabel(key, prev.value.metadata.labels, value.metadata.labels);
        else this.index.add(key, value.metadata.labels);
        event = prev
          ? { type: 'MODIFIED', key, revision: rev, kv, prevKv: prev }
          : { type: 'ADDED', key, revision: rev, kv };
      }
      events.push(Object.freeze(event));
      results.push(event.kv);
    }
    this.revision = rev;
    const record = Object.freeze({ revision: rev, events: Object.freeze(events) });
    this.history.record(record);
    this.autoCompact();
    this.hub.publish(record);
    return results;
  }

  /** keep about historyLimit revisions, compacting in steps of 1/16 of the limit so the cost is amortised */
  private autoCompact(): void {
    const slack = Math.max(1, Math.floor(this.historyLimit / 16));
    if (this.revision - this.compactRevision > this.historyLimit + slack)
      this.compact(this.revision - this.historyLimit);
  }

  private checkExpected(key: string, expectedModRevision: number | undefined): void {
    const prev = this.current.get(key);
    if (!prev) throw new StoreError('NotFound', `key not found: ${key}`);
    if (expectedModRevision !== undefined && expectedModRevision !== prev.modRevision) {
      throw new StoreError(
        'Conflict',
        `modRevision mismatch for ${key}: expected ${expectedModRevision}, current ${prev.modRevision}`,
      );
    }
  }

  private checkReadable(revision: number): void {
    if (revision < this.compactRevision) {
      throw new StoreError('Compacted', 'mvcc: required revision has been compacted', this.compactRevision);
    }
    if (revision > this.revision) {
      throw new StoreError('FutureRevision', 'mvcc: required revision is a future revision');
    }
  }
}

export function createStore(options: StoreOptions = {}): MvccStore {
  return new Store(options);
}
