// Profiles and extenders from the kube-scheduler-config ConfigMap, and `sim explain` output, end to end.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../index';
import { createScheduler } from './scheduler';
import { explainCommand } from '../commands/sim/explain';
import { parseArgs } from '../commands/args';
import { CONFIG_KEY, CONFIG_MAP_NAME, CONFIG_MAP_NAMESPACE } from './config';
import { defaultKubeConfig } from '../commands/kubectl/config/kubeconfig';

type Cluster = ReturnType<typeof createCluster>;

function setConfig(c: Cluster, yaml: string): void {
  const cm = structuredClone(c.runtime.api.get('configmaps', CONFIG_MAP_NAMESPACE, CONFIG_MAP_NAME));
  cm.data = { [CONFIG_KEY]: yaml };
  c.runtime.api.update('configmaps', CONFIG_MAP_NAMESPACE, cm, { actor: 'kubectl' });
}
const pod = (name: string, cpu: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:${extra}
  containers:
  - name: app
    image: nginx
    resources: {requests: {cpu: "${cpu}", memory: 100Mi}}
`;
const nodeOf = (c: Cluster, name: string) =>
  (c.runtime.api.get('pods', 'default', name) as unknown as Pod).spec?.nodeName;
const explain = (c: Cluster, line: string) => {
  const args = parseArgs(line.split(' '), explainCommand.flags);
  return explainCommand.run(args, { rt: c.runtime, stdin: undefined, kubeconfig: defaultKubeConfig() });
};

const HEADER = 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n';

describe('scheduler profiles', () => {
  it('creates the default ConfigMap when it is absent', () => {
    const c = createCluster({ nodes: 1, controlPlane: false });
    c.runtime.addComponent(createScheduler());
    const cm = c.runtime.api.get('configmaps', CONFIG_MAP_NAMESPACE, CONFIG_MAP_NAME);
    expect((cm.data as Record<string, string>)[CONFIG_KEY]).toContain('schedulerName: default-scheduler');
  });

  it('a MostAllocated profile packs pods onto one node while the default spreads them', () => {
    const c = createCluster({ nodes: 3, controlPlane: false });
    c.runtime.addComponent(createScheduler());
    setConfig(
      c,
      HEADER +
        `profiles:
- schedulerName: default-scheduler
- schedulerName: bin-packing-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources: [{name: cpu, weight: 1}, {name: memory, weight: 1}]
  plugins:
    multiPoint:
      disabled: [{name: PodTopologySpread}, {name: NodeResourcesBalancedAllocation}]
`,
    );
    c.run('kubectl apply -f -', pod('seed', '1', '\n  schedulerName: bin-packing-scheduler'));
    c.run('sim settle');
    const first = nodeOf(c, 'seed');
    for (let i = 0; i < 3; i++) {
      c.run('kubectl apply -f -', pod(`packed-${i}`, '500m', '\n  schedulerName: bin-packing-scheduler'));
      c.run('sim settle');
    }
    for (let i = 0; i < 3; i++) expect(nodeOf(c, `packed-${i}`)).toBe(first);
    const ev = c.runtime.api.list('events', 'default').items.find((e) => e.reason === 'Scheduled');
    expect((ev?.source as { component: string }).component).toBe('bin-packing-scheduler');
  });

  it('PostFilter runs DynamicResources, then DefaultPreemption; each one disabled drops its part', () => {
    const failed = (postFilter: string) => {
      const c = createCluster({ nodes: 1, controlPlane: false });
      c.runtime.addComponent(createScheduler());
      if (postFilter)
        setConfig(c, HEADER + `profiles:\n- schedulerName: default-scheduler\n  plugins:\n${postFilter}`);
      c.run('kubectl apply -f -', pod('big', '64'));
      c.run('sim settle');
      return c.runtime.api.list('events', 'default').items.find((e) => e.reason === 'FailedScheduling')
        ?.message;
    };
    const fit = '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s).';
    const preemption = 'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
    // dynamicresources.go PostFilter: a pod with no ResourceClaims has "no new claims to deallocate"
    expect(failed('')).toBe(`${fit} no new claims to deallocate, ${preemption}`);
    expect(failed('    multiPoint:\n      disabled: [{name: DynamicResources}]\n')).toBe(
      `${fit} ${preemption}`,
    );
    expect(failed('    postFilter:\n      disabled: [{name: DefaultPreemption}]\n')).toBe(
      `${fit} no new claims to deallocate`,
    );
  });

  it('an extender preference moves pods to the labelled node even though others pass filters', () => {
    const c = createCluster({ nodes: 3, controlPlane: false });
    c.runtime.addComponent(createScheduler());
    c.run('kubectl label node node-2 disktype=ssd');
    setConfig(
      c,
      HEADER +
        `extenders:
- urlPrefix: sim://prefer-ssd
  weight: 5
  preferLabel: {key: disktype, value: ssd, score: 10}
`,
    );
    for (let i = 0; i < 4; i++) c.run('kubectl apply -f -', pod(`ssd-${i}`, '100m'));
    c.run('sim settle');
    for (let i = 0; i < 4; i++) expect(nodeOf(c, `ssd-${i}`)).toBe('node-2');
    const out = explain(c, 'pod/ssd-0').stdout;
    expect(out).toContain('sim://prefer-ssd(x5 x10)');
    expect(out).toMatch(/node-2 .* 500 .*<- winner/);
  });

  it('keeps the previous profiles and warns on an invalid configuration', () => {
    const c = createCluster({ nodes: 1, controlPlane: false });
    c.runtime.addComponent(createScheduler());
    setConfig(c, HEADER + 'percentageOfNodesToScore: 140\n');
    const ev = c.runtime.api
      .list('events', 'kube-system')
      .items.find((e) => e.reason === 'InvalidConfiguration');
    expect(ev?.message).toContain('percentageOfNodesToScore: Invalid value: 140: not in valid range [0-100]');
    c.run('kubectl apply -f -', pod('still-works', '100m'));
    c.run('sim settle');
    expect(nodeOf(c, 'still-works')).toBe('node-1');
  });
});

describe('sim explain', () => {
  it('prints filter and score tables with the winner marked', () => {
    const c = createCluster({ nodes: 2, controlPlane: false });
    c.runtime.addComponent(createScheduler());
    c.run('kubectl apply -f -', pod('web', '100m'));
    c.run('sim settle');
    const r = explain(c, 'pod/web');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('NODE            RESULT   PLUGIN            REASON');
    expect(r.stdout).toMatch(
      /control-plane\s+failed\s+TaintToleration\s+node\(s\) had untolerated taint\(s\)/,
    );
    expect(r.stdout).toMatch(/node-1\s+passed/);
    expect(r.stdout).toContain('TaintToleration(x3)');
    expect(r.stdout).toContain(`<- winner`);
    expect(r.stdout).toContain(`Scheduled on ${nodeOf(c, 'web')}`);
  });

  it('says so for a pod never attempted, and fails for a missing pod', () => {
    const c = createCluster({ nodes: 1, controlPlane: false });
    c.runtime.addComponent(createScheduler());
    c.run('kubectl apply -f -', pod('orphan', '100m', '\n  schedulerName: nobody'));
    expect(explain(c, 'pod/orphan').stdout).toContain('pod default/orphan has no scheduling attempts yet');
    expect(explain(c, 'pod/ghost -n default')).toMatchObject({
      code: 1,
      stderr: 'Error from server (NotFound): pods "ghost" not found\n',
    });
  });
});
