// Property test: PreScore's domain counts kept across cycles (DomainCounter) equal a from-scratch count after any
// sequence of pod adds/removes/replacements, node label changes and node adds/removes, as the cache makes them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { NodeInfo, PluginContext, SnapshotLister } from '../../framework/types';
import type { MutableNodeInfo } from '../../nodeInfo';
import { addPodTo, newNodeInfo, removePodFrom, setNode } from '../../nodeInfo';
import { requiredNodeAffinityOf } from '../nodeSelector';
import { makeNode, makePod } from '../testHelpers';
import { calPreScoreState, countConstraint, type PreScoreState } from './scoring';

const ZONE = 'topology.kubernetes.io/zone';
type Step = {
  op: 'add' | 'remove' | 'replace' | 'relabel' | 'addNode' | 'dropNode' | 'score';
  a: number;
  b: number;
};

const zoneLabels = (z: number): Record<string, string> => (z === 3 ? {} : { [ZONE]: `z${z % 3}` });
let serial = 0;
function podOn(node: string, s: Step): Pod {
  serial++;
  return Object.freeze(
    makePod({
      name: `p${serial}`,
      nodeName: node,
      namespace: s.b % 7 === 0 ? 'other' : 'default',
      labels: { app: `a${s.a % 2}` },
      deleting: s.b % 9 === 0,
    }),
  );
}

/** the incoming pod: system defaults (owner-selected) or its own zone constraint (requireAll) */
function incoming(s: Step): Pod {
  const own: TopologySpreadConstraint[] = [
    {
      maxSkew: 1,
      topologyKey: ZONE,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { app: `a${s.a % 2}` } },
    },
  ];
  return makePod({
    name: 'in',
    namespace: s.b % 4 === 0 ? 'other' : 'default',
    labels: { app: `a${s.a % 2}` },
    ownerKind: 'ReplicaSet',
    spec: {
      ...(s.b % 3 === 0 ? { topologySpreadConstraints: own } : {}),
      // a nodeSelector makes inclusion depend on the pod (nodeAffinityPolicy Honor): counted without the cache
      ...(s.a % 5 === 1 ? { nodeSelector: { [ZONE]: 'z1' } } : s.a % 5 === 2 ? { nodeSelector: {} } : {}),
    },
  });
}

/** the same state's domain maps, counted again from scratch */
function fromScratch(
  s: PreScoreState,
  pod: Pod,
  all: readonly NodeInfo[],
  requireAll: boolean,
): Map<string, number>[] {
  const copy: PreScoreState = {
    ...s,
    topologyValueToPodCounts: s.topologyValueToPodCounts.map(
      (m) => new Map([...m.keys()].map((k) => [k, 0])),
    ),
  };
  copy.constraints.forEach((c, i) => {
    if (c.topologyKey !== 'kubernetes.io/hostname')
      countConstraint(copy, i, pod, all, requireAll, requiredNodeAffinityOf(pod));
  });
  return copy.topologyValueToPodCounts;
}

describe('PodTopologySpread DomainCounter', () => {
  it('counts kept across cycles equal from-scratch counts', () => {
    const step = fc.record({
      op: fc.constantFrom<Step['op']>(
        'add',
        'add',
        'add',
        'remove',
        'replace',
        'relabel',
        'addNode',
        'dropNode',
        'score',
        'score',
      ),
      a: fc.nat({ max: 50 }),
      b: fc.nat({ max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        let infos: MutableNodeInfo[] = [0, 1, 2].map((i) =>
          newNodeInfo(Object.freeze(makeNode(`n${i}`, { labels: zoneLabels(i) }))),
        );
        const snapshot: SnapshotLister = {
          list: () => infos,
          get: (n) => infos.find((i) => i.node.metadata?.name === n),
          havePodsWithAffinity: () => [],
          havePodsWithRequiredAntiAffinity: () => [],
        };
        const ctx: PluginContext = { snapshot, args: {}, namespaceLabels: () => ({}) };
        let nodeSerial = 3;
        for (const s of steps) {
          const ni = infos[s.a % Math.max(1, infos.length)];
          if (s.op === 'add' && ni) addPodTo(ni, podOn(ni.node.metadata?.name ?? '', s));
          else if ((s.op === 'remove' || s.op === 'replace') && ni && ni.pods.length > 0) {
            const old = ni.pods[s.b % ni.pods.length] as Pod;
            removePodFrom(ni, old);
            if (s.op === 'replace') addPodTo(ni, podOn(ni.node.metadata?.name ?? '', s));
          } else if (s.op === 'relabel' && ni) {
            setNode(
              ni,
              Object.freeze(makeNode(ni.node.metadata?.name ?? '', { labels: zoneLabels(s.b % 4) })) as Node,
            );
          } else if (s.op === 'addNode') {
            const n = newNodeInfo(
              Object.freeze(makeNode(`n${nodeSerial++}`, { labels: zoneLabels(s.b % 4) })),
            );
            infos = [
              ...infos.slice(0, s.b % (infos.length + 1)),
              n,
              ...infos.slice(s.b % (infos.length + 1)),
            ];
          } else if (s.op === 'dropNode' && infos.length > 0)
            infos = infos.filter((_, i) => i !== s.b % infos.length);
          else if (s.op === 'score' && infos.length > 0) {
            const pod = incoming(s);
            const feasible = infos.filter((_, i) => (i + s.a) % 3 !== 0);
            const st = calPreScoreState(pod, feasible.length > 0 ? feasible : infos, {}, ctx);
            if (st === undefined) continue;
            const requireAll = (pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
            const want = fromScratch(st, pod, infos, requireAll);
            expect(st.topologyValueToPodCounts.map((m) => [...m])).toEqual(want.map((m) => [...m]));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
