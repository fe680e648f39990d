// Watch-fed caches with indexes, shared by every controller (mirrors client-go's SharedIndexInformer).
// An informer lists once, then follows the API server's watch; handlers only enqueue keys.
import type { ApiServer, ApiWatch, WatchEvent } from '../apiserver/types';
import type { KubeObject, ObjectKey } from '../types/object';
import { objectKey } from '../types/object';

export type IndexFunc = (obj: Readonly<KubeObject>) => readonly string[];

/**
 * The part of an object an IndexFunc reads (e.g. `o.metadata.labels`): when a new version of a cached object has the
 * very same part (===; stored objects are frozen and /status writes keep their metadata and spec parts), its index
 * values are the old ones and the IndexFunc is not run again. The key's namespace and name never change.
 */
export type IndexDeps = (obj: Readonly<KubeObject>) => unknown;

/** the namespace index's part: fixed for a key */
const NAMESPACE_DEPS: IndexDeps = (o) => o.metadata.namespace;

export interface InformerHandlers {
  onAdd?(obj: Readonly<KubeObject>): void;
  onUpdate?(oldObj: Readonly<KubeObject>, newObj: Readonly<KubeObject>): void;
  onDelete?(obj: Readonly<KubeObject>): void;
}

type ObjectHandler = NonNullable<InformerHandlers['onAdd']>;
type UpdateHandler = NonNullable<InformerHandlers['onUpdate']>;

/** the namespace index, as cache.NamespaceIndex */
export const NAMESPACE_INDEX = 'namespace';

/** pods by the node they are bound to (the spec.nodeName indexer kubelets and node controllers use) */
export const POD_NODE_INDEX = 'spec.nodeName';

/** add the POD_NODE_INDEX to a pods informer */
export function indexPodsByNode(pods: Informer): void {
  pods.addIndexer(
    POD_NODE_INDEX,
    (o) => {
      const n = (o.spec as { nodeName?: string } | undefined)?.nodeName;
      return n ? [n] : [];
    },
    (o) => o.spec,
  );
}

/** a cached object and the values each indexer gave it (in indexer order) */
interface CacheEntry {
  obj: Readonly<KubeObject>;
  /**
   * the values each indexer gave the cached object, so an update does not re-run every index function on the old
   * object; the cached object is frozen, so they cannot go stale (client-go's threadSafeMap re-runs them: the values
   * are the same)
   */
  readonly indexed: IndexEntry[];
}

export class Informer {
  /** key -> the cached object and its index values: one map, so a delivery does one lookup */
  private readonly items = new Map<ObjectKey, CacheEntry>();
  private readonly indexers = new Map<string, IndexFunc>();
  /** index name -> index value -> the cache entries of the objects with that value */
  private readonly indices = new Map<string, Map<string, Set<CacheEntry>>>();
  /** the index functions and their indices, in the order added (plain arrays for the per-write loop) */
  private readonly indexFns: IndexFunc[] = [];
  private readonly indexDeps: (IndexDeps | undefined)[] = [];
  private readonly indexMaps: Map<string, Set<CacheEntry>>[] = [];
  /** the handlers' functions by verb, in the order added (a delivery calls them without looking up each one) */
  private readonly addFns: ObjectHandler[] = [];
  private readonly updateFns: UpdateHandler[] = [];
  private readonly deleteFns: ObjectHandler[] = [];
  private watch: ApiWatch | undefined;

  constructor(
    private readonly api: ApiServer,
    readonly resource: string,
  ) {
    this.addIndexer(NAMESPACE_INDEX, (o) => [o.metadata.namespace ?? ''], NAMESPACE_DEPS);
  }

