// ReplicaSet conformance through kubectl: keeps N pods, adopts matching orphans, and scales down unscheduled and
// not-ready pods first (reference section 2, controller_utils.go ActivePodsWithRanks).
import { describe, expect, it } from 'vitest';
import { Harness, isReady, names } from './harness';

const rsYaml = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { tier: frontend }
  template:
    metadata:
      labels: { tier: frontend }
    spec:
      containers:
        - name: php
          image: nginx:1.27
`;

/** a bare pod matching the ReplicaSet's selector; notReady: its readiness probe never succeeds */
const strayPod = (name: string, notReady: boolean) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: { tier: frontend }
${notReady ? '  annotations: { kubesim.io/readiness: fail }\n' : ''}spec:
  containers:
    - name: php
      image: nginx:1.27
${notReady ? '      readinessProbe: { httpGet: { path: /, port: 80 } }\n' : ''}`;

function start(seed: number, replicas: number): Harness {
  const h = new Harness({ seed });
  h.run('sim settle');
  h.apply(rsYaml(replicas));
  h.settle();
  return h;
}

describe('ReplicaSet', () => {
  it('keeps N pods: a deleted pod is replaced by a new one', () => {
    const h = start(11, 3);
    const before = names(h.pods('tier=frontend'));
    h.run(`kubectl delete pod ${before[0] ?? ''}`);
    h.settle();
    const after = h.pods('tier=frontend');
    expect(after).toHaveLength(3);
    expect(after.every(isReady)).toBe(true);
    expect(names(after)).not.toContain(before[0]);
    expect(h.run('kubectl get rs frontend').stdout).toMatch(/frontend\s+3\s+3\s+3\s/);
  });

  it('adopts a matching orphan pod instead of creating a third one', () => {
    const h = new Harness({ seed: 12 });
    h.run('sim settle');
    h.apply(strayPod('stray', false));
    h.settle();
    expect(h.get('pod', 'stray')?.metadata.ownerReferences ?? []).toEqual([]);
    h.apply(rsYaml(3));
    h.settle();
    const pods = h.pods('tier=frontend');
    expect(pods).toHaveLength(3);
    expect(names(pods)).toContain('stray');
    const stray = h.get('pod', 'stray');
    expect(stray?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'ReplicaSet',
      name: 'frontend',
      controller: true,
    });
    expect(
      pods.filter((p) => p.metadata.name !== 'stray').every((p) => p.metadata.name?.startsWith('frontend-')),
    ).toBe(true);
  });

  it('scales down unscheduled pods before running ones', () => {
    const h = start(13, 3);
    const running = names(h.pods('tier=frontend'));
    h.run('kubectl cordon node-1 node-2 node-3');
    h.run('kubectl scale rs frontend --replicas=5');
    h.advance(5000);
    const pending = h.pods('tier=frontend').filter((p) => !running.includes(p.metadata.name ?? ''));
    expect(pending).toHaveLength(2);
    for (const p of pending) {
      expect(p.spec.nodeName).toBeUndefined();
      expect(p.status?.phase).toBe('Pending');
    }
    h.run('kubectl scale rs frontend --replicas=3');
    h.settle();
    expect(names(h.pods('tier=frontend'))).toEqual(running);
  });

  it('scales down a not-ready pod before ready ones (an adopted not-ready pod makes one too many)', () => {
    const h = start(14, 3);
    const ready = names(h.pods('tier=frontend'));
    h.apply(strayPod('stray', true));
    // the stray pod is adopted (4 > 3); it is Running but not Ready, so it is the one deleted
    h.settle();
    expect(names(h.pods('tier=frontend'))).toEqual(ready);
    expect(h.get('pod', 'stray')).toBeUndefined();
    const events = h.run('kubectl get events --field-selector involvedObject.name=frontend').stdout;
    expect(events).toContain('Deleted pod: stray');
  });

  it("ranks an ownerless ReplicaSet's pods without co-location (getIndirectlyRelatedPods is empty)", () => {
    // two pods Ready early on node-1, a third Ready an hour later alone on node-2 (placed by cordoning)
    const h = new Harness({ seed: 15 });
    h.run('sim settle');
    h.run('kubectl cordon node-2 node-3');
    h.apply(rsYaml(2));
    h.settle();
    h.advance(3_600_000);
    h.run('kubectl uncordon node-2');
    h.run('kubectl cordon node-1');
    h.run('kubectl scale rs frontend --replicas=3');
    h.settle();
    h.advance(20_000);
    const pods = h.pods('tier=frontend');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['node-1', 'node-1', 'node-2']);
    const late = pods.find((p) => p.spec.nodeName === 'node-2');
    // with co-located ranks the node-1 pods (rank 2) would go first; without, the most recently Ready one does
    h.run('kubectl scale rs frontend --replicas=2');
    h.settle();
    expect(h.pods('tier=frontend').map((p) => p.spec.nodeName)).toEqual(['node-1', 'node-1']);
    expect(names(h.pods('tier=frontend'))).not.toContain(late?.metadata.name);
  });
});
