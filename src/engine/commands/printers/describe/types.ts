// What a describer needs besides the object: related objects the describe command fetched for it.
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../types/object';

export interface DescribeInputs {
  nowMs: number;
  /** events about the object (involvedObject uid/name match); undefined hides the section (--show-events=false) */
  events: Event[] | undefined;
  /** controllers: pods they own; nodes: non-terminated pods bound to them; claims: pods that use them */
  pods?: Pod[];
  /** deployments: ReplicaSets they own */
  replicaSets?: KubeObject[];
  /** services: their EndpointSlices */
  endpointSlices?: KubeObject[];
  /** nodes: their Lease in kube-node-lease, or the error text when it could not be read */
  lease?: KubeObject | string;
}

export type Describer = (obj: KubeObject, inputs: DescribeInputs) => string;
