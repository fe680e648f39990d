import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KUBECTL, configMap, deployment, newTestApi, pod, statusOf } from './testSupport';
import { GENERATE_NAME_ALPHABET } from './create';

describe('create', () => {
  it('fills uid, creationTimestamp, generation and resourceVersion = store revision', () => {
    const { api, store } = newTestApi();
    const d = api.create('deploy', 'default', deployment('web'), KUBECTL);
    expect(d.metadata.resourceVersion).toBe(String(store.revision));
    expect(d.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.metadata.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toEqual({});
    expect(Object.isFrozen(d)).toBe(true);
    const cm = api.create('cm', 'default', configMap('c'), KUBECTL);
    expect(cm.metadata.generation).toBeUndefined();
    expect(cm.apiVersion).toBe('v1');
    expect(cm.metadata.namespace).toBe('default');
  });

  const refusals = [
    {
      name: 'duplicate name',
      run: (t: ReturnType<typeof newTestApi>) => {
        t.api.create('deployments', 'default', deployment('web'), KUBECTL);
        t.api.create('deployments', 'default', deployment('web'), KUBECTL);
      },
      reason: 'AlreadyExists',
      message: 'deployments.apps "web" already exists',
    },
    {
      name: 'namespace mismatch',
      run: (t: ReturnType<typeof newTestApi>) =>
        t.api.create(
          'cm',
          'default',
          { ...configMap('c'), metadata: { name: 'c', namespace: 'other' } },
          KUBECTL,
        ),
      reason: 'BadRequest',
      message: 'the namespace of the provided object does not match the namespace sent on the request',
    },
    {
      name: 'resourceVersion set',
      run: (t: ReturnType<typeof newTestApi>) =>
        t.api.create(
          'cm',
          'default',
          { ...configMap('c'), metadata: { name: 'c', resourceVersion: '3' } },
          KUBECTL,
        ),
      reason: 'BadRequest',
      message: 'resourceVersion should not be set on objects to be created',
    },
    {
      name: 'missing namespace',
      run: (t: ReturnType<typeof newTestApi>) => t.api.create('cm', 'nope', configMap('c'), KUBECTL),
      reason: 'NotFound',
      message: 'namespaces "nope" not found',
    },
  ];
  for (const c of refusals) {
    it(`refuses: ${c.name}`, () => {
      const t = newTestApi();
      const s = statusOf(() => c.run(t));
      expect([s.reason, s.message]).toEqual([c.reason, c.message]);
    });
  }

  it('NamespaceLifecycle sees a namespace as soon as it is created, and its Terminating phase', () => {
    const { api } = newTestApi();
    expect(statusOf(() => api.create('cm', 'later', configMap('c'), KUBECTL)).message).toBe(
      'namespaces "later" not found',
    );
    api.create(
      'namespaces',
      undefined,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'later' } },
      KUBECTL,
    );
    expect(api.create('cm', 'later', configMap('c'), KUBECTL).metadata.namespace).toBe('later');
    api.create('cm', 'later', configMap('d'), KUBECTL);
    api.delete('namespaces', undefined, 'later', {}, KUBECTL);
    expect(statusOf(() => api.create('cm', 'later', configMap('e'), KUBECTL)).message).toMatch(
      /because it is being terminated/,
    );
  });

  it('refuses an invalid object with 422 and the NewInvalid message', () => {
    const { api } = newTestApi();
    const s = statusOf(() => api.create('cm', 'default', configMap('My_App'), KUBECTL));
    expect([s.code, s.reason]).toEqual([422, 'Invalid']);
    expect(s.message).toMatch(
      /^ConfigMap "My_App" is invalid: metadata\.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain/,
    );
    expect(s.details?.causes?.[0]?.field).toBe('metadata.name');
  });

  it('generateName appends 5 characters of the no-vowel alphabet, prefix cut to 58', () => {
    const { api } = newTestApi();
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,70}-?$/), (base) => {
        const o = api.create(
          'cm',
          'default',
          { ...configMap(''), metadata: { generateName: base } },
          KUBECTL,
        );
        const name = o.metadata.name ?? '';
        const prefix = base.slice(0, 58);
        expect(name.startsWith(prefix)).toBe(true);
        expect(name.length).toBe(prefix.length + 5);
        for (const ch of name.slice(prefix.length)) expect(GENERATE_NAME_ALPHABET).toContain(ch);
      }),
      { numRuns: 50 },
    );
  });

  it('is deterministic for a seed', () => {
    const names = [1, 1, 2].map((seed) => {
      const { api } = newTestApi({}, seed);
      const o = api.create('cm', 'default', { ...configMap(''), metadata: { generateName: 'x-' } }, KUBECTL);
      return `${o.metadata.name} ${o.metadata.uid}`;
    });
    expect(names[0]).toBe(names[1]);
    expect(names[0]).not.toBe(names[2]);
  });

  it('records a trace entry for every write', () => {
    const { api, sim, store } = newTestApi();
    api.create('cm', 'default', configMap('c'), { actor: 'alice', cause: 'kubectl apply' });
    const last = sim.trace.all().at(-1);
    expect(last).toMatchObject({
      actor: 'alice',
      action: 'create',
      target: 'configmaps/default/c',
      revision: store.revision,
      cause: 'kubectl apply',
    });
    api.create('ns', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }, KUBECTL);
    expect(sim.trace.all().at(-1)?.target).toBe('namespaces/team');
  });

  it('sets Pod status Pending with its QoS class and Namespace status Active', () => {
    const { api } = newTestApi();
    const p = api.create('pods', 'default', pod('p'), KUBECTL);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const ns = api.create(
      'ns',
      undefined,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } },
      KUBECTL,
    );
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
  });
});

