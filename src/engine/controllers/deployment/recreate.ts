// Recreate strategy planner: every old pod is gone before the new ReplicaSet gets any replicas.
// mirrors pkg/controller/deployment/recreate.go rolloutRecreate and oldPodsRunning.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { replicasOf } from './fenceposts';
import type { ScaleStep } from './rolling';
import { actualReplicaCount, filterActive, type RS } from './replicaSets';

/** oldPodsRunning: old RSs still report pods, or some pod not owned by the new RS is not Succeeded/Failed */
export function oldPodsRunning(
  newRS: RS | undefined,
  oldRSs: readonly RS[],
  podsByRsUid: ReadonlyMap<string, readonly Readonly<Pod>[]>,
): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podsByRsUid) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    // Unknown (deprecated) counts as running: we cannot be sure the pod stopped
    if (pods.some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')) return true;
  }
  return false;
}

export type RecreatePlan =
  | { kind: 'scaleDownOld'; steps: ScaleStep[] }
  | { kind: 'waitForOldPods' }
  /** create the new RS if missing, then scale it to `to` */
  | { kind: 'scaleUpNew'; to: number };

/** rolloutRecreate's decision for this sync */
export function planRecreate(
  d: Readonly<Deployment>,
  newRS: RS | undefined,
  oldRSs: readonly RS[],
  podsByRsUid: ReadonlyMap<string, readonly Readonly<Pod>[]>,
): RecreatePlan {
  const active = filterActive(oldRSs);
  if (active.length > 0) return { kind: 'scaleDownOld', steps: active.map((rs) => ({ rs, to: 0 })) };
  if (oldPodsRunning(newRS, oldRSs, podsByRsUid)) return { kind: 'waitForOldPods' };
  return { kind: 'scaleUpNew', to: replicasOf(d) };
}
