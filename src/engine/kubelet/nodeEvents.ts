// The kubelet's Events about its own Node. They go to kl.nodeRef (pkg/kubelet/kubelet.go NewMainKubelet: Kind Node,
// UID = the node's name, no namespace, so they land in "default"), from source kubelet/<node>: the birth cry at start
// (BirthCry), NodeAllocatableEnforced (cm/node_container_manager_linux.go enforceNodeAllocatableCgroups), the node
// status setters' transitions (nodestatus/setters.go, recorded by kubelet_node_status.go recordNodeStatusEvent) and
// cordon / uncordon as recordNodeSchedulableEvent sees it.
import type { NodeCondition } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../cluster/types';
import type { EventType } from '../events/types';
import type { KubeObject } from '../types/object';

/** kl.nodeRef: an ObjectReference, not the Node (no apiVersion, no resourceVersion, the name as UID) */
export function kubeletNodeRef(node: string): KubeObject {
  return { apiVersion: '', kind: 'Node', metadata: { name: node, uid: node } };
}

/** kl.recordEvent: an Event with its own message on the node reference */
export function recordNodeEvent(
  rt: ClusterRuntime,
  node: string,
  type: EventType,
  reason: string,
  message: string,
): void {
  rt.events.event(kubeletNodeRef(node), type, reason, message, { component: 'kubelet', host: node });
}

/** kubelet_node_status.go recordNodeStatusEvent: "Node %s status is now: %s" */
export function recordNodeStatusEvent(
  rt: ClusterRuntime,
  node: string,
  type: EventType,
  event: string,
): void {
  recordNodeEvent(rt, node, type, event, `Node ${node} status is now: ${event}`);
}

/**
 * What a kubelet records when it starts: BirthCry (events.StartingKubelet) from createAndInitKubelet, then, once the
 * runtime is up, the container manager's NodeAllocatableEnforced (events.SuccessfulNodeAllocatableEnforcement; the
 * default enforceNodeAllocatable is ["pods"]).
 */
export function recordKubeletStart(rt: ClusterRuntime, node: string): void {
  recordNodeEvent(rt, node, 'Normal', 'Starting', 'Starting kubelet.');
  recordNodeEvent(
    rt,
    node,
    'Normal',
    'NodeAllocatableEnforced',
    'Updated Node Allocatable limit across pods',
  );
}

/** the pressure setters of nodestatus/setters.go: the event each records when its condition turns True / False */
const PRESSURE_EVENTS: ReadonlyArray<readonly [type: string, whenTrue: string, whenFalse: string]> = [
  ['MemoryPressure', 'NodeHasInsufficientMemory', 'NodeHasSufficientMemory'],
  ['DiskPressure', 'NodeHasDiskPressure', 'NodeHasNoDiskPressure'],
  ['PIDPressure', 'NodeHasInsufficientPID', 'NodeHasSufficientPID'],
];

/**
 * The status events the setters record going from `previous` to `next` conditions, in setter order
 * (MemoryPressure, DiskPressure, PIDPressure, Ready). A pressure setter starts a missing condition as Unknown, so it
 * records on the first status too; ReadyCondition records NodeReady / NodeNotReady only when an existing Ready
 * condition changes status (an appended one records nothing).
 */
export function conditionEvents(
  previous: readonly NodeCondition[],
  next: readonly NodeCondition[],
): string[] {
  const out: string[] = [];
  const status = (list: readonly NodeCondition[], type: string) => list.find((c) => c.type === type)?.status;
  for (const [type, whenTrue, whenFalse] of PRESSURE_EVENTS) {
    const now = status(next, type);
    if (now !== 'True' && now !== 'False') continue;
    if ((status(previous, type) ?? 'Unknown') !== now) out.push(now === 'True' ? whenTrue : whenFalse);
  }
  const wasReady = status(previous, 'Ready');
  const ready = status(next, 'Ready');
  if (wasReady !== undefined && ready !== undefined && wasReady !== ready)
    out.push(ready === 'True' ? 'NodeReady' : 'NodeNotReady');
  return out;
}

/** "Node %s has been rebooted, boot id: %s" (nodestatus/setters.go MachineInfo, events.NodeRebooted) */
export function rebootedMessage(node: string, bootID: string): string {
  return `Node ${node} has been rebooted, boot id: ${bootID}`;
}
