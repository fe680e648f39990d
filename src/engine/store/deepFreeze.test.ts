// deepFreeze: every reachable object ends frozen, whether its subtrees were never, shallowly or deeply frozen before.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deepFreeze, isDeeplyFrozen } from './deepFreeze';

function everyObjectFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (!Object.isFrozen(v)) return false;
  return Object.values(v as Record<string, unknown>).every(everyObjectFrozen);
}

describe('deepFreeze', () => {
  it.each([
    {
      name: 'a caller froze the root shallowly: children are still frozen',
      make: () => Object.freeze({ spec: { containers: [{ name: 'c' }] } }),
      // no room left for the mark on a root frozen by someone else: it is walked again next time
      marked: false,
    },
    {
      name: 'a shallow-frozen child below a mutable parent',
      make: () => ({ a: Object.freeze({ b: { c: [1, { d: 2 }] } }) }),
    },
    {
      name: 'a subtree deep-frozen by an earlier write is reused',
      make: () => {
        const spec = deepFreeze({ containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] });
        return { spec, status: { phase: 'Running', conditions: [{ type: 'Ready' }] } };
      },
    },
    {
      name: 'a frozen leaf (no object children) reused under a fresh parent',
      make: () => ({ metadata: { labels: Object.freeze({ app: 'web' }) }, list: [Object.freeze({ a: 1 })] }),
    },
  ])('$name', ({ make, marked }) => {
    const v = make();
    deepFreeze(v);
    expect(everyObjectFrozen(v)).toBe(true);
    expect(isDeeplyFrozen(v)).toBe(marked !== false);
    // the mark is invisible to JSON, spreads and key listings
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(Object.getOwnPropertySymbols({ ...v })).toEqual([]);
  });

  it('leaves carry no mark but count as deeply frozen; a shallow-frozen parent of a mutable child does not', () => {
    const leaf = deepFreeze({ app: 'web', n: 1 });
    expect(Object.getOwnPropertySymbols(leaf)).toEqual([]);
    expect(isDeeplyFrozen(leaf)).toBe(true);
    expect(isDeeplyFrozen(Object.freeze({ child: { x: 1 } }))).toBe(false);
    expect(Object.getOwnPropertySymbols(deepFreeze({ child: { x: 1 } }))).toHaveLength(1);
  });

  it('freezes everything for any JSON value mixing fresh, shallow-frozen and deep-frozen parts', () => {
    const leafy = fc.jsonValue({ maxDepth: 3 });
    const part = fc.tuple(leafy, fc.constantFrom('fresh', 'shallow', 'deep')).map(([v, how]) => {
      if (v === null || typeof v !== 'object') return v;
      if (how === 'shallow') return Object.freeze(v);
      if (how === 'deep') return deepFreeze(v);
      return v;
    });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const root = { items: parts, nested: { again: parts.slice(0, 2) } };
        deepFreeze(root);
        expect(everyObjectFrozen(root)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
