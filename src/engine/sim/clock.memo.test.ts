// toRfc3339 remembers the last second it printed and a bounded map of seconds; for any sequence of times it prints
// what formatSecond does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSecond, toRfc3339 } from './clock';

describe('toRfc3339 memo', () => {
  it.each([
    {
      name: 'same second twice, then the next',
      ms: [1500, 1999, 2000],
      expected: ['2025-01-01T00:00:01Z', '2025-01-01T00:00:01Z', '2025-01-01T00:00:02Z'],
    },
    {
      name: 'back to an earlier second',
      ms: [61_000, 0],
      expected: ['2025-01-01T00:01:01Z', '2025-01-01T00:00:00Z'],
    },
    {
      name: 'a fraction just before the next second, and a day later',
      ms: [2999.9, 86_400_000 + 61_000],
      expected: ['2025-01-01T00:00:02Z', '2025-01-02T00:01:01Z'],
    },
    {
      name: 'before the epoch',
      ms: [-1, -1000, -1001],
      expected: ['2024-12-31T23:59:59Z', '2024-12-31T23:59:59Z', '2024-12-31T23:59:58Z'],
    },
  ])('$name', ({ ms, expected }) => {
    expect(ms.map(toRfc3339)).toEqual(expected);
  });

  it('prints what the unmemoised formatter prints, for any sequence of times', () => {
    const ms = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -1e13, max: 1e13 }));
    fc.assert(
      fc.property(fc.array(ms, { maxLength: 40 }), (times) => {
        for (const t of times) expect(toRfc3339(t)).toBe(formatSecond(Math.floor(t / 1000)));
      }),
      { numRuns: 300 },
    );
  });

  it('answers from the map of seconds as from scratch, in any call order and past the map bound', () => {
    const ms = fc.oneof(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.integer({ min: 0, max: 20_000 }).map((s) => s * 1000 + 999),
    );
    fc.assert(
      fc.property(fc.array(ms, { maxLength: 300 }), (times) => {
        for (const t of times) expect(toRfc3339(t)).toBe(formatSecond(Math.floor(t / 1000)));
      }),
      { numRuns: 50 },
    );
    // walk past the bound: more distinct seconds than the map holds, then back to the first ones
    for (let s = 0; s < 5000; s++) expect(toRfc3339(s * 1000)).toBe(formatSecond(s));
    for (let s = 0; s < 10; s++) expect(toRfc3339(s * 1000)).toBe(formatSecond(s));
  });
});
