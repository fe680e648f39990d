// instanceTypeFor: a node's CPU and memory name its instance's machine type.
import { describe, expect, it } from 'vitest';
import { instanceTypeFor } from './instanceType';

describe('instanceTypeFor', () => {
  const cases: Array<{ name: string; cpu: string; memory: string; expected: string }> = [
    { name: 'kind default node', cpu: '4', memory: '16Gi', expected: 'e2-standard-4' },
    { name: 'standard 8', cpu: '8', memory: '32Gi', expected: 'e2-standard-8' },
    { name: 'high memory', cpu: '2', memory: '16Gi', expected: 'e2-highmem-2' },
    { name: 'high cpu', cpu: '16', memory: '16Gi', expected: 'e2-highcpu-16' },
    { name: 'millicores written out', cpu: '4000m', memory: '16Gi', expected: 'e2-standard-4' },
    { name: 'custom shape', cpu: '32', memory: '128Gi', expected: 'e2-standard-32' },
    { name: 'custom memory', cpu: '4', memory: '10Gi', expected: 'e2-custom-4-10240' },
    { name: 'fractional cpu', cpu: '500m', memory: '2Gi', expected: 'e2-custom-500m-2048' },
    { name: 'unparsable', cpu: 'lots', memory: '1Gi', expected: 'e2-custom' },
  ];
  for (const c of cases) {
    it(c.name, () => expect(instanceTypeFor(c.cpu, c.memory)).toBe(c.expected));
  }
});
