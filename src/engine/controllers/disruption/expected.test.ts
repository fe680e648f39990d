// Table tests for the PDB arithmetic, after pkg/controller/disruption/disruption_test.go (TestUnavailable,
// TestNakedPod, TestReplicaSet, TestReplicationController, TestStatefulSetController, TestTwoControllers, ...).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PodDisruptionBudget, PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../../types/object';
import { fromRfc3339 } from '../../sim/clock';
import {
  DELETION_TIMEOUT_MS,
  buildDisruptedPodMap,
  countHealthyPods,
  disruptionsAllowed,
  expectedPodCount,
  scaledValue,
  type ScaleFinder,
} from './expected';

interface PodRow {
  ready?: boolean;
  /** controller uid; none = a naked pod */
  owner?: string;
  deleting?: boolean;
}

function mkPod(i: number, row: PodRow): KubeObject {
  const metadata: KubeObject['metadata'] = { name: `pod-${i}`, namespace: 'default', labels: { foo: 'bar' } };
  if (row.owner)
    metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: row.owner, uid: row.owner, controller: true },
    ];
  if (row.deleting) metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: row.ready === false ? 'False' : 'True' }],
    },
  };
}

/** a finder knowing controllers by uid (the fake scale client of the Kubernetes tests) */
const finderFor =
  (scales: Record<string, number>): ScaleFinder =>
  (ref) =>
    ref.uid in scales ? { uid: ref.uid, scale: scales[ref.uid] as number } : undefined;

const pods = (n: number, row: PodRow = {}) => Array.from({ length: n }, () => row);

const cases: {
  name: string;
  spec: PodDisruptionBudgetSpec;
  pods: PodRow[];
  scales?: Record<string, number>;
  expected: {
    expectedPods: number;
    desiredHealthy: number;
    currentHealthy: number;
    disruptionsAllowed: number;
  };
}[] = [
  {
    name: 'TestUnavailable: minAvailable 3 of 4 ready naked pods',
    spec: { minAvailable: 3 },
    pods: pods(4),
    expected: { expectedPods: 4, desiredHealthy: 3, currentHealthy: 4, disruptionsAllowed: 1 },
  },
  {
    name: 'TestUnavailable: one of the 4 pods becomes unready',
    spec: { minAvailable: 3 },
    pods: [...pods(3), { ready: false }],
    expected: { expectedPods: 4, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0 },
  },
  {
    name: 'TestNakedPod: a percentage over unmanaged pods expects none, so allows nothing',
    spec: { minAvailable: '28%' },
    pods: pods(2),
    expected: { expectedPods: 0, desiredHealthy: 0, currentHealthy: 2, disruptionsAllowed: 0 },
  },
  {
    name: 'TestIntegerMaxUnavailable: maxUnavailable over naked pods',
    spec: { maxUnavailable: 1 },
    pods: pods(2),
    expected: { expectedPods: 0, desiredHealthy: 0, currentHealthy: 2, disruptionsAllowed: 0 },
  },
  {
    name: 'TestReplicaSet: 20% of 10 replicas rounds up to 2, one pod so far',
    spec: { minAvailable: '20%' },
    pods: pods(1, { owner: 'rs' }),
    scales: { rs: 10 },
    expected: { expectedPods: 10, desiredHealthy: 2, currentHealthy: 1, disruptionsAllowed: 0 },
  },
  {
    name: 'TestReplicationController: 34% of 3 is 2 (ceil 1.02); 2 of 3 pods up',
    spec: { minAvailable: '34%' },
    pods: pods(2, { owner: 'rc' }),
    scales: { rc: 3 },
    expected: { expectedPods: 3, desiredHealthy: 2, currentHealthy: 2, disruptionsAllowed: 0 },
  },
  {
    name: 'TestStatefulSetController: 34% of 3, all 3 up allows 1',
    spec: { minAvailable: '34%' },
    pods: pods(3, { owner: 'sts' }),
    scales: { sts: 3 },
    expected: { expectedPods: 3, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1 },
  },
  {
    name: 'TestTwoControllers: 28% of 11+11 is 7 (ceil 6.16)',
    spec: { minAvailable: '28%' },
    pods: [...pods(4, { owner: 'rc' }), ...pods(4, { owner: 'rs' })],
    scales: { rc: 11, rs: 11 },
    expected: { expectedPods: 22, desiredHealthy: 7, currentHealthy: 8, disruptionsAllowed: 1 },
  },
  {
    name: 'TestIntegerMaxUnavailableWithScaling: maxUnavailable 2 of 7, one pod ready',
    spec: { maxUnavailable: 2 },
    pods: pods(1, { owner: 'rs' }),
    scales: { rs: 7 },
    expected: { expectedPods: 7, desiredHealthy: 5, currentHealthy: 1, disruptionsAllowed: 0 },
  },
  {
    name: 'maxUnavailable 30% of 10 (ceil 3) leaves 7 desired; 10 ready allows 3',
    spec: { maxUnavailable: '30%' },
    pods: pods(10, { owner: 'rs' }),
    scales: { rs: 10 },
    expected: { expectedPods: 10, desiredHealthy: 7, currentHealthy: 10, disruptionsAllowed: 3 },
  },
  {
    name: 'maxUnavailable 25% of 10 rounds up to 3',
    spec: { maxUnavailable: '25%' },
    pods: pods(10, { owner: 'rs' }),
    scales: { rs: 10 },
    expected: { expectedPods: 10, desiredHealthy: 7, currentHealthy: 10, disruptionsAllowed: 3 },
  },
  {
    name: 'maxUnavailable larger than the scale: desiredHealthy floors at 0',
    spec: { maxUnavailable: 5 },
    pods: pods(2, { owner: 'rs' }),
    scales: { rs: 2 },
    expected: { expectedPods: 2, desiredHealthy: 0, currentHealthy: 2, disruptionsAllowed: 2 },
  },
  {
    name: 'a deleting pod is not healthy but still expected with integer minAvailable',
    spec: { minAvailable: 2 },
    pods: [...pods(2), { deleting: true }],
    expected: { expectedPods: 3, desiredHealthy: 2, currentHealthy: 2, disruptionsAllowed: 0 },
  },
  {
    name: 'minAvailable 100% never allows a disruption',
    spec: { minAvailable: '100%' },
    pods: pods(3, { owner: 'rs' }),
    scales: { rs: 3 },
    expected: { expectedPods: 3, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0 },
  },
  {
    name: 'no pods: nothing expected, nothing allowed',
    spec: { minAvailable: 1 },
    pods: [],
    expected: { expectedPods: 0, desiredHealthy: 1, currentHealthy: 0, disruptionsAllowed: 0 },
  },
];

