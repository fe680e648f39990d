// InterPodAffinity plugin: required (anti-)affinity in PreFilter/Filter, preferred terms in scoring.
// mirrors pkg/scheduler/framework/plugins/interpodaffinity/plugin.go.
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/types';
import { skip, success, unresolvable } from '../../framework/types';
import {
  calPreFilterState,
  filterNode,
  INTER_POD_AFFINITY,
  nothingToFilter,
  type PreFilterState,
} from './filtering';
import { parsedAffinityOf } from './terms';
import {
  calPreScoreState,
  normalize,
  scoreNode,
  type InterPodAffinityArgs,
  type TopologyScore,
} from './scoring';

export {
  INTER_POD_AFFINITY,
  ERR_REASON_AFFINITY,
  ERR_REASON_ANTI_AFFINITY,
  ERR_REASON_EXISTING_ANTI_AFFINITY,
} from './filtering';
export type { InterPodAffinityArgs } from './scoring';

const PRE_FILTER_KEY = 'PreFilter' + INTER_POD_AFFINITY;
const PRE_SCORE_KEY = 'PreScore' + INTER_POD_AFFINITY;

export function newInterPodAffinity(
  args: InterPodAffinityArgs = {},
): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: INTER_POD_AFFINITY,
    preFilter(state, pod, ctx) {
      // nothing can match: no required terms and no existing pod with required anti-affinity (the state would be empty)
      const parsed = parsedAffinityOf(pod);
      if (
        parsed.parseError === undefined &&
        parsed.requiredAffinity.length === 0 &&
        parsed.requiredAntiAffinity.length === 0 &&
        ctx.snapshot.havePodsWithRequiredAntiAffinity().length === 0
      )
        return skip();
      const s = calPreFilterState(pod, ctx);
      if (typeof s === 'string') return unresolvable(INTER_POD_AFFINITY, s);
      if (nothingToFilter(s)) return skip();
      state.set(PRE_FILTER_KEY, s);
      return success();
    },
    filter(state, pod, nodeInfo, ctx) {
      let s = state.get(PRE_FILTER_KEY) as PreFilterState | string | undefined;
      if (s === undefined) {
        s = calPreFilterState(pod, ctx);
        state.set(PRE_FILTER_KEY, s);
      }
      if (typeof s === 'string') return unresolvable(INTER_POD_AFFINITY, s);
      return filterNode(s, nodeInfo);
    },
    preScore(state, pod, nodes, ctx) {
      // no preferred terms of its own and no pod with affinity anywhere: nothing to score
      const parsed = parsedAffinityOf(pod);
      const own = parsed.preferredAffinity.length > 0 || parsed.preferredAntiAffinity.length > 0;
      if (!own && ctx.snapshot.havePodsWithAffinity().length === 0) return skip();
      const m = calPreScoreState(pod, nodes, args, ctx);
      if (m === undefined) return skip();
      state.set(PRE_SCORE_KEY, m);
      return success();
    },
    score(state, _pod, nodeInfo) {
      const m = state.get(PRE_SCORE_KEY) as TopologyScore | undefined;
      return m === undefined ? 0 : scoreNode(m, nodeInfo);
    },
    normalizeScore(state, _pod, scores) {
      if (state.get(PRE_SCORE_KEY) !== undefined) normalize(scores);
    },
  };
}
