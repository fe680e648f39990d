// Property test porting etcd tests/robustness/validate/watch.go: random writes with watchers started at random
// revisions; each watcher must see exactly the model's events for its prefix/selector: Ordered, Unique, Reliable,
// and every revision as one atomic batch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../types/object';
import { createStore } from './mvccStore';
import { StoreError, type StoreEvent, type TxnOp } from './types';
import { testSelector } from './testSelector';
import { filterForSelector } from './watchHub';

const KEYS = ['/registry/pods/a/p1', '/registry/pods/a/p2', '/registry/pods/b/p1', '/registry/nodes/n1'];
const PREFIXES = [
  '/registry/pods/',
  '/registry/pods/a/',
  '/registry/',
  '/registry/pods/b/p',
  '/registry/nodes/',
];
const SELECTORS = [
  undefined,
  testSelector(['app', '=', ['web']]),
  testSelector(['app', 'in', ['web', 'db']], ['tier', '!']),
];

const key = fc.constantFrom(...KEYS);
const labels = fc.option(fc.record({ app: fc.constantFrom('web', 'db', 'x') }, { requiredKeys: [] }), {
  nil: undefined,
});

type Op =
  | { t: 'create' | 'update'; key: string; labels: Record<string, string> | undefined; stale: boolean }
  | { t: 'delete'; key: string; stale: boolean }
  | { t: 'txn'; ok: boolean; puts: [string, Record<string, string> | undefined][]; dels: string[] }
  | { t: 'watch'; prefix: number; selector: number; back: number }
  | { t: 'compact'; back: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constantFrom('create' as const, 'update' as const), key, labels, stale: fc.boolean() }),
  fc.record({ t: fc.constant('delete' as const), key, stale: fc.boolean() }),
  fc.record({
    t: fc.constant('txn' as const),
    ok: fc.boolean(),
    puts: fc.uniqueArray(fc.tuple(key, labels), { selector: (p) => p[0], maxLength: 3 }),
    dels: fc.uniqueArray(key, { maxLength: 2 }),
  }),
  fc.record({
    t: fc.constant('watch' as const),
    prefix: fc.nat(PREFIXES.length - 1),
    selector: fc.nat(SELECTORS.length - 1),
    back: fc.nat(6),
  }),
  fc.record({ t: fc.constant('compact' as const), back: fc.nat(8) }),
);

const obj = (k: string, l: Record<string, string> | undefined): KubeObject => ({
  apiVersion: 'v1',
  kind: 'X',
  metadata: { name: k, labels: l },
});

interface WatcherRun {
  prefix: string;
  selectorIndex: number;
  from: number;
  batches: (readonly StoreEvent[])[];
}

describe('watch guarantees (etcd robustness validators)', () => {
  it('every watcher sees its slice of the global log: ordered, unique, reliable, atomic', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const s = createStore({ historyLimit: 1000 });
        const globalLog: StoreEvent[][] = [[]]; // index = revision, collected by an all-keys watcher from 0
        s.watch('', (b) => globalLog.push([...b]));
        const watchers: WatcherRun[] = [];
        const live = new Set<string>(); // independent model of which keys exist
        const expectedGlobal: string[][] = [];
        const expectWrite = (events: string[]): void =>
          void (events.length > 0 && expectedGlobal.push(events));
        for (const o of ops) {
          if (o.t === 'create' && !live.has(o.key)) expectWrite([`ADDED ${o.key}`]);
          if ((o.t === 'update' || o.t === 'delete') && live.has(o.key) && !o.stale) {
            expectWrite([`${o.t === 'update' ? 'MODIFIED' : 'DELETED'} ${o.key}`]);
          }
          if (o.t === 'txn' && o.ok) {
            const dels = o.dels.filter((d) => !o.puts.some(([p]) => p === d) && live.has(d));
            expectWrite([
              ...o.puts.map(([k]) => `${live.has(k) ? 'MODIFIED' : 'ADDED'} ${k}`),
              ...dels.map((d) => `DELETED ${d}`),
            ]);
          }
          applyToModel(o, live);
          try {
            if (o.t === 'create') s.create(o.key, obj(o.key, o.labels));
            else if (o.t === 'update') s.update(o.key, obj(o.key, o.labels), o.stale ? -1 : undefined);
            else if (o.t === 'delete') s.delete(o.key, o.stale ? -1 : undefined);
            else if (o.t === 'txn') {
              const cmp = o.ok ? [] : [{ key: KEYS[0] as string, modRevision: -1 }];
              const dels = o.dels.filter((d) => !o.puts.some(([p]) => p === d));
              const txnOps: TxnOp[] = [
                ...o.puts.map(([k, l]): TxnOp => ({ op: 'put', key: k, value: obj(k, l) })),
                ...dels.map((k): TxnOp => ({ op: 'delete', key: k })),
              ];
              s.txn(cmp, txnOps);
            } else if (o.t === 'compact') s.compact(Math.max(0, s.revision - o.back));
            else if (o.t === 'watch') {
              const run: WatcherRun = {
                prefix: PREFIXES[o.prefix] as string,
                selectorIndex: o.selector,
                from: Math.max(0, s.revision - o.back),
                batches: [],
              };
              try {
                s.watch(run.prefix, (b) => run.batches.push(b), {
                  fromRevision: run.from,
                  labelSelector: SELECTORS[o.selector],
                });
                watchers.push(run);
              } catch (e) {
                expect(e).toBeInstanceOf(StoreError);
                expect(run.from).toBeLessThan(s.compactRevision);
              }
            }
          } catch (e) {
            if (!(e instanceof StoreError)) throw e;
          }
        }
        expect(globalLog.slice(1).map((b) => b.map((e) => `${e.type} ${e.key}`))).toEqual(expectedGlobal);
        // the all-keys watcher itself: one batch per revision, revisions 1..N with no gap
        expect(globalLog.length - 1).toBe(s.revision);
        globalLog.forEach((batch, rev) => batch.forEach((e) => expect(e.revision).toBe(rev)));
        for (const w of watchers) validate(w, globalLog);
      }),
      { numRuns: 300 },
    );
  });
});

function applyToModel(o: Op, live: Set<string>): void {
  if (o.t === 'create') live.add(o.key);
  else if (o.t === 'delete' && !o.stale) live.delete(o.key);
  else if (o.t === 'txn' && o.ok) {
    for (const d of o.dels) if (!o.puts.some(([p]) => p === d)) live.delete(d);
    for (const [k] of o.puts) live.add(k);
  }
}

function validate(w: WatcherRun, globalLog: StoreEvent[][]): void {
  const selector = SELECTORS[w.selectorIndex];
  const revs = w.batches.map((b) => b[0]?.revision ?? -1);
  for (const b of w.batches) {
    // Atomic: a batch holds exactly one revision
    expect(new Set(b.map((e) => e.revision)).size).toBe(1);
  }
  for (let i = 1; i < revs.length; i++) {
    // errBrokeOrdered / errBrokeUnique
    expect((revs[i] as number) > (revs[i - 1] as number)).toBe(true);
  }
  // errBrokeReliable: exactly the global log after `from`, restricted to the prefix and selector
  const expected: string[] = [];
  for (let rev = w.from + 1; rev < globalLog.length; rev++) {
    for (const e of globalLog[rev] as StoreEvent[]) {
      if (!e.key.startsWith(w.prefix)) continue;
      const seen = selector ? filterForSelector(e, selector) : e;
      if (seen) expected.push(`${seen.type} ${seen.key}@${seen.revision}`);
    }
  }
  expect(w.batches.flat().map((e) => `${e.type} ${e.key}@${e.revision}`)).toEqual(expected);
}
