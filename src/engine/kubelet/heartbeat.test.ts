import { describe, expect, it } from 'vitest';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../index';
const renewMs = (c: Cluster, node: string) =>
  c.runtime.sim.clock.fromRfc3339(
    (c.runtime.api.get('leases', 'kube-node-lease', node) as Lease).spec?.renewTime ?? '',
  );
const heartbeat = (c: Cluster, node: string) =>
  (c.runtime.api.get('nodes', undefined, node) as Node).status?.conditions?.find((x) => x.type === 'Ready')
    ?.lastHeartbeatTime;

describe('kubelet heartbeat', () => {
  it('renews every node lease every 10s of virtual time, staggered', () => {
    const c = createCluster();
    c.run('sim advance 10s');
    const first = ['node-1', 'node-2', 'node-3', 'control-plane'].map((n) => renewMs(c, n));
    expect(first.every((t) => t > 0 && t <= 10_000)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(1);
    c.run('sim advance 10s');
    const second = ['node-1', 'node-2', 'node-3', 'control-plane'].map((n) => renewMs(c, n));
    expect(second.map((t, i) => t - (first[i] as number))).toEqual([10_000, 10_000, 10_000, 10_000]);
  });

  it('stops renewing while the machine is down and resumes after recovery', () => {
    const c = createCluster();
    c.run('sim advance 10s');
    expect(c.run('sim node fail node-1').code).toBe(0);
    const frozen = renewMs(c, 'node-1');
    const other = renewMs(c, 'node-2');
    c.run('sim advance 1m');
    expect(renewMs(c, 'node-1')).toBe(frozen);
    expect(renewMs(c, 'node-2')).toBe(other + 60_000);
    c.run('sim node recover node-1');
    c.run('sim advance 10s');
    expect(renewMs(c, 'node-1')).toBeGreaterThan(frozen + 60_000);
  });

  it('posts node status every 5 minutes, and at once after recovery', () => {
    const c = createCluster();
    const t0 = heartbeat(c, 'node-3');
    c.run('sim advance 4m');
    expect(heartbeat(c, 'node-3')).toBe(t0);
    c.run('sim advance 1m10s');
    expect(heartbeat(c, 'node-3')).not.toBe(t0);
    c.run('sim node fail node-3');
    c.run('sim advance 20s');
    const beforeRecover = heartbeat(c, 'node-3');
    c.run('sim node recover node-3');
    c.run('sim advance 10s');
    expect(heartbeat(c, 'node-3')).not.toBe(beforeRecover);
  });

  it('is background work: sim settle does not wait for it', () => {
    const c = createCluster();
    // the first settle waits for kube-system to start; after that only heartbeats remain, and they do not count
    expect(c.run('sim settle').code).toBe(0);
    expect(c.run('sim settle').stdout).toBe('settled after 0s of virtual time\n');
  });

  it('starts for nodes added later and keeps their lease fresh', () => {
    const c = createCluster();
    c.run('sim node add node-9');
    const t0 = renewMs(c, 'node-9');
    c.run('sim advance 20s');
    expect(renewMs(c, 'node-9')).toBeGreaterThan(t0);
  });
});
