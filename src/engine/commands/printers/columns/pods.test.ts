// Pod STATUS/READY/RESTARTS table tests, modelled on printers_test.go TestPrintPod.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../types/object';
import { podPrinter } from './pods';

const MIN = 60_000;
const pod = (over: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z', ...meta },
  spec: {
    containers: [
      { name: 'a', image: 'nginx' },
      { name: 'b', image: 'busybox' },
    ],
  },
  ...over,
});
const running = { running: { startedAt: '2025-01-01T00:00:00Z' } };

describe('podPrinter', () => {
  const rows: { name: string; obj: KubeObject; want: string[] }[] = [
    {
      name: 'pending, no statuses',
      obj: pod({ status: { phase: 'Pending' } }),
      want: ['web-1', '0/2', 'Pending', '0', '10m'],
    },
    {
      name: 'running, one ready, restarts with last termination',
      obj: pod({
        status: {
          phase: 'Running',
          containerStatuses: [
            {
              name: 'a',
              ready: true,
              restartCount: 3,
              state: running,
              lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T00:05:00Z' } },
            },
            { name: 'b', ready: false, restartCount: 0, state: running },
          ],
        },
      }),
      want: ['web-1', '1/2', 'Running', '3 (5m ago)', '10m'],
    },
    {
      name: 'waiting reason wins',
      obj: pod({
        status: {
          phase: 'Pending',
          containerStatuses: [
            { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
            { name: 'b', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } } },
          ],
        },
      }),
      want: ['web-1', '0/2', 'ContainerCreating', '5', '10m'],
    },
    {
      name: 'completed',
      obj: pod({
        status: {
          phase: 'Succeeded',
          containerStatuses: [
            {
              name: 'a',
              ready: false,
              restartCount: 0,
              state: { terminated: { exitCode: 0, reason: 'Completed' } },
            },
            {
              name: 'b',
              ready: false,
              restartCount: 0,
              state: { terminated: { exitCode: 0, reason: 'Completed' } },
            },
          ],
        },
      }),
      want: ['web-1', '0/2', 'Completed', '0', '10m'],
    },
    {
      name: 'terminated without reason: ExitCode',
      obj: pod({
        status: {
          phase: 'Failed',
          containerStatuses: [
            { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } },
          ],
        },
      }),
      want: ['web-1', '0/2', 'ExitCode:2', '0', '10m'],
    },
    {
      name: 'terminating',
      obj: pod({ status: { phase: 'Running' } }, { deletionTimestamp: '2025-01-01T00:09:00Z' }),
      want: ['web-1', '0/2', 'Terminating', '0', '10m'],
    },
    {
      name: 'init container still running',
      obj: pod({
        spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'a' }] },
        status: {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: running }],
          containerStatuses: [
            { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
          ],
        },
      }),
      want: ['web-1', '0/1', 'Init:0/1', '0', '10m'],
    },
    {
      name: 'init container crash looping',
      obj: pod({
        spec: { initContainers: [{ name: 'init' }], containers: [{ name: 'a' }] },
        status: {
          phase: 'Pending',
          initContainerStatuses: [
            {
              name: 'init',
              ready: false,
              restartCount: 2,
              state: { waiting: { reason: 'CrashLoopBackOff' } },
            },
          ],
        },
      }),
      want: ['web-1', '0/1', 'Init:CrashLoopBackOff', '2', '10m'],
    },
  ];
  for (const r of rows) {
    it(r.name, () =>
      expect(podPrinter.row(r.obj, { nowMs: 10 * MIN, wide: false }).slice(0, 5)).toEqual(r.want),
    );
  }

  it('wide cells: IP NODE NOMINATED NODE READINESS GATES', () => {
    const p = pod({
      spec: { containers: [], nodeName: 'node-1' },
      status: { podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }] },
    });
    expect(podPrinter.row(p, { nowMs: 0, wide: true }).slice(5)).toEqual([
      '10.244.1.5',
      'node-1',
      '<none>',
      '<none>',
    ]);
  });
});
