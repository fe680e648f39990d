// Shapes the EndpointSlice controller works with: discovery.k8s.io/v1 EndpointSlice over the generic KubeObject.
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../types/object';

export type AddressType = 'IPv4' | 'IPv6' | 'FQDN';

export interface EndpointSliceObject extends KubeObject {
  addressType: AddressType;
  endpoints: Endpoint[];
  ports: EndpointPort[];
}

/** discovery.LabelServiceName */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** discovery.LabelManagedBy */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** v1.IsHeadlessService */
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** the EndpointSlice controller's managed-by value (ControllerName) */
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** v1.EndpointsLastChangeTriggerTime */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** v1.LabelTopologyZone */
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

export function asSlice(o: Readonly<KubeObject>): EndpointSliceObject {
  return o as EndpointSliceObject;
}
