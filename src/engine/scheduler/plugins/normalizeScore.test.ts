// Table test for defaultNormalizeScore (port of helper/normalize_score_test.go TestDefaultNormalizeScore).
import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore } from './normalizeScore';

describe('defaultNormalizeScore (TestDefaultNormalizeScore)', () => {
  const table: { reverse: boolean; scores: number[]; expected: number[] }[] = [
    { reverse: false, scores: [1, 2, 3, 4], expected: [25, 50, 75, 100] },
    { reverse: true, scores: [1, 2, 3, 4], expected: [75, 50, 25, 0] },
    { reverse: false, scores: [1000, 10, 20, 30], expected: [100, 1, 2, 3] },
    { reverse: true, scores: [1000, 10, 20, 30], expected: [0, 99, 98, 97] },
    { reverse: false, scores: [1, 1, 1, 1], expected: [100, 100, 100, 100] },
    { reverse: true, scores: [1, 1, 1, 1], expected: [0, 0, 0, 0] },
    { reverse: false, scores: [0, 0, 0, 0], expected: [0, 0, 0, 0] },
    { reverse: true, scores: [0, 0, 0, 0], expected: [100, 100, 100, 100] },
    { reverse: false, scores: [1000, 1, 1, 1], expected: [100, 0, 0, 0] },
    { reverse: true, scores: [1000, 1, 1, 1], expected: [0, 100, 100, 100] },
    { reverse: false, scores: [0, 1, 1, 1], expected: [0, 100, 100, 100] },
    { reverse: true, scores: [0, 1, 1, 1], expected: [100, 0, 0, 0] },
  ];
  it.each(table)('$scores reverse=$reverse', ({ reverse, scores, expected }) => {
    const list = scores.map((score, i) => ({ name: `n${i}`, score }));
    defaultNormalizeScore(100, reverse, list);
    expect(list.map((s) => s.score)).toEqual(expected);
  });
});

describe('defaultNormalizeScore properties', () => {
  it('keeps every score in [0, 100] and the maximum at 100 (0 when reversed)', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1 }),
        fc.boolean(),
        (raw, reverse) => {
          const list = raw.map((score, i) => ({ name: `n${i}`, score }));
          defaultNormalizeScore(100, reverse, list);
          const max = Math.max(...raw);
          list.forEach((s, i) => {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(100);
            if (max > 0 && raw[i] === max) expect(s.score).toBe(reverse ? 0 : 100);
          });
        },
      ),
    );
  });
});
