// pickOneNodeForPreemption criteria in order (table test in the style of TestPickOneNodeForPreemption).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { numCandidates, pickOneNodeForPreemption } from './preemption';

const v = (priority: number, start = '2025-01-01T00:00:00Z'): Pod => ({
  metadata: { name: `p${priority}` },
  spec: { containers: [], priority },
  status: { startTime: start },
});

describe('pickOneNodeForPreemption', () => {
  const table: { name: string; candidates: { node: string; victims: Pod[] }[]; expected: string }[] = [
    {
      name: 'a node needing no victims wins',
      candidates: [
        { node: 'a', victims: [v(1)] },
        { node: 'b', victims: [] },
      ],
      expected: 'b',
    },
    {
      name: 'lowest highest-priority victim',
      candidates: [
        { node: 'a', victims: [v(10)] },
        { node: 'b', victims: [v(5), v(5)] },
      ],
      expected: 'b',
    },
    {
      name: 'lowest sum of priorities',
      candidates: [
        { node: 'a', victims: [v(5), v(4)] },
        { node: 'b', victims: [v(5), v(3)] },
      ],
      expected: 'b',
    },
    {
      name: 'fewest victims',
      candidates: [
        { node: 'a', victims: [v(5), v(-5)] },
        { node: 'b', victims: [v(5)] },
      ].reverse(),
      expected: 'b',
    },
    {
      name: 'latest start of the highest-priority victims',
      candidates: [
        { node: 'a', victims: [v(5, '2025-01-01T00:00:00Z')] },
        { node: 'b', victims: [v(5, '2025-01-01T00:05:00Z')] },
      ],
      expected: 'b',
    },
    {
      name: 'first candidate when all equal',
      candidates: [
        { node: 'a', victims: [v(5)] },
        { node: 'b', victims: [v(5)] },
      ],
      expected: 'a',
    },
  ];
  it.each(table)('$name', ({ candidates, expected }) => {
    expect(pickOneNodeForPreemption(candidates).node).toBe(expected);
  });
});

describe('numCandidates (calculateNumCandidates)', () => {
  it.each([
    { nodes: 10, expected: 10 },
    { nodes: 1000, expected: 100 },
    { nodes: 5000, expected: 500 },
  ])('$nodes nodes -> $expected', ({ nodes, expected }) => expect(numCandidates(nodes)).toBe(expected));
});
