// The status a ReplicaSet (or ReplicationController) reports (mirrors replica_set_utils.go calculateStatus / updateReplicaSetStatus).
import type { KubeObject } from '../../types/object';
import { selectorFromSet } from '../../labels/selector';
import type { Selector } from '../../labels/types';
import { factsAvailable, podFacts, type PodFacts } from '../shared/podFacts';

export const REPLICA_FAILURE = 'ReplicaFailure';

export interface ReplicaCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ReplicaStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaCondition[];
}

/**
 * Whether every pod the selector matches carries all the template's labels: each template label k=v is a
 * requirement of the selector that admits only v (the usual case: a Deployment's ReplicaSet selects exactly its
 * template labels). Then calculateStatus's fullyLabeledReplicas is the number of claimed pods without a label check.
 */
export function selectorImpliesLabels(
  selector: Selector,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!labels) return true;
  for (const k in labels) {
    if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
    const v = labels[k];
    const pinned = selector.requirements.some(
      (r) =>
        r.key === k &&
        (r.operator === '=' || r.operator === '==' || r.operator === 'in') &&
        r.values.length === 1 &&
        r.values[0] === v,
    );
    if (!pinned) return false;
  }
  return true;
}

export interface StatusInput {
  /** spec.template.metadata.labels */
  templateLabels: Readonly<Record<string, string>> | undefined;
  replicas: number;
  minReadySeconds: number;
  generation: number | undefined;
  current: Readonly<ReplicaStatus> | undefined;
  /** active pods claimed by the controller (each matched its selector) */
  pods: readonly Readonly<KubeObject>[];
  /** selectorImpliesLabels(selector, templateLabels): every claimed pod is fully labelled */
  allFullyLabeled?: boolean;
  /** the pods' ready and available counts when the caller already took them (countReady over the same pods) */
  readyCounts?: ReadyCounts;
  /** error from manageReplicas, if any */
  manageError: string | undefined;
  nowMs: number;
  nowRfc3339: string;
}

export interface ReadyCounts {
  ready: number;
  available: number;
}

/** add one pod (its facts: IsPodReady, IsPodAvailable) to calculateStatus's ready and available counts */
export function countReady(c: ReadyCounts, f: PodFacts, minReadySeconds: number, nowMs: number): void {
  if (!f.ready) return;
  c.ready++;
  if (factsAvailable(f, minReadySeconds, nowMs)) c.available++;
}

/** calculateStatus, plus observedGeneration (set by updateReplicaSetStatus); zero counts omitted as omitempty does */
export function calculateStatus(i: StatusInput): ReplicaStatus {
  const templateSelector = i.allFullyLabeled ? undefined : selectorFromSet(i.templateLabels);
  let fullyLabeled = i.allFullyLabeled ? i.pods.length : 0;
  const counts = i.readyCounts ?? { ready: 0, available: 0 };
  if (templateSelector || !i.readyCounts) {
    for (const pod of i.pods) {
      if (templateSelector?.matches(pod.metadata.labels)) fullyLabeled++;
      if (!i.readyCounts) countReady(counts, podFacts(pod), i.minReadySeconds, i.nowMs);
    }
  }
  const { ready, available } = counts;
  let conditions = (i.current?.conditions ?? []).map((c) => ({ ...c }));
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (i.manageError !== undefined && !failure) {
    const diff = i.pods.length - i.replicas;
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions.push({
      type: REPLICA_FAILURE,
      status: 'True',
      lastTransitionTime: i.nowRfc3339,
      reason,
      message: i.manageError,
    });
  } else if (i.manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  const status: ReplicaStatus = { replicas: i.pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (i.generation) status.observedGeneration = i.generation;
  if (conditions.length) status.conditions = conditions;
  return status;
}

/** updateReplicaSetStatus's no-op check: same counts, same observedGeneration, same conditions */
export function statusEqual(a: Readonly<ReplicaStatus> | undefined, b: Readonly<ReplicaStatus>): boolean {
  if (!a) return false;
  return (
    (a.replicas ?? 0) === b.replicas &&
    (a.fullyLabeledReplicas ?? 0) === (b.fullyLabeledReplicas ?? 0) &&
    (a.readyReplicas ?? 0) === (b.readyReplicas ?? 0) &&
    (a.availableReplicas ?? 0) === (b.availableReplicas ?? 0) &&
    (a.observedGeneration ?? 0) === (b.observedGeneration ?? 0) &&
    JSON.stringify(a.conditions ?? []) === JSON.stringify(b.conditions ?? [])
  );
}
