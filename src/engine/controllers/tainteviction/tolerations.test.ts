// Table tests of toleration matching and the eviction delay (taint_eviction_test.go TestGetMinTolerationTime style).
import { describe, expect, it } from 'vitest';
import { matchingTolerations, minTolerationMs, toleratesTaint } from './tolerations';

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

describe('toleratesTaint', () => {
  it.each([
    { name: 'Exists with the key', t: { key: unreachable.key, operator: 'Exists' }, want: true },
    { name: 'Exists without key tolerates everything', t: { operator: 'Exists' }, want: true },
    {
      name: 'other effect',
      t: { key: unreachable.key, operator: 'Exists', effect: 'NoSchedule' },
      want: false,
    },
    { name: 'Equal with empty value', t: { key: unreachable.key, operator: 'Equal' }, want: true },
    { name: 'Equal with other value', t: { key: unreachable.key, value: 'x' }, want: false },
    { name: 'other key', t: { key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, want: false },
  ])('$name', ({ t, want }) => expect(toleratesTaint(t, unreachable)).toBe(want));
});

describe('eviction delay', () => {
  it.each([
    { name: 'not tolerated', tolerations: [], want: { all: false, ms: 0 } },
    {
      name: 'DefaultTolerationSeconds',
      tolerations: [{ ...unreachable, operator: 'Exists', tolerationSeconds: 300 }],
      want: { all: true, ms: 300_000 },
    },
    { name: 'forever', tolerations: [{ operator: 'Exists' }], want: { all: true, ms: -1 } },
    {
      name: 'negative seconds mean now',
      tolerations: [{ operator: 'Exists', tolerationSeconds: -5 }],
      want: { all: true, ms: 0 },
    },
  ])('$name', ({ tolerations, want }) => {
    const m = matchingTolerations([unreachable], tolerations);
    expect(m.allTolerated).toBe(want.all);
    expect(minTolerationMs(m.used)).toBe(want.ms);
  });
  it('takes the smallest tolerationSeconds over several taints', () => {
    const taints = [unreachable, { key: 'dedicated', value: 'gpu', effect: 'NoExecute' }];
    const m = matchingTolerations(taints, [
      { key: unreachable.key, operator: 'Exists', tolerationSeconds: 300 },
      { key: 'dedicated', value: 'gpu', tolerationSeconds: 60 },
    ]);
    expect(minTolerationMs(m.used)).toBe(60_000);
  });
});
