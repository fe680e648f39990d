// End to end: the route controller keeps one cloud route per node's pod CIDR, for nodes added later too, and
// drops the route of a node that is gone.
import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';

const routeLines = (c: ReturnType<typeof createCluster>) =>
  c
    .run('sim cloud routes')
    .stdout.trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/).slice(1).join(' '));

describe('route-controller (cloud-controller-manager)', () => {
  it('routes every node pod CIDR, adds a new node within a reconciliation period, and removes a deleted one', () => {
    const c = createCluster();
    expect(c.run('sim cloud routes').stdout.split('\n')[0]).toMatch(/^NAME\s+DESTINATION\s+TARGET$/);
    expect(routeLines(c)).toEqual([
      '10.244.0.0/24 control-plane',
      '10.244.1.0/24 node-1',
      '10.244.2.0/24 node-2',
      '10.244.3.0/24 node-3',
    ]);
    c.run('sim node add node-4');
    expect(routeLines(c)).not.toContain('10.244.4.0/24 node-4');
    c.run('sim advance 10s');
    expect(routeLines(c)).toContain('10.244.4.0/24 node-4');
    const uid = c.runtime.api.get('nodes', undefined, 'node-4').metadata.uid ?? '';
    expect(c.run('sim cloud routes').stdout).toContain(`kubernetes-${uid}`);
    const cond = (c.runtime.api.get('nodes', undefined, 'node-4') as Node).status?.conditions?.find(
      (x) => x.type === 'NetworkUnavailable',
    );
    expect(cond).toMatchObject({
      status: 'False',
      reason: 'RouteCreated',
      message: 'RouteController created a route',
    });

    c.run('kubectl delete node node-1');
    c.run('sim advance 10s');
    expect(routeLines(c)).toEqual([
      '10.244.0.0/24 control-plane',
      '10.244.2.0/24 node-2',
      '10.244.3.0/24 node-3',
      '10.244.4.0/24 node-4',
    ]);
  });

  it('drops the route of a node the CCM deleted after its instance was deleted', () => {
    const c = createCluster();
    c.run('sim cloud delete-instance node-2');
    c.run('sim advance 90s');
    expect(routeLines(c).some((l) => l.endsWith('node-2'))).toBe(false);
  });
});
