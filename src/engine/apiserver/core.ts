// Shared internals of the API server: request scoping, storage writes that stamp resourceVersion, the trace.
import type { KubeObject } from '../types/object';
import type { KeyValue, MvccStore } from '../store/types';
import { StoreError } from '../store/types';
import { registryKey, registryPrefix } from '../store/keys';
import type { Rng, Simulation } from '../sim/types';
import { createRng } from '../sim/rng';
import type { RequestContext, ResourceInfo } from './types';
import { resolveResource } from './registry';
import type { AdmissionApi, AdmissionPlugin } from './admission/index';
import type { EventTtl } from './eventTtl';
import { newAlreadyExists, newBadRequest, newConflict, newInternalError, newNotFound } from './errors';

export interface ApiServerOptions {
  /** admission chain; default DEFAULT_ADMISSION_PLUGINS */
  admission?: readonly AdmissionPlugin[];
  /** Until the namespace controller exists: empty a Terminating namespace and finish its deletion. Default true. */
  namespaceControllerStandIn?: boolean;
  /** kube-apiserver --event-ttl in seconds: how long an Event lives after its last write. Default 3600 (1h). */
  eventTtlSeconds?: number;
}

export interface ServerCore {
  readonly store: MvccStore;
  readonly sim: Simulation;
  readonly rng: Rng;
  readonly plugins: readonly AdmissionPlugin[];
  readonly admissionApi: AdmissionApi;
  readonly options: Required<Omit<ApiServerOptions, 'admission' | 'eventTtlSeconds'>>;
  /** the leases Events are put with, so they expire */
  readonly eventTtl: EventTtl;
}

export function createAdmissionApi(store: MvccStore, rootRng?: Rng): AdmissionApi {
  const streams = new Map<string, Rng>();
  /** lists plugins asked for (priorityclasses and storageclasses on every pod or claim create), by prefix */
  const lists = new Map<string, { items?: readonly Readonly<KubeObject>[] }>();
  /** cluster-scoped objects plugins asked for, by plural and name (undefined: known not to exist) */
  const gets = new Map<string, Map<string, Readonly<KubeObject> | undefined>>();
  return {
    rng(stream) {
      let r = streams.get(stream);
      if (!r) streams.set(stream, (r = (rootRng ?? createRng(0)).fork(stream)));
      return r;
    },
    get(resource, namespace, name) {
      const res = resolveResource(resource);
      if (res.namespaced) return store.get(registryKey(res.plural, namespace, name))?.value;
      // cluster-scoped objects (NamespaceLifecycle reads the request's namespace on every write), by name, as a
      // lister answers: a watch on the plural forgets them on any change
      let byName = gets.get(res.plural);
      if (!byName) {
        const entry = new Map<string, Readonly<KubeObject> | undefined>();
        store.watch(registryPrefix(res.plural, undefined), () => entry.clear());
        gets.set(res.plural, (byName = entry));
      }
      let obj = byName.get(name);
      if (obj === undefined && !byName.has(name)) {
        obj = store.get(registryKey(res.plural, undefined, name))?.value;
        byName.set(name, obj);
      }
      return obj;
    },
    list(resource, namespace) {
      const res = resolveResource(resource);
      const prefix = registryPrefix(res.plural, res.namespaced ? namespace : undefined);
      let cached = lists.get(prefix);
      if (!cached) {
        // like a plugin's lister: a watch on the prefix drops the cached list on any change
        const entry: { items?: readonly Readonly<KubeObject>[] } = {};
        store.watch(prefix, () => (entry.items = undefined));
        lists.set(prefix, (cached = entry));
      }
      return (cached.items ??= store.list(prefix).items.map((kv) => kv.value));
    },
  };
}

/** the namespace a request acts in: required for namespaced resources, dropped for cluster-scoped ones */
export function requestNamespace(res: ResourceInfo, namespace: string | undefined): string | undefined {
  if (!res.namespaced) return undefined;
  if (!namespace) throw newBadRequest(`a namespace is required for the namespaced resource "${res.plural}"`);
  return namespace;
}

