// The HPA's replica calculation, pure: per-pod metrics in, desired replicas out.
// mirrors pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas, calcPlainMetricReplicas,
// groupPods, getUsageRatioReplicaCount, GetObjectPerPodMetricReplicas) and metrics/utilization.go.
import type { Pod } from 'kubernetes-types/core/v1';
import { milliValue } from '../../quantity/index';
import { timeMs } from '../shared/podUtil';

/** --horizontal-pod-autoscaler-tolerance */
export const DEFAULT_TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay */
export const DELAY_OF_INITIAL_READINESS_MS = 30_000;

/** one pod's metric: value in milli-units (cpu millicores, bytes*1000, qps*1000) */
export interface PodMetric {
  value: number;
  timestampMs: number;
  windowMs: number;
}

export type PodMetricsInfo = Map<string, PodMetric>;

export interface CalcContext {
  nowMs: number;
  tolerance?: number;
  cpuInitializationPeriodMs?: number;
  delayOfInitialReadinessMs?: number;
}

export interface ReplicaResult {
  replicas: number;
  /** resource utilization percentage (Utilization targets) */
  utilization?: number;
  /** average value per pod in milli-units */
  rawAverage: number;
}

export class ReplicaCalcError extends Error {}

const within = (ratio: number, tolerance: number) => Math.abs(1 - ratio) <= tolerance;

interface Groups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods: deleted/failed pods ignored; pending (and for cpu, not-yet-ready) pods unready; no metric = missing */
export function groupPods(
  pods: readonly Readonly<Pod>[],
  metrics: PodMetricsInfo,
  resource: string,
  ctx: CalcContext,
): Groups {
  const g: Groups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  const initMs = ctx.cpuInitializationPeriodMs ?? CPU_INITIALIZATION_PERIOD_MS;
  const delayMs = ctx.delayOfInitialReadinessMs ?? DELAY_OF_INITIAL_READINESS_MS;
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Failed') {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      g.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      g.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const start = timeMs(pod.status?.startTime);
      let unready: boolean;
      if (!cond || start === undefined) unready = true;
      else {
        const transition = timeMs(cond.lastTransitionTime) ?? 0;
        if (start + initMs > ctx.nowMs)
          unready = cond.status === 'False' || metric.timestampMs < transition + metric.windowMs;
        else unready = cond.status === 'False' && start + delayMs > transition;
      }
      if (unready) {
        g.unready.add(name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/** calculatePodRequests: Σ container requests per pod (milli); a container without a request is an error */
export function podRequests(
  pods: readonly Readonly<Pod>[],
  resource: string,
  container?: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) {
      if (container && c.name !== container) continue;
      const q = c.resources?.requests?.[resource];
      if (q === undefined)
        throw new ReplicaCalcError(
          `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name ?? ''}`,
        );
      sum += milliValue(q);
    }
    out.set(pod.metadata?.name ?? '', sum);
  }
  return out;
}

/** metrics.GetResourceUtilizationRatio */
function utilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, target: number) {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let n = 0;
  for (const [name, m] of metrics) {
    const req = requests.get(name);
    if (req === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += req;
    n++;
  }
  if (requestsTotal === 0) throw new ReplicaCalcError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(metricsTotal / n) };
}

/** metrics.GetMetricUsageRatio */
function usageRatio(metrics: PodMetricsInfo, target: number) {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const avg = Math.trunc(total / metrics.size);
  return { ratio: avg / target, rawAverage: avg };
}

function withoutPods(metrics: PodMetricsInfo, ...sets: Set<string>[]): PodMetricsInfo {
  const out: PodMetricsInfo = new Map(metrics);
  for (const s of sets) for (const n of s) out.delete(n);
  return out;
}

function checkPods(pods: readonly Readonly<Pod>[]): void {
  if (pods.length === 0)
    throw new ReplicaCalcError('no pods returned by selector while calculating replica count');
}

