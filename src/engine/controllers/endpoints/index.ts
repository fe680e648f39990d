// The legacy Endpoints controller (pkg/controller/endpoint).
export { endpointsController, desiredEndpoints, ENDPOINTS_CONTROLLER_NAME } from './controller';
export { desiredSubsets, podToEndpointAddress } from './desired';
export { repackSubsets, addEndpointSubset } from './subsets';
export {
  truncateSubsets,
  capacityAnnotationSetCorrectly,
  MAX_ENDPOINTS_CAPACITY,
  OVER_CAPACITY_ANNOTATION,
} from './truncate';
