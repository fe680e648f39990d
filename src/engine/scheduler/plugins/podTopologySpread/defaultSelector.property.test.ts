// Property test: the default spread selector remembered for the last frozen label object equals the one built from
// scratch from the labels, for any sequence of pods (new and repeated label objects, per-pod labels included).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PluginContext } from '../../framework/types';
import { defaultSelector, selectorOfLabelSet } from './common';

const ctx = {} as PluginContext;
const labelsArb = fc.dictionary(
  fc.constantFrom(
    'app',
    'tier',
    'pod-template-hash',
    'controller-revision-hash',
    'statefulset.kubernetes.io/pod-name',
  ),
  fc.constantFrom('a', 'b', 'c'),
  { maxKeys: 4 },
);

const podWith = (labels: Record<string, string>): Pod => ({
  metadata: {
    labels,
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }],
  },
});

describe('defaultSelector memo', () => {
  it('gives the selector built from scratch for every frozen label object', () => {
    fc.assert(
      fc.property(
        fc.array(labelsArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (sets, picks) => {
          const objects = sets.map((l) => Object.freeze({ ...l }));
          for (const i of [...picks, 0]) {
            const labels = objects[i % objects.length] as Record<string, string>;
            const got = defaultSelector(podWith(labels), ctx);
            const want = selectorOfLabelSet(labels);
            expect(got?.requirements).toEqual(want?.requirements);
            expect(got?.matches(labels)).toBe(want?.matches(labels));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
