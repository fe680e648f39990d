import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LANE_ID, nodeId, toFlow, type FlowNode, type K8sNodeFlowNode, type PodFlowNode } from './toFlow';
import { makeNode, makePod, running } from './fixtures';
import { MAX_PODS_PER_NODE } from './layout';

const nodes4 = [
  makeNode('node-2', { ready: 'True', zone: 'zone-b' }),
  makeNode('control-plane', { ready: 'True', role: 'control-plane' }),
  makeNode('node-1', { ready: 'False', zone: 'zone-a' }),
  makeNode('node-3'),
];

const find = (ns: FlowNode[], id: string) => ns.find((n) => n.id === id);

describe('toFlow', () => {
  it('draws one box per Node, sorted by name, with readiness, zone and capacity', () => {
    const { nodes } = toFlow({ nodes: nodes4, pods: [] });
    const boxes = nodes.filter((n): n is K8sNodeFlowNode => n.type === 'k8sNode');
    expect(boxes.map((b) => b.data.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(boxes.map((b) => b.data.readiness)).toEqual(['Ready', 'NotReady', 'Ready', 'Unknown']);
    expect(boxes[0]!.data.roles).toBe('control-plane');
    expect(boxes[2]!.data).toMatchObject({ zone: 'zone-b', cpu: '4', memory: '16Gi', schedulable: true });
  });

  it.each([
    {
      name: 'bound pod sits inside its node',
      pod: makePod('web', { nodeName: 'node-2', status: running(true) }),
      parent: nodeId('node-2'),
      tone: 'running',
      status: 'Running',
    },
    {
      name: 'unbound pod sits in the unscheduled lane',
      pod: makePod('hello'),
      parent: LANE_ID,
      tone: 'unscheduled',
      status: 'Pending',
    },
    {
      name: 'running but not ready',
      pod: makePod('slow', { nodeName: 'node-1', status: running(false) }),
      parent: nodeId('node-1'),
      tone: 'notready',
      status: 'Running',
    },
    {
      name: 'deleting pod is Terminating',
      pod: makePod('bye', { nodeName: 'node-3', status: running(true), deleting: true }),
      parent: nodeId('node-3'),
      tone: 'terminating',
      status: 'Terminating',
    },
    {
      name: 'crash looping pod is failed',
      pod: makePod('crash', {
        nodeName: 'node-1',
        status: {
          phase: 'Running',
          containerStatuses: [
            {
              name: 'c',
              ready: false,
              restartCount: 3,
              image: 'x',
              imageID: '',
              state: { waiting: { reason: 'CrashLoopBackOff' } },
            },
          ],
        },
      }),
      parent: nodeId('node-1'),
      tone: 'failed',
      status: 'CrashLoopBackOff',
    },
    {
      name: 'pod on a node that does not exist gets a Missing box',
      pod: makePod('lost', { nodeName: 'node-9' }),
      parent: nodeId('node-9'),
      tone: 'pending',
      status: 'Pending',
    },
  ])('$name', ({ pod, parent, tone, status }) => {
    const { nodes } = toFlow({ nodes: nodes4, pods: [pod] });
    const tile = find(nodes, `pod:default/${pod.metadata.name}`) as PodFlowNode | undefined;
    expect(tile?.parentId).toBe(parent);
    expect(tile?.data).toMatchObject({ tone, status });
    // React Flow needs a parent before its children
    expect(nodes.findIndex((n) => n.id === parent)).toBeLessThan(nodes.indexOf(tile!));
  });

  it('marks a box for a missing node', () => {
    const { nodes } = toFlow({ nodes: [], pods: [makePod('lost', { nodeName: 'gone' })] });
    expect((find(nodes, nodeId('gone')) as K8sNodeFlowNode).data.readiness).toBe('Missing');
  });

  it('counts pods per node and in the lane', () => {
    const pods = [makePod('a', { nodeName: 'node-1' }), makePod('b', { nodeName: 'node-1' }), makePod('c')];
    const { nodes } = toFlow({ nodes: nodes4, pods });
    expect((find(nodes, nodeId('node-1')) as K8sNodeFlowNode).data.podCount).toBe(2);
    expect(find(nodes, LANE_ID)?.data).toMatchObject({ title: 'Pending (unscheduled)', podCount: 1 });
  });

  it('replaces the overflow of a crowded node with one "+N more" tile', () => {
    const pods = Array.from({ length: 40 }, (_, i) =>
      makePod(`p-${String(i).padStart(2, '0')}`, { nodeName: 'node-1' }),
    );
    const { nodes } = toFlow({ nodes: nodes4, pods });
    const inNode = nodes.filter((n) => n.parentId === nodeId('node-1'));
    expect(inNode).toHaveLength(MAX_PODS_PER_NODE);
    expect(inNode.at(-1)).toMatchObject({ type: 'more', data: { hidden: 40 - (MAX_PODS_PER_NODE - 1) } });
  });

  it('is deterministic: input order does not change the layout, and ids are unique', () => {
    const arb = fc.uniqueArray(
      fc.record({
        name: fc.stringMatching(/^[a-z]{1,6}$/),
        node: fc.constantFrom(undefined, 'node-1', 'node-2', 'control-plane'),
      }),
      {
        selector: (p) => p.name,
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const pods = specs.map((s) => makePod(s.name, s.node ? { nodeName: s.node } : {}));
        const a = toFlow({ nodes: nodes4, pods });
        const b = toFlow({ nodes: [...nodes4].reverse(), pods: [...pods].reverse() });
        expect(b).toEqual(a);
        expect(new Set(a.nodes.map((n) => n.id)).size).toBe(a.nodes.length);
      }),
    );
  });

  it('keeps every pod tile inside its parent box', () => {
    const pods = Array.from({ length: 30 }, (_, i) =>
      makePod(`p${i}`, i % 3 ? { nodeName: `node-${i % 3}` } : {}),
    );
    const { nodes } = toFlow({ nodes: nodes4, pods });
    for (const tile of nodes.filter((n) => n.parentId)) {
      const parent = find(nodes, tile.parentId!)!;
      expect(tile.position.x + tile.width!).toBeLessThanOrEqual(parent.width!);
      expect(tile.position.y + tile.height!).toBeLessThanOrEqual(parent.height!);
    }
  });
});

describe('toFlow ordering', () => {
  it('orders pods naturally inside a box (pod-2 before pod-10)', () => {
    const pods = ['pod-10', 'pod-2', 'pod-1'].map((n) => makePod(n, { nodeName: 'node-1' }));
    const { nodes } = toFlow({ nodes: nodes4, pods });
    expect(
      nodes.filter((n) => n.parentId === nodeId('node-1')).map((n) => (n as PodFlowNode).data.name),
    ).toEqual(['pod-1', 'pod-2', 'pod-10']);
  });
});
