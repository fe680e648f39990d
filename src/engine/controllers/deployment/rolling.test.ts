// Table tests for rolling.go (TestDeploymentController_reconcileNewReplicaSet/_reconcileOldReplicaSets/
// _cleanupUnhealthyReplicas/_scaleDownOldReplicaSetsForRollingUpdate) and rollout step/property tests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import {
  cleanupUnhealthyReplicas,
  planRolling,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  scaleDownOldReplicaSetsForRollingUpdate,
  type ScaleStep,
} from './rolling';
import { newDeployment, newRS } from './testFixtures';
import type { IntOrString } from './fenceposts';
import { newRSNewReplicas } from './newReplicaSet';

const finalSizes = (steps: ScaleStep[]) => {
  const m = new Map<string, number>();
  for (const s of steps) m.set(s.rs.metadata?.name ?? '', s.to);
  return m;
};

describe('reconcileNewReplicaSet', () => {
  const cases = [
    { name: 'no surge room', surge: 0, old: 10, cur: 0, expected: undefined },
    { name: 'surge 2 over a full old RS', surge: 2, old: 10, cur: 0, expected: 2 },
    { name: 'surge 2 with a half old RS', surge: 2, old: 5, cur: 0, expected: 7 },
    { name: 'already at the surge limit', surge: 2, old: 10, cur: 2, expected: undefined },
    { name: 'new RS above replicas scales down', surge: 2, old: 2, cur: 11, expected: 10 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = newDeployment({ replicas: 10, maxSurge: c.surge, maxUnavailable: 0 });
      const oldRS = newRS('foo-v1', c.old, { available: c.old });
      const nrs = newRS('foo-v2', c.cur, { createdSec: 10 });
      expect(reconcileNewReplicaSet(d, [oldRS, nrs], nrs)).toBe(c.expected);
    });
  }
});

describe('reconcileOldReplicaSets', () => {
  const cases = [
    { name: 'mu 0 resolves to 1', mu: 0, old: 10, oldAvail: 10, cur: 0, curAvail: 0, expected: 9 },
    { name: 'mu 2', mu: 2, old: 10, oldAvail: 10, cur: 0, curAvail: 0, expected: 8 },
    { name: 'unhealthy cleaned up', mu: 2, old: 10, oldAvail: 8, cur: 0, curAvail: 0, expected: 8 },
    { name: 'cleanup 1 + scale 1', mu: 2, old: 10, oldAvail: 9, cur: 0, curAvail: 0, expected: 8 },
    {
      name: 'new RS unavailable blocks',
      mu: 2,
      old: 8,
      oldAvail: 8,
      cur: 2,
      curAvail: 0,
      expected: undefined,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = newDeployment({ replicas: 10, maxSurge: 0, maxUnavailable: c.mu });
      const oldRS = newRS('foo-v1', c.old, { available: c.oldAvail });
      const nrs = newRS('foo-v2', c.cur, { available: c.curAvail, createdSec: 10 });
      const plan = reconcileOldReplicaSets(d, [oldRS, nrs], [oldRS], nrs);
      expect(finalSizes(plan.steps).get('foo-v1')).toBe(c.expected);
    });
  }
  it('cleanup then scale-down are two writes of the same RS', () => {
    const d = newDeployment({ replicas: 10, maxUnavailable: 2 });
    const oldRS = newRS('foo-v1', 10, { available: 9 });
    const plan = reconcileOldReplicaSets(d, [oldRS], [oldRS], newRS('foo-v2', 0, { createdSec: 10 }));
    expect(plan.steps.map((s) => s.to)).toEqual([9, 8]);
  });
});

describe('cleanupUnhealthyReplicas', () => {
  const cases = [
    { ready: 8, max: 1, expected: 1 },
    { ready: 8, max: 3, expected: 2 },
    { ready: 8, max: 0, expected: 0 },
    { ready: 10, max: 3, expected: 0 },
  ];
  for (const c of cases) {
    it(`old 10, ${c.ready} ready, maxCleanup ${c.max} -> ${c.expected}`, () => {
      expect(cleanupUnhealthyReplicas([newRS('foo-v1', 10, { available: c.ready })], c.max).scaledDown).toBe(
        c.expected,
      );
    });
  }
});

