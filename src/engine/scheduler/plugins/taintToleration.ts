// TaintToleration: filter on untolerated NoSchedule/NoExecute taints; score by intolerable PreferNoSchedule taints.
// mirrors pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go.
import type { Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/types';
import { MAX_NODE_SCORE, success, unresolvable } from '../framework/types';
import { defaultNormalizeScore } from './normalizeScore';
import { doNotScheduleTaint, findMatchingUntoleratedTaint, tolerationsTolerateTaint } from './taints';

export const TAINT_TOLERATION = 'TaintToleration';
const PRE_SCORE_KEY = 'PreScore' + TAINT_TOLERATION;
/** taint_toleration.go Filter's reason (v1.35) */
export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)';

export function newTaintToleration(): FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: TAINT_TOLERATION,
    filter(_state, pod, nodeInfo) {
      const taints = nodeInfo.node.spec?.taints;
      if (taints === undefined || taints.length === 0) return success();
      const taint = findMatchingUntoleratedTaint(taints, pod.spec?.tolerations, doNotScheduleTaint);
      if (taint === undefined) return success();
      // since v1.35 (kubernetes#134740) the reason no longer names the taint: keys/values may be sensitive
      return unresolvable(TAINT_TOLERATION, ERR_REASON_UNTOLERATED);
    },
    preScore(state, pod) {
      // getAllTolerationPreferNoSchedule: tolerations with empty effect or PreferNoSchedule
      const tols = (pod.spec?.tolerations ?? []).filter(
        (t) => (t.effect ?? '') === '' || t.effect === 'PreferNoSchedule',
      );
      state.set(PRE_SCORE_KEY, tols);
      return success();
    },
    score(state, pod, nodeInfo) {
      const tols =
        (state.get(PRE_SCORE_KEY) as Toleration[] | undefined) ??
        (pod.spec?.tolerations ?? []).filter(
          (t) => (t.effect ?? '') === '' || t.effect === 'PreferNoSchedule',
        );
      const taints = nodeInfo.node.spec?.taints;
      if (taints === undefined) return 0;
      let count = 0;
      for (const taint of taints) {
        if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, taint)) count++;
      }
      return count;
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    },
  };
}
