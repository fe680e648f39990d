// NodeResourcesBalancedAllocation: favours nodes whose cpu and memory fractions stay close after placing the pod.
// mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go (best-effort pods: PreScore Skip).
import type { PreScorePlugin, ScorePlugin } from '../framework/types';
import { skip, success } from '../framework/types';
import {
  balancedResourceScorer,
  DEFAULT_RESOURCES,
  podRequestList,
  scoreNode,
  type ResourceSpec,
} from './resourceScoring';

export const BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';
const PRE_SCORE_KEY = 'PreScore' + BALANCED_ALLOCATION;

export interface BalancedAllocationArgs {
  resources?: ResourceSpec[];
}

export function newBalancedAllocation(args: BalancedAllocationArgs = {}): PreScorePlugin & ScorePlugin {
  const resources = args.resources ?? DEFAULT_RESOURCES;
  return {
    name: BALANCED_ALLOCATION,
    preScore(state, pod) {
      const reqs = podRequestList(pod, resources, true);
      if (reqs.every((r) => r === 0)) return skip();
      state.set(PRE_SCORE_KEY, reqs);
      return success();
    },
    score(state, pod, nodeInfo) {
      const reqs = (state.get(PRE_SCORE_KEY) as number[] | undefined) ?? podRequestList(pod, resources, true);
      if (reqs.every((r) => r === 0)) return 0;
      return scoreNode(nodeInfo, resources, reqs, true, balancedResourceScorer);
    },
  };
}
