// One StatefulSet sync as a pure function over injected pod operations: create in ordinal order, delete condemned
// pods highest first, roll updates in reverse ordinal order down to the partition.
// mirrors pkg/controller/statefulset/stateful_set_control.go updateStatefulSet, processReplica, processCondemned,
// runForAll and updateStatefulSetAfterInvariantEstablished (MaxUnavailableStatefulSet on, as in v1.35).
import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { slowStartBatch } from '../shared/slowStartBatch';
import {
  endOrdinal,
  getOrdinal,
  getPodRevision,
  identityMatches,
  newStatefulSetPod,
  podInOrdinalRange,
  startOrdinal,
  storageMatches,
} from './identity';
import { getStatefulSetMaxUnavailable } from './maxUnavailable';
import { applyRevision } from './revision';
import type { Replica } from './status';
import {
  computeReplicaStatus,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  isUnavailable,
  phaseOf,
} from './status';

/** the writes a sync may make (StatefulPodControl); each returns an error message or undefined */
export interface StatefulPodControl {
  /** CreateStatefulPod: missing claims first, then the pod */
  createStatefulPod(set: Readonly<StatefulSet>, pod: Pod): string | undefined;
  deleteStatefulPod(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): string | undefined;
  /** UpdateStatefulPod: restore identity, storage and claim ownerRefs */
  updateStatefulPod(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): string | undefined;
  createMissingClaims(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): string | undefined;
  claimsMatchRetentionPolicy(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): boolean;
  updatePodClaimForRetentionPolicy(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): string | undefined;
  podClaimIsStale(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): boolean;
}

export interface SyncInput {
  set: Readonly<StatefulSet>;
  currentRevision: Readonly<ControllerRevision>;
  updateRevision: Readonly<ControllerRevision>;
  collisionCount: number;
  /** the set's pods (claimed) */
  pods: readonly Readonly<KubeObject>[];
  nowMs: number;
}

export interface SyncResult {
  status: StatefulSetStatus;
  error?: string;
}

type StepFn = (i: number) => { exit: boolean; error?: string };

/** runForAll: monotonic stops at the first exit; burst runs everything via slowStartBatch */
function runForAll(n: number, fn: StepFn, monotonic: boolean): { exit: boolean; error?: string } {
  if (monotonic) {
    for (let i = 0; i < n; i++) {
      const r = fn(i);
      if (r.exit || r.error) return { exit: true, error: r.error };
    }
    return { exit: false };
  }
  let i = 0;
  const res = slowStartBatch(n, 1, () => fn(i++).error);
  return res.error ? { exit: true, error: res.error } : { exit: false };
}

/** newVersionedStatefulSetPod, with Go's `a && b || c` precedence kept */
function newVersionedPod(
  cur: StatefulSet,
  upd: StatefulSet,
  curName: string,
  updName: string,
  ordinal: number,
): Pod {
  const st = cur.spec?.updateStrategy;
  const start = startOrdinal(cur);
  const useCurrent =
    (st?.type === 'RollingUpdate' && !st.rollingUpdate && ordinal < start) ||
    (st?.rollingUpdate !== undefined && ordinal < start + (st.rollingUpdate.partition ?? 0));
  return useCurrent ? newStatefulSetPod(cur, ordinal, curName) : newStatefulSetPod(upd, ordinal, updName);
}

