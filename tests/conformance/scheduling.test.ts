// Scheduling conformance through kubectl and sim: exact placement and the scheduler's FailedScheduling messages
// (framework/types.go FitError.Error) for taints, node affinity, pod anti-affinity, topology spread; QoS classes.
import { describe, expect, it } from 'vitest';
import { Harness, deploymentYaml } from './workloads/harness';
import type { PodView } from './workloads/harness';
import type { KubeObject } from '../../src/engine/index';

interface EventView extends KubeObject {
  type: string;
  reason: string;
  message: string;
  involvedObject: { kind: string; name: string };
  source?: { component?: string };
}

interface SchedPod extends PodView {
  status?: PodView['status'] & {
    qosClass?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}

// since v1.35 the taint is not named (taint_toleration.go Filter, kubernetes#134740)
const CP_TAINT = '1 node(s) had untolerated taint(s)';

/** a fresh default cluster (control-plane tainted, node-1/2/3 in zone-a/b/c) after its start-up has settled */
function cluster(seed = 7): Harness {
  const h = new Harness({ seed });
  h.run('sim settle');
  return h;
}

/** a bare Pod manifest; spec is extra YAML indented 2 under spec */
function podYaml(name: string, spec = '', container = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: { app: ${name} }
spec:
${spec}  containers:
    - name: app
      image: nginx:1.27
${container}`;
}

function pod(h: Harness, name: string): SchedPod {
  const p = h.get<SchedPod>('pods', name);
  if (!p) throw new Error(`pod ${name} not found`);
  return p;
}

function scheduledCondition(p: SchedPod): { status: string; reason?: string; message?: string } | undefined {
  return p.status?.conditions?.find((c) => c.type === 'PodScheduled');
}

/** FailedScheduling event messages for one pod, from `kubectl get events -o json` */
function failedScheduling(h: Harness, podName: string): string[] {
  return h
    .list<EventView>('events')
    .filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === podName)
    .filter((e) => e.reason === 'FailedScheduling')
    .map((e) => {
      expect(e.type).toBe('Warning');
      expect(e.source?.component).toBe('default-scheduler');
      return e.message;
    });
}

/** wait until the pod has a FailedScheduling verdict, then check the condition, the event and describe all agree */
function expectUnschedulable(h: Harness, name: string, message: string): void {
  h.until(() => scheduledCondition(pod(h, name))?.status === 'False', `${name} PodScheduled=False`, 30_000);
  h.advance(2000);
  const p = pod(h, name);
  expect(p.spec.nodeName).toBeUndefined();
  expect(p.status?.phase).toBe('Pending');
  expect(scheduledCondition(p)).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
  expect(failedScheduling(h, name)).toContain(message);
  expect(h.run(`kubectl describe pod ${name}`).stdout).toMatch(
    new RegExp(`Warning\\s+FailedScheduling\\s+\\S+\\s+default-scheduler\\s+${escapeRe(message)}`),
  );
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function runningOn(h: Harness, name: string): string {
  h.until(() => pod(h, name).status?.phase === 'Running', `${name} Running`, 60_000);
  const p = pod(h, name);
  expect(scheduledCondition(p)?.status).toBe('True');
  return p.spec.nodeName ?? '<none>';
}

function deploymentNodes(h: Harness, app: string): string[] {
  return h
    .pods(`app=${app}`)
    .map((p) => p.spec.nodeName ?? '<none>')
    .sort();
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

const ZONE: Record<string, string> = {
  'node-1': 'zone-a',
  'node-2': 'zone-b',
  'node-3': 'zone-c',
  'node-4': 'zone-a',
};

describe('scheduling: control-plane taint', () => {
  it('a pod tolerating the control-plane taint and selecting the control-plane node runs there', () => {
    const h = cluster();
    h.apply(
      podYaml(
        'on-cp',
        `  nodeSelector: { kubernetes.io/hostname: control-plane }
  tolerations:
    - { key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }
`,
      ),
    );
    expect(runningOn(h, 'on-cp')).toBe('control-plane');
    const events = h.list<EventView>('events').filter((e) => e.involvedObject.name === 'on-cp');
    expect(events.map((e) => e.reason)).not.toContain('FailedScheduling');
    expect(events.find((e) => e.reason === 'Scheduled')?.message).toBe(
      'Successfully assigned default/on-cp to control-plane',
    );
  });

  it('without the toleration it stays Pending with the exact FitError and preemption suffix', () => {
    const h = cluster();
    h.apply(podYaml('no-tol', `  nodeSelector: { kubernetes.io/hostname: control-plane }\n`));
    // TaintToleration and NodeAffinity failures are UnschedulableAndUnresolvable -> preemption is not helpful anywhere
    expectUnschedulable(
      h,
      'no-tol',
      `0/4 nodes are available: ${CP_TAINT}, 3 node(s) didn't match Pod's node affinity/selector. ` +
        'no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });
});

describe('scheduling: node affinity', () => {
  it('required node affinity (zone In [zone-b]) places every replica on node-2', () => {
    const h = cluster();
    h.apply(
      deploymentYaml('zb', 3, 'nginx:1.27').replace(
        '      containers:',
        `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: topology.kubernetes.io/zone, operator: In, values: [zone-b] }
      containers:`,
      ),
    );
    h.until(() => h.pods('app=zb').filter((p) => p.status?.phase === 'Running').length === 3, '3 zb Running');
    expect(deploymentNodes(h, 'zb')).toEqual(['node-2', 'node-2', 'node-2']);
  });

  it('required node affinity for a zone no schedulable node is in leaves the pod Pending', () => {
    const h = cluster();
    h.apply(
      podYaml(
        'zq',
        `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - { key: topology.kubernetes.io/zone, operator: In, values: [zone-q] }
`,
      ),
    );
    expectUnschedulable(
      h,
      'zq',
      `0/4 nodes are available: ${CP_TAINT}, 3 node(s) didn't match Pod's node affinity/selector. ` +
        'no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('preferred node affinity (weight 100, zone-c) wins among otherwise equal empty nodes', () => {
    // several seeds, so a random tie-break among the three equal workers would not pass by luck
    for (const seed of [1, 2, 3, 4, 5]) {
      const h = cluster(seed);
      h.apply(
        podYaml(
          'pref',
          `  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          preference:
            matchExpressions:
              - { key: topology.kubernetes.io/zone, operator: In, values: [zone-c] }
`,
        ),
      );
      expect(runningOn(h, 'pref'), `seed ${seed}`).toBe('node-3');
    }
  });
});

describe('scheduling: pod anti-affinity', () => {
  it('4 replicas with required hostname anti-affinity: 3 Running on distinct workers, the 4th Pending', () => {
    const h = cluster();
    h.apply(
      deploymentYaml('spread', 4, 'nginx:1.27').replace(
        '      containers:',
        `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: { matchLabels: { app: spread } }
              topologyKey: kubernetes.io/hostname
      containers:`,
      ),
    );
    h.until(
      () =>
        h.pods('app=spread').filter((p) => p.status?.phase === 'Running').length === 3 &&
        h.pods('app=spread').length === 4,
      '3 spread Running',
    );
    const pods = h.pods('app=spread') as SchedPod[];
    const running = pods.filter((p) => p.status?.phase === 'Running');
    expect(running.map((p) => p.spec.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    const pending = pods.filter((p) => p.status?.phase !== 'Running');
    expect(pending).toHaveLength(1);
    // anti-affinity failure is Unschedulable (preemption is tried, but all pods have the same priority)
    expectUnschedulable(
      h,
      pending[0]?.metadata.name ?? '',
      `0/4 nodes are available: ${CP_TAINT}, 3 node(s) didn't match pod anti-affinity rules. ` +
        'no new claims to deallocate, preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, ' +
        '3 No preemption victims found for incoming pod.',
    );
    expect(h.run('kubectl get deploy spread').stdout).toMatch(/spread\s+3\/4\s+4\s+3\s/);
  });
});

