// Table tests of the taints the node lifecycle controller wants for a node's conditions, and its taint list operations.
import { describe, expect, it } from 'vitest';
import type { NodeTaint } from './taints';
import {
  addOrUpdateTaints,
  controllerNoScheduleTaints,
  NOT_READY_TAINT,
  noScheduleTaintsFor,
  removeTaints,
  taintSetDiff,
  UNREACHABLE_TAINT,
} from './taints';
import { conditionsGoneUnknown } from './nodeHealth';

const NOW = '2025-01-01T00:01:00Z';
const CREATED = '2025-01-01T00:00:00Z';
const str = (ts: readonly NodeTaint[] | undefined) => ts?.map((t) => `${t.key}:${t.effect}`);

describe('doNoScheduleTaintingPass planning', () => {
  it.each([
    { name: 'healthy node, no change', current: [], ready: 'True', add: [], remove: [] },
    {
      name: 'unreachable',
      current: [],
      ready: 'Unknown',
      add: ['node.kubernetes.io/unreachable:NoSchedule'],
      remove: [],
    },
    {
      name: 'unreachable -> not-ready swaps the NoSchedule taint (NoExecute is not this pass)',
      current: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: NOW },
      ],
      ready: 'False',
      add: ['node.kubernetes.io/not-ready:NoSchedule'],
      remove: ['node.kubernetes.io/unreachable:NoSchedule'],
    },
    {
      name: 'recovered: foreign taints are not the controller’s',
      current: [
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      ],
      ready: 'True',
      add: [],
      remove: ['node.kubernetes.io/not-ready:NoSchedule'],
    },
  ])('$name', ({ current, ready, add, remove }) => {
    const want = noScheduleTaintsFor([{ type: 'Ready', status: ready }], false);
    const diff = taintSetDiff(want, controllerNoScheduleTaints(current));
    expect(str(diff.add)).toEqual(add);
    expect(str(diff.remove)).toEqual(remove);
  });

  it('adds pressure and unschedulable NoSchedule taints', () => {
    const want = noScheduleTaintsFor(
      [
        { type: 'Ready', status: 'True' },
        { type: 'MemoryPressure', status: 'True' },
        { type: 'DiskPressure', status: 'False' },
      ],
      true,
    );
    expect(str(want)).toEqual([
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });
});

describe('taint list operations (pkg/util/taints)', () => {
  const base: NodeTaint[] = [
    { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: CREATED },
  ];
  it.each([
    {
      name: 'AddOrUpdateTaint appends a new taint',
      run: () => addOrUpdateTaints(base, [{ ...NOT_READY_TAINT, timeAdded: NOW }]),
      want: [
        'dedicated:NoSchedule',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/not-ready:NoExecute',
      ],
    },
    {
      name: 'AddOrUpdateTaint replaces a differing match in place',
      run: () => addOrUpdateTaints(base, [{ ...UNREACHABLE_TAINT, timeAdded: NOW }]),
      want: ['dedicated:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'],
    },
    {
      name: 'AddOrUpdateTaint of an identical taint changes nothing',
      run: () => addOrUpdateTaints(base, [{ ...UNREACHABLE_TAINT, timeAdded: CREATED }]),
      want: undefined,
    },
    {
      name: 'RemoveTaint matches key and effect',
      run: () => removeTaints(base, [UNREACHABLE_TAINT]),
      want: ['dedicated:NoSchedule'],
    },
    {
      name: 'RemoveTaint of an absent taint',
      run: () => removeTaints(base, [NOT_READY_TAINT]),
      want: undefined,
    },
  ])('$name', ({ run, want }) => {
    expect(str(run())).toEqual(want);
  });

  it('replacing keeps the new timeAdded', () => {
    const next = addOrUpdateTaints(base, [{ ...UNREACHABLE_TAINT, timeAdded: NOW }]);
    expect(next?.[1]?.timeAdded).toBe(NOW);
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
    const next = conditionsGoneUnknown(conds, NOW, CREATED);
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
    expect(conditionsGoneUnknown(next ?? [], NOW, CREATED)).toBeUndefined();
  });

  it('adds a never-posted condition with lastHeartbeatTime = the node creationTimestamp', () => {
    const next = conditionsGoneUnknown([], NOW, CREATED);
    expect(next?.map((c) => c.type)).toEqual(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']);
    expect(next?.[0]).toEqual({
      type: 'Ready',
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      lastHeartbeatTime: CREATED,
      lastTransitionTime: NOW,
    });
  });
});
