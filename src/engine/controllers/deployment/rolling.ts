// Rolling update planners: how far to scale the new ReplicaSet up and the old ones down in one sync.
// mirrors pkg/controller/deployment/rolling.go reconcileNewReplicaSet, reconcileOldReplicaSets,
// cleanupUnhealthyReplicas and scaleDownOldReplicaSetsForRollingUpdate (pure: they return scale steps).
import type { Deployment } from 'kubernetes-types/apps/v1';
import { maxUnavailable, replicasOf } from './fenceposts';
import { newRSNewReplicas } from './newReplicaSet';
import {
  availableReplicaCount,
  byCreationTimestamp,
  replicaCount,
  specReplicas,
  withReplicas,
  type RS,
} from './replicaSets';

/** one ReplicaSet scale the reconcile writes, in order (scaleReplicaSetAndRecordEvent) */
export interface ScaleStep {
  rs: RS;
  to: number;
  /** scaleReplicaSet (proportional scaling): write even at the same size when the replicas annotations are stale */
  syncAnnotations?: boolean;
}

/** reconcileNewReplicaSet: the size the new RS should get now, or undefined when it stays as it is */
export function reconcileNewReplicaSet(
  d: Readonly<Deployment>,
  allRSs: readonly (RS | undefined)[],
  newRS: RS,
): number | undefined {
  const replicas = replicasOf(d);
  const cur = specReplicas(newRS);
  if (cur === replicas) return undefined;
  if (cur > replicas) return replicas;
  const next = newRSNewReplicas(d, allRSs, newRS);
  return next === cur ? undefined : next;
}

export interface ScaleDownPlan {
  steps: ScaleStep[];
  scaledDown: number;
}

/** cleanupUnhealthyReplicas: scale old RSs (oldest first) down by their unavailable replicas, up to maxCleanupCount */
export function cleanupUnhealthyReplicas(
  oldRSs: readonly RS[],
  maxCleanupCount: number,
): ScaleDownPlan & { oldRSs: RS[] } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  const steps: ScaleStep[] = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i] as RS;
    const spec = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanupCount - total, spec - available);
    const updated = withReplicas(rs, spec - count);
    steps.push({ rs, to: spec - count });
    sorted[i] = updated;
    total += count;
  }
  return { oldRSs: sorted, steps, scaledDown: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove (available - minAvailable) old replicas, oldest RS first */
export function scaleDownOldReplicaSetsForRollingUpdate(
  d: Readonly<Deployment>,
  allRSs: readonly (RS | undefined)[],
  oldRSs: readonly RS[],
): ScaleDownPlan {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return { steps: [], scaledDown: 0 };
  const want = available - minAvailable;
  const steps: ScaleStep[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= want) break;
    const spec = specReplicas(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, want - total);
    steps.push({ rs, to: spec - count });
    total += count;
  }
  return { steps, scaledDown: total };
}

/** reconcileOldReplicaSets: oldRSs are the active old ones; returns the scale-downs of this sync */
export function reconcileOldReplicaSets(
  d: Readonly<Deployment>,
  allRSs: readonly (RS | undefined)[],
  oldRSs: readonly RS[],
  newRS: RS,
): ScaleDownPlan {
  if (replicaCount(oldRSs) === 0) return { steps: [], scaledDown: 0 };
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return { steps: [], scaledDown: 0 };
  const cleanup = cleanupUnhealthyReplicas(oldRSs, maxScaledDown);
  const down = scaleDownOldReplicaSetsForRollingUpdate(d, [...cleanup.oldRSs, newRS], cleanup.oldRSs);
  return { steps: [...cleanup.steps, ...down.steps], scaledDown: cleanup.scaledDown + down.scaledDown };
}

export type RollingPlan =
  { kind: 'scaleNew'; to: number } | { kind: 'scaleOld'; steps: ScaleStep[] } | { kind: 'none' };

/** the scaling half of rolloutRolling: scale the new RS up first; only when it did not, scale old RSs down */
export function planRolling(d: Readonly<Deployment>, newRS: RS, oldRSs: readonly RS[]): RollingPlan {
  const allRSs = [...oldRSs, newRS];
  const to = reconcileNewReplicaSet(d, allRSs, newRS);
  if (to !== undefined) return { kind: 'scaleNew', to };
  const active = oldRSs.filter((rs) => specReplicas(rs) > 0);
  const down = reconcileOldReplicaSets(d, allRSs, active, newRS);
  return down.scaledDown > 0 ? { kind: 'scaleOld', steps: down.steps } : { kind: 'none' };
}
