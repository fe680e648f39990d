// End-to-end: `kubectl autoscale` + `sim load` scale a Deployment up at the default rate, and back down only after
// the 300 s downscale stabilization window.
import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { deploymentYaml, resourceCluster, run } from '../../metrics/testSupport';

const replicas = (c: ReturnType<typeof resourceCluster>) =>
  (c.runtime.api.get('deployments', 'default', 'web') as unknown as Deployment).spec?.replicas;
const hpa = (c: ReturnType<typeof resourceCluster>) =>
  c.runtime.api.get('horizontalpodautoscalers', 'default', 'web') as unknown as HorizontalPodAutoscaler;

describe('HorizontalPodAutoscaler', () => {
  it('scales a Deployment up under load and down after the stabilization window', () => {
    const c = resourceCluster(3);
    c.run('kubectl apply -f -', deploymentYaml('web', 2, '{requests: {cpu: 100m, memory: 64Mi}}'));
    expect(run(c, 'kubectl autoscale deployment web --min=2 --max=10 --cpu-percent=50')).toMatchObject({
      code: 0,
      stdout: 'horizontalpodautoscaler.autoscaling/web autoscaled\n',
    });
    expect(hpa(c).apiVersion).toBe('autoscaling/v2');
    c.runtime.sim.advance(60_000);
    // baseline 20% of requests: below target, but min is 2
    expect(replicas(c)).toBe(2);
    expect(hpa(c).status?.currentMetrics?.[0]?.resource?.current.averageUtilization).toBeLessThan(25);
    expect(run(c, 'sim load deployment/web --cpu-per-pod 250m').code).toBe(0);
    const t0 = c.nowMs();
    c.runtime.sim.runUntil(() => (replicas(c) ?? 0) > 2, 120_000);
    // 250% vs 50%: desired ceil(5 * 2) = 10, limited to max(2*2, 4) = 4 per sync
    expect(replicas(c)).toBe(4);
    const events = c.run('kubectl get events --field-selector reason=SuccessfulRescale');
    expect(events.stdout).toContain(
      'New size: 4; reason: cpu resource utilization (percentage of request) above target',
    );
    expect(hpa(c).status?.conditions?.find((x) => x.type === 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'ScaleUpLimit',
    });
    c.runtime.sim.runUntil(() => replicas(c) === 10, 300_000);
    expect(replicas(c)).toBe(10);
    expect(c.nowMs() - t0).toBeLessThan(300_000);
    c.runtime.sim.advance(60_000);
    const get = c.run('kubectl get hpa web');
    expect(get.stdout).toMatch(/web\s+Deployment\/web\s+cpu: 2\d\d%\/50%\s+2\s+10\s+10/);
    expect(hpa(c).status?.conditions?.find((x) => x.type === 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'TooManyReplicas',
    });
    // load stops: utilization drops to ~20%, but the highest recommendation of the last 300 s holds
    run(c, 'sim load deployment/web --stop');
    const stopped = c.nowMs();
    c.runtime.sim.advance(240_000);
    expect(replicas(c)).toBe(10);
    expect(hpa(c).status?.conditions?.find((x) => x.type === 'AbleToScale')?.reason).toBe(
      'ScaleDownStabilized',
    );
    c.runtime.sim.runUntil(() => (replicas(c) ?? 10) < 10, 200_000);
    expect(c.nowMs() - stopped).toBeGreaterThanOrEqual(285_000);
    // 20% of 10 pods vs 50% target -> ceil(0.4 * 10) = 4
    expect(replicas(c)).toBe(4);
    expect(c.run('kubectl get events --field-selector reason=SuccessfulRescale').stdout).toContain(
      'New size: 4; reason: All metrics below target',
    );
    expect(hpa(c).status?.lastScaleTime).toBeDefined();
  });

  it('reports FailedGetResourceMetric before metrics-server has scraped the pods', () => {
    const c = resourceCluster(1);
    c.run('kubectl apply -f -', deploymentYaml('web', 1, '{requests: {cpu: 100m}}'));
    run(c, 'kubectl autoscale deployment web --max=3 --cpu-percent=50');
    c.runtime.sim.advance(5_000);
    const h = hpa(c);
    expect(h.status?.conditions?.find((x) => x.type === 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
      message:
        'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    });
    expect(c.run('kubectl get events --field-selector reason=FailedComputeMetricsReplicas').stdout).toContain(
      'invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    );
    expect(c.run('kubectl get hpa web').stdout).toMatch(/cpu: <unknown>\/50%/);
    expect(h.status?.conditions?.find((x) => x.type === 'AbleToScale')).toMatchObject({
      status: 'True',
      reason: 'SucceededGetScale',
    });
  });
});
