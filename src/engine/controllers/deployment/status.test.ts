// Table tests for deployment status (deployment_util_test.go TestDeploymentComplete/TestDeploymentProgressing/
// TestDeploymentTimedOut) and the conditions calculateStatus/syncRolloutStatus set.
import { describe, expect, it } from 'vitest';
import type { Deployment, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { toRfc3339 } from '../../sim/clock';
import {
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  pausedConditionStatus,
  progressCheckAfterMs,
  rolloutStatus,
} from './status';
import { newDeployment, newRS } from './testFixtures';

const dep = (
  replicas: number,
  status: DeploymentStatus = {},
  o: Partial<Parameters<typeof newDeployment>[0]> = {},
): Deployment => ({
  ...newDeployment({ replicas, ...o }),
  status,
});

describe('DeploymentComplete', () => {
  const cases = [
    { d: 5, cur: 5, upd: 5, avail: 4, expected: false },
    { d: 5, cur: 5, upd: 5, avail: 5, expected: true },
    { d: 5, cur: 5, upd: 4, avail: 5, expected: false },
    { d: 1, cur: 2, upd: 1, avail: 1, expected: false },
    { d: 1, cur: 1, upd: 1, avail: 0, expected: false },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c)}`, () => {
      const s = {
        replicas: c.cur,
        updatedReplicas: c.upd,
        availableReplicas: c.avail,
        observedGeneration: 1,
      };
      expect(deploymentComplete(dep(c.d), s)).toBe(c.expected);
    });
  }
  it('an unobserved generation is not complete', () => {
    expect(
      deploymentComplete(dep(1, {}, { generation: 2 }), {
        replicas: 1,
        updatedReplicas: 1,
        availableReplicas: 1,
        observedGeneration: 1,
      }),
    ).toBe(false);
  });
});

describe('DeploymentProgressing', () => {
  const st = (
    replicas: number,
    updatedReplicas: number,
    readyReplicas: number,
    availableReplicas: number,
  ) => ({ replicas, updatedReplicas, readyReplicas, availableReplicas });
  const cases = [
    { name: 'more updated', old: st(10, 4, 4, 4), next: st(10, 6, 4, 4), expected: true },
    { name: 'identical', old: st(10, 4, 4, 4), next: st(10, 4, 4, 4), expected: false },
    { name: 'fewer old replicas', old: st(10, 4, 6, 6), next: st(8, 4, 6, 6), expected: true },
    { name: 'fewer updated', old: st(10, 7, 3, 3), next: st(10, 6, 3, 3), expected: false },
    { name: 'more updated, fewer available', old: st(10, 4, 7, 7), next: st(8, 8, 5, 5), expected: true },
    { name: 'more ready', old: st(10, 10, 9, 8), next: st(10, 10, 10, 8), expected: true },
  ];
  for (const c of cases)
    it(c.name, () => expect(deploymentProgressing(dep(10, c.old), c.next)).toBe(c.expected));
});

describe('DeploymentTimedOut', () => {
  const withCond = (lastUpdateSec: number, reason = 'ReplicaSetUpdated'): DeploymentStatus => ({
    conditions: [
      { type: 'Progressing', status: 'True', reason, lastUpdateTime: toRfc3339(lastUpdateSec * 1000) },
    ],
  });
  const now = 80_000;
  const cases = [
    {
      name: 'lastUpdate 00:01:09, deadline 10s, now 00:01:20',
      deadline: 10,
      s: withCond(69),
      expected: true,
    },
    { name: 'lastUpdate 00:01:11', deadline: 10, s: withCond(71), expected: false },
    { name: 'no deadline', deadline: undefined, s: withCond(69), expected: false },
    { name: 'complete rollout', deadline: 10, s: withCond(69, 'NewReplicaSetAvailable'), expected: false },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(deploymentTimedOut(dep(1, {}, { progressDeadlineSeconds: c.deadline }), c.s, now)).toBe(
        c.expected,
      ),
    );
  }
});

describe('calculateStatus / rolloutStatus', () => {
  const now = toRfc3339(5000);
  it('counts from the ReplicaSets and sets Available', () => {
    const d = dep(10, {}, { maxUnavailable: 2 });
    const nrs = newRS('foo-new', 3, { current: 3, available: 1, createdSec: 10 });
    const old = newRS('foo-old', 8, { available: 8 });
    const s = calculateStatus([old, nrs], nrs, d, now);
    expect(s).toMatchObject({
      observedGeneration: 1,
      replicas: 11,
      updatedReplicas: 3,
      readyReplicas: 9,
      availableReplicas: 9,
      unavailableReplicas: 2,
    });
    expect(s.conditions?.[0]).toMatchObject({
      type: 'Available',
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    });
    const low = calculateStatus([newRS('foo-old', 8, { available: 7 })], undefined, d, now);
    expect(low.conditions?.[0]).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    });
  });
  it('complete -> NewReplicaSetAvailable; progress -> ReplicaSetUpdated; stuck -> ProgressDeadlineExceeded', () => {
    const nrs = newRS('foo-abc', 2, { available: 2 });
    const cond = (reason: string, sec: number) => ({
      type: 'Progressing',
      status: 'True',
      reason,
      lastUpdateTime: toRfc3339(sec * 1000),
      lastTransitionTime: toRfc3339(sec * 1000),
    });
    const base = { progressDeadlineSeconds: 600, maxUnavailable: 1 };
    const done = rolloutStatus(
      [nrs],
      nrs,
      dep(2, { conditions: [cond('NewReplicaSetCreated', 0)] }, base),
      5000,
      now,
    );
    expect(done.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      reason: 'NewReplicaSetAvailable',
      message: 'ReplicaSet "foo-abc" has successfully progressed.',
    });
    const half = newRS('foo-abc', 2, { current: 2, available: 1 });
    const prog = rolloutStatus(
      [half],
      half,
      dep(2, { replicas: 2, updatedReplicas: 1, conditions: [cond('NewReplicaSetCreated', 0)] }, base),
      5000,
      now,
    );
    expect(prog.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      reason: 'ReplicaSetUpdated',
      message: 'ReplicaSet "foo-abc" is progressing.',
      lastUpdateTime: now,
      lastTransitionTime: toRfc3339(0),
    });
    const stuck = newRS('foo-abc', 2, { current: 2, available: 0 });
    const prev = { replicas: 2, updatedReplicas: 2, conditions: [cond('ReplicaSetUpdated', 0)] };
    const late = rolloutStatus([stuck], stuck, dep(2, prev, base), 601_000, toRfc3339(601_000));
    expect(late.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "foo-abc" has timed out progressing.',
    });
    expect(progressCheckAfterMs(dep(2, prev, base), prev, 300_000)).toBe(301_000);
  });
  it('paused and resumed conditions, never overwriting a timeout', () => {
    const paused = {
      ...dep(1, {}, { progressDeadlineSeconds: 600 }),
      spec: { ...newDeployment({ progressDeadlineSeconds: 600 }).spec!, paused: true },
    };
    const s = pausedConditionStatus(paused, now);
    expect(s?.conditions?.[0]).toMatchObject({
      type: 'Progressing',
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    const resumed = pausedConditionStatus({ ...dep(1, s, { progressDeadlineSeconds: 600 }) }, now);
    expect(resumed?.conditions?.[0]).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentResumed',
      message: 'Deployment is resumed',
    });
    const timedOut = {
      ...paused,
      status: { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] },
    };
    expect(pausedConditionStatus(timedOut, now)).toBeUndefined();
  });
});
