// What the workload controllers read of a pod on every sync (IsPodActive, the controllerRef's UID, IsPodReady and the
// Ready condition's time), kept per stored pod object: a stored pod is deep-frozen, so its facts never change, and a
// sync over a thousand pods reads one small record each instead of chasing metadata, ownerReferences and conditions.
import type { KubeObject } from '../../types/object';
import { getControllerOf } from './controllerRef';
import { isPodActive, isPodReady, podReadyTimeMs } from './podUtil';

export interface PodFacts {
  readonly active: boolean;
  /** the controllerRef's UID; undefined for an orphan */
  readonly controllerUid: string | undefined;
  readonly ready: boolean;
  /** the Ready condition's lastTransitionTime of a ready pod (podReadyTimeMs) */
  readonly readyMs: number | undefined;
}

const facts = new WeakMap<object, PodFacts>();

export function computePodFacts(pod: Readonly<KubeObject>): PodFacts {
  return {
    active: isPodActive(pod),
    controllerUid: getControllerOf(pod)?.uid,
    ready: isPodReady(pod),
    readyMs: podReadyTimeMs(pod),
  };
}

/** the pod's facts, remembered for frozen (stored) pods; anything else is read afresh */
export function podFacts(pod: Readonly<KubeObject>): PodFacts {
  let f = facts.get(pod);
  if (f === undefined) {
    f = computePodFacts(pod);
    if (Object.isFrozen(pod) && Object.isFrozen(pod.metadata)) facts.set(pod, f);
  }
  return f;
}

/** IsPodAvailable from the facts: ready, and ready for longer than minReadySeconds (strictly before now) */
export function factsAvailable(f: PodFacts, minReadySeconds: number, nowMs: number): boolean {
  if (!f.ready) return false;
  if (minReadySeconds === 0) return true;
  return f.readyMs !== undefined && f.readyMs + minReadySeconds * 1000 < nowMs;
}
