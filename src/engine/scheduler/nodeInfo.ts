// Incremental NodeInfo operations: add/remove one pod, clone for what-if checks (preemption, nominated pods).
// mirrors pkg/scheduler/framework/types.go NodeInfo.AddPod / RemovePod / Snapshot, with copy-on-write fields so a
// NodeInfo handed to a plugin never changes under it.
import { deriveCounts, shareCounts } from './podCountMemo';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, Resource } from './framework/types';
import {
  addResource,
  allocatableResource,
  computePodResourceRequest,
  emptyResource,
  nonZeroRequest,
} from './plugins/resources';
import { hostPortKey, hostPortsOf } from './plugins/nodePortsKey';
import { imageSizesOf, podHasAffinity, podHasRequiredAntiAffinity } from './plugins/nodeInfoBuilder';

export interface MutableNodeInfo extends NodeInfo {
  node: Node;
  pods: readonly Pod[];
  podsWithRequiredAntiAffinity: readonly Pod[];
  podsWithAffinity: readonly Pod[];
  requested: Resource;
  nonZeroRequested: Resource;
  allocatable: Resource;
  usedPorts: ReadonlySet<string>;
  imageSizes: ReadonlyMap<string, number>;
  /** bumped on every change (NodeInfo.Generation) */
  generation: number;
}

/** a pod's requests, computed once when it enters the cache */
export interface PodResources {
  req: Resource;
  nonZero: Resource;
}

export function podResources(pod: Pod): PodResources {
  return { req: computePodResourceRequest(pod), nonZero: nonZeroRequest(pod) };
}

let generation = 0;
export const nextGeneration = (): number => ++generation;

export function newNodeInfo(node: Node): MutableNodeInfo {
  return {
    node,
    pods: [],
    podsWithAffinity: [],
    podsWithRequiredAntiAffinity: [],
    requested: emptyResource(),
    nonZeroRequested: emptyResource(),
    allocatable: allocatableResource(node.status?.allocatable),
    usedPorts: new Set(),
    imageSizes: imageSizesOf(node),
    generation: nextGeneration(),
  };
}

export function setNode(ni: MutableNodeInfo, node: Node): void {
  ni.node = node;
  ni.allocatable = allocatableResource(node.status?.allocatable);
  ni.imageSizes = imageSizesOf(node);
  ni.generation = nextGeneration();
}

export function cloneNodeInfo(ni: NodeInfo): MutableNodeInfo {
  return { ...ni, generation: nextGeneration() };
}

export function addPodTo(ni: MutableNodeInfo, pod: Pod, res: PodResources = podResources(pod)): void {
  const prev = ni.pods;
  ni.pods = [...prev, pod];
  deriveCounts(prev, ni.pods, undefined, pod);
  if (podHasAffinity(pod)) ni.podsWithAffinity = [...ni.podsWithAffinity, pod];
  if (podHasRequiredAntiAffinity(pod))
    ni.podsWithRequiredAntiAffinity = [...ni.podsWithRequiredAntiAffinity, pod];
  ni.requested = addResource(ni.requested, res.req);
  ni.nonZeroRequested = addResource(ni.nonZeroRequested, res.nonZero);
  const ports = hostPortsOf(pod);
  if (ports.length > 0) {
    const used = new Set(ni.usedPorts);
    for (const p of ports) used.add(hostPortKey(p.protocol, p.hostIP, p.hostPort ?? 0));
    ni.usedPorts = used;
  }
  ni.generation = nextGeneration();
}

const sameUid = (a: Pod, b: Pod): boolean =>
  a === b || (a.metadata?.uid !== undefined && a.metadata.uid === b.metadata?.uid);

/** removes the pod (matched by identity or uid); false when it was not there */
export function removePodFrom(ni: MutableNodeInfo, pod: Pod, res: PodResources = podResources(pod)): boolean {
  const idx = ni.pods.findIndex((p) => sameUid(p, pod));
  if (idx < 0) return false;
  const stored = ni.pods[idx] as Pod;
  const prev = ni.pods;
  ni.pods = prev.filter((_, i) => i !== idx);
  deriveCounts(prev, ni.pods, stored);
  if (podHasAffinity(stored)) ni.podsWithAffinity = ni.podsWithAffinity.filter((p) => !sameUid(p, pod));
  if (podHasRequiredAntiAffinity(stored)) {
    ni.podsWithRequiredAntiAffinity = ni.podsWithRequiredAntiAffinity.filter((p) => !sameUid(p, pod));
  }
  ni.requested = addResource(ni.requested, res.req, -1);
  ni.nonZeroRequested = addResource(ni.nonZeroRequested, res.nonZero, -1);
  const ports = hostPortsOf(stored);
  if (ports.length > 0) {
    const used = new Set(ni.usedPorts);
    for (const p of ports) used.delete(hostPortKey(p.protocol, p.hostIP, p.hostPort ?? 0));
    ni.usedPorts = used;
  }
  ni.generation = nextGeneration();
  return true;
}

/**
 * Applies deferred same-footprint replacements (see footprint.ts) in one pass: every stored pod in `moved` leaves its
 * place and its replacement goes to the end, in `moved` order, as the same sequence of RemovePod + AddPod calls
 * would leave them. Requests, ports and affinity flags are the footprint's, so they stay; so do the selector counts.
 */
export function applyMoves(ni: MutableNodeInfo, moved: ReadonlyMap<Pod, { readonly pod: Pod }>): void {
  const prev = ni.pods;
  const pods = withoutMoved(prev, moved);
  let aff = false;
  let anti = false;
  for (const { pod: p } of moved.values()) {
    pods.push(p);
    if (podHasAffinity(p)) aff = true;
    if (podHasRequiredAntiAffinity(p)) anti = true;
  }
  shareCounts(prev, pods);
  ni.pods = pods;
  if (aff) ni.podsWithAffinity = moveAllToEnd(ni.podsWithAffinity, moved, podHasAffinity);
  if (anti) {
    ni.podsWithRequiredAntiAffinity = moveAllToEnd(
      ni.podsWithRequiredAntiAffinity,
      moved,
      podHasRequiredAntiAffinity,
    );
  }
  ni.generation = nextGeneration();
}

/** `list` without the pods moved keys (order kept); a few moves (the usual flush) are found by scanning, not hashing */
function withoutMoved(list: readonly Pod[], moved: ReadonlyMap<Pod, unknown>): Pod[] {
  if (moved.size > FEW_MOVES) {
    const out: Pod[] = [];
    for (const p of list) if (!moved.has(p)) out.push(p);
    return out;
  }
  const out = list.slice();
  for (const old of moved.keys()) {
    let i = out.indexOf(old);
    while (i >= 0) {
      out.splice(i, 1);
      i = out.indexOf(old, i);
    }
  }
  return out;
}
const FEW_MOVES = 4;

function moveAllToEnd(
  list: readonly Pod[],
  moved: ReadonlyMap<Pod, { readonly pod: Pod }>,
  keep: (p: Pod) => boolean,
): Pod[] {
  const out = withoutMoved(list, moved);
  for (const { pod: p } of moved.values()) if (keep(p)) out.push(p);
  return out;
}
