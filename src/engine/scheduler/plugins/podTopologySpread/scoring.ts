// PodTopologySpread PreScore/Score/NormalizeScore for ScheduleAnyway constraints (and the system defaults).
// mirrors pkg/scheduler/framework/plugins/podtopologyspread/scoring.go.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, NodeScore, PluginContext, SnapshotLister } from '../../framework/types';
import { MAX_NODE_SCORE } from '../../framework/types';
import { podMatchesEveryNode, requiredNodeAffinityOf, type RequiredNodeAffinity } from '../nodeSelector';
import { countPodsMatchSelector } from '../../podCountMemo';
import { domainCounter, inclusionIgnoresPod } from './domainCounts';
import {
  getConstraints,
  LABEL_HOSTNAME,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  type PodTopologySpreadArgs,
  type SpreadConstraint,
} from './common';

export interface PreScoreState {
  constraints: readonly SpreadConstraint[];
  ignoredNodes: Set<string>;
  /** per constraint (non-hostname): topology value -> matching pods */
  topologyValueToPodCounts: Map<string, number>[];
  topologyNormalizingWeight: number[];
  /** the pod's namespace (pods of other namespaces are not counted) */
  namespace: string;
}

const HOSTNAME = LABEL_HOSTNAME;

const nameOf = (ni: NodeInfo): string => ni.node.metadata?.name ?? '';

/** initPreScoreState's domains: every feasible node's topology values (nodes lacking a label are ignored) */
function collectDomains(s: PreScoreState, filteredNodes: readonly NodeInfo[], requireAll: boolean): number[] {
  const constraints = s.constraints;
  const topoSize: number[] = new Array<number>(constraints.length).fill(0);
  for (const ni of filteredNodes) {
    const labels = ni.node.metadata?.labels;
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
      s.ignoredNodes.add(nameOf(ni));
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i] as SpreadConstraint;
      if (c.topologyKey === HOSTNAME) continue; // per-node counts are done in Score
      const value = labels?.[c.topologyKey] ?? '';
      const m = s.topologyValueToPodCounts[i] as Map<string, number>;
      if (!m.has(value)) {
        m.set(value, 0);
        topoSize[i] = (topoSize[i] as number) + 1;
      }
    }
  }
  return topoSize;
}

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
  const n = constraints.length;
  const ns = pod.metadata?.namespace ?? '';
  const s: PreScoreState = {
    constraints,
    ignoredNodes: new Set(),
    topologyValueToPodCounts: [],
    topologyNormalizingWeight: new Array<number>(n),
    namespace: ns,
  };
  let anyDomainKey = false;
  for (let i = 0; i < n; i++) {
    s.topologyValueToPodCounts.push(new Map());
    if ((constraints[i] as SpreadConstraint).topologyKey !== HOSTNAME) anyDomainKey = true;
  }
  const topoSize = collectDomains(s, filteredNodes, requireAll);
  for (let i = 0; i < n; i++) {
    const size =
      (constraints[i] as SpreadConstraint).topologyKey === HOSTNAME
        ? filteredNodes.length - s.ignoredNodes.size
        : (topoSize[i] as number);
    s.topologyNormalizingWeight[i] = Math.log(size + 2);
  }
  // hostname constraints are never in the maps: with only those there is nothing to count here
  if (anyDomainKey) countDomains(s, pod, allNodes, requireAll, ctx.snapshot);
  return s;
}

/**
 * PreScore's parallel count over all nodes: matching pods per candidate domain. Where a constraint's node inclusion
 * does not depend on the pod, the counts come from a DomainCounter kept across cycles (same sums, per domain)
 */
function countDomains(
  s: PreScoreState,
  pod: Pod,
  allNodes: readonly NodeInfo[],
  requireAll: boolean,
  snapshot: SnapshotLister,
): void {
  const constraints = s.constraints;
  const everyNode = podMatchesEveryNode(pod);
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as SpreadConstraint;
    if (c.topologyKey === HOSTNAME) continue; // not a candidate domain (hostname constraints are never in the map)
    const m = s.topologyValueToPodCounts[i] as Map<string, number>;
    const counter = inclusionIgnoresPod(c, everyNode)
      ? domainCounter(snapshot, constraints, i, requireAll, s.namespace)
      : undefined;
    if (counter !== undefined) {
      counter.refresh(allNodes);
      for (const value of m.keys()) m.set(value, counter.totals.get(value) ?? 0);
    } else countConstraint(s, i, pod, allNodes, requireAll, requiredNodeAffinityOf(pod));
  }
}

/** the from-scratch count of constraint i over all nodes */
export function countConstraint(
  s: PreScoreState,
  i: number,
  pod: Pod,
  allNodes: readonly NodeInfo[],
  requireAll: boolean,
  required: RequiredNodeAffinity,
): void {
  const constraints = s.constraints;
  const c = constraints[i] as SpreadConstraint;
  const m = s.topologyValueToPodCounts[i] as Map<string, number>;
  for (const ni of allNodes) {
    const node = ni.node;
    const labels = node.metadata?.labels;
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) continue;
    if (!matchNodeInclusionPolicies(c, pod, node, required)) continue;
    const value = labels?.[c.topologyKey] ?? '';
    const cur = m.get(value);
    if (cur === undefined) continue; // not a candidate domain
    m.set(value, cur + countPodsMatchSelector(ni.pods, c.selector, s.namespace));
  }
}

/** Score: Σ over constraints of count * ln(#domains + 2) + (maxSkew - 1), rounded */
export function scoreNode(s: PreScoreState, _pod: Pod, ni: NodeInfo): number {
  if (s.ignoredNodes.size > 0 && s.ignoredNodes.has(nameOf(ni))) return 0;
  let score = 0;
  const labels = ni.node.metadata?.labels;
  const constraints = s.constraints;
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i] as SpreadConstraint;
    const tpVal = labels?.[c.topologyKey];
    if (tpVal === undefined) continue;
    const cnt =
      c.topologyKey === HOSTNAME
        ? countPodsMatchSelector(ni.pods, c.selector, s.namespace)
        : (s.topologyValueToPodCounts[i]?.get(tpVal) ?? 0);
    score += cnt * (s.topologyNormalizingWeight[i] as number) + (c.maxSkew - 1);
  }
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
