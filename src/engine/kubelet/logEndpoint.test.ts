// The kubelet's containerLogs endpoint: validateContainerLogStatus's table (which container instance a request reads,
// and the errors kubectl users know), the --timestamps format, and tailLines / sinceTime / limitBytes.
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { StatusError } from '../apiserver/types';
import { containerToRead, limitText, rfc3339Nano, selectLines } from './logEndpoint';

const pod = (cs: Partial<ContainerStatus>): Pod => ({
  metadata: { name: 'web' },
  status: {
    containerStatuses: [{ name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, ...cs }],
  },
});

function read(p: Pod, container: string, previous: boolean): string {
  try {
    return containerToRead(p, container, previous);
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    return `${e.status.reason}: ${e.status.message}`;
  }
}

describe('validateContainerLogStatus (kubelet_pods.go)', () => {
  const term = (id: string) => ({ terminated: { exitCode: 1, containerID: id } });
  it.each<[string, Pod, string, boolean, string]>([
    ['running: the running instance', pod({ containerID: 'c2', state: { running: {} } }), 'app', false, 'c2'],
    [
      'running after a restart: the running instance, not the last one',
      pod({ containerID: 'c2', state: { running: {} }, lastState: term('c1') }),
      'app',
      false,
      'c2',
    ],
    [
      'no such container status',
      pod({ state: { running: {} } }),
      'other',
      false,
      'BadRequest: container "other" in pod "web" is not available',
    ],
    [
      'previous: the last terminated instance',
      pod({ containerID: 'c2', state: { running: {} }, lastState: term('c1') }),
      'app',
      true,
      'c1',
    ],
    [
      'previous without one',
      pod({ containerID: 'c2', state: { running: {} } }),
      'app',
      true,
      'BadRequest: previous terminated container "app" in pod "web" not found',
    ],
    ['terminated: that instance', pod({ state: term('c3') }), 'app', false, 'c3'],
    [
      'terminated without an ID: the last one',
      pod({ state: term(''), lastState: term('c1') }),
      'app',
      false,
      'c1',
    ],
    [
      'terminated, nothing to read',
      pod({ state: term('') }),
      'app',
      false,
      'BadRequest: container "app" in pod "web" is terminated',
    ],
    [
      'waiting in back-off: the last instance',
      pod({ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: term('c1') }),
      'app',
      false,
      'c1',
    ],
    [
      'ContainerCreating',
      pod({ state: { waiting: { reason: 'ContainerCreating' } } }),
      'app',
      false,
      'BadRequest: container "app" in pod "web" is waiting to start: ContainerCreating',
    ],
    [
      'ErrImagePull',
      pod({ state: { waiting: { reason: 'ErrImagePull' } } }),
      'app',
      false,
      `BadRequest: container "app" in pod "web" is waiting to start: image can't be pulled`,
    ],
    [
      'ImagePullBackOff',
      pod({ state: { waiting: { reason: 'ImagePullBackOff' } } }),
      'app',
      false,
      'BadRequest: container "app" in pod "web" is waiting to start: trying and failing to pull image',
    ],
    [
      'no state at all',
      pod({}),
      'app',
      false,
      'BadRequest: container "app" in pod "web" is waiting to start - no logs yet',
    ],
  ])('%s', (_name, p, container, previous, want) => {
    expect(read(p, container, previous)).toBe(want);
  });
});

describe('log lines', () => {
  const lines = [0, 1500, 3000, 4000].map((t, i) => ({ timeMs: t, text: `line ${i}` }));
  it('prints --timestamps as RFC 3339 with the fraction trimmed, as Go RFC3339Nano does', () => {
    expect(rfc3339Nano(21_000)).toMatch(/T00:00:21Z$/);
    expect(rfc3339Nano(21_500)).toMatch(/T00:00:21\.5Z$/);
    expect(rfc3339Nano(21_012)).toMatch(/T00:00:21\.012Z$/);
    expect(rfc3339Nano(21_120)).toMatch(/T00:00:21\.12Z$/);
  });
  it.each<[string, Parameters<typeof selectLines>[1], string[]]>([
    ['everything', { container: 'c' }, ['line 0', 'line 1', 'line 2', 'line 3']],
    ['tail 2', { container: 'c', tailLines: 2 }, ['line 2', 'line 3']],
    ['tail 0', { container: 'c', tailLines: 0 }, []],
    ['tail -1 is everything', { container: 'c', tailLines: -1 }, ['line 0', 'line 1', 'line 2', 'line 3']],
    ['since 1.5s', { container: 'c', sinceMs: 1500 }, ['line 1', 'line 2', 'line 3']],
    ['since, then tail', { container: 'c', sinceMs: 1000, tailLines: 1 }, ['line 3']],
  ])('%s', (_name, opts, want) => {
    expect(selectLines(lines, opts).map((l) => l.text)).toEqual(want);
  });
  it('cuts the stream after limitBytes, mid-line if need be', () => {
    expect(limitText('line 0\nline 1\n', 9)).toBe('line 0\nli');
    expect(limitText('abc\n', undefined)).toBe('abc\n');
  });
});
