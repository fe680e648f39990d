// ContainerLogs keeps what the kubelet's container GC keeps (MaxPerPodContainer 1): the running instance of a
// container and the one before it, until the pod goes.
import { describe, expect, it } from 'vitest';
import { ContainerLogs } from './containerLogs';

describe('ContainerLogs', () => {
  it('keeps the current and the previous instance of a container, and forgets a pod entirely', () => {
    const logs = new ContainerLogs();
    for (const id of ['c1', 'c2', 'c3']) {
      logs.write('pod-uid', 'app', id, 0, `hello from ${id}`);
      logs.write('pod-uid', 'app', id, 1, `bye from ${id}`);
    }
    logs.write('pod-uid', 'side', 's1', 0, 'sidecar');
    expect(logs.read('c1')).toEqual([]);
    expect(logs.read('c2').map((l) => l.text)).toEqual(['hello from c2', 'bye from c2']);
    expect(logs.read('c3').map((l) => l.text)).toEqual(['hello from c3', 'bye from c3']);
    logs.forgetPod('pod-uid', ['app', 'side']);
    expect([logs.read('c2'), logs.read('c3'), logs.read('s1')]).toEqual([[], [], []]);
  });
  it('tells followers each new line', () => {
    const logs = new ContainerLogs();
    const seen: string[] = [];
    const off = logs.onWrite((id, l) => seen.push(`${id}:${l.text}`));
    logs.write('p', 'app', 'c1', 5, 'one');
    off();
    logs.write('p', 'app', 'c1', 6, 'two');
    expect(seen).toEqual(['c1:one']);
  });
});
