// Property test: counts carried from one pod-list version to the next (add, remove, replace one pod, as NodeInfo
// makes them) always equal a fresh count, for any namespace and selector, on the newest and on older versions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorFromSet } from '../labels/selector';
import { nothing } from '../labels/requirement';
import { countMatching, countPodsMatchSelector, deriveCounts } from './podCountMemo';

type Step = {
  op: 'add' | 'remove' | 'replace' | 'count';
  app: number;
  ns: number;
  terminating: boolean;
  sel: number;
  at: number;
};

function mkPod(i: number, s: Step): Pod {
  return Object.freeze({
    metadata: {
      name: `p${i}`,
      uid: `u${i}`,
      namespace: `ns${s.ns}`,
      labels: { app: `a${s.app}` },
      ...(s.terminating ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
    },
  });
}

const selectorOf = (n: number) => (n === 3 ? nothing() : selectorFromSet({ app: `a${n}` }));

describe('podCountMemo', () => {
  it('carried counts equal fresh counts through adds, removes and replacements', () => {
    const step = fc.record({
      op: fc.constantFrom<Step['op']>('add', 'add', 'remove', 'replace', 'count', 'count'),
      app: fc.integer({ min: 0, max: 2 }),
      ns: fc.integer({ min: 0, max: 1 }),
      terminating: fc.boolean(),
      sel: fc.integer({ min: 0, max: 3 }),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let pods: readonly Pod[] = [];
        const seen: (readonly Pod[])[] = [pods];
        steps.forEach((s, i) => {
          const prev = pods;
          if (s.op === 'add') {
            const p = mkPod(i, s);
            pods = [...prev, p];
            deriveCounts(prev, pods, undefined, p);
          } else if (s.op === 'remove' && prev.length > 0) {
            const idx = s.at % prev.length;
            pods = prev.filter((_, j) => j !== idx);
            deriveCounts(prev, pods, prev[idx]);
          } else if (s.op === 'replace' && prev.length > 0) {
            // a status update may also flip terminating, or (in a test) labels
            const idx = s.at % prev.length;
            const p = mkPod(i, s);
            pods = [...prev.filter((_, j) => j !== idx), p];
            deriveCounts(prev, pods, prev[idx], p);
          }
          seen.push(pods);
          for (const list of [pods, seen[s.at % seen.length] as readonly Pod[]]) {
            const ns = `ns${s.ns}`;
            expect(countPodsMatchSelector(list, selectorOf(s.sel), ns)).toBe(
              countMatching(list, selectorOf(s.sel), ns),
            );
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
