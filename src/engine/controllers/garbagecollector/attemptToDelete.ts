// The garbage collector's decisions for one item (mirrors garbagecollector.go attemptToDeleteItem,
// classifyReferences, processDeletingDependents, orphanDependents and removeFinalizer).
import type { ReconcileContext } from '../../client/controller';
import type { PropagationPolicy } from '../../apiserver/types';
import { StatusError } from '../../apiserver/types';
import { isUnknownResource } from '../../apiserver/registry';
import type { JsonObject } from '../../types/json';
import type { KubeObject, OwnerReference } from '../../types/object';
import { releasePatch } from '../shared/controllerRef';
import type { DependencyGraph, GraphNode } from './graph';
import {
  FINALIZER_FOREGROUND,
  FINALIZER_ORPHAN,
  deleteKey,
  isDeletingDependents,
  isOrphaning,
} from './graph';

type OwnerState = 'solid' | 'dangling' | 'waiting';

const isStatus = (e: unknown, code: number): boolean => e instanceof StatusError && e.status.code === code;

/** classifyReferences for one ownerReference: the owner from the graph, else a live GET compared by UID */
function ownerState(
  graph: DependencyGraph,
  ref: OwnerReference,
  dep: GraphNode,
  ctx: ReconcileContext,
): OwnerState {
  const cached = graph.get(ref.uid);
  if (cached) return isDeletingDependents(cached.obj) ? 'waiting' : 'solid';
  let owner: KubeObject;
  try {
    const info = ctx.api.resolveKind(ref.apiVersion, ref.kind);
    owner = ctx.api.get(info.plural, info.namespaced ? dep.obj.metadata.namespace : undefined, ref.name);
  } catch (e) {
    // NotFound: the owner is gone; an unresolvable kind cannot be judged, so the reference stays
    return isStatus(e, 404) && !isUnknownResource(e) ? 'dangling' : 'solid';
  }
  if (owner.metadata.uid !== ref.uid) return 'dangling';
  return isDeletingDependents(owner) ? 'waiting' : 'solid';
}

function deleteObject(node: GraphNode, policy: PropagationPolicy, ctx: ReconcileContext): void {
  try {
    ctx.api.delete(
      node.resource,
      node.obj.metadata.namespace,
      node.obj.metadata.name ?? '',
      { propagationPolicy: policy, preconditions: { uid: node.uid } },
      ctx.request,
    );
  } catch (e) {
    if (!isStatus(e, 404) && !isStatus(e, 409)) throw e;
  }
}

function removeOwnerRefs(node: GraphNode, uids: readonly string[], ctx: ReconcileContext): void {
  if (uids.length === 0) return;
  try {
    ctx.api.patch(
      node.resource,
      node.obj.metadata.namespace,
      node.obj.metadata.name ?? '',
      'strategic',
      releasePatch(uids, node.uid),
      ctx.request,
    );
  } catch (e) {
    if (!isStatus(e, 404)) throw e;
  }
}

/** removeFinalizer: merge-patch the finalizer list with the read resourceVersion, retrying on Conflict */
export function removeFinalizer(node: GraphNode, finalizer: string, ctx: ReconcileContext): void {
  for (let attempt = 0; attempt < 5; attempt++) {
    let cur: KubeObject;
    try {
      cur = ctx.api.get(node.resource, node.obj.metadata.namespace, node.obj.metadata.name ?? '');
    } catch (e) {
      if (isStatus(e, 404)) return;
      throw e;
    }
    if (cur.metadata.uid !== node.uid) return;
    const finalizers = cur.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    const patch: JsonObject = {
      metadata: {
        resourceVersion: cur.metadata.resourceVersion ?? '',
        finalizers: finalizers.filter((f) => f !== finalizer),
      },
    };
    try {
      ctx.api.patch(
        node.resource,
        cur.metadata.namespace,
        cur.metadata.name ?? '',
        'merge',
        patch,
        ctx.request,
      );
      return;
    } catch (e) {
      if (isStatus(e, 404)) return;
      if (!isStatus(e, 409)) throw e;
    }
  }
  throw new Error(
    `failed to remove finalizer ${finalizer} from ${node.resource} ${node.obj.metadata.name ?? ''}: conflicts`,
  );
}

/** processDeletingDependents: finish the foreground deletion once no blocking dependent remains */
function processDeletingDependents(graph: DependencyGraph, node: GraphNode, ctx: ReconcileContext): void {
  const blocking = graph.blockingDependents(node.uid);
  if (blocking.length === 0) return removeFinalizer(node, FINALIZER_FOREGROUND, ctx);
  for (const dep of blocking)
    if (!isDeletingDependents(dep.obj))
      ctx.queue.add(deleteKey(dep.uid), `owner ${node.uid} deleting dependents`);
}

/** attemptToDeleteItem */
export function attemptToDelete(graph: DependencyGraph, uid: string, ctx: ReconcileContext): void {
  const node = graph.get(uid);
  if (!node) return;
  const obj = node.obj;
  if (isDeletingDependents(obj)) return processDeletingDependents(graph, node, ctx);
  if (obj.metadata.deletionTimestamp) return; // already being deleted
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  for (const r of refs) {
    const s = ownerState(graph, r, node, ctx);
    (s === 'solid' ? solid : s === 'dangling' ? dangling : waiting).push(r);
  }
  if (solid.length > 0) {
    // keep the object; drop references to owners that are gone or waiting on their dependents
    return removeOwnerRefs(
      node,
      [...dangling, ...waiting].map((r) => r.uid),
      ctx,
    );
  }
  const waitingUids = waiting.map((r) => r.uid);
  if (waiting.length > 0 && graph.dependents(uid).length > 0) {
    // break cycles: a dependent already deleting its own dependents stops waiting on us
    for (const dep of graph.dependents(uid))
      if (isDeletingDependents(dep.obj)) removeOwnerRefs(dep, waitingUids, ctx);
    return deleteObject(node, 'Foreground', ctx);
  }
  const finalizers = obj.metadata.finalizers ?? [];
  const policy: PropagationPolicy = finalizers.includes(FINALIZER_ORPHAN)
    ? 'Orphan'
    : finalizers.includes(FINALIZER_FOREGROUND)
      ? 'Foreground'
      : 'Background';
  deleteObject(node, policy, ctx);
}

/** attemptToOrphanWorker: strip the owner from every dependent, then remove the orphan finalizer */
export function attemptToOrphan(graph: DependencyGraph, uid: string, ctx: ReconcileContext): void {
  const node = graph.get(uid);
  if (!node || !isOrphaning(node.obj)) return;
  for (const dep of graph.dependents(uid)) removeOwnerRefs(dep, [uid], ctx);
  removeFinalizer(node, FINALIZER_ORPHAN, ctx);
}
