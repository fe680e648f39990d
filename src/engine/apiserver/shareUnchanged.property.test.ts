// shareUnchangedParts answers as deepEqual does and leaves next equal to itself, sharing only equal stored parts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../types/object';
import { cloneJson } from '../types/json';
import { deepFreeze } from '../store/deepFreeze';
import { deepEqual } from './objectUtil';
import { shareUnchangedParts } from './shareUnchanged';

const leaf = fc.oneof(
  fc.constantFrom('a', 'b', ''),
  fc.integer({ min: 0, max: 2 }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('x', 'y', 'z'), fc.oneof(tie('v'), fc.constant(undefined)), { maxKeys: 3 }),
  ),
})).v;
const object = fc.record({
  metadata: fc.record({
    name: fc.constant('o'),
    labels: fc.option(fc.dictionary(fc.constantFrom('k', 'l'), leaf.map(String)), { nil: undefined }),
  }),
  spec: fc.option(value, { nil: undefined }),
  status: fc.option(value, { nil: undefined }),
});

describe('shareUnchangedParts', () => {
  it('is deepEqual(next, old); next keeps its value; equal parts become the stored ones', () => {
    fc.assert(
      fc.property(object, object, fc.integer({ min: 0, max: 2 }), (a, b, variant) => {
        const old = deepFreeze(cloneJson(a) as unknown as KubeObject);
        // mostly a copy of old with one part replaced, so equal parts are common
        const copy = cloneJson(a);
        const nextValue =
          variant === 0
            ? { ...copy, status: cloneJson(b.status) }
            : variant === 1
              ? { ...copy, metadata: { ...copy.metadata, labels: cloneJson(b.metadata.labels) } }
              : cloneJson(b);
        const next = nextValue as unknown as KubeObject;
        const before = cloneJson(next);
        const expected = deepEqual(next, old);
        expect(shareUnchangedParts(next, old)).toBe(expected);
        expect(deepEqual(next, before)).toBe(true);
        for (const k of ['spec', 'status'] as const) {
          if (
            deepEqual(next[k], old[k]) &&
            next[k] !== undefined &&
            typeof next[k] === 'object' &&
            next[k] !== null
          )
            expect(next[k]).toBe(old[k]);
        }
        expect(Object.isFrozen(next.metadata)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
