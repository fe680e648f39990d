// The usage model: baselines, overrides, --rps spread over ready pods, CPU throttling and deterministic noise.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { selectorFromSet } from '../labels/selector';
import { UsageModel } from './usageModel';

function pod(
  name: string,
  opts: { ready?: boolean; cpu?: string; cpuLimit?: string; memory?: string } = {},
): Pod {
  const requests: Record<string, string> = {};
  if (opts.cpu) requests.cpu = opts.cpu;
  if (opts.memory) requests.memory = opts.memory;
  return {
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' } },
    spec: {
      nodeName: 'node-1',
      containers: [
        {
          name: 'web',
          resources: { requests, ...(opts.cpuLimit ? { limits: { cpu: opts.cpuLimit } } : {}) },
        },
      ],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'web', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: {} } },
      ],
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

describe('UsageModel', () => {
  it('rps is spread over ready pods only, at 1m CPU per request/s', () => {
    const m = new UsageModel(1);
    m.setLoad({
      namespace: 'default',
      target: 'deployments/web',
      selector: selectorFromSet({ app: 'web' }),
      rps: 400,
    });
    const out = m.sample([pod('a'), pod('b'), pod('c', { ready: false }), pod('d')], 0);
    const cpu = Object.fromEntries(out.map((u) => [u.name, u.containers[0]?.cpuMilli ?? -1]));
    // 400 rps / 3 ready pods = 133.3 rps each -> ~133m (+-5% noise); the unready pod gets only its baseline
    for (const n of ['a', 'b', 'd']) expect(Math.abs((cpu[n] ?? 0) - 133)).toBeLessThanOrEqual(7);
    expect(cpu.c).toBeLessThanOrEqual(2);
    expect(out.find((u) => u.name === 'a')?.rps).toBeCloseTo(400 / 3);
  });

  it('user-set usage is exact, and CPU above the limit is throttled', () => {
    const m = new UsageModel(1);
    m.setPodUsage('default', 'a', '', { cpuMilli: 900, memoryBytes: 200 * 1024 * 1024 });
    const [u] = m.sample([pod('a', { cpu: '100m', cpuLimit: '500m' })], 0);
    expect(u?.containers[0]).toMatchObject({
      cpuMilli: 500,
      cpuDemandMilli: 900,
      throttled: true,
      memoryBytes: 200 * 1024 * 1024,
    });
  });

  it('pods that are not running have no usage', () => {
    const p: Pod = { ...pod('a'), status: { phase: 'Pending' } };
    expect(new UsageModel(1).sample([p], 0)).toEqual([]);
  });

  it('baseline noise is deterministic and within 5% of 20% of requests', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10_000_000 }), (seed, t) => {
        const p = pod('a', { cpu: '1', memory: '1Gi' });
        const a = new UsageModel(seed).sample([p], t)[0]?.containers[0];
        const b = new UsageModel(seed).sample([p], t)[0]?.containers[0];
        expect(a).toEqual(b);
        expect(Math.abs((a?.cpuMilli ?? 0) - 200)).toBeLessThanOrEqual(10);
        expect(Math.abs((a?.memoryBytes ?? 0) / (0.2 * 1024 ** 3) - 1)).toBeLessThanOrEqual(0.05);
      }),
      { numRuns: 50 },
    );
  });
});
