// The Deployment controller: rolls Deployments out through ReplicaSets (mirrors pkg/controller/deployment).
// Planners live in fenceposts/newReplicaSet/rolling/scale/recreate/status/cleanup; this file wires watches and syncDeployment.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import type { Informer, InformerFactory } from '../../client/informer';
import { NAMESPACE_INDEX } from '../../client/informer';
import { selectorFromLabelSelector } from '../../labels/selector';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';
import {
  addControllerIndexers,
  claimCandidates,
  claimObjects,
  controlledBy,
  getControllerOf,
  recheckDeletionTimestamp,
} from '../shared';
import type { RS } from './replicaSets';
import { isScalingEvent, rolloutRecreate, rolloutRolling, syncScale, syncStatusOnly } from './rollout';
import { pausedConditionStatus } from './status';
import { DeploymentWriter } from './writer';

export const DEPLOYMENT_CONTROLLER_NAME = 'deployment-controller';
/** the workload controllers' shared indexes (by controller uid, orphans by namespace) on what this one reads */
function setup(informers: InformerFactory): void {
  addControllerIndexers(informers.for('replicasets'));
  addControllerIndexers(informers.for('pods'));
}

/** deployment key of the controller of obj when it is a live Deployment with the same uid (resolveControllerRef) */
function owningDeploymentKey(obj: Readonly<KubeObject>, deployments: Informer): ObjectKey | undefined {
  const ref = getControllerOf(obj);
  if (!ref || ref.kind !== 'Deployment') return undefined;
  const key = obj.metadata.namespace ? `${obj.metadata.namespace}/${ref.name}` : ref.name;
  return deployments.get(key)?.metadata.uid === ref.uid ? key : undefined;
}

/** addReplicaSet/updateReplicaSet/deleteReplicaSet: the owner, or for an orphan every Deployment selecting it */
function keysForReplicaSet(rs: Readonly<KubeObject>, ctx: ReconcileContext): ObjectKey[] {
  const deployments = ctx.informers.for('deployments');
  if (getControllerOf(rs)) {
    const key = owningDeploymentKey(rs, deployments);
    return key ? [key] : [];
  }
  const out: ObjectKey[] = [];
  for (const d of deployments.byIndex(NAMESPACE_INDEX, rs.metadata.namespace ?? '')) {
    const sel = (d as Deployment).spec?.selector;
    if (
      !sel ||
      (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)
    )
      continue;
    try {
      if (selectorFromLabelSelector(sel).matches(rs.metadata.labels)) out.push(objectKey(d));
    } catch {
      // an invalid selector selects nothing
    }
  }
  return out;
}

/** deletePod: only Recreate deployments wait on pods (pod -> ReplicaSet -> Deployment) */
function keysForPod(pod: Readonly<KubeObject>, ctx: ReconcileContext): ObjectKey[] {
  const ref = getControllerOf(pod);
  if (!ref || ref.kind !== 'ReplicaSet') return [];
  const ns = pod.metadata.namespace ?? '';
  const rs = ctx.informers.for('replicasets').get(`${ns}/${ref.name}`);
  if (!rs || rs.metadata.uid !== ref.uid) return [];
  const deployments = ctx.informers.for('deployments');
  const key = owningDeploymentKey(rs, deployments);
  if (!key) return [];
  return (deployments.get(key) as Deployment | undefined)?.spec?.strategy?.type === 'Recreate' ? [key] : [];
}

/** getReplicaSetsForDeployment: owned RSs plus adoptable orphans, claimed by selector (ClaimReplicaSets) */
function claimReplicaSets(d: Readonly<Deployment>, ctx: ReconcileContext): { rss: RS[]; error?: string } {
  const inf = ctx.informers.for('replicasets');
  const ns = d.metadata?.namespace ?? '';
  const candidates = claimCandidates(inf, d as KubeObject);
  let selector;
  try {
    selector = selectorFromLabelSelector(d.spec?.selector);
  } catch (e) {
    return {
      rss: [],
      error: `deployment ${ns}/${d.metadata?.name ?? ''} has invalid label selector: ${(e as Error).message}`,
    };
  }
  const owner = d as KubeObject;
  const res = claimObjects(
    owner,
    selector,
    candidates.filter((rs) => rs.metadata.namespace === ns),
    {
      api: ctx.api,
      request: ctx.request,
      resource: 'replicasets',
      canAdopt: recheckDeletionTimestamp(ctx.api, 'deployments', owner),
    },
  );
  return { rss: res.claimed as RS[], error: res.error };
}

/** getPodMapForDeployment: pods of each claimed RS that the Deployment selects, by RS uid */
function podMap(
  d: Readonly<Deployment>,
  rss: readonly RS[],
  ctx: ReconcileContext,
): Map<string, Readonly<Pod>[]> {
  const inf = ctx.informers.for('pods');
  const selector = selectorFromLabelSelector(d.spec?.selector);
  const out = new Map<string, Readonly<Pod>[]>();
  for (const rs of rss) {
    const uid = rs.metadata?.uid ?? '';
    out.set(
      uid,
      controlledBy(inf, uid).filter((p) => selector.matches(p.metadata.labels)) as Readonly<Pod>[],
    );
  }
  return out;
}

function isEmptySelector(d: Readonly<Deployment>): boolean {
  const s = d.spec?.selector;
  return s !== undefined && Object.keys(s).length === 0;
}

/** syncDeployment: the order of deployment_controller.go */
export function syncDeployment(key: ObjectKey, ctx: ReconcileContext): ReconcileResult {
  const cached = ctx.informers.for('deployments').get(key) as Readonly<Deployment> | undefined;
  if (!cached) return {};
  if (isEmptySelector(cached)) {
    const w = new DeploymentWriter(ctx, cached, []);
    w.event(
      'Warning',
      'SelectingAll',
      'This deployment is selecting all pods. A non-empty selector is required.',
    );
    const gen = cached.metadata?.generation ?? 0;
    if ((cached.status?.observedGeneration ?? 0) < gen)
      w.writeStatus({ ...(cached.status ?? {}), observedGeneration: gen });
    return {};
  }
  const claimed = claimReplicaSets(cached, ctx);
  if (claimed.error) return { error: claimed.error };
  const w = new DeploymentWriter(ctx, cached, claimed.rss);
  if (cached.metadata?.deletionTimestamp) return syncStatusOnly(w);
  const paused = pausedConditionStatus(w.d, w.nowIso);
  if (paused) w.writeStatus(paused);
  if (w.d.spec?.paused) return syncScale(w);
  if (isScalingEvent(w)) return syncScale(w);
  if (w.d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(w, podMap(w.d, w.rsList, ctx));
  if (w.d.spec?.strategy?.type === 'RollingUpdate') return rolloutRolling(w);
  return { error: `unexpected deployment strategy type: ${w.d.spec?.strategy?.type ?? ''}` };
}

export const deploymentController: ControllerDefinition = {
  name: DEPLOYMENT_CONTROLLER_NAME,
  watches: [
    { resource: 'deployments' },
    { resource: 'replicasets', keysFor: keysForReplicaSet },
    // deployment_controller.go registers only DeleteFunc on pods
    { resource: 'pods', verbs: ['DELETED'], keysFor: keysForPod },
  ],
  setup,
  reconcile: syncDeployment,
};
