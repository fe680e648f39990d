// Runner unit tests: numFeasibleNodesToFind, FitError formatting, selectHost tie-breaking.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numFeasibleNodesToFind } from './runner';
import { fitErrorMessage } from './fitError';
import { selectHost } from './scoring';
import { createRng } from '../../sim/rng';
import type { PluginStatus } from './types';

describe('numFeasibleNodesToFind (TestNumFeasibleNodesToFind)', () => {
  const table = [
    {
      name: 'not set percentageOfNodesToScore and nodes number not more than 50',
      pct: undefined,
      nodes: 10,
      expected: 10,
    },
    {
      name: 'set percentageOfNodesToScore and nodes number not more than 50',
      pct: 40,
      nodes: 10,
      expected: 10,
    },
    {
      name: 'not set percentageOfNodesToScore and nodes number more than 50',
      pct: undefined,
      nodes: 1000,
      expected: 420,
    },
    {
      name: 'set percentageOfNodesToScore and nodes number more than 50',
      pct: 40,
      nodes: 1000,
      expected: 400,
    },
    {
      name: 'not set percentageOfNodesToScore and nodes number more than 50*125',
      pct: undefined,
      nodes: 6000,
      expected: 300,
    },
    {
      name: 'set percentageOfNodesToScore and nodes number more than 50*125',
      pct: 40,
      nodes: 6000,
      expected: 2400,
    },
    { name: '5,000 nodes adaptive', pct: 0, nodes: 5000, expected: 500 },
    { name: 'at least 100', pct: 1, nodes: 1000, expected: 100 },
  ];
  it.each(table)('$name', ({ pct, nodes, expected }) => {
    expect(numFeasibleNodesToFind(pct, nodes)).toBe(expected);
  });
});

describe('fitErrorMessage (FitError.Error)', () => {
  const st = (...reasons: string[]): PluginStatus => ({ code: 'Unschedulable', reasons });
  it('sorts the histogram as strings ("10 x" before "2 y")', () => {
    const m = new Map<string, PluginStatus>();
    for (let i = 0; i < 10; i++) m.set(`a${i}`, st('x'));
    m.set('b1', st('y'));
    m.set('b2', st('y'));
    expect(fitErrorMessage(12, { nodeToStatus: m })).toBe('0/12 nodes are available: 10 x, 2 y.');
  });
  it('uses the PreFilter message instead of the histogram and appends the PostFilter message', () => {
    const m = new Map([['n', st('ignored')]]);
    expect(
      fitErrorMessage(1, {
        nodeToStatus: m,
        preFilterMsg: 'pod has unbound immediate PersistentVolumeClaims',
        postFilterMsg: 'preemption: x.',
      }),
    ).toBe('0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: x.');
  });
  it('counts every reason of a node', () => {
    const m = new Map([['n', st('Insufficient cpu', 'Insufficient memory')]]);
    expect(fitErrorMessage(1, { nodeToStatus: m })).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.',
    );
  });
});

describe('selectHost', () => {
  it('always picks a node with the highest total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 20 }),
        fc.integer(),
        (totals, seed) => {
          const rows = totals.map((total, i) => ({ node: `n${i}`, total }));
          const chosen = selectHost(rows, createRng(seed));
          const max = Math.max(...totals);
          expect(rows.find((r) => r.node === chosen)?.total).toBe(max);
        },
      ),
    );
  });
  it('spreads ties over every tied node across draws', () => {
    const rows = [0, 1, 2].map((i) => ({ node: `n${i}`, total: 7 }));
    const seen = new Set<string>();
    const rng = createRng(42);
    for (let i = 0; i < 60; i++) seen.add(selectHost(rows, rng));
    expect(seen).toEqual(new Set(['n0', 'n1', 'n2']));
  });
});
