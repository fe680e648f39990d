// End-to-end: the DaemonSet controller with the scheduler and kubelet in a kind-like cluster.
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import { controllerManagerComponents } from '../manager';
import { replicaSetController } from '../replicaset/index';
import { garbageCollectorController } from '../garbagecollector/index';
import { deploymentController } from '../deployment/index';
import { schedulerComponents } from '../../scheduler/index';
import { kubeletComponent } from '../../kubelet/index';
import { daemonSetController } from './index';

const dsYaml = (image: string, extra = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: ${image}}]
${extra}`;

export function fullCluster(nodes = 3): Cluster {
  const c = createCluster({ seed: 11, nodes });
  for (const comp of controllerManagerComponents([
    daemonSetController,
    deploymentController,
    replicaSetController,
    garbageCollectorController,
  ]))
    c.runtime.addComponent(comp);
  for (const s of schedulerComponents()) c.runtime.addComponent(s);
  c.runtime.addComponent(kubeletComponent());
  return c;
}

const livePods = (c: Cluster, ns = 'default'): Pod[] =>
  (c.runtime.api.list('pods', ns).items as unknown as Pod[]).filter((p) => !p.metadata?.deletionTimestamp);
const nodesOf = (pods: Pod[]) => pods.map((p) => p.spec?.nodeName ?? '<none>').sort();
const settle = (c: Cluster) => c.runtime.sim.settle(10 * 60_000);
const ds = (c: Cluster) => c.runtime.api.get('daemonsets', 'default', 'agent') as unknown as DaemonSet;

describe('DaemonSet controller in a cluster', () => {
  it('runs one pod per worker, none on the tainted control-plane, with events and status', () => {
    const c = fullCluster();
    expect(c.run('kubectl apply -f -', dsYaml('busybox:1.36')).code).toBe(0);
    settle(c);
    const pods = livePods(c);
    expect(nodesOf(pods)).toEqual(['node-1', 'node-2', 'node-3']);
    for (const p of pods) {
      expect(p.metadata?.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata?.labels?.['controller-revision-hash']).toBeTruthy();
      expect(
        p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
          ?.matchFields?.[0]?.values,
      ).toEqual([p.spec?.nodeName]);
      expect(p.spec?.tolerations?.some((t) => t.key === 'node.kubernetes.io/unschedulable')).toBe(true);
    }
    const status = ds(c).status;
    expect(status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      updatedNumberScheduled: 3,
      observedGeneration: 1,
    });
    const created = c.runtime.api
      .list('events', 'default')
      .items.filter(
        (e) =>
          e.reason === 'SuccessfulCreate' &&
          (e.source as { component: string }).component === 'daemonset-controller',
      );
    expect(created).toHaveLength(3);
    expect(String(created[0]?.message)).toMatch(/^Created pod: agent-/);
    const revs = c.runtime.api.list('controllerrevisions', 'default').items;
    expect(revs.map((r) => r.metadata.name)).toEqual([
      `agent-${pods[0]?.metadata?.labels?.['controller-revision-hash'] ?? ''}`,
    ]);
  });

  it('tolerating the control-plane taint puts a pod there too', () => {
    const c = fullCluster(2);
    c.run(
      'kubectl apply -f -',
      dsYaml(
        'busybox',
        '      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n',
      ),
    );
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['control-plane', 'node-1', 'node-2']);
  });

  it('a new node gets a daemon pod; a cordoned node keeps and still gets them', () => {
    const c = fullCluster(2);
    c.run('kubectl apply -f -', dsYaml('busybox'));
    settle(c);
    expect(c.run('kubectl cordon node-1').code).toBe(0);
    expect(c.run('sim node add node-4').code).toBe(0);
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['node-1', 'node-2', 'node-4']);
    expect(ds(c).status?.desiredNumberScheduled).toBe(3);
  });

  it('a node labelled out of the nodeSelector loses its pod (SuccessfulDelete)', () => {
    const c = fullCluster(2);
    c.run('kubectl label node node-1 node-2 agent=yes');
    c.run('kubectl apply -f -', dsYaml('busybox', '      nodeSelector: {agent: "yes"}\n'));
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['node-1', 'node-2']);
    c.run('kubectl label node node-2 agent-');
    settle(c);
    expect(nodesOf(livePods(c))).toEqual(['node-1']);
    const deleted = c.runtime.api
      .list('events', 'default')
      .items.filter((e) => e.reason === 'SuccessfulDelete');
    expect(deleted).toHaveLength(1);
  });

  it('rolling update replaces pods one node at a time (maxUnavailable 1) and records a second revision', () => {
    const c = fullCluster(3);
    c.run('kubectl apply -f -', dsYaml('busybox:1.36'));
    settle(c);
    const oldHash = livePods(c)[0]?.metadata?.labels?.['controller-revision-hash'];
    // the v1 API shows the template generation as an annotation, and util.CreatePodTemplate labels pods with it
    const generation = () => ds(c).metadata?.annotations?.['deprecated.daemonset.template.generation'];
    expect(generation()).toBe('1');
    expect(livePods(c).map((p) => p.metadata?.labels?.['pod-template-generation'])).toEqual(['1', '1', '1']);
    c.run('kubectl apply -f -', dsYaml('busybox:1.37'));
    expect(generation()).toBe('2');
    // watch every change: never more than one node without an available pod of either revision
    let worst = 0;
    const stop = c.watchAll(() => {
      const pods = livePods(c);
      const ready = new Set(
        pods
          .filter((p) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'))
          .map((p) => p.spec?.nodeName),
      );
      worst = Math.max(worst, 3 - ready.size);
    });
    settle(c);
    stop();
    expect(worst).toBe(1);
    const pods = livePods(c);
    expect(nodesOf(pods)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(pods.every((p) => p.spec?.containers[0]?.image === 'busybox:1.37')).toBe(true);
    expect(pods.every((p) => p.metadata?.labels?.['controller-revision-hash'] !== oldHash)).toBe(true);
    expect(pods.every((p) => p.metadata?.labels?.['pod-template-generation'] === '2')).toBe(true);
    // a spec change outside the template, or a client's own value, leaves the template generation alone
    c.run(`kubectl patch ds agent -p '{"spec":{"minReadySeconds":5}}'`);
    c.run('kubectl annotate ds agent --overwrite deprecated.daemonset.template.generation=9');
    expect(generation()).toBe('2');
    const revs = c.runtime.api
      .list('controllerrevisions', 'default')
      .items.map((r) => (r as { revision?: number }).revision)
      .sort();
    expect(revs).toEqual([1, 2]);
    expect(ds(c).status).toMatchObject({
      updatedNumberScheduled: 3,
      numberAvailable: 3,
      observedGeneration: 2,
    });
  });

  it('OnDelete leaves old pods until they are deleted by hand', () => {
    const c = fullCluster(2);
    c.run('kubectl apply -f -', `${dsYaml('busybox:1.36')}  updateStrategy: {type: OnDelete}\n`);
    settle(c);
    c.run('kubectl set image ds/agent agent=busybox:1.37');
    settle(c);
    expect(livePods(c).map((p) => p.spec?.containers[0]?.image)).toEqual(['busybox:1.36', 'busybox:1.36']);
    const victim = livePods(c).find((p) => p.spec?.nodeName === 'node-1');
    c.run(`kubectl delete pod ${victim?.metadata?.name ?? ''}`);
    settle(c);
    const images = livePods(c)
      .map((p) => `${p.spec?.nodeName ?? ''}=${p.spec?.containers[0]?.image ?? ''}`)
      .sort();
    expect(images).toEqual(['node-1=busybox:1.37', 'node-2=busybox:1.36']);
  });
});
