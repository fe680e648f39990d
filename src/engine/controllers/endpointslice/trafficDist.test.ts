// trafficdist_test.go-style tables for trafficDistribution hints, and the reconciler applying them.
import { describe, expect, it } from 'vitest';
import type { Endpoint } from 'kubernetes-types/discovery/v1';
import { reconcile } from './reconciler';
import { reconcileHints, topologyHintsAnnotated } from './trafficDist';
import { endpointsEqualBeyondHash } from './endpointSet';
import { newEmptySlice, newPod, newService, node, sliceWith } from './testFixtures';
import type { EndpointSliceObject } from './types';

const ep = (o: Partial<Endpoint> & { ready?: boolean }): Endpoint => {
  const { ready = true, ...rest } = o;
  return { addresses: ['10.0.0.1'], conditions: { ready }, ...rest };
};
const slice = (endpoints: Endpoint[]): EndpointSliceObject => ({
  ...newEmptySlice(1, newService()),
  endpoints,
});

describe('reconcileHints', () => {
  const zoned = ep({ zone: 'zone-a', nodeName: 'node-1' });
  it.each([
    {
      name: 'PreferClose: zone hint',
      td: 'PreferClose',
      in: zoned,
      want: { forZones: [{ name: 'zone-a' }] },
    },
    {
      name: 'PreferSameZone: zone hint',
      td: 'PreferSameZone',
      in: zoned,
      want: { forZones: [{ name: 'zone-a' }] },
    },
    {
      name: 'PreferSameNode: zone and node hints',
      td: 'PreferSameNode',
      in: zoned,
      want: { forZones: [{ name: 'zone-a' }], forNodes: [{ name: 'node-1' }] },
    },
    {
      name: 'PreferClose without a zone: no hint',
      td: 'PreferClose',
      in: ep({ nodeName: 'node-1' }),
      want: undefined,
    },
    {
      name: 'not ready: left alone',
      td: 'PreferClose',
      in: ep({ zone: 'zone-a', ready: false, hints: { forZones: [{ name: 'zone-x' }] } }),
      want: { forZones: [{ name: 'zone-x' }] },
    },
    {
      name: 'unset: hints removed',
      td: undefined,
      in: ep({ zone: 'zone-a', hints: { forZones: [{ name: 'zone-a' }] } }),
      want: undefined,
    },
  ])('$name (slice to create)', ({ td, in: e, want }) => {
    const s = slice([structuredClone(e)]);
    reconcileHints(td, [s], [], []);
    expect(s.endpoints[0]?.hints).toEqual(want);
  });

  it.each([
    { name: 'missing hint: updated', td: 'PreferClose', hints: undefined, updated: true },
    {
      name: 'correct hint: unchanged',
      td: 'PreferClose',
      hints: { forZones: [{ name: 'zone-a' }] },
      updated: false,
    },
    {
      name: 'wrong zone: updated',
      td: 'PreferClose',
      hints: { forZones: [{ name: 'zone-b' }] },
      updated: true,
    },
    {
      name: 'default with hints: updated',
      td: undefined,
      hints: { forZones: [{ name: 'zone-a' }] },
      updated: true,
    },
    { name: 'default without hints: unchanged', td: undefined, hints: undefined, updated: false },
    { name: 'unknown value acts as default', td: 'Bogus', hints: undefined, updated: false },
  ])('$name (unchanged slice)', ({ td, hints, updated }) => {
    const unchanged = slice([ep({ zone: 'zone-a', ...(hints && { hints }) })]);
    const toUpdate: EndpointSliceObject[] = [];
    reconcileHints(td, [], toUpdate, [unchanged]);
    expect(toUpdate.length).toBe(updated ? 1 : 0);
    // unchanged slices come from the informer cache: never modified in place
    expect(unchanged.endpoints[0]?.hints).toEqual(hints);
  });
});

describe('topologyHintsAnnotated (reconciler.go hintsEnabled)', () => {
  it.each([
    [{}, false],
    [{ 'service.kubernetes.io/topology-mode': 'Auto' }, true],
    [{ 'service.kubernetes.io/topology-mode': 'Disabled' }, false],
    [{ 'service.kubernetes.io/topology-aware-hints': 'auto' }, true],
  ])('%j -> %s', (annotations, want) => {
    const svc = newService();
    svc.metadata = { ...svc.metadata, annotations };
    expect(topologyHintsAnnotated(svc)).toBe(want);
  });
});

describe('reconcile with trafficDistribution', () => {
  const n = node('node-1', 'zone-a');
  const run = (td: string | undefined, existing: EndpointSliceObject[]) => {
    const svc = newService();
    if (td && svc.spec) svc.spec.trafficDistribution = td;
    return reconcile({ service: svc, pods: [newPod(1)], existingSlices: existing, getNode: () => n });
  };
  it('new slices get hints', () => {
    const plan = run('PreferClose', []);
    expect(plan.toCreate[0]?.endpoints[0]?.hints).toEqual({ forZones: [{ name: 'zone-a' }] });
  });
  it('an up-to-date slice without hints is updated to add them, and left alone once it has them', () => {
    const svc = newService();
    const existing = sliceWith(1, svc, [newPod(1)]);
    existing.endpoints = existing.endpoints.map((e) => ({ ...e, zone: 'zone-a', nodeName: 'node-1' }));
    expect(run(undefined, [existing]).toUpdate).toEqual([]);
    const plan = run('PreferClose', [existing]);
    expect(plan.toUpdate.map((s) => s.endpoints[0]?.hints)).toEqual([{ forZones: [{ name: 'zone-a' }] }]);
    const hinted = plan.toUpdate[0] as EndpointSliceObject;
    expect(run('PreferClose', [hinted]).toUpdate).toEqual([]);
    expect(run(undefined, [hinted]).toUpdate.map((s) => s.endpoints[0]?.hints)).toEqual([undefined]);
  });
});

describe('endpointsEqualBeyondHash', () => {
  it('ignores hints (controller_utils.go EndpointsEqualBeyondHash)', () => {
    const a = ep({ zone: 'zone-a' });
    expect(endpointsEqualBeyondHash(a, { ...a, hints: { forZones: [{ name: 'zone-a' }] } })).toBe(true);
  });
});
