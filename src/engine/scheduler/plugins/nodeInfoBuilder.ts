// Builds a framework NodeInfo from a node and its pods (for tests, and as a reference for the scheduler cache).
// mirrors pkg/scheduler/framework/types.go NewNodeInfo / NodeInfo.AddPod / SetNode.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../framework/types';
import {
  addResource,
  allocatableResource,
  computePodResourceRequest,
  emptyResource,
  nonZeroRequest,
} from './resources';
import { hostPortKey, hostPortsOf } from './nodePortsKey';

export function podHasAffinity(pod: Pod): boolean {
  const a = pod.spec?.affinity;
  return a !== undefined && (a.podAffinity !== undefined || a.podAntiAffinity !== undefined);
}

export function podHasRequiredAntiAffinity(pod: Pod): boolean {
  return (
    (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0
  );
}

/** image name -> size for every name in node.status.images (NodeInfo.ImageStates) */
export function imageSizesOf(node: Node): Map<string, number> {
  const m = new Map<string, number>();
  for (const img of node.status?.images ?? []) for (const n of img.names ?? []) m.set(n, img.sizeBytes ?? 0);
  return m;
}

export function buildNodeInfo(node: Node, pods: readonly Pod[] = []): NodeInfo {
  let requested = emptyResource();
  let nonZeroRequested = emptyResource();
  const usedPorts = new Set<string>();
  for (const p of pods) {
    requested = addResource(requested, computePodResourceRequest(p));
    nonZeroRequested = addResource(nonZeroRequested, nonZeroRequest(p));
    for (const cp of hostPortsOf(p)) usedPorts.add(hostPortKey(cp.protocol, cp.hostIP, cp.hostPort ?? 0));
  }
  return {
    node,
    pods,
    podsWithAffinity: pods.filter(podHasAffinity),
    podsWithRequiredAntiAffinity: pods.filter(podHasRequiredAntiAffinity),
    requested,
    nonZeroRequested,
    allocatable: allocatableResource(node.status?.allocatable),
    usedPorts,
    imageSizes: imageSizesOf(node),
  };
}
