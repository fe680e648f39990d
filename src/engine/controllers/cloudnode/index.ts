// Public surface of the cloud-controller-manager's node controller.
export { cloudNodeController, CLOUD_NODE_CONTROLLER, CLOUD_NODE_INIT_LATENCY_MS } from './controller';
export {
  cloudAddresses,
  cloudLabels,
  hasCloudTaint,
  initializedNode,
  PROVIDED_NODE_IP_ANNOTATION,
  TAINT_SHUTDOWN,
  TAINT_UNINITIALIZED,
} from './initialize';
export { labelsToReconcile } from './labels';
