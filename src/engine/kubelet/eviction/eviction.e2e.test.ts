// End-to-end: the OOM killer restarts a container above its memory limit; under memory pressure the kubelet
// evicts pods one at a time in rankMemoryPressure order and reports MemoryPressure until the transition period ends.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { resourceCluster, run } from '../../metrics/testSupport';

const podYaml = (name: string, resources: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: web
    image: nginx
    resources: ${resources}
`;

const getPod = (c: ReturnType<typeof resourceCluster>, name: string) =>
  c.runtime.api.get('pods', 'default', name) as unknown as Pod;

describe('OOMKilled', () => {
  it('a container using more memory than its limit is OOMKilled (137) and restarted', () => {
    const c = resourceCluster(1);
    c.run('kubectl apply -f -', podYaml('hog', '{requests: {memory: 64Mi}, limits: {memory: 128Mi}}'));
    c.runtime.sim.advance(20_000);
    expect(getPod(c, 'hog').status?.phase).toBe('Running');
    expect(run(c, 'sim usage pod/hog --memory 200Mi').code).toBe(0);
    c.runtime.sim.advance(11_000);
    c.runtime.sim.advance(5_000);
    const cs = getPod(c, 'hog').status?.containerStatuses?.[0];
    const last = cs?.lastState?.terminated ?? cs?.state?.terminated;
    expect(last).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    // the usage stays above the limit: it keeps being killed and backs off
    c.runtime.sim.advance(120_000);
    const later = getPod(c, 'hog').status?.containerStatuses?.[0];
    expect(later?.restartCount ?? 0).toBeGreaterThanOrEqual(2);
    expect(later?.lastState?.terminated?.reason).toBe('OOMKilled');
    // back under the limit, it stays up
    run(c, 'sim usage pod/hog --memory 100Mi');
    c.runtime.sim.advance(400_000);
    const restarts = getPod(c, 'hog').status?.containerStatuses?.[0]?.restartCount;
    c.runtime.sim.advance(120_000);
    expect(getPod(c, 'hog').status?.containerStatuses?.[0]?.restartCount).toBe(restarts);
    expect(getPod(c, 'hog').status?.containerStatuses?.[0]?.state?.running).toBeDefined();
  });
});

describe('node-pressure eviction', () => {
  it('evicts B, A, C, D in rankMemoryPressure order, one per interval, with MemoryPressure=True', () => {
    const c = resourceCluster([{ name: 'node-1', memory: '2Gi' }], {
      evictionHard: 'memory.available<1900Mi',
    });
    c.run('kubectl apply -f -', podYaml('a', '{}'));
    c.run('kubectl apply -f -', podYaml('b', '{requests: {memory: 100Mi}}'));
    c.run(
      'kubectl apply -f -',
      podYaml('c', '{requests: {memory: 500Mi, cpu: 100m}, limits: {memory: 500Mi, cpu: 100m}}'),
    );
    c.run('kubectl apply -f -', podYaml('d', '{requests: {memory: 600Mi}}'));
    for (const [p, mem] of [
      ['a', '100Mi'],
      ['b', '300Mi'],
      ['c', '400Mi'],
      ['d', '200Mi'],
    ] as const)
      run(c, `sim usage pod/${p} --memory ${mem}`);
    const evicted: string[] = [];
    c.runtime.api.watch('pods', 'default', {}, (e) => {
      const p = e.object as unknown as Pod;
      const name = p.metadata?.name ?? '';
      if (p.status?.reason === 'Evicted' && !evicted.includes(name)) evicted.push(name);
    });
    c.runtime.sim.advance(60_000);
    expect(evicted).toEqual(['b', 'a', 'c', 'd']);
    const b = getPod(c, 'b');
    expect(b.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(b.status?.message).toMatch(
      /^The node was low on resource: memory\. Threshold quantity: 1900Mi, available: \d+(Ki|Mi)?\. Container web was using 300Mi, request is 100Mi, has larger consumption of memory\. $/,
    );
    const node = c.runtime.api.get('nodes', undefined, 'node-1') as unknown as Node;
    expect(node.status?.conditions?.find((x) => x.type === 'MemoryPressure')).toMatchObject({
      status: 'True',
      reason: 'KubeletHasInsufficientMemory',
    });
    const events = c.run('kubectl get events --field-selector reason=Evicted');
    expect(events.stdout).toMatch(/Evicted/);
  });

  it('pressure clears only after the 5 minute transition period', () => {
    const c = resourceCluster([{ name: 'node-1', memory: '1Gi' }]);
    c.run('kubectl apply -f -', podYaml('big', '{requests: {memory: 100Mi}}'));
    c.runtime.sim.advance(20_000);
    run(c, 'sim usage pod/big --memory 700Mi');
    c.runtime.sim.advance(11_000);
    const pressure = () =>
      (c.runtime.api.get('nodes', undefined, 'node-1') as unknown as Node).status?.conditions?.find(
        (x) => x.type === 'MemoryPressure',
      )?.status;
    expect(getPod(c, 'big').status?.reason).toBe('Evicted');
    expect(pressure()).toBe('True');
    // the node lifecycle controller taints the node from the condition (TaintNodesByCondition)
    c.runtime.sim.advance(6_000);
    const taints = () =>
      (c.runtime.api.get('nodes', undefined, 'node-1') as unknown as Node).spec?.taints ?? [];
    expect(taints()).toContainEqual(
      expect.objectContaining({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }),
    );
    c.runtime.sim.advance(240_000);
    expect(pressure()).toBe('True');
    c.runtime.sim.advance(80_000);
    expect(pressure()).toBe('False');
    c.runtime.sim.advance(6_000);
    expect(taints().map((t) => t.key)).not.toContain('node.kubernetes.io/memory-pressure');
  });
});
