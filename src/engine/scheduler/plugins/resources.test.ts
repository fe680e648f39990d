// Tests for pod request arithmetic (fit.go computePodResourceRequest comment example, sidecars, overhead, non-zero).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { computePodResourceRequest, DEFAULT_MEMORY_REQUEST, nonZeroRequest } from './resources';
import { makePod } from './testHelpers';

const c = (cpu: string, memory: string, restartPolicy?: string) => ({
  name: `${cpu}-${memory}`,
  ...(restartPolicy !== undefined ? { restartPolicy } : {}),
  resources: { requests: { cpu, memory } },
});

describe('computePodResourceRequest', () => {
  const table: { name: string; pod: Pod; cpu: number; mem: number }[] = [
    {
      // the example in fit.go's computePodResourceRequest doc comment: IC 2/1G, 2/3G; C 2/1G, 1/1G -> 3, 3G
      name: 'max(sum(containers), max(init containers))',
      pod: makePod({
        requests: [],
        spec: { containers: [c('2', '1G'), c('1', '1G')], initContainers: [c('2', '1G'), c('2', '3G')] },
      }),
      cpu: 3000,
      mem: 3e9,
    },
    {
      name: 'sidecar init container adds to the sum and to later init containers',
      pod: makePod({
        requests: [],
        spec: { containers: [c('1', '1G')], initContainers: [c('500m', '1G', 'Always'), c('2', '1G')] },
      }),
      // sum = 1 + 0.5 = 1.5 cpu, 2G; later init = 2 + 0.5 = 2.5 cpu, 2G -> max 2.5 cpu, 2G
      cpu: 2500,
      mem: 2e9,
    },
    {
      name: 'overhead is added',
      pod: makePod({ requests: [['100m', '100Mi']], spec: { overhead: { cpu: '250m', memory: '120Mi' } } }),
      cpu: 350,
      mem: 220 * 1024 * 1024,
    },
  ];
  it.each(table)('$name', ({ pod, cpu, mem }) => {
    const r = computePodResourceRequest(pod);
    expect(r.milliCPU).toBe(cpu);
    expect(r.memory).toBe(mem);
  });

  it('collects extended resources as scalars and ignores unknown native names', () => {
    const pod = makePod({
      requests: [],
      spec: {
        containers: [
          { name: 'g', resources: { requests: { 'nvidia.com/gpu': '2', 'hugepages-2Mi': '4Mi' } } },
        ],
      },
    });
    expect(computePodResourceRequest(pod).scalar).toEqual({
      'nvidia.com/gpu': 2,
      'hugepages-2Mi': 4 * 1024 * 1024,
    });
  });
});

describe('nonZeroRequest (pkg/scheduler/util/pod_resources.go)', () => {
  it('uses 100m / 200Mi per container without a request, keeps explicit values', () => {
    const pod = makePod({
      requests: [
        ['', ''],
        ['250m', ''],
        ['0', '0'],
      ],
    });
    const r = nonZeroRequest(pod);
    expect(r.milliCPU).toBe(100 + 250 + 0);
    expect(r.memory).toBe(2 * DEFAULT_MEMORY_REQUEST);
  });
  it('a pod with no containers requests nothing', () => {
    expect(nonZeroRequest(makePod({ requests: [] })).milliCPU).toBe(0);
  });
});
