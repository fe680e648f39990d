// Property test: the informer's incrementally kept indexes (with remembered index values) list exactly what a
// rebuild from the cached objects lists, in the same order (a key keeps its place while its index value is unchanged).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ApiServer, WatchEvent } from '../apiserver/types';
import type { KubeObject } from '../types/object';
import { objectKey } from '../types/object';
import { Informer, NAMESPACE_INDEX } from './informer';

type Op = { kind: 'put' | 'delete'; ns: number; name: number; app: number; extra: number };

const BY_APP = 'app';
const BY_EXTRA = 'extra';
const BY_EXTRA_EARLY = 'extra-early';
const appIndex = (o: Readonly<KubeObject>): string[] => [o.metadata.labels?.app ?? ''];
// several values, sometimes none, sometimes a duplicate
const extraIndex = (o: Readonly<KubeObject>): string[] => {
  const n = Number(o.metadata.labels?.extra ?? '0');
  return n === 0 ? [] : n === 1 ? ['x', 'x'] : ['x', `y${n}`];
};

function fakeApi(): { api: ApiServer; emit: (e: WatchEvent) => void } {
  let listener: ((e: WatchEvent) => void) | undefined;
  const api = {
    resolve: () => ({ plural: 'pods' }),
    list: () => ({ items: [], metadata: { resourceVersion: '1' } }),
    watch: (_r: string, _ns: string | undefined, _o: unknown, l: (e: WatchEvent) => void) => {
      listener = l;
      return { cancel: () => (listener = undefined) };
    },
  } as unknown as ApiServer;
  return { api, emit: (e) => listener?.(e) };
}

/** label maps are shared between versions with the same labels, as /status writes share the stored ones */
const labelMaps = new Map<string, Readonly<Record<string, string>>>();
function labelsOf(op: Op): Readonly<Record<string, string>> {
  const id = `${op.app}/${op.extra}`;
  let m = labelMaps.get(id);
  if (!m) labelMaps.set(id, (m = Object.freeze({ app: `a${op.app}`, extra: String(op.extra) })));
  return m;
}

function pod(op: Op): KubeObject {
  return Object.freeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: `ns${op.ns}`, name: `p${op.name}`, labels: labelsOf(op) },
  });
}

/** the plain way: recompute both the old and new object's values; move the key only when they differ */
function rebuildOrder(log: { key: string; obj?: KubeObject }[], fn: (o: KubeObject) => string[]) {
  const idx = new Map<string, Set<string>>();
  const items = new Map<string, KubeObject>();
  for (const { key, obj } of log) {
    const old = items.get(key);
    if (old && obj && fn(old).join('\0') === fn(obj).join('\0')) {
      items.set(key, obj);
      continue;
    }
    if (old)
      for (const v of fn(old)) {
        idx.get(v)?.delete(key);
        if (idx.get(v)?.size === 0) idx.delete(v);
      }
    if (obj) {
      items.set(key, obj);
      for (const v of fn(obj)) {
        if (!idx.has(v)) idx.set(v, new Set());
        idx.get(v)?.add(key);
      }
    } else items.delete(key);
  }
  return idx;
}

const opArb = fc.record({
  kind: fc.constantFrom<'put' | 'delete'>('put', 'put', 'delete'),
  ns: fc.integer({ min: 0, max: 2 }),
  name: fc.integer({ min: 0, max: 5 }),
  app: fc.integer({ min: 0, max: 2 }),
  extra: fc.integer({ min: 0, max: 3 }),
});

describe('Informer indexes', () => {
  it('byIndex equals a rebuild, in the order keys joined each value, for any sequence of writes and deletes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.integer({ min: 0, max: 60 }), (ops, lateAt) => {
        const { api, emit } = fakeApi();
        const inf = new Informer(api, 'pods');
        // with IndexDeps: skipped when the label map is the same object
        inf.addIndexer(BY_APP, appIndex, (o) => o.metadata.labels);
        inf.addIndexer(BY_EXTRA_EARLY, extraIndex);
        inf.start();
        const log: { key: string; obj?: KubeObject }[] = [];
        ops.forEach((op, i) => {
          // an indexer added late indexes what is cached and then follows later writes
          if (i === lateAt) inf.addIndexer(BY_EXTRA, extraIndex);
          const obj = pod(op);
          const key = objectKey(obj);
          if (op.kind === 'delete') {
            if (!inf.get(key)) return;
            emit({ type: 'DELETED', object: obj });
            log.push({ key });
          } else {
            emit({ type: inf.get(key) ? 'MODIFIED' : 'ADDED', object: obj });
            log.push({ key, obj });
          }
        });
        const checks: [string, (o: KubeObject) => string[], string[]][] = [
          [NAMESPACE_INDEX, (o) => [o.metadata.namespace ?? ''], ['ns0', 'ns1', 'ns2']],
          [BY_APP, appIndex, ['a0', 'a1', 'a2']],
          [BY_EXTRA_EARLY, extraIndex, ['x', 'y2', 'y3']],
        ];
        if (lateAt < ops.length) checks.push([BY_EXTRA, extraIndex, ['x', 'y2', 'y3']]);
        for (const [name, fn, values] of checks) {
          const want = rebuildOrder(log, fn);
          for (const v of values) {
            const got = inf.byIndex(name, v).map(objectKey);
            if (name === BY_EXTRA) {
              // the late index starts from the cache's iteration order, so compare as sets
              expect(new Set(got)).toEqual(want.get(v) ?? new Set());
            } else expect(got).toEqual([...(want.get(v) ?? [])]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
