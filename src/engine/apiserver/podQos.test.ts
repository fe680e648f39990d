import { describe, expect, it } from 'vitest';
import { computePodQos } from './podQos';
import type { KubeObject } from '../types/object';

function pod(
  ...resources: { requests?: Record<string, string>; limits?: Record<string, string> }[]
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: resources.map((r, i) => ({ name: `c${i}`, image: 'nginx', resources: r })) },
  };
}

describe('computePodQos', () => {
  const cases: { name: string; pod: KubeObject; expected: string }[] = [
    { name: 'no resources', pod: pod({}), expected: 'BestEffort' },
    { name: 'zero requests only', pod: pod({ requests: { cpu: '0' } }), expected: 'BestEffort' },
    { name: 'requests only', pod: pod({ requests: { cpu: '100m' } }), expected: 'Burstable' },
    {
      name: 'equal cpu+memory limits and requests',
      pod: pod({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } }),
      expected: 'Guaranteed',
    },
    {
      name: 'limits only (requests default to limits elsewhere)',
      pod: pod({ limits: { cpu: '1', memory: '1Gi' } }),
      expected: 'Burstable',
    },
    {
      name: 'one container without memory limit',
      pod: pod(
        { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
        { limits: { cpu: '1' }, requests: { cpu: '1' } },
      ),
      expected: 'Burstable',
    },
    {
      name: 'requests below limits',
      pod: pod({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }),
      expected: 'Burstable',
    },
    {
      name: 'non-compute resources ignored',
      pod: pod({ requests: { 'ephemeral-storage': '1Gi' } }),
      expected: 'BestEffort',
    },
  ];
  for (const c of cases) it(c.name, () => expect(computePodQos(c.pod)).toBe(c.expected));
});