const SPREAD = `      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          labelSelector: { matchLabels: { app: tsc } }
      containers:`;

describe('scheduling: topology spread constraints', () => {
  it('6 replicas, maxSkew 1 over zones, DoNotSchedule: exactly 2 per zone', () => {
    const h = cluster();
    h.apply(deploymentYaml('tsc', 6, 'nginx:1.27').replace('      containers:', SPREAD));
    h.until(
      () => h.pods('app=tsc').filter((p) => p.status?.phase === 'Running').length === 6,
      '6 tsc Running',
    );
    expect(countBy(deploymentNodes(h, 'tsc'))).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
  });

  it('with node-4 added to zone-a, zone-a still gets only 2 of 6 (split over its two workers)', () => {
    const h = cluster();
    h.run('sim node add node-4 --zone zone-a');
    h.until(
      () =>
        (h.get<SchedPod>('nodes', 'node-4')?.status?.conditions ?? []).some(
          (c) => c.type === 'Ready' && c.status === 'True',
        ),
      'node-4 Ready',
    );
    h.apply(deploymentYaml('tsc', 6, 'nginx:1.27').replace('      containers:', SPREAD));
    h.until(
      () => h.pods('app=tsc').filter((p) => p.status?.phase === 'Running').length === 6,
      '6 tsc Running',
    );
    const nodes = deploymentNodes(h, 'tsc');
    expect(countBy(nodes.map((n) => ZONE[n] ?? n))).toEqual({ 'zone-a': 2, 'zone-b': 2, 'zone-c': 2 });
    expect(nodes.filter((n) => n === 'node-2')).toHaveLength(2);
    expect(nodes.filter((n) => n === 'node-3')).toHaveLength(2);
  });
});

