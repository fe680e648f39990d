// End-to-end preemption: a high-priority pod evicts a lower-priority one and lands on the freed node.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../index';
import { createScheduler } from './scheduler';

const pc = (name: string, value: number) => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: ${name}
value: ${value}
`;
const pod = (name: string, cpu: string, cls?: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${cls ? `\n  priorityClassName: ${cls}` : ''}${extra}
  containers:
  - name: app
    image: nginx
    resources: {requests: {cpu: "${cpu}"}}
`;

function setup() {
  const c = createCluster({ nodes: 1, controlPlane: false });
  c.runtime.addComponent(createScheduler());
  expect(c.run('kubectl apply -f -', pc('low', 10)).code).toBe(0);
  expect(c.run('kubectl apply -f -', pc('high', 1000)).code).toBe(0);
  return c;
}
const get = (c: ReturnType<typeof createCluster>, name: string): Pod | undefined => {
  try {
    return c.runtime.api.get('pods', 'default', name) as unknown as Pod;
  } catch {
    return undefined;
  }
};

describe('preemption', () => {
  it('evicts a lower-priority pod, nominates the node, then binds there', () => {
    const c = setup();
    c.run('kubectl apply -f -', pod('victim', '3', 'low'));
    c.run('kubectl apply -f -', pod('bystander', '500m', 'high'));
    c.run('sim settle');
    expect(get(c, 'victim')?.spec?.nodeName).toBe('node-1');
    c.run('kubectl apply -f -', pod('vip', '3', 'high'));
    c.run('sim settle');
    const victim = get(c, 'victim');
    // the victim is terminating (graceful delete) and carries the DisruptionTarget condition
    expect(victim?.metadata?.deletionTimestamp).toBeDefined();
    expect(victim?.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    const vip = get(c, 'vip') as Pod;
    expect(vip.status?.nominatedNodeName).toBe('node-1');
    expect(get(c, 'bystander')?.metadata?.deletionTimestamp).toBeUndefined();
    const preempted = c.runtime.api
      .list('events', 'default')
      .items.find(
        (e) => e.reason === 'Preempted' && (e.involvedObject as { name: string }).name === 'victim',
      );
    expect(preempted?.message).toBe(`Preempted by pod ${vip.metadata?.uid} on node node-1`);
    // the kubelet would finish the deletion; do it by hand
    c.run('kubectl delete pod victim --grace-period=0 --force');
    c.run('sim settle');
    expect(get(c, 'vip')?.spec?.nodeName).toBe('node-1');
  });

  it('does not preempt with preemptionPolicy Never', () => {
    const c = setup();
    c.run(
      'kubectl apply -f -',
      pc('high-never', 1000).replace('value: 1000', 'value: 1000\npreemptionPolicy: Never'),
    );
    c.run('kubectl apply -f -', pod('victim', '3', 'low'));
    c.run('sim settle');
    c.run('kubectl apply -f -', pod('polite', '3', 'high-never'));
    c.run('sim settle');
    expect(get(c, 'victim')?.metadata?.deletionTimestamp).toBeUndefined();
    const cond = get(c, 'polite')?.status?.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond?.message).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). ' +
        'no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
    );
  });
});
