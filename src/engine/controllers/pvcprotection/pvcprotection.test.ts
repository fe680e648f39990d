// The pvc- and pv-protection controllers alone on a bare cluster: which pods keep a deleted claim (podUsesPVC), which
// phases keep a deleted volume (isBeingUsed), and the finalizer put back on live objects that lost it.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../apiserver/admission/index';
import { controllerManagerComponents } from '../manager';
import { pvProtectionController } from '../pvprotection/index';
import { pvcProtectionController, podUsesPVC } from './index';

const T = { actor: 'test' };

function cluster(): Cluster {
  // no scheduler or kubelet: pods stay exactly as a case writes them
  const c = createCluster({ seed: 7, nodes: 1, controlPlane: false });
  for (const comp of controllerManagerComponents([pvcProtectionController, pvProtectionController]))
    c.runtime.addComponent(comp);
  return c;
}

const claim = (name = 'data', ns = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: ns },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});

const tryGet = (c: Cluster, resource: string, ns: string | undefined, name: string) => {
  try {
    return c.runtime.api.get(resource, ns, name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
};

interface PodCase {
  name: string;
  /** pod spec fields besides containers */
  spec: Record<string, unknown>;
  namespace?: string;
  phase?: string;
  /** the claim is controlled by the pod (an ephemeral volume's claim) */
  ownedByPod?: boolean;
  /** hold the pod with a finalizer and delete it with grace 0: podIsShutDown */
  shutDown?: boolean;
  kept: boolean;
}

const pvcVolume = (claimName: string) => ({ name: 'v', persistentVolumeClaim: { claimName } });
const ephemeralVolume = {
  name: 'v',
  ephemeral: {
    volumeClaimTemplate: {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
  },
};

// the ephemeral cases name the pod `p` and its volume `v`, so their claim is `p-v`
const podCases: PodCase[] = [
  { name: 'a running pod on a node', spec: { nodeName: 'node-1', volumes: [pvcVolume('data')] }, kept: true },
  { name: 'a pod not scheduled yet', spec: { volumes: [pvcVolume('data')] }, kept: false },
  {
    name: 'a Succeeded pod still on its node (a terminated pod still counts)',
    spec: { nodeName: 'node-1', volumes: [pvcVolume('data')] },
    phase: 'Succeeded',
    kept: true,
  },
  {
    name: 'a shut-down pod referencing the claim directly',
    spec: { nodeName: 'node-1', volumes: [pvcVolume('data')] },
    shutDown: true,
    kept: true,
  },
  {
    name: 'a pod in another namespace',
    spec: { nodeName: 'node-1', volumes: [pvcVolume('data')] },
    namespace: 'other',
    kept: false,
  },
  {
    name: 'a pod using another claim',
    spec: { nodeName: 'node-1', volumes: [pvcVolume('logs')] },
    kept: false,
  },
  {
    name: "a running pod's ephemeral volume claim",
    spec: { nodeName: 'node-1', volumes: [ephemeralVolume] },
    ownedByPod: true,
    kept: true,
  },
  {
    name: 'an ephemeral volume claim the pod does not own',
    spec: { nodeName: 'node-1', volumes: [ephemeralVolume] },
    kept: false,
  },
  {
    name: 'an ephemeral volume claim of a shut-down pod',
    spec: { nodeName: 'node-1', volumes: [ephemeralVolume] },
    ownedByPod: true,
    shutDown: true,
    kept: false,
  },
];

describe('pvc-protection controller', () => {
  for (const pc of podCases) {
    it(`deleted claim used by ${pc.name}: ${pc.kept ? 'kept Terminating' : 'removed'}`, () => {
      const c = cluster();
      const api = c.runtime.api;
      const ns = pc.namespace ?? 'default';
      if (ns !== 'default')
        api.create(
          'namespaces',
          undefined,
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
          T,
        );
      const volumes = pc.spec.volumes as { ephemeral?: unknown }[];
      const claimName = volumes.some((v) => v.ephemeral) ? 'p-v' : 'data';
      const pod = api.create(
        'pods',
        ns,
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p', ...(pc.shutDown ? { finalizers: ['example.com/hold'] } : {}) },
          spec: { containers: [{ name: 'c', image: 'nginx' }], ...pc.spec },
        },
        T,
      );
      if (pc.phase) api.updateStatus('pods', ns, { ...pod, status: { phase: pc.phase } }, T);
      if (pc.shutDown) api.delete('pods', ns, 'p', { gracePeriodSeconds: 0 }, T);
      const pvc = claim(claimName);
      if (pc.ownedByPod)
        pvc.metadata.ownerReferences = [
          { apiVersion: 'v1', kind: 'Pod', name: 'p', uid: pod.metadata.uid ?? '', controller: true },
        ];
      api.create('pvc', 'default', pvc, T);
      c.runtime.sim.advance(1000);
      api.delete('pvc', 'default', claimName, {}, T);
      c.runtime.sim.advance(1000);
      const left = tryGet(c, 'pvc', 'default', claimName);
      if (pc.kept) {
        expect(left?.metadata.deletionTimestamp).toBeDefined();
        expect(left?.metadata.finalizers).toEqual([PVC_PROTECTION_FINALIZER]);
      } else expect(left).toBeUndefined();
    });
  }

  it('lets the claim go once the pod using it is deleted', () => {
    const c = cluster();
    const api = c.runtime.api;
    api.create('pvc', 'default', claim(), T);
    api.create(
      'pods',
      'default',
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          containers: [{ name: 'c', image: 'nginx' }],
          nodeName: 'node-1',
          volumes: [pvcVolume('data')],
        },
      },
      T,
    );
    api.delete('pvc', 'default', 'data', {}, T);
    c.runtime.sim.advance(5000);
    expect(tryGet(c, 'pvc', 'default', 'data')?.metadata.deletionTimestamp).toBeDefined();
    // no Event: the controller only logs "Keeping PVC because it is being used"
    const claimEvents = api
      .list('events', 'default')
      .items.filter((e) => (e as { involvedObject?: { kind?: string } }).involvedObject?.kind !== 'Node');
    expect(claimEvents).toEqual([]);
    api.delete('pods', 'default', 'p', { gracePeriodSeconds: 0 }, T);
    c.runtime.sim.advance(1000);
    expect(tryGet(c, 'pvc', 'default', 'data')).toBeUndefined();
    // the update that empties the finalizers deletes the claim (store.go shouldDeleteDuringUpdate)
    const last = c
      .trace()
      .filter((r) => r.target === 'persistentvolumeclaims/default/data')
      .at(-1);
    expect([last?.actor, last?.action]).toEqual(['persistentvolumeclaim-protection-controller', 'delete']);
  });

  it('puts the finalizer back on a live claim that lost it', () => {
    const c = cluster();
    const api = c.runtime.api;
    const created = api.create('pvc', 'default', claim(), T);
    api.update('pvc', 'default', { ...created, metadata: { ...created.metadata, finalizers: [] } }, T);
    expect(api.get('pvc', 'default', 'data').metadata.finalizers).toBeUndefined();
    c.runtime.sim.advance(1000);
    expect(api.get('pvc', 'default', 'data').metadata.finalizers).toEqual([PVC_PROTECTION_FINALIZER]);
  });

  it('podUsesPVC ignores pods that are not scheduled', () => {
    const pod = { metadata: { name: 'p' }, spec: { containers: [], volumes: [pvcVolume('data')] } } as Pod;
    expect(podUsesPVC(pod, { metadata: { name: 'data' } })).toBe(false);
    expect(
      podUsesPVC(
        { ...pod, spec: { ...pod.spec, containers: [], nodeName: 'n' } },
        { metadata: { name: 'data' } },
      ),
    ).toBe(true);
  });
});

