// The recorder's linked-list LRU behaves as the Map-based cache it replaced, for any gets and sets.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Lru } from './lru';

/** the Map-based cache the recorder used before: re-insert on every hit, evict the first key */
class MapLru<V> {
  readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
}

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
