// Step tests of one StatefulSet sync at a time against a fake pod store (the [D] cases of the behaviour reference).
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import type { StatefulPodControl } from './control';
import { updateStatefulSet } from './control';
import { claimsFor, getOrdinal, getPodRevision } from './identity';
import { newRevision } from './revision';

function makeSet(over: Partial<NonNullable<StatefulSet['spec']>> = {}, image = 'nginx:1'): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'set-uid', generation: 1 },
    spec: {
      replicas: 3,
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      ...over,
    },
  };
}

/** a fake API: pods by name, claims by name, and the log of writes */
class Fake implements StatefulPodControl {
  pods = new Map<string, KubeObject>();
  claims = new Set<string>();
  log: string[] = [];
  private uid = 0;
  createStatefulPod(set: Readonly<StatefulSet>, pod: Pod) {
    this.createMissingClaims(set, pod as unknown as KubeObject);
    const p = structuredClone(pod) as unknown as KubeObject;
    p.metadata.uid = `uid-${++this.uid}`;
    p.status = { phase: 'Pending' };
    this.pods.set(p.metadata.name ?? '', p);
    this.log.push(`create ${p.metadata.name ?? ''}`);
    return undefined;
  }
  deleteStatefulPod(_set: Readonly<StatefulSet>, pod: Readonly<KubeObject>) {
    const p = this.pods.get(pod.metadata.name ?? '');
    if (p) p.metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
    this.log.push(`delete ${pod.metadata.name ?? ''}`);
    return undefined;
  }
  updateStatefulPod() {
    return undefined;
  }
  createMissingClaims(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>) {
    for (const c of claimsFor(set, getOrdinal(pod)).values()) {
      const n = c.metadata?.name ?? '';
      if (!this.claims.has(n)) this.log.push(`claim ${n}`);
      this.claims.add(n);
    }
    return undefined;
  }
  claimsMatchRetentionPolicy() {
    return true;
  }
  updatePodClaimForRetentionPolicy() {
    return undefined;
  }
  podClaimIsStale() {
    return false;
  }
  ready(...names: string[]) {
    for (const n of names) {
      const p = this.pods.get(n) as KubeObject;
      p.status = {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' }],
      };
    }
  }
  /** finish graceful deletions */
  reap() {
    for (const [n, p] of this.pods) if (p.metadata.deletionTimestamp) this.pods.delete(n);
  }
  sync(set: StatefulSet, cur: ControllerRevision, upd: ControllerRevision = cur) {
    this.log = [];
    const r = updateStatefulSet(
      {
        set,
        currentRevision: cur,
        updateRevision: upd,
        collisionCount: 0,
        pods: [...this.pods.values()],
        nowMs: 1e12,
      },
      this,
    );
    return { log: this.log, status: r.status };
  }
  names() {
    return [...this.pods.keys()].sort();
  }
}

function rev(set: StatefulSet, n: number): ControllerRevision {
  return newRevision(set, n, 0);
}

