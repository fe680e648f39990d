// Property test: the filters left after PreFilter Skips, remembered per profile filter list and skip set, equal the
// profile's filters without the skipped ones computed from scratch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FilterPlugin } from './types';
import type { Profile } from '../profile';
import { success } from './types';
import { activeFilters } from './runner';

const plugin = (name: string): FilterPlugin => ({ name, filter: () => success() });
const NAMES = ['A', 'B', 'C', 'D', 'E'];

describe('activeFilters', () => {
  it('equals the filters minus the skipped ones', () => {
    const profiles = [NAMES, NAMES.slice(0, 3), ['E', 'A']].map(
      (names) => ({ filter: names.map(plugin) }) as unknown as Profile,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.subarray(NAMES)), { maxLength: 20 }), (steps) => {
        for (const [p, skipped] of steps) {
          const profile = profiles[p] as Profile;
          const skip = new Set(skipped);
          const want = profile.filter.filter((f) => !skip.has(f.name));
          expect(activeFilters(profile, skip)).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });
});
