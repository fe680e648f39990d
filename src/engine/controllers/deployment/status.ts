// Deployment status planners: the counts, the Available/Progressing conditions and the progress-deadline requeue.
// mirrors pkg/controller/deployment/sync.go calculateStatus, progress.go syncRolloutStatus/requeueStuckDeployment
// and util.DeploymentComplete / DeploymentProgressing / DeploymentTimedOut.
import type { Deployment, DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { timeMs } from '../shared';
import * as C from './conditions';
import { maxUnavailable, replicasOf } from './fenceposts';
import {
  actualReplicaCount,
  availableReplicaCount,
  readyReplicaCount,
  replicaCount,
  type RS,
} from './replicaSets';
import { cloneJson } from '../../types/json';

const MAX_INT32 = 2147483647;

/** HasProgressDeadline */
export function hasProgressDeadline(d: Readonly<Deployment>): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== MAX_INT32;
}

/** calculateStatus: counts from the ReplicaSets plus the Available condition (zero counts omitted, as omitempty) */
export function calculateStatus(
  allRSs: readonly (RS | undefined)[],
  newRS: RS | undefined,
  d: Readonly<Deployment>,
  nowIso: string,
): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const unavailable = Math.max(0, replicaCount(allRSs) - available);
  const counts: Record<string, number> = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  const status: DeploymentStatus = {};
  for (const [k, v] of Object.entries(counts)) if (v !== 0) (status as Record<string, number>)[k] = v;
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    C.setCondition(
      status,
      C.newCondition(
        C.AVAILABLE,
        'True',
        C.MINIMUM_REPLICAS_AVAILABLE,
        'Deployment has minimum availability.',
        nowIso,
      ),
    );
  } else {
    C.setCondition(
      status,
      C.newCondition(
        C.AVAILABLE,
        'False',
        C.MINIMUM_REPLICAS_UNAVAILABLE,
        'Deployment does not have minimum availability.',
        nowIso,
      ),
    );
  }
  return status;
}

/** DeploymentComplete */
export function deploymentComplete(d: Readonly<Deployment>, s: Readonly<DeploymentStatus>): boolean {
  const r = replicasOf(d);
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than the stored status */
export function deploymentProgressing(d: Readonly<Deployment>, s: Readonly<DeploymentStatus>): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: the Progressing condition's lastUpdateTime + deadline is strictly before now */
export function deploymentTimedOut(
  d: Readonly<Deployment>,
  s: Readonly<DeploymentStatus>,
  nowMs: number,
): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = C.getCondition(s, C.PROGRESSING);
  if (!cond || cond.reason === C.NEW_RS_AVAILABLE_REASON) return false;
  if (cond.reason === C.TIMED_OUT_REASON) return true;
  const from = timeMs(cond.lastUpdateTime) ?? 0;
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}

/** getReplicaFailures: ReplicaFailure conditions of the new RS, else of any RS (ReplicaSetToDeploymentCondition) */
function replicaFailures(allRSs: readonly (RS | undefined)[], newRS: RS | undefined): DeploymentCondition[] {
  const conv = (rs: RS | undefined): DeploymentCondition[] =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === C.REPLICA_FAILURE)
      .map((c) => ({
        type: c.type,
        status: c.status,
        lastUpdateTime: c.lastTransitionTime,
        lastTransitionTime: c.lastTransitionTime,
        reason: c.reason,
        message: c.message,
      }));
  const fromNew = conv(newRS);
  return fromNew.length > 0 ? fromNew : allRSs.flatMap(conv);
}

/** syncRolloutStatus's new status: complete / progressing / timed out, plus ReplicaFailure */
export function rolloutStatus(
  allRSs: readonly (RS | undefined)[],
  newRS: RS | undefined,
  d: Readonly<Deployment>,
  nowMs: number,
  nowIso: string,
): DeploymentStatus {
  const s = calculateStatus(allRSs, newRS, d, nowIso);
  if (!hasProgressDeadline(d)) C.removeCondition(s, C.PROGRESSING);
  const cur = C.getCondition(d.status, C.PROGRESSING);
  const isComplete = s.replicas === s.updatedReplicas && cur?.reason === C.NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isComplete) {
    const what = newRS
      ? `ReplicaSet "${newRS.metadata?.name ?? ''}"`
      : `Deployment "${d.metadata?.name ?? ''}"`;
    if (deploymentComplete(d, s)) {
      C.setCondition(
        s,
        C.newCondition(
          C.PROGRESSING,
          'True',
          C.NEW_RS_AVAILABLE_REASON,
          `${what} has successfully progressed.`,
          nowIso,
        ),
      );
    } else if (deploymentProgressing(d, s)) {
      const cond = C.newCondition(
        C.PROGRESSING,
        'True',
        C.REPLICA_SET_UPDATED_REASON,
        `${what} is progressing.`,
        nowIso,
      );
      // the Progressing condition is refreshed (lastUpdateTime) on every sign of progress, even with the same reason
      if (cur) {
        if (cur.status === 'True') cond.lastTransitionTime = cur.lastTransitionTime;
        C.removeCondition(s, C.PROGRESSING);
      }
      C.setCondition(s, cond);
    } else if (deploymentTimedOut(d, s, nowMs)) {
      C.setCondition(
        s,
        C.newCondition(
          C.PROGRESSING,
          'False',
          C.TIMED_OUT_REASON,
          `${what} has timed out progressing.`,
          nowIso,
        ),
      );
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures[0]) C.setCondition(s, failures[0]);
  else C.removeCondition(s, C.REPLICA_FAILURE);
  return s;
}

/** requeueStuckDeployment: ms until the progress check is due (+1s skew), or undefined when none is needed */
export function progressCheckAfterMs(
  d: Readonly<Deployment>,
  s: Readonly<DeploymentStatus>,
  nowMs: number,
): number | undefined {
  const cur = C.getCondition(d.status, C.PROGRESSING);
  if (!hasProgressDeadline(d) || !cur) return undefined;
  if (deploymentComplete(d, s) || cur.reason === C.TIMED_OUT_REASON) return undefined;
  const after = (timeMs(cur.lastUpdateTime) ?? 0) + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - nowMs;
  // Go requeues rate-limited when under a second is left; one second later the deadline has surely passed
  return after < 1000 ? 1000 : after + 1000;
}

/** checkPausedConditions: the status with DeploymentPaused/DeploymentResumed set, or undefined when unchanged */
export function pausedConditionStatus(d: Readonly<Deployment>, nowIso: string): DeploymentStatus | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const cond = C.getCondition(d.status, C.PROGRESSING);
  if (cond?.reason === C.TIMED_OUT_REASON) return undefined;
  const pausedExists = cond?.reason === C.PAUSED_DEPLOY_REASON;
  const s: DeploymentStatus = cloneJson(d.status ?? {});
  if (d.spec?.paused && !pausedExists) {
    C.setCondition(
      s,
      C.newCondition(C.PROGRESSING, 'Unknown', C.PAUSED_DEPLOY_REASON, 'Deployment is paused', nowIso),
    );
  } else if (!d.spec?.paused && pausedExists) {
    C.setCondition(
      s,
      C.newCondition(C.PROGRESSING, 'Unknown', C.RESUMED_DEPLOY_REASON, 'Deployment is resumed', nowIso),
    );
  } else return undefined;
  return s;
}
