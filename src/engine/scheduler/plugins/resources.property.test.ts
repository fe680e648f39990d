// Property test: the map-free requests of the usual pod (computePodResourceRequest / nonZeroRequest) equal the
// podRequests sums (PodRequests with and without the non-zero defaults) for any pod, usual or not; so do the
// per-resource lists the scoring plugins read (simpleRequestList).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import {
  computePodResourceRequest,
  nonZeroDefaults,
  nonZeroRequest,
  podRequests,
  resourceFromAmounts,
  simpleRequestList,
} from './resources';

const NAMES = ['cpu', 'memory', 'ephemeral-storage', 'pods', 'nvidia.com/gpu', 'hugepages-2Mi'].map(
  (name) => ({
    name,
  }),
);

const quantity = fc.constantFrom('0', '100m', '1', '1.5', '250m', '128Mi', '1Gi', '2G', '3', 7, 0.5);
const requests = fc.dictionary(
  fc.constantFrom(
    'cpu',
    'cpu',
    'memory',
    'memory',
    'ephemeral-storage',
    'pods',
    'nvidia.com/gpu',
    'hugepages-2Mi',
  ),
  quantity,
  { maxKeys: 4 },
);
const container = fc.record(
  { requests: fc.option(requests, { nil: undefined }), always: fc.boolean() },
  { requiredKeys: ['always'] },
);
/** mostly undefined: most pods take the map-free path */
const rarely = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: a, weight: 1 });
const podArb = fc.record({
  containers: fc.array(container, { maxLength: 4 }),
  init: rarely(fc.array(container, { maxLength: 2 })),
  overhead: rarely(requests),
});

function toContainer(
  c: { requests?: Record<string, string | number>; always: boolean },
  i: number,
): Container {
  return {
    name: `c${i}`,
    ...(c.requests !== undefined ? { resources: { requests: c.requests } } : {}),
    ...(c.always ? { restartPolicy: 'Always' } : {}),
  } as Container;
}

describe('pod resource requests', () => {
  it('the map-free sums equal podRequests for every pod', () => {
    fc.assert(
      fc.property(podArb, (p) => {
        const pod: Pod = Object.freeze({
          spec: {
            containers: p.containers.map(toContainer),
            ...(p.init !== undefined ? { initContainers: p.init.map(toContainer) } : {}),
            ...(p.overhead !== undefined ? { overhead: p.overhead } : {}),
          },
        }) as Pod;
        expect(computePodResourceRequest(pod)).toEqual(resourceFromAmounts(podRequests(pod)));
        const a = podRequests(pod, nonZeroDefaults());
        expect(nonZeroRequest(pod)).toEqual({
          milliCPU: a.get('cpu') ?? 0,
          memory: a.get('memory') ?? 0,
          ephemeralStorage: 0,
          pods: 0,
          scalar: {},
        });
        // podRequestList's shortcut: the same numbers as the Maps for every resource name, or no answer
        for (const nonZero of [false, true]) {
          const list = simpleRequestList(pod, NAMES, nonZero);
          if (list === undefined) continue;
          const m = podRequests(pod, nonZero ? nonZeroDefaults() : undefined);
          expect(list).toEqual(NAMES.map((r) => m.get(r.name) ?? 0));
        }
      }),
      { numRuns: 500 },
    );
  });
});
