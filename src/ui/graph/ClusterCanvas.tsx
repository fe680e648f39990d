// The cluster canvas: mirrored Nodes and Pods through toFlow() into React Flow (read-only; clicks select).
import { useEffect, useMemo, useRef } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeMouseHandler,
} from '@xyflow/react';
import { useClusterStore } from '../state/clusterStore';
import { toFlow, type FlowNode } from './toFlow';
import { nodeTypes } from './nodeTypes';

const EMPTY = new Map();
const FIT = { padding: 0.06 };

function Canvas() {
  const nodeObjs = useClusterStore((s) => s.objects['Node'] ?? EMPTY);
  const podObjs = useClusterStore((s) => s.objects['Pod'] ?? EMPTY);
  const select = useClusterStore((s) => s.select);
  const flow = useMemo(
    () => toFlow({ nodes: [...nodeObjs.values()], pods: [...podObjs.values()] }),
    [nodeObjs, podObjs],
  );
  const { fitView } = useReactFlow();

  // refit when the outline changes (boxes added or grown), not on every pod status change
  const outline = flow.nodes
    .filter((n) => !n.parentId)
    .map((n) => `${n.id}:${n.height}`)
    .join('|');
  useEffect(() => {
    void fitView(FIT);
  }, [outline, fitView]);
  // and when the canvas itself changes size (window resize, projector switch)
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const ro = new ResizeObserver(() => void fitView(FIT));
    ro.observe(el);
    return () => ro.disconnect();
  }, [fitView]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => {
    if (node.type === 'pod') select({ kind: 'Pod', key: node.id.slice('pod:'.length) });
    else if (node.type === 'k8sNode') select({ kind: 'Node', key: node.id.slice('node:'.length) });
  };

  return (
    <div ref={wrapper} className="canvas-wrapper">
      <ReactFlow<FlowNode>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        nodesDraggable={false}
        nodesConnectable={false}
        fitView
        fitViewOptions={FIT}
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

export function ClusterCanvas() {
  const status = useClusterStore((s) => s.status);
  if (status === 'connecting') return <div className="canvas-placeholder">starting cluster…</div>;
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  );
}
