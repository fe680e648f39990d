// The disruption controller (pkg/controller/disruption): PodDisruptionBudget status.
export { disruptionController, pdbsForPod, DISRUPTION_CONTROLLER_NAME } from './controller';
export {
  scaledValue,
  expectedPodCount,
  expectedScale,
  countHealthyPods,
  buildDisruptedPodMap,
  disruptionsAllowed,
  DELETION_TIMEOUT_MS,
} from './expected';
export { nextPdbStatus, failSafeStatus } from './status';
