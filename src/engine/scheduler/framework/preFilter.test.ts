// PreFilterResult merging and RunPreFilterPlugins' messages (rows after framework_test.go TestPreFilterResultMerge
// and TestRunPreFilterPlugins).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PreFilterPlugin, PreFilterStatus } from './types';
import { skip, success, successWithNodes, unschedulable } from './types';
import { mergeNodeNames, runPreFilterPlugins } from './preFilter';
import { newRecord } from './runner';
import type { Profile } from '../profile';
import { makePod, contextOf } from '../plugins/testHelpers';
import { createRng } from '../../sim/rng';
import { snapshotOf } from '../plugins/testHelpers';

const set = (...n: string[]): Set<string> => new Set(n);

describe('PreFilterResult.Merge (TestPreFilterResultMerge)', () => {
  const table: { name: string; a?: string[]; b?: string[]; want?: string[] }[] = [
    { name: 'all nodes merged with all nodes', want: undefined },
    { name: 'all nodes merged with some nodes', b: ['n1', 'n2'], want: ['n1', 'n2'] },
    { name: 'some nodes merged with all nodes', a: ['n1'], want: ['n1'] },
    { name: 'intersection', a: ['n1', 'n2'], b: ['n2', 'n3'], want: ['n2'] },
    { name: 'disjoint sets give no node', a: ['n1'], b: ['n2'], want: [] },
    { name: 'empty set stays empty', a: [], b: ['n2'], want: [] },
  ];
  it.each(table)('$name', ({ a, b, want }) => {
    const got = mergeNodeNames(a && new Set(a), b && new Set(b));
    expect(got === undefined ? undefined : [...got].sort()).toEqual(want);
  });

  it('is the set intersection, commutative, with undefined as identity', () => {
    const names = fc.option(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e')), { nil: undefined });
    fc.assert(
      fc.property(names, names, (a, b) => {
        const sa = a && new Set(a);
        const sb = b && new Set(b);
        const ab = mergeNodeNames(sa, sb);
        const ba = mergeNodeNames(sb, sa);
        const sorted = (s: ReadonlySet<string> | undefined) => (s === undefined ? undefined : [...s].sort());
        expect(sorted(ab)).toEqual(sorted(ba));
        if (a === undefined || b === undefined) expect(sorted(ab)).toEqual(sorted(sa ?? sb));
        else expect(sorted(ab)).toEqual(a.filter((n) => b.includes(n)).sort());
      }),
    );
  });
});

const fake = (name: string, st: PreFilterStatus): PreFilterPlugin => ({ name, preFilter: () => st });

describe('RunPreFilterPlugins (TestRunPreFilterPlugins rows)', () => {
  const table: {
    name: string;
    plugins: PreFilterPlugin[];
    rejection?: string;
    nodes?: string[];
    pluginsWithNodes?: string[];
    skipped?: string[];
  }[] = [
    {
      name: 'all PreFilter returned success',
      plugins: [fake('success1', success()), fake('success2', success())],
    },
    {
      name: 'one PreFilter plugin returned Skip',
      plugins: [fake('success', success()), fake('skip', skip())],
      skipped: ['skip'],
    },
    {
      name: 'results intersect',
      plugins: [fake('b', successWithNodes(set('n1', 'n2'))), fake('a', successWithNodes(set('n2', 'n3')))],
      nodes: ['n2'],
      pluginsWithNodes: ['b', 'a'],
    },
    {
      name: 'one plugin returns no node',
      plugins: [fake('success', success()), fake('FakePreFilter2', successWithNodes(set()))],
      rejection: "UnschedulableAndUnresolvable: node(s) didn't satisfy plugin FakePreFilter2",
    },
    {
      name: 'two plugins return non-intersecting nodes: plugins sorted',
      plugins: [
        fake('FakePreFilter3', successWithNodes(set('node1'))),
        fake('FakePreFilter2', successWithNodes(set('node2'))),
        fake('never-run', successWithNodes(set('node1'))),
      ],
      rejection:
        "UnschedulableAndUnresolvable: node(s) didn't satisfy plugin(s) [FakePreFilter2 FakePreFilter3] simultaneously",
    },
    {
      name: 'a rejection stops the PreFilter plugins',
      plugins: [fake('reject', unschedulable('reject', 'injected')), fake('n', successWithNodes(set()))],
      rejection: 'Unschedulable: injected',
    },
  ];
  it.each(table)('$name', ({ plugins, rejection, nodes, pluginsWithNodes, skipped }) => {
    const profile: Profile = {
      schedulerName: 's',
      preFilter: plugins,
      filter: [],
      postFilter: [],
      preScore: [],
      score: [],
      args: {},
      extenders: [],
    };
    const pod = makePod();
    const rec = newRecord(
      { profile, pod, snapshot: snapshotOf([]), ctx: contextOf([]), rng: createRng(1), startIndex: 0 },
      [],
    );
    const out = runPreFilterPlugins(plugins, new Map(), pod, contextOf([]), rec);
    const r = out.rejection;
    expect(r === undefined ? undefined : `${r.code}: ${r.reasons.join(', ')}`).toBe(rejection);
    if (rejection === undefined) {
      expect(out.nodeNames === undefined ? undefined : [...out.nodeNames]).toEqual(nodes);
      expect(out.pluginsWithNodes).toEqual(pluginsWithNodes ?? []);
      expect([...out.skip]).toEqual(skipped ?? []);
    }
    expect(rec.preFilter.map((p) => p.plugin)).not.toContain('never-run');
  });
});