describe('PDB status arithmetic (disruption_test.go)', () => {
  it.each(cases)('$name', (tc) => {
    const podObjs = tc.pods.map((row, i) => mkPod(i, row));
    const pdb: PodDisruptionBudget = { spec: tc.spec };
    const counts = expectedPodCount(pdb, podObjs, [finderFor(tc.scales ?? {})]);
    const currentHealthy = countHealthyPods(podObjs, {}, 0);
    expect({
      expectedPods: counts.expectedCount,
      desiredHealthy: counts.desiredHealthy,
      currentHealthy,
      disruptionsAllowed: disruptionsAllowed(currentHealthy, counts.desiredHealthy, counts.expectedCount),
    }).toEqual(tc.expected);
  });

  it('reports pods whose controller cannot be found (found no controllers for pod)', () => {
    expect(() =>
      expectedPodCount({ spec: { maxUnavailable: 1 } }, [mkPod(0, { owner: 'gone' })], [finderFor({})]),
    ).toThrow('found no controllers for pod "pod-0"');
  });

  it('lists unmanaged pods for the UnmanagedPods event', () => {
    const r = expectedPodCount(
      { spec: { minAvailable: '50%' } },
      [mkPod(0, {}), mkPod(1, { owner: 'rs' })],
      [finderFor({ rs: 4 })],
    );
    expect(r).toEqual({ expectedCount: 4, desiredHealthy: 2, unmanagedPods: ['pod-0'] });
  });
});

describe('scaledValue (intstr.GetScaledValueFromIntOrPercent)', () => {
  it.each([
    { v: 3, total: 10, up: true, want: 3 },
    { v: '25%', total: 10, up: true, want: 3 },
    { v: '25%', total: 10, up: false, want: 2 },
    { v: '0%', total: 10, up: true, want: 0 },
    { v: '100%', total: 7, up: true, want: 7 },
  ])('$v of $total (roundUp $up) = $want', ({ v, total, up, want }) => {
    expect(scaledValue(v, total, up)).toBe(want);
  });
  it('rejects a string that is not a percentage', () => {
    expect(() => scaledValue('5', 10, true)).toThrow(
      'invalid value for IntOrString: invalid type: string is not a percentage',
    );
  });
});

describe('disruptedPods (buildDisruptedPodMap + countHealthyPods)', () => {
  const stamp = '2025-01-01T00:10:00Z';
  const t0 = fromRfc3339(stamp);
  const podObjs = [mkPod(0, {}), mkPod(1, {}), mkPod(2, { deleting: true })];
  const pdb: PodDisruptionBudget = {
    spec: { minAvailable: 1 },
    status: {
      disruptedPods: { 'pod-0': stamp, 'pod-2': stamp, 'pod-gone': stamp },
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
      disruptionsAllowed: 0,
    },
  };

  it('keeps live, not-deleting entries within DeletionTimeout and does not count them healthy', () => {
    const m = buildDisruptedPodMap(podObjs, pdb, t0 + 1000);
    expect(m.disruptedPods).toEqual({ 'pod-0': stamp });
    expect(m.recheckAtMs).toBe(t0 + DELETION_TIMEOUT_MS);
    expect(countHealthyPods(podObjs, m.disruptedPods, t0 + 1000)).toBe(1);
  });

  it('drops entries past DeletionTimeout and reports the pod as NotDeleted', () => {
    const m = buildDisruptedPodMap(podObjs, pdb, t0 + DELETION_TIMEOUT_MS + 1);
    expect(m.disruptedPods).toEqual({});
    expect(m.notDeleted.map((p) => p.metadata.name)).toEqual(['pod-0']);
    expect(countHealthyPods(podObjs, m.disruptedPods, t0 + DELETION_TIMEOUT_MS + 1)).toBe(2);
  });
});

describe('disruptionsAllowed invariants', () => {
  it('is never negative, zero without expected pods, and never lets healthy drop below desired', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.integer({ min: -5, max: 50 }), (current, desired, expected) => {
        const allowed = disruptionsAllowed(current, desired, expected);
        expect(allowed).toBeGreaterThanOrEqual(0);
        if (expected <= 0) expect(allowed).toBe(0);
        if (allowed > 0) expect(current - allowed).toBeGreaterThanOrEqual(desired);
      }),
    );
  });
});
