// `kubectl exec TYPE/NAME`: which pod a workload or Service stands for (GetFirstPod with reversed ActivePods).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';
import { moreActiveFirst } from './attachablePod';

function pod(name: string, o: { node?: string; phase?: string; ready?: boolean; created?: string }): Pod {
  return {
    metadata: { name, creationTimestamp: o.created ?? '2025-01-01T00:00:00Z' },
    spec: { containers: [], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Pending',
      conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False' }],
    },
  };
}

describe('moreActiveFirst', () => {
  it.each([
    { name: 'assigned before unassigned', a: pod('a', {}), b: pod('b', { node: 'n' }), first: 'b' },
    {
      name: 'Running before Pending',
      a: pod('a', { node: 'n' }),
      b: pod('b', { node: 'n', phase: 'Running' }),
      first: 'b',
    },
    {
      name: 'ready before not ready',
      a: pod('a', { node: 'n', phase: 'Running' }),
      b: pod('b', { node: 'n', phase: 'Running', ready: true }),
      first: 'b',
    },
    {
      name: 'older before newer',
      a: pod('a', { node: 'n', phase: 'Running', ready: true, created: '2025-01-01T00:05:00Z' }),
      b: pod('b', { node: 'n', phase: 'Running', ready: true, created: '2025-01-01T00:01:00Z' }),
      first: 'b',
    },
  ])('$name', ({ a, b, first }) => {
    expect([a, b].sort(moreActiveFirst)[0]?.metadata?.name).toBe(first);
  });
});

describe('kubectl exec TYPE/NAME', () => {
  it('runs in a pod of the Deployment, and says so when none exists', () => {
    const c = createCluster({ seed: 8 });
    c.run('kubectl create deployment web --image=nginx --replicas=2');
    c.run('sim settle');
    expect(
      c.run('kubectl exec deploy/web -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace').stdout,
    ).toBe('default');
    const host = c.run('kubectl exec deployment/web -- hostname').stdout.trim();
    expect(host).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
    c.run('kubectl scale deploy/web --replicas=0');
    c.run('sim settle');
    expect(c.run('kubectl exec deploy/web -- hostname').stderr).toBe(
      'error: timed out waiting for the condition\n',
    );
  });
});
