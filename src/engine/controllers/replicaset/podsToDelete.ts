// Which pods a scale-down removes (mirrors pkg/controller/replicaset/replica_set.go getPodsToDelete).
import type { KubeObject } from '../../types/object';
import { rankPodsByRelatedPodsOnSameNode, sortActivePodsWithRanks } from '../shared/activePods';

/**
 * getPodsToDelete: when only some pods go, rank them by related pods on the same node and sort with
 * ActivePodsWithRanks; the first diff are deleted.
 */
export function getPodsToDelete<T extends Readonly<KubeObject>>(
  filteredPods: readonly T[],
  relatedPods: readonly Readonly<KubeObject>[],
  diff: number,
  nowMs: number,
): T[] {
  if (diff < filteredPods.length) {
    const ranked = rankPodsByRelatedPodsOnSameNode(filteredPods, relatedPods);
    return sortActivePodsWithRanks(ranked, nowMs).slice(0, diff);
  }
  return filteredPods.slice(0, diff);
}
