// Kubernetes' reconciler_test.go tables for the pure EndpointSlice reconciler.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { reconcile } from './reconciler';
import type { ReconcilePlan } from './reconciler';
import type { EndpointSliceObject } from './types';
import {
  ENDPOINT_META_PORTS,
  newEmptySlice,
  newPod,
  newService,
  node,
  podWith,
  sizes,
  sliceWith,
} from './testFixtures';

const node1 = () => node('node-1');

function run(pods: Pod[], existing: EndpointSliceObject[], svc = newService(), zone?: string): ReconcilePlan {
  const n = node('node-1', zone);
  return reconcile({
    service: svc,
    pods,
    existingSlices: existing,
    getNode: (name) => (name === 'node-1' ? n : undefined),
  });
}

/** the slices after applying the plan to existing ones, as fetchEndpointSlices reads them back */
function after(existing: EndpointSliceObject[], plan: ReconcilePlan): EndpointSliceObject[] {
  const byName = new Map(existing.map((s) => [s.metadata.name ?? '', s]));
  for (const d of plan.toDelete) byName.delete(d.metadata.name ?? '');
  for (const u of plan.toUpdate) byName.set(u.metadata.name ?? '', u);
  return [...byName.values(), ...plan.toCreate];
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('EndpointSlice reconciler (reconciler_test.go)', () => {
  it('TestReconcileEmpty: no pods -> one placeholder slice', () => {
    const plan = run([], []);
    expect(plan.toCreate).toHaveLength(1);
    const s = plan.toCreate[0] as EndpointSliceObject;
    expect(s.metadata.generateName).toBe('foo-');
    expect(s.ports).toEqual([]);
    expect(s.endpoints).toEqual([]);
    expect(s.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'foo',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(s.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Service',
      name: 'foo',
      controller: true,
      blockOwnerDeletion: true,
    });
  });

  it('an existing equivalent placeholder is kept (no writes)', () => {
    const placeholder = newEmptySlice(1, newService(), []);
    const plan = run([], [placeholder]);
    expect([plan.toCreate.length, plan.toUpdate.length, plan.toDelete.length]).toEqual([0, 0, 0]);
  });

  it('TestReconcile1Pod: one ready pod on a zoned node', () => {
    const pod = podWith(1, { ips: ['1.2.3.4'] });
    const plan = run([pod], [], newService(), 'us-central1-a');
    expect(plan.toCreate).toHaveLength(1);
    const s = plan.toCreate[0] as EndpointSliceObject;
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual(ENDPOINT_META_PORTS);
    expect(s.endpoints).toEqual([
      {
        addresses: ['1.2.3.4'],
        conditions: { ready: true, serving: true, terminating: false },
        zone: 'us-central1-a',
        nodeName: 'node-1',
        targetRef: { kind: 'Pod', namespace: 'test', name: 'pod1', uid: 'pod-uid-1' },
      },
    ]);
  });

  it('TestReconcile1Pod (dual-stack Service): one slice per address type', () => {
    const pod = podWith(1, { ips: ['1.2.3.4', '1234::5678:0000:0000:9abc:def0'] });
    const svc = newService();
    svc.spec = { ...svc.spec, ipFamilies: ['IPv4', 'IPv6'] };
    const plan = run([pod], [], svc);
    expect(plan.toCreate.map((s) => [s.addressType, s.endpoints[0]?.addresses])).toEqual([
      ['IPv4', ['1.2.3.4']],
      ['IPv6', ['1234::5678:0000:0000:9abc:def0']],
    ]);
  });

  it('TestReconcileManyPods: 250 pods (1/3 not ready) -> 3 creates of 100/100/50', () => {
    const pods = range(0, 250).map((i) => newPod(i, 'test', i % 3 !== 0));
    const plan = run(pods, []);
    expect(plan.toUpdate).toHaveLength(0);
    expect(sizes(plan.toCreate)).toEqual([100, 100, 50]);
  });

  it('TestReconcileEndpointSlicesSomePreexisting: 62+61 existing -> 1 create + 1 update -> 89/61/100', () => {
    const svc = newService();
    const pods = range(0, 250).map((i) => newPod(i, 'test', i % 3 !== 0));
    const s1 = sliceWith(
      1,
      svc,
      pods.filter((_, i) => i >= 1 && i < 246 && (i - 1) % 4 === 0),
    );
    const s2 = sliceWith(
      2,
      svc,
      pods.filter((_, i) => i >= 3 && i < 246 && (i - 3) % 4 === 0),
    );
    expect(sizes([s1, s2])).toEqual([62, 61]);
    const plan = run(pods, [s1, s2], svc);
    expect([plan.toCreate.length, plan.toUpdate.length, plan.toDelete.length]).toEqual([1, 1, 0]);
    expect(sorted(sizes(after([s1, s2], plan)))).toEqual(sorted([89, 61, 100]));
  });

  it('TestReconcileEndpointSlicesSomePreexistingWorseAllocation: 74+74 existing, 300 pods -> 74/74/100/52', () => {
    const svc = newService();
    const pods = range(0, 300).map((i) => newPod(i, 'test', i % 3 !== 0));
    const s1 = sliceWith(
      1,
      svc,
      pods.filter((_, i) => i >= 1 && i < 296 && (i - 1) % 4 === 0),
    );
    const s2 = sliceWith(
      2,
      svc,
      pods.filter((_, i) => i >= 3 && i < 296 && (i - 3) % 4 === 0),
    );
    const plan = run(pods, [s1, s2], svc);
    expect([plan.toCreate.length, plan.toUpdate.length]).toEqual([2, 0]);
    expect(sorted(sizes(after([s1, s2], plan)))).toEqual(sorted([74, 74, 100, 52]));
  });

  it('TestReconcileEndpointSlicesRecycling: 10x30, targetPort changes -> 3 updates + 7 deletes -> 100/100/100', () => {
    const svc = newService();
    const pods = range(0, 300).map((i) => newPod(i, 'test', i % 3 !== 0));
    const existing = range(0, 10).map((n) => sliceWith(n, svc, pods.slice(n * 30, n * 30 + 30)));
    const changed = newService();
    changed.spec = { ...changed.spec, ports: [{ name: 'foo', port: 80, targetPort: 81, protocol: 'TCP' }] };
    const plan = run(pods, existing, changed);
    expect([plan.toCreate.length, plan.toUpdate.length, plan.toDelete.length]).toEqual([0, 3, 7]);
    const result = after(existing, plan);
    expect(sizes(result)).toEqual([100, 100, 100]);
    expect(result.every((s) => s.ports[0]?.port === 81)).toBe(true);
  });

  it('TestReconcileEndpointSlicesUpdatePacking: 80 and 20 both changed, +15 pods -> 95/20', () => {
    const svc = newService();
    const first = range(0, 80).map((i) => newPod(i));
    const second = range(100, 120).map((i) => newPod(i));
    const s1 = sliceWith(1, svc, first);
    const s2 = sliceWith(2, svc, second);
    // every 10th pod turns not ready, so both slices need an update
    const pods = [...first, ...second].map((p, i) =>
      i % 10 === 0 ? { ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'False' }] } } : p,
    );
    pods.push(...range(200, 215).map((i) => newPod(i)));
    const plan = run(pods, [s1, s2], svc);
    expect([plan.toCreate.length, plan.toUpdate.length]).toEqual([0, 2]);
    expect(sorted(sizes(after([s1, s2], plan)))).toEqual([20, 95]);
  });

  it('a pod on a missing Node is skipped and reported', () => {
    const pod = newPod(1);
    pod.spec = { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: 'gone' };
    const plan = reconcile({
      service: newService(),
      pods: [pod],
      existingSlices: [],
      getNode: () => node1() && undefined,
    });
    expect(plan.errors).toEqual(['skipping Pod pod1 for Service test/foo: Node gone Not Found']);
    expect(plan.toCreate[0]?.endpoints).toEqual([]);
  });

  it('slices of another Service UID are deleted and not recycled', () => {
    const old = newService();
    old.metadata = { ...old.metadata, uid: 'old-uid' };
    const stale = sliceWith(1, old, [newPod(1)]);
    const plan = run([newPod(1)], [stale]);
    expect(plan.toDelete.map((s) => s.metadata.name)).toEqual(['foo-1']);
    expect(plan.toCreate).toHaveLength(1);
  });

  it('maxEndpointsPerSlice is configurable', () => {
    const pods = range(0, 25).map((i) => newPod(i));
    const plan = reconcile({
      service: newService(),
      pods,
      existingSlices: [],
      getNode: () => node1(),
      maxEndpointsPerSlice: 10,
    });
    expect(sizes(plan.toCreate)).toEqual([10, 10, 5]);
  });
});
