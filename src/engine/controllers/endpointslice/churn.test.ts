// KEP-752's point measured: after one pod change behind a 10,000-endpoint Service, what each path writes.
// Also the legacy Endpoints over-capacity annotation end to end.
import { describe, expect, it } from 'vitest';
import type { Endpoints } from 'kubernetes-types/core/v1';
import { measureEndpointChurn } from './churn';
import { addPod, endpointCluster, serviceManifest, setReady, settle, slicesOf } from './testCluster';

const tester = { actor: 'test' };

describe('measureEndpointChurn', () => {
  it('one pod readiness change behind 10,000 ready endpoints: one small slice vs the whole Endpoints object', () => {
    const c = endpointCluster();
    c.runtime.api.create('services', 'default', serviceManifest('big'), tester);
    for (let i = 0; i < 10_000; i++) addPod(c, 'big', i, true);
    settle(c);
    expect(slicesOf(c, 'big')).toHaveLength(100);
    const legacy = c.runtime.api.get('endpoints', 'default', 'big') as Endpoints;
    expect(legacy.metadata?.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
    // a pod the truncated Endpoints still lists (the first address kept), so both paths must write
    const kept = legacy.subsets?.[0]?.addresses?.[0]?.targetRef?.name ?? '';
    const from = c.revision();
    setReady(c, kept, false);
    settle(c);
    const churn = measureEndpointChurn(c.runtime, 'big', from);
    // reported figures (see the report): slices write one ~100-endpoint object, Endpoints rewrites ~1000 addresses
    console.log(JSON.stringify(churn));
    expect(churn.endpointSlices.objects).toBe(1);
    expect(churn.endpointSlices.updates).toBe(1);
    expect(churn.endpoints.objects).toBe(1);
    expect(churn.endpoints.bytes).toBeGreaterThan(5 * churn.endpointSlices.bytes);
  });

  it('over-capacity annotation is set above 1000 addresses and removed when back under', () => {
    const c = endpointCluster();
    c.runtime.api.create('services', 'default', serviceManifest('wide'), tester);
    for (let i = 0; i < 1200; i++) addPod(c, 'wide', i, i < 900);
    settle(c);
    let ep = c.runtime.api.get('endpoints', 'default', 'wide') as Endpoints;
    expect(ep.metadata?.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
    expect([ep.subsets?.[0]?.addresses?.length, ep.subsets?.[0]?.notReadyAddresses?.length]).toEqual([
      900, 100,
    ]);
    for (let i = 1000; i < 1200; i++)
      c.runtime.api.delete('pods', 'default', `wide-${i}`, { gracePeriodSeconds: 0 }, tester);
    settle(c);
    ep = c.runtime.api.get('endpoints', 'default', 'wide') as Endpoints;
    expect(ep.metadata?.annotations?.['endpoints.kubernetes.io/over-capacity']).toBeUndefined();
    expect([ep.subsets?.[0]?.addresses?.length, ep.subsets?.[0]?.notReadyAddresses?.length]).toEqual([
      900, 100,
    ]);
  });
});
