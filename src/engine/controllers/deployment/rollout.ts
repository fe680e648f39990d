// The Deployment controller's sync paths: status-only, scale (paused / scaling event), rolling and recreate.
// mirrors pkg/controller/deployment/sync.go sync/syncStatusOnly/isScalingEvent, rolling.go rolloutRolling,
// recreate.go rolloutRecreate and progress.go syncRolloutStatus.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReconcileResult } from '../../client/controller';
import { getAllReplicaSetsAndSyncRevision } from './getNewReplicaSet';
import { planRecreate } from './recreate';
import { desiredReplicasAnnotation, filterActive, type RS } from './replicaSets';
import { planRolling } from './rolling';
import { planScale } from './scale';
import { replicasOf } from './fenceposts';
import { calculateStatus, deploymentComplete, progressCheckAfterMs, rolloutStatus } from './status';
import type { DeploymentWriter } from './writer';

/** syncDeploymentStatus: counts + Available condition, written only when changed */
function syncDeploymentStatus(
  w: DeploymentWriter,
  allRSs: readonly (RS | undefined)[],
  newRS: RS | undefined,
): void {
  const status = calculateStatus(allRSs, newRS, w.d, w.nowIso);
  if (w.statusChanged(status)) w.writeStatus(status);
}

/** syncRolloutStatus: also the Progressing condition; when nothing changed, requeue for the progress-deadline check */
export function syncRolloutStatus(
  w: DeploymentWriter,
  allRSs: readonly (RS | undefined)[],
  newRS: RS | undefined,
): ReconcileResult {
  const status = rolloutStatus(allRSs, newRS, w.d, w.nowMs, w.nowIso);
  if (!w.statusChanged(status)) {
    const after = progressCheckAfterMs(w.d, status, w.nowMs);
    return after === undefined ? {} : { requeueAfterMs: after };
  }
  w.writeStatus(status);
  return {};
}

export function syncStatusOnly(w: DeploymentWriter): ReconcileResult {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(w, false);
  syncDeploymentStatus(w, [...oldRSs, newRS], newRS);
  return {};
}

/** sync: proportional scaling for paused deployments and scaling events; cleanup only while paused */
export function syncScale(w: DeploymentWriter): ReconcileResult {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(w, false);
  w.applySteps(planScale(w.d, newRS, oldRSs));
  if (w.d.spec?.paused) w.cleanup(oldRSs);
  syncDeploymentStatus(w, [...oldRSs, newRS], newRS);
  return {};
}

/** isScalingEvent: an active ReplicaSet was sized for a different spec.replicas */
export function isScalingEvent(w: DeploymentWriter): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(w, false);
  const replicas = replicasOf(w.d);
  return filterActive([...oldRSs, newRS]).some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== replicas;
  });
}

export function rolloutRolling(w: DeploymentWriter): ReconcileResult {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(w, true);
  if (!newRS) return {};
  const allRSs = [...oldRSs, newRS];
  const plan = planRolling(w.d, newRS, oldRSs);
  if (plan.kind === 'scaleNew') {
    if (w.scaleAndRecordEvent(newRS, plan.to)) return syncRolloutStatus(w, allRSs, newRS);
  } else if (plan.kind === 'scaleOld') {
    if (w.applySteps(plan.steps)) return syncRolloutStatus(w, allRSs, newRS);
  }
  if (deploymentComplete(w.d, w.d.status ?? {})) w.cleanup(oldRSs);
  return syncRolloutStatus(w, allRSs, newRS);
}

export function rolloutRecreate(
  w: DeploymentWriter,
  podsByRsUid: ReadonlyMap<string, readonly Readonly<Pod>[]>,
): ReconcileResult {
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(w, false);
  const plan = planRecreate(w.d, newRS, oldRSs, podsByRsUid);
  if (plan.kind === 'scaleDownOld') {
    w.applySteps(plan.steps);
    return syncRolloutStatus(w, [...oldRSs, newRS], newRS);
  }
  if (plan.kind === 'waitForOldPods') return syncRolloutStatus(w, [...oldRSs, newRS], newRS);
  if (!newRS) [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(w, true);
  if (newRS) w.scaleAndRecordEvent(newRS, plan.to);
  if (deploymentComplete(w.d, w.d.status ?? {})) w.cleanup(oldRSs);
  return syncRolloutStatus(w, [...oldRSs, newRS], newRS);
}
