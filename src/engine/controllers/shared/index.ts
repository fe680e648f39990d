// Controller utilities shared by the workload controllers (pkg/controller/controller_utils.go, controller_ref_manager.go).
export { getControllerOf, isControlledBy, newControllerRef, adoptPatch, releasePatch } from './controllerRef';
export {
  getPodReadyCondition,
  isPodReady,
  isPodAvailable,
  isPodActive,
  isPodTerminating,
  filterActivePods,
  podReadyTimeMs,
  timeMs,
} from './podUtil';
export type { PodLike } from './podUtil';
export {
  POD_DELETION_COST_ANNOTATION,
  podDeletionCost,
  maxContainerRestarts,
  activePodLess,
  compareActivePods,
  rankPodsByRelatedPodsOnSameNode,
  sortActivePodsWithRanks,
} from './activePods';
export type { RankedPod } from './activePods';
export { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './slowStartBatch';
export type { SlowStartResult } from './slowStartBatch';
export { podsPrefix, getPodFromTemplate } from './podTemplate';
export { claimDecision, claimObjects, recheckDeletionTimestamp } from './claimPods';
export type { ClaimDecision, ClaimOptions, ClaimResult } from './claimPods';
export {
  CONTROLLER_UID_INDEX,
  ORPHAN_NAMESPACE_INDEX,
  addControllerIndexers,
  controlledBy,
  claimCandidates,
} from './indexers';
