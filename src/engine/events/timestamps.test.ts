// The per-second RFC 3339 cache answers exactly as sim/clock toRfc3339.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rfc3339 } from './timestamps';
import { toRfc3339 } from '../sim/clock';

describe('rfc3339 (memoised toRfc3339)', () => {
  it.each([
    { name: 'epoch', ms: 0, expected: '2025-01-01T00:00:00Z' },
    { name: 'just before the next second', ms: 2999.9, expected: '2025-01-01T00:00:02Z' },
    { name: 'a day later', ms: 86_400_000 + 61_000, expected: '2025-01-02T00:01:01Z' },
    { name: 'before the epoch', ms: -1, expected: '2024-12-31T23:59:59Z' },
  ])('$name', ({ ms, expected }) => {
    expect(rfc3339(ms)).toBe(expected);
    expect(rfc3339(ms)).toBe(expected);
  });

  it('always equals a from-scratch toRfc3339, in any call order and past the cache bound', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -10_000_000, max: 10_000_000 }),
            fc.double({ min: -1e12, max: 1e12, noNaN: true }),
            fc.integer({ min: 0, max: 20_000 }).map((s) => s * 1000 + 999),
          ),
          { maxLength: 300 },
        ),
        (times) => {
          for (const ms of times) expect(rfc3339(ms)).toBe(toRfc3339(ms));
        },
      ),
      { numRuns: 60 },
    );
  });
});
