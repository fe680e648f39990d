// Zone disruption end to end: NoExecute tainting at most one node per zone every 10 s, stopped in a partially
// disrupted small zone, and master disruption mode when every zone is down (node_lifecycle_controller.go
// handleDisruption, doNoExecuteTaintingPass).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Cluster } from '../../index';
import { noExecuteAt, readyOf, taintsOf, zoneLogs, zoneNodes } from './testSupport';

function until(cluster: Cluster, predicate: () => boolean, timeoutMs: number): void {
  if (!cluster.runtime.sim.runUntil(predicate, timeoutMs)) throw new Error(`not reached in ${timeoutMs} ms`);
}

describe('node lifecycle controller: zones', () => {
  it('taints at most one node of a zone every 10 s', () => {
    const cluster = createCluster({ seed: 5, nodes: zoneNodes('x', 'zone-x', 9) });
    cluster.runtime.sim.advance(30_000);
    const failed = ['x-1', 'x-2', 'x-3'];
    for (const n of failed) cluster.run(`sim node fail ${n}`);
    until(cluster, () => failed.every((n) => noExecuteAt(cluster, n) !== undefined), 180_000);
    const unknownAt = failed.map((n) =>
      cluster.runtime.sim.clock.fromRfc3339(readyOf(cluster, n)?.lastTransitionTime ?? ''),
    );
    // the three went Unknown within 10 s of each other: without the limiter they would be tainted as close
    expect(Math.max(...unknownAt) - Math.min(...unknownAt)).toBeLessThan(10_000);
    const at = failed.map((n) => noExecuteAt(cluster, n) ?? 0).sort((a, b) => a - b);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(10_000);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(10_000);
    // 3 of 9 not ready is not a disruption (unhealthyZoneThreshold 0.55)
    expect(zoneLogs(cluster).map((l) => l.message)).not.toContain(
      'Controller detected that zone is now in new state zone="region-1:zone-x" newState="PartialDisruption"',
    );
  });

  it('stops tainting a small zone once it is partially disrupted', () => {
    const cluster = createCluster({ seed: 5, nodes: zoneNodes('x', 'zone-x', 5) });
    cluster.runtime.sim.advance(30_000);
    const failed = ['x-1', 'x-2', 'x-3', 'x-4'];
    for (const n of failed) cluster.run(`sim node fail ${n}`);
    cluster.runtime.sim.advance(600_000);
    expect(failed.every((n) => readyOf(cluster, n)?.status === 'Unknown')).toBe(true);
    const tainted = failed.filter((n) => noExecuteAt(cluster, n) !== undefined);
    // ReducedQPSFunc: 0 for a zone of <= 50 nodes; only nodes tainted before the zone turned partial keep theirs
    expect(tainted.length).toBeLessThan(failed.length);
    const partial = zoneLogs(cluster).find(
      (l) =>
        l.message ===
        'Controller detected that zone is now in new state zone="region-1:zone-x" newState="PartialDisruption"',
    );
    expect(partial).toBeDefined();
    for (const n of tainted) expect(noExecuteAt(cluster, n)).toBeLessThan(partial?.timeMs ?? 0);
    // every failed node still carries the NoSchedule unreachable taint
    for (const n of failed)
      expect(
        taintsOf(cluster, n).some(
          (t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoSchedule',
        ),
      ).toBe(true);
  });

  it('all zones down: master disruption mode takes the NoExecute taints off and evicts nothing', () => {
    const cluster = createCluster({ seed: 3, nodes: 3 });
    cluster.runtime.sim.advance(30_000);
    const all = ['control-plane', 'node-1', 'node-2', 'node-3'];
    for (const n of all) cluster.run(`sim node fail ${n}`);
    cluster.runtime.sim.advance(480_000);
    for (const n of all) {
      expect(readyOf(cluster, n)?.status).toBe('Unknown');
      expect(taintsOf(cluster, n).filter((t) => t.effect === 'NoExecute')).toEqual([]);
    }
    // coredns runs on the workers: past the 300 s toleration, yet nothing is being deleted
    const pods = cluster.runtime.api.list('pods', undefined).items;
    expect(
      pods.filter((p) => p.metadata.deletionTimestamp !== undefined).map((p) => p.metadata.name),
    ).toEqual([]);
    expect(zoneLogs(cluster).map((l) => l.message)).toContain(
      'Controller detected that all Nodes are not-Ready. Entering master disruption mode',
    );

    // one node back: exit the mode; the others are tainted again, the first 10 s after (the new limiter is drained)
    cluster.run('sim node recover node-1');
    until(
      cluster,
      () => zoneLogs(cluster).some((l) => l.message.includes('Exiting master disruption mode')),
      60_000,
    );
    const exitAt = cluster.nowMs();
    until(cluster, () => noExecuteAt(cluster, 'node-2') !== undefined, 60_000);
    expect(cluster.nowMs() - exitAt).toBeGreaterThanOrEqual(10_000);
    expect(cluster.nowMs() - exitAt).toBeLessThanOrEqual(10_100);
    expect(taintsOf(cluster, 'node-1').filter((t) => t.effect === 'NoExecute')).toEqual([]);
  });
});
