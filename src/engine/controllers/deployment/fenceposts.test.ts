// Table tests for the rolling-update fenceposts (deployment_util_test.go TestResolveFenceposts, TestMaxUnavailable).
import { describe, expect, it } from 'vitest';
import { maxSurge, maxUnavailable, resolveFenceposts, type IntOrString } from './fenceposts';
import { newDeployment } from './testFixtures';

describe('resolveFenceposts', () => {
  const cases: {
    name: string;
    surge: IntOrString;
    unavail: IntOrString;
    desired: number;
    expected?: [number, number];
  }[] = [
    { name: '0%/0% of 0 -> unavailable 1', surge: '0%', unavail: '0%', desired: 0, expected: [0, 1] },
    { name: '39%/39% of 10', surge: '39%', unavail: '39%', desired: 10, expected: [4, 3] },
    { name: 'bad surge', surge: 'oops', unavail: '39%', desired: 10 },
    { name: 'bad unavailable', surge: '10', unavail: '39%', desired: 10 },
    { name: 'defaults of 10', surge: '25%', unavail: '25%', desired: 10, expected: [3, 2] },
    { name: 'defaults of 4', surge: '25%', unavail: '25%', desired: 4, expected: [1, 1] },
    { name: 'defaults of 3', surge: '25%', unavail: '25%', desired: 3, expected: [1, 0] },
    { name: 'defaults of 1', surge: '25%', unavail: '25%', desired: 1, expected: [1, 0] },
    { name: 'ints pass through', surge: 2, unavail: 0, desired: 10, expected: [2, 0] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.expected) expect(resolveFenceposts(c.surge, c.unavail, c.desired)).toEqual(c.expected);
      else
        expect(() => resolveFenceposts(c.surge, c.unavail, c.desired)).toThrow(
          /invalid value for IntOrString/,
        );
    });
  }
});

describe('maxUnavailable / maxSurge', () => {
  const cases: { name: string; replicas: number; mu: IntOrString; recreate?: boolean; expected: number }[] = [
    { name: 'maxUnavailable less than replicas', replicas: 10, mu: 5, expected: 5 },
    { name: 'maxUnavailable equal replicas', replicas: 10, mu: 10, expected: 10 },
    { name: 'maxUnavailable greater than replicas', replicas: 5, mu: 10, expected: 5 },
    { name: 'maxUnavailable with replicas is 0', replicas: 0, mu: 10, expected: 0 },
    {
      name: 'maxUnavailable with Recreate deployment strategy',
      replicas: 10,
      mu: 5,
      recreate: true,
      expected: 0,
    },
    { name: 'maxUnavailable less than replicas with percents', replicas: 10, mu: '50%', expected: 5 },
    { name: 'maxUnavailable equal replicas with percents', replicas: 10, mu: '100%', expected: 10 },
    { name: 'maxUnavailable greater than replicas with percents', replicas: 5, mu: '100%', expected: 5 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = newDeployment({
        replicas: c.replicas,
        maxUnavailable: c.mu,
        strategy: c.recreate ? 'Recreate' : 'RollingUpdate',
      });
      expect(maxUnavailable(d)).toBe(c.expected);
    });
  }
  it('maxSurge is 0 for Recreate and rounds up for RollingUpdate', () => {
    expect(maxSurge(newDeployment({ replicas: 10, strategy: 'Recreate' }))).toBe(0);
    expect(maxSurge(newDeployment({ replicas: 10, maxSurge: '25%' }))).toBe(3);
  });
});
