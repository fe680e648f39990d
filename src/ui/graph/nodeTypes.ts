// React Flow node type registry (module-level so React Flow sees one stable object).
import type { NodeTypes } from '@xyflow/react';
import { K8sNodeBox } from './K8sNodeBox';
import { PodTile } from './PodTile';
import { LaneBox } from './LaneBox';
import { MoreTile } from './MoreTile';

export const nodeTypes: NodeTypes = { k8sNode: K8sNodeBox, pod: PodTile, lane: LaneBox, more: MoreTile };
