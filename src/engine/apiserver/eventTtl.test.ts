// Events expire --event-ttl after their last write, deleted by etcd when their lease runs out (eventTtl.ts).
import { describe, expect, it } from 'vitest';
import { createEventRecorder } from '../events/recorder';
import { KUBECTL, configMap, newTestApi } from './testSupport';
import { createCluster } from '../index';
import type { StoreEvent } from '../store/types';

const SRC = { component: 'replicaset-controller' };

function setup(eventTtlSeconds?: number) {
  const t = newTestApi(eventTtlSeconds === undefined ? {} : { eventTtlSeconds });
  const rec = createEventRecorder(t.api, t.sim);
  const obj = t.api.create('cm', 'default', configMap('web'), KUBECTL);
  const names = () => t.api.list('events', 'default').items.map((e) => e.metadata.name);
  return { ...t, rec, obj, names };
}

describe('event TTL (kube-apiserver --event-ttl)', () => {
  it('keeps an Event for the TTL plus the lease reuse window, then etcd deletes it', () => {
    const { rec, obj, names, sim } = setup();
    rec.event(obj, 'Normal', 'Pulled', 'one', SRC);
    expect(names()).toHaveLength(1);
    // the lease was granted for 3600 s + min(60 s, 5 % of 3600 s)
    sim.advance(3_659_000);
    expect(names()).toHaveLength(1);
    sim.advance(1_000);
    expect(names()).toEqual([]);
  });

  it('shares one lease among writes in the reuse window, so they expire together', () => {
    const { rec, obj, names, sim } = setup();
    rec.event(obj, 'Normal', 'A', 'first', SRC);
    sim.advance(59_000);
    rec.event(obj, 'Normal', 'B', 'second (same lease)', SRC);
    sim.advance(1_000);
    rec.event(obj, 'Normal', 'C', 'third (a new lease, 60 s later)', SRC);
    sim.advance(3_600_000); // t = 3,660 s: the first lease expires
    expect(names()).toHaveLength(1);
    sim.advance(60_000); // t = 3,720 s: the second one
    expect(names()).toEqual([]);
  });

  it('gives an updated Event another TTL: a repeat (count 2) outlives its first write', () => {
    const { rec, obj, names, api, sim } = setup();
    rec.event(obj, 'Warning', 'BackOff', 'Back-off restarting failed container', SRC);
    sim.advance(1_800_000);
    rec.event(obj, 'Warning', 'BackOff', 'Back-off restarting failed container', SRC);
    sim.advance(1_900_000); // past the first lease, not the second
    const [ev] = api.list('events', 'default').items;
    expect(ev).toMatchObject({ count: 2 });
    sim.advance(1_800_000);
    expect(names()).toEqual([]);
  });

  it('recreates a repeat whose Event expired as that Event: same name, firstTimestamp, count + 1', () => {
    const { rec, obj, api, names, sim } = setup();
    const backOff = () => rec.event(obj, 'Warning', 'BackOff', 'Back-off restarting failed container', SRC);
    backOff();
    const [name] = names();
    sim.advance(1_800_000);
    backOff(); // count 2, and another hour from now
    sim.advance(3_900_000); // t = 95 min: expired
    expect(names()).toEqual([]);
    backOff();
    const events = api.list('events', 'default').items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      metadata: { name },
      count: 3,
      firstTimestamp: '2025-01-01T00:00:00Z',
      lastTimestamp: '2025-01-01T01:35:00Z',
    });
  });

  it('deletes one lease’s Events in one revision, in key order, and watchers see them DELETED', () => {
    const { rec, api, store, sim } = setup(60);
    for (const n of ['c', 'a', 'b']) {
      const cm = api.create('cm', 'default', configMap(n), KUBECTL);
      rec.event(cm, 'Normal', 'Made', `made ${n}`, SRC);
    }
    const seen: StoreEvent[][] = [];
    store.watch('/registry/events/', (evs) => seen.push([...evs]));
    // ttl 60 s: reuse window min(60, 3) = 3 s, so the lease lasts 63 s
    sim.advance(63_000);
    expect(seen).toHaveLength(1);
    const batch = seen[0] ?? [];
    expect(batch.map((e) => e.type)).toEqual(['DELETED', 'DELETED', 'DELETED']);
    expect(batch.map((e) => e.kv.value.involvedObject)).toMatchObject([
      { name: 'a' },
      { name: 'b' },
      { name: 'c' },
    ]);
    expect(new Set(batch.map((e) => e.revision)).size).toBe(1);
    expect(api.list('events', 'default').items).toEqual([]);
  });

  it('does not resurrect or delete again an Event someone deleted first', () => {
    const { rec, obj, names, api, store, sim } = setup();
    rec.event(obj, 'Normal', 'Pulled', 'one', SRC);
    const [name] = names();
    api.delete('events', 'default', name ?? '', {}, KUBECTL);
    const before = store.revision;
    sim.advance(3_700_000);
    expect(names()).toEqual([]);
    // the lease ran out with nothing left to delete: no write
    expect(store.revision).toBe(before);
  });

  it('shows in a cluster: events are gone an hour after a rollout, with the expiry in the trace', () => {
    const cluster = createCluster({ seed: 1, nodes: 2 });
    cluster.run('kubectl create deployment web --image=nginx --replicas=2');
    // settle does not wait an hour for the leases: the events are still there when it returns
    cluster.run('sim settle --timeout 3h');
    expect(cluster.runtime.sim.clock.nowMs()).toBeLessThan(3_600_000);
    expect(cluster.run('kubectl get events').stdout).toContain('ScalingReplicaSet');
    cluster.run('sim advance 62m');
    const out = cluster.run('kubectl get events');
    expect(out.stdout + out.stderr).toContain('No resources found in default namespace.');
    const expired = cluster.runtime.sim.trace
      .all()
      .filter((r) => r.actor === 'etcd' && r.action === 'delete');
    expect(expired[0]).toMatchObject({ cause: 'lease expired (--event-ttl=1h0m0s)' });
    // the kubelets' node Events expire too: their node reference has no namespace, so they are in default
    // (client-go tools/record makeEvent)
    expect(expired.map((r) => r.target)).toContainEqual(expect.stringMatching(/^events\/default\/web-/));
  });
});
