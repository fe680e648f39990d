// Creates or deletes pods to reach spec.replicas (mirrors pkg/controller/replicaset/replica_set.go manageReplicas
// and controller_utils.go RealPodControl.CreatePods / DeletePod with their Events).
import type { KubeObject } from '../../types/object';
import { objectKey } from '../../types/object';
import type { ReconcileContext } from '../../client/controller';
import { NAMESPACE_INDEX } from '../../client/informer';
import type { Selector } from '../../labels/types';
import { StatusError } from '../../apiserver/types';
import { newControllerRef } from '../shared/controllerRef';
import { getPodFromTemplate } from '../shared/podTemplate';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../shared/slowStartBatch';
import { controlledBy } from '../shared/indexers';
import { getControllerOf } from '../shared/controllerRef';
import { getPodsToDelete } from './podsToDelete';
import type { ReplicaExpectations } from './expectationsState';
import { desiredReplicas } from './variant';
import type { ReplicaControllerVariant } from './variant';

/** ReplicaSetController.burstReplicas */
export const BURST_REPLICAS = 500;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** RealPodControl.CreatePods: one pod from the template, with a SuccessfulCreate / FailedCreate Event */
function createPod(
  rs: Readonly<KubeObject>,
  v: ReplicaControllerVariant,
  ctx: ReconcileContext,
): string | undefined {
  const pod = getPodFromTemplate(v.template(rs), rs, newControllerRef(rs));
  if (Object.keys(pod.metadata.labels ?? {}).length === 0) return 'unable to create pods, no labels';
  try {
    const created = ctx.api.create('pods', rs.metadata.namespace, pod, ctx.request);
    ctx.events.event(
      rs,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${created.metadata.name ?? ''}`,
      ctx.source,
    );
    return undefined;
  } catch (e) {
    // a terminating namespace is not an error worth a retry (NamespaceTerminatingCause)
    if (
      e instanceof StatusError &&
      e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')
    )
      return undefined;
    ctx.events.event(rs, 'Warning', 'FailedCreate', `Error creating: ${message(e)}`, ctx.source);
    return message(e);
  }
}

/**
 * getIndirectlyRelatedPods (replica_set.go): the pods each ReplicaSet with the same controller selects, each pod once.
 * A ReplicaSet without a controller has no related pods (getReplicaSetsWithSameController returns nil), so every pod
 * it may delete ranks 0 on the co-located count.
 */
function relatedPods(
  rs: Readonly<KubeObject>,
  v: ReplicaControllerVariant,
  ctx: ReconcileContext,
): Readonly<KubeObject>[] {
  const ref = getControllerOf(rs);
  if (!ref) return [];
  const pods = ctx.informers.for('pods');
  const seen = new Set<string>();
  const out: Readonly<KubeObject>[] = [];
  for (const sibling of controlledBy(ctx.informers.for(v.resource), ref.uid)) {
    let selector: Selector;
    try {
      selector = v.selector(sibling);
    } catch {
      continue; // an invalid selector matches no pods
    }
    for (const pod of pods.byIndex(NAMESPACE_INDEX, sibling.metadata.namespace ?? '')) {
      const uid = pod.metadata.uid ?? '';
      if (seen.has(uid) || !selector.matches(pod.metadata.labels)) continue;
      seen.add(uid);
      out.push(pod);
    }
  }
  return out;
}

export function manageReplicas(
  pods: readonly Readonly<KubeObject>[],
  rs: Readonly<KubeObject>,
  v: ReplicaControllerVariant,
  exp: ReplicaExpectations,
  ctx: ReconcileContext,
): string | undefined {
  const key = objectKey(rs);
  let diff = pods.length - desiredReplicas(rs);
  if (diff < 0) {
    diff = Math.min(-diff, BURST_REPLICAS);
    exp.counts.expectCreations(key, diff);
    const r = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => createPod(rs, v, ctx));
    // creations that failed or were skipped will never be observed
    const unobserved = diff - r.successes;
    if (unobserved > 0) exp.counts.lowerExpectations(key, unobserved, 0);
    return r.error;
  }
  if (diff > 0) {
    diff = Math.min(diff, BURST_REPLICAS);
    const victims = getPodsToDelete(pods, relatedPods(rs, v, ctx), diff, ctx.nowMs());
    exp.expectDeletions(key, victims.map(objectKey));
    let error: string | undefined;
    for (const pod of victims) {
      try {
        ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', {}, ctx.request);
        ctx.events.event(
          rs,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${pod.metadata.name ?? ''}`,
          ctx.source,
        );
      } catch (e) {
        exp.deletionObserved(key, objectKey(pod));
        if (e instanceof StatusError && e.status.code === 404) continue;
        ctx.events.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${message(e)}`, ctx.source);
        error ??= message(e);
      }
    }
    return error;
  }
  return undefined;
}
