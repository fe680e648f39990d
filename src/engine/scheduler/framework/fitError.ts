// The FailedScheduling message. mirrors pkg/scheduler/framework/types.go FitError.Error() and Diagnosis.
import type { PluginStatus } from './types';

export interface Diagnosis {
  /** failing nodes' statuses (node name -> first failing filter) */
  nodeToStatus: Map<string, PluginStatus>;
  /** set when a PreFilter plugin rejected the pod (replaces the reasons histogram) */
  preFilterMsg?: string;
  /** the PostFilter (preemption) message, e.g. `preemption: 0/3 nodes are available: ...` */
  postFilterMsg?: string;
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
