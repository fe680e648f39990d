// Each invariant fires on a hand-made violation, and holds while the kubelet runs random pod churn.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../index';
import type { Cluster } from '../index';
import type { KubeObject } from '../types/object';
import type { StoreEvent } from '../store/types';
import { checkInvariants, checkSettledInvariants, RevisionTracker } from './invariants';
import { kubeletComponent } from '../kubelet/kubelet';

function putPod(
  c: Cluster,
  name: string,
  extra: { nodeName?: string; owners?: KubeObject['metadata']['ownerReferences']; deleting?: boolean },
): void {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      ...(extra.owners ? { ownerReferences: extra.owners } : {}),
      ...(extra.deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
    },
    spec: {
      containers: [{ name: 'c', image: 'nginx' }],
      ...(extra.nodeName ? { nodeName: extra.nodeName } : {}),
    },
    status: { phase: 'Running' },
  };
  // straight into the store: the API server's validation would refuse some of these
  c.runtime.store.create(`/registry/pods/default/${name}`, pod);
}

const ssOwner = (uid: string) => [
  { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid, controller: true },
];

describe('checkInvariants', () => {
  it('holds on a fresh cluster', () => {
    expect(checkInvariants(createCluster().runtime)).toEqual([]);
  });

  it.each([
    {
      name: 'pod on a node that does not exist',
      make: (c: Cluster) => putPod(c, 'p', { nodeName: 'ghost' }),
      want: 'spec.nodeName "ghost" names no node',
    },
    {
      name: 'two controller owners',
      make: (c: Cluster) =>
        putPod(c, 'p', {
          owners: [
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'a', controller: true },
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: 'b', controller: true },
          ],
        }),
      want: '2 controller ownerReferences',
    },
    {
      name: 'two live StatefulSet pods with one ordinal',
      make: (c: Cluster) => {
        putPod(c, 'web-1', { owners: ssOwner('ss') });
        putPod(c, 'web-01', { owners: ssOwner('ss') });
      },
      want: 'share ordinal 1',
    },
    {
      name: 'resourceVersion that is not the revision',
      make: (c: Cluster) => {
        const kv = c.runtime.store.get('/registry/namespaces/default');
        if (!kv) throw new Error('no namespace');
        c.runtime.store.update(kv.key, {
          ...kv.value,
          metadata: { ...kv.value.metadata, resourceVersion: '1' },
        });
      },
      want: 'metadata.resourceVersion 1 is not its revision',
    },
  ])('fires on $name', ({ make, want }) => {
    const c = createCluster({ nodes: 1 });
    expect(checkInvariants(c.runtime)).toEqual([]);
    make(c);
    expect(checkInvariants(c.runtime).join('\n')).toContain(want);
  });

  it('does not count a terminating StatefulSet pod against its replacement', () => {
    const c = createCluster({ nodes: 1 });
    putPod(c, 'web-0', { owners: ssOwner('ss'), deleting: true });
    putPod(c, 'web-00', { owners: ssOwner('ss') });
    expect(checkInvariants(c.runtime)).toEqual([]);
  });

  it('catches a resourceVersion that goes backwards', () => {
    const t = new RevisionTracker();
    const ev = (revision: number): StoreEvent => ({
      type: 'MODIFIED',
      key: '/registry/pods/default/p',
      revision,
      kv: {
        key: '/registry/pods/default/p',
        value: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
        createRevision: 1,
        modRevision: revision,
        version: 1,
      },
    });
    t.observe([ev(5), ev(7)]);
    expect(t.violations).toEqual([]);
    t.observe([ev(6)]);
    expect(t.violations.join()).toContain('went backwards');
    expect(t.checkCurrent('/registry/pods/default/p', 3)).toContain('went back from 7 to 3');
  });
});

describe('checkSettledInvariants', () => {
  it('fires when a ReplicaSet status disagrees with its pods', () => {
    const c = createCluster({ nodes: 1 });
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default', uid: 'rs-uid', generation: 1 },
      spec: { replicas: 2 },
      status: { replicas: 2, readyReplicas: 2, observedGeneration: 1 },
    };
    c.runtime.store.create('/registry/replicasets/default/web', rs);
    putPod(c, 'web-a', {
      owners: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true }],
    });
    const got = checkSettledInvariants(c.runtime).join('\n');
    expect(got).toContain('ReplicaSet default/web: status.replicas 2, pods say 1');
    expect(got).toContain('status.readyReplicas 2, pods say 0');
  });
});

describe('invariants under pod churn (property)', () => {
  it('hold after every step while pods are bound, run and deleted', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('bind' as const), node: fc.constantFrom('node-1', 'node-2') }),
      fc.record({ kind: fc.constant('delete' as const), index: fc.nat(20) }),
      fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 5_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const c = createCluster({ nodes: 2, seed: 3 });
        c.runtime.addComponent(kubeletComponent());
        const api = c.runtime.api;
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'bind') {
            const name = `p${n++}`;
            api.create(
              'pods',
              'default',
              {
                apiVersion: 'v1',
                kind: 'Pod',
                metadata: { name },
                spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
              },
              { actor: 'test' },
            );
            api.bind('default', name, o.node, { actor: 'test' });
          } else if (o.kind === 'delete') {
            const pods = api.list('pods', 'default').items;
            const p = pods[o.index % Math.max(1, pods.length)];
            if (p && !p.metadata.deletionTimestamp)
              api.delete('pods', 'default', p.metadata.name ?? '', {}, { actor: 'test' });
          } else c.runtime.sim.advance(o.ms);
          expect(checkInvariants(c.runtime)).toEqual([]);
        }
        c.runtime.sim.advance(60_000);
        expect(api.list('pods', 'default').items.every((p) => !p.metadata.deletionTimestamp)).toBe(true);
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});
