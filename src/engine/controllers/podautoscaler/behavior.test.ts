// Stabilization window and scaling-rate limits (horizontal_test.go TestNormalizeDesiredReplicas*, TestScalingWithRules).
import { describe, expect, it } from 'vitest';
import { convertDesiredReplicasWithRules, defaultedBehavior, scaleLimit, ScaleHistory } from './behavior';

describe('convertDesiredReplicasWithRules (no behavior)', () => {
  const rows = [
    {
      name: 'scale up 1 -> 10 limited to 4',
      current: 1,
      desired: 10,
      min: 1,
      max: 20,
      expected: 4,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scale up 10 -> 50 limited to 20',
      current: 10,
      desired: 50,
      min: 1,
      max: 100,
      expected: 20,
      reason: 'ScaleUpLimit',
    },
    { name: 'capped by max', current: 5, desired: 9, min: 1, max: 6, expected: 6, reason: 'TooManyReplicas' },
    { name: 'raised to min', current: 5, desired: 1, min: 2, max: 6, expected: 2, reason: 'TooFewReplicas' },
    {
      name: 'within range',
      current: 5,
      desired: 3,
      min: 2,
      max: 6,
      expected: 3,
      reason: 'DesiredWithinRange',
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const l = convertDesiredReplicasWithRules(r.current, r.desired, r.min, r.max);
      expect([l.replicas, l.reason]).toEqual([r.expected, r.reason]);
    });
});

describe('default stabilization (no behavior): 300 s downscale window', () => {
  it('keeps the highest recommendation of the last 5 minutes', () => {
    const h = new ScaleHistory();
    expect(h.normalize('k', 5, 5, 1, 10, 0).desired).toBe(5);
    const n = h.normalize('k', 5, 2, 1, 10, 15_000);
    expect(n.desired).toBe(5);
    expect(n.ableReason).toBe('ScaleDownStabilized');
    expect(h.normalize('k', 5, 2, 1, 10, 299_000).desired).toBe(5);
    // the 5-replica recommendation of t=0 has left the window at t>300 s
    expect(h.normalize('k', 5, 2, 1, 10, 300_001).desired).toBe(2);
  });
});

describe('behavior rate limits', () => {
  const rules = defaultedBehavior({}).scaleUp;
  it('default scale up: max(+4 pods, +100%) per 15 s', () => {
    expect(scaleLimit('up', 1, [], [], rules, 0)).toBe(5);
    expect(scaleLimit('up', 10, [], [], rules, 0)).toBe(20);
  });
  it('scale events inside the period shrink the budget', () => {
    const h = new ScaleHistory();
    const b = {};
    h.storeScaleEvent('k', b, 2, 6, 0);
    // 5 s later: period start is 2 replicas, so the limit is max(2+4, 2*2) = 6
    const n = h.normalizeWithBehavior('k', b, 6, 20, 1, 50, 5_000);
    expect(n.desired).toBe(6);
    expect(n.limitedReason).toBe('ScaleUpLimit');
    // after the 15 s period the budget is back: max(6+4, 12) = 12
    expect(h.normalizeWithBehavior('k', b, 6, 20, 1, 50, 20_000).desired).toBe(12);
  });
  it('selectPolicy Min picks the most restrictive policy; Disabled forbids scaling', () => {
    const min = defaultedBehavior({ scaleUp: { selectPolicy: 'Min' } }).scaleUp;
    expect(scaleLimit('up', 10, [], [], min, 0)).toBe(14);
    const off = defaultedBehavior({ scaleDown: { selectPolicy: 'Disabled' } }).scaleDown;
    expect(scaleLimit('down', 10, [], [], off, 0)).toBe(10);
  });
  it('scale down policies: Pods 2 per 60 s', () => {
    const h = new ScaleHistory();
    const b = {
      scaleDown: {
        stabilizationWindowSeconds: 0,
        policies: [{ type: 'Pods' as const, value: 2, periodSeconds: 60 }],
      },
    };
    const n = h.normalizeWithBehavior('k', b, 10, 1, 1, 10, 0);
    expect([n.desired, n.limitedReason]).toEqual([8, 'ScaleDownLimit']);
  });
  it('behavior stabilization: scale-up window keeps the lowest recent recommendation', () => {
    const h = new ScaleHistory();
    const b = { scaleUp: { stabilizationWindowSeconds: 60 } };
    h.normalizeWithBehavior('k', b, 3, 3, 1, 10, 0);
    const n = h.normalizeWithBehavior('k', b, 3, 8, 1, 10, 15_000);
    expect([n.desired, n.ableReason]).toEqual([3, 'ScaleUpStabilized']);
    // the window has passed: 8 is recommended, rate-limited to max(3+4, 3*2) = 7
    expect(h.normalizeWithBehavior('k', b, 3, 8, 1, 10, 61_000).desired).toBe(7);
  });
});
