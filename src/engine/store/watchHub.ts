// Watch fan-out: watchers are bucketed by the part of the keyspace they watch (one namespace directory, one
// plural, or everything), so a write only visits the watchers whose bucket it touches. Delivery is one call per
// revision, in revision order, never twice (each watcher remembers the last revision it was given).
import type { Selector } from '../labels/types';
import type { StoreEvent, WatchHandle, WatchListener } from './types';
import type { RevisionRecord } from './history';
import { locateKey, scopeOfPrefix } from './keyspace';

interface Watcher {
  readonly id: number;
  readonly prefix: string;
  readonly listener: WatchListener;
  readonly selector: Selector | undefined;
  readonly bucket: Map<number, Watcher>;
  lastRevision: number;
  cancelled: boolean;
}

function labelsOf(kv: StoreEvent['kv'] | undefined): Readonly<Record<string, string>> | undefined {
  return kv?.value.metadata.labels;
}

/**
 * Events a label-selected watcher sees, mirroring the apiserver watch cache (staging/src/k8s.io/apiserver/pkg/
 * storage/cacher/cache_watcher.go convertToWatchEvent): a MODIFIED event whose object stops matching is sent as
 * DELETED carrying the previous object at the event's revision; one whose object starts matching is sent as ADDED.
 */
export function filterForSelector(e: StoreEvent, selector: Selector): StoreEvent | undefined {
  if (e.type === 'ADDED') return selector.matches(labelsOf(e.kv)) ? e : undefined;
  if (e.type === 'DELETED') return selector.matches(labelsOf(e.prevKv ?? e.kv)) ? e : undefined;
  const cur = selector.matches(labelsOf(e.kv));
  const old = e.prevKv !== undefined && selector.matches(labelsOf(e.prevKv));
  if (cur && old) return e;
  if (cur) return { type: 'ADDED', key: e.key, revision: e.revision, kv: e.kv };
  if (old && e.prevKv) {
    const kv = Object.freeze({ ...e.prevKv, modRevision: e.revision });
    return { type: 'DELETED', key: e.key, revision: e.revision, kv, prevKv: e.prevKv };
  }
  return undefined;
}

function allUnder(events: readonly StoreEvent[], prefix: string): boolean {
  for (let i = 0; i < events.length; i++) if (!(events[i] as StoreEvent).key.startsWith(prefix)) return false;
  return true;
}

const NO_WATCHERS: readonly Watcher[] = Object.freeze([]);

export class WatchHub {
  private nextId = 1;
  private everything = new Map<number, Watcher>();
  private byPlural = new Map<string, Map<number, Watcher>>();
  private byDir = new Map<string, Map<number, Watcher>>();
  private queue: RevisionRecord[] = [];
  private delivering = false;

  /** registers a watcher that has seen everything up to fromRevision; replays `backlog` to it first */
  add(
    prefix: string,
    listener: WatchListener,
    selector: Selector | undefined,
    fromRevision: number,
    backlog: Iterable<RevisionRecord>,
  ): WatchHandle {
    const w: Watcher = {
      id: this.nextId++,
      prefix,
      listener,
      selector: selector && !selector.empty() ? selector : undefined,
      bucket: this.bucketFor(prefix),
      lastRevision: fromRevision,
      cancelled: false,
    };
    for (const rec of backlog) this.deliverTo(w, rec);
    w.bucket.set(w.id, w);
    return {
      id: w.id,
      cancel: () => {
        w.cancelled = true;
        w.bucket.delete(w.id);
      },
    };
  }

  /** deliver a new revision; a write made by a listener during delivery is queued behind the current one */
  publish(rec: RevisionRecord): void {
    this.queue.push(rec);
    if (this.delivering) return;
    this.delivering = true;
    let firstError: unknown;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const watchers = this.watchersFor(next);
        for (let i = 0; i < watchers.length; i++) {
          const w = watchers[i] as Watcher;
          try {
            this.deliverTo(w, next);
          } catch (err) {
            // one failing listener must not starve the others (Reliable); rethrow after everyone got the event
            firstError ??= err;
          }
        }
      }
    } finally {
      this.delivering = false;
    }
    if (firstError !== undefined) throw firstError;
  }

  get size(): number {
    let n = this.everything.size;
    for (const b of this.byPlural.values()) n += b.size;
    for (const b of this.byDir.values()) n += b.size;
    return n;
  }

  private deliverTo(w: Watcher, rec: RevisionRecord): void {
    if (w.cancelled || rec.revision <= w.lastRevision) return;
    w.lastRevision = rec.revision;
    // the common case (no selector, every event under the prefix: one object's write) passes the record's own list
    if (!w.selector && allUnder(rec.events, w.prefix)) {
      if (rec.events.length > 0) w.listener(rec.events);
      return;
    }
    const out: StoreEvent[] = [];
    for (const e of rec.events) {
      if (!e.key.startsWith(w.prefix)) continue;
      const seen = w.selector ? filterForSelector(e, w.selector) : e;
      if (seen) out.push(seen);
    }
    if (out.length > 0) w.listener(out);
  }

  /** watchers whose bucket one of the record's keys falls in, by id (registration order) */
  private watchersFor(rec: RevisionRecord): readonly Watcher[] {
    // the usual record: one key, watched by one plural bucket or by nobody (Events), with no Set or sort
    if (rec.events.length === 1 && this.everything.size === 0) {
      const loc = locateKey((rec.events[0] as StoreEvent).key);
      const p = this.byPlural.get(loc.plural);
      const d = this.byDir.get(loc.dir);
      const pn = p?.size ?? 0;
      const dn = d?.size ?? 0;
      if (pn === 0 && dn === 0) return NO_WATCHERS;
      if (dn === 0) return [...(p as Map<number, Watcher>).values()];
      if (pn === 0) return [...(d as Map<number, Watcher>).values()];
    }
    const buckets = new Set<Map<number, Watcher>>();
    if (this.everything.size > 0) buckets.add(this.everything);
    for (const e of rec.events) {
      const loc = locateKey(e.key);
      const p = this.byPlural.get(loc.plural);
      if (p && p.size > 0) buckets.add(p);
      const d = this.byDir.get(loc.dir);
      if (d && d.size > 0) buckets.add(d);
    }
    const out: Watcher[] = [];
    for (const b of buckets) for (const w of b.values()) out.push(w);
    if (buckets.size > 1) out.sort((a, b) => a.id - b.id);
    return out;
  }

  private bucketFor(prefix: string): Map<number, Watcher> {
    const scope = scopeOfPrefix(prefix);
    if (scope.kind === 'all') return this.everything;
    const [index, name] = scope.kind === 'plural' ? [this.byPlural, scope.plural] : [this.byDir, scope.dir];
    let bucket = index.get(name);
    if (!bucket) index.set(name, (bucket = new Map()));
    return bucket;
  }
}
