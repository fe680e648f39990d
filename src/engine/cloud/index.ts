// The simulated cloud provider: instances, routes, and the per-cluster registry.
export { SimulatedCloud, CLOUD_REGION, CLOUD_ZONES, CLUSTER_NAME, providerIdFor } from './cloud';
export { cloudOf } from './registry';
export { instanceTypeFor } from './instanceType';
export type { CloudInstance, CloudRoute, InstanceMetadata, InstanceState, LaunchSpec } from './types';
