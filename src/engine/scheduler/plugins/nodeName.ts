// NodeName filter: a pod with spec.nodeName fits only that node.
// mirrors pkg/scheduler/framework/plugins/nodename/node_name.go.
import type { FilterPlugin } from '../framework/types';
import { success, unresolvable } from '../framework/types';

export const NODE_NAME = 'NodeName';
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export function newNodeName(): FilterPlugin {
  return {
    name: NODE_NAME,
    filter(_state, pod, nodeInfo) {
      const want = pod.spec?.nodeName ?? '';
      if (want === '' || want === nodeInfo.node.metadata?.name) return success();
      return unresolvable(NODE_NAME, ERR_REASON_NODE_NAME);
    },
  };
}
