// Property test: the keyed heap pops in exactly the order a from-scratch sort of its live items gives, through any
// sequence of inserts, replacements, deletes and pops (the activeQ order every scheduling cycle depends on).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyedHeap } from './heap';

interface Item {
  prio: number;
  seq: number;
}
const less = (a: Item, b: Item): boolean => (a.prio !== b.prio ? a.prio > b.prio : a.seq < b.seq);
const byLess = (a: Item, b: Item): number => (less(a, b) ? -1 : less(b, a) ? 1 : 0);

const op = fc.record({
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'pop'),
  key: fc.integer({ min: 0, max: 15 }),
  prio: fc.integer({ min: 0, max: 4 }),
});

describe('KeyedHeap', () => {
  it('pops, peeks and looks up like a sorted map of its live items', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const heap = new KeyedHeap<Item>(less);
        const ref = new Map<string, Item>();
        let seq = 0;
        for (const o of ops) {
          const key = `k${o.key}`;
          if (o.kind === 'set') {
            const item = { prio: o.prio, seq: seq++ };
            heap.set(key, item);
            ref.set(key, item);
          } else if (o.kind === 'delete') {
            expect(heap.delete(key)).toBe(ref.get(key));
            ref.delete(key);
          } else {
            const want = [...ref.entries()].sort((a, b) => byLess(a[1], b[1]))[0];
            expect(heap.pop()).toBe(want?.[1]);
            if (want) ref.delete(want[0]);
          }
          expect(heap.length).toBe(ref.size);
          for (const [k, v] of ref) expect(heap.get(k)).toBe(v);
        }
        const drained: Item[] = [];
        for (let it = heap.pop(); it !== undefined; it = heap.pop()) drained.push(it);
        expect(drained).toEqual([...ref.values()].sort(byLess));
      }),
      { numRuns: 300 },
    );
  });
});
