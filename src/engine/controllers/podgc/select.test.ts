// Table tests of PodGC's selection logic (gc_controller_test.go style): which pods a pass deletes, in what order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import {
  failedStatus,
  NodeQuarantine,
  orphanCondition,
  terminatedToDelete,
  terminatingOnOutOfServiceNodes,
  unscheduledTerminating,
} from './select';

const pod = (
  name: string,
  over: { phase?: string; reason?: string; created?: string; node?: string; deleting?: boolean } = {},
): Pod => ({
  metadata: {
    name,
    namespace: 'default',
    creationTimestamp: over.created ?? '2025-01-01T00:00:00Z',
    ...(over.deleting ? { deletionTimestamp: '2025-01-01T00:01:00Z' } : {}),
  },
  spec: { containers: [], ...(over.node ? { nodeName: over.node } : {}) },
  status: { phase: over.phase ?? 'Running', ...(over.reason ? { reason: over.reason } : {}) },
});
const names = (pods: readonly Pod[]) => pods.map((p) => p.metadata?.name);

describe('terminatedToDelete (gcTerminated)', () => {
  const rows: { name: string; pods: Pod[]; threshold: number; expected: string[] }[] = [
    {
      name: 'under threshold: nothing',
      pods: [pod('a', { phase: 'Failed' }), pod('b', { phase: 'Succeeded' })],
      threshold: 2,
      expected: [],
    },
    {
      name: 'over threshold: oldest first',
      pods: [
        pod('a', { phase: 'Failed', created: '2025-01-01T00:00:03Z' }),
        pod('b', { phase: 'Succeeded', created: '2025-01-01T00:00:01Z' }),
        pod('c', { phase: 'Failed', created: '2025-01-01T00:00:02Z' }),
      ],
      threshold: 1,
      expected: ['b', 'c'],
    },
    {
      name: 'evicted pods go first, names break ties',
      pods: [
        pod('z', { phase: 'Failed', created: '2025-01-01T00:00:01Z' }),
        pod('y', { phase: 'Failed', reason: 'Evicted', created: '2025-01-01T00:00:09Z' }),
        pod('b', { phase: 'Succeeded', created: '2025-01-01T00:00:01Z' }),
      ],
      threshold: 1,
      expected: ['y', 'b'],
    },
    {
      name: 'Pending, Running and Unknown pods are not terminated',
      pods: [
        pod('p', { phase: 'Pending' }),
        pod('r'),
        pod('u', { phase: 'Unknown' }),
        pod('f', { phase: 'Failed' }),
      ],
      threshold: 0,
      expected: [],
    },
    {
      name: 'threshold counts only terminated pods',
      pods: [pod('r1'), pod('r2'), pod('f', { phase: 'Failed' }), pod('s', { phase: 'Succeeded' })],
      threshold: 1,
      expected: ['f'],
    },
  ];
  it.each(rows)('$name', ({ pods, threshold, expected }) =>
    expect(names(terminatedToDelete(pods, threshold))).toEqual(expected),
  );

  it('always leaves exactly min(threshold, terminated) terminated pods', () => {
    const phases = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...phases), { maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (ps, t) => {
          const pods = ps.map((phase, i) => pod(`p${i}`, { phase }));
          const terminated = ps.filter((p) => p === 'Succeeded' || p === 'Failed').length;
          const del = terminatedToDelete(pods, t);
          expect(del.length).toBe(Math.max(0, terminated - t));
          expect(del.every((p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')).toBe(
            true,
          );
        },
      ),
    );
  });
});

const node = (name: string, ready: string, taints: string[]): Node => ({
  metadata: { name },
  spec: { taints: taints.map((key) => ({ key, effect: 'NoExecute' })) },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});

describe('terminatingOnOutOfServiceNodes (gcTerminating)', () => {
  const OOS = 'node.kubernetes.io/out-of-service';
  const nodes = new Map<string, Node>([
    ['down-oos', node('down-oos', 'Unknown', ['node.kubernetes.io/unreachable', OOS])],
    ['down', node('down', 'Unknown', ['node.kubernetes.io/unreachable'])],
    ['up-oos', node('up-oos', 'True', [OOS])],
  ]);
  const rows: { name: string; pod: Pod; expected: boolean }[] = [
    {
      name: 'terminating on a NotReady out-of-service node',
      pod: pod('a', { node: 'down-oos', deleting: true }),
      expected: true,
    },
    { name: 'not terminating', pod: pod('b', { node: 'down-oos' }), expected: false },
    {
      name: 'NotReady but no out-of-service taint',
      pod: pod('c', { node: 'down', deleting: true }),
      expected: false,
    },
    { name: 'tainted but Ready', pod: pod('d', { node: 'up-oos', deleting: true }), expected: false },
    { name: 'node not found', pod: pod('e', { node: 'gone', deleting: true }), expected: false },
  ];
  it.each(rows)('$name', ({ pod: p, expected }) =>
    expect(terminatingOnOutOfServiceNodes([p], (n) => nodes.get(n)).length === 1).toBe(expected),
  );
});

describe('unscheduledTerminating (gcUnscheduledTerminating)', () => {
  it('selects terminating pods without a node only', () => {
    const pods = [pod('a', { deleting: true }), pod('b', { deleting: true, node: 'n1' }), pod('c')];
    expect(names(unscheduledTerminating(pods))).toEqual(['a']);
  });
});

describe('failedStatus (markFailedAndDeletePodWithCondition)', () => {
  const cond = orphanCondition('2025-01-01T00:05:00Z');
  const old: PodCondition = {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'X',
    lastTransitionTime: '2025-01-01T00:01:00Z',
  };
  const rows: {
    name: string;
    phase: string;
    conditions: PodCondition[];
    expected: PodCondition[] | undefined | 'skip';
  }[] = [
    { name: 'running pod: Failed plus the condition', phase: 'Running', conditions: [], expected: [cond] },
    {
      name: 'same condition status keeps its transition time',
      phase: 'Running',
      conditions: [old],
      expected: [{ ...cond, lastTransitionTime: '2025-01-01T00:01:00Z' }],
    },
    { name: 'already Succeeded: no status change', phase: 'Succeeded', conditions: [], expected: 'skip' },
    { name: 'already Failed: no status change', phase: 'Failed', conditions: [], expected: 'skip' },
  ];
  it.each(rows)('$name', ({ phase, conditions, expected }) => {
    const s = failedStatus({ phase, conditions }, cond);
    if (expected === 'skip') expect(s).toBeUndefined();
    else expect(s).toEqual({ phase: 'Failed', conditions: expected });
  });
  it('orphan condition text is the one podgc sets', () =>
    expect(cond).toMatchObject({
      type: 'DisruptionTarget',
      reason: 'DeletionByPodGC',
      message: 'PodGC: node no longer exists',
    }));
});

describe('NodeQuarantine', () => {
  it('releases a name only after its first ready time, and only once', () => {
    const q = new NodeQuarantine();
    q.addAfter('node-2', 40_000);
    q.addAfter('node-2', 60_000); // a later AddAfter keeps the earlier time
    expect(q.takeReady(39_999)).toEqual([]);
    expect(q.takeReady(40_000)).toEqual(['node-2']);
    expect(q.takeReady(100_000)).toEqual([]);
  });
});
