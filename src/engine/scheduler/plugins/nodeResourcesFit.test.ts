// Tables for NodeResourcesFit (filter + strategies) and BalancedAllocation, ported from noderesources/*_test.go.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { newNodeResourcesFit } from './nodeResourcesFit';
import { newBalancedAllocation } from './balancedAllocation';
import { brokenLinearFunction } from './resourceScoring';
import { makeNode, makePod, nodeInfos, runFilter, runScore } from './testHelpers';

const node = (name: string, cpu: string, memory: string, pods = '110') =>
  makeNode(name, { allocatable: { cpu, memory, pods } });
// fixtures of least_allocated_test.go / balanced_allocation_test.go
const cpuOnly = (nodeName?: string) =>
  makePod({
    name: `cpuOnly-${nodeName}`,
    nodeName,
    requests: [
      ['1000m', '0'],
      ['2000m', '0'],
    ],
  });
const cpuAndMemory = (nodeName?: string) =>
  makePod({
    name: `cpuMem-${nodeName}`,
    nodeName,
    requests: [
      ['1000m', '2000'],
      ['2000m', '3000'],
    ],
  });
const empty = makePod({ requests: [] });

describe('LeastAllocated (TestLeastAllocatedScoringStrategy)', () => {
  const table: {
    name: string;
    pod: Pod;
    nodes: [string, string][];
    existing: Pod[];
    weights?: { name: string; weight: number }[];
    want: number[];
  }[] = [
    {
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: cpuAndMemory(),
      nodes: [
        ['4000m', '10000'],
        ['6000m', '10000'],
      ],
      existing: [],
      want: [37, 50],
    },
    {
      name: 'no resources requested, pods scheduled with resources',
      pod: empty,
      nodes: [
        ['10000m', '20000'],
        ['10000m', '20000'],
      ],
      existing: [cpuOnly('n0'), cpuOnly('n0'), cpuOnly('n1'), cpuAndMemory('n1')],
      want: [70, 57],
    },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: cpuAndMemory(),
      nodes: [
        ['10000m', '20000'],
        ['10000m', '20000'],
      ],
      existing: [cpuOnly('n0'), cpuAndMemory('n1')],
      want: [57, 45],
    },
    {
      name: 'resources requested, differently sized nodes',
      pod: cpuAndMemory(),
      nodes: [
        ['10000m', '20000'],
        ['10000m', '50000'],
      ],
      existing: [cpuOnly('n0'), cpuAndMemory('n1')],
      want: [57, 60],
    },
    {
      name: 'requested resources exceed node capacity',
      pod: cpuOnly(),
      nodes: [
        ['4000m', '10000'],
        ['4000m', '10000'],
      ],
      existing: [cpuOnly('n0'), cpuAndMemory('n1')],
      want: [50, 25],
    },
    {
      name: 'resources with weights memory 2 cpu 1',
      pod: cpuAndMemory(),
      nodes: [
        ['4000m', '10000'],
        ['6000m', '10000'],
      ],
      existing: [],
      weights: [
        { name: 'memory', weight: 2 },
        { name: 'cpu', weight: 1 },
      ],
      want: [41, 50],
    },
    {
      name: 'zero-request pod counts as 100m / 200Mi',
      pod: makePod(),
      nodes: [
        ['1000m', '2000Mi'],
        ['2000m', '2000Mi'],
      ],
      existing: [],
      want: [90, 92],
    },
  ];
  it.each(table)('$name', ({ pod, nodes, existing, weights, want }) => {
    const infos = nodeInfos(
      nodes.map(([c, m], i) => node(`n${i}`, c, m)),
      existing,
    );
    const plugin = newNodeResourcesFit(
      weights ? { scoringStrategy: { type: 'LeastAllocated', resources: weights } } : {},
    );
    expect(Object.values(runScore(plugin, pod, infos))).toEqual(want);
  });
});

describe('MostAllocated (TestMostAllocatedScoringStrategy)', () => {
  it.each([
    {
      name: 'nothing scheduled, resources requested',
      pod: cpuAndMemory(),
      nodes: [
        ['4000m', '10000'],
        ['6000m', '10000'],
      ] as [string, string][],
      want: [62, 50],
    },
    {
      name: 'requested over capacity is capped',
      pod: makePod({ requests: [['5000m', '0']] }),
      nodes: [['4000m', '10000']] as [string, string][],
      want: [50],
    },
  ])('$name', ({ pod, nodes, want }) => {
    const infos = nodeInfos(nodes.map(([c, m], i) => node(`n${i}`, c, m)));
    expect(
      Object.values(
        runScore(newNodeResourcesFit({ scoringStrategy: { type: 'MostAllocated' } }), pod, infos),
      ),
    ).toEqual(want);
  });
});

