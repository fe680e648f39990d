// Zones and zone disruption (pure): which zone a node is in, each zone's state from its nodes' Ready conditions,
// and what handleDisruption does when states change (tainting rate per zone, "master disruption mode").
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go ComputeZoneState, handleDisruption,
// setLimiterInZone, ReducedQPSFunc/HealthyQPSFunc, and component-helpers/node/topology GetZoneKey.

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/** kube-controller-manager --node-eviction-rate */
export const EVICTION_LIMITER_QPS = 0.1;
/** --secondary-node-eviction-rate */
export const SECONDARY_EVICTION_LIMITER_QPS = 0.01;
/** --large-cluster-size-threshold */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** --unhealthy-zone-threshold */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** labelNodeDisruptionExclusion: nodes with this label are left out of zone states */
export const LABEL_NODE_DISRUPTION_EXCLUSION = 'node.kubernetes.io/exclude-disruption';

export interface DisruptionConfig {
  evictionLimiterQPS: number;
  secondaryEvictionLimiterQPS: number;
  largeClusterThreshold: number;
  unhealthyZoneThreshold: number;
}

export const DEFAULT_DISRUPTION_CONFIG: DisruptionConfig = {
  evictionLimiterQPS: EVICTION_LIMITER_QPS,
  secondaryEvictionLimiterQPS: SECONDARY_EVICTION_LIMITER_QPS,
  largeClusterThreshold: LARGE_CLUSTER_SIZE_THRESHOLD,
  unhealthyZoneThreshold: UNHEALTHY_ZONE_THRESHOLD,
};

/**
 * nodetopology.GetZoneKey: region + ":\x00:" + zone from the beta failure-domain labels, else the topology ones;
 * "" when the node has neither.
 */
export function getZoneKey(labels: Readonly<Record<string, string>> | undefined): string {
  if (!labels) return '';
  const zone =
    labels['failure-domain.beta.kubernetes.io/zone'] ?? labels['topology.kubernetes.io/zone'] ?? '';
  const region =
    labels['failure-domain.beta.kubernetes.io/region'] ?? labels['topology.kubernetes.io/region'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\x00:${zone}`;
}

/** a zone key for messages (the NUL byte klog would print is dropped) */
export function zoneName(key: string): string {
  return key.replace(':\x00:', ':');
}

export function isNodeExcludedFromDisruptionChecks(
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  return labels !== undefined && LABEL_NODE_DISRUPTION_EXCLUSION in labels;
}

/**
 * ComputeZoneState from the zone's Ready statuses (undefined: no Ready condition): no Ready node -> full disruption;
 * more than 2 not ready and at least unhealthyZoneThreshold of them -> partial; else normal. Returns [notReady, state].
 */
export function computeZoneState(
  readyStatuses: readonly (string | undefined)[],
  unhealthyZoneThreshold = UNHEALTHY_ZONE_THRESHOLD,
): [number, ZoneState] {
  const ready = readyStatuses.filter((s) => s === 'True').length;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return [notReady, 'FullDisruption'];
  // float32(notReady)/float32(notReady+ready) >= float32 threshold
  if (notReady > 2 && Math.fround(notReady / (notReady + ready)) >= Math.fround(unhealthyZoneThreshold))
    return [notReady, 'PartialDisruption'];
  return [notReady, 'Normal'];
}

/** setLimiterInZone: the tainting QPS for a zone of zoneSize nodes in state (undefined: Initial keeps its limiter) */
export function limiterQPSFor(state: ZoneState, zoneSize: number, cfg: DisruptionConfig): number | undefined {
  switch (state) {
    case 'Normal':
      return cfg.evictionLimiterQPS;
    case 'PartialDisruption':
      // ReducedQPSFunc: large zones taint slower, small ones stop
      return zoneSize > cfg.largeClusterThreshold ? cfg.secondaryEvictionLimiterQPS : 0;
    case 'FullDisruption':
      // HealthyQPSFunc
      return cfg.evictionLimiterQPS;
    default:
      return undefined;
  }
}

export interface DisruptionActions {
  /** entering master disruption mode: take the NoExecute taints off every node (markNodeAsReachable) */
  markAllReachable: boolean;
  /** exiting it: every node's probe and ready-transition timestamps restart now */
  resetProbes: boolean;
  /** SwapLimiter(qps) per zone, in order */
  limiters: [string, number][];
  /** the controller's klog lines */
  logs: string[];
}

/**
 * handleDisruption: zoneStates (the controller's, updated in place) against this pass's Ready statuses per zone.
 * Zones are visited in insertion order (Go ranges over its map in random order).
 */
export function handleDisruption(
  zoneStates: Map<string, ZoneState>,
  zoneToReady: ReadonlyMap<string, readonly (string | undefined)[]>,
  cfg: DisruptionConfig,
): DisruptionActions {
  const out: DisruptionActions = { markAllReachable: false, resetProbes: false, limiters: [], logs: [] };
  const newStates = new Map<string, ZoneState>();
  let allAreFullyDisrupted = true;
  for (const [zone, statuses] of zoneToReady) {
    const [, state] = computeZoneState(statuses, cfg.unhealthyZoneThreshold);
    if (state !== 'FullDisruption') allAreFullyDisrupted = false;
    newStates.set(zone, state);
    if (!zoneStates.has(zone)) {
      out.logs.push(`Setting initial state for unseen zone zone="${zoneName(zone)}"`);
      zoneStates.set(zone, 'Initial');
    }
  }
  let allWasFullyDisrupted = true;
  for (const [zone, state] of [...zoneStates]) {
    if (!zoneToReady.has(zone)) {
      zoneStates.delete(zone);
      continue;
    }
    if (state !== 'FullDisruption') {
      allWasFullyDisrupted = false;
      break;
    }
  }
  if (allAreFullyDisrupted && allWasFullyDisrupted) return out;
  if (allAreFullyDisrupted) {
    out.logs.push('Controller detected that all Nodes are not-Ready. Entering master disruption mode');
    out.markAllReachable = true;
    for (const zone of zoneStates.keys()) out.limiters.push([zone, 0]);
    for (const zone of zoneStates.keys()) zoneStates.set(zone, 'FullDisruption');
    return out;
  }
  const setLimiter = (zone: string, state: ZoneState) => {
    const qps = limiterQPSFor(state, zoneToReady.get(zone)?.length ?? 0, cfg);
    if (qps !== undefined) out.limiters.push([zone, qps]);
    zoneStates.set(zone, state);
  };
  if (allWasFullyDisrupted) {
    out.logs.push('Controller detected that some Nodes are Ready. Exiting master disruption mode');
    out.resetProbes = true;
    for (const zone of [...zoneStates.keys()]) setLimiter(zone, newStates.get(zone) ?? 'Initial');
    return out;
  }
  for (const [zone, state] of [...zoneStates]) {
    const next = newStates.get(zone) ?? 'Initial';
    if (state === next) continue;
    out.logs.push(
      `Controller detected that zone is now in new state zone="${zoneName(zone)}" newState="${next}"`,
    );
    setLimiter(zone, next);
  }
  return out;
}
