// InterPodAffinity PreScore/Score/NormalizeScore: weights of preferred terms both ways, plus existing pods' hard affinity.
// mirrors pkg/scheduler/framework/plugins/interpodaffinity/scoring.go.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, NodeScore, PluginContext } from '../../framework/types';
import { MAX_NODE_SCORE } from '../../framework/types';
import {
  memoNamespaceLabels,
  parsedAffinityOf,
  termMatches,
  type AffinityTerm,
  type NamespaceLabels,
  type WeightedAffinityTerm,
} from './terms';

export interface InterPodAffinityArgs {
  /** weight of existing pods' required affinity terms the incoming pod matches (default 1) */
  hardPodAffinityWeight?: number;
  ignorePreferredTermsOfExistingPods?: boolean;
}

/** topologyKey -> topology value -> score */
export type TopologyScore = Map<string, Map<string, number>>;

function processTerm(
  m: TopologyScore,
  term: AffinityTerm,
  weight: number,
  pod: Pod,
  ns: NamespaceLabels,
  node: Node,
  mult: number,
): void {
  if (!termMatches(term, pod, ns)) return;
  const v = node.metadata?.labels?.[term.topologyKey];
  if (v === undefined) return;
  let byValue = m.get(term.topologyKey);
  if (byValue === undefined) {
    byValue = new Map();
    m.set(term.topologyKey, byValue);
  }
  byValue.set(v, (byValue.get(v) ?? 0) + weight * mult);
}

function processTerms(
  m: TopologyScore,
  terms: readonly WeightedAffinityTerm[],
  pod: Pod,
  ns: NamespaceLabels,
  node: Node,
  mult: number,
): void {
  for (const t of terms) processTerm(m, t, t.weight, pod, ns, node, mult);
}

/** PreScore; undefined = Skip (nothing to score) */
export function calPreScoreState(
  pod: Pod,
  nodes: readonly NodeInfo[],
  args: InterPodAffinityArgs,
  ctx: PluginContext,
): TopologyScore | undefined {
  if (nodes.length === 0) return undefined;
  const parsed = parsedAffinityOf(pod);
  if (parsed.parseError !== undefined) return undefined;
  const hasConstraints = parsed.preferredAffinity.length > 0 || parsed.preferredAntiAffinity.length > 0;
  if (args.ignorePreferredTermsOfExistingPods === true && !hasConstraints) return undefined;
  const hardWeight = args.hardPodAffinityWeight ?? 1;
  const ns = memoNamespaceLabels((n) => ctx.namespaceLabels(n));
  const m: TopologyScore = new Map();
  // unless the incoming pod has preferred terms, only pods with affinity can contribute
  const allNodes = hasConstraints ? ctx.snapshot.list() : ctx.snapshot.havePodsWithAffinity();
  for (const ni of allNodes) {
    const node = ni.node;
    if (Object.keys(node.metadata?.labels ?? {}).length === 0) continue;
    for (const existing of hasConstraints ? ni.pods : ni.podsWithAffinity) {
      processTerms(m, parsed.preferredAffinity, existing, ns, node, 1);
      processTerms(m, parsed.preferredAntiAffinity, existing, ns, node, -1);
      const ex = parsedAffinityOf(existing);
      if (hardWeight > 0)
        for (const t of ex.requiredAffinity) processTerm(m, t, hardWeight, pod, ns, node, 1);
      processTerms(m, ex.preferredAffinity, pod, ns, node, 1);
      processTerms(m, ex.preferredAntiAffinity, pod, ns, node, -1);
    }
  }
  return m.size === 0 ? undefined : m;
}

export function scoreNode(m: TopologyScore, ni: NodeInfo): number {
  let score = 0;
  const labels = ni.node.metadata?.labels ?? {};
  for (const [key, byValue] of m) {
    const v = labels[key];
    if (v !== undefined) score += byValue.get(v) ?? 0;
  }
  return score;
}

/** NormalizeScore: 100 * (s - min) / (max - min); all 0 when max == min */
export function normalize(scores: NodeScore[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  let max = Number.MIN_SAFE_INTEGER;
  for (const s of scores) {
    if (s.score > max) max = s.score;
    if (s.score < min) min = s.score;
  }
  const diff = max - min;
  for (const s of scores) s.score = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s.score - min) / diff)) : 0;
}
