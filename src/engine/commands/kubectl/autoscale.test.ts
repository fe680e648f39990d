// `kubectl autoscale`: the autoscaling/v2 object it creates and kubectl's validation errors.
import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { createCluster } from '../../index';
import { parseArgs, tokenize } from '../args';
import { autoscaleCommand } from './autoscale';
import { defaultKubeConfig } from './config/kubeconfig';

function autoscale(c: ReturnType<typeof createCluster>, line: string) {
  return autoscaleCommand.run(parseArgs(tokenize(line), autoscaleCommand.flags), {
    rt: c.runtime,
    stdin: undefined,
    kubeconfig: defaultKubeConfig(),
  });
}

describe('kubectl autoscale', () => {
  it('creates an autoscaling/v2 HPA for the deployment', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.run('kubectl create deployment web --image=nginx');
    expect(autoscale(c, 'deployment/web --min=2 --max=10 --cpu-percent=50').stdout).toBe(
      'horizontalpodautoscaler.autoscaling/web autoscaled\n',
    );
    const h = c.runtime.api.get('hpa', 'default', 'web') as unknown as HorizontalPodAutoscaler;
    expect(h.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
        },
      ],
    });
  });
  const rows = [
    {
      name: 'no --max',
      line: 'deployment web',
      err: 'error: --max=MAXPODS is required and must be at least 1, max: -1\n',
    },
    {
      name: 'max < min',
      line: 'deployment web --min=5 --max=3',
      err: 'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 3, min: 5\n',
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const c = createCluster({ seed: 1, nodes: 1 });
      c.run('kubectl create deployment web --image=nginx');
      expect(autoscale(c, r.line)).toMatchObject({ code: 1, stderr: r.err });
    });
  it('a missing target is NotFound', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(() => autoscale(c, 'deployment nope --max=3')).toThrow('deployments.apps "nope" not found');
  });
});
