// End-to-end: `kubectl delete` cascade modes handled by the garbage collector (background, foreground, orphan).
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import { controllerManagerComponents, defaultControllers } from '../manager';

const rsYaml = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;

function cluster(): Cluster {
  // bare cluster: the test runs the controller manager alone, with no scheduler or kubelet to move pods on
  const c = createCluster({ seed: 3, nodes: 1, controlPlane: false });
  for (const comp of controllerManagerComponents(defaultControllers)) c.runtime.addComponent(comp);
  expect(c.run('kubectl apply -f -', rsYaml).code).toBe(0);
  c.runtime.sim.settle(10_000);
  expect(pods(c)).toHaveLength(3);
  return c;
}

const pods = (c: Cluster): KubeObject[] => c.runtime.api.list('pods', 'default').items;
function getRs(c: Cluster): KubeObject | undefined {
  try {
    return c.runtime.api.get('replicasets', 'default', 'web');
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
}

describe('garbage collector', () => {
  it('background: the ReplicaSet goes at once, its pods after', () => {
    const c = cluster();
    expect(c.run('kubectl delete rs web --wait=false').stdout).toBe('replicaset.apps "web" deleted\n');
    expect(getRs(c)).toBeUndefined();
    expect(pods(c)).toHaveLength(3);
    c.runtime.sim.settle(10_000);
    expect(pods(c)).toHaveLength(0);
  });

  it('foreground: pods go first; the ReplicaSet shows deletionTimestamp + foregroundDeletion until then', () => {
    const c = cluster();
    // a pod bound to a node terminates gracefully, so it outlives the GC's delete call
    const bound = pods(c)[0] as KubeObject;
    c.runtime.api.bind('default', bound.metadata.name ?? '', 'node-1', { actor: 'test' });
    expect(c.run('kubectl delete rs web --cascade=foreground --wait=false').code).toBe(0);
    c.runtime.sim.settle(10_000);
    const rs = getRs(c);
    expect(rs?.metadata.deletionTimestamp).toBeDefined();
    expect(rs?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(pods(c).map((p) => p.metadata.name)).toEqual([bound.metadata.name]);
    expect(pods(c)[0]?.metadata.deletionTimestamp).toBeDefined();
    // the kubelet would finish the pod; force it here
    c.runtime.api.delete(
      'pods',
      'default',
      bound.metadata.name ?? '',
      { gracePeriodSeconds: 0 },
      { actor: 'test' },
    );
    c.runtime.sim.settle(10_000);
    expect(getRs(c)).toBeUndefined();
    expect(pods(c)).toHaveLength(0);
  });

  it('orphan: pods remain without ownerReferences and the ReplicaSet goes', () => {
    const c = cluster();
    expect(c.run('kubectl delete rs web --cascade=orphan --wait=false').code).toBe(0);
    c.runtime.sim.settle(10_000);
    expect(getRs(c)).toBeUndefined();
    const ps = pods(c);
    expect(ps).toHaveLength(3);
    for (const p of ps) expect(p.metadata.ownerReferences ?? []).toEqual([]);
  });

  it('a dependent with a second, live owner is kept and only loses the dead reference', () => {
    const c = cluster();
    const cm = c.runtime.api.create(
      'configmaps',
      'default',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keeper' } },
      { actor: 'test' },
    );
    const p = pods(c)[0] as KubeObject;
    const refs = [
      ...(p.metadata.ownerReferences ?? []),
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'keeper', uid: cm.metadata.uid ?? '' },
    ];
    c.runtime.api.patch(
      'pods',
      'default',
      p.metadata.name ?? '',
      'merge',
      { metadata: { ownerReferences: refs.map((r) => ({ ...r })) } },
      { actor: 'test' },
    );
    c.run('kubectl delete rs web --wait=false');
    c.runtime.sim.settle(10_000);
    const left = pods(c);
    expect(left.map((x) => x.metadata.name)).toEqual([p.metadata.name]);
    expect(left[0]?.metadata.ownerReferences?.map((r) => r.kind)).toEqual(['ConfigMap']);
  });

  it('deletes a dependent whose owner UID does not match the live object', () => {
    const c = cluster();
    c.runtime.api.create(
      'pods',
      'default',
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'ghost-child',
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'not-the-live-uid' },
          ],
        },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
      { actor: 'test' },
    );
    c.runtime.sim.settle(10_000);
    expect(pods(c).map((p) => p.metadata.name)).not.toContain('ghost-child');
    expect(pods(c)).toHaveLength(3);
  });
});
