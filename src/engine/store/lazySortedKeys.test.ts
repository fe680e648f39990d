// LazySortedKeys against the eagerly sorted SortedKeySet: the same keys under any prefix, in the same order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LazySortedKeys } from './lazySortedKeys';
import { SortedKeySet } from './sortedKeySet';

const key = fc
  .constantFrom('/r/pods/a/', '/r/pods/b/', '/r/events/a/')
  .chain((p) => fc.string({ minLength: 0, maxLength: 3 }).map((s) => p + s));

describe('LazySortedKeys', () => {
  it('lists what a SortedKeySet lists, for any adds, deletes and reads in between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('add', 'delete', 'read'), key), { maxLength: 80 }),
        (ops) => {
          const lazy = new LazySortedKeys();
          const eager = new SortedKeySet();
          for (const [op, k] of ops) {
            if (op === 'add') {
              lazy.add(k);
              eager.add(k);
            } else if (op === 'delete') {
              lazy.delete(k);
              eager.delete(k);
            } else {
              const prefix = k.slice(0, 9);
              const want: string[] = [];
              eager.forEachWithPrefix(prefix, (x) => (want.push(x), true));
              expect(lazy.withPrefix(prefix)).toEqual(want);
            }
          }
          expect(lazy.size).toBe(eager.size);
          expect(lazy.withPrefix('')).toEqual(eager.keys());
        },
      ),
      { numRuns: 300 },
    );
  });
});
