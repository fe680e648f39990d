// Public surface of the taint eviction controller.
export { taintEvictionController, TAINT_EVICTION_CONTROLLER } from './controller';
export { matchingTolerations, minTolerationMs, toleratesTaint } from './tolerations';
export type { TaintLite, Toleration } from './tolerations';
