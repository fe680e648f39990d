// `sim node fail` + `sim node recover` power-cycle a machine: the node reboots (a new bootID, Rebooted, its kubelet
// starts again) and the pods still bound to it come back in new sandboxes, their containers new instances.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../index';
import {
  bindPod,
  clusterWithKubelet,
  eventsFor,
  kubeletNodeEvents,
  phaseOf,
  podOf,
  timeUntil,
} from './testSupport';
import type { PodOpts } from './testSupport';

const bootID = (c: Cluster, node: string) =>
  (c.runtime.api.get('nodes', undefined, node) as unknown as Node).status?.nodeInfo?.bootID ?? '';
const pod = (c: Cluster, name: string) => podOf(c, name) as unknown as Pod | undefined;

/** a pod running on node-1, then node-1 powered off for `downMs` and on again */
function powerCycled(name: string, opts: PodOpts = {}, downMs = 120_000): { c: Cluster; before: Pod } {
  const { cluster: c } = clusterWithKubelet();
  bindPod(c, name, 'node-1', opts);
  timeUntil(c, () => pod(c, name)?.status?.containerStatuses?.[0]?.state?.running !== undefined);
  c.runtime.sim.advance(5_000);
  const before = pod(c, name) as Pod;
  expect(c.run('sim node fail node-1').code).toBe(0);
  c.runtime.sim.advance(downMs);
  expect(c.run('sim node recover node-1').code).toBe(0);
  return { c, before };
}

describe('a power-cycled node reboots', () => {
  it('posts a new bootID at once, with Rebooted, a second kubelet start and the conditions back', () => {
    const { cluster: c } = clusterWithKubelet();
    const first = bootID(c, 'node-1');
    c.run('sim node fail node-1');
    c.runtime.sim.advance(120_000);
    expect(bootID(c, 'node-1')).toBe(first);
    c.run('sim node recover node-1');
    const after = timeUntil(c, () => bootID(c, 'node-1') !== first, 10_000);
    expect(after).toBeLessThanOrEqual(10_000);
    const second = bootID(c, 'node-1');
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    const events = kubeletNodeEvents(c, 'node-1');
    expect(events.find((e) => e.reason === 'Rebooted')).toMatchObject({
      type: 'Warning',
      message: `Node node-1 has been rebooted, boot id: ${second}`,
      involvedObject: { kind: 'Node', name: 'node-1', uid: 'node-1' },
    });
    expect(events.find((e) => e.reason === 'Starting')?.count).toBe(2);
    // the node controller had set every condition Unknown: the setters record each one coming back
    expect(events.find((e) => e.reason === 'NodeHasSufficientMemory')?.count).toBe(2);
    expect(events.find((e) => e.reason === 'NodeReady')?.message).toBe(
      'Node node-1 status is now: NodeReady',
    );
    // machineID and systemUUID belong to the machine, not the boot
    const info = (c.runtime.api.get('nodes', undefined, 'node-1') as unknown as Node).status?.nodeInfo;
    expect(info?.systemUUID).toBe(first);
  });

  it('a cloud console stop and start is a reboot too, however quick', () => {
    const c = createCluster({ seed: 4 });
    c.run('sim settle');
    const first = bootID(c, 'node-1');
    expect(c.run('sim cloud shutdown-instance node-1').code).toBe(0);
    expect(c.run('sim cloud start-instance node-1').code).toBe(0);
    timeUntil(c, () => bootID(c, 'node-1') !== first, 10_000);
    expect(kubeletNodeEvents(c, 'node-1').find((e) => e.reason === 'Rebooted')?.message).toBe(
      `Node node-1 has been rebooted, boot id: ${bootID(c, 'node-1')}`,
    );
  });

  it.each([
    { name: 'after two minutes off', downMs: 120_000 },
    { name: 'even when power comes back before a heartbeat noticed', downMs: 0 },
  ])('re-creates the sandbox of a pod still bound to it: $name', ({ downMs }) => {
    const { c, before } = powerCycled('web', {}, downMs);
    timeUntil(c, () => pod(c, 'web')?.status?.containerStatuses?.[0]?.restartCount === 1, 30_000);
    timeUntil(c, () => pod(c, 'web')?.status?.containerStatuses?.[0]?.ready === true, 30_000);
    const after = pod(c, 'web') as Pod;
    const cs = after.status?.containerStatuses?.[0];
    const old = before.status?.containerStatuses?.[0];
    expect(cs?.state?.running).toBeDefined();
    expect(cs?.containerID).not.toBe(old?.containerID);
    // containerd reports a container whose task died with the machine as exited 255, reason Unknown
    expect(cs?.lastState?.terminated).toMatchObject({
      exitCode: 255,
      reason: 'Unknown',
      containerID: old?.containerID,
      startedAt: old?.state?.running?.startedAt,
    });
    expect(after.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(after.status?.podIP).not.toBe(before.status?.podIP);
    expect(after.status?.phase).toBe('Running');
    expect(eventsFor(c, 'web').filter((e) => e.reason === 'SandboxChanged')).toEqual([
      { reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.' },
    ]);
    expect(bootID(c, 'node-1')).not.toBe('');
  });

  it('runs init containers again, each a new instance', () => {
    const { c } = powerCycled('init', { initContainers: 1 });
    timeUntil(c, () => pod(c, 'init')?.status?.containerStatuses?.[0]?.restartCount === 1, 30_000);
    const status = pod(c, 'init')?.status;
    expect(status?.initContainerStatuses?.[0]).toMatchObject({
      restartCount: 1,
      lastState: { terminated: { exitCode: 0, reason: 'Completed' } },
      state: { terminated: { exitCode: 0, reason: 'Completed' } },
    });
    expect(status?.conditions?.find((x) => x.type === 'Initialized')?.status).toBe('True');
  });

  it('gives a restartPolicy Never pod no new sandbox: it fails with the unknown exit', () => {
    const { c } = powerCycled('task', { restartPolicy: 'Never' });
    timeUntil(c, () => phaseOf(podOf(c, 'task')) === 'Failed', 30_000);
    const cs = pod(c, 'task')?.status?.containerStatuses?.[0];
    expect(cs).toMatchObject({
      restartCount: 0,
      state: { terminated: { exitCode: 255, reason: 'Unknown' } },
    });
    expect(eventsFor(c, 'task').map((e) => e.reason)).not.toContain('SandboxChanged');
  });

  it('finishes a deletion that came while the machine was off', () => {
    const { cluster: c } = clusterWithKubelet();
    bindPod(c, 'gone', 'node-1');
    timeUntil(c, () => phaseOf(podOf(c, 'gone')) === 'Running');
    c.run('sim node fail node-1');
    c.runtime.api.delete('pods', 'default', 'gone', {}, { actor: 'kubectl' });
    c.runtime.sim.advance(60_000);
    expect(podOf(c, 'gone')?.metadata.deletionTimestamp).toBeDefined();
    const terminal: string[] = [];
    c.runtime.api.watch('pods', 'default', {}, (e) => {
      const s = (e.object as unknown as Pod).status?.containerStatuses?.[0]?.state?.terminated;
      if (s) terminal.push(`${s.exitCode} ${s.reason}`);
    });
    c.run('sim node recover node-1');
    timeUntil(c, () => podOf(c, 'gone') === undefined, 30_000);
    expect(terminal[0]).toBe('255 Unknown');
    expect(eventsFor(c, 'gone').map((e) => e.reason)).not.toContain('SandboxChanged');
  });
});
