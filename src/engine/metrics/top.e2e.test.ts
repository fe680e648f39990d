// End-to-end: metrics-server scrapes the usage model; `kubectl top` prints it as kubectl does.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { deploymentYaml, resourceCluster, run } from './testSupport';

describe('kubectl top', () => {
  it('reports metrics not available until two scrapes, then pods and nodes with kubectl columns', () => {
    const c = resourceCluster(1);
    expect(
      c.run(
        'kubectl apply -f -',
        deploymentYaml(
          'web',
          2,
          '{requests: {cpu: 100m, memory: 100Mi}, limits: {cpu: 500m, memory: 500Mi}}',
        ),
      ).code,
    ).toBe(0);
    c.runtime.sim.advance(5_000);
    expect(run(c, 'kubectl top pods')).toMatchObject({
      code: 1,
      stderr: 'error: metrics not available yet\n',
    });
    expect(run(c, 'kubectl top nodes')).toMatchObject({
      code: 1,
      stderr: 'error: metrics not available yet\n',
    });
    c.runtime.sim.advance(40_000);
    const pods = (c.runtime.api.list('pods', 'default').items as unknown as Pod[])
      .map((p) => p.metadata?.name ?? '')
      .sort();
    const first = pods[0] as string;
    expect(run(c, `sim usage pod/${first} --cpu 250m --memory 128Mi`).code).toBe(0);
    c.runtime.sim.advance(15_000);
    const top = run(c, 'kubectl top pods');
    expect(top.code).toBe(0);
    const lines = top.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)$/);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(first))).toMatch(new RegExp(`^${first}\\s+250m\\s+128Mi$`));
    // the other pod runs at its baseline: ~20% of requests (20m, 20Mi) with small noise
    const other = lines.find((l) => l.startsWith(pods[1] as string)) ?? '';
    const [, cpu, mem] = other.split(/\s+/);
    expect(Number.parseInt(cpu ?? '', 10)).toBeGreaterThanOrEqual(19);
    expect(Number.parseInt(cpu ?? '', 10)).toBeLessThanOrEqual(21);
    expect(mem).toMatch(/^(19|20)Mi$/);
    const nodes = run(c, 'kubectl top nodes');
    expect(nodes.stdout.split('\n')[0]).toMatch(
      /^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)$/,
    );
    expect(nodes.stdout).toMatch(/node-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
    const containers = run(c, 'kubectl top pods --containers');
    expect(containers.stdout.split('\n')[0]).toMatch(/^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)$/);
    expect(run(c, 'kubectl top pods -n empty')).toMatchObject({
      code: 0,
      stderr: 'No resources found in empty namespace.\n',
    });
  });

  it('shows CPU throttling at the limit in sim usage show (top shows the capped value)', () => {
    const c = resourceCluster(1);
    c.run('kubectl apply -f -', deploymentYaml('web', 1, '{requests: {cpu: 100m}, limits: {cpu: 200m}}'));
    c.runtime.sim.advance(45_000);
    const pod = (c.runtime.api.list('pods', 'default').items[0]?.metadata.name ?? '') as string;
    run(c, `sim usage pod/${pod} --cpu 900m`);
    c.runtime.sim.advance(15_000);
    expect(run(c, 'kubectl top pods').stdout).toMatch(new RegExp(`${pod}\\s+200m`));
    expect(run(c, 'sim usage show').stdout).toMatch(/200m\s+200m\s+yes \(wants 900m\)/);
  });
});
