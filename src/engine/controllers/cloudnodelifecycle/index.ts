// Public surface of the cloud-controller-manager's node lifecycle controller.
export {
  cloudNodeLifecycleController,
  CLOUD_NODE_LIFECYCLE_CONTROLLER,
  CLOUD_NODE_MONITOR_PERIOD_MS,
} from './controller';
export { lifecycleAction, withShutdownTaint, hasShutdownTaint, UNINITIALIZED_NODE_DELAY_MS } from './plan';
export type { LifecycleAction, CloudView } from './plan';
