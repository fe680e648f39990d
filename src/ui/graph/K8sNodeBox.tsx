// A Kubernetes Node on the canvas: a box with its name, readiness, zone and capacity; its pods sit inside.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { K8sNodeFlowNode } from './toFlow';

export const K8sNodeBox = memo(function K8sNodeBox({ data }: NodeProps<K8sNodeFlowNode>) {
  const facts = [data.zone, data.cpu && `${data.cpu} CPU`, data.memory].filter(Boolean).join(' · ');
  return (
    <div className={`k8s-node readiness-${data.readiness}`} data-testid={`node-${data.name}`}>
      <div className="k8s-node-title">
        <span className="k8s-node-name">{data.name}</span>
        <span className={`badge badge-${data.readiness}`}>{data.readiness}</span>
        {!data.schedulable && data.readiness !== 'Missing' && (
          <span className="badge badge-cordoned">SchedulingDisabled</span>
        )}
        {data.roles !== '<none>' && <span className="role">{data.roles}</span>}
      </div>
      <div className="k8s-node-facts">
        <span>{facts || '—'}</span>
        <span className="pod-count">
          {data.podCount} {data.podCount === 1 ? 'pod' : 'pods'}
        </span>
      </div>
    </div>
  );
});
