// End to end: a pod pinned to one node by matchFields (as DaemonSet pods are) is only filtered on that node; its
// FailedScheduling event, PodScheduled condition and `sim explain` count the other nodes as real Kubernetes does.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../index';
import { createScheduler } from './scheduler';

const pinnedPod = (name: string, node: string, cpu: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchFields:
          - key: metadata.name
            operator: In
            values: [${node}]
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: ${cpu}
`;

function setup() {
  const c = createCluster({ nodes: 3, controlPlane: false });
  c.runtime.addComponent(createScheduler());
  return c;
}

describe('PreFilterResult narrowing end to end', () => {
  it('schedules a pinned pod on its node', () => {
    const c = setup();
    expect(c.run('kubectl apply -f -', pinnedPod('ds-a', 'node-2', '100m')).code).toBe(0);
    c.run('sim settle');
    const pod = c.runtime.api.get('pods', 'default', 'ds-a') as unknown as Pod;
    expect(pod.spec?.nodeName).toBe('node-2');
  });

  it('reports the other nodes as not satisfying NodeAffinity when the pinned node is full', () => {
    const c = setup();
    c.run('kubectl apply -f -', pinnedPod('filler', 'node-1', '3'));
    c.run('sim settle');
    c.run('kubectl apply -f -', pinnedPod('ds-b', 'node-1', '2'));
    c.run('sim settle');
    const pod = c.runtime.api.get('pods', 'default', 'ds-b') as unknown as Pod;
    const cond = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
    const expected =
      "0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
      'no new claims to deallocate, preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.';
    expect(cond?.message).toBe(expected);
    const describe = c.run('kubectl describe pod ds-b').stdout;
    expect(describe).toContain("3 node(s) didn't satisfy plugin(s) [NodeAffinity]");
    const explain = c.run('sim explain pod/ds-b').stdout;
    expect(explain).toMatch(/node-1\s+failed\s+NodeResourcesFit\s+Insufficient cpu/);
    expect(explain).toMatch(/node-2\s+failed\s+.*node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]/);
    expect(explain).not.toContain('not evaluated');
  });
});
