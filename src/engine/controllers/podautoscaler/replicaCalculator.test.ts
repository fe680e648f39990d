// Table tests of the replica calculator, from replica_calculator_test.go (TestReplicaCalc*).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { toRfc3339 } from '../../sim/clock';
import {
  objectValueReplicas,
  perPodTotalReplicas,
  plainMetricReplicas,
  ReplicaCalcError,
  resourceReplicas,
  type PodMetricsInfo,
} from './replicaCalculator';

const NOW = 3_600_000;

function pod(
  i: number,
  opts: { ready?: boolean; phase?: string; request?: string; startedMs?: number } = {},
): Pod {
  const start = opts.startedMs ?? NOW - 600_000;
  return {
    metadata: { name: `p${i}` },
    spec: { containers: [{ name: 'c', resources: { requests: { cpu: opts.request ?? '1' } } }] },
    status: {
      phase: opts.phase ?? 'Running',
      startTime: toRfc3339(start),
      conditions: [
        {
          type: 'Ready',
          status: opts.ready === false ? 'False' : 'True',
          lastTransitionTime: toRfc3339(start + 10_000),
        },
      ],
    },
  };
}

const metrics = (vals: (number | undefined)[]): PodMetricsInfo => {
  const m: PodMetricsInfo = new Map();
  vals.forEach((v, i) => {
    if (v !== undefined) m.set(`p${i}`, { value: v, timestampMs: NOW, windowMs: 30_000 });
  });
  return m;
};

describe('resourceReplicas (Utilization)', () => {
  const rows: {
    name: string;
    current: number;
    target: number;
    usage: (number | undefined)[];
    unready?: number[];
    expected: number;
    util?: number;
  }[] = [
    { name: 'TestReplicaCalcScaleUp', current: 3, target: 30, usage: [300, 500, 700], expected: 5, util: 50 },
    {
      name: 'TestReplicaCalcScaleUpUnreadyLessScale',
      current: 3,
      target: 30,
      usage: [300, 500, 700],
      unready: [0],
      expected: 4,
      util: 60,
    },
    {
      name: 'TestReplicaCalcScaleUpUnreadyNoScale',
      current: 3,
      target: 30,
      usage: [400, 500, 700],
      unready: [0, 2],
      expected: 3,
      util: 50,
    },
    {
      name: 'TestReplicaCalcScaleDown',
      current: 5,
      target: 50,
      usage: [100, 300, 500, 250, 250],
      expected: 3,
      util: 28,
    },
    {
      name: 'TestReplicaCalcScaleDownExcludeUnreadyPods',
      current: 5,
      target: 50,
      usage: [100, 300, 500, 250, 250],
      unready: [3, 4],
      expected: 2,
      util: 30,
    },
    {
      name: 'tolerance: 32% vs 30% keeps 3',
      current: 3,
      target: 30,
      usage: [320, 320, 320],
      expected: 3,
      util: 32,
    },
    {
      name: 'missing metrics on scale up count as 0%',
      current: 4,
      target: 50,
      usage: [1000, 1000, 1000, undefined],
      expected: 6,
      util: 100,
    },
    // 100+100+100 + missing at 100% of 1000m = 1300/4000 = 32% -> 0.64 * 4 -> 3 (not ceil(0.2*3) = 1)
    {
      name: 'missing metrics on scale down count as 100%',
      current: 4,
      target: 50,
      usage: [100, 100, 100, undefined],
      expected: 3,
      util: 10,
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const pods = r.usage.map((_, i) => pod(i, { ready: !(r.unready ?? []).includes(i) }));
      const res = resourceReplicas(r.current, r.target, 'cpu', pods, metrics(r.usage), { nowMs: NOW });
      expect(res.replicas).toBe(r.expected);
      if (r.util !== undefined) expect(res.utilization).toBe(r.util);
    });

  it('pods still initializing whose metric predates readiness are unready', () => {
    const pods = [pod(0, { startedMs: NOW - 60_000 }), pod(1)];
    // p0 became ready at NOW-50s; a metric window of 60 s reaching back before that is not trusted
    const m: PodMetricsInfo = new Map([
      ['p0', { value: 1000, timestampMs: NOW, windowMs: 60_000 }],
      ['p1', { value: 1000, timestampMs: NOW, windowMs: 60_000 }],
    ]);
    // ratio 2 with one unready pod: unready counted as 0 -> 1000/2000 = 50% / 50 -> within tolerance -> 2
    expect(resourceReplicas(2, 50, 'cpu', pods, m, { nowMs: NOW }).replicas).toBe(2);
  });

  it('errors as Kubernetes words them', () => {
    expect(() => resourceReplicas(1, 50, 'cpu', [], new Map(), { nowMs: NOW })).toThrow(
      'no pods returned by selector while calculating replica count',
    );
    expect(() =>
      resourceReplicas(1, 50, 'cpu', [pod(0, { phase: 'Pending' })], metrics([100]), { nowMs: NOW }),
    ).toThrow('did not receive metrics for targeted pods (pods might be unready)');
    const noReq: Pod = { ...pod(0), spec: { containers: [{ name: 'c' }] } };
    expect(() => resourceReplicas(1, 50, 'cpu', [noReq], metrics([100]), { nowMs: NOW })).toThrow(
      new ReplicaCalcError('missing request for cpu in container c of Pod p0'),
    );
  });

  it('failed and deleted pods are ignored', () => {
    const pods = [pod(0), pod(1, { phase: 'Failed' })];
    expect(resourceReplicas(2, 50, 'cpu', pods, metrics([1000, 5000]), { nowMs: NOW }).replicas).toBe(2);
  });
});

describe('plain and object metrics', () => {
  it('TestReplicaCalcScaleUpCM: qps 20/10/30 vs 15 -> 4', () => {
    const pods = [0, 1, 2].map((i) => pod(i));
    expect(
      plainMetricReplicas(3, 15000, '', pods, metrics([20000, 10000, 30000]), { nowMs: NOW }).replicas,
    ).toBe(4);
  });
  it('TestReplicaCalcScaleUpCMObjectIgnoresUnreadyPods: 50000 vs 10000 with 1 of 3 ready -> 5', () => {
    const pods = [pod(0, { ready: false }), pod(1), pod(2, { ready: false })];
    expect(objectValueReplicas(3, 50000, 10000, pods)).toBe(5);
  });
  it('object AverageValue: ceil(total / per-pod target)', () => {
    expect(perPodTotalReplicas(3, 50000, 10000)).toBe(5);
    expect(perPodTotalReplicas(5, 51000, 10000)).toBe(5);
  });
});
