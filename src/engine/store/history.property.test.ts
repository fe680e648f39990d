// Property: reads at a past revision (getAt, listAt) equal a snapshot taken at that revision, after random creates,
// updates, deletes, multi-key transactions and compactions; compacted revisions are refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../types/object';
import type { KeyValue } from './types';
import { StoreError } from './types';
import { createStore } from './mvccStore';

const KEYS = [
  '/registry/pods/a/x',
  '/registry/pods/a/y',
  '/registry/pods/b/x',
  '/registry/nodes/n1',
  '/registry/nodes/n2',
];
const PREFIXES = [
  '/registry/',
  '/registry/pods/',
  '/registry/pods/a/',
  '/registry/nodes/n',
  '/registry/pods/b/x',
];

const pod = (name: string, v: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { v: String(v) } },
});

type Op =
  | { kind: 'put'; key: string }
  | { kind: 'delete'; key: string }
  | { kind: 'txn'; keys: string[] }
  | { kind: 'compact'; back: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({
    kind: fc.constant('txn' as const),
    keys: fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('compact' as const), back: fc.integer({ min: 0, max: 6 }) }),
);

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof StoreError ? e.code : 'other';
  }
};

describe('reads at a past revision', () => {
  it('equal the store as it was at that revision', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer({ min: 3, max: 50 }), (ops, historyLimit) => {
        const s = createStore({ historyLimit });
        let n = 0;
        // snapshots[rev]: every live key's KeyValue at that revision
        const snapshots: Map<string, KeyValue>[] = [new Map()];
        const snap = (): void => {
          const m = new Map<string, KeyValue>();
          for (const kv of s.list('/registry/').items) m.set(kv.key, kv);
          snapshots[s.revision] = m;
        };
        for (const o of ops) {
          if (o.kind === 'put') {
            const name = o.key.split('/').pop() as string;
            if (s.get(o.key)) s.update(o.key, pod(name, ++n));
            else s.create(o.key, pod(name, ++n));
          } else if (o.kind === 'delete') {
            if (s.get(o.key)) s.delete(o.key);
          } else if (o.kind === 'txn') {
            s.txn(
              [],
              o.keys.map((key) =>
                s.get(key) && n % 2 === 0
                  ? { op: 'delete' as const, key }
                  : { op: 'put' as const, key, value: pod(key.split('/').pop() as string, ++n) },
              ),
            );
          } else if (s.revision - o.back > s.compactRevision) s.compact(s.revision - o.back);
          snap();
        }
        for (let rev = 0; rev <= s.revision; rev++) {
          const want = snapshots[rev];
          if (rev < s.compactRevision || !want) {
            if (rev < s.compactRevision)
              expect(codeOf(() => s.getAt(KEYS[0] as string, rev))).toBe('Compacted');
            continue;
          }
          for (const key of KEYS) expect(s.getAt(key, rev)).toBe(want.get(key));
          for (const prefix of PREFIXES) {
            const expected = [...want.values()]
              .filter((kv) => kv.key.startsWith(prefix))
              .sort((a, b) => (a.key < b.key ? -1 : 1));
            expect(s.listAt(prefix, rev).items).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
