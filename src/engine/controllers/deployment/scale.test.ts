// Table tests for proportional scaling (sync_test.go TestScale): new sizes of every ReplicaSet after a resize.
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { planScale } from './scale';
import { newDeployment, newRS } from './testFixtures';
import { maxSurge } from './fenceposts';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './replicaSets';

interface Case {
  name: string;
  replicas: number;
  oldReplicas: number;
  surge?: number;
  oldSurge?: number;
  unavail?: number;
  /** [name, size, available?]; the new RS is the newest */
  newRS?: [string, number, number?];
  /** newest first */
  oldRSs: [string, number][];
  expected: Record<string, number>;
}

const cases: Case[] = [
  {
    name: 'normal scaling event: 10 -> 12',
    replicas: 12,
    oldReplicas: 10,
    newRS: ['v1', 10],
    oldRSs: [],
    expected: { v1: 12 },
  },
  {
    name: 'normal scaling event: 10 -> 5',
    replicas: 5,
    oldReplicas: 10,
    newRS: ['v1', 10],
    oldRSs: [],
    expected: { v1: 5 },
  },
  {
    name: 'proportional scaling: 5 -> 10',
    replicas: 10,
    oldReplicas: 5,
    newRS: ['v2', 2],
    oldRSs: [['v1', 3]],
    expected: { v2: 4, v1: 6 },
  },
  {
    name: 'proportional scaling: 5 -> 3',
    replicas: 3,
    oldReplicas: 5,
    newRS: ['v2', 2],
    oldRSs: [['v1', 3]],
    expected: { v2: 1, v1: 2 },
  },
  {
    name: 'proportional scaling: 9 -> 4',
    replicas: 4,
    oldReplicas: 9,
    newRS: ['v2', 8],
    oldRSs: [['v1', 1]],
    expected: { v2: 4, v1: 0 },
  },
  {
    name: 'proportional scaling: 7 -> 10',
    replicas: 10,
    oldReplicas: 7,
    newRS: ['v3', 2],
    oldRSs: [
      ['v2', 3],
      ['v1', 2],
    ],
    expected: { v3: 3, v2: 4, v1: 3 },
  },
  {
    name: 'proportional scaling: 13 -> 8',
    replicas: 8,
    oldReplicas: 13,
    newRS: ['v3', 2],
    oldRSs: [
      ['v2', 8],
      ['v1', 3],
    ],
    expected: { v3: 1, v2: 5, v1: 2 },
  },
  {
    name: 'leftover distribution: 3 -> 4',
    replicas: 4,
    oldReplicas: 3,
    newRS: ['v3', 1],
    oldRSs: [
      ['v2', 1],
      ['v1', 1],
    ],
    expected: { v3: 2, v2: 1, v1: 1 },
  },
  {
    name: 'leftover distribution: 3 -> 2',
    replicas: 2,
    oldReplicas: 3,
    newRS: ['v3', 1],
    oldRSs: [
      ['v2', 1],
      ['v1', 1],
    ],
    expected: { v3: 1, v2: 1, v1: 0 },
  },
  {
    name: 'proportional scaling (no new rs): 4 -> 5',
    replicas: 5,
    oldReplicas: 4,
    oldRSs: [
      ['v2', 2],
      ['v1', 2],
    ],
    expected: { v2: 3, v1: 2 },
  },
  {
    name: 'proportional scaling (no new rs): 6 -> 0',
    replicas: 0,
    oldReplicas: 6,
    oldRSs: [
      ['v2', 3],
      ['v1', 3],
    ],
    expected: { v2: 0, v1: 0 },
  },
  {
    name: 'scaling up from 0: 0 -> 6',
    replicas: 6,
    oldReplicas: 0,
    newRS: ['v2', 0],
    oldRSs: [['v1', 0]],
    expected: { v2: 6 },
  },
  {
    name: 'deployment with surge pods',
    replicas: 20,
    oldReplicas: 10,
    surge: 2,
    oldSurge: 2,
    newRS: ['v2', 6],
    oldRSs: [['v1', 6]],
    expected: { v2: 11, v1: 11 },
  },
  {
    name: 'change both surge and size',
    replicas: 50,
    oldReplicas: 10,
    surge: 6,
    oldSurge: 3,
    newRS: ['v2', 5],
    oldRSs: [['v1', 8]],
    expected: { v2: 22, v1: 34 },
  },
  {
    name: 'change both size and template',
    replicas: 14,
    oldReplicas: 10,
    oldRSs: [
      ['v2', 7],
      ['v1', 3],
    ],
    expected: { v2: 10, v1: 4 },
  },
  {
    name: 'saturated but broken new replica set does not affect old pods',
    replicas: 2,
    oldReplicas: 2,
    surge: 1,
    oldSurge: 1,
    unavail: 1,
    newRS: ['v2', 2, 0],
    oldRSs: [['v1', 1]],
    expected: { v2: 2, v1: 1 },
  },
];

describe('planScale (TestScale)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = newDeployment({
        replicas: c.replicas,
        maxSurge: c.surge ?? 0,
        maxUnavailable: c.unavail ?? 0,
      });
      const oldD = newDeployment({
        replicas: c.oldReplicas,
        maxSurge: c.oldSurge ?? 0,
        maxUnavailable: c.unavail ?? 0,
      });
      const annotations = {
        [DESIRED_REPLICAS_ANNOTATION]: String(c.oldReplicas),
        [MAX_REPLICAS_ANNOTATION]: String(c.oldReplicas + maxSurge(oldD)),
      };
      const olds: ReplicaSet[] = c.oldRSs.map(([n, size], i) =>
        newRS(n, size, { createdSec: 100 - (i + 1) * 10, annotations }),
      );
      const nrs = c.newRS
        ? newRS(c.newRS[0], c.newRS[1], { createdSec: 100, annotations, available: c.newRS[2] })
        : undefined;
      const sizes: Record<string, number> = {};
      for (const rs of [...olds, ...(nrs ? [nrs] : [])])
        sizes[rs.metadata?.name ?? ''] = rs.spec?.replicas ?? 0;
      for (const s of planScale(d, nrs, olds)) sizes[s.rs.metadata?.name ?? ''] = s.to;
      for (const [n, v] of Object.entries(c.expected)) expect(sizes[n], n).toBe(v);
    });
  }
  it('a saturated new RS scales every old RS to 0', () => {
    const d = newDeployment({ replicas: 3 });
    const nrs = newRS('v2', 3, {
      available: 3,
      createdSec: 100,
      annotations: { [DESIRED_REPLICAS_ANNOTATION]: '3' },
    });
    const steps = planScale(d, nrs, [newRS('v1', 2, { createdSec: 50 })]);
    expect(steps.map((s) => [s.rs.metadata?.name, s.to])).toEqual([['v1', 0]]);
  });
});
