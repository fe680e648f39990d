// With the whole control plane (scheduler, kubelet, workload controllers): a Deployment behind a Service keeps every
// pod in exactly one EndpointSlice while it scales.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';
import type { Cluster } from '../../index';
import { controllerManagerComponents, defaultControllers } from '../manager';
import { endpointsController } from '../endpoints/controller';
import { createEndpointSliceController } from './controller';
import { checkSliceInvariant, slicesOf } from './testCluster';
import { schedulerComponents } from '../../scheduler/index';
import { kubeletComponent } from '../../kubelet/index';

function fullCluster(): Cluster {
  // the control plane, but with slices of at most 10 endpoints so a small Deployment spans several
  const c = createCluster({ nodes: 3, controlPlane: false });
  const slices = createEndpointSliceController({ maxEndpointsPerSlice: 10 });
  const defs = [
    ...defaultControllers.filter((d) => d.name !== slices.name && d.name !== endpointsController.name),
  ];
  for (const comp of controllerManagerComponents([...defs, slices, endpointsController]))
    c.runtime.addComponent(comp);
  for (const s of schedulerComponents()) c.runtime.addComponent(s);
  c.runtime.addComponent(kubeletComponent());
  return c;
}

const readyPods = (c: Cluster) =>
  (c.runtime.api.list('pods', 'default', { labelSelector: 'app=web' }).items as Pod[]).filter((p) =>
    p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'),
  );

describe('EndpointSlices with the full control plane', () => {
  it('a Deployment of 25 scaled to 8: slices follow, each ready pod exactly once', () => {
    const c = fullCluster();
    expect(c.run('kubectl create deployment web --image=nginx --replicas=25 --port=80').code).toBe(0);
    expect(c.run('kubectl expose deployment web --port=80').code).toBe(0);
    const allReady = () => slicesOf(c, 'web').every((s) => s.endpoints.every((e) => e.conditions?.ready));
    const ok = () =>
      readyPods(c).length === 25 && checkSliceInvariant(c, 'web', 10).length === 0 && allReady();
    expect(c.runtime.sim.runUntil(ok, 300_000)).toBe(true);
    const lengths = slicesOf(c, 'web').map((s) => s.endpoints.length);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(25);
    expect(lengths.length).toBeLessThanOrEqual(4);
    expect(c.run('kubectl scale deployment web --replicas=8').code).toBe(0);
    const settled = () =>
      (c.runtime.api.list('pods', 'default', { labelSelector: 'app=web' }).items as Pod[]).length === 8 &&
      checkSliceInvariant(c, 'web', 10).length === 0;
    expect(c.runtime.sim.runUntil(settled, 300_000)).toBe(true);
    expect(slicesOf(c, 'web').reduce((n, s) => n + s.endpoints.length, 0)).toBe(8);
    expect(c.run('kubectl get svc web').stdout).toMatch(
      /web\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP/,
    );
  });
});
