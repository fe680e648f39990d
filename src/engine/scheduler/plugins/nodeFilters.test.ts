// Table tests for NodeUnschedulable, NodeName, TaintToleration, NodeAffinity and NodePorts (reasons exactly as Kubernetes).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { newNodeUnschedulable } from './nodeUnschedulable';
import { newNodeName } from './nodeName';
import { newTaintToleration } from './taintToleration';
import { newNodeAffinity } from './nodeAffinity';
import { newNodePorts } from './nodePorts';
import { makeNode, makePod, nodeInfos, runFilter, runScore } from './testHelpers';

describe('NodeUnschedulable (TestNodeUnschedulable)', () => {
  const tolerating = makePod({
    spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] },
  });
  it.each([
    { name: 'schedulable node', pod: makePod(), unschedulable: false, want: 'Success' },
    {
      name: 'cordoned node',
      pod: makePod(),
      unschedulable: true,
      want: 'UnschedulableAndUnresolvable: node(s) were unschedulable',
    },
    { name: 'pod tolerates the unschedulable taint', pod: tolerating, unschedulable: true, want: 'Success' },
  ])('$name', ({ pod, unschedulable, want }) => {
    const infos = nodeInfos([makeNode('n1', { spec: { unschedulable } })]);
    expect(runFilter(newNodeUnschedulable(), pod, infos).n1).toBe(want);
  });
});

describe('NodeName (TestNodeName)', () => {
  it.each([
    { name: 'no host specified', nodeName: undefined, want: 'Success' },
    { name: 'host matches', nodeName: 'foo', want: 'Success' },
    {
      name: 'host does not match',
      nodeName: 'bar',
      want: "UnschedulableAndUnresolvable: node(s) didn't match the requested node name",
    },
  ])('$name', ({ nodeName, want }) => {
    const pod = makePod(nodeName !== undefined ? { nodeName } : {});
    expect(runFilter(newNodeName(), pod, nodeInfos([makeNode('foo')])).foo).toBe(want);
  });
});

describe('TaintToleration filter (TestTaintTolerationFilter)', () => {
  const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
  const table: {
    name: string;
    pod: Pod;
    taints: { key: string; value?: string; effect: string }[];
    want: string;
  }[] = [
    { name: 'no taints', pod: makePod(), taints: [], want: 'Success' },
    {
      name: 'control-plane taint: the reason does not name the taint (v1.35)',
      pod: makePod(),
      taints: [cp],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint(s)',
    },
    {
      name: 'Equal toleration with matching value',
      pod: makePod({
        spec: {
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user1', effect: 'NoSchedule' }],
        },
      }),
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      want: 'Success',
    },
    {
      name: 'value mismatch',
      pod: makePod({
        spec: {
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
        },
      }),
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint(s)',
    },
    {
      name: 'Exists with empty key and effect tolerates everything',
      pod: makePod({ spec: { tolerations: [{ operator: 'Exists' }] } }),
      taints: [cp, { key: 'foo', value: 'bar', effect: 'NoExecute' }],
      want: 'Success',
    },
    {
      name: 'effect mismatch',
      pod: makePod({ spec: { tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }] } }),
      taints: [{ key: 'foo', value: 'bar', effect: 'NoExecute' }],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint(s)',
    },
    {
      name: 'PreferNoSchedule does not filter',
      pod: makePod(),
      taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }],
      want: 'Success',
    },
  ];
  it.each(table)('$name', ({ pod, taints, want }) => {
    expect(runFilter(newTaintToleration(), pod, nodeInfos([makeNode('n', { spec: { taints } })])).n).toBe(
      want,
    );
  });
});

