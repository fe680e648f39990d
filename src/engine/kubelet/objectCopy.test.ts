// shallowCopy gives what a spread gives: own keys, order and values, __proto__ keys included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shallowCopy } from './objectCopy';

describe('shallowCopy', () => {
  it.each<{ name: string; input: object }>([
    { name: 'empty', input: {} },
    {
      name: 'pod status',
      input: { phase: 'Pending', conditions: [{ type: 'PodScheduled' }], qosClass: 'BestEffort' },
    },
    { name: 'own __proto__ key from JSON', input: JSON.parse('{"a":1,"__proto__":{"x":2},"b":3}') as object },
    { name: 'frozen', input: Object.freeze({ b: 1, a: 2 }) },
  ])('$name: same keys, order and values as a spread', ({ input }) => {
    const copy = shallowCopy(input);
    expect(copy).not.toBe(input);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys({ ...input }));
    expect(JSON.stringify(copy)).toBe(JSON.stringify({ ...input }));
  });

  it('equals a spread for any JSON object, key order included', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const v: unknown = JSON.parse(text);
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
        const copy = shallowCopy(v);
        const spread = { ...v };
        expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
        for (const k of Reflect.ownKeys(spread))
          expect((copy as Record<PropertyKey, unknown>)[k]).toBe((spread as Record<PropertyKey, unknown>)[k]);
      }),
      { numRuns: 300 },
    );
  });
});
