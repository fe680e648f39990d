// End to end: `sim cloud delete-instance` makes the CCM delete the NotReady Node; `shutdown-instance` taints it
// as shut down until `start-instance` brings it back Ready.
import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';

describe('cloud-node-lifecycle-controller (cloud-controller-manager)', () => {
  it('deletes the Node of a deleted instance once it is NotReady, with a DeletingNode event', () => {
    const c = createCluster();
    c.run('sim settle');
    expect(c.run('sim cloud delete-instance node-2').code).toBe(0);
    c.run('sim advance 40s');
    // inside the 50 s grace period the node still looks Ready, and a Ready node is never checked against the cloud
    expect(c.run('kubectl get nodes').stdout).toMatch(/node-2\s+Ready/);
    c.run('sim advance 35s');
    expect(c.run('kubectl get nodes').stdout).not.toContain('node-2');
    expect(c.run('kubectl get node node-2').stderr).toBe(
      'Error from server (NotFound): nodes "node-2" not found\n',
    );
    const events = c.run('kubectl get events --field-selector involvedObject.name=node-2').stdout;
    expect(events).toMatch(/Normal\s+NodeNotReady\s+node\/node-2/);
    expect(events).toMatch(
      /Normal\s+DeletingNode\s+node\/node-2\s+Deleting node node-2 because it does not exist in the cloud provider/,
    );
    expect(c.run('sim cloud instances').stdout).not.toContain('node-2');
    // the machine went with the instance: the name can be used for a new one
    expect(c.run('sim node add node-2').code).toBe(0);
  });

  it('taints a shut-down instance NotReady node, and lifts the taint when it is started and Ready again', () => {
    const c = createCluster();
    c.run('sim settle');
    expect(c.run('sim cloud shutdown-instance node-3').code).toBe(0);
    expect(c.run('sim cloud instances').stdout).toMatch(
      /node-3\s+\S+\s+zone-c\s+e2-standard-4\s+stopped\s+172\.18\.0\.5/,
    );
    c.run('sim advance 75s');
    const taints = () =>
      ((c.runtime.api.get('nodes', undefined, 'node-3') as Node).spec?.taints ?? []).map(
        (t) => `${t.key}:${t.effect}`,
      );
    expect(taints()).toContain('node.cloudprovider.kubernetes.io/shutdown:NoSchedule');
    expect(c.run('kubectl get nodes').stdout).toMatch(/node-3\s+NotReady/);

    expect(c.run('sim cloud start-instance node-3').code).toBe(0);
    c.run('sim advance 20s');
    expect(c.run('kubectl get nodes').stdout).toMatch(/node-3\s+Ready/);
    expect(taints()).not.toContain('node.cloudprovider.kubernetes.io/shutdown:NoSchedule');
  });

  it('leaves a node whose kubelet failed but whose instance runs (`sim node fail`) in place', () => {
    const c = createCluster();
    c.run('sim node fail node-1');
    c.run('sim advance 90s');
    expect(c.run('kubectl get nodes').stdout).toMatch(/node-1\s+NotReady/);
    const n = c.runtime.api.get('nodes', undefined, 'node-1') as Node;
    expect((n.spec?.taints ?? []).map((t) => t.key)).not.toContain(
      'node.cloudprovider.kubernetes.io/shutdown',
    );
  });
});
