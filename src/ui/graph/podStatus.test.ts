import { describe, expect, it } from 'vitest';
import { podStatusText } from './podStatus';
import { makePod } from './fixtures';

const cs = (state: Record<string, unknown>, ready = false) => ({
  name: 'c',
  ready,
  restartCount: 0,
  image: 'x',
  imageID: '',
  state,
});

describe('podStatusText (kubectl get pods STATUS)', () => {
  it.each([
    { name: 'phase when nothing else', status: { phase: 'Pending' }, expected: 'Pending' },
    {
      name: 'status.reason wins over phase',
      status: { phase: 'Failed', reason: 'Evicted' },
      expected: 'Evicted',
    },
    {
      name: 'waiting reason',
      status: { phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] },
      expected: 'ContainerCreating',
    },
    {
      name: 'terminated reason',
      status: {
        phase: 'Succeeded',
        containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })],
      },
      expected: 'Completed',
    },
    {
      name: 'terminated without reason shows exit code',
      status: { phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 2 } })] },
      expected: 'ExitCode:2',
    },
    {
      name: 'terminated by signal',
      status: { phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 137, signal: 9 } })] },
      expected: 'Signal:9',
    },
    {
      name: 'init container waiting',
      status: { phase: 'Pending', initContainerStatuses: [cs({ waiting: { reason: 'ImagePullBackOff' } })] },
      expected: 'Init:ImagePullBackOff',
    },
    {
      name: 'init container progress',
      status: {
        phase: 'Pending',
        initContainerStatuses: [cs({ terminated: { exitCode: 0 } }), cs({ running: {} })],
      },
      expected: 'Init:1/2',
    },
    {
      name: 'gated pod',
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      },
      expected: 'SchedulingGated',
    },
  ])('$name', ({ status, expected }) => {
    expect(podStatusText(makePod('p', { status }))).toBe(expected);
  });

  it('a deleting pod that has not finished is Terminating; a finished one keeps its status', () => {
    expect(podStatusText(makePod('p', { status: { phase: 'Running' }, deleting: true }))).toBe('Terminating');
    expect(podStatusText(makePod('p', { status: { phase: 'Succeeded' }, deleting: true }))).toBe('Succeeded');
  });
});
