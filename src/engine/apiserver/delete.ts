// The delete verb: preconditions, graceful pod deletion (rest.BeforeDelete + pod CheckGracefulDelete), finalizers,
// propagationPolicy finalizers (deletionFinalizersForGarbageCollection), mirroring registry/generic/registry/store.go Delete.
import { cloneJson } from '../types/json';
import type { KubeObject } from '../types/object';
import type { DeleteOpts, RequestContext, ResourceInfo } from './types';
import { resolveResource } from './registry';
import { runAdmission } from './admission/index';
import { newConflict, newNotFound } from './errors';
import type { ServerCore } from './core';
import { keyOf, record, requestNamespace, storeDelete, storeUpdate } from './core';
import type { KeyValue } from '../store/types';
import { deletedObject } from './update';
import { deleteNamespace } from './namespaceDelete';
import { propagationFinalizers } from './finalizers';

export { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, propagationFinalizers } from './finalizers';

/** pkg/registry/core/pod/strategy.go CheckGracefulDelete: the grace period a pod deletion gets */
export function podGracePeriod(pod: Readonly<KubeObject>, requested: number | undefined): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  // defaulting sets terminationGracePeriodSeconds to 30 (DefaultTerminationGracePeriodSeconds)
  let period = requested ?? spec.terminationGracePeriodSeconds ?? 30;
  if (!spec.nodeName) period = 0;
  if (phase === 'Failed' || phase === 'Succeeded') period = 0;
  return period < 0 ? 1 : period;
}

interface BeforeDelete {
  graceful: boolean;
  pending: boolean;
  period: number;
}

/** rest.BeforeDelete on a mutable copy; only Pods have a graceful-delete strategy */
function beforeDelete(core: ServerCore, res: ResourceInfo, obj: KubeObject, opts: DeleteOpts): BeforeDelete {
  const m = obj.metadata;
  const requested =
    opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0 ? 1 : opts.gracePeriodSeconds;
  const none: BeforeDelete = { graceful: false, pending: false, period: 0 };
  if (res.kind !== 'Pod' || res.group !== '') return none;
  if (m.deletionTimestamp) {
    const current = m.deletionGracePeriodSeconds;
    if (current === undefined || current === 0) return none;
    if (requested === undefined || requested >= current)
      return { graceful: false, pending: true, period: current };
    // only a shorter grace period may be given: move the deadline earlier
    const deadline = core.sim.clock.fromRfc3339(m.deletionTimestamp) - current * 1000 + requested * 1000;
    m.deletionTimestamp = core.sim.clock.toRfc3339(deadline);
    m.deletionGracePeriodSeconds = requested;
    return { graceful: true, pending: false, period: requested };
  }
  const period = podGracePeriod(obj, requested);
  m.deletionTimestamp = core.sim.clock.toRfc3339(core.sim.clock.nowMs() + period * 1000);
  m.deletionGracePeriodSeconds = period;
  if ((m.generation ?? 0) > 0) m.generation = (m.generation ?? 0) + 1;
  return { graceful: true, pending: false, period };
}

/** store.go markAsDeleting: deletionTimestamp now (never later than an existing one), grace 0, generation bump */
function markAsDeleting(core: ServerCore, obj: KubeObject): void {
  const m = obj.metadata;
  const nowMs = core.sim.clock.nowMs();
  if (!m.deletionTimestamp && (m.generation ?? 0) > 0) m.generation = (m.generation ?? 0) + 1;
  if (!m.deletionTimestamp || core.sim.clock.fromRfc3339(m.deletionTimestamp) > nowMs) {
    m.deletionTimestamp = core.sim.clock.toRfc3339(nowMs);
  }
  m.deletionGracePeriodSeconds = 0;
}

function checkPreconditions(res: ResourceInfo, obj: Readonly<KubeObject>, opts: DeleteOpts): void {
  const p = opts.preconditions;
  const name = obj.metadata.name ?? '';
  if (p?.uid && p.uid !== obj.metadata.uid) {
    throw newConflict(
      res,
      name,
      `the UID in the precondition (${p.uid}) does not match the UID in record (${obj.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
    );
  }
  if (p?.resourceVersion && p.resourceVersion !== obj.metadata.resourceVersion) {
    throw newConflict(
      res,
      name,
      `the ResourceVersion in the precondition (${p.resourceVersion}) does not match the ResourceVersion in record (${obj.metadata.resourceVersion ?? ''}). The object might have been modified`,
    );
  }
}

/** remove the object from storage now; the reply is its last state at the deletion's revision */
export function deleteNow(
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  cur: KeyValue,
  ctx: RequestContext,
): KubeObject {
  if (ctx.dryRun) return cur.value as KubeObject;
  const kv = storeDelete(core, res, key, cur.value.metadata.name ?? '', cur.modRevision);
  const rev = core.store.revision;
  record(core, ctx, 'delete', res, kv.value, rev);
  return deletedObject(kv, rev);
}

/** store.Delete for every kind but Namespace (whose REST storage marks it Terminating first) */
export function deleteStored(
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  cur: KeyValue,
  opts: DeleteOpts,
  ctx: RequestContext,
): KubeObject {
  // beforeDelete, markAsDeleting and the finalizer update write only top-level metadata fields: share the rest
  const next: KubeObject = { ...cur.value, metadata: { ...cur.value.metadata } };
  const bd = beforeDelete(core, res, next, opts);
  if (bd.pending) return cur.value as KubeObject;
  const newFinalizers = propagationFinalizers(next.metadata.finalizers, opts.propagationPolicy);
  if (newFinalizers) {
    if (newFinalizers.length > 0) next.metadata.finalizers = newFinalizers;
    else delete next.metadata.finalizers;
  }
  const pendingFinalizers = (next.metadata.finalizers ?? []).length > 0;
  if (!bd.graceful && !pendingFinalizers) return deleteNow(core, res, key, cur, ctx);
  if (!bd.graceful) markAsDeleting(core, next);
  if (ctx.dryRun) return cloneJson(next);
  const kv = storeUpdate(core, res, key, next, cur.modRevision);
  record(core, ctx, 'delete', res, kv.value, kv.modRevision);
  if (pendingFinalizers || bd.period > 0) return kv.value as KubeObject;
  return deleteNow(core, res, key, kv, ctx);
}

export function deleteObject(
  core: ServerCore,
  resource: string,
  namespace: string | undefined,
  name: string,
  opts: DeleteOpts,
  ctx: RequestContext,
): KubeObject {
  const res = resolveResource(resource);
  const ns = requestNamespace(res, namespace);
  const key = keyOf(res, ns, name);
  const cur = core.store.get(key);
  if (!cur) throw newNotFound(res, name);
  checkPreconditions(res, cur.value, opts);
  // for DELETE, admission sees the stored object (admission/types.ts), as kube-apiserver passes the old object
  runAdmission(core.plugins, 'DELETE', res, cur.value as KubeObject, cur.value, core.admissionApi);
  if (res.kind === 'Namespace' && res.group === '')
    return deleteNamespace(core, res, key, cur, opts, ctx, deleteStored);
  return deleteStored(core, res, key, cur, opts, ctx);
}