/** the second pass shared by resource and plain metrics: fill in missing/unready pods and recompute */
function adjusted(
  currentReplicas: number,
  ratio: number,
  g: Groups,
  metrics: PodMetricsInfo,
  tolerance: number,
  fill: (name: string, scaleDown: boolean) => number,
  recompute: (m: PodMetricsInfo) => number,
): number {
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (within(ratio, tolerance)) return currentReplicas;
    return Math.ceil(ratio * g.readyPodCount);
  }
  const m: PodMetricsInfo = new Map(metrics);
  const stamp = { timestampMs: 0, windowMs: 0 };
  if (ratio < 1) for (const n of g.missing) m.set(n, { value: fill(n, true), ...stamp });
  else if (ratio > 1) for (const n of g.missing) m.set(n, { value: 0, ...stamp });
  if (scaleUpWithUnready) for (const n of g.unready) m.set(n, { value: 0, ...stamp });
  const newRatio = recompute(m);
  if (within(newRatio, tolerance) || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1))
    return currentReplicas;
  const newReplicas = Math.ceil(newRatio * m.size);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas))
    return currentReplicas;
  return newReplicas;
}

/** GetResourceReplicas: a Utilization target (percent of requests) */
export function resourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: readonly Readonly<Pod>[],
  podMetrics: PodMetricsInfo,
  ctx: CalcContext,
  container?: string,
): ReplicaResult {
  checkPods(pods);
  const g = groupPods(pods, podMetrics, resource, ctx);
  const metrics = withoutPods(podMetrics, g.ignored, g.unready);
  if (metrics.size === 0)
    throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const requests = podRequests(pods, resource, container);
  const first = utilizationRatio(metrics, requests, targetUtilization);
  const fallback = Math.max(100, targetUtilization);
  const replicas = adjusted(
    currentReplicas,
    first.ratio,
    g,
    metrics,
    ctx.tolerance ?? DEFAULT_TOLERANCE,
    (n) => Math.trunc(((requests.get(n) ?? 0) * fallback) / 100),
    (m) => utilizationRatio(m, requests, targetUtilization).ratio,
  );
  return { replicas, utilization: first.utilization, rawAverage: first.rawAverage };
}

/** calcPlainMetricReplicas: an AverageValue target over pods (resource AverageValue and Pods metrics) */
export function plainMetricReplicas(
  currentReplicas: number,
  targetAverage: number,
  resource: string,
  pods: readonly Readonly<Pod>[],
  podMetrics: PodMetricsInfo,
  ctx: CalcContext,
): ReplicaResult {
  checkPods(pods);
  const g = groupPods(pods, podMetrics, resource, ctx);
  const metrics = withoutPods(podMetrics, g.ignored, g.unready);
  if (metrics.size === 0)
    throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const first = usageRatio(metrics, targetAverage);
  const replicas = adjusted(
    currentReplicas,
    first.ratio,
    g,
    metrics,
    ctx.tolerance ?? DEFAULT_TOLERANCE,
    () => targetAverage,
    (m) => usageRatio(m, targetAverage).ratio,
  );
  return { replicas, rawAverage: first.rawAverage };
}

/** getReadyPodsCount: Running pods whose Ready condition is True */
export function readyPodsCount(pods: readonly Readonly<Pod>[]): number {
  checkPods(pods);
  return pods.filter(
    (p) =>
      p.status?.phase === 'Running' &&
      p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  ).length;
}

/** GetObjectMetricReplicas (Value target) via getUsageRatioReplicaCount */
export function objectValueReplicas(
  currentReplicas: number,
  usage: number,
  target: number,
  pods: readonly Readonly<Pod>[],
  tolerance = DEFAULT_TOLERANCE,
): number {
  const ratio = usage / target;
  if (currentReplicas === 0) return Math.ceil(ratio);
  if (within(ratio, tolerance)) return currentReplicas;
  return Math.ceil(ratio * readyPodsCount(pods));
}

/** GetObjectPerPodMetricReplicas / GetExternalPerPodMetricReplicas (AverageValue target over a total) */
export function perPodTotalReplicas(
  currentReplicas: number,
  usage: number,
  targetAverage: number,
  tolerance = DEFAULT_TOLERANCE,
): number {
  const ratio = usage / (targetAverage * currentReplicas);
  if (within(ratio, tolerance)) return currentReplicas;
  return Math.ceil(usage / targetAverage);
}
