// PreFilterResult node narrowing in a scheduling cycle: which nodes Filter sees, the FitError, the explain record,
// the start index, and preemption on absent nodes (rows after schedule_one_test.go TestSchedulerSchedulePod).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PluginStatus, PreFilterPlugin, PreFilterStatus } from './types';
import { success, successWithNodes, unschedulable } from './types';
import { schedulePod, type CycleResult } from './runner';
import { fitErrorMessage, type Diagnosis } from './fitError';
import type { Profile } from '../profile';
import { preempt } from '../preemption';
import { contextOf, makeNode, makePod, nodeInfos, snapshotOf } from '../plugins/testHelpers';
import { createRng } from '../../sim/rng';

const set = (...n: string[]): Set<string> => new Set(n);
const fakePre = (name: string, st: PreFilterStatus): PreFilterPlugin => ({ name, preFilter: () => st });
/** FakeFilter: Unschedulable on the listed nodes; counts the nodes it saw */
function fakeFilter(name: string, failOn: string[], seen: string[] = []): FilterPlugin {
  return {
    name,
    filter: (_s, pod, ni) => {
      const node = ni.node.metadata?.name ?? '';
      seen.push(node);
      return failOn.includes(node)
        ? unschedulable(name, `injecting failure for pod ${pod.metadata?.name ?? ''}`)
        : success();
    },
  };
}
const profileOf = (
  preFilter: PreFilterPlugin[],
  filter: FilterPlugin[],
  postFilter: string[] = [],
): Profile => ({
  schedulerName: 'default-scheduler',
  preFilter,
  filter,
  postFilter,
  preScore: [],
  score: [],
  args: {},
  extenders: [],
});

function cycle(
  profile: Profile,
  nodes: string[],
  startIndex = 0,
  pod: Pod = makePod({ name: 'test-prefilter' }),
) {
  const infos = nodeInfos(nodes.map((n) => makeNode(n)));
  const ctx = contextOf(infos);
  const input = { profile, pod, snapshot: ctx.snapshot, ctx, rng: createRng(1), startIndex };
  return { result: schedulePod(input), input };
}
const message = (r: CycleResult, n: number): string | undefined =>
  r.kind === 'unschedulable' ? fitErrorMessage(n, r.diagnosis) : undefined;

