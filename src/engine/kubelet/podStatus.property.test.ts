// buildPodStatus reuses the previous status's equal condition entries and IP lists (so the API server shares them by
// identity): its result must be what it builds from scratch, and what the API server stores must not change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cloneSharing } from '../types/cloneSharing';
import { deepFreeze } from '../store/deepFreeze';
import { toRfc3339 } from '../sim/clock';
import { buildPodStatus, getPhase } from './podStatus';
import type { ContainerRun, PodWorker } from './podWorker';

const KUBELET = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);
const imageIdOf = (image: string) => `docker.io/library/${image}@sha256:0`;

const condition = fc.option(
  fc.record({
    status: fc.constantFrom('True' as const, 'False' as const),
    lastTransitionMs: fc.constantFrom(0, 1000, 5000),
  }),
  { nil: undefined },
);
const container = fc.record({
  init: fc.boolean(),
  state: fc.constantFrom('waiting' as const, 'running' as const, 'terminated' as const),
  ready: fc.boolean(),
  exitCode: fc.constantFrom(0, 1),
});
const workerArb = fc.record({
  conditions: fc.tuple(condition, condition, condition, condition),
  containers: fc.array(container, { minLength: 1, maxLength: 3 }),
  hostIP: fc.constantFrom(undefined, '10.0.0.1', '10.0.0.2'),
  podIP: fc.constantFrom(undefined, '10.244.0.5', '10.244.0.6'),
  terminal: fc.boolean(),
});

type WorkerSpec = typeof workerArb extends fc.Arbitrary<infer T> ? T : never;

function worker(s: WorkerSpec): PodWorker {
  const conditions = new Map<string, { status: 'True' | 'False'; lastTransitionMs: number }>();
  [...KUBELET].forEach((t, i) => {
    const c = s.conditions[i];
    if (c) conditions.set(t, c);
  });
  const containers: ContainerRun[] = s.containers.map((c, i) => ({
    name: `c${i}`,
    image: 'nginx',
    init: c.init,
    state: c.state,
    waitingReason: 'ContainerCreating',
    restartCount: 0,
    ready: c.ready,
    backoffCount: 0,
    started: true,
    probes: [],
    faults: {},
    pullFailures: 0,
    containerID: c.state === 'waiting' ? undefined : 'containerd://1',
    startedAtMs: 1000,
    terminated:
      c.state === 'terminated'
        ? {
            exitCode: c.exitCode,
            reason: 'Completed',
            startedAtMs: 1000,
            finishedAtMs: 2000,
            containerID: 'x',
          }
        : undefined,
  }));
  return {
    uid: 'u',
    namespace: 'default',
    name: 'p',
    node: 'node-1',
    restartPolicy: 'Always',
    app: { exitCode: 1, readinessFails: false },
    containers,
    cursor: 0,
    hostIP: s.hostIP,
    podIP: s.podIP,
    startTimeMs: 500,
    sandboxReady: false,
    terminating: false,
    gracePeriodSeconds: 0,
    conditions,
    timers: new Map(),
  };
}

/** the previous status with every part buildPodStatus could share made unequal (so nothing is shared) */
function unshareable(prev: Readonly<Record<string, unknown>>, now: WorkerSpec): Record<string, unknown> {
  const out = { ...prev };
  if (Array.isArray(prev.conditions))
    out.conditions = (prev.conditions as Record<string, unknown>[]).map((c) =>
      KUBELET.has(String(c.type)) ? { ...c, lastProbeTime: 'never equal' } : c,
    );
  if (now.hostIP && 'hostIPs' in prev) out.hostIPs = [];
  if (now.podIP && 'podIPs' in prev) out.podIPs = []; // else the stored list is kept as is
  return out;
}

function build(
  s: Parameters<typeof worker>[0],
  prev: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const w = worker(s);
  return buildPodStatus(w, prev, getPhase(w, s.terminal), toRfc3339, imageIdOf);
}

describe('buildPodStatus sharing', () => {
  it('equals a from-scratch build, and the stored status is the same object tree either way', () => {
    fc.assert(
      fc.property(
        workerArb,
        workerArb,
        fc.boolean(),
        fc.constantFrom('none', 'reason', 'extra'),
        (before, now, scheduled, edit) => {
          // a stored status written by the kubelet (from `before`), plus the scheduler's condition
          const base: Record<string, unknown> = { phase: 'Pending', qosClass: 'BestEffort' };
          if (scheduled) base.conditions = [{ type: 'PodScheduled', status: 'True', lastProbeTime: null }];
          const written = cloneSharing(build(before, deepFreeze(base)), base);
          // another writer touched the kubelet's conditions: a changed reason, or an extra field
          if (edit !== 'none')
            written.conditions = (written.conditions as Record<string, unknown>[]).map((c) =>
              !KUBELET.has(String(c.type))
                ? c
                : edit === 'extra'
                  ? { ...c, extra: 'x' }
                  : c.reason
                    ? { ...c, reason: 'Other' }
                    : c,
            );
          const stored = deepFreeze(written);
          const shared = build(now, stored);
          const scratch = build(now, unshareable(stored, now));
          expect(JSON.stringify(shared)).toBe(JSON.stringify(scratch));
          // what the API server decodes from each: equal, and sharing the same stored parts
          const a = cloneSharing(shared, stored) as Record<string, unknown>;
          const b = cloneSharing(scratch, stored) as Record<string, unknown>;
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          // a part the from-scratch write stores by sharing, the sharing build stores as the very same object
          const storedParts = new Set<unknown>([
            stored.hostIPs,
            stored.podIPs,
            ...((stored.conditions ?? []) as unknown[]),
          ]);
          const ac = (a.conditions ?? []) as unknown[];
          ((b.conditions ?? []) as unknown[]).forEach((c, i) => {
            if (storedParts.has(c)) expect(ac[i]).toBe(c);
          });
          if (storedParts.has(b.hostIPs)) expect(a.hostIPs).toBe(b.hostIPs);
          if (storedParts.has(b.podIPs)) expect(a.podIPs).toBe(b.podIPs);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reuses the stored entry of an unchanged condition', () => {
    const s: WorkerSpec = {
      conditions: [{ status: 'True', lastTransitionMs: 0 }, undefined, undefined, undefined],
      containers: [{ init: false, state: 'running', ready: true, exitCode: 0 }],
      hostIP: '10.0.0.1',
      podIP: undefined,
      terminal: false,
    };
    const stored = deepFreeze(build(s, {}));
    const next = build(s, stored);
    expect((next.conditions as unknown[])[0]).toBe((stored.conditions as unknown[])[0]);
    expect(next.hostIPs).toBe(stored.hostIPs);
  });
});
