// Pod readiness and activity helpers (mirrors pkg/api/v1/pod/util.go IsPodReady/IsPodAvailable and controller_utils.go IsPodActive).
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { fromRfc3339 } from '../../sim/clock';

export type PodLike = Readonly<KubeObject> | Readonly<Pod>;

function asPod(p: PodLike): Readonly<Pod> {
  return p as Readonly<Pod>;
}

/** GetPodReadyCondition */
export function getPodReadyCondition(pod: PodLike): PodCondition | undefined {
  // a plain loop: this runs for every pod of every ReplicaSet/Deployment sync
  const conds = asPod(pod).status?.conditions;
  if (!conds) return undefined;
  for (let i = 0; i < conds.length; i++) {
    const c = conds[i] as PodCondition;
    if (c.type === 'Ready') return c;
  }
  return undefined;
}

/** IsPodReady: the Ready condition is True */
export function isPodReady(pod: PodLike): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

/** parse a metav1.Time; undefined for a missing or malformed (zero) time */
export function timeMs(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  try {
    return fromRfc3339(ts);
  } catch {
    return undefined;
  }
}

/** the Ready condition's lastTransitionTime of a ready pod (podReadyTime); undefined = zero time */
export function podReadyTimeMs(pod: PodLike): number | undefined {
  if (!isPodReady(pod)) return undefined;
  return timeMs(getPodReadyCondition(pod)?.lastTransitionTime);
}

/** IsPodAvailable: ready, and ready for longer than minReadySeconds (strictly before now) */
export function isPodAvailable(pod: PodLike, minReadySeconds: number, nowMs: number): boolean {
  const ready = getPodReadyCondition(pod);
  if (ready?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const t = timeMs(ready.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 < nowMs;
}

/** IsPodActive: not Succeeded, not Failed, not being deleted */
export function isPodActive(pod: PodLike): boolean {
  const phase = asPod(pod).status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** FilterActivePods */
export function filterActivePods<T extends PodLike>(pods: readonly T[]): T[] {
  return pods.filter(isPodActive);
}

/** IsPodTerminating-ish: deletionTimestamp set on a pod not yet terminal */
export function isPodTerminating(pod: PodLike): boolean {
  const phase = asPod(pod).status?.phase;
  return !!pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}
