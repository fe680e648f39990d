// Test helpers for the node lifecycle controller: taints, conditions, the controller's trace lines, node events.
import type { Cluster } from '../../index';
import type { NodeSpec } from '../../cluster/types';
import type { NodeConditionJson } from './nodeHealth';
import type { NodeTaint } from './taints';
import { NODE_LIFECYCLE_ACTOR } from './nodeWrites';

export function taintsOf(cluster: Cluster, node: string): NodeTaint[] {
  return (cluster.runtime.api.get('nodes', undefined, node).spec as { taints?: NodeTaint[] }).taints ?? [];
}

export function noExecuteAt(cluster: Cluster, node: string): number | undefined {
  const t = taintsOf(cluster, node).find((x) => x.effect === 'NoExecute');
  return t?.timeAdded === undefined ? undefined : cluster.runtime.sim.clock.fromRfc3339(t.timeAdded);
}

export function readyOf(cluster: Cluster, node: string): NodeConditionJson | undefined {
  const status = cluster.runtime.api.get('nodes', undefined, node).status as
    { conditions?: NodeConditionJson[] } | undefined;
  return status?.conditions?.find((c) => c.type === 'Ready');
}

/** the controller's klog lines about zones (trace action zone-state), with their virtual time */
export function zoneLogs(cluster: Cluster): { timeMs: number; message: string }[] {
  return cluster.runtime.sim.trace
    .all()
    .filter((r) => r.actor === NODE_LIFECYCLE_ACTOR && r.action === 'zone-state')
    .map((r) => ({ timeMs: r.timeMs, message: r.message ?? '' }));
}

export interface NodeEventView {
  reason: string;
  message: string;
  involvedObject: Record<string, unknown>;
  source: Record<string, unknown>;
}

export function nodeEvents(cluster: Cluster, reason: string): NodeEventView[] {
  return cluster.runtime.api
    .list('events', 'default')
    .items.filter((e) => e.reason === reason && (e.involvedObject as { kind?: string }).kind === 'Node')
    .map((e) => e as unknown as NodeEventView);
}

/** n worker nodes named prefix-1.. in one zone */
export function zoneNodes(prefix: string, zone: string, n: number): NodeSpec[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${prefix}-${i + 1}`, zone }));
}
