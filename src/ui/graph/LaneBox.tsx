// The lane of pods no scheduler has bound to a node yet (spec.nodeName empty).
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { LaneFlowNode } from './toFlow';

export const LaneBox = memo(function LaneBox({ data }: NodeProps<LaneFlowNode>) {
  return (
    <div className="lane" data-testid="unscheduled-lane">
      <span className="lane-title">{data.title}</span>
      <span className="pod-count">
        {data.podCount} {data.podCount === 1 ? 'pod' : 'pods'}
      </span>
    </div>
  );
});
