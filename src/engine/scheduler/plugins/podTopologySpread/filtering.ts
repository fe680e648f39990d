// PodTopologySpread PreFilter/Filter: per constraint, matching pods per topology domain and the skew check.
// mirrors pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (calPreFilterState, Filter).
import type { Pod } from 'kubernetes-types/core/v1';
import type { PluginContext, PluginStatus } from '../../framework/types';
import { success, unresolvable, unschedulable } from '../../framework/types';
import { requiredNodeAffinityOf } from '../nodeSelector';
import { countPodsMatchSelector } from '../../podCountMemo';
import {
  ERR_REASON_CONSTRAINTS_NOT_MATCH,
  ERR_REASON_NODE_LABEL_NOT_MATCH,
  getConstraints,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  POD_TOPOLOGY_SPREAD,
  type PodTopologySpreadArgs,
  type SpreadConstraint,
} from './common';

const MAX_INT32 = 2147483647;

export interface PreFilterState {
  constraints: readonly SpreadConstraint[];
  /** per constraint: topology value -> matching pods */
  tpValueToMatchNum: Map<string, number>[];
  /** per constraint: the smallest count over its domains (MaxInt32 when there are none) */
  minMatchNum: number[];
}

export function calPreFilterState(pod: Pod, args: PodTopologySpreadArgs, ctx: PluginContext): PreFilterState {
  const constraints = getConstraints(pod, args, 'DoNotSchedule', ctx);
  const tpValueToMatchNum = constraints.map(() => new Map<string, number>());
  if (constraints.length === 0) return { constraints, tpValueToMatchNum, minMatchNum: [] };
  const required = requiredNodeAffinityOf(pod);
  const ns = pod.metadata?.namespace ?? '';
  for (const ni of ctx.snapshot.list()) {
    const node = ni.node;
    const labels = node.metadata?.labels;
    if (!nodeLabelsMatchSpreadConstraints(labels, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i] as SpreadConstraint;
      if (!matchNodeInclusionPolicies(c, pod, node, required)) continue;
      const value = labels?.[c.topologyKey] as string;
      const m = tpValueToMatchNum[i] as Map<string, number>;
      m.set(value, (m.get(value) ?? 0) + countPodsMatchSelector(ni.pods, c.selector, ns));
    }
  }
  const minMatchNum = tpValueToMatchNum.map((m) => {
    let min = MAX_INT32;
    for (const v of m.values()) if (v < min) min = v;
    return min;
  });
  return { constraints, tpValueToMatchNum, minMatchNum };
}

/** Filter: 'existing matching num' + 'self-match (1 or 0)' - 'global minimum' <= maxSkew for every constraint */
export function filterNode(
  s: PreFilterState,
  pod: Pod,
  labels: Readonly<Record<string, string>> | undefined,
): PluginStatus {
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i] as SpreadConstraint;
    const tpVal = labels?.[c.topologyKey];
    if (tpVal === undefined) return unresolvable(POD_TOPOLOGY_SPREAD, ERR_REASON_NODE_LABEL_NOT_MATCH);
    const counts = s.tpValueToMatchNum[i] as Map<string, number>;
    // fewer eligible domains than minDomains: the global minimum is treated as 0
    const minMatch = counts.size < c.minDomains ? 0 : (s.minMatchNum[i] as number);
    const selfMatch = c.selector.matches(pod.metadata?.labels) ? 1 : 0;
    const skew = (counts.get(tpVal) ?? 0) + selfMatch - minMatch;
    if (skew > c.maxSkew) return unschedulable(POD_TOPOLOGY_SPREAD, ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return success();
}
