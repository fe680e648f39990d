// Deletion order of a controller's pods (mirrors pkg/controller/controller_utils.go ActivePodsWithRanks.Less
// with PodDeletionCost and LogarithmicScaleDown on, and replica_set.go getPodsRankedByRelatedPodsOnSameNode).
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { timeMs } from './podUtil';
import { podFacts } from './podFacts';

/** the annotation read by helper.GetDeletionCostFromPodAnnotations */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod<T extends Readonly<KubeObject> = Readonly<KubeObject>> {
  pod: T;
  /** active pods of related controllers on this pod's node */
  rank: number;
}

/** GetDeletionCostFromPodAnnotations: int32, default 0 (an invalid value counts as 0 here) */
export function podDeletionCost(pod: Readonly<KubeObject>): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v.trim());
  return n > 2147483647 || n < -2147483648 ? 0 : n;
}

function nodeName(p: Readonly<KubeObject>): string {
  return (p as Readonly<Pod>).spec?.nodeName ?? '';
}

function phaseOrdinal(p: Readonly<KubeObject>): number {
  return PHASE_ORDINAL[(p as Readonly<Pod>).status?.phase ?? ''] ?? 0;
}

/** max restartCount over containers (and restartable init containers, as sidecars count) */
export function maxContainerRestarts(p: Readonly<KubeObject>): number {
  const st = (p as Readonly<Pod>).status;
  let max = 0;
  for (const c of st?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  // most pods have no init container statuses: no sidecar set to build
  if ((st?.initContainerStatuses?.length ?? 0) === 0) return max;
  const sidecars = new Set(
    ((p as Readonly<Pod>).spec?.initContainers ?? [])
      .filter((c) => c.restartPolicy === 'Always')
      .map((c) => c.name),
  );
  for (const c of st?.initContainerStatuses ?? [])
    if (sidecars.has(c.name)) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** floor(log2(now - t)) in nanoseconds; -1 when t is not before now (logarithmicRankDiff's bucket) */
function logBucket(tMs: number, nowMs: number): number {
  const dNs = (nowMs - tMs) * 1e6;
  return dNs > 0 ? Math.floor(Math.log2(dNs)) : -1;
}

/** afterOrZero: zero time first, otherwise later first */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** compare two times newer-first with logarithmic bucketing and a UID tie-break; undefined when equal */
function newerFirst(
  t1: number | undefined,
  t2: number | undefined,
  uid1: string,
  uid2: string,
  nowMs: number | undefined,
): boolean | undefined {
  if (t1 === t2) return undefined;
  if (nowMs === undefined || t1 === undefined || t2 === undefined) return afterOrZero(t1, t2);
  const diff = logBucket(t1, nowMs) - logBucket(t2, nowMs);
  if (diff === 0) return uid1 < uid2;
  return diff < 0;
}

/** what ActivePodsWithRanks.Less reads from one ranked pod, computed once per pod rather than per comparison */
interface PodSortKey {
  nodeName: string;
  phase: number;
  ready: boolean;
  cost: number;
  rank: number;
  uid: string;
  readyMs: number | undefined;
  restarts: number;
  createdMs: number | undefined;
}

function podSortKey(r: RankedPod): PodSortKey {
  const p = r.pod;
  // IsPodReady and the Ready condition's time, as remembered for the stored pod
  const f = podFacts(p);
  return {
    nodeName: nodeName(p),
    phase: phaseOrdinal(p),
    ready: f.ready,
    cost: podDeletionCost(p),
    rank: r.rank,
    uid: p.metadata.uid ?? '',
    readyMs: f.ready ? f.readyMs : undefined,
    restarts: maxContainerRestarts(p),
    createdMs: timeMs(p.metadata.creationTimestamp),
  };
}

/** ActivePodsWithRanks.Less on precomputed keys */
function keyLess(a: PodSortKey, b: PodSortKey, nowMs: number | undefined): boolean {
  // 1. unassigned < assigned
  if (a.nodeName !== b.nodeName && (a.nodeName === '' || b.nodeName === '')) return a.nodeName === '';
  // 2. Pending < Unknown < Running
  if (a.phase !== b.phase) return a.phase < b.phase;
  // 3. not ready < ready
  if (a.ready !== b.ready) return !a.ready;
  // 4. lower pod-deletion-cost < higher
  if (a.cost !== b.cost) return a.cost < b.cost;
  // 5. doubled up (higher rank) < not doubled up
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. both ready: ready for less time < more time
  if (a.ready && b.ready) {
    const r = newerFirst(a.readyMs, b.readyMs, a.uid, b.uid, nowMs);
    if (r !== undefined) return r;
  }
  // 7. higher restart count < lower
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  // 8. newer creationTimestamp < older
  return newerFirst(a.createdMs, b.createdMs, a.uid, b.uid, nowMs) ?? false;
}

/** ActivePodsWithRanks.Less: true when a should be deleted before b */
export function activePodLess(a: RankedPod, b: RankedPod, nowMs: number | undefined): boolean {
  return keyLess(podSortKey(a), podSortKey(b), nowMs);
}

/** a comparator for Array.sort built from activePodLess */
export function compareActivePods(nowMs: number | undefined): (a: RankedPod, b: RankedPod) => number {
  return (a, b) => (activePodLess(a, b, nowMs) ? -1 : activePodLess(b, a, nowMs) ? 1 : 0);
}

/** getPodsRankedByRelatedPodsOnSameNode: rank = active related pods on the same node */
export function rankPodsByRelatedPodsOnSameNode<T extends Readonly<KubeObject>>(
  podsToRank: readonly T[],
  relatedPods: readonly Readonly<KubeObject>[],
): RankedPod<T>[] {
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (podFacts(p).active) podsOnNode.set(nodeName(p), (podsOnNode.get(nodeName(p)) ?? 0) + 1);
  }
  return podsToRank.map((pod) => ({ pod, rank: podsOnNode.get(nodeName(pod)) ?? 0 }));
}

/** sort ranked pods into deletion order (most deletable first) */
export function sortActivePodsWithRanks<T extends Readonly<KubeObject>>(
  ranked: RankedPod<T>[],
  nowMs: number | undefined,
): T[] {
  // sort on keys computed once per pod: the comparison itself is ActivePodsWithRanks.Less, unchanged
  const keyed = ranked.map((r) => ({ r, k: podSortKey(r) }));
  keyed.sort((a, b) => (keyLess(a.k, b.k, nowMs) ? -1 : keyLess(b.k, a.k, nowMs) ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) ranked[i] = (keyed[i] as { r: RankedPod<T> }).r;
  return ranked.map((r) => r.pod);
}
