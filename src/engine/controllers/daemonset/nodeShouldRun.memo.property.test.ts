// Property test: the memoised daemonNodeChecker answers exactly as nodeShouldRunDaemonPod computes from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Taint, Toleration } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../../store/deepFreeze';
import { daemonNodeChecker, nodeShouldRunDaemonPod } from './nodeShouldRun';

const keys = ['zone', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/network-unavailable', 'dedicated'];
const effects = ['NoSchedule', 'NoExecute', 'PreferNoSchedule'];

const taintArb: fc.Arbitrary<Taint> = fc.record({
  key: fc.constantFrom(...keys),
  value: fc.constantFrom('a', 'b'),
  effect: fc.constantFrom(...effects),
});
const tolerationArb: fc.Arbitrary<Toleration> = fc.record(
  {
    key: fc.constantFrom(...keys),
    operator: fc.constantFrom('Exists', 'Equal'),
    value: fc.constantFrom('a', 'b'),
    effect: fc.constantFrom(...effects),
  },
  { requiredKeys: ['key', 'operator'] },
);

const nodeArb: fc.Arbitrary<Node> = fc
  .record({
    name: fc.constantFrom('n0', 'n1', 'n2'),
    zone: fc.constantFrom('a', 'b'),
    taints: fc.array(taintArb, { maxLength: 3 }),
  })
  .map(({ name, zone, taints }) => ({ metadata: { name, labels: { zone } }, spec: { taints } }));

const dsArb: fc.Arbitrary<DaemonSet> = fc
  .record({
    nodeName: fc.option(fc.constantFrom('n0', 'n1'), { nil: undefined }),
    zone: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
    tolerations: fc.array(tolerationArb, { maxLength: 3 }),
    hostNetwork: fc.boolean(),
  })
  .map(({ nodeName, zone, tolerations, hostNetwork }) => ({
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'a' } },
      template: {
        metadata: { labels: { app: 'a' } },
        spec: {
          containers: [{ name: 'c' }],
          tolerations,
          hostNetwork,
          ...(nodeName ? { nodeName } : {}),
          ...(zone ? { nodeSelector: { zone } } : {}),
        },
      },
    },
  }));

describe('daemonNodeChecker memo', () => {
  it('gives the from-scratch answer for any sequence of (frozen DaemonSet, frozen node) queries', () => {
    fc.assert(
      fc.property(
        fc.array(dsArb, { minLength: 1, maxLength: 3 }),
        fc.array(nodeArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
        (dss, nodes, queries) => {
          const frozenDs = dss.map((d) => deepFreeze(d));
          const frozenNodes = nodes.map((n) => deepFreeze(n));
          for (const [d, n] of queries) {
            const ds = frozenDs[d % frozenDs.length] as Readonly<DaemonSet>;
            const node = frozenNodes[n % frozenNodes.length] as Readonly<Node>;
            expect(daemonNodeChecker(ds).check(node)).toEqual(nodeShouldRunDaemonPod(node, ds));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