describe('scaleDownOldReplicaSetsForRollingUpdate', () => {
  const cases = [
    { mu: 0, avail: 10, expected: 9 },
    { mu: 2, avail: 10, expected: 8 },
    { mu: 2, avail: 8, expected: undefined },
    { mu: 2, avail: 1, expected: undefined },
  ];
  for (const c of cases) {
    it(`mu ${c.mu}, ${c.avail} available -> ${String(c.expected)}`, () => {
      const d = newDeployment({ replicas: 10, maxUnavailable: c.mu });
      const oldRS = newRS('foo-v1', 10, { available: c.avail });
      const plan = scaleDownOldReplicaSetsForRollingUpdate(d, [oldRS], [oldRS]);
      expect(finalSizes(plan.steps).get('foo-v1')).toBe(c.expected);
    });
  }
});

/**
 * runs rolloutRolling's scaling half sync after sync: the first sync creates the new RS (getNewReplicaSet, sized by
 * NewRSNewReplicas) and plans in the same sync; between syncs deleted pods go away and new pods become available.
 */
function simulate(replicas: number, surge: IntOrString, unavail: IntOrString) {
  const d = newDeployment({ replicas, maxSurge: surge, maxUnavailable: unavail });
  let oldRS: ReplicaSet = newRS('foo-v1', replicas, { available: replicas });
  let nrs: ReplicaSet | undefined;
  const trail: string[] = [];
  let maxPods = 0;
  let minAvail = Infinity;
  const resize = (rs: ReplicaSet, n: number): ReplicaSet => ({ ...rs, spec: { ...rs.spec!, replicas: n } });
  const settle = (rs: ReplicaSet): ReplicaSet => ({
    ...rs,
    status: { replicas: rs.spec?.replicas ?? 0, availableReplicas: rs.spec?.replicas ?? 0 },
  });
  for (let i = 0; i < 100; i++) {
    let changed = false;
    if (!nrs) {
      const empty = newRS('foo-v2', 0, { createdSec: 10 });
      nrs = resize(empty, newRSNewReplicas(d, [oldRS, empty], empty));
      changed = true;
    }
    const plan = planRolling(d, nrs, [oldRS]);
    if (plan.kind === 'scaleNew') nrs = resize(nrs, plan.to);
    else if (plan.kind === 'scaleOld') for (const s of plan.steps) oldRS = resize(oldRS, s.to);
    if (!changed && plan.kind === 'none') break;
    const oldPods = Math.max(oldRS.spec?.replicas ?? 0, 0);
    // pods deleted by a scale-down vanish at once; surviving old pods stay available, new ones are not yet
    maxPods = Math.max(maxPods, (oldRS.status?.replicas ?? 0) + (nrs.spec?.replicas ?? 0));
    minAvail = Math.min(
      minAvail,
      Math.min(oldPods, oldRS.status?.availableReplicas ?? 0) + (nrs.status?.availableReplicas ?? 0),
    );
    trail.push(`${nrs.spec?.replicas ?? 0}/${oldRS.spec?.replicas ?? 0}`);
    oldRS = settle(oldRS);
    nrs = settle(nrs);
  }
  return { trail, maxPods, minAvail };
}

describe('rolling update steps', () => {
  it('10 replicas, 25%/25%: 0/10 -> 3/8 -> 5/8 -> 5/3 -> 10/3 -> 10/0, within 13 pods and 8 available', () => {
    const r = simulate(10, '25%', '25%');
    expect(r.trail).toEqual(['3/8', '5/8', '5/3', '10/3', '10/0']);
    expect(r.maxPods).toBeLessThanOrEqual(13);
    expect(r.minAvail).toBeGreaterThanOrEqual(8);
  });
  it('3 replicas, maxSurge 1, maxUnavailable 0', () => {
    expect(simulate(3, 1, 0).trail).toEqual(['1/3', '1/2', '2/2', '2/1', '3/1', '3/0']);
  });
  it('never exceeds replicas+surge pods nor drops below replicas-unavailable available, and completes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (n, s, u) => {
          const surge = `${s}%`;
          const unavail = `${u}%`;
          const r = simulate(n, surge, unavail);
          const sv = Math.ceil((s * n) / 100);
          let uv = Math.floor((u * n) / 100);
          if (sv === 0 && uv === 0) uv = 1;
          expect(r.maxPods).toBeLessThanOrEqual(n + sv);
          expect(r.minAvail).toBeGreaterThanOrEqual(n - Math.min(uv, n));
          expect(r.trail.at(-1)).toBe(`${n}/0`);
        },
      ),
    );
  });
});
