// End-to-end scheduler tests through createCluster(): binding, Events, FitError messages, profiles, extenders.
import { describe, expect, it, vi } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../index';
import { createScheduler } from './scheduler';
import { status as statusError } from '../apiserver/errors';

function clusterWithScheduler(nodes: number | Parameters<typeof createCluster>[0] = 3) {
  // a bare cluster (no control plane) so this scheduler is the only one
  const c = createCluster({ ...(typeof nodes === 'number' ? { nodes } : nodes), controlPlane: false });
  const sched = createScheduler();
  c.runtime.addComponent(sched);
  return { c, sched };
}

const podYaml = (name: string, extra = '', cpu = '100m') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${extra}
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: ${cpu}
`;

function getPod(c: ReturnType<typeof createCluster>, name: string, ns = 'default'): Pod {
  return c.runtime.api.get('pods', ns, name) as unknown as Pod;
}

function events(
  c: ReturnType<typeof createCluster>,
  name: string,
): { reason: string; message: string; type: string; source: string }[] {
  return c.runtime.api
    .list('events', 'default')
    .items.filter((e) => (e.involvedObject as { name?: string }).name === name)
    .map((e) => ({
      reason: e.reason as string,
      message: e.message as string,
      type: e.type as string,
      source: (e.source as { component?: string } | undefined)?.component ?? '',
    }));
}

describe('scheduler end to end', () => {
  it('binds a pod and records a Scheduled event', () => {
    const { c } = clusterWithScheduler(3);
    expect(c.run('kubectl apply -f -', podYaml('web-0')).code).toBe(0);
    c.run('sim settle');
    const pod = getPod(c, 'web-0');
    expect(pod.spec?.nodeName).toMatch(/^node-\d$/);
    const ev = events(c, 'web-0');
    expect(ev).toContainEqual({
      reason: 'Scheduled',
      type: 'Normal',
      source: 'default-scheduler',
      message: `Successfully assigned default/web-0 to ${pod.spec?.nodeName}`,
    });
  });

  it('keeps ordinary pods off the tainted control-plane node', () => {
    const { c } = clusterWithScheduler(3);
    for (let i = 0; i < 9; i++) c.run('kubectl apply -f -', podYaml(`p-${i}`));
    c.run('sim settle');
    for (let i = 0; i < 9; i++) expect(getPod(c, `p-${i}`).spec?.nodeName).toMatch(/^node-/);
  });

  it('reports Insufficient cpu with the exact FitError and preemption message', () => {
    const { c } = clusterWithScheduler(3);
    for (let i = 0; i < 3; i++) c.run('kubectl apply -f -', podYaml(`big-${i}`, '', '3'));
    c.run('sim settle');
    c.run('kubectl apply -f -', podYaml('late', '', '2'));
    c.run('sim settle');
    const expected =
      '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. ' +
      'no new claims to deallocate, preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    const pod = getPod(c, 'late');
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(events(c, 'late')).toContainEqual({
      reason: 'FailedScheduling',
      type: 'Warning',
      source: 'default-scheduler',
      message: expected,
    });
    const cond = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: expected });
  });

  it('schedules a pending pod once a node frees up (assigned pod delete moves it)', () => {
    const { c } = clusterWithScheduler(1);
    c.run('kubectl apply -f -', podYaml('a', '', '3'));
    c.run('sim settle');
    c.run('kubectl apply -f -', podYaml('b', '', '3'));
    c.run('sim settle');
    expect(getPod(c, 'b').spec?.nodeName).toBeUndefined();
    c.run('kubectl delete pod a --grace-period=0 --force');
    c.run('sim settle');
    expect(getPod(c, 'b').spec?.nodeName).toBe('node-1');
  });

  it('never touches a pod naming an unknown scheduler', () => {
    const { c } = clusterWithScheduler(3);
    c.run('kubectl apply -f -', podYaml('other', '\n  schedulerName: my-scheduler'));
    c.run('sim advance 30s');
    const pod = getPod(c, 'other');
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(pod.status?.conditions ?? []).toEqual([]);
    expect(events(c, 'other')).toEqual([]);
  });

  it('spreads 3 replicas over 3 equal nodes', () => {
    const { c } = clusterWithScheduler(3);
    const dep = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx
        resources: {requests: {cpu: 100m}}
`;
    c.run('kubectl apply -f -', dep);
    // without the ReplicaSet controller in this test, create the replicas by hand with the same labels
    for (let i = 0; i < 3; i++) {
      c.run(
        'kubectl apply -f -',
        podYaml(`web-${i}`).replace('  name: web-' + i, `  name: web-${i}\n  labels: {app: web}`),
      );
    }
    c.run('sim settle');
    const nodes = new Set([0, 1, 2].map((i) => getPod(c, `web-${i}`).spec?.nodeName));
    expect(nodes).toEqual(new Set(['node-1', 'node-2', 'node-3']));
  });

  it("the full control plane schedules a Deployment's pods with its built-in scheduler", () => {
    const c = createCluster({ nodes: 3 });
    c.run('kubectl create deployment web --image=nginx --replicas=3');
    c.run('sim settle');
    const pods = c.runtime.api.list('pods', 'default').items as unknown as Pod[];
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.spec?.nodeName).toMatch(/^node-/);
    const scheduled = c.runtime.api.list('events', 'default').items.filter((e) => e.reason === 'Scheduled');
    expect(scheduled).toHaveLength(3);
  });
});

describe('binding failure (schedule_one.go handleBindingCycleError -> handleSchedulingFailure)', () => {
  it.each([
    {
      name: 'apiserver error',
      err: statusError(500, 'InternalError', 'Internal error occurred: etcd timeout'),
      want: 'running Bind plugin "DefaultBinder": Internal error occurred: etcd timeout',
    },
    {
      name: 'conflict',
      err: statusError(409, 'Conflict', 'Operation cannot be fulfilled on pods/binding "web": try again'),
      want: 'running Bind plugin "DefaultBinder": Operation cannot be fulfilled on pods/binding "web": try again',
    },
  ])(
    '$name: FailedScheduling event and PodScheduled=False/SchedulerError, then a retry binds',
    ({ err, want }) => {
      const { c } = clusterWithScheduler(1);
      const bind = vi.spyOn(c.runtime.api, 'bind').mockImplementationOnce(() => {
        throw err;
      });
      c.run('kubectl apply -f -', podYaml('web'));
      c.run('sim advance 100ms');
      expect(bind).toHaveBeenCalledTimes(1);
      expect(events(c, 'web')).toContainEqual({
        reason: 'FailedScheduling',
        type: 'Warning',
        source: 'default-scheduler',
        message: want,
      });
      const cond = getPod(c, 'web').status?.conditions?.find((x) => x.type === 'PodScheduled');
      expect(cond).toMatchObject({ status: 'False', reason: 'SchedulerError', message: want });
      c.run('sim settle');
      expect(getPod(c, 'web').spec?.nodeName).toBe('node-1');
    },
  );
});
