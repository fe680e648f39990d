// The EndpointSlice controller (pkg/controller/endpointslice over staging/src/k8s.io/endpointslice).
export {
  endpointSliceController,
  createEndpointSliceController,
  setMaxEndpointsPerSlice,
  maxEndpointsPerSlice,
  ENDPOINTSLICE_CONTROLLER_NAME,
} from './controller';
export type { EndpointSliceControllerOptions } from './controller';
export { reconcile, DEFAULT_MAX_ENDPOINTS_PER_SLICE } from './reconciler';
export type { ReconcileInput, ReconcilePlan } from './reconciler';
export {
  podToEndpoint,
  getEndpointPorts,
  getAddressTypesForService,
  shouldPodBeInEndpoints,
} from './podToEndpoint';
export { measureEndpointChurn } from './churn';
export type { ChurnFigures, EndpointChurn } from './churn';
export {
  CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_HEADLESS,
  LAST_CHANGE_TRIGGER_TIME,
} from './types';
export type { EndpointSliceObject, AddressType } from './types';
