// StatefulSet status arithmetic (mirrors stateful_set_control.go computeReplicaStatus / updateStatus /
// completeRollingUpdate and stateful_set_utils.go inconsistentStatus, isRunningAndReady, isUnavailable).
import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { isPodAvailable, isPodReady } from '../shared/podUtil';
import { getPodRevision } from './identity';

/** a replica slot: an existing pod, or the pod the controller would create (not yet created) */
export interface Replica {
  pod: Readonly<KubeObject>;
  created: boolean;
}

export function phaseOf(pod: Readonly<KubeObject>): string {
  return (pod as Readonly<Pod>).status?.phase ?? '';
}

export function isTerminating(pod: Readonly<KubeObject>): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** isRunningAndReady */
export function isRunningAndReady(pod: Readonly<KubeObject>): boolean {
  return phaseOf(pod) === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable */
export function isRunningAndAvailable(
  pod: Readonly<KubeObject>,
  minReadySeconds: number,
  nowMs: number,
): boolean {
  return isPodAvailable(pod, minReadySeconds, nowMs);
}

/** isHealthy: running, ready and not terminating */
export function isHealthy(pod: Readonly<KubeObject>): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** isUnavailable: not healthy or not yet available for minReadySeconds (a not-yet-created slot counts) */
export function isUnavailable(r: Replica, minReadySeconds: number, nowMs: number): boolean {
  return !r.created || !isHealthy(r.pod) || !isPodAvailable(r.pod, minReadySeconds, nowMs);
}

export interface ReplicaCounts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/** updateStatus over replicas and condemned pods */
export function computeReplicaStatus(
  replicas: readonly Replica[],
  minReadySeconds: number,
  currentRevision: string,
  updateRevision: string,
  nowMs: number,
): ReplicaCounts {
  const s: ReplicaCounts = {
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
  };
  for (const r of replicas) {
    if (!r.created) continue;
    s.replicas++;
    if (isRunningAndReady(r.pod)) {
      s.readyReplicas++;
      if (isRunningAndAvailable(r.pod, minReadySeconds, nowMs)) s.availableReplicas++;
    }
    if (!isTerminating(r.pod)) {
      const rev = getPodRevision(r.pod);
      if (rev === currentRevision) s.currentReplicas++;
      if (rev === updateRevision) s.updatedReplicas++;
    }
  }
  return s;
}

/** completeRollingUpdate: once every replica is updated and ready, the update revision becomes current */
export function completeRollingUpdate(set: Readonly<StatefulSet>, status: StatefulSetStatus): void {
  if (
    set.spec?.updateStrategy?.type === 'RollingUpdate' &&
    status.updatedReplicas === status.replicas &&
    status.readyReplicas === status.replicas
  ) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

/** inconsistentStatus: does the stored status differ from the computed one? */
export function inconsistentStatus(set: Readonly<StatefulSet>, status: Readonly<StatefulSetStatus>): boolean {
  const s = set.status;
  if (!s) return true;
  return (
    status.observedGeneration !== s.observedGeneration ||
    status.replicas !== s.replicas ||
    (status.readyReplicas ?? 0) !== (s.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) !== (s.availableReplicas ?? 0) ||
    (status.currentReplicas ?? 0) !== (s.currentReplicas ?? 0) ||
    (status.updatedReplicas ?? 0) !== (s.updatedReplicas ?? 0) ||
    status.currentRevision !== s.currentRevision ||
    status.updateRevision !== s.updateRevision ||
    (status.collisionCount ?? 0) !== (s.collisionCount ?? 0)
  );
}
