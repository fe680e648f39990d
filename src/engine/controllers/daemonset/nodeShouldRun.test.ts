import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, PodSpec, Taint } from 'kubernetes-types/core/v1';
import { getTargetNodeName, nodeShouldRunDaemonPod, replaceNodeNameAffinity } from './nodeShouldRun';
import { withDaemonPodTolerations } from './tolerations';

function node(name: string, taints: Taint[] = [], labels: Record<string, string> = {}): Node {
  return { metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints } };
}
function ds(spec: Partial<PodSpec> = {}): DaemonSet {
  return {
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'a' } },
      template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c' }], ...spec } },
    },
  };
}
const cpTaint: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('nodeShouldRunDaemonPod (daemon_controller_test.go TestNodeShouldRunDaemonPod shapes)', () => {
  const cases: {
    name: string;
    node: Node;
    ds: DaemonSet;
    shouldRun: boolean;
    shouldContinueRunning: boolean;
  }[] = [
    { name: 'plain node', node: node('n1'), ds: ds(), shouldRun: true, shouldContinueRunning: true },
    {
      name: 'template nodeName elsewhere',
      node: node('n1'),
      ds: ds({ nodeName: 'n2' }),
      shouldRun: false,
      shouldContinueRunning: false,
    },
    {
      name: 'template nodeName here',
      node: node('n1'),
      ds: ds({ nodeName: 'n1' }),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'nodeSelector mismatch',
      node: node('n1'),
      ds: ds({ nodeSelector: { disk: 'ssd' } }),
      shouldRun: false,
      shouldContinueRunning: false,
    },
    {
      name: 'nodeSelector match',
      node: node('n1', [], { disk: 'ssd' }),
      ds: ds({ nodeSelector: { disk: 'ssd' } }),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'required node affinity mismatch',
      node: node('n1'),
      ds: ds({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
            },
          },
        },
      }),
      shouldRun: false,
      shouldContinueRunning: false,
    },
    {
      name: 'control-plane NoSchedule taint, no toleration',
      node: node('cp', [cpTaint]),
      ds: ds(),
      shouldRun: false,
      shouldContinueRunning: true,
    },
    {
      name: 'control-plane taint tolerated',
      node: node('cp', [cpTaint]),
      ds: ds({
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        ],
      }),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'tolerates everything (operator Exists)',
      node: node('cp', [cpTaint, { key: 'x', effect: 'NoExecute' }]),
      ds: ds({ tolerations: [{ operator: 'Exists' }] }),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'untolerated NoExecute taint',
      node: node('n1', [{ key: 'x', value: 'y', effect: 'NoExecute' }]),
      ds: ds(),
      shouldRun: false,
      shouldContinueRunning: false,
    },
    {
      name: 'cordoned node (unschedulable taint) is tolerated by default',
      node: node('n1', [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]),
      ds: ds(),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'not-ready NoExecute is tolerated by default',
      node: node('n1', [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]),
      ds: ds(),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'memory-pressure NoSchedule is tolerated by default',
      node: node('n1', [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }]),
      ds: ds(),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'network-unavailable blocks a pod without hostNetwork',
      node: node('n1', [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]),
      ds: ds(),
      shouldRun: false,
      shouldContinueRunning: true,
    },
    {
      name: 'network-unavailable tolerated with hostNetwork',
      node: node('n1', [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]),
      ds: ds({ hostNetwork: true }),
      shouldRun: true,
      shouldContinueRunning: true,
    },
    {
      name: 'PreferNoSchedule taints never block',
      node: node('n1', [{ key: 'x', effect: 'PreferNoSchedule' }]),
      ds: ds(),
      shouldRun: true,
      shouldContinueRunning: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(nodeShouldRunDaemonPod(c.node, c.ds)).toEqual({
        shouldRun: c.shouldRun,
        shouldContinueRunning: c.shouldContinueRunning,
      });
    });
  }
});

describe('daemon pod tolerations and node pinning', () => {
  it('adds the six default tolerations (seven with hostNetwork), keeping user tolerations first', () => {
    const t = withDaemonPodTolerations({ containers: [], tolerations: [{ key: 'a', operator: 'Exists' }] });
    expect(t.map((x) => `${x.key ?? ''}:${x.effect ?? ''}`)).toEqual([
      'a:',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(withDaemonPodTolerations({ containers: [], hostNetwork: true })).toHaveLength(7);
  });

  it('replaces a not-ready toleration with tolerationSeconds by the infinite one', () => {
    const t = withDaemonPodTolerations({
      containers: [],
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    });
    expect(t.filter((x) => x.key === 'node.kubernetes.io/not-ready')).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    ]);
  });

  it('pins to a node through matchFields metadata.name, replacing required terms but keeping preferred ones', () => {
    const a = replaceNodeNameAffinity(
      {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Exists' }] }],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, preference: { matchExpressions: [{ key: 'p', operator: 'Exists' }] } },
          ],
        },
      },
      'node-2',
    );
    expect(a.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toEqual({
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }],
    });
    expect(a.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
    expect(getTargetNodeName({ spec: { containers: [], affinity: a } })).toBe('node-2');
    expect(getTargetNodeName({ spec: { containers: [], nodeName: 'node-9', affinity: a } })).toBe('node-9');
    expect(getTargetNodeName({ spec: { containers: [] } })).toBeUndefined();
  });
});
