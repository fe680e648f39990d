// Namespace deletion (pkg/registry/core/namespace/storage/storage.go Delete): the first delete marks the namespace
// Terminating; it goes only once spec.finalizers is empty. Until a namespace controller exists, a stand-in does its
// work: pkg/controller/namespace/namespace_controller.go (enqueueNamespace, worker) and deletion/
// namespaced_resources_deleter.go Delete, on virtual time, retrying for as long as content remains.
import { cloneJson } from '../types/json';
import type { KubeObject } from '../types/object';
import type { KeyValue } from '../store/types';
import type { TimerHandle } from '../sim/types';
import type { DeleteOpts, RequestContext, ResourceInfo } from './types';
import type { ServerCore } from './core';
import { keyOf, record, storeUpdate } from './core';
import { propagationFinalizers } from './finalizers';
import { deleteAllContent, type DeleteStored } from './namespaceContent';

const STAND_IN: RequestContext = { actor: 'namespace-controller' };
/** namespaceDeletionGracePeriod: every namespace event is processed this much later */
export const NAMESPACE_DELETION_GRACE_MS = 5_000;
/** nsControllerRateLimiter's per-item exponential backoff after an error: 5ms doubling up to 60s */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 60_000;
/** the finalizer token the namespace controller owns in spec.finalizers */
const FINALIZER_TOKEN = 'kubernetes';

export function deleteNamespace(
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  cur: KeyValue,
  opts: DeleteOpts,
  ctx: RequestContext,
  deleteStored: DeleteStored,
): KubeObject {
  const ns = cur.value;
  if (!ns.metadata.deletionTimestamp) {
    const next = cloneJson(ns) as KubeObject;
    next.metadata.deletionTimestamp = core.sim.clock.nowRfc3339();
    next.status = { ...((next.status as object | undefined) ?? {}), phase: 'Terminating' };
    const finalizers = propagationFinalizers(next.metadata.finalizers, opts.propagationPolicy);
    if (finalizers) {
      if (finalizers.length > 0) next.metadata.finalizers = finalizers;
      else delete next.metadata.finalizers;
    }
    if (ctx.dryRun) return next;
    const kv = storeUpdate(core, res, key, next, cur.modRevision);
    record(core, ctx, 'delete', res, kv.value, kv.modRevision);
    // the namespace informer's update event: enqueueNamespace -> AddAfter(namespaceDeletionGracePeriod)
    if (core.options.namespaceControllerStandIn)
      addAfter(core, res, ns.metadata.name ?? '', deleteStored, NAMESPACE_DELETION_GRACE_MS, true);
    return kv.value as KubeObject;
  }
  const spec = (ns.spec ?? {}) as { finalizers?: string[] };
  if ((spec.finalizers ?? []).length > 0) return ns as KubeObject;
  return deleteStored(core, res, key, cur, opts, ctx);
}

/** one namespace's place in the controller's delaying, rate-limited work queue */
interface QueueItem {
  handle?: TimerHandle;
  /** per-item failures since the last success (the exponential limiter's count) */
  failures: number;
  /** what remained after the last pass: a pass that finds the same again is waiting on someone else */
  remaining?: string;
}

const queues = new WeakMap<ServerCore, Map<string, QueueItem>>();

function queueOf(core: ServerCore): Map<string, QueueItem> {
  let q = queues.get(core);
  if (!q) queues.set(core, (q = new Map()));
  return q;
}

/**
 * queue.AddAfter: a namespace waits at most once; an earlier time wins. A pass that only waits on others (nothing
 * changed since the previous one) is scheduled as background work, so `sim settle` does not wait on it forever.
 */
function addAfter(
  core: ServerCore,
  nsRes: ResourceInfo,
  name: string,
  deleteStored: DeleteStored,
  delayMs: number,
  foreground: boolean,
): void {
  const q = queueOf(core);
  const item = q.get(name) ?? { failures: 0 };
  q.set(name, item);
  const atMs = core.sim.clock.nowMs() + delayMs;
  if (item.handle && item.handle.atMs <= atMs) return;
  if (item.handle) core.sim.cancel(item.handle);
  item.handle = core.sim.schedule({
    delayMs,
    actor: STAND_IN.actor,
    label: `namespace ${name}: delete content`,
    background: !foreground,
    run: () => {
      item.handle = undefined;
      worker(core, nsRes, name, deleteStored, item);
    },
  });
}

