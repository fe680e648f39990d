// Pure mapping from the mirrored cluster to React Flow nodes: one box per Kubernetes Node with its pods
// inside (by spec.nodeName), and a lane for pods no scheduler has bound yet. Deterministic grid layout.
import type { Edge, Node } from '@xyflow/react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/index';
import { podStatusText, podTone, type PodTone } from './podStatus';
import { summarizeNode, type NodeSummary } from './nodeStatus';
import * as L from './layout';

export interface ClusterSnapshot {
  nodes: readonly KubeObject[];
  pods: readonly KubeObject[];
}

export type K8sNodeData = NodeSummary & { podCount: number };
export type PodData = { name: string; namespace: string; status: string; tone: PodTone };
export type LaneData = { title: string; podCount: number };
export type MoreData = { hidden: number };

export type K8sNodeFlowNode = Node<K8sNodeData, 'k8sNode'>;
export type PodFlowNode = Node<PodData, 'pod'>;
export type LaneFlowNode = Node<LaneData, 'lane'>;
export type MoreFlowNode = Node<MoreData, 'more'>;
export type FlowNode = K8sNodeFlowNode | PodFlowNode | LaneFlowNode | MoreFlowNode;

export const LANE_ID = 'lane:unscheduled';
export const nodeId = (name: string) => `node:${name}`;
export const podId = (pod: KubeObject) => `pod:${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;

// natural order (pod-2 before pod-10), so numbered pods read in sequence
const collator = new Intl.Collator('en', { numeric: true });
const byKey = (a: KubeObject, b: KubeObject): number =>
  collator.compare(
    `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`,
    `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`,
  );

/** pods (sorted) as tiles inside parent; the overflow becomes one "+N more" tile */
function podTiles(
  parent: string,
  pods: readonly KubeObject[],
  cols: number,
  headerH: number,
  max: number,
): FlowNode[] {
  const shown = pods.length > max ? pods.slice(0, max - 1) : pods;
  const out: FlowNode[] = shown.map((pod, i) => {
    const status = podStatusText(pod);
    return {
      id: podId(pod),
      type: 'pod',
      parentId: parent,
      extent: 'parent',
      position: L.tilePosition(i, cols, headerH),
      width: L.POD_W,
      height: L.POD_H,
      data: {
        name: pod.metadata.name ?? '',
        namespace: pod.metadata.namespace ?? '',
        status,
        tone: podTone(pod, status),
      },
    };
  });
  if (shown.length < pods.length) {
    out.push({
      id: `${parent}:more`,
      type: 'more',
      parentId: parent,
      extent: 'parent',
      position: L.tilePosition(shown.length, cols, headerH),
      width: L.POD_W,
      height: L.POD_H,
      data: { hidden: pods.length - shown.length },
    });
  }
  return out;
}

function groupPods(snapshot: ClusterSnapshot): {
  onNode: Map<string, KubeObject[]>;
  unscheduled: KubeObject[];
} {
  const onNode = new Map<string, KubeObject[]>();
  const unscheduled: KubeObject[] = [];
  for (const pod of snapshot.pods) {
    const nodeName = (pod as unknown as Pod).spec?.nodeName;
    if (!nodeName) {
      unscheduled.push(pod);
      continue;
    }
    let list = onNode.get(nodeName);
    if (!list) onNode.set(nodeName, (list = []));
    list.push(pod);
  }
  for (const list of onNode.values()) list.sort(byKey);
  unscheduled.sort(byKey);
  return { onNode, unscheduled };
}

export function toFlow(snapshot: ClusterSnapshot): { nodes: FlowNode[]; edges: Edge[] } {
  const { onNode, unscheduled } = groupPods(snapshot);
  const summaries = new Map<string, NodeSummary>();
  for (const n of snapshot.nodes) {
    const s = summarizeNode(n);
    summaries.set(s.name, s);
  }
  // pods bound to a node that does not exist still get a box, so they never vanish from view
  for (const name of onNode.keys()) {
    if (!summaries.has(name)) {
      summaries.set(name, {
        name,
        readiness: 'Missing',
        schedulable: false,
        roles: '<none>',
        zone: undefined,
        cpu: undefined,
        memory: undefined,
      });
    }
  }
  const names = [...summaries.keys()].sort();
  const cols = L.groupColumns(names.length);
  const width = L.boxWidth(L.NODE_POD_COLS);
  const nodes: FlowNode[] = [];
  let y = 0;
  for (let row = 0; row * cols < names.length; row++) {
    const rowNames = names.slice(row * cols, row * cols + cols);
    let rowH = 0;
    rowNames.forEach((name, i) => {
      const pods = onNode.get(name) ?? [];
      const tiles = Math.min(pods.length, L.MAX_PODS_PER_NODE);
      const height = L.boxHeight(L.NODE_HEADER_H, tiles, L.NODE_POD_COLS);
      rowH = Math.max(rowH, height);
      const id = nodeId(name);
      nodes.push({
        id,
        type: 'k8sNode',
        position: { x: i * (width + L.GROUP_GAP), y },
        width,
        height,
        data: { ...summaries.get(name)!, podCount: pods.length },
      });
      nodes.push(...podTiles(id, pods, L.NODE_POD_COLS, L.NODE_HEADER_H, L.MAX_PODS_PER_NODE));
    });
    y += rowH + L.GROUP_GAP;
  }
  const laneCols = Math.max(
    1,
    Math.min(L.LANE_POD_COLS, Math.floor((cols * (width + L.GROUP_GAP) - L.GROUP_GAP) / (L.POD_W + L.GAP))),
  );
  const laneTiles = Math.min(unscheduled.length, L.MAX_PODS_IN_LANE);
  nodes.push({
    id: LANE_ID,
    type: 'lane',
    position: { x: 0, y },
    width: L.boxWidth(laneCols),
    height: L.boxHeight(L.LANE_HEADER_H, laneTiles, laneCols),
    data: { title: 'Pending (unscheduled)', podCount: unscheduled.length },
  });
  nodes.push(...podTiles(LANE_ID, unscheduled, laneCols, L.LANE_HEADER_H, L.MAX_PODS_IN_LANE));
  return { nodes, edges: [] };
}
