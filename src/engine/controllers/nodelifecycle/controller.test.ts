// Node failure end to end: lease silence -> NotReady + unreachable taints -> taint eviction at +300 s; recovery.
import { describe, expect, it } from 'vitest';
import {
  bindPod,
  clusterWithKubelet,
  conditionOf,
  eventsFor,
  phaseOf,
  podOf,
  timeUntil,
} from '../../kubelet/testSupport';
import { nodeLifecycleController } from './controller';
import { taintEvictionController } from '../tainteviction/controller';
import type { Cluster } from '../../index';

interface TaintJson {
  key: string;
  effect: string;
  timeAdded?: string;
}

function taintsOf(cluster: Cluster, node: string): TaintJson[] {
  return (cluster.runtime.api.get('nodes', undefined, node).spec as { taints?: TaintJson[] }).taints ?? [];
}

function nodeRow(cluster: Cluster, node: string): string {
  return (
    cluster
      .run('kubectl get nodes')
      .stdout.split('\n')
      .find((l) => l.startsWith(`${node} `)) ?? ''
  );
}

function setup(): Cluster {
  const { cluster } = clusterWithKubelet(3);
  cluster.runtime.addComponent(nodeLifecycleController());
  cluster.runtime.addComponent(taintEvictionController());
  bindPod(cluster, 'default-tol', 'node-2');
  bindPod(cluster, 'tol-60', 'node-2', {
    tolerations: [
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 60,
      },
    ],
  });
  bindPod(cluster, 'tol-forever', 'node-2', { tolerations: [{ operator: 'Exists' }] });
  bindPod(cluster, 'elsewhere', 'node-1');
  timeUntil(cluster, () =>
    ['default-tol', 'tol-60', 'tol-forever', 'elsewhere'].every(
      (n) => phaseOf(podOf(cluster, n)) === 'Running',
    ),
  );
  cluster.runtime.sim.advance(30_000);
  return cluster;
}

