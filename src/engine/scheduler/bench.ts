// Scheduler throughput benchmark: N nodes, P pending pods, run until every pod is bound.
// The engine has no wall clock: the caller passes one (e.g. performance.now) to get pods/second.
import type { KubeObject } from '../types/object';
import { createCluster } from '../index';
import { createScheduler } from './scheduler';

export interface SchedulerBenchResult {
  nodes: number;
  pods: number;
  scheduled: number;
  /** virtual ms the scheduler needed */
  virtualMs: number;
  /** wall ms of the scheduling phase (cluster setup excluded), when a clock was given */
  wallMs?: number;
  podsPerSecond?: number;
}

function benchPod(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `bench-${i}`, namespace: 'default', labels: { app: `bench-${i % 50}` } },
    spec: {
      containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
    },
  };
}

export function benchScheduler(
  nodes: number,
  pods: number,
  opts: { now?: () => number; seed?: number } = {},
): SchedulerBenchResult {
  // a bare cluster (API server, store, nodes): the scheduler is the only component doing work
  const cluster = createCluster({
    seed: opts.seed ?? 1,
    controlPlane: false,
    nodes: Array.from({ length: nodes }, (_, i) => ({
      name: `node-${i + 1}`,
      cpu: '32',
      memory: '128Gi',
      pods: 110,
      zone: `zone-${i % 3}`,
    })),
  });
  const rt = cluster.runtime;
  const sched = createScheduler();
  rt.addComponent(sched);
  const start = opts.now?.();
  const t0 = rt.sim.clock.nowMs();
  for (let i = 0; i < pods; i++) rt.api.create('pods', 'default', benchPod(i), { actor: 'bench' });
  const s = sched.scheduler;
  const done = () => s !== undefined && s.cache.podCount() >= pods && s.queue.pendingCounts().active === 0;
  rt.sim.runUntil(done, 3_600_000);
  rt.sim.settle(60_000);
  const wallMs = start !== undefined && opts.now ? opts.now() - start : undefined;
  let scheduled = 0;
  for (const p of rt.api.list('pods', 'default').items)
    if ((p.spec as { nodeName?: string }).nodeName) scheduled++;
  const result: SchedulerBenchResult = { nodes, pods, scheduled, virtualMs: rt.sim.clock.nowMs() - t0 };
  if (wallMs !== undefined) {
    result.wallMs = Math.round(wallMs);
    result.podsPerSecond = Math.round((scheduled / wallMs) * 1000);
  }
  return result;
}