describe('RequestedToCapacityRatio', () => {
  it('brokenLinearFunction (TestBrokenLinearFunction)', () => {
    const f = brokenLinearFunction([
      { utilization: 10, score: 1 },
      { utilization: 90, score: 9 },
    ]);
    expect([-10, 10, 50, 90, 100].map(f)).toEqual([1, 1, 5, 9, 9]);
  });
  it('shape 0->10, 100->0 favours empty nodes', () => {
    const plugin = newNodeResourcesFit({
      scoringStrategy: {
        type: 'RequestedToCapacityRatio',
        requestedToCapacityRatio: {
          shape: [
            { utilization: 0, score: 10 },
            { utilization: 100, score: 0 },
          ],
        },
      },
    });
    const infos = nodeInfos([node('n0', '4000m', '10000'), node('n1', '6000m', '10000')]);
    // n0: cpu 75% -> 25, mem 50% -> 50 => round(37.5) = 38; n1: 50, 50 => 50
    expect(runScore(plugin, cpuAndMemory(), infos)).toEqual({ n0: 38, n1: 50 });
  });
});

describe('BalancedAllocation (TestNodeResourcesBalancedAllocation)', () => {
  it.each([
    {
      name: 'differently sized nodes',
      pod: cpuAndMemory(),
      nodes: [
        ['4000m', '10000'],
        ['6000m', '10000'],
      ] as [string, string][],
      existing: [],
      want: [87, 100],
    },
    {
      name: 'pods scheduled with resources',
      pod: cpuAndMemory(),
      nodes: [
        ['10000m', '20000'],
        ['10000m', '50000'],
      ] as [string, string][],
      existing: [cpuOnly('n0'), cpuAndMemory('n1')],
      want: [82, 80],
    },
    {
      name: 'requested resources at node capacity',
      pod: cpuOnly(),
      nodes: [
        ['6000m', '10000'],
        ['6000m', '10000'],
      ] as [string, string][],
      existing: [cpuOnly('n0'), cpuAndMemory('n1')],
      want: [50, 75],
    },
  ])('$name', ({ pod, nodes, existing, want }) => {
    const infos = nodeInfos(
      nodes.map(([c, m], i) => node(`n${i}`, c, m)),
      existing,
    );
    expect(Object.values(runScore(newBalancedAllocation(), pod, infos))).toEqual(want);
  });
  it('best-effort pod: PreScore skips', () => {
    const st = newBalancedAllocation().preScore(new Map(), makePod(), [], undefined as never);
    expect(st.code).toBe('Skip');
  });
});

describe('NodeResourcesFit filter (TestEnoughRequests)', () => {
  const full = (cpu: string, mem: string) =>
    makePod({ name: 'existing', nodeName: 'n', requests: [[cpu, mem]] });
  const table: { name: string; pod: Pod; existing: Pod[]; pods?: string; want: string }[] = [
    {
      name: 'no resources requested always fits',
      pod: makePod({ requests: [] }),
      existing: [full('10', '20')],
      want: 'Success',
    },
    {
      name: 'too many resources fails',
      pod: makePod({ requests: [['1', '1']] }),
      existing: [full('10', '20')],
      want: 'Unschedulable: Insufficient cpu, Insufficient memory',
    },
    {
      name: 'fits exactly',
      pod: makePod({ requests: [['5', '10']] }),
      existing: [full('5', '10')],
      want: 'Success',
    },
    {
      name: 'one resource short',
      pod: makePod({ requests: [['2', '1']] }),
      existing: [full('9', '5')],
      want: 'Unschedulable: Insufficient cpu',
    },
    {
      name: 'more than the whole node is unresolvable',
      pod: makePod({ requests: [['11', '1']] }),
      existing: [],
      want: 'UnschedulableAndUnresolvable: Insufficient cpu',
    },
    {
      name: 'too many pods',
      pod: makePod({ requests: [['1', '1']] }),
      existing: [full('1', '1')],
      pods: '1',
      want: 'Unschedulable: Too many pods',
    },
    {
      name: 'extended resource',
      pod: makePod({
        requests: [],
        spec: { containers: [{ name: 'c', resources: { requests: { 'example.com/aaa': '2' } } }] },
      }),
      existing: [],
      want: 'UnschedulableAndUnresolvable: Insufficient example.com/aaa',
    },
    {
      name: 'ephemeral storage',
      pod: makePod({
        requests: [],
        spec: { containers: [{ name: 'c', resources: { requests: { 'ephemeral-storage': '30' } } }] },
      }),
      existing: [],
      want: 'UnschedulableAndUnresolvable: Insufficient ephemeral-storage',
    },
  ];
  it.each(table)('$name', ({ pod, existing, pods, want }) => {
    const n = makeNode('n', {
      allocatable: {
        cpu: '10',
        memory: '20',
        pods: pods ?? '32',
        'ephemeral-storage': '20',
        'example.com/aaa': '1',
      },
    });
    expect(runFilter(newNodeResourcesFit(), pod, nodeInfos([n], existing)).n).toBe(want);
  });
  it('ignoredResources skips an extended resource', () => {
    const pod = makePod({
      requests: [],
      spec: { containers: [{ name: 'c', resources: { requests: { 'example.com/aaa': '2' } } }] },
    });
    const n = makeNode('n', { allocatable: { cpu: '1', memory: '1', pods: '10' } });
    expect(
      runFilter(newNodeResourcesFit({ ignoredResources: ['example.com/aaa'] }), pod, nodeInfos([n])).n,
    ).toBe('Success');
    expect(
      runFilter(newNodeResourcesFit({ ignoredResourceGroups: ['example.com'] }), pod, nodeInfos([n])).n,
    ).toBe('Success');
  });
});
