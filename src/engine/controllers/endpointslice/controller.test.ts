// The EndpointSlice and Endpoints controllers end to end through createCluster(), with a fast-check property test.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Endpoints } from 'kubernetes-types/core/v1';
import { createEndpointSliceController } from './controller';
import { endpointsController } from '../endpoints/controller';
import {
  addPod,
  checkSliceInvariant,
  endpointCluster,
  serviceManifest,
  setReady,
  settle,
  slicesOf,
} from './testCluster';

const tester = { actor: 'test' };

describe('EndpointSlice controller (e2e)', () => {
  it('a Service over 250 ready pods has 3 slices of 100/100/50 and each pod IP exactly once', () => {
    const c = endpointCluster();
    c.runtime.api.create('services', 'default', serviceManifest('web', { labels: undefined }), tester);
    for (let i = 0; i < 250; i++) addPod(c, 'web', i, true);
    settle(c);
    const slices = slicesOf(c, 'web');
    expect(slices.map((s) => s.endpoints.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(checkSliceInvariant(c, 'web', 100)).toEqual([]);
    const s = slices[0];
    expect(s?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s?.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(s?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Service',
      name: 'web',
      controller: true,
    });
    expect(s?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(s?.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(
      /^\d{4}-\d\d-\d\dT/,
    );
    const ep = s?.endpoints[0];
    expect(ep?.zone).toMatch(/^zone-/);
    expect(ep?.nodeName).toMatch(/^node-/);
    const legacy = c.runtime.api.get('endpoints', 'default', 'web') as Endpoints;
    expect(legacy.subsets?.[0]?.addresses).toHaveLength(250);
  });

  it('a Service without pods gets one placeholder slice; a terminating pod shows terminating: true', () => {
    const c = endpointCluster();
    c.runtime.api.create('services', 'default', serviceManifest('api'), tester);
    settle(c);
    expect(slicesOf(c, 'api').map((s) => [s.ports, s.endpoints])).toEqual([[[], []]]);
    addPod(c, 'api', 1, true);
    settle(c);
    expect(slicesOf(c, 'api')).toHaveLength(1);
    c.runtime.api.delete('pods', 'default', 'api-1', {}, tester);
    settle(c);
    const [slice] = slicesOf(c, 'api');
    expect(slice?.endpoints[0]?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    const legacy = c.runtime.api.get('endpoints', 'default', 'api') as Endpoints;
    expect(legacy.subsets ?? []).toEqual([]);
  });

  it('changes only the slice holding a pod whose readiness flips', () => {
    const c = endpointCluster();
    c.runtime.api.create('services', 'default', serviceManifest('web'), tester);
    for (let i = 0; i < 250; i++) addPod(c, 'web', i, true);
    settle(c);
    const before = new Map(slicesOf(c, 'web').map((s) => [s.metadata.name, s.metadata.resourceVersion]));
    setReady(c, 'web-7', false);
    settle(c);
    const changed = slicesOf(c, 'web').filter(
      (s) => before.get(s.metadata.name) !== s.metadata.resourceVersion,
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]?.endpoints.find((e) => e.targetRef?.name === 'web-7')?.conditions?.ready).toBe(false);
  });

  it('property: over random scale/readiness/termination sequences every selected pod is in exactly one slice', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 45 }) }),
      fc.record({ kind: fc.constant('ready' as const), i: fc.nat(44), ready: fc.boolean() }),
      fc.record({ kind: fc.constant('terminate' as const), i: fc.nat(44) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const c = endpointCluster(
          [createEndpointSliceController({ maxEndpointsPerSlice: 10 }), endpointsController],
          3,
        );
        const api = c.runtime.api;
        api.create('services', 'default', serviceManifest('web'), tester);
        let next = 0;
        const live = () => api.list('pods', 'default', { labelSelector: 'app=web' }).items;
        for (const o of ops) {
          if (o.kind === 'scale') {
            const pods = live().filter((p) => !p.metadata.deletionTimestamp);
            for (let k = pods.length; k < o.n; k++) addPod(c, 'web', next++, true);
            for (const p of pods.slice(o.n))
              api.delete('pods', 'default', p.metadata.name ?? '', { gracePeriodSeconds: 0 }, tester);
          } else {
            const pod = live()[o.i];
            if (!pod) continue;
            if (o.kind === 'ready') setReady(c, pod.metadata.name ?? '', o.ready);
            else api.delete('pods', 'default', pod.metadata.name ?? '', {}, tester);
          }
          settle(c);
          const problems = checkSliceInvariant(c, 'web', 10);
          if (problems.length) throw new Error(`after ${JSON.stringify(o)}: ${problems.join('; ')}`);
        }
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('reports FailedToUpdateEndpointSlices for pods on a missing Node and retries', () => {
    const c = endpointCluster();
    c.runtime.api.create('services', 'default', serviceManifest('lost'), tester);
    addPod(c, 'lost', 1, true, 'node-404');
    c.runtime.sim.advance(2000);
    const events = c.runtime.api
      .list('events', 'default')
      .items.filter((e) => e.reason === 'FailedToUpdateEndpointSlices');
    expect(events[0]?.message).toBe(
      'Error updating Endpoint Slices for Service default/lost: skipping Pod lost-1 for Service default/lost: Node node-404 Not Found',
    );
    expect(slicesOf(c, 'lost')[0]?.endpoints).toEqual([]);
  });
});
