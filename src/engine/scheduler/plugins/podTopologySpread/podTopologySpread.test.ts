// Tables for PodTopologySpread filter and score, modelled on podtopologyspread/filtering_test.go TestSingleConstraint
// and scoring_test.go TestPodTopologySpreadScore (zones zone1 {node-a, node-b}, zone2 {node-x, node-y}).
import { describe, expect, it } from 'vitest';
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { newPodTopologySpread } from './index';
import { makeNode, makePod, nodeInfos, runFilter, runScore } from '../testHelpers';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';
const nodes = () => [
  makeNode('node-a', { labels: { [ZONE]: 'zone1' } }),
  makeNode('node-b', { labels: { [ZONE]: 'zone1' } }),
  makeNode('node-x', { labels: { [ZONE]: 'zone2' } }),
  makeNode('node-y', { labels: { [ZONE]: 'zone2' } }),
];
const fooPod = (name: string, nodeName: string, extra: Partial<Parameters<typeof makePod>[0]> = {}) =>
  makePod({ name, nodeName, labels: { foo: '' }, ...extra });
const constraint = (
  maxSkew: number,
  key: string,
  when = 'DoNotSchedule',
  extra: Partial<TopologySpreadConstraint> = {},
): TopologySpreadConstraint => ({
  maxSkew,
  topologyKey: key,
  whenUnsatisfiable: when,
  labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
  ...extra,
});
const incoming = (cs: TopologySpreadConstraint[], extra: Partial<Parameters<typeof makePod>[0]> = {}) =>
  makePod({ name: 'p', labels: { foo: '' }, spec: { topologySpreadConstraints: cs }, ...extra });

const OK = 'Success';
const SKEW = "Unschedulable: node(s) didn't match pod topology spread constraints";
const LABEL =
  "UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)";
const existing21 = () => [fooPod('p-a1', 'node-a'), fooPod('p-b1', 'node-b'), fooPod('p-x1', 'node-x')];