describe('TaintToleration score (TestTaintTolerationScore)', () => {
  it('a tolerated PreferNoSchedule taint scores 100, an untolerated one 0', () => {
    const pod = makePod({
      spec: { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] },
    });
    const infos = nodeInfos([
      makeNode('nodeA', { spec: { taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }] } }),
      makeNode('nodeB', { spec: { taints: [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }] } }),
    ]);
    expect(runScore(newTaintToleration(), pod, infos)).toEqual({ nodeA: 100, nodeB: 0 });
  });
  it('more intolerable taints score lower (reverse normalisation)', () => {
    const t = (k: string) => ({ key: k, value: 'v', effect: 'PreferNoSchedule' });
    const infos = nodeInfos([
      makeNode('a', { spec: { taints: [t('x'), t('y')] } }),
      makeNode('b', { spec: { taints: [t('x')] } }),
      makeNode('c'),
    ]);
    expect(runScore(newTaintToleration(), makePod(), infos)).toEqual({ a: 0, b: 50, c: 100 });
  });
});

describe('NodeAffinity filter (TestNodeAffinity)', () => {
  const req = (...exprs: { key: string; operator: string; values?: string[] }[]) => ({
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: exprs }] },
      },
    },
  });
  const bad = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";
  const table: { name: string; spec: Pod['spec']; labels: Record<string, string>; want: string }[] = [
    { name: 'no selector', spec: undefined, labels: {}, want: 'Success' },
    {
      name: 'nodeSelector matches',
      spec: { containers: [], nodeSelector: { foo: 'bar' } },
      labels: { foo: 'bar' },
      want: 'Success',
    },
    {
      name: 'nodeSelector missing label',
      spec: { containers: [], nodeSelector: { foo: 'bar' } },
      labels: {},
      want: bad,
    },
    {
      name: 'In',
      spec: { containers: [], ...req({ key: 'foo', operator: 'In', values: ['bar', 'value2'] }) },
      labels: { foo: 'bar' },
      want: 'Success',
    },
    {
      name: 'Gt on integer label',
      spec: { containers: [], ...req({ key: 'kernel-version', operator: 'Gt', values: ['0204'] }) },
      labels: { 'kernel-version': '0206' },
      want: 'Success',
    },
    {
      name: 'Lt fails',
      spec: { containers: [], ...req({ key: 'kernel-version', operator: 'Lt', values: ['0204'] }) },
      labels: { 'kernel-version': '0206' },
      want: bad,
    },
    {
      name: 'NotIn matches missing label',
      spec: { containers: [], ...req({ key: 'mem-type', operator: 'NotIn', values: ['DDR'] }) },
      labels: {},
      want: 'Success',
    },
    {
      name: 'DoesNotExist fails when present',
      spec: { containers: [], ...req({ key: 'gpu', operator: 'DoesNotExist' }) },
      labels: { gpu: 'y' },
      want: bad,
    },
    {
      name: 'invalid operator term matches nothing',
      spec: { containers: [], ...req({ key: 'foo', operator: 'BadOp', values: ['x'] }) },
      labels: { foo: 'x' },
      want: bad,
    },
    {
      name: 'empty term matches nothing',
      spec: {
        containers: [],
        affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } },
        },
      },
      labels: { foo: 'bar' },
      want: bad,
    },
    {
      name: 'matchFields metadata.name',
      spec: {
        containers: [],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] },
              ],
            },
          },
        },
      },
      labels: {},
      want: 'Success',
    },
    {
      name: 'nodeSelector and affinity are ANDed',
      spec: { containers: [], nodeSelector: { foo: 'bar' }, ...req({ key: 'zone', operator: 'Exists' }) },
      labels: { foo: 'bar' },
      want: bad,
    },
  ];
  it.each(table)('$name', ({ spec, labels, want }) => {
    const pod = spec === undefined ? makePod() : makePod({ requests: [], spec });
    expect(runFilter(newNodeAffinity(), pod, nodeInfos([makeNode('node1', { labels })])).node1).toBe(want);
  });

  it('conflicting node-name terms fail in PreFilter', () => {
    const pod = makePod({
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [
                    { key: 'metadata.name', operator: 'In', values: ['a'] },
                    { key: 'metadata.name', operator: 'In', values: ['b'] },
                  ],
                },
              ],
            },
          },
        },
      },
    });
    expect(runFilter(newNodeAffinity(), pod, nodeInfos([makeNode('a')])).a).toBe(
      'UnschedulableAndUnresolvable: pod affinity terms conflict',
    );
  });

  it('addedAffinity from args is enforced', () => {
    const plugin = newNodeAffinity({
      addedAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: ['x'] }] }],
        },
      },
    });
    const infos = nodeInfos([makeNode('a', { labels: { pool: 'x' } }), makeNode('b')]);
    expect(runFilter(plugin, makePod(), infos)).toEqual({
      a: 'Success',
      b: "UnschedulableAndUnresolvable: node(s) didn't match scheduler-enforced node affinity",
    });
  });
});

