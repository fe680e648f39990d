// PodTopologySpread PreScore/Score/NormalizeScore for ScheduleAnyway constraints (and the system defaults).
// mirrors pkg/scheduler/framework/plugins/podtopologyspread/scoring.go.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, NodeScore, PluginContext } from '../../framework/types';
import { MAX_NODE_SCORE } from '../../framework/types';
import { requiredNodeAffinityOf } from '../nodeSelector';
import {
  countPodsMatchSelector,
  getConstraints,
  LABEL_HOSTNAME,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  type PodTopologySpreadArgs,
  type SpreadConstraint,
} from './common';

export interface PreScoreState {
  constraints: SpreadConstraint[];
  ignoredNodes: Set<string>;
  /** per constraint (non-hostname): topology value -> matching pods */
  topologyValueToPodCounts: Map<string, number>[];
  topologyNormalizingWeight: number[];
}

const nameOf = (ni: NodeInfo): string => ni.node.metadata?.name ?? '';

/** initPreScoreState + PreScore's counting; undefined = Skip (no soft constraints) */
export function calPreScoreState(
  pod: Pod,
  filteredNodes: readonly NodeInfo[],
  args: PodTopologySpreadArgs,
  ctx: PluginContext,
): PreScoreState | undefined {
  const allNodes = ctx.snapshot.list();
  if (allNodes.length === 0) return undefined;
  const systemDefaulted = args.defaultingType !== 'List';
  // only require all topology labels for non-system-default rules, so zone-less nodes still get hostname spreading
  const requireAll = (pod.spec?.topologySpreadConstraints?.length ?? 0) > 0 || !systemDefaulted;
  const constraints = getConstraints(pod, args, 'ScheduleAnyway', ctx);
  if (constraints.length === 0) return undefined;
  const s: PreScoreState = {
    constraints,
    ignoredNodes: new Set(),
    topologyValueToPodCounts: constraints.map(() => new Map()),
    topologyNormalizingWeight: [],
  };
  const topoSize = constraints.map(() => 0);
  for (const ni of filteredNodes) {
    const labels = ni.node.metadata?.labels;
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
      s.ignoredNodes.add(nameOf(ni));
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return; // per-node counts are done in Score
      const value = labels?.[c.topologyKey] ?? '';
      const m = s.topologyValueToPodCounts[i] as Map<string, number>;
      if (!m.has(value)) {
        m.set(value, 0);
        topoSize[i] = (topoSize[i] as number) + 1;
      }
    });
  }
  s.topologyNormalizingWeight = constraints.map((c, i) => {
    const size =
      c.topologyKey === LABEL_HOSTNAME ? filteredNodes.length - s.ignoredNodes.size : (topoSize[i] as number);
    return Math.log(size + 2);
  });
  const required = requiredNodeAffinityOf(pod);
  const ns = pod.metadata?.namespace ?? '';
  for (const ni of allNodes) {
    const node = ni.node;
    if (requireAll && !nodeLabelsMatchSpreadConstraints(node.metadata?.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchNodeInclusionPolicies(c, pod, node, required)) return;
      const m = s.topologyValueToPodCounts[i] as Map<string, number>;
      const value = node.metadata?.labels?.[c.topologyKey] ?? '';
      const cur = m.get(value);
      if (cur === undefined) return; // not a candidate domain (hostname constraints are never in the map)
      m.set(value, cur + countPodsMatchSelector(ni.pods, c.selector, ns));
    });
  }
  return s;
}

/** Score: Σ over constraints of count * ln(#domains + 2) + (maxSkew - 1), rounded */
export function scoreNode(s: PreScoreState, pod: Pod, ni: NodeInfo): number {
  if (s.ignoredNodes.has(nameOf(ni))) return 0;
  let score = 0;
  s.constraints.forEach((c, i) => {
    const tpVal = ni.node.metadata?.labels?.[c.topologyKey];
    if (tpVal === undefined) return;
    const cnt =
      c.topologyKey === LABEL_HOSTNAME
        ? countPodsMatchSelector(ni.pods, c.selector, pod.metadata?.namespace ?? '')
        : (s.topologyValueToPodCounts[i]?.get(tpVal) ?? 0);
    score += cnt * (s.topologyNormalizingWeight[i] as number) + (c.maxSkew - 1);
  });
  return Math.round(score);
}

/** NormalizeScore: fewer matching pods = higher score; 100 * (max + min - s) / max; ignored nodes get 0 */
export function normalize(s: PreScoreState, scores: NodeScore[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (const sc of scores) {
    if (s.ignoredNodes.has(sc.name)) continue;
    if (sc.score < min) min = sc.score;
    if (sc.score > max) max = sc.score;
  }
  for (const sc of scores) {
    if (s.ignoredNodes.has(sc.name)) sc.score = 0;
    else if (max === 0) sc.score = MAX_NODE_SCORE;
    else sc.score = Math.trunc((MAX_NODE_SCORE * (max + min - sc.score)) / max);
  }
}
