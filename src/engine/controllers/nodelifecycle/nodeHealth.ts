// Node health bookkeeping (pure): when was the node last heard from, and which conditions turn Unknown.
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth.

/** kube-controller-manager --node-monitor-period default */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/**
 * --node-monitor-grace-period: 50 s since v1.32 (was 40 s in cmd/kube-controller-manager/app/options/
 * nodelifecyclecontroller.go before; raised to exceed the kubelet's 40 s lease duration).
 */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;

export interface NodeHealth {
  /** when the controller last saw a lease renewal or a status post */
  probeMs: number;
  lastRenewTime?: string;
  lastHeartbeatTime?: string;
}

export interface NodeConditionJson {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

/** the conditions the controller sets Unknown (kubelet-owned conditions) */
export const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/** record a heartbeat seen now: a new lease renewTime or a new Ready lastHeartbeatTime */
export function observeHeartbeat(
  h: NodeHealth,
  renewTime: string | undefined,
  heartbeat: string | undefined,
  nowMs: number,
): void {
  if (renewTime !== undefined && renewTime !== h.lastRenewTime) {
    h.lastRenewTime = renewTime;
    h.probeMs = nowMs;
  }
  if (heartbeat !== undefined && heartbeat !== h.lastHeartbeatTime) {
    h.lastHeartbeatTime = heartbeat;
    h.probeMs = nowMs;
  }
}

/**
 * Conditions after the grace period expired: each monitored condition not already Unknown becomes Unknown with
 * reason NodeStatusUnknown (or NodeStatusNeverUpdated when it was never posted). undefined: nothing to change.
 */
export function conditionsGoneUnknown(
  conditions: readonly NodeConditionJson[],
  nowRfc3339: string,
): NodeConditionJson[] | undefined {
  const out = conditions.map((c) => ({ ...c }));
  let changed = false;
  for (const type of MONITORED_CONDITIONS) {
    const c = out.find((x) => x.type === type);
    if (!c) {
      out.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: nowRfc3339,
        lastTransitionTime: nowRfc3339,
      });
      changed = true;
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = nowRfc3339;
      changed = true;
    }
  }
  return changed ? out : undefined;
}