/**
 * rest.BeforeCreate/BeforeUpdate namespace rules: an object's empty namespace takes the request's; a different one is
 * refused; cluster-scoped objects lose any namespace.
 */
export function scopeObject(
  res: ResourceInfo,
  namespace: string | undefined,
  obj: KubeObject,
): string | undefined {
  if (!res.namespaced) {
    delete obj.metadata.namespace;
    return undefined;
  }
  const ns = namespace || obj.metadata.namespace;
  if (!ns) throw newBadRequest(`a namespace is required for the namespaced resource "${res.plural}"`);
  if (obj.metadata.namespace && obj.metadata.namespace !== ns) {
    throw newBadRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  obj.metadata.namespace = ns;
  return ns;
}

export function keyOf(res: ResourceInfo, namespace: string | undefined, name: string): string {
  return registryKey(res.plural, res.namespaced ? namespace : undefined, name);
}

/** `<plural>/<ns>/<name>` (or `<plural>/<name>`), as trace records name their target */
export function traceTarget(res: ResourceInfo, namespace: string | undefined, name: string): string {
  return res.namespaced && namespace ? `${res.plural}/${namespace}/${name}` : `${res.plural}/${name}`;
}

export function record(
  core: ServerCore,
  ctx: RequestContext,
  action: string,
  res: ResourceInfo,
  obj: Readonly<KubeObject>,
  revision: number,
): void {
  core.sim.trace.record({
    actor: ctx.actor,
    action,
    target: traceTarget(res, obj.metadata.namespace, obj.metadata.name ?? ''),
    revision,
    cause: ctx.cause,
  });
}

function checkRevision(core: ServerCore, kv: KeyValue, expected: number): KeyValue {
  if (kv.modRevision !== expected) {
    throw newInternalError(`store wrote revision ${kv.modRevision}, expected ${expected}`);
  }
  return kv;
}

const OMITEMPTY_METADATA = [
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
] as const;

/** ObjectMeta's `omitempty` fields: Go never serializes an empty map or list, so neither does the store */
function omitEmptyMetadata(obj: KubeObject): void {
  const m = obj.metadata;
  for (const f of OMITEMPTY_METADATA) {
    const v = m[f];
    if (v === undefined) continue;
    if (
      Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0
    )
      delete m[f];
  }
}

/** metadata.resourceVersion is the write's own revision: each write is one store revision, so it is the next one */
function stamp(core: ServerCore, obj: KubeObject): number {
  omitEmptyMetadata(obj);
  const rev = core.store.revision + 1;
  obj.metadata.resourceVersion = String(rev);
  return rev;
}

export function storeCreate(core: ServerCore, res: ResourceInfo, key: string, obj: KubeObject): KeyValue {
  const rev = stamp(core, obj);
  try {
    const kv = checkRevision(core, core.store.create(key, obj), rev);
    if (res.plural === 'events') core.eventTtl.attach(key, rev);
    return kv;
  } catch (e) {
    delete obj.metadata.resourceVersion;
    if (e instanceof StoreError && e.code === 'KeyExists')
      throw newAlreadyExists(res, obj.metadata.name ?? '');
    throw e;
  }
}

export function storeUpdate(
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  obj: KubeObject,
  expected: number,
): KeyValue {
  const rev = stamp(core, obj);
  try {
    const kv = checkRevision(core, core.store.update(key, obj, expected), rev);
    // the event registry's TTLFunc gives an update the same TTL: a bumped Event lives another hour
    if (res.plural === 'events') core.eventTtl.attach(key, rev);
    return kv;
  } catch (e) {
    throw translateStoreError(e, res, obj.metadata.name ?? '');
  }
}

export function storeDelete(
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  name: string,
  expected: number,
): KeyValue {
  try {
    return core.store.delete(key, expected);
  } catch (e) {
    throw translateStoreError(e, res, name);
  }
}

function translateStoreError(e: unknown, res: ResourceInfo, name: string): unknown {
  if (!(e instanceof StoreError)) return e;
  if (e.code === 'NotFound') return newNotFound(res, name);
  if (e.code === 'Conflict') return newConflict(res, name);
  return e;
}
