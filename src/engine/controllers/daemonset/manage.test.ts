import { describe, expect, it } from 'vitest';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { historiesToDelete } from './history';
import { planManage } from './manage';
import { computeStatusCounts } from './status';

const pod = (
  name: string,
  node: string,
  extra: Partial<Pod['status']> = {},
  created = '2024-01-01T00:00:00Z',
): Pod => ({
  metadata: {
    name,
    namespace: 'default',
    creationTimestamp: created,
    labels: { 'controller-revision-hash': 'h1' },
  },
  spec: { containers: [], nodeName: node },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], ...extra },
});
const run = { shouldRun: true, shouldContinueRunning: true };
const stop = { shouldRun: false, shouldContinueRunning: false };

describe('planManage (podsShouldBeOnNode)', () => {
  const base = {
    hash: 'h1',
    allowsSurge: false,
    minReadySeconds: 0,
    nowMs: 0,
    failedPodBackoffMs: () => undefined,
  };
  it('creates on nodes without a pod and deletes from nodes that should not run one', () => {
    const plan = planManage({
      ...base,
      nodes: ['a', 'b'],
      shouldRun: (n) => (n === 'a' ? run : stop),
      nodeToDaemonPods: new Map([['b', [pod('p-b', 'b')]]]),
    });
    expect(plan).toMatchObject({ nodesNeedingDaemonPods: ['a'], podsToDelete: ['p-b'] });
  });
  it('keeps the oldest of two pods on a node, deletes failed pods with a FailedDaemonPod warning', () => {
    const plan = planManage({
      ...base,
      nodes: ['a', 'b'],
      shouldRun: () => run,
      nodeToDaemonPods: new Map([
        ['a', [pod('young', 'a', {}, '2024-01-02T00:00:00Z'), pod('old', 'a')]],
        ['b', [pod('dead', 'b', { phase: 'Failed' })]],
      ]),
    });
    expect(plan.podsToDelete).toEqual(['young', 'dead']);
    expect(plan.notices).toEqual([
      {
        type: 'Warning',
        reason: 'FailedDaemonPod',
        message: 'Found failed daemon pod default/dead on node b, will try to kill it',
      },
    ]);
  });
  it('a failed pod in backoff waits and requeues', () => {
    const plan = planManage({
      ...base,
      nodes: ['b'],
      shouldRun: () => run,
      nodeToDaemonPods: new Map([['b', [pod('dead', 'b', { phase: 'Failed' })]]]),
      failedPodBackoffMs: () => 2000,
    });
    expect(plan).toMatchObject({ podsToDelete: [], requeueAfterMs: 2000 });
  });
  it('deletes unscheduled pods whose target node is gone', () => {
    const orphan: Pod = { ...pod('ghost', ''), spec: { containers: [] } };
    const plan = planManage({
      ...base,
      nodes: ['a'],
      shouldRun: () => run,
      nodeToDaemonPods: new Map([
        ['a', [pod('p', 'a')]],
        ['gone', [orphan]],
      ]),
    });
    expect(plan.podsToDelete).toEqual(['ghost']);
  });
});

describe('computeStatusCounts', () => {
  it('counts desired, current, misscheduled, ready, updated and unavailable', () => {
    const c = computeStatusCounts({
      nodes: ['a', 'b', 'c', 'd'],
      shouldRun: (n) => n !== 'd',
      nodeToDaemonPods: new Map([
        ['a', [pod('pa', 'a')]],
        [
          'b',
          [
            {
              ...pod('pb', 'b', { conditions: [{ type: 'Ready', status: 'False' }] }),
              metadata: { name: 'pb', labels: { 'controller-revision-hash': 'old' } },
            },
          ],
        ],
        ['d', [pod('pd', 'd')]],
      ]),
      hash: 'h1',
      minReadySeconds: 0,
      nowMs: 0,
    });
    expect(c).toEqual({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 2,
      numberMisscheduled: 1,
      numberReady: 1,
      updatedNumberScheduled: 1,
      numberAvailable: 1,
      numberUnavailable: 2,
    });
  });
});

describe('historiesToDelete (cleanupHistory)', () => {
  const cr = (name: string, revision: number, hash: string): ControllerRevision => ({
    metadata: { name, labels: { 'controller-revision-hash': hash } },
    revision,
  });
  it('prunes the oldest beyond the limit, sparing revisions live pods still use', () => {
    const old = [cr('r3', 3, 'c'), cr('r1', 1, 'a'), cr('r2', 2, 'b')];
    expect(historiesToDelete(old, 1, new Set(['a']))).toEqual(['r2', 'r3']);
    expect(historiesToDelete(old, 3, new Set())).toEqual([]);
  });
});
