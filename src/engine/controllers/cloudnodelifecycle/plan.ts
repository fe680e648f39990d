// What the cloud node lifecycle controller does with one node on a monitor pass (pure).
// mirrors k8s.io/cloud-provider/controllers/nodelifecycle/node_lifecycle_controller.go MonitorNodes.
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { TAINT_SHUTDOWN, TAINT_UNINITIALIZED } from '../cloudnode/initialize';

/** uninitializedNodeDelay: a node still waiting for the node controller is left alone this long */
export const UNINITIALIZED_NODE_DELAY_MS = 60_000;

export type LifecycleAction = 'none' | 'remove-shutdown-taint' | 'delete' | 'add-shutdown-taint';

export interface CloudView {
  exists: boolean;
  shutdown: boolean;
}

/**
 * Ready=True: drop the shutdown taint if present. Otherwise (NotReady or Unknown, missing counts as Unknown): a
 * node still uninitialized for under a minute waits; one whose instance is gone is deleted; one whose instance is
 * shut down gets the shutdown taint.
 */
export function lifecycleAction(node: Readonly<Node>, ageMs: number, cloud: CloudView): LifecycleAction {
  const taints = node.spec?.taints ?? [];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
  if (ready === 'True') return hasShutdownTaint(taints) ? 'remove-shutdown-taint' : 'none';
  if (!node.spec?.providerID && taints.some((t) => t.key === TAINT_UNINITIALIZED)) {
    if (ageMs < UNINITIALIZED_NODE_DELAY_MS) return 'none';
  }
  if (!cloud.exists) return 'delete';
  if (cloud.shutdown && !hasShutdownTaint(taints)) return 'add-shutdown-taint';
  return 'none';
}

/** taint.MatchTaint(ShutdownTaint): same key and effect */
export function hasShutdownTaint(taints: readonly Taint[]): boolean {
  return taints.some((t) => t.key === TAINT_SHUTDOWN && t.effect === 'NoSchedule');
}

/** the taint list with the shutdown taint added or removed; undefined when unchanged */
export function withShutdownTaint(taints: readonly Taint[], wanted: boolean): Taint[] | undefined {
  const has = hasShutdownTaint(taints);
  if (has === wanted) return undefined;
  return wanted
    ? [...taints, { key: TAINT_SHUTDOWN, effect: 'NoSchedule' }]
    : taints.filter((t) => !(t.key === TAINT_SHUTDOWN && t.effect === 'NoSchedule'));
}
