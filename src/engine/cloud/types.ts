// The simulated cloud's data model: instances (one VM per node) and the VPC routes table, shaped like
// k8s.io/cloud-provider's InstanceMetadata and Route (cloud.go) so the CCM controllers read them as they would.
import type { NodeAddress } from 'kubernetes-types/core/v1';

/** running, or stopped (powered off but still existing); a deleted instance is gone from the cloud */
export type InstanceState = 'running' | 'stopped';

export interface CloudInstance {
  /** the VM's hostname, which is also its Node's name */
  readonly name: string;
  readonly providerID: string;
  readonly zone: string;
  readonly region: string;
  readonly instanceType: string;
  readonly internalIP: string;
  state: InstanceState;
}

/** cloudprovider.InstanceMetadata: what InstancesV2.InstanceMetadata returns for a node */
export interface InstanceMetadata {
  providerID: string;
  instanceType: string;
  nodeAddresses: NodeAddress[];
  zone: string;
  region: string;
}

/** cloudprovider.Route: a route in the cluster's VPC sending a pod CIDR to one node's instance */
export interface CloudRoute {
  readonly name: string;
  readonly targetNode: string;
  readonly destinationCIDR: string;
}

/** what a new machine is launched with */
export interface LaunchSpec {
  name: string;
  /** omitted: the cloud spreads instances over its zones */
  zone?: string;
  cpu: string;
  memory: string;
  internalIP: string;
}
