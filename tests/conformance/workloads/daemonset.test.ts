// DaemonSet conformance through kubectl and sim: one pod per eligible node, and a new node gets its own pod.
import { describe, expect, it } from 'vitest';
import { Harness } from './harness';

const ds = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: busybox:1.36 }]
`;

function nodesOfPods(h: Harness): string[] {
  return h
    .pods('app=agent')
    .map((p) => p.spec.nodeName ?? '<none>')
    .sort();
}

describe('DaemonSet', () => {
  it('runs one pod per eligible node (not on the tainted control plane) and follows new nodes', () => {
    const h = new Harness({ seed: 51 });
    h.run('sim settle');
    h.apply(ds);
    h.settle();
    // control-plane carries node-role.kubernetes.io/control-plane:NoSchedule, which this pod does not tolerate
    expect(nodesOfPods(h)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(h.pods('app=agent').every((p) => p.status?.phase === 'Running')).toBe(true);
    expect(h.run('kubectl get ds agent').stdout).toMatch(/agent\s+3\s+3\s+3\s+3\s+3\s/);
    h.run('sim node add node-4');
    h.settle();
    expect(nodesOfPods(h)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(h.run('kubectl get ds agent').stdout).toMatch(/agent\s+4\s+4\s+4\s+4\s+4\s/);
  });
});