describe('NodeAffinity score (TestNodeAffinityPriority)', () => {
  it('sums matching preferred weights and normalises', () => {
    const pref = (weight: number, key: string, value: string) => ({
      weight,
      preference: { matchExpressions: [{ key, operator: 'In', values: [value] }] },
    });
    const pod = makePod({
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              pref(2, 'foo', 'bar'),
              pref(4, 'key', 'value'),
              pref(5, 'az', 'az1'),
            ],
          },
        },
      },
    });
    const infos = nodeInfos([
      makeNode('node1', { labels: { foo: 'bar' } }),
      makeNode('node2', { labels: { foo: 'bar', key: 'value', az: 'az1' } }),
      makeNode('node5', { labels: { foo: 'bar', key: 'value' } }),
      makeNode('node9'),
    ]);
    // raw 2 / 11 / 6 / 0 -> 18 / 100 / 54 / 0
    expect(runScore(newNodeAffinity(), pod, infos)).toEqual({ node1: 18, node2: 100, node5: 54, node9: 0 });
  });
});

describe('NodePorts (TestNodePorts)', () => {
  const podWith = (...ports: { hostPort: number; hostIP?: string; protocol?: string }[]) =>
    makePod({
      requests: [],
      spec: { containers: [{ name: 'c', ports: ports.map((p) => ({ containerPort: p.hostPort, ...p })) }] },
    });
  const bad = "Unschedulable: node(s) didn't have free ports for the requested pod ports";
  const table = [
    { name: 'nothing running', want: podWith({ hostPort: 8080 }), have: podWith(), expect: 'Success' },
    {
      name: 'other port',
      want: podWith({ hostPort: 8080 }),
      have: podWith({ hostPort: 9090 }),
      expect: 'Success',
    },
    { name: 'same port', want: podWith({ hostPort: 8080 }), have: podWith({ hostPort: 8080 }), expect: bad },
    {
      name: 'different IPs',
      want: podWith({ hostPort: 8080, hostIP: '127.0.0.1' }),
      have: podWith({ hostPort: 8080, hostIP: '127.0.0.2' }),
      expect: 'Success',
    },
    {
      name: 'different protocols',
      want: podWith({ hostPort: 8080, protocol: 'UDP' }),
      have: podWith({ hostPort: 8080 }),
      expect: 'Success',
    },
    {
      name: 'wildcard wanted vs specific IP used',
      want: podWith({ hostPort: 8001 }),
      have: podWith({ hostPort: 8001, hostIP: '127.0.0.1' }),
      expect: bad,
    },
    {
      name: 'specific IP wanted vs wildcard used',
      want: podWith({ hostPort: 8001, hostIP: '127.0.0.1' }),
      have: podWith({ hostPort: 8001, hostIP: '0.0.0.0' }),
      expect: bad,
    },
    {
      name: 'port prefix is not a conflict',
      want: podWith({ hostPort: 80 }),
      have: podWith({ hostPort: 8080 }),
      expect: 'Success',
    },
  ];
  it.each(table)('$name', ({ want, have, expect: e }) => {
    have.spec = { ...have.spec, containers: have.spec?.containers ?? [], nodeName: 'n' };
    expect(runFilter(newNodePorts(), want, nodeInfos([makeNode('n')], [have])).n).toBe(e);
  });
});