describe('pv-protection controller', () => {
  const phases: { phase: string | undefined; kept: boolean }[] = [
    { phase: 'Bound', kept: true },
    { phase: 'Released', kept: false },
    { phase: 'Available', kept: false },
    { phase: 'Failed', kept: false },
    { phase: undefined, kept: false },
  ];
  for (const p of phases) {
    it(`deleted volume in phase ${p.phase ?? '(none)'}: ${p.kept ? 'kept Terminating' : 'removed'}`, () => {
      const c = cluster();
      const api = c.runtime.api;
      const pv = api.create(
        'pv',
        undefined,
        {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: 'pv1' },
          spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/d' } },
        },
        T,
      );
      if (p.phase) api.updateStatus('pv', undefined, { ...pv, status: { phase: p.phase } }, T);
      c.runtime.sim.advance(1000);
      api.delete('pv', undefined, 'pv1', {}, T);
      c.runtime.sim.advance(1000);
      const left = tryGet(c, 'pv', undefined, 'pv1');
      if (p.kept) expect(left?.metadata.finalizers).toEqual([PV_PROTECTION_FINALIZER]);
      else expect(left).toBeUndefined();
    });
  }

  it('lets a Terminating volume go once it is no longer Bound', () => {
    const c = cluster();
    const api = c.runtime.api;
    const pv = api.create(
      'pv',
      undefined,
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'pv1' },
        spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/d' } },
      },
      T,
    );
    api.updateStatus('pv', undefined, { ...pv, status: { phase: 'Bound' } }, T);
    api.delete('pv', undefined, 'pv1', {}, T);
    c.runtime.sim.advance(5000);
    const bound = api.get('pv', undefined, 'pv1');
    expect(bound.metadata.deletionTimestamp).toBeDefined();
    api.updateStatus('pv', undefined, { ...bound, status: { phase: 'Released' } }, T);
    c.runtime.sim.advance(1000);
    expect(tryGet(c, 'pv', undefined, 'pv1')).toBeUndefined();
  });
});
