// A Pod on the canvas: a tile coloured by its status (as `kubectl get pods` prints it).
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { PodFlowNode } from './toFlow';
import { shortName } from './shortName';

/** what fits on one tile line at the tile's font size */
const POD_NAME_CHARS = 17;

export const PodTile = memo(function PodTile({ data, selected }: NodeProps<PodFlowNode>) {
  const title = `${data.namespace}/${data.name}: ${data.status}`;
  return (
    <div
      className={`pod tone-${data.tone}${selected ? ' selected' : ''}`}
      data-testid={`pod-${data.name}`}
      title={title}
    >
      <span className="pod-name">{shortName(data.name, POD_NAME_CHARS)}</span>
      <span className="pod-status">
        {data.status}
        {data.namespace !== 'default' && <span className="pod-ns"> · {data.namespace}</span>}
      </span>
    </div>
  );
});