describe('scheduling: taints and tolerations', () => {
  it('after `kubectl taint nodes node-1 dedicated=gpu:NoSchedule` new pods avoid node-1 unless they tolerate it', () => {
    const h = cluster();
    expect(h.run('kubectl taint nodes node-1 dedicated=gpu:NoSchedule').stdout).toBe('node/node-1 tainted\n');
    h.apply(deploymentYaml('web', 6, 'nginx:1.27'));
    h.until(
      () => h.pods('app=web').filter((p) => p.status?.phase === 'Running').length === 6,
      '6 web Running',
    );
    const nodes = deploymentNodes(h, 'web');
    expect(nodes).not.toContain('node-1');
    expect(nodes).not.toContain('control-plane');
    expect(new Set(nodes)).toEqual(new Set(['node-2', 'node-3']));

    // pinned to node-1 without a toleration: taints are reported before node affinity (filter order)
    h.apply(podYaml('pinned', `  nodeSelector: { kubernetes.io/hostname: node-1 }\n`));
    expectUnschedulable(
      h,
      'pinned',
      "0/4 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, " +
        '2 node(s) had untolerated taint(s). ' +
        'no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );

    // with the toleration it lands on node-1
    h.apply(
      podYaml(
        'gpu',
        `  nodeSelector: { kubernetes.io/hostname: node-1 }
  tolerations:
    - { key: dedicated, operator: Equal, value: gpu, effect: NoSchedule }
`,
      ),
    );
    expect(runningOn(h, 'gpu')).toBe('node-1');
  });
});

describe('scheduling: QoS class', () => {
  const cases: { name: string; resources: string; expected: string }[] = [
    { name: 'besteffort', resources: '', expected: 'BestEffort' },
    {
      name: 'burstable',
      resources:
        '      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 200m, memory: 128Mi } }\n',
      expected: 'Burstable',
    },
    {
      name: 'burstable-req-only',
      resources: '      resources: { requests: { cpu: 100m } }\n',
      expected: 'Burstable',
    },
    {
      name: 'guaranteed',
      resources:
        '      resources: { requests: { cpu: 250m, memory: 128Mi }, limits: { cpu: 250m, memory: 128Mi } }\n',
      expected: 'Guaranteed',
    },
    {
      // requests default to limits (SetDefaults_Pod), so limits-only is Guaranteed
      name: 'guaranteed-limits-only',
      resources: '      resources: { limits: { cpu: 500m, memory: 256Mi } }\n',
      expected: 'Guaranteed',
    },
  ];

  it.each(cases)('$name -> $expected in .status.qosClass and describe', ({ name, resources, expected }) => {
    const h = cluster();
    h.apply(podYaml(name, '', resources));
    runningOn(h, name);
    expect(h.run(`kubectl get pod ${name} -o jsonpath={.status.qosClass}`).stdout).toBe(expected);
    expect(h.run(`kubectl describe pod ${name}`).stdout).toMatch(
      new RegExp(`^QoS Class:\\s+${expected}$`, 'm'),
    );
  });
});