describe('updateStatefulSet', () => {
  it('OrderedReady creates one pod (and its claim) per sync, each after the previous is Running and Ready', () => {
    const set = makeSet();
    const f = new Fake();
    const r = rev(set, 1);
    expect(f.sync(set, r).log).toEqual(['claim data-web-0', 'create web-0']);
    expect(f.sync(set, r).log).toEqual([]); // web-0 Pending
    f.ready('web-0');
    expect(f.sync(set, r).log).toEqual(['claim data-web-1', 'create web-1']);
    f.ready('web-1');
    expect(f.sync(set, r).log).toEqual(['claim data-web-2', 'create web-2']);
    f.ready('web-2');
    const s = f.sync(set, r);
    expect(s.log).toEqual([]);
    expect(s.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
  });

  it('Parallel creates every pod in one sync without waiting', () => {
    const set = makeSet({ podManagementPolicy: 'Parallel' });
    const f = new Fake();
    expect(f.sync(set, rev(set, 1)).log.filter((l) => l.startsWith('create'))).toEqual([
      'create web-0',
      'create web-1',
      'create web-2',
    ]);
  });

  it('scale down deletes the highest ordinal first, one at a time, waiting for it to vanish', () => {
    const set3 = makeSet();
    const f = new Fake();
    const r = rev(set3, 1);
    for (let i = 0; i < 3; i++) {
      f.sync(set3, r);
      f.ready(`web-${i}`);
    }
    const set1 = makeSet({ replicas: 1 });
    expect(f.sync(set1, r).log).toEqual(['delete web-2']);
    expect(f.sync(set1, r).log).toEqual([]); // web-2 still terminating
    f.reap();
    expect(f.sync(set1, r).log).toEqual(['delete web-1']);
    f.reap();
    expect(f.names()).toEqual(['web-0']);
    expect([...f.claims].sort()).toEqual(['data-web-0', 'data-web-1', 'data-web-2']); // Retain keeps claims
  });

  it('OrderedReady refuses to scale down while a lower pod is unhealthy; Parallel does not', () => {
    for (const [policy, expected] of [
      ['OrderedReady', []],
      ['Parallel', ['delete web-2']],
    ] as const) {
      const set = makeSet({ podManagementPolicy: policy });
      const f = new Fake();
      const r = rev(set, 1);
      for (let i = 0; i < 3; i++) {
        f.sync(set, r);
        f.ready(`web-${i}`);
      }
      (f.pods.get('web-0') as KubeObject).status = { phase: 'Running' }; // not Ready
      expect(f.sync(makeSet({ replicas: 2, podManagementPolicy: policy }), r).log).toEqual(expected);
    }
  });

  it('rolling update goes in reverse ordinal order, one pod at a time, waiting for readiness', () => {
    const a = makeSet();
    const f = new Fake();
    const ra = rev(a, 1);
    for (let i = 0; i < 3; i++) {
      f.sync(a, ra);
      f.ready(`web-${i}`);
    }
    const b = makeSet({}, 'nginx:2');
    const rb = rev(b, 2);
    const order: string[] = [];
    for (let step = 0; step < 20; step++) {
      const { log } = f.sync(b, ra, rb);
      order.push(...log.filter((l) => l.startsWith('delete') || l.startsWith('create')));
      f.reap();
      for (const n of f.names()) if ((f.pods.get(n) as Pod).status?.phase === 'Pending') f.ready(n);
    }
    expect(order).toEqual([
      'delete web-2',
      'create web-2',
      'delete web-1',
      'create web-1',
      'delete web-0',
      'create web-0',
    ]);
    expect(f.names().map((n) => getPodRevision(f.pods.get(n) as KubeObject))).toEqual([
      rb.metadata?.name,
      rb.metadata?.name,
      rb.metadata?.name,
    ]);
  });

  it('partition 2 updates only web-2; a deleted web-0 comes back at the current revision', () => {
    const a = makeSet();
    const f = new Fake();
    const ra = rev(a, 1);
    for (let i = 0; i < 3; i++) {
      f.sync(a, ra);
      f.ready(`web-${i}`);
    }
    const b = makeSet(
      { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
      'nginx:2',
    );
    const rb = rev(b, 2);
    for (let step = 0; step < 6; step++) {
      f.sync(b, ra, rb);
      f.reap();
      for (const n of f.names()) if ((f.pods.get(n) as Pod).status?.phase === 'Pending') f.ready(n);
    }
    f.pods.delete('web-0');
    f.sync(b, ra, rb);
    const revs = f.names().map((n) => getPodRevision(f.pods.get(n) as KubeObject));
    expect(revs).toEqual([ra.metadata?.name, ra.metadata?.name, rb.metadata?.name]);
  });

  it('OnDelete never deletes for an update', () => {
    const a = makeSet({ updateStrategy: { type: 'OnDelete' } });
    const f = new Fake();
    const ra = rev(a, 1);
    for (let i = 0; i < 3; i++) {
      f.sync(a, ra);
      f.ready(`web-${i}`);
    }
    const b = makeSet({ updateStrategy: { type: 'OnDelete' } }, 'nginx:2');
    expect(f.sync(b, ra, rev(b, 2)).log).toEqual([]);
  });

  it('maxUnavailable 2 deletes the two highest old pods in one sync', () => {
    const a = makeSet();
    const f = new Fake();
    const ra = rev(a, 1);
    for (let i = 0; i < 3; i++) {
      f.sync(a, ra);
      f.ready(`web-${i}`);
    }
    const b = makeSet(
      { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 2 } } },
      'nginx:2',
    );
    expect(f.sync(b, ra, rev(b, 2)).log).toEqual(['delete web-2', 'delete web-1']);
  });

  it('ordinals.start=5 names pods web-5..web-7; moving start condemns the old ordinals', () => {
    const set = makeSet({ ordinals: { start: 5 }, podManagementPolicy: 'Parallel' });
    const f = new Fake();
    const r = rev(set, 1);
    f.sync(set, r);
    expect(f.names()).toEqual(['web-5', 'web-6', 'web-7']);
    const g = new Fake();
    const set0 = makeSet({ podManagementPolicy: 'Parallel' });
    g.sync(set0, r);
    g.ready('web-0', 'web-1', 'web-2');
    const { log } = g.sync(set, r);
    expect(log.filter((l) => l.startsWith('delete')).sort()).toEqual([
      'delete web-0',
      'delete web-1',
      'delete web-2',
    ]);
  });

  it('a Failed pod is deleted and recreated on a later sync', () => {
    const set = makeSet({ replicas: 1 });
    const f = new Fake();
    const r = rev(set, 1);
    f.sync(set, r);
    (f.pods.get('web-0') as KubeObject).status = { phase: 'Failed' };
    expect(f.sync(set, r).log).toEqual(['delete web-0']);
    f.reap();
    expect(f.sync(set, r).log).toEqual(['create web-0']);
  });
});
