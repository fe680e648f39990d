// lifecycleAction: what MonitorNodes does with one node given its Ready condition and the cloud's view.
import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { CloudView, LifecycleAction } from './plan';
import { lifecycleAction, withShutdownTaint } from './plan';

const shutdownTaint = { key: 'node.cloudprovider.kubernetes.io/shutdown', effect: 'NoSchedule' };
const uninit = { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' };
const node = (ready: string | undefined, spec: Node['spec'] = { providerID: 'p' }): Node => ({
  metadata: { name: 'n' },
  spec,
  status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [] },
});
const running: CloudView = { exists: true, shutdown: false };
const stopped: CloudView = { exists: true, shutdown: true };
const gone: CloudView = { exists: false, shutdown: false };

describe('lifecycleAction', () => {
  const cases: Array<{
    name: string;
    node: Node;
    ageMs: number;
    cloud: CloudView;
    expected: LifecycleAction;
  }> = [
    { name: 'ready node, nothing to do', node: node('True'), ageMs: 0, cloud: gone, expected: 'none' },
    {
      name: 'ready again: the shutdown taint comes off',
      node: node('True', { providerID: 'p', taints: [shutdownTaint] }),
      ageMs: 0,
      cloud: running,
      expected: 'remove-shutdown-taint',
    },
    {
      name: 'unknown, instance gone: delete',
      node: node('Unknown'),
      ageMs: 0,
      cloud: gone,
      expected: 'delete',
    },
    {
      name: 'NotReady, instance gone: delete',
      node: node('False'),
      ageMs: 0,
      cloud: gone,
      expected: 'delete',
    },
    {
      name: 'no Ready condition counts as Unknown',
      node: node(undefined),
      ageMs: 0,
      cloud: gone,
      expected: 'delete',
    },
    {
      name: 'unknown, shut down: taint',
      node: node('Unknown'),
      ageMs: 0,
      cloud: stopped,
      expected: 'add-shutdown-taint',
    },
    {
      name: 'already tainted shut down',
      node: node('Unknown', { providerID: 'p', taints: [shutdownTaint] }),
      ageMs: 0,
      cloud: stopped,
      expected: 'none',
    },
    {
      name: 'unknown, instance running: nothing',
      node: node('Unknown'),
      ageMs: 0,
      cloud: running,
      expected: 'none',
    },
    {
      name: 'uninitialized for under a minute: wait',
      node: node('Unknown', { taints: [uninit] }),
      ageMs: 59_000,
      cloud: gone,
      expected: 'none',
    },
    {
      name: 'uninitialized for a minute: checked like any other',
      node: node('Unknown', { taints: [uninit] }),
      ageMs: 60_000,
      cloud: gone,
      expected: 'delete',
    },
  ];
  for (const c of cases) it(c.name, () => expect(lifecycleAction(c.node, c.ageMs, c.cloud)).toBe(c.expected));
});

describe('withShutdownTaint', () => {
  it('adds the taint after the others, removes only it, and reports no change as undefined', () => {
    const gpu = { key: 'gpu', effect: 'NoSchedule' };
    expect(withShutdownTaint([gpu], true)).toEqual([gpu, shutdownTaint]);
    expect(withShutdownTaint([gpu, shutdownTaint], false)).toEqual([gpu]);
    expect(withShutdownTaint([gpu], false)).toBeUndefined();
    expect(withShutdownTaint([shutdownTaint], true)).toBeUndefined();
  });
});
