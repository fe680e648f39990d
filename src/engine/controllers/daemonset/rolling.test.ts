import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { allowsSurge, planInFull, planRollingUpdate, rollingParams, scaledValue } from './rolling';

function pod(name: string, hash: string, ready: boolean, deleting = false): Pod {
  return {
    metadata: {
      name,
      labels: { 'controller-revision-hash': hash },
      ...(deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
    },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}
const avail = (p: Readonly<Pod>) => p.status?.conditions?.[0]?.status === 'True';

describe('rollingParams (updatedDesiredNodeCounts, SurgeCount/UnavailableCount round up)', () => {
  const cases = [
    {
      name: 'defaults 1/0 over 5 nodes',
      ru: { maxUnavailable: 1, maxSurge: 0 },
      desired: 5,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: '10% of 5 rounds up to 1',
      ru: { maxUnavailable: '10%', maxSurge: 0 },
      desired: 5,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: '50% of 5 rounds up to 3',
      ru: { maxUnavailable: '50%', maxSurge: 0 },
      desired: 5,
      expected: { maxSurge: 0, maxUnavailable: 3 },
    },
    {
      name: 'surge 20% of 4 -> 1, unavailable 0',
      ru: { maxUnavailable: 0, maxSurge: '20%' },
      desired: 4,
      expected: { maxSurge: 1, maxUnavailable: 0 },
    },
    {
      name: 'both 0 falls back to unavailable 1',
      ru: { maxUnavailable: 0, maxSurge: 0 },
      desired: 3,
      expected: { maxSurge: 0, maxUnavailable: 1 },
    },
    {
      name: 'both 0% with no nodes stays 0',
      ru: { maxUnavailable: '0%', maxSurge: '0%' },
      desired: 0,
      expected: { maxSurge: 0, maxUnavailable: 0 },
    },
  ];
  for (const c of cases)
    it(c.name, () =>
      expect(rollingParams({ type: 'RollingUpdate', rollingUpdate: c.ru }, c.desired)).toEqual(c.expected),
    );
  it('OnDelete has no limits and never surges', () => {
    expect(rollingParams({ type: 'OnDelete' }, 3)).toEqual({ maxSurge: 0, maxUnavailable: 0 });
    expect(allowsSurge({ type: 'OnDelete', rollingUpdate: { maxSurge: 1 } })).toBe(false);
    expect(allowsSurge({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '1%' } })).toBe(true);
  });
  it('rejects a malformed percentage', () => expect(() => scaledValue('abc', 3, true)).toThrow());
});

describe('planRollingUpdate without surge (maxUnavailable)', () => {
  const cases: { name: string; nodes: Record<string, Pod[]>; maxUnavailable: number; del: string[] }[] = [
    {
      name: 'all old and ready, maxUnavailable 1: one node at a time',
      nodes: { n1: [pod('a', 'old', true)], n2: [pod('b', 'old', true)], n3: [pod('c', 'old', true)] },
      maxUnavailable: 1,
      del: ['a'],
    },
    {
      name: 'maxUnavailable 2 deletes two',
      nodes: { n1: [pod('a', 'old', true)], n2: [pod('b', 'old', true)], n3: [pod('c', 'old', true)] },
      maxUnavailable: 2,
      del: ['a', 'b'],
    },
    {
      name: 'a new pod not yet available blocks further deletes',
      nodes: { n1: [pod('a2', 'new', false)], n2: [pod('b', 'old', true)], n3: [pod('c', 'old', true)] },
      maxUnavailable: 1,
      del: [],
    },
    {
      name: 'a node with no pod (being recreated) counts as unavailable',
      nodes: { n1: [], n2: [pod('b', 'old', true)] },
      maxUnavailable: 1,
      del: [],
    },
    {
      name: 'new pod available: next old pod goes',
      nodes: { n1: [pod('a2', 'new', true)], n2: [pod('b', 'old', true)], n3: [pod('c', 'old', true)] },
      maxUnavailable: 1,
      del: ['b'],
    },
    {
      name: 'an unavailable old pod is always replaced, even over the limit',
      nodes: { n1: [pod('a2', 'new', false)], n2: [pod('b', 'old', false)], n3: [pod('c', 'old', true)] },
      maxUnavailable: 1,
      del: ['b'],
    },
    {
      name: 'terminating pods are ignored',
      nodes: { n1: [pod('a', 'old', true, true)], n2: [pod('b', 'old', true)] },
      maxUnavailable: 1,
      del: [],
    },
    {
      name: 'everything updated: nothing to do',
      nodes: { n1: [pod('a2', 'new', true)], n2: [pod('b2', 'new', true)] },
      maxUnavailable: 1,
      del: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = planRollingUpdate({
        nodeToDaemonPods: new Map(Object.entries(c.nodes)),
        hash: 'new',
        desiredNumberScheduled: Object.keys(c.nodes).length,
        maxSurge: 0,
        maxUnavailable: c.maxUnavailable,
        isAvailable: avail,
        shouldRun: () => true,
      });
      expect(plan).toEqual({ podsToDelete: c.del, nodesToCreate: [] });
    });
  }

  it('property: never takes more available old pods down than maxUnavailable allows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ isNew: fc.boolean(), ready: fc.boolean() }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (specs, maxU) => {
          const m = new Map(specs.map((s, i) => [`n${i}`, [pod(`p${i}`, s.isNew ? 'new' : 'old', s.ready)]]));
          const plan = planRollingUpdate({
            nodeToDaemonPods: m,
            hash: 'new',
            desiredNumberScheduled: specs.length,
            maxSurge: 0,
            maxUnavailable: maxU,
            isAvailable: avail,
            shouldRun: () => true,
          });
          const unavailableBefore = specs.filter((s) => !s.ready).length;
          const availableOldDeleted = plan.podsToDelete.filter(
            (n) => specs[Number(n.slice(1))]?.ready,
          ).length;
          expect(availableOldDeleted).toBeLessThanOrEqual(Math.max(0, maxU - unavailableBefore));
        },
      ),
    );
  });
});

