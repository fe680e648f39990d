// Property test: the memoised countPodsMatchSelector always equals a fresh count, across copy-on-write pod lists
// (a new list per change, as NodeInfo keeps them) and selectors rebuilt per call (as each scheduling cycle does).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorFromSet } from '../../../labels/selector';
import { nothing } from '../../../labels/requirement';
import { countMatching, countPodsMatchSelector } from './common';

type Step = { op: 'add' | 'remove' | 'count'; app: number; ns: number; terminating: boolean; sel: number };

function mkPod(i: number, s: Step): Pod {
  return Object.freeze({
    metadata: {
      name: `p${i}`,
      namespace: `ns${s.ns}`,
      labels: { app: `a${s.app}` },
      ...(s.terminating ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
    },
  });
}

const selectorOf = (n: number) => (n === 3 ? nothing() : selectorFromSet({ app: `a${n}` }));

describe('countPodsMatchSelector memo', () => {
  it('equals the uncached count for every list, namespace and selector', () => {
    const step = fc.record({
      op: fc.constantFrom<Step['op']>('add', 'remove', 'count', 'count'),
      app: fc.integer({ min: 0, max: 2 }),
      ns: fc.integer({ min: 0, max: 1 }),
      terminating: fc.boolean(),
      sel: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let pods: readonly Pod[] = [];
        const seen: (readonly Pod[])[] = [pods];
        steps.forEach((s, i) => {
          if (s.op === 'add') pods = [...pods, mkPod(i, s)];
          else if (s.op === 'remove' && pods.length > 0)
            pods = pods.filter((_, j) => j !== s.app % pods.length);
          seen.push(pods);
          // count on the current list and on an older one (a NodeInfo clone may still hold it)
          for (const list of [pods, seen[s.app % seen.length] as readonly Pod[]]) {
            const ns = `ns${s.ns}`;
            expect(countPodsMatchSelector(list, selectorOf(s.sel), ns)).toBe(
              countMatching(list, selectorOf(s.sel), ns),
            );
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});
