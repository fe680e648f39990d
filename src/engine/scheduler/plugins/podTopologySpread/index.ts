// PodTopologySpread plugin: hard constraints in PreFilter/Filter, soft ones (and system defaults) in scoring.
// mirrors pkg/scheduler/framework/plugins/podtopologyspread/plugin.go.
import type {
  FilterPlugin,
  PluginStatus,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
} from '../../framework/types';
import { skip, success } from '../../framework/types';
import { POD_TOPOLOGY_SPREAD, type PodTopologySpreadArgs } from './common';
import { calPreFilterState, filterNode, type PreFilterState } from './filtering';
import { calPreScoreState, normalize, scoreNode, type PreScoreState } from './scoring';

export {
  POD_TOPOLOGY_SPREAD,
  ERR_REASON_CONSTRAINTS_NOT_MATCH,
  ERR_REASON_NODE_LABEL_NOT_MATCH,
} from './common';
export type { PodTopologySpreadArgs, SpreadPluginContext } from './common';

const PRE_FILTER_KEY = 'PreFilter' + POD_TOPOLOGY_SPREAD;
const PRE_SCORE_KEY = 'PreScore' + POD_TOPOLOGY_SPREAD;

const errorStatus = (e: unknown): PluginStatus => ({
  code: 'Error',
  reasons: [`get constraints from pod: ${(e as Error).message}`],
  plugin: POD_TOPOLOGY_SPREAD,
});

export function newPodTopologySpread(
  args: PodTopologySpreadArgs = {},
): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: POD_TOPOLOGY_SPREAD,
    preFilter(state, pod, ctx) {
      let s: PreFilterState;
      try {
        s = calPreFilterState(pod, args, ctx);
      } catch (e) {
        return errorStatus(e);
      }
      if (s.constraints.length === 0) return skip();
      state.set(PRE_FILTER_KEY, s);
      return success();
    },
    filter(state, pod, nodeInfo, ctx) {
      let s = state.get(PRE_FILTER_KEY) as PreFilterState | undefined;
      if (s === undefined) {
        try {
          s = calPreFilterState(pod, args, ctx);
        } catch (e) {
          return errorStatus(e);
        }
        state.set(PRE_FILTER_KEY, s);
      }
      return filterNode(s, pod, nodeInfo.node.metadata?.labels);
    },
    preScore(state, pod, nodes, ctx) {
      let s: PreScoreState | undefined;
      try {
        s = calPreScoreState(pod, nodes, args, ctx);
      } catch (e) {
        return errorStatus(e);
      }
      if (s === undefined) return skip();
      state.set(PRE_SCORE_KEY, s);
      return success();
    },
    score(state, pod, nodeInfo) {
      const s = state.get(PRE_SCORE_KEY) as PreScoreState | undefined;
      return s === undefined ? 0 : scoreNode(s, pod, nodeInfo);
    },
    normalizeScore(state, _pod, scores) {
      const s = state.get(PRE_SCORE_KEY) as PreScoreState | undefined;
      if (s !== undefined) normalize(s, scores);
    },
  };
}
