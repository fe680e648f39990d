// NodeResourcesFit: filter on allocatable - requested (one reason per short resource); score by a scoring strategy.
// mirrors pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest, Fit.Score).
import type {
  FilterPlugin,
  NodeInfo,
  PluginStatus,
  PreFilterPlugin,
  PreScorePlugin,
  Resource,
  ScorePlugin,
} from '../framework/types';
import { success } from '../framework/types';
import { computePodResourceRequest } from './resources';
import {
  DEFAULT_RESOURCES,
  leastAllocatedScorer,
  mostAllocatedScorer,
  podRequestList,
  requestedToCapacityRatioScorer,
  scoreNode,
  type ResourceSpec,
  type Scorer,
  type UtilizationShapePoint,
} from './resourceScoring';

export const NODE_RESOURCES_FIT = 'NodeResourcesFit';
const PRE_FILTER_KEY = 'PreFilter' + NODE_RESOURCES_FIT;
const PRE_SCORE_KEY = 'PreScore' + NODE_RESOURCES_FIT;

export interface NodeResourcesFitArgs {
  ignoredResources?: string[];
  ignoredResourceGroups?: string[];
  scoringStrategy?: {
    type?: 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio';
    resources?: ResourceSpec[];
    requestedToCapacityRatio?: { shape: UtilizationShapePoint[] };
  };
}

export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  /** the request exceeds the node's whole allocatable: preemption cannot help */
  unresolvable: boolean;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** appends an InsufficientResource when want exceeds what is left (a function, not a per-call closure: hot path) */
function checkFit(
  out: InsufficientResource[],
  name: string,
  reason: string,
  want: number,
  used: number,
  capacity: number,
): void {
  if (want > 0 && want > capacity - used)
    out.push({ resourceName: name, reason, requested: want, used, capacity, unresolvable: want > capacity });
}

/** mirrors fitsRequest; scalar resources are checked in name order (Go iterates a map) */
export function fitsRequest(
  podRequest: Resource,
  ni: NodeInfo,
  ignored: ReadonlySet<string> = NO_NAMES,
  ignoredGroups: ReadonlySet<string> = NO_NAMES,
): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = ni.allocatable;
  const req = ni.requested;
  if (ni.pods.length + 1 > alloc.pods) {
    out.push({
      resourceName: 'pods',
      reason: 'Too many pods',
      requested: 1,
      used: ni.pods.length,
      capacity: alloc.pods,
      unresolvable: false,
    });
  }
  let scalarNames: string[] | undefined;
  for (const k in podRequest.scalar) {
    if (Object.prototype.hasOwnProperty.call(podRequest.scalar, k)) {
      scalarNames = Object.keys(podRequest.scalar).sort();
      break;
    }
  }
  if (
    podRequest.milliCPU === 0 &&
    podRequest.memory === 0 &&
    podRequest.ephemeralStorage === 0 &&
    scalarNames === undefined
  ) {
    return out;
  }
  checkFit(out, 'cpu', 'Insufficient cpu', podRequest.milliCPU, req.milliCPU, alloc.milliCPU);
  checkFit(out, 'memory', 'Insufficient memory', podRequest.memory, req.memory, alloc.memory);
  checkFit(
    out,
    'ephemeral-storage',
    'Insufficient ephemeral-storage',
    podRequest.ephemeralStorage,
    req.ephemeralStorage,
    alloc.ephemeralStorage,
  );
  for (const name of scalarNames ?? []) {
    // extended resources (domain-prefixed, not kubernetes.io/) may be ignored by name or by domain
    const extended = name.includes('/') && !name.includes('kubernetes.io/');
    if (extended && (ignored.has(name) || ignoredGroups.has(name.split('/')[0] as string))) continue;
    checkFit(
      out,
      name,
      `Insufficient ${name}`,
      podRequest.scalar[name] ?? 0,
      req.scalar[name] ?? 0,
      alloc.scalar[name] ?? 0,
    );
  }
  return out;
}

function short(want: number, used: number, capacity: number): boolean {
  return want > 0 && want > capacity - used;
}

/** true when fitsRequest would find nothing short, decided without allocating (the common case) */
function fitsCommonCase(podRequest: Resource, ni: NodeInfo): boolean {
  const alloc = ni.allocatable;
  const req = ni.requested;
  if (ni.pods.length + 1 > alloc.pods) return false;
  for (const k in podRequest.scalar)
    if (Object.prototype.hasOwnProperty.call(podRequest.scalar, k)) return false;
  return (
    !short(podRequest.milliCPU, req.milliCPU, alloc.milliCPU) &&
    !short(podRequest.memory, req.memory, alloc.memory) &&
    !short(podRequest.ephemeralStorage, req.ephemeralStorage, alloc.ephemeralStorage)
  );
}

function scorerFor(args: NodeResourcesFitArgs, resources: readonly ResourceSpec[]): Scorer {
  const s = args.scoringStrategy;
  switch (s?.type ?? 'LeastAllocated') {
    case 'MostAllocated':
      return mostAllocatedScorer(resources);
    case 'RequestedToCapacityRatio':
      return requestedToCapacityRatioScorer(resources, s?.requestedToCapacityRatio?.shape ?? []);
    default:
      return leastAllocatedScorer(resources);
  }
}

export function newNodeResourcesFit(
  args: NodeResourcesFitArgs = {},
): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  const ignored = new Set(args.ignoredResources ?? []);
  const ignoredGroups = new Set(args.ignoredResourceGroups ?? []);
  const resources = args.scoringStrategy?.resources ?? DEFAULT_RESOURCES;
  const scorer = scorerFor(args, resources);
  return {
    name: NODE_RESOURCES_FIT,
    preFilter(state, pod) {
      state.set(PRE_FILTER_KEY, computePodResourceRequest(pod));
      return success();
    },
    filter(state, pod, nodeInfo): PluginStatus {
      const podRequest =
        (state.get(PRE_FILTER_KEY) as Resource | undefined) ?? computePodResourceRequest(pod);
      if (fitsCommonCase(podRequest, nodeInfo)) return success();
      const insufficient = fitsRequest(podRequest, nodeInfo, ignored, ignoredGroups);
      if (insufficient.length === 0) return success();
      const code = insufficient.some((r) => r.unresolvable)
        ? 'UnschedulableAndUnresolvable'
        : 'Unschedulable';
      return { code, reasons: insufficient.map((r) => r.reason), plugin: NODE_RESOURCES_FIT };
    },
    preScore(state, pod) {
      state.set(PRE_SCORE_KEY, podRequestList(pod, resources, false));
      return success();
    },
    score(state, pod, nodeInfo) {
      const reqs =
        (state.get(PRE_SCORE_KEY) as number[] | undefined) ?? podRequestList(pod, resources, false);
      return scoreNode(nodeInfo, resources, reqs, false, scorer);
    },
  };
}
