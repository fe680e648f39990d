import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/object';
import { KUBECTL, configMap, deployment, newTestApi, pod, statusOf } from './testSupport';

function edit(obj: KubeObject, fn: (o: KubeObject) => void): KubeObject {
  const copy = structuredClone(obj);
  fn(copy);
  return copy;
}

describe('update', () => {
  const generationCases: { name: string; change: (o: KubeObject) => void; generation: number }[] = [
    { name: 'label change', change: (o) => (o.metadata.labels = { a: 'b' }), generation: 1 },
    { name: 'spec change', change: (o) => ((o.spec as { replicas: number }).replicas = 5), generation: 2 },
    {
      name: 'status change on the main resource',
      change: (o) => (o.status = { replicas: 9 }),
      generation: 1,
    },
    {
      name: 'annotation change (Deployment only)',
      change: (o) => (o.metadata.annotations = { x: 'y' }),
      generation: 2,
    },
  ];
  for (const c of generationCases) {
    it(`generation after ${c.name} is ${c.generation}`, () => {
      const { api } = newTestApi();
      const d = api.create('deploy', 'default', deployment('web'), KUBECTL);
      const u = api.update('deploy', 'default', edit(d, c.change), KUBECTL);
      expect(u.metadata.generation).toBe(c.generation);
      expect(u.status).toEqual({});
    });
  }

  it('bumps ReplicaSet generation on spec change only, not on annotations', () => {
    const { api } = newTestApi();
    const rs = api.create(
      'rs',
      'default',
      { ...deployment('r'), apiVersion: 'apps/v1', kind: 'ReplicaSet' },
      KUBECTL,
    );
    expect(
      api.update(
        'rs',
        'default',
        edit(rs, (o) => (o.metadata.annotations = { x: 'y' })),
        KUBECTL,
      ).metadata.generation,
    ).toBe(1);
  });

  it('refuses a stale resourceVersion with 409 Conflict; an empty one is unconditional', () => {
    const { api } = newTestApi();
    const v1 = api.create('deploy', 'default', deployment('web'), KUBECTL);
    api.update(
      'deploy',
      'default',
      edit(v1, (o) => (o.metadata.labels = { n: '1' })),
      KUBECTL,
    );
    const s = statusOf(() =>
      api.update(
        'deploy',
        'default',
        edit(v1, (o) => (o.metadata.labels = { n: '2' })),
        KUBECTL,
      ),
    );
    expect([s.code, s.reason, s.message]).toEqual([
      409,
      'Conflict',
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    ]);
    const unconditional = edit(v1, (o) => {
      o.metadata.labels = { n: '3' };
      delete o.metadata.resourceVersion;
    });
    expect(api.update('deploy', 'default', unconditional, KUBECTL).metadata.labels).toEqual({ n: '3' });
  });

  it('keeps uid, creationTimestamp and the stored object untouched', () => {
    const { api, sim } = newTestApi();
    const c = api.create('cm', 'default', configMap('c', { a: '1' }), KUBECTL);
    sim.advance(5000);
    const u = api.update(
      'cm',
      'default',
      edit(c, (o) => {
        o.data = { a: '2' };
        delete o.metadata.uid;
        o.metadata.creationTimestamp = '2030-01-01T00:00:00Z';
      }),
      KUBECTL,
    );
    expect([u.metadata.uid, u.metadata.creationTimestamp]).toEqual([
      c.metadata.uid,
      c.metadata.creationTimestamp,
    ]);
    expect(c.data).toEqual({ a: '1' });
  });

  it('writes nothing for a no-op update', () => {
    const { api, store } = newTestApi();
    const c = api.create('cm', 'default', configMap('c', { a: '1' }), KUBECTL);
    const rev = store.revision;
    expect(api.update('cm', 'default', c, KUBECTL).metadata.resourceVersion).toBe(c.metadata.resourceVersion);
    expect(store.revision).toBe(rev);
  });

  it('reports a missing object as NotFound', () => {
    const { api } = newTestApi();
    expect(statusOf(() => api.update('cm', 'default', configMap('zz'), KUBECTL)).message).toBe(
      'configmaps "zz" not found',
    );
  });
});

