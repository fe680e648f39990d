// Service ClusterIP and NodePort allocation inside the API server (pkg/registry/core/service/{ipallocator,portallocator}).
export { ServiceAllocators, needsClusterIP, needsNodePort, nodePortsOf } from './allocators';
export { BitmapAllocator } from './bitmap';
export {
  SERVICE_CLUSTER_IP_RANGE,
  SERVICE_NODE_PORT_RANGE,
  formatIPv4,
  parseIPv4,
  parseIPv4Range,
  ipRangeOffset,
  portRangeOffset,
} from './ranges';
export {
  allocateServiceOnCreate,
  allocateServiceOnUpdate,
  normalizeClusterIPs,
  patchAllocatedValues,
  serviceAllocators,
} from './hooks';