describe('schedulePod with PreFilterResults (TestSchedulerSchedulePod rows)', () => {
  const table: {
    name: string;
    preFilter: PreFilterPlugin[];
    failOn?: string[];
    nodes: string[];
    wantNode?: string;
    wantEvaluated?: string[];
    wantMessage?: string;
  }[] = [
    {
      name: 'test prefilter plugin returning node',
      preFilter: [
        fakePre('FakePreFilter1', success()),
        fakePre('FakePreFilter2', successWithNodes(set('node2'))),
        fakePre('FakePreFilter3', successWithNodes(set('node1', 'node2'))),
      ],
      nodes: ['node1', 'node2', 'node3'],
      wantNode: 'node2',
      wantEvaluated: ['node2'],
    },
    {
      name: 'test prefilter plugin returning non-intersecting nodes',
      preFilter: [
        fakePre('FakePreFilter1', success()),
        fakePre('FakePreFilter2', successWithNodes(set('node2'))),
        fakePre('FakePreFilter3', successWithNodes(set('node1'))),
      ],
      nodes: ['node1', 'node2', 'node3'],
      wantEvaluated: [],
      wantMessage:
        "0/3 nodes are available: node(s) didn't satisfy plugin(s) [FakePreFilter2 FakePreFilter3] simultaneously.",
    },
    {
      name: 'test prefilter plugin returning empty node set',
      preFilter: [fakePre('FakePreFilter1', success()), fakePre('FakePreFilter2', successWithNodes(set()))],
      nodes: ['node1'],
      wantEvaluated: [],
      wantMessage: "0/1 nodes are available: node(s) didn't satisfy plugin FakePreFilter2.",
    },
    {
      name: 'test some nodes are filtered out by prefilter plugin and other are filtered out by filter plugin',
      preFilter: [fakePre('FakePreFilter', successWithNodes(set('node2')))],
      failOn: ['node2'],
      nodes: ['node1', 'node2'],
      wantEvaluated: ['node2'],
      wantMessage:
        "0/2 nodes are available: 1 injecting failure for pod test-prefilter, 1 node(s) didn't satisfy plugin(s) [FakePreFilter].",
    },
    {
      name: 'test prefilter plugin returned an invalid node',
      preFilter: [fakePre('FakePreFilter', successWithNodes(set('invalid-node')))],
      nodes: ['1', '2'],
      wantEvaluated: [],
      wantMessage: "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [FakePreFilter].",
    },
    {
      name: 'two narrowing plugins are listed sorted in the absent status',
      preFilter: [
        fakePre('Zeta', successWithNodes(set('n1', 'n2'))),
        fakePre('Alpha', successWithNodes(set('n2', 'n3'))),
      ],
      failOn: ['n2'],
      nodes: ['n1', 'n2', 'n3', 'n4'],
      wantEvaluated: ['n2'],
      wantMessage:
        "0/4 nodes are available: 1 injecting failure for pod test-prefilter, 3 node(s) didn't satisfy plugin(s) [Alpha Zeta].",
    },
  ];
  it.each(table)('$name', ({ preFilter, failOn, nodes, wantNode, wantEvaluated, wantMessage }) => {
    const seen: string[] = [];
    const { result } = cycle(profileOf(preFilter, [fakeFilter('FakeFilter', failOn ?? [], seen)]), nodes);
    expect(result.kind === 'scheduled' ? result.node : undefined).toBe(wantNode);
    expect(message(result, nodes.length)).toBe(wantMessage);
    expect(seen).toEqual(wantEvaluated);
  });

  it('the DaemonSet case: 45 nodes left out, the pinned one full', () => {
    const nodes = Array.from({ length: 46 }, (_, i) => `node-${i}`);
    const pre = fakePre('NodeAffinity', successWithNodes(set('node-7')));
    const full: FilterPlugin = {
      name: 'NodeResourcesFit',
      filter: () => unschedulable('NodeResourcesFit', 'Too many pods'),
    };
    const { result } = cycle(profileOf([pre], [full]), nodes);
    expect(message(result, 46)).toBe(
      "0/46 nodes are available: 1 Too many pods, 45 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    );
  });

  it('walks the narrowed list from the start index modulo its length; the index advances over all nodes', () => {
    const seen: string[] = [];
    const pre = fakePre('P', successWithNodes(set('a', 'b', 'c')));
    const nodes = ['a', 'b', 'c', 'd', 'e'];
    const { result } = cycle(profileOf([pre], [fakeFilter('F', ['a', 'b', 'c'], seen)]), nodes, 4);
    expect(seen).toEqual(['b', 'c', 'a']);
    expect(result.nextStartIndex).toBe((4 + 3) % 5);
    expect(result.record.numNodesToFind).toBe(3);
  });

  it('the explain record shows every left-out node as failed with the absent status', () => {
    const pre = fakePre('NodeAffinity', successWithNodes(set('n2')));
    const { result } = cycle(profileOf([pre], [fakeFilter('F', [])]), ['n1', 'n2', 'n3']);
    expect(result.kind).toBe('scheduled');
    const byNode = Object.fromEntries(result.record.filters.map((v) => [v.node, v]));
    expect(byNode.n2).toEqual({ node: 'n2', result: 'passed' });
    for (const n of ['n1', 'n3'])
      expect(byNode[n]).toEqual({
        node: n,
        result: 'failed',
        code: 'UnschedulableAndUnresolvable',
        reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"],
      });
    expect(result.record.filters).toHaveLength(3);
  });

  it('a failed nominated node outside the PreFilterResult keeps its own status', () => {
    const pod: Pod = { ...makePod({ name: 'p' }), status: { nominatedNodeName: 'n1' } };
    const pre = fakePre('P', successWithNodes(set('n2')));
    const { result } = cycle(profileOf([pre], [fakeFilter('F', ['n1', 'n2'])]), ['n1', 'n2', 'n3'], 0, pod);
    expect(message(result, 3)).toBe(
      "0/3 nodes are available: 1 node(s) didn't satisfy plugin(s) [P], 2 injecting failure for pod p.",
    );
    expect(result.record.filters.filter((v) => v.node === 'n1')).toHaveLength(1);
  });
});

describe('preemption with absent nodes', () => {
  it('does not try nodes a PreFilterResult left out: they are not helpful', () => {
    const pre = fakePre('NodeAffinity', successWithNodes(set('n2')));
    const profile = profileOf([pre], [fakeFilter('F', ['n2'])], ['DefaultPreemption']);
    const { result, input } = cycle(profile, ['n1', 'n2', 'n3'], 0, {
      ...makePod({ name: 'p' }),
      spec: { containers: [], priority: 10 },
    });
    if (result.kind !== 'unschedulable') throw new Error('expected unschedulable');
    const r = preempt({ ...input, state: result.state, diagnosis: result.diagnosis });
    expect(r.message).toBe(
      'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });
});

describe('absent-nodes status is equivalent to one entry per node', () => {
  it('gives the same FitError and preemption message', () => {
    const status = fc.constantFrom<PluginStatus>(
      unschedulable('F', 'Too many pods'),
      {
        code: 'UnschedulableAndUnresolvable',
        reasons: ["node(s) didn't match Pod's node affinity/selector"],
      },
      { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] },
    );
    fc.assert(
      fc.property(
        fc.array(fc.option(status, { nil: undefined }), { minLength: 1, maxLength: 12 }),
        status,
        (per, absent) => {
          const names = per.map((_, i) => `n${i}`);
          const sparse: Diagnosis = { nodeToStatus: new Map(), absentStatus: absent };
          const dense: Diagnosis = { nodeToStatus: new Map() };
          per.forEach((st, i) => {
            if (st) sparse.nodeToStatus.set(names[i] as string, st);
            dense.nodeToStatus.set(names[i] as string, st ?? absent);
          });
          expect(fitErrorMessage(names.length, sparse)).toBe(fitErrorMessage(names.length, dense));
          const infos = nodeInfos(names.map((n) => makeNode(n)));
          const ctx = contextOf(infos);
          const pod: Pod = { ...makePod(), spec: { containers: [], priority: 5 } };
          const base = {
            profile: profileOf([], []),
            pod,
            state: new Map(),
            snapshot: snapshotOf(infos),
            ctx,
          };
          const a = preempt({ ...base, rng: createRng(7), diagnosis: sparse });
          const b = preempt({ ...base, rng: createRng(7), diagnosis: dense });
          expect(a).toEqual(b);
        },
      ),
    );
  });
});
