// The FailedScheduling message. mirrors pkg/scheduler/framework/types.go FitError.Error(), Diagnosis and NodeToStatus.
import type { PluginStatus } from './types';

export interface Diagnosis {
  /** failing nodes' own statuses (node name -> first failing filter): NodeToStatus's explicit nodes */
  nodeToStatus: Map<string, PluginStatus>;
  /**
   * the status of every node without an entry in nodeToStatus (NodeToStatus.SetAbsentNodesStatus): the PreFilter
   * rejection, or `node(s) didn't satisfy plugin(s) [...]` for nodes a PreFilterResult left out. Undefined: such
   * nodes were not evaluated (the default UnschedulableAndUnresolvable without reasons).
   */
  absentStatus?: PluginStatus;
  /** set when a PreFilter plugin rejected the pod (replaces the reasons histogram) */
  preFilterMsg?: string;
  /** the PostFilter (preemption) message, e.g. `preemption: 0/3 nodes are available: ...` */
  postFilterMsg?: string;
}

/** NodeToStatus.Get: a node's own status, else the absent-nodes status */
export function nodeStatusOf(d: Diagnosis, node: string): PluginStatus | undefined {
  return d.nodeToStatus.get(node) ?? d.absentStatus;
}

/** `0/N nodes are available: <count> <reason>, ... .` with reasons sorted as strings (sort.Strings) */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const histogram = new Map<string, number>();
    for (const st of d.nodeToStatus.values()) {
      for (const r of st.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
    }
    // nodes absent from the map count with the absent-nodes status's reasons
    const absent = numAllNodes - d.nodeToStatus.size;
    if (absent > 0 && d.absentStatus) {
      for (const r of d.absentStatus.reasons) histogram.set(r, (histogram.get(r) ?? 0) + absent);
    }
    const parts = [...histogram].map(([r, n]) => `${n} ${r}`);
    // Go's sort.Strings: byte-wise order, so "10 x" sorts before "2 y"
    parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** framework.Status.Message(): the reasons joined by ", " */
export const statusMessage = (st: PluginStatus): string => st.reasons.join(', ');
