// Table tests of the taints the node lifecycle controller wants for a node's conditions.
import { describe, expect, it } from 'vitest';
import { desiredNoExecuteKey, desiredNoScheduleKeys, reconcileTaints } from './taints';
import { conditionsGoneUnknown } from './nodeHealth';

const NOW = '2025-01-01T00:01:00Z';

describe('reconcileTaints', () => {
  it.each([
    { name: 'healthy node, no change', current: [], ready: 'True', want: undefined },
    {
      name: 'unreachable',
      current: [],
      ready: 'Unknown',
      want: ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'],
    },
    {
      name: 'unreachable -> not-ready swaps the taints',
      current: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: NOW },
      ],
      ready: 'False',
      want: ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute'],
    },
    {
      name: 'recovered: only foreign taints stay',
      current: [
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: NOW },
      ],
      ready: 'True',
      want: ['dedicated:NoSchedule'],
    },
  ])('$name', ({ current, ready, want }) => {
    const next = reconcileTaints(
      current,
      desiredNoScheduleKeys([{ type: 'Ready', status: ready }], false),
      desiredNoExecuteKey(ready),
      NOW,
    );
    expect(next?.map((t) => `${t.key}:${t.effect}`)).toEqual(want);
  });

  it('adds pressure and unschedulable NoSchedule taints', () => {
    const keys = desiredNoScheduleKeys(
      [
        { type: 'Ready', status: 'True' },
        { type: 'MemoryPressure', status: 'True' },
        { type: 'DiskPressure', status: 'False' },
      ],
      true,
    );
    expect([...keys].sort()).toEqual([
      'node.kubernetes.io/memory-pressure',
      'node.kubernetes.io/unschedulable',
    ]);
  });
});

describe('conditionsGoneUnknown', () => {
  it('sets the four kubelet conditions Unknown once, keeping other conditions', () => {
    const conds = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'].map(
      (type) => ({
        type,
        status: type === 'Ready' ? 'True' : 'False',
      }),
    );
    const next = conditionsGoneUnknown(conds, NOW);
    expect(next?.filter((c) => c.status === 'Unknown').map((c) => c.type)).toEqual([
      'Ready',
      'MemoryPressure',
      'DiskPressure',
      'PIDPressure',
    ]);
    expect(next?.find((c) => c.type === 'Ready')).toMatchObject({
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastTransitionTime: NOW,
    });
    expect(conditionsGoneUnknown(next ?? [], NOW)).toBeUndefined();
  });
});
