// Node health bookkeeping (pure): when was the node last heard from, and which conditions turn Unknown.
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth.

/** kube-controller-manager --node-monitor-period default */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/**
 * --node-monitor-grace-period: 50 s since v1.32 (was 40 s in cmd/kube-controller-manager/app/options/
 * nodelifecyclecontroller.go before; raised to exceed the kubelet's 40 s lease duration).
 */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** --node-startup-grace-period default (config/v1alpha1 defaults): for nodes whose Ready was never posted */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** scheduler.NodeHealthUpdateRetry: tries of the status write per pass */
export const NODE_HEALTH_UPDATE_RETRY = 5;

export interface NodeConditionJson {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

/** nodeHealthData: the controller's memory of a node */
export interface NodeHealth {
  /** when the controller last saw a lease renewal or a status post */
  probeMs: number;
  readyTransitionMs: number;
  /** the Ready condition of the status it saved (undefined: that status had none) */
  savedReady?: NodeConditionJson;
  /** the lease it saved (undefined: none) */
  lease?: { renewMs?: number };
}

/** what one pass reads of a node */
export interface NodeObservation {
  conditions: readonly NodeConditionJson[];
  creationMs: number;
  creationRfc3339: string;
  /** the node's Lease in kube-node-lease (undefined: none) */
  lease?: { renewMs?: number };
}

export interface HealthClock {
  nowMs: number;
  nowRfc3339: string;
  monitorGraceMs: number;
  startupGraceMs: number;
}

export interface HealthUpdate {
  /** the health to keep (also when the status write below fails) */
  health: NodeHealth;
  gracePeriodMs: number;
  /** the Ready condition before this pass (a fake Unknown one when never posted) */
  observedReady: NodeConditionJson;
  /** the Ready condition after it (undefined: the node has none) */
  currentReady?: NodeConditionJson;
  /** grace expired and Ready changed: the conditions to write, and the health to keep once written */
  write?: { conditions: NodeConditionJson[]; health: NodeHealth };
}

/** the conditions the controller sets Unknown (kubelet-owned conditions; not NetworkUnavailable) */
export const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

function readyOf(conditions: readonly NodeConditionJson[]): NodeConditionJson | undefined {
  return conditions.find((c) => c.type === 'Ready');
}

/** apiequality.Semantic.DeepEqual of two conditions */
function sameCondition(a: NodeConditionJson | undefined, b: NodeConditionJson): boolean {
  return (
    a !== undefined &&
    a.type === b.type &&
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.lastHeartbeatTime === b.lastHeartbeatTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}

/** tryUpdateNodeHealth: the node's health after this observation, and the status write it calls for */
export function tryUpdateNodeHealth(
  prev: NodeHealth | undefined,
  obs: NodeObservation,
  clock: HealthClock,
): HealthUpdate {
  const now = clock.nowMs;
  let health = prev ? { ...prev } : undefined;
  const current = readyOf(obs.conditions);
  let observedReady: NodeConditionJson;
  let gracePeriodMs: number;
  if (!current) {
    // never posted: a fake Unknown Ready dated at the node's creation, under the startup grace period
    observedReady = {
      type: 'Ready',
      status: 'Unknown',
      lastHeartbeatTime: obs.creationRfc3339,
      lastTransitionTime: obs.creationRfc3339,
    };
    gracePeriodMs = clock.startupGraceMs;
    if (health) health.savedReady = undefined;
    else health = { probeMs: obs.creationMs, readyTransitionMs: obs.creationMs };
  } else {
    observedReady = { ...current };
    gracePeriodMs = clock.monitorGraceMs;
  }
  const saved = health?.savedReady;
  const savedLease = health?.lease;
  if (!health || (!saved && current)) {
    // first sight of the node, or of its Ready condition: "now" is the timestamp (the saved lease is dropped)
    health = { probeMs: now, readyTransitionMs: now, savedReady: current };
  } else if (saved && current && saved.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transition =
      saved.lastTransitionTime !== current.lastTransitionTime ? now : health.readyTransitionMs;
    health = { probeMs: now, readyTransitionMs: transition, savedReady: current };
  }
  // always update the probe time if the node lease is renewed
  const lease = obs.lease;
  if (
    lease &&
    (!savedLease ||
      (savedLease.renewMs !== undefined && lease.renewMs !== undefined && savedLease.renewMs < lease.renewMs))
  ) {
    health = { ...health, lease, probeMs: now };
  }
  if (now > health.probeMs + gracePeriodMs) {
    const conditions = conditionsGoneUnknown(obs.conditions, clock.nowRfc3339, obs.creationRfc3339);
    const currentReady = readyOf(conditions ?? obs.conditions);
    if (conditions && currentReady && !sameCondition(currentReady, observedReady)) {
      const written: NodeHealth = {
        probeMs: health.probeMs,
        readyTransitionMs: now,
        savedReady: currentReady,
        ...(lease ? { lease } : {}),
      };
      return { health, gracePeriodMs, observedReady, currentReady, write: { conditions, health: written } };
    }
    return { health, gracePeriodMs, observedReady, currentReady };
  }
  return { health, gracePeriodMs, observedReady, currentReady: current };
}

/**
 * Conditions after the grace period expired: each monitored condition not already Unknown becomes Unknown with
 * reason NodeStatusUnknown; one never posted is added Unknown with reason NodeStatusNeverUpdated and
 * lastHeartbeatTime the node's creationTimestamp. undefined: nothing to change.
 */
export function conditionsGoneUnknown(
  conditions: readonly NodeConditionJson[],
  nowRfc3339: string,
  creationRfc3339: string,
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
        lastHeartbeatTime: creationRfc3339,
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