export function updateStatefulSet(input: SyncInput, control: StatefulPodControl): SyncResult {
  const { set, currentRevision, updateRevision, nowMs } = input;
  const currentSet = applyRevision(set, currentRevision);
  const updateSet = applyRevision(set, updateRevision);
  const curName = currentRevision.metadata?.name ?? '';
  const updName = updateRevision.metadata?.name ?? '';
  const minReady = set.spec?.minReadySeconds ?? 0;
  const start = startOrdinal(set);
  const count = Math.max(0, endOrdinal(set) - start + 1);
  const slots: (Replica | undefined)[] = new Array<Replica | undefined>(count).fill(undefined);
  const condemned: Replica[] = [];
  for (const pod of input.pods) {
    if (podInOrdinalRange(pod, set)) slots[getOrdinal(pod) - start] = { pod, created: phaseOf(pod) !== '' };
    else if (getOrdinal(pod) >= 0) condemned.push({ pod, created: phaseOf(pod) !== '' });
  }
  const replicas: Replica[] = slots.map(
    (r, i) =>
      r ?? {
        pod: newVersionedPod(currentSet, updateSet, curName, updName, start + i) as unknown as KubeObject,
        created: false,
      },
  );
  condemned.sort((a, b) => getOrdinal(b.pod) - getOrdinal(a.pod));
  let firstUnhealthy: Replica | undefined;
  for (const r of [...replicas, ...[...condemned].reverse()])
    if (!firstUnhealthy && isUnavailable(r, minReady, nowMs)) firstUnhealthy = r;

  const status: StatefulSetStatus = {
    observedGeneration: set.metadata?.generation,
    replicas: 0,
    currentRevision: curName,
    updateRevision: updName,
    collisionCount: input.collisionCount,
  };
  const finish = (error?: string): SyncResult => {
    Object.assign(
      status,
      computeReplicaStatus([...replicas, ...condemned], minReady, curName, updName, nowMs),
    );
    return error ? { status, error } : { status };
  };
  if (set.metadata?.deletionTimestamp) return finish();
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';

  const processReplica: StepFn = (i) => {
    const r = replicas[i] as Replica;
    const phase = phaseOf(r.pod);
    if (r.created && (phase === 'Failed' || phase === 'Succeeded')) {
      // a new pod is created on the next sync, after this one is gone from the API
      return { exit: true, error: isTerminating(r.pod) ? undefined : control.deleteStatefulPod(set, r.pod) };
    }
    if (!r.created) {
      if (control.podClaimIsStale(set, r.pod)) return { exit: true };
      const error = control.createStatefulPod(set, r.pod as unknown as Pod);
      // burst mode goes on to the next slot; the new pod is looked at on a later sync
      return { exit: monotonic || error !== undefined, error };
    }
    if (phase === 'Pending') {
      const error = control.createMissingClaims(set, r.pod);
      if (error) return { exit: true, error };
    }
    if (
      monotonic &&
      (isTerminating(r.pod) || !isRunningAndReady(r.pod) || !isRunningAndAvailable(r.pod, minReady, nowMs))
    )
      return { exit: true };
    const retentionMatch = control.claimsMatchRetentionPolicy(updateSet, r.pod);
    if (identityMatches(set, r.pod) && storageMatches(set, r.pod) && retentionMatch) return { exit: false };
    const error = control.updateStatefulPod(updateSet, r.pod);
    return { exit: error !== undefined, error };
  };
  let res = runForAll(replicas.length, processReplica, monotonic);
  if (res.exit || res.error) return finish(res.error);

  const fixPodClaim: StepFn = (i) => {
    const r = condemned[i] as Replica;
    if (control.claimsMatchRetentionPolicy(updateSet, r.pod)) return { exit: false };
    const error = control.updatePodClaimForRetentionPolicy(updateSet, r.pod);
    return { exit: error !== undefined, error };
  };
  res = runForAll(condemned.length, fixPodClaim, monotonic);
  if (res.exit || res.error) return finish(res.error);

  const processCondemned: StepFn = (i) => {
    const r = condemned[i] as Replica;
    if (isTerminating(r.pod)) return { exit: monotonic };
    if (
      monotonic &&
      r !== firstUnhealthy &&
      (!isRunningAndReady(r.pod) || !isRunningAndAvailable(r.pod, minReady, nowMs))
    )
      return { exit: true };
    return { exit: true, error: control.deleteStatefulPod(set, r.pod) };
  };
  res = runForAll(condemned.length, processCondemned, monotonic);
  if (res.exit || res.error) return finish(res.error);

  const out = finish();
  if (set.spec?.updateStrategy?.type === 'OnDelete') return out;
  return rollingUpdate(set, replicas, updName, minReady, nowMs, out, control);
}

/** updateStatefulSetAfterInvariantEstablished: delete up to maxUnavailable-unavailable old pods, highest ordinal first */
function rollingUpdate(
  set: Readonly<StatefulSet>,
  replicas: readonly Replica[],
  updName: string,
  minReady: number,
  nowMs: number,
  out: SyncResult,
  control: StatefulPodControl,
): SyncResult {
  const ru = set.spec?.updateStrategy?.rollingUpdate;
  const updateMin = ru?.partition ?? 0;
  let maxUnavailable = 1;
  try {
    if (ru) maxUnavailable = getStatefulSetMaxUnavailable(ru.maxUnavailable, set.spec?.replicas ?? 1);
  } catch (e) {
    return { ...out, error: e instanceof Error ? e.message : String(e) };
  }
  let unavailable = 0;
  for (const r of replicas) if (isUnavailable(r, minReady, nowMs)) unavailable++;
  if (unavailable > maxUnavailable) return out;
  const toDelete = maxUnavailable - unavailable;
  let deleted = 0;
  for (let t = replicas.length - 1; t >= updateMin && deleted < toDelete; t--) {
    const r = replicas[t] as Replica;
    if (getPodRevision(r.pod) === updName || isTerminating(r.pod)) continue;
    const error = control.deleteStatefulPod(set, r.pod);
    if (error && !error.includes('not found')) return { ...out, error };
    deleted++;
    out.status.currentReplicas = (out.status.currentReplicas ?? 0) - 1;
  }
  return out;
}
