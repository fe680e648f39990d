// SortedKeySet agrees with a plain sorted array under random adds/deletes and reads between them, for size and
// prefix ranges.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SortedKeySet } from './sortedKeySet';

function range(set: SortedKeySet, prefix: string, after?: string): string[] {
  const out: string[] = [];
  set.forEachWithPrefix(prefix, (k) => out.push(k) > 0, after);
  return out;
}

describe('SortedKeySet', () => {
  it('matches a sorted array model (many chunks)', () => {
    const key = fc.stringMatching(/^[ab]{0,3}\/[a-c]{1,4}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('add', 'delete', 'read'), key), { maxLength: 400 }),
        fc.stringMatching(/^[ab]{0,2}/),
        key,
        (ops, prefix, after) => {
          const set = new SortedKeySet();
          const model = new Set<string>();
          for (const [op, k] of ops) {
            // the store adds only new keys and deletes only present ones
            if (op === 'add' && !model.has(k)) {
              set.add(k);
              model.add(k);
            } else if (op === 'delete' && model.has(k)) {
              set.delete(k);
              model.delete(k);
            } else if (op === 'read') {
              expect(range(set, k.slice(0, 2))).toEqual(
                [...model].sort().filter((m) => m.startsWith(k.slice(0, 2))),
              );
            }
            expect(set.size).toBe(model.size);
          }
          const sorted = [...model].sort();
          expect(set.keys()).toEqual(sorted);
          expect(set.size).toBe(model.size);
          expect(range(set, prefix)).toEqual(sorted.filter((k) => k.startsWith(prefix)));
          expect(range(set, prefix, after)).toEqual(sorted.filter((k) => k.startsWith(prefix) && k > after));
        },
      ),
    );
  });

  it('keeps order across many writes between reads', () => {
    const set = new SortedKeySet();
    const keys = Array.from({ length: 5000 }, (_, i) => `k${String((i * 7919) % 5000).padStart(5, '0')}`);
    for (const k of keys) set.add(k);
    expect(set.keys()).toEqual([...keys].sort());
    expect(range(set, 'k0499')).toEqual(Array.from({ length: 10 }, (_, i) => `k0499${i}`));
    for (const k of keys.slice(0, 4990)) set.delete(k);
    expect(set.size).toBe(10);
    expect(set.keys()).toEqual(keys.slice(4990).sort());
    for (const k of keys.slice(0, 10)) set.add(k);
    expect(set.keys()).toEqual([...keys.slice(0, 10), ...keys.slice(4990)].sort());
  });
});
