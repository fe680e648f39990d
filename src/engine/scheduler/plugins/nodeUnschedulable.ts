// NodeUnschedulable filter: rejects nodes with spec.unschedulable unless the pod tolerates the unschedulable taint.
// mirrors pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.
import type { FilterPlugin } from '../framework/types';
import { success, unresolvable } from '../framework/types';
import { tolerationsTolerateTaint } from './taints';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export function newNodeUnschedulable(): FilterPlugin {
  return {
    name: NODE_UNSCHEDULABLE,
    filter(_state, pod, nodeInfo) {
      if (nodeInfo.node.spec?.unschedulable !== true) return success();
      const tolerates = tolerationsTolerateTaint(pod.spec?.tolerations, {
        key: 'node.kubernetes.io/unschedulable',
        effect: 'NoSchedule',
      });
      return tolerates ? success() : unresolvable(NODE_UNSCHEDULABLE, ERR_REASON_UNSCHEDULABLE);
    },
  };
}
