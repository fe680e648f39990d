// Tests for the Recreate planner: old RSs to 0, then wait for old pods to be gone, then the new RS.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { oldPodsRunning, planRecreate } from './recreate';
import { newDeployment, newRS } from './testFixtures';

const pod = (phase: string): Pod => ({ metadata: { name: 'p' }, status: { phase } });

describe('planRecreate', () => {
  const d = newDeployment({ replicas: 3, strategy: 'Recreate' });
  it('scales every active old RS to 0 first', () => {
    const plan = planRecreate(d, undefined, [newRS('a', 3), newRS('b', 0)], new Map());
    expect(plan).toMatchObject({ kind: 'scaleDownOld', steps: [{ to: 0 }] });
  });
  it('waits while old RSs report replicas or old pods are not terminal', () => {
    expect(planRecreate(d, undefined, [newRS('a', 0, { current: 1 })], new Map()).kind).toBe(
      'waitForOldPods',
    );
    expect(
      planRecreate(d, undefined, [newRS('a', 0, { current: 0 })], new Map([['uid-a', [pod('Running')]]]))
        .kind,
    ).toBe('waitForOldPods');
  });
  it('then scales the new RS to spec.replicas', () => {
    const pods = new Map([
      ['uid-a', [pod('Succeeded'), pod('Failed')]],
      ['uid-n', [pod('Running')]],
    ]);
    expect(planRecreate(d, newRS('n', 0), [newRS('a', 0, { current: 0 })], pods)).toEqual({
      kind: 'scaleUpNew',
      to: 3,
    });
  });
  const cases = [
    { phase: 'Pending', running: true },
    { phase: 'Running', running: true },
    { phase: 'Unknown', running: true },
    { phase: 'Succeeded', running: false },
    { phase: 'Failed', running: false },
  ];
  for (const c of cases) {
    it(`an old pod in phase ${c.phase} ${c.running ? 'counts' : 'does not count'} as running`, () => {
      expect(oldPodsRunning(undefined, [], new Map([['x', [pod(c.phase)]]]))).toBe(c.running);
    });
  }
});
