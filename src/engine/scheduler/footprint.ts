// Whether replacing a cached pod by a newer version leaves its node's NodeInfo aggregates unchanged (a status update,
// or the binding confirming an assumed pod): same node, requests, host ports, affinity and topology-count inputs.
import type { Pod } from 'kubernetes-types/core/v1';
import { sameLabels } from '../labels/sameLabels';

export function hasHostPorts(pod: Pod): boolean {
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) return true;
  return false;
}

/**
 * true when `pod` counts exactly as `stored` does in a NodeInfo: requests (containers, init containers, overhead),
 * node, affinity, namespace, labels and deletionTimestamp (PodTopologySpread counts) are the same. Pods with host
 * ports always take the remove + add path (their usedPorts entries are re-added); a caller that knows whether
 * `stored` has host ports passes it.
 */
export function sameFootprint(stored: Pod, pod: Pod, storedHasHostPorts = hasHostPorts(stored)): boolean {
  if (storedHasHostPorts) return false;
  const a = stored.spec;
  const b = pod.spec;
  if (a !== b) {
    if (a === undefined || b === undefined) return false;
    if (
      (a.nodeName ?? '') !== (b.nodeName ?? '') ||
      a.containers !== b.containers ||
      a.initContainers !== b.initContainers ||
      a.overhead !== b.overhead ||
      a.affinity !== b.affinity
    )
      return false;
  }
  const am = stored.metadata;
  const bm = pod.metadata;
  return (
    am?.uid === bm?.uid &&
    (am?.namespace ?? '') === (bm?.namespace ?? '') &&
    am?.deletionTimestamp === bm?.deletionTimestamp &&
    sameLabels(am?.labels, bm?.labels)
  );
}
