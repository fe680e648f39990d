// Score normalisation shared by score plugins.
// mirrors pkg/scheduler/framework/plugins/helper/normalize_score.go DefaultNormalizeScore.
import type { NodeScore } from '../framework/types';

/** scales scores to [0, maxPriority] by the largest score; reverse flips them (maxPriority - score) */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: NodeScore[]): void {
  let maxCount = 0;
  for (const s of scores) if (s.score > maxCount) maxCount = s.score;
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority;
    return;
  }
  for (const s of scores) {
    let score = Math.trunc((maxPriority * s.score) / maxCount);
    if (reverse) score = maxPriority - score;
    s.score = score;
  }
}