  /** add an index (deps: what of the object fn reads, see IndexDeps); call before start() where possible */
  addIndexer(name: string, fn: IndexFunc, deps?: IndexDeps): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const idx = new Map<string, Set<CacheEntry>>();
    this.indices.set(name, idx);
    this.indexFns.push(fn);
    this.indexDeps.push(deps);
    this.indexMaps.push(idx);
    for (const e of this.items.values()) {
      const values = fn(e.obj);
      e.indexed.push({ values, sets: addToIndex(idx, values, e), dep: deps?.(e.obj) });
    }
  }

  addHandlers(h: InformerHandlers): void {
    if (h.onAdd) this.addFns.push(h.onAdd.bind(h));
    if (h.onUpdate) this.updateFns.push(h.onUpdate.bind(h));
    if (h.onDelete) this.deleteFns.push(h.onDelete.bind(h));
    // a late handler sees the current cache as adds, as client-go's AddEventHandler does
    if (this.watch && h.onAdd) for (const e of this.items.values()) h.onAdd(e.obj);
  }

  get started(): boolean {
    return this.watch !== undefined;
  }

  start(): void {
    if (this.watch) return;
    const list = this.api.list(this.resource, undefined);
    for (const obj of list.items) this.upsert(obj);
    // the initial list is delivered as adds, as client-go's reflector Replace -> OnAdd does
    for (const onAdd of this.addFns) for (const obj of list.items) onAdd(obj);
    this.watch = this.api.watch(
      this.resource,
      undefined,
      { resourceVersion: list.metadata.resourceVersion },
      (e) => this.onEvent(e),
    );
  }

  stop(): void {
    this.watch?.cancel();
    this.watch = undefined;
  }

  get(key: ObjectKey): Readonly<KubeObject> | undefined {
    return this.items.get(key)?.obj;
  }

  list(): Readonly<KubeObject>[] {
    const out: Readonly<KubeObject>[] = [];
    for (const e of this.items.values()) out.push(e.obj);
    return out;
  }

  size(): number {
    return this.items.size;
  }

  byIndex(indexName: string, value: string): Readonly<KubeObject>[] {
    const entries = this.indices.get(indexName)?.get(value);
    if (!entries) return [];
    const out: Readonly<KubeObject>[] = [];
    for (const e of entries) out.push(e.obj);
    return out;
  }

  /** whether some cached object has value under the index (no list is built) */
  hasIndexValue(indexName: string, value: string): boolean {
    return (this.indices.get(indexName)?.get(value)?.size ?? 0) > 0;
  }

  private onEvent(e: WatchEvent): void {
    if (e.type === 'ADDED' || e.type === 'MODIFIED') {
      const key = sharedObjectKey(e.object);
      const entry = this.items.get(key);
      const old = entry?.obj;
      this.upsertKey(key, e.object, entry);
      if (old) {
        const fns = this.updateFns;
        for (let i = 0; i < fns.length; i++) (fns[i] as UpdateHandler)(old, e.object);
      } else {
        const fns = this.addFns;
        for (let i = 0; i < fns.length; i++) (fns[i] as ObjectHandler)(e.object);
      }
    } else if (e.type === 'DELETED') {
      const key = sharedObjectKey(e.object);
      const entry = this.items.get(key);
      if (entry) this.remove(key, entry);
      const fns = this.deleteFns;
      for (let i = 0; i < fns.length; i++) (fns[i] as ObjectHandler)(e.object);
    }
  }

  private upsert(obj: Readonly<KubeObject>): void {
    const key = objectKey(obj);
    this.upsertKey(key, obj, this.items.get(key));
  }

  /**
   * A key keeps its place in an index set while its value there is unchanged; a new value puts it at the end of
   * that value's set. byIndex therefore lists keys in the order they joined the value, which later tie-breaks see
   * (client-go's index sets have no order at all).
   */
  private upsertKey(key: ObjectKey, obj: Readonly<KubeObject>, entry: CacheEntry | undefined): void {
    const prev = entry?.indexed;
    // an update rewrites the key's entries in place (they are this informer's own)
    const all: IndexEntry[] = prev ?? [];
    const e = entry ?? { obj, indexed: all };
    if (entry) entry.obj = obj;
    else this.items.set(key, e);
    const fns = this.indexFns;
    for (let i = 0; i < fns.length; i++) {
      const old = prev?.[i];
      const depsOf = this.indexDeps[i];
      const dep = depsOf?.(obj);
      if (old && depsOf && old.dep === dep) continue;
      const values = (fns[i] as IndexFunc)(obj);
      if (old && sameValues(old.values, values)) {
        old.dep = dep;
        continue;
      }
      const idx = this.indexMaps[i] as Map<string, Set<CacheEntry>>;
      if (old) removeFromIndex(idx, old, e);
      all[i] = { values, sets: addToIndex(idx, values, e), dep };
    }
  }

  private remove(key: ObjectKey, entry: CacheEntry): void {
    this.items.delete(key);
    const all = entry.indexed;
    for (let i = 0; i < all.length; i++) {
      const ie = all[i];
      if (ie) removeFromIndex(this.indexMaps[i] as Map<string, Set<CacheEntry>>, ie, entry);
    }
  }
}

