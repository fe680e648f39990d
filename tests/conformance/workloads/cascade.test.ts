// Cascading deletion of a Deployment through kubectl: background, foreground and orphan propagation
// (reference section 8, pkg/controller/garbagecollector).
import { describe, expect, it } from 'vitest';
import { Harness, deploymentYaml } from './harness';

function start(seed: number): Harness {
  const h = new Harness({ seed });
  h.run('sim settle');
  h.apply(deploymentYaml('web', 3, 'nginx:1.27'));
  h.settle();
  expect(h.pods('app=web')).toHaveLength(3);
  return h;
}

describe('cascading deletion', () => {
  it('background (default): the Deployment goes at once, then the GC deletes its ReplicaSet and pods', () => {
    const h = start(21);
    h.run('kubectl delete deployment web --wait=false');
    expect(h.get('deployment', 'web')).toBeUndefined();
    // the dependents outlive their owner for a moment: the garbage collector deletes them afterwards
    expect(h.list('replicasets', '-l app=web')).toHaveLength(1);
    h.settle();
    expect(h.list('replicasets', '-l app=web')).toEqual([]);
    expect(h.pods('app=web')).toEqual([]);
  });

  it('foreground: the Deployment stays, with deletionTimestamp, until its pods and ReplicaSet are gone', () => {
    const h = start(22);
    h.run('kubectl delete deployment web --cascade=foreground --wait=false');
    const d = h.get('deployment', 'web');
    expect(d?.metadata.deletionTimestamp).toBeTruthy();
    expect(d?.metadata.finalizers).toContain('foregroundDeletion');
    let sawWaiting = false;
    h.settle(120_000, () => {
      const dep = h.get('deployment', 'web');
      const left = h.pods('app=web').length + h.list('replicasets', '-l app=web').length;
      if (dep && left > 0) sawWaiting = true;
      // the owner may only vanish once no blocking dependent remains
      if (!dep) expect(left, `t=${h.t()}: Deployment gone while dependents remain`).toBe(0);
    });
    expect(sawWaiting).toBe(true);
    expect(h.get('deployment', 'web')).toBeUndefined();
    expect(h.pods('app=web')).toEqual([]);
  });

  it('orphan: the ReplicaSet and pods stay, the ReplicaSet loses its ownerReference', () => {
    const h = start(23);
    const podNames = h
      .pods('app=web')
      .map((p) => p.metadata.name)
      .sort();
    h.run('kubectl delete deployment web --cascade=orphan');
    h.settle();
    expect(h.get('deployment', 'web')).toBeUndefined();
    const rss = h.list('replicasets', '-l app=web');
    expect(rss).toHaveLength(1);
    expect(rss[0]?.metadata.ownerReferences ?? []).toEqual([]);
    const pods = h.pods('app=web');
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(podNames);
    for (const p of pods) expect(p.metadata.ownerReferences?.[0]?.name).toBe(rss[0]?.metadata.name);
    // the orphaned ReplicaSet still does its job
    h.run(`kubectl delete pod ${podNames[0] ?? ''}`);
    h.settle();
    expect(h.pods('app=web')).toHaveLength(3);
  });
});
