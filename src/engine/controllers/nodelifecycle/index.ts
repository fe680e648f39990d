// Public surface of the node lifecycle controller.
export { nodeLifecycleController, NODE_LIFECYCLE_CONTROLLER } from './controller';
export type { NodeLifecycleOptions } from './controller';
export {
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_MONITOR_PERIOD_MS,
  NODE_STARTUP_GRACE_PERIOD_MS,
} from './nodeHealth';
export { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from './taints';
export type { DisruptionConfig, ZoneState } from './zones';
export {
  EVICTION_LIMITER_QPS,
  LARGE_CLUSTER_SIZE_THRESHOLD,
  SECONDARY_EVICTION_LIMITER_QPS,
  UNHEALTHY_ZONE_THRESHOLD,
} from './zones';
