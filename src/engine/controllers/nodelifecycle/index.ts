// Public surface of the node lifecycle controller.
export { nodeLifecycleController, NODE_LIFECYCLE_CONTROLLER } from './controller';
export type { NodeLifecycleOptions } from './controller';
export { NODE_MONITOR_GRACE_PERIOD_MS, NODE_MONITOR_PERIOD_MS } from './nodeHealth';
export { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from './taints';
