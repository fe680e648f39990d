// Stands for the pods of a crowded box that are not drawn one by one.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { MoreFlowNode } from './toFlow';

export const MoreTile = memo(function MoreTile({ data }: NodeProps<MoreFlowNode>) {
  return <div className="pod more">+{data.hidden} more</div>;
});
