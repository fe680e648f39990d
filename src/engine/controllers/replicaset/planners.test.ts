// Tables for the pure planners: getPodsToDelete and calculateStatus.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { toRfc3339 } from '../../sim/clock';
import { getPodsToDelete } from './podsToDelete';
import { calculateStatus } from './status';

const NOW = 1_000_000_000;
function pod(name: string, node: string, phase: string, ready: boolean, labels = { app: 'web' }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: name, labels, creationTimestamp: toRfc3339(NOW - 3_600_000) },
    spec: { nodeName: node },
    status: {
      phase,
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: toRfc3339(NOW - 60_000) },
      ],
    },
  };
}

describe('getPodsToDelete', () => {
  const p1 = pod('p1', '', 'Pending', false);
  const p2 = pod('p2', 'n1', 'Running', false);
  const p3 = pod('p3', 'n1', 'Running', true);
  const p4 = pod('p4', 'n2', 'Running', true);
  const p5 = pod('p5', 'n2', 'Running', true);
  it.each([
    {
      name: 'replicas 3 of 5: unscheduled and not-ready go first',
      pods: [p5, p4, p3, p2, p1],
      diff: 2,
      want: ['p1', 'p2'],
    },
    {
      name: 'ready pods: the node with more related pods loses one first',
      pods: [p3, p4, p5],
      diff: 1,
      want: ['p4'],
    },
    { name: 'all of them', pods: [p3, p4], diff: 2, want: ['p3', 'p4'] },
  ])('$name', ({ pods, diff, want }) => {
    const got = getPodsToDelete(pods, pods, diff, NOW).map((p) => p.metadata.name);
    if (want.length === pods.length) expect(got.sort()).toEqual(want);
    else expect(got).toEqual(want);
  });
});

describe('calculateStatus', () => {
  const base = {
    templateLabels: { app: 'web', tier: 'fe' },
    replicas: 3,
    minReadySeconds: 0,
    generation: 4,
    current: undefined,
    manageError: undefined,
    nowMs: NOW,
    nowRfc3339: toRfc3339(NOW),
  };
  it('counts fully labeled, ready and available pods', () => {
    const pods = [
      pod('a', 'n', 'Running', true, { app: 'web', tier: 'fe' } as { app: string }),
      pod('b', 'n', 'Running', false),
    ];
    expect(calculateStatus({ ...base, pods })).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 4,
    });
  });
  it('minReadySeconds longer than the time ready: ready but not available', () => {
    const s = calculateStatus({ ...base, minReadySeconds: 120, pods: [pod('a', 'n', 'Running', true)] });
    expect(s.readyReplicas).toBe(1);
    expect(s.availableReplicas).toBeUndefined();
  });
  it('a create error adds ReplicaFailure/FailedCreate; success removes it', () => {
    const s = calculateStatus({
      ...base,
      pods: [],
      manageError: 'pods "web-x" is forbidden: exceeded quota',
    });
    expect(s.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: toRfc3339(NOW),
        reason: 'FailedCreate',
        message: 'pods "web-x" is forbidden: exceeded quota',
      },
    ]);
    expect(calculateStatus({ ...base, pods: [], current: s }).conditions).toBeUndefined();
  });
});
