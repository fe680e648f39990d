// NodeAffinity PreFilter: Skip, the PreFilterResult of node-name affinity, the terms conflict, then Filter on the
// nodes left (rows after node_affinity_test.go TestNodeAffinity's wantPreFilterResult / wantPreFilterStatus).
import { describe, expect, it } from 'vitest';
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1';
import type { CycleState } from '../framework/types';
import { newNodeAffinity } from './nodeAffinity';
import { contextOf, makeNode, makePod, nodeInfos } from './testHelpers';

const names = (...values: string[]): NodeSelectorRequirement => ({
  key: 'metadata.name',
  operator: 'In',
  values,
});
const fooBar: NodeSelectorRequirement = { key: 'foo', operator: 'In', values: ['bar'] };
const podWith = (...terms: NodeSelectorTerm[]): Pod =>
  makePod({
    spec: {
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
      },
    },
  });

const conflict = 'UnschedulableAndUnresolvable: pod affinity terms conflict';
const mismatch = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";

describe('NodeAffinity PreFilter (TestNodeAffinity PreFilterResult rows)', () => {
  // node1 has foo=bar; the Filter verdict is for node1
  const table: { name: string; pod: Pod; preFilter: string; nodes?: string[]; filter?: string }[] = [
    { name: 'no affinity and no nodeSelector: Skip', pod: makePod(), preFilter: 'Skip' },
    {
      name: 'nodeSelector only: all nodes',
      pod: makePod({ spec: { nodeSelector: { foo: 'bar' } } }),
      preFilter: 'Success',
      filter: 'Success',
    },
    {
      name: 'Pod with matchFields using In operator that matches the existing node',
      pod: podWith({ matchFields: [names('node1')] }),
      preFilter: 'Success',
      nodes: ['node1'],
      filter: 'Success',
    },
    {
      name: 'Pod with matchFields using In operator that does not match the existing node',
      pod: podWith({ matchFields: [names('node2')] }),
      preFilter: 'Success',
      nodes: ['node2'],
      filter: mismatch,
    },
    {
      name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
      pod: podWith({ matchFields: [names('node2')] }, { matchExpressions: [fooBar] }),
      preFilter: 'Success',
      filter: 'Success',
    },
    {
      name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
      pod: podWith({ matchFields: [names('node2')], matchExpressions: [fooBar] }),
      preFilter: 'Success',
      nodes: ['node2'],
      filter: mismatch,
    },
    {
      name: 'Pod with one term: both matchFields and matchExpressions match',
      pod: podWith({ matchFields: [names('node1')], matchExpressions: [fooBar] }),
      preFilter: 'Success',
      nodes: ['node1'],
      filter: 'Success',
    },
    {
      name: 'Pod with two terms both pinning names: the union',
      pod: podWith({ matchFields: [names('node2')] }, { matchFields: [names('node1')] }),
      preFilter: 'Success',
      nodes: ['node2', 'node1'],
      filter: 'Success',
    },
    {
      // Filter keeps rejecting a field selector with several values (nodeSelectorRequirementsAsFieldSelector)
      name: 'a term pinning several names narrows, though Filter cannot parse it',
      pod: podWith({ matchFields: [names('node1', 'node3')] }),
      preFilter: 'Success',
      nodes: ['node1', 'node3'],
      filter: mismatch,
    },
    {
      name: 'requirements in one term intersect',
      pod: podWith({ matchFields: [names('node1', 'node2'), names('node2', 'node3')] }),
      preFilter: 'Success',
      nodes: ['node2'],
      filter: mismatch,
    },
    {
      name: 'Pod with an invalid value in Affinity term: conflicting node names in one term',
      pod: podWith({ matchFields: [names('node1'), names('node2')] }),
      preFilter: conflict,
    },
    {
      name: 'every term empty after intersection: conflict',
      pod: podWith({ matchFields: [names('a'), names('b')] }, { matchFields: [names()] }),
      preFilter: conflict,
    },
    {
      name: 'metadata.name NotIn does not narrow',
      pod: podWith({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node2'] }] }),
      preFilter: 'Success',
      filter: 'Success',
    },
  ];
  it.each(table)('$name', ({ pod, preFilter, nodes, filter }) => {
    const infos = nodeInfos([makeNode('node1', { labels: { foo: 'bar' } })]);
    const ctx = contextOf(infos);
    const pl = newNodeAffinity();
    const state: CycleState = new Map();
    const st = pl.preFilter(state, pod, ctx);
    expect(
      st.code === 'Success' || st.code === 'Skip' ? st.code : `${st.code}: ${st.reasons.join(', ')}`,
    ).toBe(preFilter);
    expect(st.nodeNames === undefined ? undefined : [...st.nodeNames]).toEqual(nodes);
    if (filter !== undefined) {
      const f = pl.filter(state, pod, infos[0]!, ctx);
      expect(f.code === 'Success' ? 'Success' : `${f.code}: ${f.reasons.join(', ')}`).toBe(filter);
    }
  });
});
