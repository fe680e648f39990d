// MvccStore reads and writes: revisions, versions, CAS errors, txn atomicity, frozen values, lists, history.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/object';
import { createStore } from './mvccStore';
import { StoreError, type MvccStore, type StoreErrorCode } from './types';
import { testSelector } from './testSelector';

function pod(name: string, labels?: Record<string, string>, ns = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels },
    spec: { containers: [{ name: 'c' }] },
  };
}

const K = (name: string, ns = 'default'): string => `/registry/pods/${ns}/${name}`;

function codeOf(fn: () => unknown): StoreErrorCode | 'none' {
  try {
    fn();
    return 'none';
  } catch (e) {
    if (e instanceof StoreError) return e.code;
    throw e;
  }
}

describe('writes', () => {
  const cases: {
    name: string;
    run: (s: MvccStore) => unknown;
    code: StoreErrorCode | 'none';
    revision: number;
  }[] = [
    { name: 'create new key', run: (s) => s.create(K('b'), pod('b')), code: 'none', revision: 2 },
    { name: 'create existing key', run: (s) => s.create(K('a'), pod('a')), code: 'KeyExists', revision: 1 },
    { name: 'update missing key', run: (s) => s.update(K('zz'), pod('zz')), code: 'NotFound', revision: 1 },
    { name: 'update unconditionally', run: (s) => s.update(K('a'), pod('a')), code: 'none', revision: 2 },
    {
      name: 'update with current modRevision',
      run: (s) => s.update(K('a'), pod('a'), 1),
      code: 'none',
      revision: 2,
    },
    {
      name: 'update with stale modRevision',
      run: (s) => s.update(K('a'), pod('a'), 0),
      code: 'Conflict',
      revision: 1,
    },
    { name: 'delete missing key', run: (s) => s.delete(K('zz')), code: 'NotFound', revision: 1 },
    { name: 'delete with stale modRevision', run: (s) => s.delete(K('a'), 7), code: 'Conflict', revision: 1 },
    { name: 'delete', run: (s) => s.delete(K('a'), 1), code: 'none', revision: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = createStore();
      s.create(K('a'), pod('a'));
      expect(codeOf(() => c.run(s))).toBe(c.code);
      expect(s.revision).toBe(c.revision);
    });
  }

  it('tracks createRevision, modRevision and version like etcd', () => {
    const s = createStore();
    expect(s.revision).toBe(0);
    s.create(K('a'), pod('a'));
    s.create(K('b'), pod('b'));
    const u = s.update(K('a'), pod('a', { v: '2' }));
    expect(u).toMatchObject({ createRevision: 1, modRevision: 3, version: 2 });
    const d = s.delete(K('a'));
    expect(d).toMatchObject({ createRevision: 1, modRevision: 4, version: 2 });
    expect(s.get(K('a'))).toBeUndefined();
    expect(s.create(K('a'), pod('a'))).toMatchObject({ createRevision: 5, modRevision: 5, version: 1 });
  });

  it('deep-freezes stored values', () => {
    const s = createStore();
    const kv = s.create(K('a'), pod('a', { app: 'web' }));
    expect(Object.isFrozen(kv.value.metadata.labels)).toBe(true);
    expect(Object.isFrozen((kv.value.spec as { containers: object[] }).containers[0])).toBe(true);
    expect(() => {
      (kv.value.metadata as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });
});

describe('txn', () => {
  it('applies every op as one revision when all compares hold', () => {
    const s = createStore();
    s.create(K('a'), pod('a'));
    const ok = s.txn(
      [
        { key: K('a'), modRevision: 1 },
        { key: K('new'), modRevision: 0 },
      ],
      [
        { op: 'put', key: K('new'), value: pod('new') },
        { op: 'delete', key: K('a') },
      ],
    );
    expect(ok).toBe(true);
    expect(s.revision).toBe(2);
    expect(s.get(K('new'))?.modRevision).toBe(2);
    expect(s.get(K('a'))).toBeUndefined();
  });

  it('changes nothing when a compare fails', () => {
    const s = createStore();
    s.create(K('a'), pod('a'));
    expect(s.txn([{ key: K('a'), modRevision: 9 }], [{ op: 'delete', key: K('a') }])).toBe(false);
    expect(
      s.txn([{ key: K('missing'), modRevision: 1 }], [{ op: 'put', key: K('b'), value: pod('b') }]),
    ).toBe(false);
    expect(s.revision).toBe(1);
    expect(s.get(K('b'))).toBeUndefined();
  });

  it('does not bump the revision when nothing changed, and rejects a key twice', () => {
    const s = createStore();
    expect(s.txn([], [{ op: 'delete', key: K('missing') }])).toBe(true);
    expect(s.revision).toBe(0);
    expect(() =>
      s.txn(
        [],
        [
          { op: 'put', key: K('a'), value: pod('a') },
          { op: 'delete', key: K('a') },
        ],
      ),
    ).toThrow(/duplicate key/);
  });
});

describe('list and count', () => {
  function fill(): MvccStore {
    const s = createStore();
    s.create(K('web-2'), pod('web-2', { app: 'web' }));
    s.create(K('web-1'), pod('web-1', { app: 'web' }));
    s.create(K('db-1', 'prod'), pod('db-1', { app: 'db' }, 'prod'));
    s.create(K('web-1', 'prod'), pod('web-1', { app: 'web' }, 'prod'));
    s.create('/registry/nodes/node-1', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    return s;
  }

  const cases: { name: string; prefix: string; expected: string[] }[] = [
    { name: 'one namespace', prefix: '/registry/pods/default/', expected: [K('web-1'), K('web-2')] },
    {
      name: 'all namespaces',
      prefix: '/registry/pods/',
      expected: [K('web-1'), K('web-2'), K('db-1', 'prod'), K('web-1', 'prod')],
    },
    { name: 'name prefix', prefix: '/registry/pods/prod/w', expected: [K('web-1', 'prod')] },
    {
      name: 'whole registry',
      prefix: '/registry/',
      expected: ['/registry/nodes/node-1', K('web-1'), K('web-2'), K('db-1', 'prod'), K('web-1', 'prod')],
    },
    { name: 'empty namespace', prefix: '/registry/pods/nope/', expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = fill();
      expect(s.list(c.prefix).items.map((kv) => kv.key)).toEqual(c.expected);
      expect(s.count(c.prefix)).toBe(c.expected.length);
      expect(s.list(c.prefix).revision).toBe(5);
    });
  }

  it('pages with limit and continueKey', () => {
    const s = fill();
    const p1 = s.list('/registry/pods/', { limit: 3 });
    expect(p1.items.map((kv) => kv.key)).toEqual([K('web-1'), K('web-2'), K('db-1', 'prod')]);
    expect(p1.continueKey).toBe(K('db-1', 'prod'));
    const p2 = s.list('/registry/pods/', { limit: 3, continueKey: p1.continueKey });
    expect(p2.items.map((kv) => kv.key)).toEqual([K('web-1', 'prod')]);
    expect(p2.continueKey).toBeUndefined();
  });

  it('filters by label selector, also after relabelling and deletion', () => {
    const s = fill();
    const sel = testSelector(['app', '=', ['web']]);
    expect(s.list('/registry/pods/', { labelSelector: sel }).items.map((kv) => kv.key)).toEqual([
      K('web-1'),
      K('web-2'),
      K('web-1', 'prod'),
    ]);
    s.update(K('web-2'), pod('web-2', { app: 'other' }));
    s.delete(K('web-1', 'prod'));
    expect(s.list('/registry/pods/', { labelSelector: sel }).items.map((kv) => kv.key)).toEqual([K('web-1')]);
    const page = s.list('/registry/pods/', { labelSelector: testSelector(['app', 'exists']), limit: 2 });
    expect(page.items.map((kv) => kv.key)).toEqual([K('web-1'), K('web-2')]);
    expect(page.continueKey).toBe(K('web-2'));
  });
});

describe('history', () => {
  it('answers getAt and listAt as of any retained revision', () => {
    const s = createStore();
    s.create(K('a'), pod('a', { v: '1' })); // 1
    s.create(K('b'), pod('b')); // 2
    s.update(K('a'), pod('a', { v: '3' })); // 3
    s.delete(K('b')); // 4
    expect(s.getAt(K('a'), 2)?.value.metadata.labels).toEqual({ v: '1' });
    expect(s.getAt(K('a'), 3)?.value.metadata.labels).toEqual({ v: '3' });
    expect(s.getAt(K('b'), 1)).toBeUndefined();
    expect(s.getAt(K('b'), 3)?.modRevision).toBe(2);
    expect(s.getAt(K('b'), 4)).toBeUndefined();
    expect(s.listAt('/registry/pods/', 2).items.map((kv) => kv.modRevision)).toEqual([1, 2]);
    expect(s.listAt('/registry/pods/', 4).items.map((kv) => kv.key)).toEqual([K('a')]);
    expect(s.listAt('/registry/pods/', 0).items).toEqual([]);
    expect(codeOf(() => s.getAt(K('a'), 5))).toBe('FutureRevision');
  });

  it('compaction keeps reads at and after the compact revision, and refuses older ones', () => {
    const s = createStore();
    s.create(K('a'), pod('a', { v: '1' })); // 1
    s.create(K('b'), pod('b')); // 2
    s.delete(K('b')); // 3
    s.update(K('a'), pod('a', { v: '4' })); // 4
    s.compact(3);
    expect(s.compactRevision).toBe(3);
    expect(codeOf(() => s.getAt(K('a'), 2))).toBe('Compacted');
    expect(codeOf(() => s.listAt('/registry/pods/', 1))).toBe('Compacted');
    expect(s.getAt(K('a'), 3)?.value.metadata.labels).toEqual({ v: '1' });
    expect(s.listAt('/registry/pods/', 3).items.map((kv) => kv.key)).toEqual([K('a')]);
    expect(s.getAt(K('a'), 4)?.version).toBe(2);
  });

  it('compacts automatically to keep historyLimit revisions', () => {
    const s = createStore({ historyLimit: 16 });
    s.create(K('a'), pod('a'));
    for (let i = 2; i <= 100; i++) s.update(K('a'), pod('a', { i: String(i) }));
    expect(s.revision).toBe(100);
    expect(s.revision - s.compactRevision).toBeGreaterThanOrEqual(16);
    expect(s.revision - s.compactRevision).toBeLessThanOrEqual(17);
    expect(codeOf(() => s.getAt(K('a'), 50))).toBe('Compacted');
    expect(s.getAt(K('a'), 90)?.value.metadata.labels).toEqual({ i: '90' });
  });
});
