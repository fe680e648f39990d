// The recorder's linked-list LRU behaves as the Map-based cache it replaced, for any gets and sets.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MapLru } from './mapLru.testSupport';
import { Lru } from './lru';

describe('Lru', () => {
  it.each([
    { name: 'evicts the least recently set', ops: ['set a', 'set b', 'set c'], max: 2, keys: ['b', 'c'] },
    { name: 'a hit keeps an entry', ops: ['set a', 'set b', 'get a', 'set c'], max: 2, keys: ['a', 'c'] },
    { name: 're-setting refreshes', ops: ['set a', 'set b', 'set a', 'set c'], max: 2, keys: ['a', 'c'] },
    { name: 'a miss changes nothing', ops: ['set a', 'get z', 'set b'], max: 2, keys: ['a', 'b'] },
  ])('$name', ({ ops, max, keys }) => {
    const lru = new Lru<number>(max);
    for (const op of ops) {
      const [verb, key = ''] = op.split(' ');
      if (verb === 'set') lru.set(key, 1);
      else lru.get(key);
    }
    expect(lru.keys()).toEqual(keys);
  });

  it('behaves as the Map-based cache for any sequence of gets and sets', () => {
    const op = fc.tuple(fc.constantFrom('get', 'set'), fc.integer({ min: 0, max: 12 }), fc.nat(100));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 200 }), (max, ops) => {
        const lru = new Lru<number>(max);
        const ref = new MapLru<number>(max);
        for (const [verb, k, v] of ops) {
          const key = `k${k}`;
          if (verb === 'get') expect(lru.get(key)).toBe(ref.get(key));
          else {
            lru.set(key, v);
            ref.set(key, v);
          }
          expect(lru.keys()).toEqual([...ref.map.keys()]);
          expect(lru.size).toBe(ref.map.size);
        }
      }),
      { numRuns: 300 },
    );
  });
});