type SyncResult = { kind: 'done' } | { kind: 'remaining'; estimate: number } | { kind: 'error' };

/** worker: nil forgets the item; ResourcesRemainingError waits estimate/2+1 s; any other error is rate-limited */
function worker(
  core: ServerCore,
  nsRes: ResourceInfo,
  name: string,
  deleteStored: DeleteStored,
  item: QueueItem,
): void {
  const before = item.remaining;
  const { result, remaining, statusChanged } = syncNamespace(core, nsRes, name, deleteStored);
  item.remaining = remaining;
  const progressed = statusChanged || remaining !== before;
  // the controller's own status write is a namespace event too: enqueueNamespace again
  if (statusChanged) addAfter(core, nsRes, name, deleteStored, NAMESPACE_DELETION_GRACE_MS, true);
  if (result.kind === 'done') {
    item.failures = 0;
    if (!item.handle) queueOf(core).delete(name);
  } else if (result.kind === 'remaining') {
    const waitMs = (Math.floor(result.estimate / 2) + 1) * 1000;
    addAfter(core, nsRes, name, deleteStored, waitMs, progressed);
  } else {
    const waitMs = Math.min(BACKOFF_BASE_MS * 2 ** item.failures, BACKOFF_MAX_MS);
    item.failures++;
    addAfter(core, nsRes, name, deleteStored, waitMs, progressed);
  }
}

/** namespacedResourcesDeleter.Delete: empty the namespace, then remove the controller's finalizer token */
function syncNamespace(
  core: ServerCore,
  nsRes: ResourceInfo,
  name: string,
  deleteStored: DeleteStored,
): { result: SyncResult; remaining: string; statusChanged: boolean } {
  const done = { result: { kind: 'done' } as const, remaining: '', statusChanged: false };
  const nsKey = keyOf(nsRes, undefined, name);
  const cur = core.store.get(nsKey);
  if (!cur || !cur.value.metadata.deletionTimestamp) return done;
  const specFinalizers = ((cur.value.spec ?? {}) as { finalizers?: string[] }).finalizers ?? [];
  if (specFinalizers.length === 0) return done;
  const ctx: RequestContext = { ...STAND_IN, cause: `namespace ${name} Terminating` };
  const content = deleteAllContent(core, cur.value, deleteStored, ctx);
  let statusChanged = false;
  if (content.conditions) {
    // UpdateStatus with the conditions (a failed write is only logged upstream)
    const latest = core.store.get(nsKey);
    if (latest) {
      const next = cloneJson(latest.value) as KubeObject;
      next.status = { ...((next.status as object | undefined) ?? {}), conditions: content.conditions };
      const kv = storeUpdate(core, nsRes, nsKey, next, latest.modRevision);
      record(core, ctx, 'updateStatus', nsRes, kv.value, kv.modRevision);
      statusChanged = true;
    }
  }
  const remaining = content.remaining.join(' ');
  if (content.errors.length > 0) return { result: { kind: 'error' }, remaining, statusChanged };
  if (content.estimate > 0)
    return { result: { kind: 'remaining', estimate: content.estimate }, remaining, statusChanged };
  // finalizeNamespace: drop our token (the others stay, sorted); with none left, the finalize update deletes it
  const latest = core.store.get(nsKey);
  if (!latest) return { ...done, statusChanged };
  const rest = [...new Set(specFinalizers.filter((f) => f !== FINALIZER_TOKEN))].sort();
  // a finalize that changes nothing writes nothing
  if (rest.length === specFinalizers.length) return { ...done, statusChanged };
  const finalized = cloneJson(latest.value) as KubeObject;
  finalized.spec = { ...((finalized.spec as object | undefined) ?? {}), finalizers: rest };
  const kv = storeUpdate(core, nsRes, nsKey, finalized, latest.modRevision);
  record(core, ctx, 'finalize', nsRes, kv.value, kv.modRevision);
  if (rest.length === 0) deleteStored(core, nsRes, nsKey, kv, {}, ctx);
  return { ...done, statusChanged };
}
