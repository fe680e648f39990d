// sameLabels against comparing sorted entries: the same answer for any two label maps (absent = empty).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameLabels } from './sameLabels';

const labels = fc.option(
  fc.dictionary(fc.constantFrom('app', 'tier', 'toString', 'x'), fc.constantFrom('a', 'b')),
  {
    nil: undefined,
  },
);
const entries = (l: Readonly<Record<string, string>> | undefined) =>
  JSON.stringify(Object.entries(l ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));

describe('sameLabels', () => {
  it('equals a comparison of sorted entries', () => {
    fc.assert(
      fc.property(labels, labels, (a, b) => {
        expect(sameLabels(a, b)).toBe(entries(a) === entries(b));
      }),
      { numRuns: 500 },
    );
  });
  type Row = { a?: Record<string, string>; b?: Record<string, string>; same: boolean };
  it.each<Row>([
    { a: undefined, b: {}, same: true },
    { a: { app: 'web' }, b: { app: 'web' }, same: true },
    { a: { app: 'web' }, b: { app: 'web', tier: 'x' }, same: false },
    { a: { toString: 'x' }, b: {}, same: false },
  ])('%o', ({ a, b, same }) => {
    expect(sameLabels(a, b)).toBe(same);
    expect(sameLabels(b, a)).toBe(same);
  });
});
