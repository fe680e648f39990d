// The PodGC controller (kube-controller-manager's pod-garbage-collector-controller) and its pure selection logic.
export { podGCController, newPodGCController, PODGC_CONTROLLER_NAME } from './controller';
export type { PodGCOptions } from './controller';
export { GC_CHECK_PERIOD_MS, QUARANTINE_MS, TERMINATED_POD_THRESHOLD, TAINT_OUT_OF_SERVICE } from './select';
