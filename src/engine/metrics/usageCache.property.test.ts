// The usage model's per-pod cache (by frozen pod object and noise period) against a fresh model computing from scratch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../store/deepFreeze';
import { selectorFromSet } from '../labels/selector';
import { UsageModel } from './usageModel';

function pod(i: number, cpu: string | undefined, running: boolean): Pod {
  return {
    metadata: { name: `p${i}`, namespace: 'default', uid: `uid-${i}`, labels: { app: 'web' } },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'c', resources: cpu ? { requests: { cpu }, limits: { cpu: '50m' } } : {} }],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'c',
          ready: true,
          restartCount: 0,
          image: 'nginx',
          imageID: '',
          state: running ? { running: {} } : {},
        },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

const step = fc.record({
  atMs: fc.integer({ min: 0, max: 120_000 }),
  // which pods are replaced by a new (equal or changed) stored object before this sample
  replace: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
  cpu: fc.constantFrom(undefined, '100m', '1'),
  running: fc.boolean(),
  action: fc.constantFrom('none', 'override', 'clear-override', 'load', 'clear-load'),
});

describe('UsageModel cache', () => {
  it('samples exactly what a fresh model computes, as pods, periods, overrides and loads change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        (seed, steps) => {
          const cached = new UsageModel(seed);
          const pods = [0, 1, 2, 3, 4].map((i) => deepFreeze(pod(i, '100m', true)));
          const overrides: [string, number][] = [];
          let load = false;
          let now = 0;
          for (const s of steps) {
            now += s.atMs;
            for (const i of s.replace) pods[i] = deepFreeze(pod(i, s.cpu, s.running));
            if (s.action === 'override') overrides.push([`p${s.replace[0] ?? 0}`, 300 + now]);
            if (s.action === 'clear-override') overrides.length = 0;
            if (s.action === 'load' || s.action === 'clear-load') load = s.action === 'load';
            const fresh = new UsageModel(seed);
            for (const m of [cached, fresh]) {
              for (const n of ['p0', 'p1', 'p2', 'p3', 'p4']) m.clearPodUsage('default', n);
              for (const [n, cpu] of overrides) m.setPodUsage('default', n, '', { cpuMilli: cpu });
              if (load)
                m.setLoad({
                  namespace: 'default',
                  target: 'deployments/web',
                  selector: selectorFromSet({ app: 'web' }),
                  rps: 90,
                });
              else m.clearLoad('default', 'deployments/web');
            }
            expect(cached.sample(pods, now)).toEqual(fresh.sample(pods, now));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands out the same frozen usage for the same stored pod within a noise period', () => {
    const m = new UsageModel(7);
    const p = deepFreeze(pod(1, '100m', true));
    const [a] = m.sample([p], 1_000);
    const [b] = m.sample([p], 9_000);
    expect(b).toBe(a);
    expect(Object.isFrozen(a?.containers[0])).toBe(true);
    const [c] = m.sample([p], 16_000);
    expect(c).not.toBe(a);
  });
});
