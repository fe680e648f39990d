// computeReplicasForMetrics: several metrics take the max; an invalid metric blocks scale-down; Pods metrics come
// from the rps share and Object metrics from the described object's annotation.
import { describe, expect, it } from 'vitest';
import type { MetricSpec } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/types';
import type { MetricsServer, PodMetrics } from '../../metrics/metricsServer';
import { toRfc3339 } from '../../sim/clock';
import { computeReplicasForMetrics, type MetricsInput } from './computeMetrics';

const NOW = 3_600_000;
const pods: Pod[] = [0, 1].map((i) => ({
  metadata: { name: `p${i}` },
  spec: { containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] },
  status: {
    phase: 'Running',
    startTime: toRfc3339(0),
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toRfc3339(10_000) }],
  },
}));

function input(cpuMilli: number | undefined, rps: number, annotation?: string): MetricsInput {
  const pm = (name: string): PodMetrics | undefined =>
    cpuMilli === undefined
      ? undefined
      : ({
          metadata: { name },
          containers: [{ name: 'c', usage: { cpu: `${cpuMilli}m`, memory: '1Mi' } }],
        } as unknown as PodMetrics);
  const metrics = {
    getPodMetrics: (_ns: string, n: string) => pm(n),
    getPodRps: () => rps,
  } as unknown as MetricsServer;
  const api = {
    resolveKind: () => ({ plural: 'services' }),
    get: () => ({
      metadata: { annotations: annotation ? { 'metrics.kubesim.io/requests': annotation } : {} },
    }),
  } as unknown as ApiServer;
  return {
    api,
    metrics,
    namespace: 'default',
    pods,
    specReplicas: 2,
    calc: { nowMs: NOW },
    warn: () => undefined,
  };
}

const cpu50: MetricSpec = {
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
};
const rps10: MetricSpec = {
  type: 'Pods',
  pods: { metric: { name: 'http_requests' }, target: { type: 'AverageValue', averageValue: '10' } },
};
const obj: MetricSpec = {
  type: 'Object',
  object: {
    metric: { name: 'requests' },
    describedObject: { apiVersion: 'v1', kind: 'Service', name: 'web' },
    target: { type: 'Value', value: '100' },
  },
};

describe('computeReplicasForMetrics', () => {
  it('takes the largest proposal and names its metric', () => {
    // cpu 50% -> 2; rps 30 per pod vs 10 -> 6
    const out = computeReplicasForMetrics(input(50, 30), [cpu50, rps10]);
    expect(out.replicas).toBe(6);
    expect(out.condition.message).toBe(
      'the HPA was able to successfully calculate a replica count from pods metric http_requests',
    );
    expect(out.statuses[1]).toMatchObject({ type: 'Pods', pods: { current: { averageValue: '30' } } });
    expect(out.statuses[0]).toMatchObject({
      type: 'Resource',
      resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '50m' } },
    });
  });

  it('an invalid metric blocks a scale-down', () => {
    const out = computeReplicasForMetrics(input(undefined, 1), [cpu50, rps10]);
    expect(out.replicas).toBe(-1);
    expect(out.condition).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' });
    expect(out.error).toMatch(
      /^invalid metrics \(1 invalid out of 2\), first error is: failed to get cpu resource metric value: /,
    );
  });

  it('an invalid metric does not block a scale-up from another', () => {
    expect(computeReplicasForMetrics(input(undefined, 30), [cpu50, rps10]).replicas).toBe(6);
  });

  it('object metrics read the described object annotation; missing -> FailedGetObjectMetric', () => {
    expect(computeReplicasForMetrics(input(50, 0, '300'), [obj]).replicas).toBe(6);
    const bad = computeReplicasForMetrics(input(50, 0), [obj]);
    expect(bad.condition).toMatchObject({ status: 'False', reason: 'FailedGetObjectMetric' });
  });
});