/**
 * objectKey(obj), computed once per watch event however many informers receive it: every informer of a resource gets
 * the same frozen object in turn, and one shared key string means its hash is computed once for all their maps.
 */
let lastKeyed: Readonly<KubeObject> | undefined;
let lastKey: ObjectKey = '';
function sharedObjectKey(obj: Readonly<KubeObject>): ObjectKey {
  if (obj !== lastKeyed) {
    lastKey = objectKey(obj);
    // only a frozen object (as the API server hands out) keeps its name: anything else is keyed afresh each time
    lastKeyed = Object.isFrozen(obj.metadata) ? obj : undefined;
  }
  return lastKey;
}

/** the values one indexer gave an object, and the index sets (one per value) its cache entry is in */
interface IndexEntry {
  readonly values: readonly string[];
  readonly sets: readonly Set<CacheEntry>[];
  /** what the indexer's IndexDeps gave the object (undefined without deps) */
  dep: unknown;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function addToIndex(
  idx: Map<string, Set<CacheEntry>>,
  values: readonly string[],
  entry: CacheEntry,
): Set<CacheEntry>[] {
  const sets: Set<CacheEntry>[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    let set = idx.get(v);
    if (!set) idx.set(v, (set = new Set()));
    set.add(entry);
    sets.push(set);
  }
  return sets;
}

function removeFromIndex(idx: Map<string, Set<CacheEntry>>, ie: IndexEntry, entry: CacheEntry): void {
  for (let i = 0; i < ie.values.length; i++) {
    const set = ie.sets[i] as Set<CacheEntry>;
    set.delete(entry);
    if (set.size === 0 && idx.get(ie.values[i] as string) === set) idx.delete(ie.values[i] as string);
  }
}

/** One informer per resource, shared by all controllers of a cluster (informers.SharedInformerFactory). */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>();

  /** informer by the name callers asked for (a resource name resolves to the same plural every time) */
  private readonly byRequestedName = new Map<string, Informer>();
  constructor(private readonly api: ApiServer) {}

  for(resource: string): Informer {
    const known = this.byRequestedName.get(resource);
    if (known) return known;
    const plural = this.api.resolve(resource).plural;
    let inf = this.informers.get(plural);
    if (!inf) {
      inf = new Informer(this.api, plural);
      this.informers.set(plural, inf);
    }
    this.byRequestedName.set(resource, inf);
    return inf;
  }

  startAll(): void {
    for (const inf of this.informers.values()) inf.start();
  }
}

const processFactories = new WeakMap<ApiServer, Map<string, InformerFactory>>();

/**
 * The InformerFactory of one simulated process (e.g. 'kube-controller-manager', 'kubelet') against an API server:
 * the components of a process share its caches, as controllers share a SharedInformerFactory.
 */
export function processInformers(api: ApiServer, process: string): InformerFactory {
  let byProcess = processFactories.get(api);
  if (!byProcess) processFactories.set(api, (byProcess = new Map()));
  let f = byProcess.get(process);
  if (!f) byProcess.set(process, (f = new InformerFactory(api)));
  return f;
}
