// deepEqual: JSON equality with key order ignored and undefined-valued keys counted as absent; only own keys count.
import { describe, expect, it } from 'vitest';
import { deepEqual } from './objectUtil';

const protoKey = (v: unknown): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, '__proto__', { value: v, enumerable: true, writable: true, configurable: true });
  return o;
};

describe('deepEqual', () => {
  it.each([
    { name: 'key order ignored', a: { x: 1, y: [1, { z: 2 }] }, b: { y: [1, { z: 2 }], x: 1 }, equal: true },
    { name: 'undefined-valued key is absent', a: { x: 1, y: undefined }, b: { x: 1 }, equal: true },
    { name: 'different value', a: { x: 1 }, b: { x: 2 }, equal: false },
    { name: 'array order matters', a: [1, 2], b: [2, 1], equal: false },
    { name: 'array against object', a: [], b: {}, equal: false },
    // found by the cloneSharing property test: b's inherited __proto__ accessor is not a field of b
    {
      name: 'an own __proto__ key against an object without it',
      a: protoKey({}),
      b: { a: null },
      equal: false,
    },
    { name: 'own __proto__ keys on both sides', a: protoKey({ k: 1 }), b: protoKey({ k: 1 }), equal: true },
  ])('$name', ({ a, b, equal }) => {
    expect(deepEqual(a, b)).toBe(equal);
    expect(deepEqual(b, a)).toBe(equal);
  });
});