describe('node lifecycle controller + taint eviction', () => {
  it('marks a failed node NotReady after the grace period and evicts pods by their tolerations', () => {
    const cluster = setup();
    expect(nodeRow(cluster, 'node-2')).toMatch(/\sReady\s/);
    const t0 = cluster.nowMs();
    cluster.run('sim node fail node-2');
    const notReadyAfter = timeUntil(cluster, () => / NotReady /.test(nodeRow(cluster, 'node-2')));
    // last renewal up to 10 s before the failure, grace 50 s, monitor every 5 s
    expect(notReadyAfter).toBeGreaterThanOrEqual(40_000);
    expect(notReadyAfter).toBeLessThanOrEqual(61_000);
    const node = cluster.runtime.api.get('nodes', undefined, 'node-2');
    const ready = (
      node.status as {
        conditions: {
          type: string;
          status: string;
          reason: string;
          message: string;
          lastTransitionTime: string;
        }[];
      }
    ).conditions.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    // the NoSchedule taint follows the status write at once; the NoExecute one only in the next monitorNodeHealth
    // pass (tryUpdateNodeHealth hands processTaintBaseEviction the Ready condition observed before the write), then
    // doNoExecuteTaintingPass within its 100 ms period
    const unknownAt = cluster.runtime.sim.clock.fromRfc3339(ready?.lastTransitionTime ?? '');
    timeUntil(cluster, () => taintsOf(cluster, 'node-2').length === 1, 1_000);
    expect(taintsOf(cluster, 'node-2')[0]).toMatchObject({
      key: 'node.kubernetes.io/unreachable',
      effect: 'NoSchedule',
    });
    const noExecuteAfter = timeUntil(cluster, () => taintsOf(cluster, 'node-2').length === 2, 5_100);
    expect(noExecuteAfter).toBeGreaterThan(4_900);
    const taints = taintsOf(cluster, 'node-2');
    expect(taints.map((t) => `${t.key}:${t.effect}`).sort()).toEqual([
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);
    expect(taints.find((t) => t.effect === 'NoExecute')?.timeAdded).toBeDefined();
    // timeAdded (second precision) 5 s after the Ready -> Unknown transition
    expect(
      cluster.runtime.sim.clock.fromRfc3339(taints.find((t) => t.effect === 'NoExecute')?.timeAdded ?? '') -
        unknownAt,
    ).toBe(5_000);
    const taintedAt = cluster.nowMs();
    expect(conditionOf(podOf(cluster, 'default-tol'), 'Ready')).toBe('False');
    expect(eventsFor(cluster, 'default-tol').map((e) => e.reason)).toContain('NodeNotReady');
    expect(conditionOf(podOf(cluster, 'elsewhere'), 'Ready')).toBe('True');

    const t60 = timeUntil(cluster, () => podOf(cluster, 'tol-60')?.metadata.deletionTimestamp !== undefined);
    expect(cluster.nowMs() - taintedAt).toBeGreaterThanOrEqual(60_000);
    expect(t60).toBeLessThanOrEqual(60_100);
    timeUntil(cluster, () => podOf(cluster, 'default-tol')?.metadata.deletionTimestamp !== undefined);
    const evictedAfter = cluster.nowMs() - taintedAt;
    expect(evictedAfter).toBeGreaterThanOrEqual(300_000);
    expect(evictedAfter).toBeLessThanOrEqual(300_100);
    // taint-based eviction ~305 s after Ready went Unknown: one monitor period, then the 300 s toleration
    expect(cluster.nowMs() - unknownAt).toBeGreaterThanOrEqual(305_000);
    expect(cluster.nowMs() - unknownAt).toBeLessThanOrEqual(305_200);
    expect(cluster.nowMs() - t0).toBeLessThanOrEqual(361_000);
    expect(eventsFor(cluster, 'default-tol').map((e) => e.message)).toContain(
      'Marking for deletion Pod default/default-tol',
    );
    expect(conditionOf(podOf(cluster, 'default-tol'), 'DisruptionTarget')).toBe('True');
    // the node is dead: the pods stay Terminating, the tolerating pod stays put
    cluster.runtime.sim.advance(600_000);
    expect(podOf(cluster, 'default-tol')?.metadata.deletionTimestamp).toBeDefined();
    expect(podOf(cluster, 'tol-forever')?.metadata.deletionTimestamp).toBeUndefined();
    expect(podOf(cluster, 'elsewhere')?.metadata.deletionTimestamp).toBeUndefined();
    // recovery: the kubelet finishes the terminations and the taints go
    cluster.run('sim node recover node-2');
    timeUntil(
      cluster,
      () => podOf(cluster, 'default-tol') === undefined && podOf(cluster, 'tol-60') === undefined,
      60_000,
    );
    timeUntil(cluster, () => taintsOf(cluster, 'node-2').length === 0, 60_000);
    expect(nodeRow(cluster, 'node-2')).toMatch(/\sReady\s/);
    timeUntil(cluster, () => conditionOf(podOf(cluster, 'tol-forever'), 'Ready') === 'True', 30_000);
  });

  it('cancels the pending evictions when the node recovers before tolerationSeconds', () => {
    const cluster = setup();
    cluster.run('sim node fail node-2');
    timeUntil(cluster, () => taintsOf(cluster, 'node-2').some((t) => t.effect === 'NoExecute'));
    cluster.runtime.sim.advance(30_000);
    cluster.run('sim node recover node-2');
    timeUntil(cluster, () => taintsOf(cluster, 'node-2').length === 0, 30_000);
    cluster.runtime.sim.advance(600_000);
    for (const n of ['default-tol', 'tol-60', 'tol-forever']) {
      expect(podOf(cluster, n)?.metadata.deletionTimestamp).toBeUndefined();
      expect(conditionOf(podOf(cluster, n), 'Ready')).toBe('True');
    }
    expect(eventsFor(cluster, 'default-tol').map((e) => e.message)).toContain(
      'Cancelling deletion of Pod default/default-tol',
    );
  });

  it('taints a cordoned node unschedulable and a node whose kubelet reports Ready=False not-ready', () => {
    const { cluster } = clusterWithKubelet(2);
    cluster.runtime.addComponent(nodeLifecycleController());
    cluster.run('kubectl cordon node-1');
    timeUntil(
      cluster,
      () => taintsOf(cluster, 'node-1').some((t) => t.key === 'node.kubernetes.io/unschedulable'),
      1_000,
    );
    const api = cluster.runtime.api;
    const node = api.get('nodes', undefined, 'node-2');
    const conditions = (node.status as { conditions: { type: string; status: string }[] }).conditions.map(
      (c) => (c.type === 'Ready' ? { ...c, status: 'False', reason: 'KubeletNotReady' } : c),
    );
    api.updateStatus(
      'nodes',
      undefined,
      { ...node, status: { ...(node.status as object), conditions } },
      { actor: 'kubelet/node-2' },
    );
    // NoSchedule at once (doNoScheduleTaintingPass on the update); NoExecute once monitorNodeHealth (every 5 s)
    // queues the node (processTaintBaseEviction -> markNodeForTainting) and doNoExecuteTaintingPass (100 ms) runs
    timeUntil(cluster, () => taintsOf(cluster, 'node-2').length === 1, 1_000);
    timeUntil(cluster, () => taintsOf(cluster, 'node-2').length === 2, 5_100);
    expect(
      taintsOf(cluster, 'node-2')
        .map((t) => `${t.key}:${t.effect}`)
        .sort(),
    ).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
  });
});
