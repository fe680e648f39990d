// deepFreeze: every object of a fresh value ends frozen, and frozen (stored) subtrees are kept, not walked or copied.
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
      name: 'a fresh pod-like value',
      make: () => ({ spec: { containers: [{ name: 'c', ports: [{ p: 80 }] }] } }),
    },
    {
      name: 'a subtree frozen by an earlier write is reused under a fresh parent',
      make: () => {
        const spec = deepFreeze({ containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] });
        return { spec, status: { phase: 'Running', conditions: [{ type: 'Ready' }] } };
      },
    },
    {
      name: 'a frozen leaf reused under a fresh parent',
      make: () => ({ metadata: { labels: Object.freeze({ app: 'web' }) }, list: [Object.freeze({ a: 1 })] }),
    },
  ])('$name', ({ make }) => {
    const v = make();
    expect(deepFreeze(v)).toBe(v);
    expect(everyObjectFrozen(v)).toBe(true);
    expect(isDeeplyFrozen(v)).toBe(true);
    // nothing is added to the objects: JSON, spreads and key listings see the same value
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(Object.getOwnPropertySymbols({ ...v })).toEqual([]);
  });

  it('freezes every object of any JSON value mixing fresh and earlier-frozen parts, keeping the frozen ones', () => {
    const leafy = fc.jsonValue({ maxDepth: 3 });
    const part = fc.tuple(leafy, fc.boolean()).map(([v, frozen]) => (frozen ? deepFreeze(v) : v));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const items = [...parts];
        const root = { items, nested: { again: parts.slice(0, 2) } };
        deepFreeze(root);
        expect(everyObjectFrozen(root)).toBe(true);
        parts.forEach((p, i) => expect(items[i]).toBe(p));
      }),
      { numRuns: 200 },
    );
  });
});