describe('get and list', () => {
  it('reports missing objects with the qualified resource', () => {
    const { api } = newTestApi();
    expect(statusOf(() => api.get('deploy', 'default', 'x')).message).toBe('deployments.apps "x" not found');
    expect(statusOf(() => api.get('po', 'default', 'p')).message).toBe('pods "p" not found');
    expect(statusOf(() => api.get('po', 'default', 'p')).code).toBe(404);
  });

  it('lists with kind <Kind>List, the store revision and selectors', () => {
    const { api, store } = newTestApi();
    api.create('pods', 'default', pod('a', { nodeName: 'n1' }, { app: 'web' }), KUBECTL);
    api.create('pods', 'default', pod('b', { nodeName: 'n2' }, { app: 'db' }), KUBECTL);
    api.create('pods', 'kube-system', pod('c', { nodeName: 'n1' }, { app: 'web' }), KUBECTL);
    const all = api.list('pods', undefined);
    expect(all.kind).toBe('PodList');
    expect(all.apiVersion).toBe('v1');
    expect(all.metadata.resourceVersion).toBe(String(store.revision));
    const names = (opts: Parameters<typeof api.list>[2], ns?: string) =>
      api.list('pods', ns, opts).items.map((p) => p.metadata.name);
    const cases: { opts: Parameters<typeof api.list>[2]; ns?: string; expected: string[] }[] = [
      { opts: {}, expected: ['a', 'b', 'c'] },
      { opts: {}, ns: 'default', expected: ['a', 'b'] },
      { opts: { labelSelector: 'app=web' }, expected: ['a', 'c'] },
      { opts: { labelSelector: 'app!=web' }, expected: ['b'] },
      { opts: { fieldSelector: 'spec.nodeName=n1' }, expected: ['a', 'c'] },
      { opts: { fieldSelector: 'metadata.name=b' }, expected: ['b'] },
      { opts: { fieldSelector: 'metadata.namespace!=default' }, expected: ['c'] },
      { opts: { fieldSelector: 'status.phase=Pending,spec.nodeName!=n1' }, expected: ['b'] },
      {
        opts: { labelSelector: 'app=web', fieldSelector: 'spec.nodeName=n1' },
        ns: 'default',
        expected: ['a'],
      },
    ];
    for (const c of cases) expect(names(c.opts, c.ns)).toEqual(c.expected);
  });

  it('pages with limit and continue', () => {
    const { api } = newTestApi();
    for (const n of ['a', 'b', 'c']) api.create('cm', 'default', configMap(n), KUBECTL);
    const first = api.list('cm', 'default', { limit: 2 });
    expect(first.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    const rest = api.list('cm', 'default', { limit: 2, continue: first.metadata.continue });
    expect(rest.items.map((o) => o.metadata.name)).toEqual(['c']);
    expect(rest.metadata.continue).toBeUndefined();
  });

  it('refuses unsupported field labels and bad label selectors with 400', () => {
    const { api } = newTestApi();
    const s = statusOf(() => api.list('pods', 'default', { fieldSelector: 'spec.foo=bar' }));
    expect([s.code, s.reason, s.message]).toEqual([400, 'BadRequest', 'field label not supported: spec.foo']);
    expect(statusOf(() => api.list('cm', 'default', { fieldSelector: 'type=x' })).message).toBe(
      'field label not supported: type',
    );
    expect(api.list('secrets', 'default', { fieldSelector: 'type=Opaque' }).items).toEqual([]);
    expect(api.list('events', 'default', { fieldSelector: 'involvedObject.name=x' }).items).toEqual([]);
    expect(statusOf(() => api.list('pods', 'default', { labelSelector: 'a in (' })).reason).toBe(
      'BadRequest',
    );
  });
});