describe('status subresource', () => {
  it('updateStatus changes only status; generation stays', () => {
    const { api } = newTestApi();
    const d = api.create('deploy', 'default', deployment('web'), KUBECTL);
    const u = api.updateStatus(
      'deploy',
      'default',
      edit(d, (o) => {
        o.status = { replicas: 1, observedGeneration: 1 };
        (o.spec as { replicas: number }).replicas = 7;
        o.metadata.labels = { sneaky: 'yes' };
      }),
      { actor: 'deployment-controller' },
    );
    expect(u.status).toEqual({ replicas: 1, observedGeneration: 1 });
    expect((u.spec as { replicas: number }).replicas).toBe(1);
    expect(u.metadata.labels).toBeUndefined();
    expect(u.metadata.generation).toBe(1);
  });

  it('a /status write keeps the stored spec and labels (shared, frozen) and leaves the input and old object alone', () => {
    const { api } = newTestApi();
    const before = api.create('pods', 'default', pod('p', {}, { app: 'web' }), KUBECTL);
    const input = edit(before, (o) => {
      o.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
      o.metadata.labels = { app: 'other' };
    });
    const beforeStatus = structuredClone(before.status);
    const after = api.updateStatus('pods', 'default', input, KUBECTL);
    expect(after.spec).toBe(before.spec);
    expect(after.metadata.labels).toBe(before.metadata.labels);
    expect(after.status).toEqual({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] });
    expect(after.status).not.toBe(input.status);
    expect(Object.isFrozen(after.status) && Object.isFrozen(after.metadata)).toBe(true);
    // the caller's input keeps its own values; the old object keeps its resourceVersion and status
    expect(input.metadata.labels).toEqual({ app: 'other' });
    expect(before.status).toEqual(beforeStatus);
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
  });

  it('bind and a graceful delete leave the stored objects they start from unchanged', () => {
    const { api } = newTestApi();
    const created = api.create('pods', 'default', pod('p'), KUBECTL);
    const createdStatus = structuredClone(created.status);
    const bound = api.bind('default', 'p', 'node-1', KUBECTL);
    expect(created.spec).not.toHaveProperty('nodeName');
    expect(created.status).toEqual(createdStatus);
    expect(created.metadata.resourceVersion).not.toBe(bound.metadata.resourceVersion);
    expect((bound.spec as { nodeName: string }).nodeName).toBe('node-1');
    const deleting = api.delete('pods', 'default', 'p', {}, KUBECTL);
    expect(bound.metadata.deletionTimestamp).toBeUndefined();
    expect(deleting.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(deleting.spec).toBe(bound.spec);
  });

  it('has no status subresource for ConfigMaps', () => {
    const { api } = newTestApi();
    const c = api.create('cm', 'default', configMap('c'), KUBECTL);
    expect(statusOf(() => api.updateStatus('cm', 'default', c, KUBECTL)).code).toBe(404);
  });

  it('patches status through the status subresource', () => {
    const { api } = newTestApi();
    api.create('pods', 'default', pod('p'), KUBECTL);
    const p = api.patch('pods', 'default', 'p', 'merge', { status: { phase: 'Running' } }, KUBECTL, 'status');
    expect((p.status as { phase: string }).phase).toBe('Running');
    const q = api.patch('pods', 'default', 'p', 'merge', { status: { phase: 'Failed' } }, KUBECTL);
    expect((q.status as { phase: string }).phase).toBe('Running');
  });
});

describe('patch', () => {
  it('merge-patches and strategic-patches through the update path', () => {
    const { api } = newTestApi();
    api.create('deploy', 'default', deployment('web'), KUBECTL);
    const m = api.patch('deploy', 'default', 'web', 'merge', { spec: { replicas: 3 } }, KUBECTL);
    expect([(m.spec as { replicas: number }).replicas, m.metadata.generation]).toEqual([3, 2]);
    const s = api.patch(
      'deploy',
      'default',
      'web',
      'strategic',
      { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } } },
      KUBECTL,
    );
    const containers = (s.spec as { template: { spec: { containers: { name: string; image: string }[] } } })
      .template.spec.containers;
    expect(containers.map((c) => `${c.name}=${c.image}`)).toEqual(['c=nginx:2']);
  });

  it('applies JSON patches and reports a failing one as 422', () => {
    const { api } = newTestApi();
    api.create('cm', 'default', configMap('c', { a: '1' }), KUBECTL);
    const j = api.patch(
      'cm',
      'default',
      'c',
      'json',
      [{ op: 'replace', path: '/data/a', value: '2' }],
      KUBECTL,
    );
    expect(j.data).toEqual({ a: '2' });
    const s = statusOf(() =>
      api.patch('cm', 'default', 'c', 'json', [{ op: 'test', path: '/data/a', value: 'x' }], KUBECTL),
    );
    expect([s.code, s.reason]).toEqual([422, 'Invalid']);
  });

  it('refuses missing objects, stale resourceVersions and renames', () => {
    const { api } = newTestApi();
    expect(statusOf(() => api.patch('deploy', 'default', 'nope', 'merge', {}, KUBECTL)).message).toBe(
      'deployments.apps "nope" not found',
    );
    api.create('cm', 'default', configMap('c'), KUBECTL);
    expect(
      statusOf(() =>
        api.patch('cm', 'default', 'c', 'merge', { metadata: { resourceVersion: '1' } }, KUBECTL),
      ).reason,
    ).toBe('Conflict');
    expect(
      statusOf(() => api.patch('cm', 'default', 'c', 'merge', { metadata: { name: 'd' } }, KUBECTL)).message,
    ).toBe('the name of the object (d) does not match the name on the URL (c)');
  });
});
