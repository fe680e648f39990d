// Resource scoring strategies shared by NodeResourcesFit (Least/Most/RequestedToCapacityRatio) and BalancedAllocation.
// mirrors noderesources/resource_allocation.go, least_allocated.go, most_allocated.go,
// requested_to_capacity_ratio.go and helper/shape_score.go BuildBrokenLinearFunction.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../framework/types';
import { MAX_NODE_SCORE } from '../framework/types';
import { isScalarResourceName, nonZeroDefaults, podRequests, simpleRequestList } from './resources';

export interface ResourceSpec {
  name: string;
  weight: number;
}
export interface UtilizationShapePoint {
  utilization: number;
  /** 0..10 (config.MaxCustomPriorityScore) */
  score: number;
}
export type Scorer = (requested: number[], allocatable: number[]) => number;

export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];
const MAX_CUSTOM_PRIORITY_SCORE = 10;
const MAX_UTILIZATION = 100;

const idiv = (a: number, b: number): number => Math.trunc(a / b);

/** calculatePodResourceRequestList: with useRequested=false missing cpu/memory count as 100m/200Mi */
export function podRequestList(
  pod: Pod,
  resources: readonly ResourceSpec[],
  useRequested: boolean,
): number[] {
  const simple = simpleRequestList(pod, resources, !useRequested);
  if (simple !== undefined) return simple;
  const reqs = podRequests(pod, useRequested ? undefined : nonZeroDefaults());
  return resources.map((r) => reqs.get(r.name) ?? 0);
}

/**
 * mirrors calculateResourceAllocatableRequest: writes allocatable and requested (incl. the pod) at index i;
 * [0, 0] = not scored. Writes into arrays rather than returning a tuple: this runs per node per resource.
 */
function allocatableAndRequested(
  ni: NodeInfo,
  name: string,
  podRequest: number,
  useRequested: boolean,
  allocOut: number[],
  reqOut: number[],
  i: number,
): void {
  const requested = useRequested ? ni.requested : ni.nonZeroRequested;
  let alloc = 0;
  let req = 0;
  if (podRequest === 0 && isScalarResourceName(name)) {
    // not scored
  } else if (name === 'cpu') {
    alloc = ni.allocatable.milliCPU;
    req = requested.milliCPU + podRequest;
  } else if (name === 'memory') {
    alloc = ni.allocatable.memory;
    req = requested.memory + podRequest;
  } else if (name === 'ephemeral-storage') {
    alloc = ni.allocatable.ephemeralStorage;
    req = ni.requested.ephemeralStorage + podRequest;
  } else {
    const a = ni.allocatable.scalar[name];
    if (a !== undefined) {
      alloc = a;
      req = (ni.requested.scalar[name] ?? 0) + podRequest;
    }
  }
  allocOut[i] = alloc;
  reqOut[i] = alloc === 0 ? 0 : req;
}

const scratch: { req: number[]; alloc: number[] }[] = [];

/** resourceAllocationScorer.score */
export function scoreNode(
  ni: NodeInfo,
  resources: readonly ResourceSpec[],
  podReqs: readonly number[],
  useRequested: boolean,
  scorer: Scorer,
): number {
  const n = resources.length;
  // scratch arrays reused across calls (scorers read them synchronously and keep nothing)
  let sc = scratch[n];
  if (sc === undefined)
    scratch[n] = sc = { req: new Array<number>(n).fill(0), alloc: new Array<number>(n).fill(0) };
  const requested = sc.req;
  const allocatable = sc.alloc;
  for (let i = 0; i < n; i++) {
    const r = resources[i] as ResourceSpec;
    allocatableAndRequested(ni, r.name, podReqs[i] ?? 0, useRequested, allocatable, requested, i);
  }
  return scorer(requested, allocatable);
}

function weightedScorer(resources: readonly ResourceSpec[], f: (req: number, cap: number) => number): Scorer {
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    for (let i = 0; i < requested.length; i++) {
      const alloc = allocatable[i] ?? 0;
      if (alloc === 0) continue;
      const w = resources[i]?.weight ?? 1;
      nodeScore += f(requested[i] as number, alloc) * w;
      weightSum += w;
    }
    return weightSum === 0 ? 0 : idiv(nodeScore, weightSum);
  };
}

/** leastRequestedScore: (capacity - requested) * 100 / capacity; 0 when over capacity */
export function leastAllocatedScorer(resources: readonly ResourceSpec[]): Scorer {
  return weightedScorer(resources, (req, cap) => (req > cap ? 0 : idiv((cap - req) * MAX_NODE_SCORE, cap)));
}

/** mostRequestedScore: requested * 100 / capacity, requested capped at capacity */
export function mostAllocatedScorer(resources: readonly ResourceSpec[]): Scorer {
  return weightedScorer(resources, (req, cap) => idiv(Math.min(req, cap) * MAX_NODE_SCORE, cap));
}

/** helper.BuildBrokenLinearFunction: piecewise-linear over sorted shape points */
export function brokenLinearFunction(shape: readonly UtilizationShapePoint[]): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      const cur = shape[i] as UtilizationShapePoint;
      if (p <= cur.utilization) {
        if (i === 0) return cur.score;
        const prev = shape[i - 1] as UtilizationShapePoint;
        return (
          prev.score +
          idiv((cur.score - prev.score) * (p - prev.utilization), cur.utilization - prev.utilization)
        );
      }
    }
    return shape[shape.length - 1]?.score ?? 0;
  };
}

/** requestedToCapacityRatioScorer: shape scores 0..10 scaled to 0..100; resources scoring 0 are left out */
export function requestedToCapacityRatioScorer(
  resources: readonly ResourceSpec[],
  shape: readonly UtilizationShapePoint[],
): Scorer {
  const scaled = shape.map((p) => ({
    utilization: p.utilization,
    score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE),
  }));
  const raw = brokenLinearFunction(scaled);
  const resourceScore = (req: number, cap: number): number =>
    cap === 0 || req > cap ? raw(MAX_UTILIZATION) : raw(idiv(req * MAX_UTILIZATION, cap));
  return (requested, allocatable) => {
    let nodeScore = 0;
    let weightSum = 0;
    requested.forEach((req, i) => {
      const alloc = allocatable[i] ?? 0;
      if (alloc === 0) return;
      const w = resources[i]?.weight ?? 1;
      const s = resourceScore(req, alloc);
      if (s > 0) {
        nodeScore += s * w;
        weightSum += w;
      }
    });
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);
  };
}

/** balancedResourceScorer: (1 - std of min(1, requested/allocatable) fractions) * 100 */
export function balancedResourceScorer(requested: number[], allocatable: number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    const alloc = allocatable[i] ?? 0;
    if (alloc === 0) continue;
    const f = Math.min(1, (requested[i] as number) / alloc);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs(((fractions[0] as number) - (fractions[1] as number)) / 2);
  } else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
