// Node registration end to end: RegisteredNode / RemovingNode events, timeAdded on the controller's NoSchedule
// taints, and the startup grace period of a node whose kubelet never posted status (node_lifecycle_controller.go
// monitorNodeHealth, doNoScheduleTaintingPass, tryUpdateNodeHealth).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Cluster } from '../../index';
import { nodeEvents, readyOf, taintsOf } from './testSupport';
import { nodeLifecycleController } from './controller';

function until(cluster: Cluster, predicate: () => boolean, timeoutMs: number): number {
  const start = cluster.nowMs();
  if (!cluster.runtime.sim.runUntil(predicate, timeoutMs)) throw new Error(`not reached in ${timeoutMs} ms`);
  return cluster.nowMs() - start;
}

describe('node lifecycle controller: registration', () => {
  it('records RegisteredNode for each node it sees and RemovingNode for a deleted one', () => {
    const cluster = createCluster({ seed: 2, nodes: 2 });
    cluster.runtime.sim.advance(1);
    const uid = (n: string) => cluster.runtime.api.get('nodes', undefined, n).metadata.uid;
    expect(nodeEvents(cluster, 'RegisteredNode').map((e) => e.message)).toEqual([
      'Node control-plane event: Registered Node control-plane in Controller',
      'Node node-1 event: Registered Node node-1 in Controller',
      'Node node-2 event: Registered Node node-2 in Controller',
    ]);
    expect(nodeEvents(cluster, 'RegisteredNode')[1]).toMatchObject({
      involvedObject: { kind: 'Node', apiVersion: 'v1', name: 'node-1', uid: uid('node-1') },
      source: { component: 'node-controller' },
    });
    // the reference is built from name and UID: no resourceVersion, no namespace
    expect(nodeEvents(cluster, 'RegisteredNode')[1]?.involvedObject).not.toHaveProperty('resourceVersion');

    cluster.run('sim node add node-3 --zone zone-b');
    const uid3 = uid('node-3');
    expect(
      until(cluster, () => nodeEvents(cluster, 'RegisteredNode').length === 4, 5_000),
    ).toBeLessThanOrEqual(5_000);
    expect(nodeEvents(cluster, 'RegisteredNode')[3]?.message).toBe(
      'Node node-3 event: Registered Node node-3 in Controller',
    );

    cluster.run('kubectl delete node node-3');
    until(cluster, () => nodeEvents(cluster, 'RemovingNode').length === 1, 5_000);
    expect(nodeEvents(cluster, 'RemovingNode')[0]).toMatchObject({
      message: 'Node node-3 event: Removing Node node-3 from Controller',
      involvedObject: { kind: 'Node', name: 'node-3', uid: uid3 },
    });
    const out = cluster.run('kubectl get events').stdout;
    expect(out).toMatch(
      /Normal\s+RemovingNode\s+node\/node-3\s+Node node-3 event: Removing Node node-3 from Controller/,
    );
  });

  it('stamps timeAdded on the NoSchedule taints it adds (cordon, unreachable)', () => {
    const cluster = createCluster({ seed: 2, nodes: 2 });
    cluster.runtime.sim.advance(30_000);
    cluster.run('kubectl cordon node-1');
    const cordonedAt = cluster.runtime.sim.clock.nowRfc3339();
    until(cluster, () => taintsOf(cluster, 'node-1').length > 0, 1_000);
    expect(taintsOf(cluster, 'node-1')).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: cordonedAt },
    ]);
    cluster.run('sim node fail node-2');
    until(cluster, () => taintsOf(cluster, 'node-2').length > 0, 90_000);
    expect(taintsOf(cluster, 'node-2')).toEqual([
      {
        key: 'node.kubernetes.io/unreachable',
        effect: 'NoSchedule',
        timeAdded: readyOf(cluster, 'node-2')?.lastTransitionTime,
      },
    ]);
  });

  it('gives a node whose kubelet never posted status the 60 s startup grace period', () => {
    // no cloud-controller-manager here: its node lifecycle controller would delete a node with no cloud instance
    const cluster = createCluster({ seed: 2, nodes: 1, controlPlane: false });
    cluster.runtime.addComponent(nodeLifecycleController());
    cluster.runtime.sim.advance(2_500);
    const node = cluster.runtime.api.create(
      'nodes',
      undefined,
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'silent' }, spec: {} },
      { actor: 'test' },
    );
    const created = node.metadata.creationTimestamp ?? '';
    const createdMs = cluster.runtime.sim.clock.fromRfc3339(created);
    // the monitor grace period (50 s) is not the one that applies
    cluster.runtime.sim.advance(59_000);
    expect(readyOf(cluster, 'silent')).toBeUndefined();
    until(cluster, () => readyOf(cluster, 'silent') !== undefined, 10_000);
    const after = cluster.nowMs() - createdMs;
    expect(after).toBeGreaterThan(60_000);
    expect(after).toBeLessThanOrEqual(65_000);
    expect(readyOf(cluster, 'silent')).toEqual({
      type: 'Ready',
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      lastHeartbeatTime: created,
      lastTransitionTime: cluster.runtime.sim.clock.nowRfc3339(),
    });
  });
});