describe('PodTopologySpread filter', () => {
  const table: { name: string; pod: Pod; existing: Pod[]; want: Record<string, string> }[] = [
    {
      name: 'no existing pods',
      pod: incoming([constraint(1, ZONE)]),
      existing: [],
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'pods spread 2/1: zone1 would exceed maxSkew',
      pod: incoming([constraint(1, ZONE)]),
      existing: existing21(),
      want: { 'node-a': SKEW, 'node-b': SKEW, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'incoming pod does not match itself',
      pod: incoming([constraint(1, ZONE)], { labels: { bar: '' } }),
      existing: existing21(),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'pods in other namespaces and terminating pods do not count',
      pod: incoming([constraint(1, ZONE)]),
      existing: [
        fooPod('p-a1', 'node-a', { namespace: 'other' }),
        fooPod('p-b1', 'node-b', { deleting: true }),
        fooPod('p-x1', 'node-x'),
      ],
      want: { 'node-a': OK, 'node-b': OK, 'node-x': SKEW, 'node-y': SKEW },
    },
    {
      name: 'minDomains above the domain count makes the global minimum 0',
      pod: incoming([constraint(2, ZONE, 'DoNotSchedule', { minDomains: 3 })]),
      existing: existing21(),
      want: { 'node-a': SKEW, 'node-b': SKEW, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'nodeAffinityPolicy Honor (default): nodes the pod cannot use are not domains',
      pod: incoming([constraint(1, ZONE)], {
        spec: { nodeSelector: { [ZONE]: 'zone1' }, topologySpreadConstraints: [constraint(1, ZONE)] },
      }),
      existing: existing21(),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'nodeAffinityPolicy Ignore: every node counts',
      pod: incoming([], {
        spec: {
          nodeSelector: { [ZONE]: 'zone1' },
          topologySpreadConstraints: [constraint(1, ZONE, 'DoNotSchedule', { nodeAffinityPolicy: 'Ignore' })],
        },
      }),
      existing: existing21(),
      want: { 'node-a': SKEW, 'node-b': SKEW, 'node-x': OK, 'node-y': OK },
    },
    {
      name: "matchLabelKeys narrows the selector to the pod's own value",
      pod: incoming([constraint(1, ZONE, 'DoNotSchedule', { matchLabelKeys: ['rev'] })], {
        labels: { foo: '', rev: 'v2' },
      }),
      existing: [...existing21(), fooPod('p-x2', 'node-x', { labels: { foo: '', rev: 'v2' } })],
      want: { 'node-a': OK, 'node-b': OK, 'node-x': SKEW, 'node-y': SKEW },
    },
    {
      name: 'ScheduleAnyway constraints do not filter',
      pod: incoming([constraint(1, ZONE, 'ScheduleAnyway')]),
      existing: existing21(),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
  ];
  it.each(table)('$name', ({ pod, existing, want }) => {
    expect(runFilter(newPodTopologySpread(), pod, nodeInfos(nodes(), existing))).toEqual(want);
  });

  it('node without the topology label: missing required label', () => {
    const infos = nodeInfos([...nodes(), makeNode('node-z')]);
    expect(runFilter(newPodTopologySpread(), incoming([constraint(1, ZONE)]), infos)['node-z']).toBe(LABEL);
  });

  it('nodeTaintsPolicy Honor skips tainted nodes when counting', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
    const ns = nodes().map((n) =>
      n.metadata?.labels?.[ZONE] === 'zone2' ? { ...n, spec: { taints: [taint] } } : n,
    );
    const pod = incoming([constraint(1, ZONE, 'DoNotSchedule', { nodeTaintsPolicy: 'Honor' })]);
    // zone2 is not a domain, so the global minimum is zone1's count (2): zone1 2+1-2 = 1 <= 1
    expect(runFilter(newPodTopologySpread(), pod, nodeInfos(ns, existing21()))['node-a']).toBe(OK);
  });

  it('hostname maxSkew 1 with 2/1/0/0 pods', () => {
    const existing = [fooPod('1', 'node-a'), fooPod('2', 'node-a'), fooPod('3', 'node-b')];
    expect(
      runFilter(newPodTopologySpread(), incoming([constraint(1, HOST)]), nodeInfos(nodes(), existing)),
    ).toEqual({
      'node-a': SKEW,
      'node-b': SKEW,
      'node-x': OK,
      'node-y': OK,
    });
  });
});

describe('PodTopologySpread score', () => {
  it('hostname constraint: fewer matching pods score higher', () => {
    const existing = [fooPod('1', 'node-a'), fooPod('2', 'node-a'), fooPod('3', 'node-b')];
    const infos = nodeInfos(nodes().slice(0, 3), existing);
    // weight ln(3+2); raw a=round(2*1.609)=3, b=2, x=0 -> 100*(3+0-s)/3
    expect(
      runScore(newPodTopologySpread(), incoming([constraint(1, HOST, 'ScheduleAnyway')]), infos),
    ).toEqual({ 'node-a': 0, 'node-b': 33, 'node-x': 100 });
  });

  it('zone constraint counts pods on all nodes of the zone', () => {
    const infos = nodeInfos(nodes(), existing21());
    // 2 zones: weight ln(4); zone1 count 2 -> round(2.77)=3, zone2 1 -> round(1.39)=1; 100*(3+1-s)/3
    expect(
      runScore(newPodTopologySpread(), incoming([constraint(1, ZONE, 'ScheduleAnyway')]), infos),
    ).toEqual({
      'node-a': 33,
      'node-b': 33,
      'node-x': 100,
      'node-y': 100,
    });
  });

  it('nodes missing a required topology label are ignored (score 0)', () => {
    const infos = nodeInfos([...nodes().slice(0, 2), makeNode('node-z')], existing21());
    const got = runScore(newPodTopologySpread(), incoming([constraint(1, ZONE, 'ScheduleAnyway')]), infos);
    expect(got['node-z']).toBe(0);
    expect(got['node-a']).toBe(100);
  });

  it('system defaults apply to controller-owned pods without constraints, even on zone-less nodes', () => {
    const rsPod = (name: string, nodeName?: string) =>
      makePod({ name, labels: { app: 'web' }, ownerKind: 'ReplicaSet', ...(nodeName ? { nodeName } : {}) });
    const infos = nodeInfos([makeNode('n1'), makeNode('n2')], [rsPod('e1', 'n1'), rsPod('e2', 'n1')]);
    const got = runScore(newPodTopologySpread(), rsPod('new'), infos);
    expect(got.n2).toBe(100);
    expect(got.n1).toBeLessThan(100);
    // a bare pod gets no default constraints: PreScore skips
    expect(
      newPodTopologySpread().preScore(new Map(), makePod({ labels: { app: 'web' } }), infos, {
        snapshot: { list: () => infos },
      } as never).code,
    ).toBe('Skip');
  });
});
