// NodeAffinity: filter on spec.nodeSelector + required node affinity; score by preferred terms' weights.
// mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (args.addedAffinity supported; PreFilter
// returns the PreFilterResult of pods pinned to node names).
import type { NodeAffinity as V1NodeAffinity } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/types';
import { MAX_NODE_SCORE, skip, success, successWithNodes, unresolvable } from '../framework/types';
import { defaultNormalizeScore } from './normalizeScore';
import {
  ParsedNodeSelector,
  PreferredSchedulingTerms,
  requiredNodeAffinityOf,
  type RequiredNodeAffinity,
} from './nodeSelector';

export const NODE_AFFINITY = 'NodeAffinity';
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';
const PRE_FILTER_KEY = 'PreFilter' + NODE_AFFINITY;
const PRE_SCORE_KEY = 'PreScore' + NODE_AFFINITY;

export interface NodeAffinityArgs {
  addedAffinity?: V1NodeAffinity;
}

/**
 * mirrors PreFilter's metadata.name analysis: the union over terms of the names each term pins (a term's several
 * `metadata.name In` requirements intersect); undefined when some term pins no names (terms are ORed, so every node
 * is eligible) or there are no terms
 */
export function nodeNamesOfAffinity(na: V1NodeAffinity | undefined): Set<string> | undefined {
  const terms = na?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  const union = new Set<string>();
  for (const t of terms) {
    let names: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      names = names === undefined ? s : new Set([...names].filter((n) => s.has(n)));
    }
    if (names === undefined) return undefined; // a term without node-name affinity lets every node through
    for (const n of names) union.add(n);
  }
  return union;
}

export function newNodeAffinity(
  args: NodeAffinityArgs = {},
): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  const added = args.addedAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const addedSelector = added !== undefined ? new ParsedNodeSelector(added) : undefined;
  const addedPreferred = new PreferredSchedulingTerms(
    args.addedAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
  );
  return {
    name: NODE_AFFINITY,
    preFilter(state, pod) {
      const na = pod.spec?.affinity?.nodeAffinity;
      const noNodeAffinity = na?.requiredDuringSchedulingIgnoredDuringExecution === undefined;
      if (noNodeAffinity && addedSelector === undefined && pod.spec?.nodeSelector === undefined)
        return skip();
      state.set(PRE_FILTER_KEY, requiredNodeAffinityOf(pod));
      // affinity to specific nodes (DaemonSet pods): a PreFilterResult so Filter only sees those nodes
      const names = nodeNamesOfAffinity(na);
      if (names === undefined) return success();
      if (names.size === 0) return unresolvable(NODE_AFFINITY, ERR_REASON_CONFLICT);
      return successWithNodes(names);
    },
    filter(state, pod, nodeInfo) {
      if (addedSelector !== undefined && !addedSelector.match(nodeInfo.node)) {
        return unresolvable(NODE_AFFINITY, ERR_REASON_ENFORCED);
      }
      const req =
        (state.get(PRE_FILTER_KEY) as RequiredNodeAffinity | undefined) ?? requiredNodeAffinityOf(pod);
      return req.match(nodeInfo.node) ? success() : unresolvable(NODE_AFFINITY, ERR_REASON_POD);
    },
    preScore(state, pod) {
      const preferred = new PreferredSchedulingTerms(
        pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
      );
      if (preferred.length === 0 && addedPreferred.length === 0) return skip();
      state.set(PRE_SCORE_KEY, preferred);
      return success();
    },
    score(state, pod, nodeInfo) {
      const preferred =
        (state.get(PRE_SCORE_KEY) as PreferredSchedulingTerms | undefined) ??
        new PreferredSchedulingTerms(
          pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
        );
      return addedPreferred.score(nodeInfo.node) + preferred.score(nodeInfo.node);
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    },
  };
}
