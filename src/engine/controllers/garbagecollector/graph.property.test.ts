// Property test: the dependency graph's incrementally kept owner -> dependents sets equal a rebuild from the nodes,
// in the same order, and each write notes the same work as the full owner-diff path (no unchanged-owners shortcut).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../types/object';
import { DependencyGraph, deleteKey, isDeletingDependents, isOrphaning, orphanKey } from './graph';

type Op = { uid: number; owners: number[]; deleting: 0 | 1 | 2 };

function obj(op: Op): KubeObject {
  const finalizers = op.deleting === 1 ? ['orphan'] : op.deleting === 2 ? ['foregroundDeletion'] : [];
  return Object.freeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `o${op.uid}`,
      uid: `u${op.uid}`,
      ownerReferences: op.owners.map((o) => ({ apiVersion: 'v1', kind: 'Pod', name: `o${o}`, uid: `u${o}` })),
      ...(op.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers } : {}),
    },
  });
}

/** the graph's upsert/remove without shortcuts: diff the owner sets on every write */
class ReferenceGraph {
  nodes = new Map<string, Readonly<KubeObject>>();
  deps = new Map<string, Set<string>>();
  dirty: string[] = [];
  upsert(o: Readonly<KubeObject>): void {
    const uid = o.metadata.uid as string;
    const old = this.nodes.get(uid);
    this.nodes.set(uid, o);
    const oldOwners = new Set((old?.metadata.ownerReferences ?? []).map((r) => r.uid));
    const newOwners = new Set((o.metadata.ownerReferences ?? []).map((r) => r.uid));
    for (const x of oldOwners) {
      if (newOwners.has(x)) continue;
      this.deps.get(x)?.delete(uid);
      const owner = this.nodes.get(x);
      if (owner && isDeletingDependents(owner)) this.dirty.push(deleteKey(x));
    }
    let check = false;
    for (const x of newOwners) {
      if (!this.deps.has(x)) this.deps.set(x, new Set());
      this.deps.get(x)?.add(uid);
      const owner = this.nodes.get(x);
      if (!owner || owner.metadata.deletionTimestamp) check = true;
    }
    if (check && (!old || [...newOwners].some((x) => !oldOwners.has(x)))) this.dirty.push(deleteKey(uid));
    if (isOrphaning(o) && !(old && isOrphaning(old))) this.dirty.push(orphanKey(uid));
    if (isDeletingDependents(o) && !(old && isDeletingDependents(old))) {
      this.dirty.push(deleteKey(uid));
      for (const d of this.deps.get(uid) ?? []) this.dirty.push(deleteKey(d));
    }
  }
}

const opArb = fc.record({
  uid: fc.integer({ min: 0, max: 4 }),
  owners: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 2 }),
  deleting: fc.constantFrom<0 | 1 | 2>(0, 0, 1, 2),
});

describe('DependencyGraph', () => {
  it('keeps dependents equal to a rebuild and notes the same work as a full owner diff', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const graph = new DependencyGraph();
        const ref = new ReferenceGraph();
        for (const op of ops) {
          const o = obj(op);
          graph.upsert('pods', o);
          ref.upsert(o);
          expect(graph.takeDirty()).toEqual(ref.dirty);
          ref.dirty = [];
        }
        for (let u = 0; u <= 5; u++) {
          const got = graph.dependents(`u${u}`).map((n) => n.uid);
          expect(got).toEqual([...(ref.deps.get(`u${u}`) ?? [])]);
          const rebuilt = [...ref.nodes.values()]
            .filter((n) => (n.metadata.ownerReferences ?? []).some((r) => r.uid === `u${u}`))
            .map((n) => n.metadata.uid);
          expect(new Set(got)).toEqual(new Set(rebuilt));
        }
      }),
      { numRuns: 300 },
    );
  });
});
