// End to end: a node added with `sim node add` registers under the uninitialized taint, and the cloud node
// controller gives it providerID, zone/region/instance-type labels from its cloud instance, then lifts the taint.
import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';

const getNode = (c: ReturnType<typeof createCluster>, name: string) =>
  c.runtime.api.get('nodes', undefined, name) as Node;

describe('cloud-node-controller (cloud-controller-manager)', () => {
  it('initializes a node added later: taint first, then providerID and labels, with a Synced event', () => {
    const c = createCluster();
    expect(c.run('sim node add node-4 --cpu 8 --memory 32Gi --taint gpu=yes:NoSchedule').code).toBe(0);
    const before = getNode(c, 'node-4');
    expect(before.spec?.taints).toEqual([
      { key: 'gpu', value: 'yes', effect: 'NoSchedule' },
      { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' },
    ]);
    expect(before.spec?.providerID).toBeUndefined();
    expect(before.metadata?.labels?.['topology.kubernetes.io/zone']).toBeUndefined();
    expect(c.run('kubectl describe node node-4').stdout).toContain(
      'Taints:             gpu=yes:NoSchedule\n                    node.cloudprovider.kubernetes.io/uninitialized=true:NoSchedule\n',
    );

    c.run('sim advance 2s');
    const after = getNode(c, 'node-4');
    expect(after.spec?.taints).toEqual([{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }]);
    expect(after.spec?.providerID).toBe('kind://docker/kind/node-4');
    expect(after.metadata?.labels).toMatchObject({
      'topology.kubernetes.io/zone': 'zone-a',
      'topology.kubernetes.io/region': 'region-1',
      'node.kubernetes.io/instance-type': 'e2-standard-8',
      'failure-domain.beta.kubernetes.io/zone': 'zone-a',
    });
    expect(after.status?.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.6' },
      { type: 'Hostname', address: 'node-4' },
    ]);
    expect(c.run('kubectl get events --field-selector involvedObject.name=node-4').stdout).toMatch(
      /Normal\s+Synced\s+node\/node-4\s+Node synced successfully/,
    );
    expect(c.run('kubectl get nodes -l topology.kubernetes.io/zone=zone-a -o name').stdout).toBe(
      'node/control-plane\nnode/node-1\nnode/node-4\n',
    );
  });

  it('puts a node added with --zone in that zone; pods are not scheduled to it until it is initialized', () => {
    const c = createCluster({ nodes: 1 });
    c.run('kubectl cordon node-1');
    c.run('sim node add node-2 --zone zone-c');
    c.run('kubectl run web --image=nginx');
    c.run('sim advance 500ms');
    expect(c.run('kubectl get pod web -o jsonpath={.spec.nodeName}').stdout).toBe('');
    c.run('sim settle');
    expect(c.run('kubectl get pod web -o jsonpath={.spec.nodeName}').stdout).toBe('node-2');
    expect(getNode(c, 'node-2').metadata?.labels?.['topology.kubernetes.io/zone']).toBe('zone-c');
  });

  it('bootstrap nodes are born initialized from the same cloud model', () => {
    const c = createCluster();
    for (const [name, zone] of [
      ['control-plane', 'zone-a'],
      ['node-1', 'zone-a'],
      ['node-2', 'zone-b'],
      ['node-3', 'zone-c'],
    ] as const) {
      const n = getNode(c, name);
      expect(n.spec?.providerID).toBe(`kind://docker/kind/${name}`);
      expect(n.metadata?.labels).toMatchObject({
        'topology.kubernetes.io/zone': zone,
        'topology.kubernetes.io/region': 'region-1',
        'node.kubernetes.io/instance-type': 'e2-standard-4',
      });
      expect(n.status?.conditions?.find((x) => x.type === 'NetworkUnavailable')).toMatchObject({
        status: 'False',
        reason: 'RouteCreated',
      });
    }
  });
});
