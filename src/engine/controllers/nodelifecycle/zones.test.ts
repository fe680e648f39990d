// Table tests of zone keys, zone states and handleDisruption (node_lifecycle_controller.go).
import { describe, expect, it } from 'vitest';
import type { ZoneState } from './zones';
import {
  computeZoneState,
  DEFAULT_DISRUPTION_CONFIG,
  getZoneKey,
  handleDisruption,
  isNodeExcludedFromDisruptionChecks,
  limiterQPSFor,
} from './zones';

const T = 'True';
const U = 'Unknown';
const F = 'False';

describe('getZoneKey', () => {
  it.each([
    { labels: undefined, want: '' },
    { labels: {}, want: '' },
    { labels: { 'topology.kubernetes.io/zone': 'zone-a' }, want: ':\x00:zone-a' },
    {
      labels: { 'topology.kubernetes.io/zone': 'zone-a', 'topology.kubernetes.io/region': 'r1' },
      want: 'r1:\x00:zone-a',
    },
    {
      // the beta failure-domain labels come first
      labels: {
        'failure-domain.beta.kubernetes.io/zone': 'old',
        'topology.kubernetes.io/zone': 'new',
        'topology.kubernetes.io/region': 'r1',
      },
      want: 'r1:\x00:old',
    },
    { labels: { 'topology.kubernetes.io/region': 'r1' }, want: 'r1:\x00:' },
  ] as { labels?: Record<string, string>; want: string }[])('$labels -> $want', ({ labels, want }) => {
    expect(getZoneKey(labels)).toBe(want);
  });

  it('the exclude-disruption label takes a node out', () => {
    expect(isNodeExcludedFromDisruptionChecks({ 'node.kubernetes.io/exclude-disruption': '' })).toBe(true);
    expect(isNodeExcludedFromDisruptionChecks({})).toBe(false);
  });
});

describe('computeZoneState', () => {
  const n = (count: number, s: string) => Array<string>(count).fill(s);
  it.each([
    { name: 'all ready', ready: n(3, T), want: [0, 'Normal'] },
    { name: 'no ready node', ready: [U, F], want: [2, 'FullDisruption'] },
    { name: 'a node without Ready counts not ready', ready: [undefined], want: [1, 'FullDisruption'] },
    { name: '2 not ready is never partial', ready: [U, U, T], want: [2, 'Normal'] },
    { name: '3 of 5 (0.6)', ready: [...n(3, U), ...n(2, T)], want: [3, 'PartialDisruption'] },
    { name: '3 of 6 (0.5)', ready: [...n(3, U), ...n(3, T)], want: [3, 'Normal'] },
    // float32(11)/float32(20) == float32(0.55)
    {
      name: '11 of 20 is exactly the threshold',
      ready: [...n(11, U), ...n(9, T)],
      want: [11, 'PartialDisruption'],
    },
    { name: '10 of 20', ready: [...n(10, U), ...n(10, T)], want: [10, 'Normal'] },
  ])('$name', ({ ready, want }) => {
    expect(computeZoneState(ready)).toEqual(want);
  });
});

describe('limiterQPSFor (setLimiterInZone)', () => {
  it.each([
    { state: 'Normal', size: 3, want: 0.1 },
    { state: 'PartialDisruption', size: 50, want: 0 },
    { state: 'PartialDisruption', size: 51, want: 0.01 },
    { state: 'FullDisruption', size: 3, want: 0.1 },
    { state: 'Initial', size: 3, want: undefined },
  ] as { state: ZoneState; size: number; want: number | undefined }[])(
    '$state, $size nodes',
    ({ state, size, want }) => {
      expect(limiterQPSFor(state, size, DEFAULT_DISRUPTION_CONFIG)).toBe(want);
    },
  );
});

describe('handleDisruption', () => {
  const cfg = DEFAULT_DISRUPTION_CONFIG;
  const zones = (o: Record<string, string[]>) => new Map(Object.entries(o));

  it('first pass: Initial zones become Normal (the limiter keeps its QPS)', () => {
    const states = new Map<string, ZoneState>([
      ['a', 'Initial'],
      ['b', 'Initial'],
    ]);
    const d = handleDisruption(states, zones({ a: [T, T], b: [T] }), cfg);
    expect([...states]).toEqual([
      ['a', 'Normal'],
      ['b', 'Normal'],
    ]);
    expect(d.limiters).toEqual([
      ['a', 0.1],
      ['b', 0.1],
    ]);
    expect(d.markAllReachable).toBe(false);
  });

  it('one zone fully disrupted, another healthy: the disrupted zone keeps the normal rate', () => {
    const states = new Map<string, ZoneState>([
      ['a', 'Normal'],
      ['b', 'Normal'],
    ]);
    const d = handleDisruption(states, zones({ a: [T], b: [U, U] }), cfg);
    expect(states.get('b')).toBe('FullDisruption');
    expect(d.limiters).toEqual([['b', 0.1]]);
  });

  it('a small zone partially disrupted stops tainting', () => {
    const states = new Map<string, ZoneState>([['a', 'Normal']]);
    const d = handleDisruption(states, zones({ a: [U, U, U, T] }), cfg);
    expect(d.limiters).toEqual([['a', 0]]);
    expect(d.logs).toEqual([
      'Controller detected that zone is now in new state zone="a" newState="PartialDisruption"',
    ]);
  });

  it('every zone fully disrupted: master disruption mode, then nothing until a node is Ready', () => {
    const states = new Map<string, ZoneState>([
      ['a', 'Normal'],
      ['b', 'FullDisruption'],
    ]);
    const d = handleDisruption(states, zones({ a: [U], b: [U] }), cfg);
    expect(d).toMatchObject({ markAllReachable: true, resetProbes: false });
    expect(d.limiters).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect(d.logs).toEqual([
      'Controller detected that all Nodes are not-Ready. Entering master disruption mode',
    ]);
    const again = handleDisruption(states, zones({ a: [U], b: [U] }), cfg);
    expect(again).toEqual({ markAllReachable: false, resetProbes: false, limiters: [], logs: [] });
    const exit = handleDisruption(states, zones({ a: [T], b: [U] }), cfg);
    expect(exit.resetProbes).toBe(true);
    expect(exit.markAllReachable).toBe(false);
    expect(exit.limiters).toEqual([
      ['a', 0.1],
      ['b', 0.1],
    ]);
    expect([...states.values()]).toEqual(['Normal', 'FullDisruption']);
  });

  it('a zone gone from the pass is forgotten', () => {
    const states = new Map<string, ZoneState>([
      ['gone', 'FullDisruption'],
      ['a', 'Normal'],
    ]);
    handleDisruption(states, zones({ a: [T] }), cfg);
    expect([...states.keys()]).toEqual(['a']);
  });
});
