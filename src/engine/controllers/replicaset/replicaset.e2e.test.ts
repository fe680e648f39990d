// End-to-end: the ReplicaSet controller inside a cluster (create, scale down, adopt, release, status).
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';
import { controllerManagerComponents } from '../manager';
import { replicaSetController, replicationController } from './controller';
import { garbageCollectorController } from '../garbagecollector/controller';

const rsYaml = (replicas: number, minReadySeconds = 0) => `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: ${replicas}
  minReadySeconds: ${minReadySeconds}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: fe}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;

function cluster(): Cluster {
  // bare cluster: these controllers alone, the test plays scheduler and kubelet (markReady)
  const c = createCluster({ seed: 7, nodes: 2, controlPlane: false });
  for (const comp of controllerManagerComponents([
    replicaSetController,
    replicationController,
    garbageCollectorController,
  ]))
    c.runtime.addComponent(comp);
  return c;
}

const pods = (c: Cluster): KubeObject[] => c.runtime.api.list('pods', 'default').items;
const rs = (c: Cluster): KubeObject => c.runtime.api.get('replicasets', 'default', 'web');
const events = (c: Cluster, reason: string): string[] =>
  c.runtime.api
    .list('events', 'default')
    .items.filter((e) => e.reason === reason)
    .map((e) => `${(e.source as { component: string }).component}: ${String(e.message)}`);

function markReady(c: Cluster, pod: KubeObject, nodeName: string): void {
  const api = c.runtime.api;
  if (!(pod.spec as { nodeName?: string }).nodeName)
    api.bind('default', pod.metadata.name ?? '', nodeName, { actor: 'test' });
  const cur = api.get('pods', 'default', pod.metadata.name ?? '');
  api.updateStatus(
    'pods',
    'default',
    {
      ...structuredClone(cur),
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: c.runtime.sim.clock.nowRfc3339() }],
      },
    },
    { actor: 'test' },
  );
}

describe('ReplicaSet controller', () => {
  it('creates 3 pods with ownerReferences, generateName and SuccessfulCreate events', () => {
    const c = cluster();
    expect(c.run('kubectl apply -f -', rsYaml(3)).code).toBe(0);
    c.runtime.sim.settle(10_000);
    const ps = pods(c);
    expect(ps).toHaveLength(3);
    const owner = rs(c);
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: owner.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect(events(c, 'SuccessfulCreate').sort()).toEqual(
      ps.map((p) => `replicaset-controller: Created pod: ${p.metadata.name ?? ''}`).sort(),
    );
    expect(owner.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('scaling down deletes unscheduled pods before ready ones', () => {
    const c = cluster();
    c.run('kubectl apply -f -', rsYaml(3));
    c.runtime.sim.settle(10_000);
    const [a, b] = pods(c);
    markReady(c, a as KubeObject, 'node-1');
    markReady(c, b as KubeObject, 'node-2');
    c.runtime.sim.settle(10_000);
    expect(rs(c).status).toMatchObject({ replicas: 3, readyReplicas: 2, availableReplicas: 2 });
    expect(c.run('kubectl scale rs web --replicas=2').code).toBe(0);
    c.runtime.sim.settle(10_000);
    const names = pods(c).map((p) => p.metadata.name);
    expect(names.sort()).toEqual([a?.metadata.name, b?.metadata.name].sort());
    expect(events(c, 'SuccessfulDelete')).toHaveLength(1);
    expect(events(c, 'SuccessfulDelete')[0]).toMatch(/^replicaset-controller: Deleted pod: web-[a-z0-9]{5}$/);
  });

  it('adopts a matching orphan instead of creating a pod, and releases a pod whose labels changed', () => {
    const c = cluster();
    c.run('kubectl run stray --image=nginx --labels=app=web');
    c.run('kubectl apply -f -', rsYaml(2));
    c.runtime.sim.settle(10_000);
    const ps = pods(c);
    expect(ps).toHaveLength(2);
    const stray = c.runtime.api.get('pods', 'default', 'stray');
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'ReplicaSet',
      name: 'web',
      controller: true,
    });
    expect(events(c, 'SuccessfulCreate')).toHaveLength(1);

    expect(c.run('kubectl label pod stray app=other --overwrite').code).toBe(0);
    c.runtime.sim.settle(10_000);
    expect(c.runtime.api.get('pods', 'default', 'stray').metadata.ownerReferences ?? []).toEqual([]);
    const owned = pods(c).filter((p) => p.metadata.ownerReferences?.length);
    expect(owned).toHaveLength(2);
  });

  it('requeues after minReadySeconds until ready pods become available', () => {
    const c = cluster();
    c.run('kubectl apply -f -', rsYaml(1, 10));
    c.runtime.sim.settle(10_000);
    markReady(c, pods(c)[0] as KubeObject, 'node-1');
    c.runtime.sim.advance(1_000);
    expect(rs(c).status).toMatchObject({ readyReplicas: 1 });
    expect((rs(c).status as { availableReplicas?: number }).availableReplicas ?? 0).toBe(0);
    c.runtime.sim.advance(11_000);
    expect(rs(c).status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });

  it('a ReplicationController creates pods with events from replication-controller', () => {
    const c = cluster();
    const rc = `apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  replicas: 2
  selector: {app: legacy}
  template:
    metadata: {labels: {app: legacy}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;
    expect(c.run('kubectl apply -f -', rc).code).toBe(0);
    c.runtime.sim.settle(10_000);
    const ps = pods(c);
    expect(ps).toHaveLength(2);
    expect(ps[0]?.metadata.ownerReferences?.[0]).toMatchObject({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      name: 'legacy',
    });
    expect(
      events(c, 'SuccessfulCreate').every((e) =>
        e.startsWith('replication-controller: Created pod: legacy-'),
      ),
    ).toBe(true);
    expect(c.runtime.api.get('rc', 'default', 'legacy').status).toMatchObject({ replicas: 2 });
  });
});