describe('planRollingUpdate with surge', () => {
  const run = (
    nodes: Record<string, Pod[]>,
    maxSurge: number,
    shouldRun: (n: string) => boolean = () => true,
  ) =>
    planRollingUpdate({
      nodeToDaemonPods: new Map(Object.entries(nodes)),
      hash: 'new',
      desiredNumberScheduled: Object.keys(nodes).length,
      maxSurge,
      maxUnavailable: 0,
      isAvailable: avail,
      shouldRun,
    });
  it('surges onto maxSurge nodes that have an available old pod', () => {
    expect(
      run({ n1: [pod('a', 'old', true)], n2: [pod('b', 'old', true)], n3: [pod('c', 'old', true)] }, 1),
    ).toEqual({ podsToDelete: [], nodesToCreate: ['n1'] });
  });
  it('deletes the old pod once the new one next to it is available, and surges on', () => {
    expect(
      run({ n1: [pod('a', 'old', true), pod('a2', 'new', true)], n2: [pod('b', 'old', true)] }, 1),
    ).toEqual({ podsToDelete: ['a'], nodesToCreate: ['n2'] });
  });
  it('waits while a surged pod is not available', () => {
    expect(
      run({ n1: [pod('a', 'old', true), pod('a2', 'new', false)], n2: [pod('b', 'old', true)] }, 1),
    ).toEqual({ podsToDelete: [], nodesToCreate: [] });
  });
  it('replaces an unavailable old pod immediately, beyond maxSurge', () => {
    expect(run({ n1: [pod('a', 'old', false)], n2: [pod('b', 'old', false)] }, 1)).toEqual({
      podsToDelete: [],
      nodesToCreate: ['n1', 'n2'],
    });
  });
});

describe('the no-old-pods shortcut', () => {
  it('plans exactly what the full rollingUpdate plans, for any pods, hashes and limits', () => {
    const podArb = fc.record({
      hash: fc.constantFrom('new', 'old'),
      ready: fc.boolean(),
      deleting: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(podArb, { maxLength: 3 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (nodes, maxSurge, maxUnavailable, runEverywhere) => {
          const nodeToDaemonPods = new Map(
            nodes.map((pods, n) => [
              `n${n}`,
              pods.map((p, i) => pod(`p${n}-${i}`, p.hash, p.ready, p.deleting)),
            ]),
          );
          const input = {
            nodeToDaemonPods,
            hash: 'new',
            desiredNumberScheduled: nodes.length,
            maxSurge,
            maxUnavailable,
            isAvailable: avail,
            shouldRun: (node: string) => runEverywhere || node !== 'n0',
          };
          expect(planRollingUpdate(input)).toEqual(planInFull(input));
        },
      ),
      { numRuns: 500 },
    );
  });
});
