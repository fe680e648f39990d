// The node lifecycle controller's API writes: taints on and off nodes, pods marked not ready, node events.
// mirrors pkg/controller/controller_utils.go AddOrUpdateTaintOnNode / RemoveTaintOffNode and
// pkg/controller/util/node/controller_utils.go SwapNodeControllerTaint, MarkPodsNotReady, RecordNodeEvent,
// RecordNodeStatusChange.
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import type { NodeConditionJson } from './nodeHealth';
import type { NodeTaint } from './taints';
import { addOrUpdateTaints, removeTaints, taintExists } from './taints';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
export const NODE_LIFECYCLE_ACTOR = `kube-controller-manager/${NODE_LIFECYCLE_CONTROLLER}`;
/** Events of this controller carry the source component node-controller, as in Kubernetes */
const SOURCE = { component: 'node-controller' };
/** UpdateTaintBackoff.Steps: tries of a taint write on conflicts */
const UPDATE_TAINT_STEPS = 5;

function taintsOf(node: Readonly<KubeObject>): NodeTaint[] {
  return (node.spec as { taints?: NodeTaint[] } | undefined)?.taints ?? [];
}

function isConflict(e: unknown): boolean {
  return e instanceof StatusError && e.status.code === 409;
}

/** get the node, change its taints with fn, write it (clientretry.RetryOnConflict); a no-op change writes nothing */
function patchTaints(
  rt: ClusterRuntime,
  name: string,
  fn: (taints: readonly NodeTaint[]) => NodeTaint[] | undefined,
  cause: string,
): void {
  for (let step = 1; ; step++) {
    const node = rt.api.get('nodes', undefined, name);
    const taints = fn(taintsOf(node));
    if (!taints) return;
    const spec: Record<string, unknown> = { ...(node.spec as object) };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    try {
      rt.api.update('nodes', undefined, { ...node, spec }, { actor: NODE_LIFECYCLE_CONTROLLER, cause });
      return;
    } catch (e) {
      if (!isConflict(e) || step >= UPDATE_TAINT_STEPS) throw e;
    }
  }
}

/** AddOrUpdateTaintOnNode; throws the API error */
export function addOrUpdateTaintOnNode(
  rt: ClusterRuntime,
  name: string,
  taints: readonly NodeTaint[],
  cause: string,
): void {
  if (taints.length === 0) return;
  patchTaints(rt, name, (cur) => addOrUpdateTaints(cur, taints), cause);
}

/** RemoveTaintOffNode: no API call when the given node has none of the taints; throws the API error */
export function removeTaintOffNode(
  rt: ClusterRuntime,
  name: string,
  node: Readonly<KubeObject> | undefined,
  taints: readonly NodeTaint[],
  cause: string,
): void {
  if (taints.length === 0) return;
  if (node && !taints.some((t) => taintExists(taintsOf(node), t))) return;
  patchTaints(rt, name, (cur) => removeTaints(cur, taints), cause);
}

/** a failed write: recorded in the trace as the controller's error log */
export function traceError(rt: ClusterRuntime, target: string, e: unknown, cause: string): void {
  if (!(e instanceof StatusError)) throw e;
  rt.sim.trace.record({ actor: NODE_LIFECYCLE_ACTOR, action: 'error', target, message: e.message, cause });
}

/**
 * SwapNodeControllerTaint: add taintsToAdd (each stamped timeAdded = now), then remove taintsToRemove; false when
 * a write failed.
 */
export function swapNodeControllerTaint(
  rt: ClusterRuntime,
  node: Readonly<KubeObject>,
  taintsToAdd: readonly NodeTaint[],
  taintsToRemove: readonly NodeTaint[],
  cause: string,
): boolean {
  const name = node.metadata.name ?? '';
  const now = rt.sim.clock.nowRfc3339();
  const stamped = taintsToAdd.map((t) => ({ ...t, timeAdded: now }));
  try {
    addOrUpdateTaintOnNode(rt, name, stamped, cause);
    removeTaintOffNode(rt, name, node, taintsToRemove, cause);
    return true;
  } catch (e) {
    traceError(rt, `nodes/${name}`, e, cause);
    return false;
  }
}

/** the ObjectReference RecordNodeEvent / RecordNodeStatusChange build: v1 Node, name and UID, no namespace */
function nodeRef(name: string, uid: string | undefined): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, ...(uid ? { uid } : {}) } };
}

/** RecordNodeEvent: "Node <name> event: <event>" */
export function recordNodeEvent(
  rt: ClusterRuntime,
  node: Readonly<KubeObject>,
  reason: string,
  event: string,
): void {
  const name = node.metadata.name ?? '';
  rt.events.event(nodeRef(name, node.metadata.uid), 'Normal', reason, `Node ${name} event: ${event}`, SOURCE);
}

/** RecordNodeStatusChange: "Node <name> status is now: <status>" */
export function recordNodeStatusChange(
  rt: ClusterRuntime,
  node: Readonly<KubeObject>,
  newStatus: string,
): void {
  const name = node.metadata.name ?? '';
  rt.events.event(
    nodeRef(name, node.metadata.uid),
    'Normal',
    newStatus,
    `Node ${name} status is now: ${newStatus}`,
    SOURCE,
  );
}

/** MarkPodsNotReady: each pod's Ready condition False (lastTransitionTime now), then a NodeNotReady event */
export function markPodsNotReady(
  rt: ClusterRuntime,
  pods: readonly Readonly<KubeObject>[],
  nodeName: string,
  cause: string,
): void {
  const nowRfc = rt.sim.clock.nowRfc3339();
  for (const pod of pods) {
    if ((pod.spec as { nodeName?: string } | undefined)?.nodeName !== nodeName) continue;
    const conds = ((pod.status ?? {}) as { conditions?: NodeConditionJson[] }).conditions ?? [];
    if (!conds.some((c) => c.type === 'Ready' && c.status !== 'False')) continue;
    const conditions = conds.map((c) =>
      c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: nowRfc } : c,
    );
    try {
      const cur = rt.api.get('pods', pod.metadata.namespace, pod.metadata.name ?? '');
      rt.api.updateStatus(
        'pods',
        pod.metadata.namespace,
        { ...cur, status: { ...(cur.status as object), conditions } },
        { actor: NODE_LIFECYCLE_CONTROLLER, cause: `MarkPodsNotReady: ${cause}` },
      );
      rt.events.event(cur, 'Warning', 'NodeNotReady', 'Node is not ready', SOURCE);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e; // the pod went away meanwhile
    }
  }
}
